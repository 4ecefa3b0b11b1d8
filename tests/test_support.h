// Helpers shared by the tests: the engine over the project's own rules.
#ifndef MTCLEAN_TESTS_TEST_SUPPORT_H_
#define MTCLEAN_TESTS_TEST_SUPPORT_H_

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "mtclean/engine.h"

namespace mtclean::testing {

inline std::string SourcePath(const std::string& relative) {
  return (std::filesystem::path(MTCLEAN_SOURCE_DIR) / relative).string();
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// An engine over the project's rules and word lists; aborts the test on
// failure.
inline std::unique_ptr<Engine> MakeEngine(Options options = {}) {
  options.data_dir = MTCLEAN_SOURCE_DIR;
  // Test processes share compiled pattern databases through the build tree.
  options.cache_dir = MTCLEAN_TEST_CACHE_DIR;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(options);
  EXPECT_TRUE(engine.ok()) << engine.status();
  return engine.ok() ? std::move(*engine) : nullptr;
}

// An engine that runs the one rule `id` (a rule's own tests).
inline std::unique_ptr<Engine> MakeRuleEngine(const std::string& id) {
  Options options;
  options.only_rules = {id};
  return MakeEngine(options);
}

inline Result CleanOrDie(const Engine& engine, const std::string& text) {
  absl::StatusOr<Result> result = engine.Clean("test", text);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : Result{};
}

inline std::vector<std::string> RuleIds(const Result& result) {
  std::vector<std::string> ids;
  for (const Finding& f : result.findings) ids.push_back(f.rule_id);
  return ids;
}

// The fixture articles: tests/articles/NAME.txt with NAME.clean.txt beside.
inline std::vector<std::string> ArticleNames() {
  std::vector<std::string> names;
  const std::filesystem::path dir = SourcePath("tests/articles");
  if (!std::filesystem::exists(dir)) return names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string file = entry.path().filename().string();
    const std::string suffix = ".clean.txt";
    if (file.size() > suffix.size() &&
        file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(file.substr(0, file.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The data island of an HTML review page (`--format html`) as the HTML
// parser delimits it: from its start tag to the first `</script` after it;
// empty when there is none.
inline std::string HtmlReviewData(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"mtclean-review-data\">";
  const size_t at = page.find(open);
  if (at == std::string::npos) return "";
  const size_t begin = at + open.size();
  return page.substr(begin, page.find("</script", begin) - begin);
}

}  // namespace mtclean::testing

#endif  // MTCLEAN_TESTS_TEST_SUPPORT_H_
