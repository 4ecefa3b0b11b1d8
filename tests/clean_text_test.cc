// The clean-text test: ordinary news prose, which mentions newsletters,
// cookies, photographs, tags, authors, advertising, "read more" and "follow
// us" in its sentences, and has hyphenated compounds, numbers, abbreviations,
// ellipses, quotations over several paragraphs, legitimate repetitions and
// accented names, gets no edit from all the rules together and no finding of
// any scrape.* or text.* rule or of mt.unbalanced-quote. Every file in
// tests/clean_text/ is read; the language is the `_xx` before `.txt`
// (news_en.txt: en), English by default.
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::CleanOrDie;
using ::mtclean::testing::MakeEngine;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

std::vector<std::string> CleanTextFiles() {
  std::vector<std::string> files;
  const std::filesystem::path dir = SourcePath("tests/clean_text");
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string LanguageOf(const std::string& path) {
  const std::string stem = std::filesystem::path(path).stem().string();
  const size_t underscore = stem.rfind('_');
  if (underscore != std::string::npos && stem.size() - underscore == 3) {
    return stem.substr(underscore + 1);
  }
  return "en";
}

size_t Paragraphs(const std::string& text) {
  size_t count = 0;
  bool in_paragraph = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const bool blank = text.find_first_not_of(" \t\r", start) >= end;
    if (!blank && !in_paragraph) ++count;
    in_paragraph = !blank;
    start = end + 1;
  }
  return count;
}

TEST(CleanTextTest, ThereIsEnoughProse) {
  const std::vector<std::string> files = CleanTextFiles();
  ASSERT_FALSE(files.empty());
  size_t paragraphs = 0;
  for (const std::string& file : files) paragraphs += Paragraphs(ReadFile(file));
  EXPECT_GE(paragraphs, 60u);
}

TEST(CleanTextTest, AllRulesLeaveOrdinaryNewsProseAlone) {
  std::map<std::string, std::unique_ptr<Engine>> engines;
  for (const std::string& file : CleanTextFiles()) {
    SCOPED_TRACE(file);
    const std::string language = LanguageOf(file);
    std::unique_ptr<Engine>& engine = engines[language];
    if (engine == nullptr) {
      Options options;
      options.language = language;
      engine = MakeEngine(options);
      ASSERT_NE(engine, nullptr);
    }
    const std::string text = ReadFile(file);
    const Result r = CleanOrDie(*engine, text);
    for (const Edit& e : r.edits) {
      ADD_FAILURE() << "edit at byte " << e.begin << ": "
                    << text.substr(e.begin, std::min<size_t>(e.end - e.begin, 200)) << " -> "
                    << e.replacement;
    }
    for (const Finding& f : r.findings) {
      // Ordinary prose is no boilerplate and has no text artifact; its
      // quotation marks pair up (a false alarm there is a bug too).
      const bool checked = f.rule_id.rfind("scrape.", 0) == 0 ||
                           f.rule_id.rfind("text.", 0) == 0 ||
                           f.rule_id == "mt.unbalanced-quote";
      if (!checked) continue;
      ADD_FAILURE() << f.rule_id << " at byte " << f.begin << ": " << f.message;
    }
    EXPECT_EQ(r.cleaned, text);
  }
}

}  // namespace
}  // namespace mtclean
