// Position and shape evidence: where each block and line of a document
// stands relative to the story, computed once per document by the registry
// from every rule's matches and shared by the data rules' position filters
// (`where`, `within`, `shape`, `takes`) and the structural rules.
//
// Two measures, in the spirit of jusText's context-sensitive paragraph
// classification:
//  - content: a block is content unless it is wholly made of boilerplate
//    lines (lines deleted whole by a line rule). `where: head` / `tail` with
//    `within: N` count content blocks. Counting only real content keeps a
//    long footer in the tail and makes cleaning idempotent (deleting
//    boilerplate moves nothing into the tail).
//  - story: a line of the story reads as running text (IsSentenceLike), is
//    not boilerplate, and less than half of it is boilerplate vocabulary
//    (words of any deleting rule's phrases). The head edge is the run of
//    lines before the first story line, the tail edge the run after the
//    last; the short, link-like lines there, and everything boilerplate
//    rules match there, are page furniture. Deleting boilerplate never
//    changes which lines are story, so the edges do not move under a fix.
//
// On top of these, the page model (real scraped pages are rarely one
// article with a footer: menus, listings of items, counters and labels
// stand between the stories): each non-blank line gets a class from its
// own shape (length, sentence punctuation, digits and dates, link-like
// shapes, letters of another script than the text's, function words of the
// text's language, repetition elsewhere in the page) revised by its
// neighbours, and a region (before the story, inside it, between two items
// of a listing, after it). It is measured once, on first use, from every
// rule's deletions: rules that judge the page run after the others.
#ifndef MTCLEAN_RULES_BLOCK_POSITIONS_H_
#define MTCLEAN_RULES_BLOCK_POSITIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "cleaner/dict/language_profile.h"
#include "cleaner/document/document.h"
#include "cleaner/document/line_shape.h"

namespace mtclean::internal {

// The class of a line in the page model.
enum class LineClass : unsigned char {
  kBlank,      // no content, or outside every block
  kStory,      // a story line (see above)
  kHeadline,   // short, and the next kept line is story: a title, a subheading
  kDate,       // short and carries a date or a time (kept once, like a byline)
  kShort,      // short, with no evidence either way
  kFurniture,  // short, shaped like page furniture (see PageModel below)
};

// Where a line stands relative to the story's extent.
enum class PageRegion : unsigned char {
  kNoStory,       // the page has no story line at all
  kBeforeStory,   // before the first story line
  kStory,         // in a block that holds story lines
  kBetweenItems,  // in a block of its own between two story blocks
  kAfterStory,    // after the last story line
};

class BlockPositions {
 public:
  // Per line: whether a rule deletes the whole line (`boilerplate_line`) and
  // how many bytes of it boilerplate phrases cover (`vocabulary_bytes`).
  // Both vectors have one entry per line of `doc`, which must outlive this
  // object. The lines' shapes and the story are measured on first use:
  // most documents have no site a position filter must judge.
  BlockPositions(const Document& doc, std::vector<bool> boilerplate_line,
                 const std::vector<size_t>& vocabulary_bytes);

  // The function words of the text's language, for the page model's
  // function-word evidence; without them that evidence is not used.
  // `profiles` must outlive this object.
  void SetLanguage(const LanguageProfiles* profiles, int language_index);

  // Marks the lines [first_line, last_line] as boilerplate (deleted by a
  // structural rule); call Recount() after the last mark.
  void MarkBoilerplate(size_t first_line, size_t last_line);
  void Recount(const Document& doc);

  // Content blocks (see above) before and after `block`.
  size_t content_before(size_t block) const { return content_before_[block]; }
  size_t content_after(size_t block) const { return content_after_[block]; }
  // Fewer than `within` content blocks before `block` (head) or after it
  // (tail), and some on the other side: a block with no content on the
  // other side (a one-block text, a headline) is neither.
  bool InHead(size_t block, size_t within) const;
  bool InTail(size_t block, size_t within) const;

  const LineShape& shape(size_t line) const { return Story().shapes[line]; }
  bool boilerplate(size_t line) const { return boilerplate_[line]; }
  // A story line (see above).
  bool story(size_t line) const { return Story().story[line]; }
  // A non-blank line that is not sentence-like: short, no sentence ending.
  bool short_line(size_t line) const {
    return !blank_[line] && !IsSentenceLike(Story().shapes[line]);
  }
  // No story line before `line`, some after it.
  bool AtHeadEdge(size_t line) const;
  // No story line after `line`, some before it.
  bool AtTailEdge(size_t line) const;
  // The non-blank line before or after `line` (blank lines between allowed)
  // is boilerplate: `line` is part of a run of page furniture (the sentence
  // of a newsletter box between its label and its button).
  bool NextToBoilerplate(size_t line) const;

  // The page model (measured on first use; see the top of this file).
  LineClass line_class(size_t line) const { return Page().classes[line]; }
  PageRegion region(size_t line) const { return Page().regions[line]; }
  // The line's folded text appears on another line of the page too.
  bool repeated(size_t line) const { return Page().repeats[line] > 1; }
  // Most of the line's letters are of another script than Latin (the
  // script of every language mtclean checks).
  bool other_script(size_t line) const { return Page().other_script[line]; }
  // A menu run into one line: three or more words, each capitalised, no
  // function word of the text's language, and a known label among them
  // (`Home World Business Sport Login`).
  bool menu_line(size_t line) const { return Page().menu[line]; }
  // Why a furniture line is furniture, for a message ("before the story, in
  // a run of 3 such lines").
  std::string FurnitureEvidence(size_t line) const;

 private:
  // The page model; `measured` false until first use after construction or
  // Recount().
  struct PageModel {
    bool measured = false;
    std::vector<LineClass> classes;
    std::vector<PageRegion> regions;
    std::vector<unsigned char> repeats;  // copies of the line's text, capped at 2
    std::vector<bool> other_script;
    std::vector<bool> menu;
    std::vector<bool> unwrapped;  // per block: one paragraph per line
  };
  bool IsMenuLine(size_t line) const;
  const PageModel& Page() const;
  LineClass ClassifyShort(size_t line, const PageModel& page) const;
  void MarkHeadlines(PageModel& page) const;
  static constexpr size_t kNoLine = static_cast<size_t>(-1);

  // What depends on the lines' shapes; `measured` false until first use
  // after construction or Recount().
  struct StoryLines {
    bool measured = false;
    std::vector<LineShape> shapes;  // of the non-blank lines; empty until measured
    std::vector<bool> story;
    std::vector<size_t> story_before;  // story lines before each line
    size_t story_lines = 0;
  };
  const StoryLines& Story() const;

  const Document* doc_;
  std::vector<size_t> content_before_;
  std::vector<size_t> content_after_;
  std::vector<bool> blank_;
  std::vector<bool> vocabulary_heavy_;  // half or more boilerplate vocabulary
  std::vector<bool> has_vocabulary_;    // some boilerplate vocabulary
  std::vector<bool> boilerplate_;
  const LanguageProfiles* profiles_ = nullptr;
  int language_index_ = -1;
  mutable StoryLines story_;
  mutable PageModel page_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_BLOCK_POSITIONS_H_
