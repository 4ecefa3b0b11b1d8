#include "cleaner/match/scanner.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <atomic>
#include <thread>

#include "gtest/gtest.h"

namespace mtclean::internal {
namespace {

std::vector<RawMatch> ScanAll(const Scanner& s, std::string_view text) {
  std::vector<RawMatch> out;
  EXPECT_TRUE(s.Scan(text, &out).ok());
  return out;
}

bool Has(const std::vector<RawMatch>& ms, uint32_t pattern, size_t b, size_t e) {
  return std::any_of(ms.begin(), ms.end(), [&](const RawMatch& m) {
    return m.pattern == pattern && m.begin == b && m.end == e;
  });
}

TEST(ScannerTest, LiteralsAreCaselessAndSpacesStretch) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"leave a reply", true, true, ""}, {"a+b", true, true, ""}});
  ASSERT_TRUE(s.ok()) << s.status();
  const auto ms = ScanAll(**s, "x LEAVE a   Reply a+b");
  EXPECT_TRUE(Has(ms, 0, 2, 17));
  EXPECT_TRUE(Has(ms, 1, 18, 21)) << "regex metacharacters in phrases are literal";
}

// A phrase's space stretches over spaces and tabs wherever the run stands
// in the document, and the same matches are found in a document with single
// spaces only (scanned with the phrases' single-space copy).
TEST(ScannerTest, PhraseSpacesStretchAtEveryPlaceOfALongDocument) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"share this", true, true, ""}, {"[0-9]+%", false, true, ""}});
  ASSERT_TRUE(s.ok()) << s.status();
  // The stretched space is the only place with more than one space or a
  // tab, next to nothing else that could hint at it.
  for (const std::string spaces : {" ", "  ", "\t", " \t "}) {
    for (size_t pad : {0, 1, 14, 15, 16, 17, 200, 253, 254, 255, 256, 257, 511, 512, 700})
    for (size_t tail : {0, 300}) {
      const std::string phrase = "Share" + spaces + "this";
      const std::string text =
          std::string(pad, 'x') + " " + phrase + " 5%" + std::string(tail, 'y');
      SCOPED_TRACE("pad " + std::to_string(pad) + ", tail " + std::to_string(tail) +
                   ", space `" + spaces + "`");
      const std::vector<RawMatch> ms = ScanAll(**s, text);
      EXPECT_TRUE(Has(ms, 0, pad + 1, pad + 1 + phrase.size()));
      EXPECT_TRUE(Has(ms, 1, pad + 2 + phrase.size(), pad + 4 + phrase.size()));
    }
  }
}

TEST(ScannerTest, NonAsciiPhrasesFoldCase) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"ähnliche beiträge", true, true, ""}});
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(Has(ScanAll(**s, "ÄHNLICHE BEITRÄGE"), 0, 0, 19));
}

// Caseless ASCII phrases also match the two letters beyond ASCII that fold
// to ASCII ones, the Kelvin sign (k) and the long s, as RE2's `(?i)` does:
// rules that gate a regex on the scan's matches rely on it.
TEST(ScannerTest, AsciiPhrasesMatchTheKelvinSignAndTheLongS) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"korrespondent", true, true, ""}, {"columnist", true, true, ""}});
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_TRUE(Has(ScanAll(**s, "\u212Aorrespondent"), 0, 0, 15));
  EXPECT_TRUE(Has(ScanAll(**s, "COLUMNI\u017FT"), 1, 0, 10));
}

TEST(ScannerTest, ReportsLeftmostStartForRegexes) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"share on [a-z]+", false, true, ""}});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(Has(ScanAll(**s, "Click to share on Twitter"), 0, 9, 25));
}

TEST(ScannerTest, ShortLastLineAfterLongLineIsFound) {
  // The case that Debian's Vectorscan misses with multiline `$`: mtclean
  // matches without anchors, so it must hold here.
  absl::StatusOr<std::unique_ptr<Scanner>> s = Scanner::Compile({{"leave a reply", true, true, ""}});
  ASSERT_TRUE(s.ok());
  for (size_t long_line : {200u, 700u, 1500u}) {
    const std::string text = std::string(long_line, 'x') + "\nLeave a Reply";
    EXPECT_TRUE(Has(ScanAll(**s, text), 0, long_line + 1, long_line + 14)) << long_line;
  }
}

TEST(ScannerTest, EmptyPatternSetMatchesNothing) {
  absl::StatusOr<std::unique_ptr<Scanner>> s = Scanner::Compile({});
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(ScanAll(**s, "anything").empty());
}

TEST(ScannerTest, RejectedPatternNamesItsOrigin) {
  absl::StatusOr<std::unique_ptr<Scanner>> s =
      Scanner::Compile({{"ok", true, true, "a.yaml:3:5"}, {"(?<=x)y", false, true, "a.yaml:4:5"}});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("a.yaml:4:5"), absl::string_view::npos) << s.status();
}

