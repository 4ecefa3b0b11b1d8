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
#ifndef MTCLEAN_RULES_BLOCK_POSITIONS_H_
#define MTCLEAN_RULES_BLOCK_POSITIONS_H_

#include <cstddef>
#include <vector>

#include "cleaner/document/document.h"
#include "cleaner/document/line_shape.h"

namespace mtclean::internal {

class BlockPositions {
 public:
  // Per line: whether a rule deletes the whole line (`boilerplate_line`) and
  // how many bytes of it boilerplate phrases cover (`vocabulary_bytes`).
  // Both vectors have one entry per line of `doc`, which must outlive this
  // object. The lines' shapes and the story are measured on first use:
  // most documents have no site a position filter must judge.
  BlockPositions(const Document& doc, std::vector<bool> boilerplate_line,
                 const std::vector<size_t>& vocabulary_bytes);

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

 private:
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
  std::vector<bool> boilerplate_;
  mutable StoryLines story_;
};

}  // namespace mtclean::internal

#endif  // MTCLEAN_RULES_BLOCK_POSITIONS_H_
