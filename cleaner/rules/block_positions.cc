#include "cleaner/rules/block_positions.h"

namespace mtclean::internal {
namespace {

// Less than this share of a story line may be boilerplate vocabulary.
constexpr size_t kMaxVocabularyPercent = 50;

}  // namespace

BlockPositions::BlockPositions(const Document& doc, std::vector<bool> boilerplate_line,
                               const std::vector<size_t>& vocabulary_bytes)
    : boilerplate_(std::move(boilerplate_line)) {
  const size_t n = doc.lines().size();
  shapes_.resize(n);
  blank_.assign(n, true);
  vocabulary_heavy_.assign(n, false);
  for (size_t l = 0; l < n; ++l) {
    // Lines outside blocks (blank, front matter) carry no evidence.
    if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
    blank_[l] = false;
    const std::string_view text = doc.LineText(l);
    shapes_[l] = MeasureLine(text);
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

  const size_t n = shapes_.size();
  story_.assign(n, false);
  story_before_.resize(n);
  story_lines_ = 0;
  for (size_t l = 0; l < n; ++l) {
    story_before_[l] = story_lines_;
    if (blank_[l] || boilerplate_[l] || vocabulary_heavy_[l]) continue;
    if (!IsSentenceLike(shapes_[l])) continue;
    story_[l] = true;
    ++story_lines_;
  }
}

bool BlockPositions::InHead(size_t block, size_t within) const {
  return content_before_[block] < within && content_after_[block] > 0;
}

bool BlockPositions::InTail(size_t block, size_t within) const {
  return content_after_[block] < within && content_before_[block] > 0;
}

bool BlockPositions::AtHeadEdge(size_t line) const {
  const size_t after = story_lines_ - story_before_[line] - (story_[line] ? 1 : 0);
  return story_before_[line] == 0 && !story_[line] && after > 0;
}

bool BlockPositions::AtTailEdge(size_t line) const {
  const size_t after = story_lines_ - story_before_[line] - (story_[line] ? 1 : 0);
  return after == 0 && !story_[line] && story_before_[line] > 0;
}

}  // namespace mtclean::internal
