// The fuzz targets' checks, run in the ordinary test suite on their seeds
// (the project's fixtures, rule packs, sample configurations and records)
// and on every input a fuzzer found (tests/fuzz/found/TARGET/, one file per
// input, added with the fix of the bug it showed).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"
#include "tests/test_support.h"

namespace mtclean::fuzz {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::SourcePath;

// The files under `dir` (recursively) whose name ends in one of `suffixes`
// (all files when empty), sorted.
std::vector<std::string> FilesUnder(const std::string& dir, std::vector<std::string> suffixes) {
  std::vector<std::string> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().string();
    const bool wanted =
        suffixes.empty() || std::any_of(suffixes.begin(), suffixes.end(), [&](const auto& s) {
          return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
        });
    if (wanted) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Check(std::string (*check)(const uint8_t*, size_t), const std::string& bytes) {
  return check(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST(FuzzRegressionTest, PipelinePropertiesHoldOnFixturesAsTextAndMarkdown) {
  std::vector<std::string> files = FilesUnder(SourcePath("tests/articles"), {".txt"});
  for (const std::string& f : FilesUnder(SourcePath("tests/markdown"), {".md"})) {
    files.push_back(f);
  }
  ASSERT_GE(files.size(), 40u);
  for (const std::string& file : files) {
    const std::string text = ReadFile(file);
    EXPECT_EQ(Check(CheckPipeline, std::string(1, '\0') + text), "") << file << " as text";
    EXPECT_EQ(Check(CheckPipeline, std::string(1, '\1') + text), "") << file << " as Markdown";
  }
}

TEST(FuzzRegressionTest, RuleLoaderAcceptsEveryPackAndNamesTheFileOtherwise) {
  const std::vector<std::string> packs = FilesUnder(SourcePath("rules"), {".yaml"});
  ASSERT_GE(packs.size(), 10u);
  for (const std::string& pack : packs) {
    EXPECT_EQ(Check(CheckRuleLoader, ReadFile(pack)), "") << pack;
    // Cut short, a pack is malformed: the error must still name the file.
    const std::string text = ReadFile(pack);
    EXPECT_EQ(Check(CheckRuleLoader, text.substr(0, text.size() / 2)), "") << pack;
  }
}

TEST(FuzzRegressionTest, ConfigLoaderOnSampleConfigurations) {
  const std::vector<std::string> configs =
      FilesUnder(SourcePath("tests/fuzz/seeds/config"), {".yaml"});
  ASSERT_GE(configs.size(), 4u);
  for (const std::string& config : configs) {
    EXPECT_EQ(Check(CheckConfig, ReadFile(config)), "") << config;
  }
}

TEST(FuzzRegressionTest, JsonRecordReaderOnSampleRecords) {
  const std::vector<std::string> records =
      FilesUnder(SourcePath("tests/fuzz/seeds/jsonl"), {".jsonl"});
  ASSERT_GE(records.size(), 5u);
  for (const std::string& record : records) {
    EXPECT_EQ(Check(CheckJsonRecord, ReadFile(record)), "") << record;
  }
}

TEST(FuzzRegressionTest, InputsTheFuzzersFound) {
  const std::pair<const char*, std::string (*)(const uint8_t*, size_t)> targets[] = {
      {"pipeline_fuzzer", CheckPipeline},
      {"rule_loader_fuzzer", CheckRuleLoader},
      {"config_fuzzer", CheckConfig},
      {"json_record_fuzzer", CheckJsonRecord},
  };
  size_t found = 0;
  for (const auto& [name, check] : targets) {
    for (const std::string& file :
         FilesUnder(SourcePath(std::string("tests/fuzz/found/") + name), {})) {
      EXPECT_EQ(Check(check, ReadFile(file)), "") << file;
      ++found;
    }
  }
  EXPECT_GE(found, 1u);
}

}  // namespace
}  // namespace mtclean::fuzz
