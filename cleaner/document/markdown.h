// The Markdown structure of a text, as far as mtclean needs it: which lines
// are text and where their content starts after the markup, which lines
// start a block, and which bytes no rule may edit.
//
// This is a line scanner for the block structure of CommonMark (block
// quotes, list items, ATX and setext headings, thematic breaks, fenced and
// indented code, HTML blocks, link reference definitions) and an inline
// scanner for code spans, HTML comments, autolinks, links, images and bare
// URLs. It does not build a tree or render anything. No Debian-packaged
// Markdown parser (cmark, md4c) reports the byte spans of link destinations
// and reference definitions, which is what protecting them needs, so the
// scanner is the project's own; it follows the CommonMark rules for what it
// recognises and errs on the side of protecting bytes.
//
// All offsets are byte offsets into the text given.
#ifndef MTCLEAN_DOCUMENT_MARKDOWN_H_
#define MTCLEAN_DOCUMENT_MARKDOWN_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "cleaner/document/document.h"

namespace mtclean::internal {

enum class LineRole {
  kText,       // content of a paragraph, heading or list item
  kBlank,      // nothing but whitespace and container markup (`>`)
  kMarkup,     // markup only: a thematic break, a setext underline
  kProtected,  // code, an HTML block, a link reference definition
};

struct LineMarkup {
  LineRole role = LineRole::kText;
  size_t content_begin = 0;  // for kText: where the content starts
  bool starts_block = false;  // for kText: the line opens a new block
};

struct MarkdownBlocks {
  std::vector<LineMarkup> lines;  // one per line from `first_line` on
  // Runs of protected lines, [first line start, last line next).
  std::vector<Region> protected_lines;
  // The runs that are HTML blocks (also in protected_lines), where HTML
  // comments may stand.
  std::vector<Region> html_blocks;
};

// Classifies lines[first_line..] of `text`.
MarkdownBlocks ScanMarkdownBlocks(std::string_view text, const std::vector<Line>& lines,
                                  size_t first_line);

// Appends to `regions` the protected inline spans in text[begin, end) (one
// block): code spans, HTML comments, autolinks, images whole, the `[` and
// the `](destination "title")` or `][label]` of links, and bare URLs.
// HTML comments are also appended to `comments`.
void ScanMarkdownInline(std::string_view text, size_t begin, size_t end,
                        std::vector<Region>* regions, std::vector<Region>* comments);

// Appends the HTML comments (`<!-- ... -->`) in text[begin, end) to
// `comments`.
void FindHtmlComments(std::string_view text, size_t begin, size_t end,
                      std::vector<Region>* comments);

}  // namespace mtclean::internal

#endif  // MTCLEAN_DOCUMENT_MARKDOWN_H_
