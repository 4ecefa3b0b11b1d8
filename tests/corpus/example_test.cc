// examples/clean_jsonl.cc, the library's corpus-mode example: it writes
// what `mtclean fix --jsonl --annotate` writes, and the README shows its
// code as it is.
#include <string>

#include "nlohmann/json.hpp"
#include "tests/cli/shell.h"
#include "tests/corpus/corpus_fixture.h"
#include "tests/test_support.h"

namespace mtclean {
namespace {

using ::mtclean::testing::MakeCorpus;
using ::mtclean::testing::ReadFile;
using ::mtclean::testing::RunOutput;
using ::mtclean::testing::Scratch;
using ::mtclean::testing::Shell;
using ::mtclean::testing::SourcePath;

// The text between the lines `open` and `close` of `text` (without them);
// empty when they are not there.
std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t begin = text.find(open);
  if (begin == std::string::npos) return "";
  const size_t body = begin + open.size();
  const size_t end = text.find(close, body);
  return end == std::string::npos ? "" : text.substr(body, end - body);
}

TEST(CorpusExampleTest, WritesWhatTheCliWrites) {
  Scratch scratch;
  const std::string corpus = MakeCorpus(300) + "{\"text\":\"A last line. Leave a Reply\"}";
  scratch.Write("c.jsonl", corpus);
  const RunOutput r = Shell(std::string(MTCLEAN_EXAMPLE_BINARY) +
                                " text < c.jsonl > example.jsonl 2> stats.json && "
                                "$MTCLEAN fix --jsonl --annotate - < c.jsonl > cli.jsonl",
                            scratch.dir().string());
  ASSERT_EQ(r.exit_code, 0) << r.err << ReadFile(scratch.Path("stats.json"));
  const std::string example = ReadFile(scratch.Path("example.jsonl"));
  EXPECT_FALSE(example.empty());
  EXPECT_TRUE(example == ReadFile(scratch.Path("cli.jsonl")))
      << "the example's output differs from mtclean fix --jsonl --annotate";
  const nlohmann::json stats = nlohmann::json::parse(ReadFile(scratch.Path("stats.json")));
  EXPECT_EQ(stats["documents"], 301);
  EXPECT_EQ(stats["bytes"], corpus.size());

  // The field defaults to `text`; a bad record stops the run with its message.
  const RunOutput plain = Shell(std::string(MTCLEAN_EXAMPLE_BINARY) + " < c.jsonl",
                                scratch.dir().string());
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_TRUE(plain.out == example);
  scratch.Write("bad.jsonl", "{\"text\":\"Fine.\"}\n{\"text\": 3}\n");
  const RunOutput stopped =
      Shell(std::string(MTCLEAN_EXAMPLE_BINARY) + " < bad.jsonl", scratch.dir().string());
  EXPECT_EQ(stopped.exit_code, 3);
  EXPECT_EQ(stopped.err, "<stdin>:2: bad record: column 10: the field is not a string\n");
}

TEST(CorpusExampleTest, TheReadmeShowsTheExampleAsItIs) {
  const std::string code =
      Between(ReadFile(SourcePath("examples/clean_jsonl.cc")), "// [readme]\n", "// [/readme]\n");
  ASSERT_FALSE(code.empty());
  const std::string shown =
      Between(ReadFile(SourcePath("README.md")), "<!-- examples/clean_jsonl.cc -->\n```cpp\n",
              "```\n");
  EXPECT_EQ(shown, code) << "README.md's corpus-mode example is not examples/clean_jsonl.cc's";
}

}  // namespace
}  // namespace mtclean
