// The clean-text test: ordinary news prose, which mentions newsletters,
// cookies, photographs, tags, authors, advertising, "read more" and "follow
// us" in its sentences (news_en.txt), prose that stresses the text rules
// with hyphenated compounds, ellipses, abbreviations and accented names
// (text_en.txt), and wire copy with quotes, names, numbers, legitimate
// repetitions (`had had`), sentences opening with `In this case`, foreign
// names, short foreign quotes and agencies named correctly (wire_en.txt),
// gets no edit from all the rules together and no finding of any scrape.*,
// text.*, mt.* or newswire.* rule, with its language given and with the
// language guessed (the CLI's default). Every file in tests/clean_text/ is
// read; the language is the `_xx` before `.txt` (news_en.txt: en), English
// by default.
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
  EXPECT_GE(Paragraphs(ReadFile(SourcePath("tests/clean_text/wire_en.txt"))), 200u);
}

// The families whose findings on clean text are false alarms: ordinary
// prose has no boilerplate, no text artifact, no translation slip, and its
// quotation marks pair up.
bool IsCheckedFamily(const std::string& rule_id) {
  for (const char* family : {"scrape.", "text.", "mt.", "newswire."}) {
    if (rule_id.rfind(family, 0) == 0) return true;
  }
  return false;
}

void ExpectUntouched(const Engine& engine, const std::string& text, const std::string& language) {
  const Result r = CleanOrDie(engine, text);
  EXPECT_EQ(r.language, language);
  for (const Edit& e : r.edits) {
    ADD_FAILURE() << "edit at byte " << e.begin << ": "
                  << text.substr(e.begin, std::min<size_t>(e.end - e.begin, 200)) << " -> "
                  << e.replacement;
  }
  for (const Finding& f : r.findings) {
    if (!IsCheckedFamily(f.rule_id)) continue;
    ADD_FAILURE() << f.rule_id << " at byte " << f.begin << ": "
                  << text.substr(f.begin, std::min<size_t>(f.end - f.begin, 200)) << ": "
                  << f.message;
  }
  EXPECT_EQ(r.cleaned, text);
}

TEST(CleanTextTest, AllRulesLeaveOrdinaryNewsProseAlone) {
  std::map<std::string, std::unique_ptr<Engine>> engines;
  Options guess;
  guess.language = "";
  std::unique_ptr<Engine> guessing = MakeEngine(guess);
  ASSERT_NE(guessing, nullptr);
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
    {
      SCOPED_TRACE("language given");
      ExpectUntouched(*engine, text, language);
    }
    {
      SCOPED_TRACE("language guessed");
      ExpectUntouched(*guessing, text, language);
    }
  }
}

}  // namespace
}  // namespace mtclean
