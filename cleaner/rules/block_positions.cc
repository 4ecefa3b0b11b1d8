#include "cleaner/rules/block_positions.h"

namespace mtclean::internal {
namespace {

// Less than this share of a story line may be boilerplate vocabulary.
constexpr size_t kMaxVocabularyPercent = 50;

}  // namespace

BlockPositions::BlockPositions(const Document& doc, std::vector<bool> boilerplate_line,
                               const std::vector<size_t>& vocabulary_bytes)
    : doc_(&doc), boilerplate_(std::move(boilerplate_line)) {
  const size_t n = doc.lines().size();
  blank_.assign(n, true);
  vocabulary_heavy_.assign(n, false);
  for (size_t l = 0; l < n; ++l) {
    // Lines outside blocks (blank, front matter) carry no evidence.
    if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
    blank_[l] = false;
    const std::string_view text = doc.LineText(l);
    vocabulary_heavy_[l] = vocabulary_bytes[l] * 100 >= kMaxVocabularyPercent * text.size();
  }
  Recount(doc);
}

void BlockPositions::MarkBoilerplate(size_t first_line, size_t last_line) {
  for (size_t l = first_line; l <= last_line && l < boilerplate_.size(); ++l) {
    if (!blank_[l]) boilerplate_[l] = true;
  }
}

void BlockPositions::Recount(const Document& doc) {
  const auto& blocks = doc.blocks();
  std::vector<bool> content(blocks.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (size_t l = blocks[b].first_line; l <= blocks[b].last_line; ++l) {
      if (!boilerplate_[l]) {
        content[b] = true;
        break;
      }
    }
  }
  content_before_.resize(blocks.size());
  content_after_.resize(blocks.size());
  size_t count = 0;
  for (size_t b = 0; b < blocks.size(); ++b) {
    content_before_[b] = count;
    if (content[b]) ++count;
  }
  count = 0;
  for (size_t b = blocks.size(); b-- > 0;) {
    content_after_[b] = count;
    if (content[b]) ++count;
  }

  story_.measured = false;
}

const BlockPositions::StoryLines& BlockPositions::Story() const {
  if (story_.measured) return story_;
  const size_t n = blank_.size();
  if (story_.shapes.size() != n) {
    story_.shapes.resize(n);
    for (size_t l = 0; l < n; ++l) {
      if (!blank_[l]) story_.shapes[l] = MeasureLine(doc_->LineText(l));
    }
  }
  story_.story.assign(n, false);
  story_.story_before.resize(n);
  story_.story_lines = 0;
  for (size_t l = 0; l < n; ++l) {
    story_.story_before[l] = story_.story_lines;
    if (blank_[l] || boilerplate_[l] || vocabulary_heavy_[l]) continue;
    if (!IsSentenceLike(story_.shapes[l])) continue;
    story_.story[l] = true;
    ++story_.story_lines;
  }
  story_.measured = true;
  return story_;
}

bool BlockPositions::InHead(size_t block, size_t within) const {
  return content_before_[block] < within && content_after_[block] > 0;
}

bool BlockPositions::InTail(size_t block, size_t within) const {
  return content_after_[block] < within && content_before_[block] > 0;
}

bool BlockPositions::AtHeadEdge(size_t line) const {
  const StoryLines& s = Story();
  const size_t after = s.story_lines - s.story_before[line] - (s.story[line] ? 1 : 0);
  return s.story_before[line] == 0 && !s.story[line] && after > 0;
}

bool BlockPositions::AtTailEdge(size_t line) const {
  const StoryLines& s = Story();
  const size_t after = s.story_lines - s.story_before[line] - (s.story[line] ? 1 : 0);
  return after == 0 && !s.story[line] && s.story_before[line] > 0;
}

bool BlockPositions::NextToBoilerplate(size_t line) const {
  for (size_t l = line; l-- > 0;) {
    if (blank_[l]) continue;
    if (boilerplate_[l]) return true;
    break;
  }
  for (size_t l = line + 1; l < blank_.size(); ++l) {
    if (blank_[l]) continue;
    return boilerplate_[l];
  }
  return false;
}

}  // namespace mtclean::internal
