// End-to-end tests of what the mtclean binary does with input nobody
// checked: each case states the exact behaviour (exit code, message, bytes).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>

#include "tests/cli/shell.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

namespace fs = std::filesystem;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;

// A story with a repeated headline and a comment-form footer: two edits.
constexpr char kStory[] =
    "Ferry service resumes after storm\n"
    "\n"
    "Ferry service resumes after storm\n"
    "\n"
    "Ferries between the islands sailed again on Tuesday after three days in port.\n"
    "\n"
    "Leave a Reply\n";
constexpr char kCleanStory[] =
    "Ferry service resumes after storm\n"
    "\n"
    "Ferries between the islands sailed again on Tuesday after three days in port.\n";

TEST(BadInputTest, InvalidUtf8IsRefusedWithFileAndByteUnlessLossy) {
  Scratch s;
  // A lead byte without its continuation, in the story's sentence.
  const size_t at = std::string(kStory).find("between");
  const std::string bad = std::string(kStory).insert(at, "\xC3(");
  s.Write("bad.txt", bad);
  s.Write("good.txt", kStory);
  RunOutput r = Shell("$MTCLEAN check bad.txt good.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("mtclean: error: bad.txt: invalid UTF-8 at byte " +
                       std::to_string(at) + " (--lossy replaces"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("good.txt:3:1:"), std::string::npos) << r.out;  // the other input ran

  r = Shell("$MTCLEAN --lossy fix - < bad.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("mtclean: warning: <stdin>: invalid UTF-8 at byte " + std::to_string(at) +
                       ": 1 sequence of invalid UTF-8 replaced with U+FFFD (--lossy)"),
            std::string::npos)
      << r.err;
  std::string expected = kCleanStory;
  EXPECT_EQ(r.out, expected.insert(expected.find("between"), "\xEF\xBF\xBD("));

  // --write with --lossy writes the repair even where no rule fired.
  s.Write("only-bad-byte.txt", "A quiet day at the \xFF harbour.\n");
  r = Shell("$MTCLEAN --lossy fix --write only-bad-byte.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(s.Path("only-bad-byte.txt")), "A quiet day at the \xEF\xBF\xBD harbour.\n");
}

