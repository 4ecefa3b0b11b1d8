#include "cleaner/rules/block_positions.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cleaner/document/unicode_text.h"
#include "unicode/uscript.h"

namespace mtclean::internal {
namespace {

// Less than this share of a story line may be boilerplate vocabulary.
constexpr size_t kMaxVocabularyPercent = 50;
// A label: a line of at most this many words standing on its own.
constexpr size_t kLabelWords = 2;
// A line that carries a date or time has at most this many words: a longer
// one is a sentence that mentions a date.
constexpr size_t kDateLineWords = 10;

// A hash of the line with ASCII case and runs of whitespace folded: the key
// of repetition on a page (a "Read more" link, a counter label, a headline
// printed as title and link). Other bytes count as they are.
uint64_t FoldedLineHash(std::string_view line) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  bool space = false;
  for (const char ch : line) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space) {
      h = (h ^ ' ') * 1099511628211ull;
      space = false;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
    h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

// Most letters of `line` are of a script other than Latin (and common or
// inherited characters do not count).
bool MostlyOtherScript(std::string_view line) {
  if (IsAscii(line)) return false;
  size_t latin = 0;
  size_t other = 0;
  for (size_t i = 0; i < line.size();) {
    const char32_t c = NextCodePoint(line, i);
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++latin;
      continue;
    }
    if (!IsLetter(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    ++(script == USCRIPT_LATIN ? latin : other);
  }
  return other > latin;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The line carries a date or a time: a time (`22:13`, `17.32h`), a year
// (`2021`, a four-digit number from 1900 to 2099 standing alone) or a day
// and month in digits (`12/25`, `13.01.2021`, `15-5`).
bool CarriesDateOrTime(std::string_view line) {
  const size_t n = line.size();
  for (size_t i = 0; i < n; ++i) {
    if (!IsAsciiDigit(line[i]) || (i > 0 && IsAsciiDigit(line[i - 1]))) continue;
    size_t j = i;
    while (j < n && IsAsciiDigit(line[j])) ++j;
    const size_t digits = j - i;
    const bool alone = (i == 0 || !IsWordChar(static_cast<unsigned char>(line[i - 1]))) &&
                       (j == n || !IsWordChar(static_cast<unsigned char>(line[j])));
    if (digits == 4 && alone && (line.substr(i, 2) == "19" || line.substr(i, 2) == "20")) {
      return true;
    }
    if (digits >= 1 && digits <= 2 && j < n) {
      const char sep = line[j];
      size_t k = j + 1;
      size_t more = 0;
      while (k < n && IsAsciiDigit(line[k])) ++k, ++more;
      if (sep == ':' && more == 2) return true;
      if ((sep == '/' || sep == '.' || sep == '-') && (more == 1 || more == 2)) return true;
    }
    i = j;
  }
  return false;
}

}  // namespace

BlockPositions::BlockPositions(const Document& doc, std::vector<bool> boilerplate_line,
                               const std::vector<size_t>& vocabulary_bytes)
    : doc_(&doc), boilerplate_(std::move(boilerplate_line)) {
  const size_t n = doc.lines().size();
  blank_.assign(n, true);
  vocabulary_heavy_.assign(n, false);
  has_vocabulary_.assign(n, false);
  for (size_t l = 0; l < n; ++l) {
    // Lines outside blocks (blank, front matter) carry no evidence.
    if (doc.BlockOfLine(l) == Document::kNoBlock) continue;
    blank_[l] = false;
    const std::string_view text = doc.LineText(l);
    vocabulary_heavy_[l] = vocabulary_bytes[l] * 100 >= kMaxVocabularyPercent * text.size();
    has_vocabulary_[l] = vocabulary_bytes[l] > 0;
  }
  Recount(doc);
}

void BlockPositions::SetLanguage(const LanguageProfiles* profiles, int language_index) {
  profiles_ = profiles;
  language_index_ = language_index;
  page_.measured = false;
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
  page_.measured = false;
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

namespace mtclean::internal {

const BlockPositions::PageModel& BlockPositions::Page() const {
  if (page_.measured) return page_;
  const StoryLines& s = Story();
  const Document& doc = *doc_;
  const size_t n = blank_.size();
  page_.classes.assign(n, LineClass::kBlank);
  page_.regions.assign(n, PageRegion::kNoStory);
  page_.repeats.assign(n, 0);
  page_.other_script.assign(n, false);
  page_.menu.assign(n, false);

  // Repetition among the lines that are not story: short lines are few and
  // short, so this costs little even on a long page.
  absl::flat_hash_map<uint64_t, unsigned char> copies;
  std::vector<uint64_t> hashes(n, 0);
  for (size_t l = 0; l < n; ++l) {
    if (blank_[l] || s.story[l]) continue;
    const std::string_view text = doc.LineText(l);
    hashes[l] = FoldedLineHash(text);
    unsigned char& c = copies[hashes[l]];
    if (c < 2) ++c;
    page_.other_script[l] = MostlyOtherScript(text);
    page_.menu[l] = IsMenuLine(l);
  }
  for (size_t l = 0; l < n; ++l) {
    if (!blank_[l] && !s.story[l]) page_.repeats[l] = copies[hashes[l]];
  }

  // Regions: the story's extent is from its first story line to its last;
  // inside it, a block without story lines stands between two items.
  const auto& blocks = doc.blocks();
  // In a block that holds one paragraph per line, each line stands on its
  // own.
  page_.unwrapped.assign(blocks.size(), false);
  for (size_t b = 0; b < blocks.size(); ++b) page_.unwrapped[b] = doc.ParagraphPerLine(b);
  std::vector<bool> story_block(blocks.size(), false);
  size_t first_story = n;
  size_t last_story = 0;
  for (size_t l = 0; l < n; ++l) {
    if (!s.story[l]) continue;
    story_block[doc.BlockOfLine(l)] = true;
    first_story = std::min(first_story, l);
    last_story = l;
  }
  for (size_t l = 0; l < n; ++l) {
    if (blank_[l]) continue;
    if (first_story == n) {
      page_.regions[l] = PageRegion::kNoStory;
    } else if (l < first_story) {
      page_.regions[l] = PageRegion::kBeforeStory;
    } else if (l > last_story) {
      page_.regions[l] = PageRegion::kAfterStory;
    } else {
      const size_t b = doc.BlockOfLine(l);
      page_.regions[l] = story_block[b] && (s.story[l] || !page_.unwrapped[b])
                             ? PageRegion::kStory
                             : PageRegion::kBetweenItems;
    }
  }

  // Classes: story lines first, then the short lines from the last one up,
  // so that a short line knows what the next kept line is.
  for (size_t l = 0; l < n; ++l) {
    if (blank_[l]) continue;
    if (s.story[l]) {
      page_.classes[l] = LineClass::kStory;
      // A long line without a sentence ending and without one function
      // word of the text's language is a menu run into one line.
      const LineShape& shape = s.shapes[l];
      if (profiles_ != nullptr && language_index_ >= 0 && !shape.inner_break &&
          !EndsAsSentence(shape) &&
          profiles_->Count(doc.LineText(l)).Of(language_index_) == 0) {
        page_.classes[l] = LineClass::kFurniture;
      }
      continue;
    }
    page_.classes[l] = LineClass::kShort;  // revised below
  }
  for (size_t l = 0; l < n; ++l) {
    if (page_.classes[l] == LineClass::kShort) page_.classes[l] = ClassifyShort(l, page_);
  }
  MarkHeadlines(page_);
  page_.measured = true;
  return page_;
}

// The headline of each stretch of story: before a story line that follows
// no other (the start of the story, of an item, of a section), the short
// lines that stay (not deleted, not dates) are its title, kicker, byline and
// furniture. The nearest of them with kHeadlineWords words or more and no
// digit is the title (counters and widgets carry digits), else the nearest
// with that many words, else the line right before the story when it has
// two words or more (a subheading).
void BlockPositions::MarkHeadlines(PageModel& page) const {
  constexpr size_t kHeadlineWords = 4;
  constexpr size_t kLinesBefore = 8;
  const size_t n = blank_.size();
  size_t previous_kept = kNoLine;
  for (size_t l = 0; l < n; ++l) {
    if (blank_[l] || boilerplate_[l]) continue;
    const bool starts_story = page.classes[l] == LineClass::kStory &&
                              (previous_kept == kNoLine ||
                               page.classes[previous_kept] != LineClass::kStory);
    previous_kept = l;
    if (!starts_story) continue;
    size_t title = kNoLine;
    size_t with_digits = kNoLine;
    size_t nearest = kNoLine;
    size_t seen = 0;
    for (size_t k = l; k-- > 0 && seen < kLinesBefore;) {
      if (blank_[k] || boilerplate_[k] || page.classes[k] == LineClass::kDate) continue;
      if (page.classes[k] == LineClass::kStory) break;
      ++seen;
      const LineShape& shape = story_.shapes[k];
      if (nearest == kNoLine) nearest = k;
      if (shape.words < kHeadlineWords || page.other_script[k] || page.menu[k]) continue;
      if (!HoldsDigit(doc_->LineText(k))) {
        title = k;
        break;
      }
      if (with_digits == kNoLine) with_digits = k;
    }
    if (title == kNoLine) title = with_digits;
    if (title == kNoLine && nearest != kNoLine && story_.shapes[nearest].words >= kLabelWords &&
        !page.other_script[nearest]) {
      title = nearest;
    }
    if (title != kNoLine) page.classes[title] = LineClass::kHeadline;
  }
}

bool BlockPositions::IsMenuLine(size_t line) const {
  constexpr size_t kMenuWords = 3;
  if (!has_vocabulary_[line] || boilerplate_[line] || profiles_ == nullptr || language_index_ < 0) {
    return false;
  }
  const LineShape& shape = story_.shapes[line];
  if (shape.words < kMenuWords || shape.inner_break || EndsAsSentence(shape)) return false;
  const std::string_view text = doc_->LineText(line);
  bool word_start = true;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, i);
    const bool word = IsWordChar(c);
    if (word && word_start && !IsUpper(c) && !IsDigit(c)) return false;
    word_start = !word;
  }
  return profiles_->Count(text).Of(language_index_) == 0;
}

LineClass BlockPositions::ClassifyShort(size_t line, const PageModel& page) const {
  const Document& doc = *doc_;
  const LineShape& shape = story_.shapes[line];
  const std::string_view text = doc.LineText(line);
  if (shape.words == 0) {
    // A separator ("-", "|", "* * *"): furniture between items or outside
    // the story; a section break inside it is the story's own.
    const PageRegion region = page.regions[line];
    return region == PageRegion::kStory || region == PageRegion::kNoStory ? LineClass::kShort
                                                                          : LineClass::kFurniture;
  }
  if (shape.words <= kDateLineWords && CarriesDateOrTime(text)) return LineClass::kDate;
  if (page.menu[line] && page.regions[line] != PageRegion::kNoStory) return LineClass::kFurniture;

  // Furniture evidence counts for a line that stands on its own (its own
  // block, or a block without story): the short lines of a hard-wrapped
  // paragraph are story.
  const size_t b = doc.BlockOfLine(line);
  const Block& block = doc.blocks()[b];
  const PageRegion region = page.regions[line];
  const bool standalone =
      block.first_line == block.last_line || region != PageRegion::kStory || page.unwrapped[b];
  if (!standalone) return LineClass::kShort;
  // Without a story line there is nothing to measure furniture against.
  if (region == PageRegion::kNoStory) return LineClass::kShort;
  const bool outside = region == PageRegion::kBeforeStory ||
                       region == PageRegion::kAfterStory || region == PageRegion::kBetweenItems;
  if (outside || page.repeats[line] > 1 || page.other_script[line] || shape.link ||
      shape.words <= kLabelWords || NextToBoilerplate(line)) {
    return LineClass::kFurniture;
  }
  return LineClass::kShort;
}

std::string BlockPositions::FurnitureEvidence(size_t line) const {
  const PageModel& page = Page();
  std::string why;
  switch (page.regions[line]) {
    case PageRegion::kBeforeStory:
      why = "before the story";
      break;
    case PageRegion::kAfterStory:
      why = "after the story";
      break;
    case PageRegion::kBetweenItems:
      why = "between two items";
      break;
    case PageRegion::kNoStory:
      why = "on a page without a story";
      break;
    case PageRegion::kStory:
      why = "between paragraphs";
      break;
  }
  if (page.classes[line] == LineClass::kStory || story_.story[line]) {
    absl::StrAppend(&why, ", a long line without a sentence or a function word");
  } else {
    absl::StrAppend(&why, ", short, no sentence ending");
  }
  if (page.repeats[line] > 1) absl::StrAppend(&why, ", repeated on the page");
  if (page.other_script[line]) absl::StrAppend(&why, ", in another script");
  return why;
}

}  // namespace mtclean::internal