TEST(ScannerTest, CompiledDatabaseIsCachedAndABadCacheIsIgnored) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("mtclean-hscache-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::vector<PatternSpec> patterns = {{"leave a reply", true, true, ""}};
  ASSERT_TRUE(Scanner::Compile(patterns, dir.string()).ok());
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 2u) << "the database and its single-space copy";
  // Loaded from the cache, it still matches.
  absl::StatusOr<std::unique_ptr<Scanner>> cached = Scanner::Compile(patterns, dir.string());
  ASSERT_TRUE(cached.ok());
  EXPECT_TRUE(Has(ScanAll(**cached, "Leave a Reply"), 0, 0, 13));
  // A damaged cache file is recompiled over.
  for (const auto& f : files) std::ofstream(f, std::ios::binary) << "not a database";
  absl::StatusOr<std::unique_ptr<Scanner>> recompiled = Scanner::Compile(patterns, dir.string());
  ASSERT_TRUE(recompiled.ok());
  EXPECT_TRUE(Has(ScanAll(**recompiled, "Leave a Reply"), 0, 0, 13));
  EXPECT_TRUE(Has(ScanAll(**recompiled, "Leave\ta Reply"), 0, 0, 13));
  // Other patterns get other files.
  ASSERT_TRUE(Scanner::Compile({{"share this", true, true, ""}}, dir.string()).ok());
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()), 4);
  std::filesystem::remove_all(dir);
}

// Pruning keeps the most recently used databases within the budget, and
// every database used within the last hour whatever the budget; it removes
// temporary files left over an hour ago and leaves other files alone.
TEST(ScannerTest, PruneCacheKeepsTheRecentlyUsedWithinTheBudget) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("mtclean-hsprune-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::file_time_type now = fs::file_time_type::clock::now();
  auto make = [&](const std::string& name, fs::file_time_type used) {
    std::ofstream(dir / name, std::ios::binary) << std::string(1000, 'x');
    fs::last_write_time(dir / name, used);
  };
  // Three databases used in the last hour, twenty used 1 to 20 days ago.
  for (int i = 0; i < 3; ++i) {
    make("patterns-recent-" + std::to_string(i) + ".hsdb", now - std::chrono::minutes(10 + i));
  }
  for (int day = 1; day <= 20; ++day) {
    make("patterns-day-" + std::to_string(day) + ".hsdb", now - std::chrono::hours(24 * day));
  }
  make("patterns-crashed.hsdb.123.tmp", now - std::chrono::hours(2));
  make("patterns-writing.hsdb.456.tmp", now);
  make("notes.txt", now - std::chrono::hours(24 * 30));
  auto names = [&] {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  };

  // A budget of eight databases: the three recent ones and the five newest
  // old ones stay.
  PruneCache(dir.string(), 8000);
  std::vector<std::string> expected = {"notes.txt", "patterns-writing.hsdb.456.tmp"};
  for (int i = 0; i < 3; ++i) expected.push_back("patterns-recent-" + std::to_string(i) + ".hsdb");
  for (int day = 1; day <= 5; ++day) expected.push_back("patterns-day-" + std::to_string(day) + ".hsdb");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names(), expected);

  // A budget smaller than what the last hour used: only old ones go.
  PruneCache(dir.string(), 1000);
  expected = {"notes.txt", "patterns-writing.hsdb.456.tmp"};
  for (int i = 0; i < 3; ++i) expected.push_back("patterns-recent-" + std::to_string(i) + ".hsdb");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(names(), expected);
  fs::remove_all(dir);
}

// Loading a database from the cache marks it used, so that pruning keeps it.
TEST(ScannerTest, LoadingACachedDatabaseMarksItUsed) {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("mtclean-hsused-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const std::vector<PatternSpec> patterns = {{"leave a reply", true, true, ""}};
  ASSERT_TRUE(Scanner::Compile(patterns, dir.string()).ok());
  const fs::file_time_type long_ago = fs::file_time_type::clock::now() - std::chrono::hours(24 * 60);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 2u);
  for (const fs::path& f : files) fs::last_write_time(f, long_ago);
  ASSERT_TRUE(Scanner::Compile(patterns, dir.string()).ok());
  for (const fs::path& f : files) {
    EXPECT_GT(fs::last_write_time(f), long_ago + std::chrono::hours(24)) << f;
  }
  fs::remove_all(dir);
}

TEST(ScannerTest, ConcurrentScansAreIndependent) {
  absl::StatusOr<std::unique_ptr<Scanner>> s = Scanner::Compile({{"reply", true, true, ""}});
  ASSERT_TRUE(s.ok());
  std::vector<std::thread> threads;
  std::atomic<int> total{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        std::vector<RawMatch> out;
        if ((*s)->Scan("reply and reply", &out).ok()) total += static_cast<int>(out.size());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(total.load(), 4 * 200 * 2);
}

}  // namespace
}  // namespace mtclean::internal
