// Reading a labelled corpus: the format's checks and the errors that name
// the file.
#include "cleaner/eval/corpus.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/cli/shell.h"

namespace mtclean::internal {
namespace {

using ::mtclean::testing::Scratch;

const char kText[] =
    "Caf\u00e9 news.\n";  // "Caf" + 2-byte é + " news.\n": 12 bytes

absl::StatusOr<std::vector<GoldArtifact>> Parse(const std::string& json) {
  std::string lang;
  return ParseGold("gold/x.json", json, "x", kText, &lang);
}

TEST(EvalCorpusTest, ParsesArtifactsSortedWithDefaults) {
  std::string lang;
  absl::StatusOr<std::vector<GoldArtifact>> a =
      ParseGold("gold/x.json",
                R"({"id": "x", "lang": "en", "artifacts": [
           {"type": "other", "start": 5, "end": 6, "action": "delete", "replacement": null, "note": "n"},
           {"type": "mojibake", "start": 3, "end": 5, "action": "replace", "replacement": "e"},
           {"type": "untranslated", "start": 0, "end": 12, "action": "flag"}]})",
                "x", kText, &lang);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(lang, "en");
  ASSERT_EQ(a->size(), 3u);
  EXPECT_EQ((*a)[0].type, "untranslated");
  EXPECT_FALSE((*a)[0].is_edit());
  EXPECT_EQ((*a)[1].replacement, "e");
  EXPECT_EQ((*a)[2].note, "n");
  EXPECT_EQ((*a)[2].replacement, std::nullopt);
}

TEST(EvalCorpusTest, ErrorsNameTheFileAndTheProblem) {
  struct Case {
    std::string json;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"{\"id\": \"x\",\n \"lang\": }", "gold/x.json:2:10: malformed JSON"},
      {"[]", "gold/x.json: expected a JSON object"},
      {R"({"id": "y", "lang": "en", "artifacts": []})",
       "`id` is \"y\", expected \"x\""},
      {R"({"id": "x", "artifacts": []})",
       "gold/x.json: `lang` must be a string"},
      {R"({"id": "x", "lang": "en"})", "`artifacts` must be an array"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "typo", "start": 0, "end": 1, "action": "delete"}]})",
       "artifact 0: unknown type `typo`"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": -1, "end": 1, "action": "delete"}]})",
       "`start` must be a non-negative integer"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 2, "end": 13, "action": "delete"}]})",
       "span [2, 13) out of range (the document has 12 bytes)"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 5, "end": 1, "action": "delete"}]})",
       "span [5, 1) out of range"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 4, "end": 6, "action": "delete"}]})",
       "span [4, 6) does not fall on UTF-8 character boundaries (document "
       "1:5)"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 0, "end": 1, "action": "remove"}]})",
       "unknown action `remove`"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 0, "end": 1, "action": "replace"}]})",
       "action `replace` needs a string `replacement`"},
      {R"({"id": "x", "lang": "en", "artifacts": [{"type": "other", "start": 0, "end": 1, "action": "delete", "replacement": 3}]})",
       "`replacement` must be a string or null"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<GoldArtifact>> a = Parse(c.json);
    ASSERT_FALSE(a.ok()) << c.json;
    EXPECT_EQ(a.status().code(), absl::StatusCode::kInvalidArgument) << c.json;
    EXPECT_NE(a.status().message().find(c.message), std::string::npos)
        << a.status().message() << "\nwanted: " << c.message;
    EXPECT_EQ(a.status().message().rfind("gold/x.json", 0), 0u)
        << a.status().message();
  }
}

TEST(EvalCorpusTest, LoadsADocumentWithItsGold) {
  Scratch dir;
  dir.Write("docs/a.txt", kText);
  dir.Write("gold/a.json", R"({"id": "a", "lang": "en", "artifacts": []})");
  dir.Write("gold/a.clean.txt", kText);
  absl::StatusOr<std::vector<std::string>> ids = ListCorpus(dir.dir().string());
  ASSERT_TRUE(ids.ok()) << ids.status();
  EXPECT_EQ(*ids, std::vector<std::string>{"a"});
  absl::StatusOr<LabelledDoc> doc = LoadLabelledDoc(dir.dir().string(), "a");
  ASSERT_TRUE(doc.ok()) << doc.status();
  EXPECT_EQ(doc->text, kText);
  EXPECT_EQ(doc->gold_clean, kText);
  EXPECT_EQ(doc->lang, "en");
}

TEST(EvalCorpusTest, MissingFilesAreNotFoundAndNamed) {
  Scratch dir;
  const std::string root = dir.dir().string();
  absl::StatusOr<std::vector<std::string>> none = ListCorpus(root);
  EXPECT_EQ(none.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(none.status().message().find(root + "/docs: no such folder"),
            std::string::npos)
      << none.status().message();

  dir.Write("docs/a.txt", kText);
  absl::StatusOr<LabelledDoc> doc = LoadLabelledDoc(root, "a");
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(doc.status().message().find(root + "/gold/a.json: no such file"),
            std::string::npos)
      << doc.status().message();

  dir.Write("gold/a.json", R"({"id": "a", "lang": "en", "artifacts": []})");
  doc = LoadLabelledDoc(root, "a");
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(
      doc.status().message().find(root + "/gold/a.clean.txt: no such file"),
      std::string::npos)
      << doc.status().message();

  dir.Write("gold/b.json", R"({"id": "b", "lang": "en", "artifacts": []})");
  absl::StatusOr<std::vector<std::string>> orphan = ListCorpus(root);
  EXPECT_EQ(orphan.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(orphan.status().message().find(
                root + "/gold/b.json: gold file without a document"),
            std::string::npos)
      << orphan.status().message();
}

TEST(EvalCorpusTest, InvalidUtf8IsNamed) {
  Scratch dir;
  const std::string root = dir.dir().string();
  dir.Write("docs/a.txt", "Bad \xC3 byte.\n");
  absl::StatusOr<LabelledDoc> doc = LoadLabelledDoc(root, "a");
  EXPECT_EQ(doc.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(doc.status().message().find(root +
                                        "/docs/a.txt: invalid UTF-8 at byte 4"),
            std::string::npos)
      << doc.status().message();
}

}  // namespace
}  // namespace mtclean::internal