TEST(BadInputTest, BinaryFileIsAnErrorWhenNamedAndSkippedWhenFound) {
  Scratch s;
  s.Write("docs/photo.txt", std::string("GIF89a\0\0\x01", 9));
  s.Write("docs/story.txt", kStory);
  RunOutput r = Shell("$MTCLEAN check docs/photo.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "mtclean: error: docs/photo.txt: binary file (NUL byte at byte 6)\n");

  r = Shell("$MTCLEAN check --fail-on never docs", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("mtclean: warning: docs/photo.txt: skipped: binary file (NUL byte at "
                       "byte 6)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("docs/story.txt:3:1:"), std::string::npos) << r.out;

  // A filter passes a refused input on unchanged.
  r = Shell("$MTCLEAN fix - < docs/photo.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, std::string("GIF89a\0\0\x01", 9));
}

TEST(BadInputTest, EmptyFileIsCleanAndStaysEmpty) {
  Scratch s;
  s.Write("empty.txt", "");
  RunOutput r = Shell("$MTCLEAN check empty.txt && $MTCLEAN fix --write empty.txt && "
                      "$MTCLEAN fix - < empty.txt",
                      s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(ReadFile(s.Path("empty.txt")), "");
}

TEST(BadInputTest, LineEndingsByteOrderMarkAndMissingFinalNewlineAreKept) {
  Scratch s;
  std::string no_final_newline = kStory;
  no_final_newline.pop_back();
  std::string crlf;
  for (char c : std::string(kStory)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  std::string clean_crlf;
  for (char c : std::string(kCleanStory)) {
    if (c == '\n') clean_crlf += '\r';
    clean_crlf += c;
  }
  s.Write("no-newline.txt", no_final_newline);
  s.Write("crlf.txt", crlf);
  s.Write("bom.txt", "\xEF\xBB\xBF" + std::string(kStory));
  const RunOutput r =
      Shell("$MTCLEAN fix --write no-newline.txt crlf.txt bom.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string clean_no_newline = kCleanStory;
  clean_no_newline.pop_back();
  EXPECT_EQ(ReadFile(s.Path("no-newline.txt")), clean_no_newline);
  EXPECT_EQ(ReadFile(s.Path("crlf.txt")), clean_crlf);
  EXPECT_EQ(ReadFile(s.Path("bom.txt")), "\xEF\xBB\xBF" + std::string(kCleanStory));
}

// Compiles or loads the pattern databases once before a run is measured:
// compiling them takes more memory than any input here (600 MB in the
// sanitizer build), and the tests share a cache that may be cold.
void WarmCache(const std::string& dir) { Shell("$MTCLEAN check - < /dev/null", dir); }

TEST(BadInputTest, DocumentsOverMaxBytesAreSkippedBeforeTheyAreRead) {
  Scratch s;
  s.Write("story.txt", kStory);
  // A sparse 1 GiB file costs no disk; reading it would cost 1 GiB of memory.
  ASSERT_EQ(Shell("truncate -s 1G huge.txt", s.dir().string()).exit_code, 0);
  WarmCache(s.dir().string());
  // It is not read at all: the peak memory (GNU time's, in KB) stays far
  // below the 1 GiB that holding it would take, in the sanitizer build too.
  RunOutput r = Shell(
      "/usr/bin/time -f %M -o peak-kb.txt $MTCLEAN check --fail-on never huge.txt story.txt",
      s.dir().string());
  EXPECT_LT(std::stol(ReadFile(s.Path("peak-kb.txt"))), 400 * 1024);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("mtclean: warning: huge.txt: skipped: 1073741824 bytes is more than "
                       "--max-bytes 134217728"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("story.txt:3:1:"), std::string::npos) << r.out;

  // The limit is the user's to set; standard input is measured as it is
  // read. The filter passes it on unchanged and says it did not clean it.
  r = Shell("$MTCLEAN --max-bytes 100 fix - < story.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_EQ(r.out, kStory);
  EXPECT_EQ(r.err, "mtclean: error: <stdin>: skipped: 163 bytes is more than --max-bytes 100 "
                   "(passed on unchanged)\n");
  r = Shell("$MTCLEAN --max-bytes 100 check - < story.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "mtclean: warning: <stdin>: skipped: 163 bytes is more than --max-bytes 100\n");
}

// What GNU time measured for a command: peak resident memory in MB, elapsed
// seconds and processor seconds (from `/usr/bin/time -f "%M %e %U %S" -o
// FILE`). Bounds on time are on processor seconds, which a loaded machine
// does not stretch, with a loose bound on elapsed seconds beside them.
struct Cost {
  double peak_mb = 0;
  double seconds = 0;
  double cpu_seconds = 0;
};
Cost ReadCost(const std::string& path) {
  Cost cost;
  std::istringstream in(ReadFile(path));
  std::string line;
  // GNU time prints "Command exited with non-zero status N" first then.
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    double kb = 0, user = 0, system = 0;
    if (fields >> kb >> cost.seconds >> user >> system) {
      cost.peak_mb = kb / 1024;
      cost.cpu_seconds = user + system;
    }
  }
  return cost;
}
std::ostream& operator<<(std::ostream& out, const Cost& cost) {
  return out << cost.peak_mb << " MB peak, " << cost.seconds << " s (" << cost.cpu_seconds
             << " s of processor)";
}
// Under AddressSanitizer, freed memory waits in a quarantine (256 MB by
// default) before it is used again, and it counts in the resident set: a
// run that passes 400 MB through in pieces of 1 MB would show the
// quarantine's size, not mtclean's memory. The measured runs get a
// quarantine of 16 MB (a plain build ignores the variable).
constexpr char kTime[] =
    "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16 "
    "/usr/bin/time -f \"%M %e %U %S\" -o ";


// Regression: `fix -` read all of standard input before passing on what is
// over --max-bytes (300 MB: 643 MB resident, 34 s).
TEST(BadInputTest, StandardInputOverMaxBytesIsPassedOnAsItIsRead) {
  Scratch s;
  // 300 MB of text generated as it is read (no file on disk), over the
  // default limit of 128 MiB; the output is compared as it is written.
  const std::string text = "yes \"The council met again on Monday and voted on the budget.\" | "
                           "head -c 300000000";
  WarmCache(s.dir().string());
  const RunOutput r = Shell(text + " | { " + kTime + "cost.txt $MTCLEAN fix -; echo $? > rc.txt; } | "
                                "cmp - <(" + text + ") && echo same",
                            s.dir().string());
  EXPECT_EQ(r.out, "same\n") << r.err;
  EXPECT_EQ(ReadFile(s.Path("rc.txt")), "3\n");
  EXPECT_EQ(r.err, "mtclean: error: <stdin>: skipped: 300000000 bytes is more than --max-bytes "
                   "134217728 (passed on unchanged)\n");
  const Cost cost = ReadCost(s.Path("cost.txt"));
  std::cout << "fix - on 300 MB: " << cost << "\n";
  EXPECT_LT(cost.peak_mb, 300);
  EXPECT_LT(cost.cpu_seconds, 20);
  EXPECT_LT(cost.seconds, 120);
}

// Small records around the huge ones, before and after cleaning.
constexpr char kDirtyRecord[] =
    "{\"id\":%d,\"text\":\"Ferries sailed again on Tuesday.\\n\\nLeave a Reply\\n\"}\n";
constexpr char kCleanRecord[] = "{\"id\":%d,\"text\":\"Ferries sailed again on Tuesday.\\n\"}\n";

std::string Record(const char* format, int id) {
  char buffer[256];
  std::snprintf(buffer, sizeof(buffer), format, id);
  return buffer;
}

// The peak memory of a check of one small record: what any run costs.
double BasePeakMb(const Scratch& s) {
  WarmCache(s.dir().string());
  s.Write("one.jsonl", Record(kDirtyRecord, 1));
  Shell(std::string(kTime) + "base.txt $MTCLEAN check --jsonl one.jsonl", s.dir().string());
  return ReadCost(s.Path("base.txt")).peak_mb;
}

// Regression: the JSON Lines reader held a whole line before looking at it
// and --max-bytes did not apply to records (a 1 GB record in a 4 MB .gz:
// more than 1.1 GB resident and 120 s, then stopped).
TEST(BadInputTest, CompressedRecordOverMaxBytesIsStreamedNotHeld) {
  Scratch s;
  s.Write("first.jsonl", Record(kDirtyRecord, 1));
  s.Write("last.jsonl", Record(kDirtyRecord, 3));
  s.Write("first.clean.jsonl", Record(kCleanRecord, 1));
  s.Write("last.clean.jsonl", Record(kCleanRecord, 3));
  const uint64_t kTextBytes = 400000000;
  // A valid record of 400 MB, generated as it is read.
  s.Write("huge.head", "{\"id\":2,\"text\":\"");
  s.Write("huge.tail", "\"}\n");
  const std::string huge = "{ cat huge.head; head -c " + std::to_string(kTextBytes) +
                           " /dev/zero | tr \"\\0\" a; cat huge.tail; }";
  const uint64_t record_bytes = ReadFile(s.Path("huge.head")).size() + kTextBytes + 2;  // and `"}`
  ASSERT_EQ(Shell("{ cat first.jsonl; " + huge + "; cat last.jsonl; } | gzip -1 > big.jsonl.gz",
                  s.dir().string())
                .exit_code,
            0);
  const double base = BasePeakMb(s);
  const std::string max = "$MTCLEAN --max-bytes 1000000 ";

  // fix --skip-bad-records: passed through byte for byte, the records around it cleaned.
  RunOutput r = Shell(std::string("{ ") + kTime + "fix.txt " + max +
                          "fix --jsonl --skip-bad-records big.jsonl.gz; echo $? > rc.txt; } | "
                          "cmp - <(cat first.clean.jsonl; " + huge + "; cat last.clean.jsonl) && "
                          "echo same",
                      s.dir().string());
  EXPECT_EQ(r.out, "same\n") << r.err;
  EXPECT_EQ(ReadFile(s.Path("rc.txt")), "0\n") << r.err;
  EXPECT_NE(r.err.find("mtclean: warning: big.jsonl.gz:2: bad record: " +
                       std::to_string(record_bytes) +
                       " bytes is more than --max-bytes 1000000 (passed through)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 bad record passed through unchanged"), std::string::npos) << r.err;
  const Cost fix = ReadCost(s.Path("fix.txt"));

  // check --skip-bad-records: refused and counted, the records around it checked.
  r = Shell(std::string(kTime) + "check.txt " + max +
                "check --jsonl --skip-bad-records big.jsonl.gz",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.starts_with("big.jsonl.gz:1: error: ")) << r.out;
  EXPECT_NE(r.out.find("\nbig.jsonl.gz:3: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("big.jsonl.gz:2: bad record: "), std::string::npos) << r.err;
  const Cost check = ReadCost(s.Path("check.txt"));

  // Without --skip-bad-records the run stops there, without reading on.
  r = Shell(std::string(kTime) + "stop.txt " + max + "fix --jsonl big.jsonl.gz",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, Record(kCleanRecord, 1));
  EXPECT_NE(r.err.find("mtclean: error: big.jsonl.gz:2: bad record: more than --max-bytes "
                       "1000000 bytes (use --skip-bad-records"),
            std::string::npos)
      << r.err;
  const Cost stop = ReadCost(s.Path("stop.txt"));

  std::cout << "400 MB record, --max-bytes 1000000 (a run on one record: " << base
            << " MB peak): fix " << fix << "; check " << check << "; stopped " << stop << "\n";
  for (const Cost& cost : {fix, check, stop}) {
    EXPECT_LT(cost.peak_mb, 300);
    // A few buffers of a megabyte more than any run, not the record.
    EXPECT_LT(cost.peak_mb, base + 64);
    EXPECT_LT(cost.seconds, 120);
  }
  // Linear: 400 MB at 20 MB/s of processor time at least, in the
  // sanitizer build too (a plain build takes well under a second).
  EXPECT_LT(fix.cpu_seconds, 20);
  EXPECT_LT(check.cpu_seconds, 20);
  EXPECT_LT(stop.cpu_seconds, 5) << "the run stops without reading on";
}

// Regression: 300 MB of NUL bytes (1.3 MB compressed) took 31 s and 580 MB
// to be refused at column 1.
TEST(BadInputTest, CompressedStreamOfNulBytesIsRefusedAtItsFirstByte) {
  Scratch s;
  s.Write("first.jsonl", Record(kDirtyRecord, 1));
  s.Write("last.jsonl", Record(kDirtyRecord, 3));
  s.Write("first.clean.jsonl", Record(kCleanRecord, 1));
  s.Write("last.clean.jsonl", Record(kCleanRecord, 3));
  const std::string nul = "{ head -c 400000000 /dev/zero; echo; }";
  ASSERT_EQ(Shell("{ cat first.jsonl; " + nul + "; cat last.jsonl; } | gzip -1 > nul.jsonl.gz",
                  s.dir().string())
                .exit_code,
            0);
  const double base = BasePeakMb(s);
  // The default --max-bytes (128 MiB): the line is refused at its first
  // byte, not when it passes the limit.
  RunOutput r = Shell(std::string("{ ") + kTime + "fix.txt $MTCLEAN fix --jsonl "
                          "--skip-bad-records - < nul.jsonl.gz; echo $? > rc.txt; } | "
                          "cmp - <(cat first.clean.jsonl; " + nul + "; cat last.clean.jsonl) && "
                          "echo same",
                      s.dir().string());
  EXPECT_EQ(r.out, "same\n") << r.err;
  EXPECT_EQ(ReadFile(s.Path("rc.txt")), "0\n") << r.err;
  EXPECT_NE(r.err.find("mtclean: warning: <stdin>:2: bad record: column 1: expected a JSON "
                       "object (passed through)"),
            std::string::npos)
      << r.err;
  const Cost fix = ReadCost(s.Path("fix.txt"));

  r = Shell(std::string(kTime) + "check.txt $MTCLEAN check --jsonl --skip-bad-records "
                "nul.jsonl.gz",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("nul.jsonl.gz:3: error: "), std::string::npos) << r.out;
  const Cost check = ReadCost(s.Path("check.txt"));

  r = Shell(std::string(kTime) + "stop.txt $MTCLEAN check --jsonl nul.jsonl.gz",
            s.dir().string());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("mtclean: error: nul.jsonl.gz:2: bad record: column 1: expected a JSON "
                       "object"),
            std::string::npos)
      << r.err;
  const Cost stop = ReadCost(s.Path("stop.txt"));

  std::cout << "400 MB of NUL bytes (a run on one record: " << base << " MB peak): fix " << fix
            << "; check " << check << "; stopped " << stop << "\n";
  for (const Cost& cost : {fix, check, stop}) {
    EXPECT_LT(cost.peak_mb, 300);
    EXPECT_LT(cost.peak_mb, base + 64);
    EXPECT_LT(cost.seconds, 120);
  }
  EXPECT_LT(fix.cpu_seconds, 20);
  EXPECT_LT(check.cpu_seconds, 20);
  EXPECT_LT(stop.cpu_seconds, 5) << "the run stops at the first byte of the line";
}

TEST(BadInputTest, HundredMegabyteSingleLineIsCleaned) {
  Scratch s;
  // One line of 100 MB (sentences without a line break), then the footer.
  ASSERT_EQ(Shell("yes \"The council met again on Monday and voted on the budget.\" | "
                  "tr \"\\n\" \" \" | head -c 100000000 > line.txt && cp line.txt expected.txt && "
                  "printf \"\\n\\nLeave a Reply\\n\" >> line.txt && echo >> expected.txt",
                  s.dir().string())
                .exit_code,
            0);
  const RunOutput r = Shell("$MTCLEAN fix --write line.txt && cmp line.txt expected.txt",
                            s.dir().string());
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

// The prefix that runs a command without root's power to read and write any
// file: a new user namespace, where root's files are checked against their
// owner bits like anyone's. Empty when the tests do not run as root.
std::string WithoutRootOverride() { return geteuid() == 0 ? "unshare --user " : ""; }

// True when permissions can stop this test process's commands.
bool PermissionsApply() { return geteuid() != 0 || Shell("unshare --user true").exit_code == 0; }

TEST(BadInputTest, FileAndFolderWithoutReadPermissionExitThreeAndOthersStillRun) {
  if (!PermissionsApply()) {
    GTEST_SKIP() << "running as root without user namespaces: permissions cannot stop a read";
  }
  Scratch s;
  s.Write("locked.txt", kStory);
  s.Write("site/locked/inner.txt", kStory);
  s.Write("site/open.txt", kStory);
  s.Write("story.txt", kStory);
  fs::permissions(s.dir() / "locked.txt", fs::perms::none);
  fs::permissions(s.dir() / "site" / "locked", fs::perms::none);
  const RunOutput r =
      Shell(WithoutRootOverride() + "$MTCLEAN check locked.txt site story.txt", s.dir().string());
  fs::permissions(s.dir() / "site" / "locked", fs::perms::owner_all);  // so Scratch can remove it
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("locked.txt: cannot read"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("site/locked"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("site/open.txt:3:1:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("story.txt:3:1:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("inner.txt"), std::string::npos) << r.out;
}

TEST(BadInputTest, WriteIntoAReadOnlyFolderFailsAndLeavesTheOriginalIntact) {
  if (!PermissionsApply()) {
    GTEST_SKIP() << "running as root without user namespaces: permissions cannot stop a write";
  }
  Scratch s;
  s.Write("archive/story.txt", kStory);
  s.Write("story.txt", kStory);
  fs::permissions(s.dir() / "archive", fs::perms::owner_read | fs::perms::owner_exec);
  const RunOutput r = Shell(WithoutRootOverride() + "$MTCLEAN fix --write archive/story.txt story.txt",
                            s.dir().string());
  fs::permissions(s.dir() / "archive", fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("archive/story.txt: cannot"), std::string::npos) << r.err;
  EXPECT_EQ(ReadFile(s.Path("archive/story.txt")), kStory);
  EXPECT_EQ(std::distance(fs::directory_iterator(s.dir() / "archive"), fs::directory_iterator()), 1)
      << "a temporary file was left behind";
  EXPECT_EQ(ReadFile(s.Path("story.txt")), kCleanStory) << "the other input is still fixed";
}

TEST(BadInputTest, SymlinkLoopInAFolderIsWalkedOnce) {
  Scratch s;
  s.Write("site/news/story.txt", kStory);
  fs::create_directory_symlink("..", s.dir() / "site" / "news" / "up");
  fs::create_directory_symlink(s.dir() / "site", s.dir() / "site" / "self");
  const RunOutput r = Shell("timeout 60 $MTCLEAN check site", s.dir().string());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.find("story.txt:3:1:"), r.out.rfind("story.txt:3:1:")) << r.out;
  EXPECT_NE(r.out.find("site/news/story.txt:3:1:"), std::string::npos) << r.out;
}

TEST(BadInputTest, RuleFileThatHyperscanRejectsIsAUsageErrorNamingTheSpot) {
  Scratch s;
  s.Write("story.txt", kStory);
  // RE2 accepts `\\C` (any byte); Hyperscan refuses it in UTF-8 mode.
  s.Write("rules/bytes.yaml",
          "id: scrape.any-byte\nseverity: info\nmessage: m\naction: flag\n"
          "patterns: [\"port\\\\C\"]\n"
          "examples:\n  - bad: \"x\"\n    good: \"x\"\n  - ok: \"y\"\n");
  const RunOutput r = Shell("$MTCLEAN --no-cache --rules rules check story.txt", s.dir().string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("rules/bytes.yaml:5:12: pattern rejected by Hyperscan"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace mtclean
