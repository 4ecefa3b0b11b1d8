// The Document: the original bytes of one input and an index over them.
//
// A Document owns a copy of the text. Lines, blocks and protected regions are
// byte spans into that copy; every view it returns lives as long as the
// Document. It is immutable after Create() and safe to share between threads.
#ifndef MTCLEAN_DOCUMENT_DOCUMENT_H_
#define MTCLEAN_DOCUMENT_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace mtclean::internal {

// One line. `start` is where its bytes start; [begin, end) is its content:
// without the line terminator ("\n" or "\r\n") and, in Markdown, without the
// markup that opens it (block-quote `>`, list marker `-` or `1.`, heading
// `#`, indentation), so rules see a heading or a list item as its words. In
// plain text `begin == start`. `next` is where the following line starts
// (the text size for the last line). Deleting a line removes [start, next).
struct Line {
  size_t start = 0;
  size_t begin = 0;
  size_t end = 0;
  size_t next = 0;
  bool blank = false;  // no content: only spaces and tabs (and markup)
};

// A block: a paragraph, a heading, a list item or a paragraph of a block
// quote; a maximal run of text lines. Lines of protected regions and markup
// lines (thematic breaks, setext underlines) belong to no block.
// [begin, end) runs from the first line's content begin to the last line's
// content end (continuation lines keep their own markup inside the span).
struct Block {
  size_t first_line = 0;
  size_t last_line = 0;  // inclusive
  size_t begin = 0;
  size_t end = 0;
};

// A span no rule may edit (front matter; in Markdown also code, HTML
// comments and blocks, link and image destinations, reference definitions
// and URLs).
struct Region {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const Region&, const Region&) = default;
};

// How the text is marked up.
enum class Syntax {
  kPlain,     // lines and paragraphs; front matter is still recognised
  kMarkdown,  // CommonMark with the common extensions (front matter, URLs)
};

class Document {
 public:
  // Validates `text` as UTF-8 and indexes it as `syntax`; `also_protected`
  // are added to the protected regions (the engine's later rounds keep what
  // the original text protected). Error: InvalidArgument naming the byte
  // offset of the first invalid sequence.
  static absl::StatusOr<Document> Create(std::string text, Syntax syntax = Syntax::kPlain,
                                         const std::vector<Region>& also_protected = {});

  std::string_view text() const { return text_; }
  Syntax syntax() const { return syntax_; }
  const std::vector<Line>& lines() const { return lines_; }
  // Body blocks in document order (front matter excluded).
  const std::vector<Block>& blocks() const { return blocks_; }
  // Sorted by begin, non-overlapping.
  const std::vector<Region>& protected_regions() const { return protected_; }
  // The HTML comments of a Markdown text (each also protected), in order.
  const std::vector<Region>& html_comments() const { return comments_; }
  // The `title` of the YAML or TOML front matter, unquoted; empty when there
  // is none.
  const std::string& title() const { return title_; }

  std::string_view LineText(size_t line) const;
  std::string_view BlockText(size_t block) const;
  // The index of the line holding byte `offset` (counting from each line's
  // `start`; the last line for the end of the text).
  size_t LineIndexAt(size_t offset) const;
  // The index of the block holding `line`, or kNoBlock.
  size_t BlockOfLine(size_t line) const { return block_of_line_[line]; }
  static constexpr size_t kNoBlock = static_cast<size_t>(-1);

  // True when the block holds one paragraph per line: a line of it is
  // longer than any hard-wrapped text has (a scraped page that lost its
  // blank lines). There each line stands on its own.
  bool ParagraphPerLine(size_t block) const;

  // True when [begin, end) touches a protected region (an insertion at the
  // boundary of one does not).
  bool IsProtected(size_t begin, size_t end) const;
  // True when [begin, end) lies wholly inside one protected region.
  bool IsInsideProtected(size_t begin, size_t end) const;

  // The first line after the front matter (0 when there is none).
  size_t first_body_line() const { return first_body_line_; }

  // The line terminator the document uses ("\r\n" when its first line
  // break is one, "\n" otherwise).
  std::string_view newline() const { return crlf_ ? "\r\n" : "\n"; }

 private:
  Document(std::string text, Syntax syntax)
      : text_(std::move(text)), syntax_(syntax) {}
  void Index();

  std::string text_;
  Syntax syntax_ = Syntax::kPlain;
  std::vector<Line> lines_;
  std::vector<Block> blocks_;
  std::vector<size_t> block_of_line_;
  std::vector<Region> protected_;
  std::vector<Region> comments_;
  std::string title_;
  size_t first_body_line_ = 0;
  bool crlf_ = false;
};

// Whether `text` opens with front matter as Document recognises it: a first
// line (after a byte order mark) of exactly `---` (YAML) or `+++` (TOML) and
// a later line that closes it (the same fence, or `...` for YAML; trailing
// spaces and tabs allowed). Linear in the text, without an index.
bool OpensWithFrontMatter(std::string_view text);

// Returns OK when `text` is valid UTF-8, else InvalidArgument
// "invalid UTF-8 at byte N".
absl::Status ValidateUtf8(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (one per
// maximal ill-formed subpart, as ICU and the Unicode standard count them);
// `*replaced` gets their number. Valid text comes back unchanged.
std::string RepairUtf8(std::string_view text, size_t* replaced);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_DOCUMENT_H_
