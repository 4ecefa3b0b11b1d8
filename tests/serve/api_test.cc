// The service's request parsing and its per-language engines, without
// sockets (tests/serve/serve_test.py runs the real server).
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "cleaner/serve/api.h"
#include "cleaner/serve/engines_by_language.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace mtclean::serve {
namespace {

TEST(ParseCleanRequest, ReadsEveryField) {
  absl::StatusOr<CleanRequest> r = ParseCleanRequest(
      R"({"text": "Zürich, 3 (dpa)\n", "format": "markdown", "lang": "de", "name": "a.md",)"
      R"( "later": {"fields": "are ignored"}})");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->text, "Zürich, 3 (dpa)\n");
  EXPECT_EQ(r->format, TextFormat::kMarkdown);
  EXPECT_EQ(r->language, "de");
  EXPECT_EQ(r->name, "a.md");
}

TEST(ParseCleanRequest, FormatFollowsFrontMatterWhenNotGiven) {
  absl::StatusOr<CleanRequest> md = ParseCleanRequest(R"({"text": "---\ntitle: T\n---\nBody.\n"})");
  ASSERT_TRUE(md.ok());
  EXPECT_EQ(md->format, TextFormat::kMarkdown);
  absl::StatusOr<CleanRequest> plain =
      ParseCleanRequest(R"({"text": "# Not a heading here\n", "lang": null})");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->format, TextFormat::kPlain);
  EXPECT_EQ(plain->language, "");
  EXPECT_EQ(plain->name, "<text>");
}

TEST(ParseCleanRequest, RefusesWithAMessage) {
  const struct {
    std::string body;
    std::string message;
  } cases[] = {
      {"{\"text\": \"ol\xc3\"}", "the body is not UTF-8: invalid UTF-8 at byte 12"},
      {R"({"text": "x",})", "the body is not valid JSON: parse error at line 1, column 14: syntax error while parsing object key"},
      {R"("just a string")", "must be a JSON object such as {\"text\": \"...\"}, not string"},
      {R"({"text": ["a", "b"]})", "`text` must be a string, not array"},
      {R"({})", "the body has no `text`"},
      {R"({"text": "x", "format": "rst"})", "`format` must be \"plain\" or \"markdown\", not \"rst\""},
      {R"({"text": "x", "name": false})", "`name` must be a string, not boolean"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<CleanRequest> r = ParseCleanRequest(c.body);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_TRUE(absl::IsInvalidArgument(r.status()));
    EXPECT_NE(std::string(r.status().message()).find(c.message), std::string::npos)
        << r.status().message();
  }
}

TEST(ErrorReply, IsJsonWithStatusAndMessage) {
  const Reply reply = ErrorReply(413, "too \"big\"");
  EXPECT_EQ(reply.status, 413);
  const nlohmann::json body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["error"], "too \"big\"");
  EXPECT_EQ(body["status"], 413);
}

// Stand-ins for engines: EnginesByLanguage only hands the pointers on.
const Engine* FakeEngine(int i) {
  static char slots[16];
  return reinterpret_cast<const Engine*>(&slots[i]);
}

TEST(EnginesByLanguage, BuildsEachLanguageOnceEvenUnderConcurrentRequests) {
  std::atomic<int> builds{0};
  const std::vector<std::string> languages = {"auto", "de", "en", "fr"};
  EnginesByLanguage engines(FakeEngine(0), "en", languages,
                            [&](const std::string& language) -> absl::StatusOr<const Engine*> {
                              ++builds;
                              std::this_thread::sleep_for(std::chrono::milliseconds(20));
                              for (size_t i = 0; i < languages.size(); ++i) {
                                if (languages[i] == language) return FakeEngine(1 + int(i));
                              }
                              return absl::InternalError("unreachable");
                            });
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (const std::string& language : {"de", "fr", "auto"}) {
        absl::StatusOr<const Engine*> e = engines.For(language);
        const int index = language == "auto" ? 0 : language == "de" ? 1 : 3;
        if (!e.ok() || *e != FakeEngine(1 + index)) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(builds.load(), 3);
  // No language, or the server's own: the shared engine, nothing built.
  EXPECT_EQ(*engines.For(""), FakeEngine(0));
  EXPECT_EQ(*engines.For("en"), FakeEngine(0));
  EXPECT_EQ(builds.load(), 3);
}

TEST(EnginesByLanguage, RefusesUnknownLanguagesAndKeepsBuildErrors) {
  int builds = 0;
  EnginesByLanguage engines(FakeEngine(0), "", {"de", "it"},
                            [&](const std::string&) -> absl::StatusOr<const Engine*> {
                              ++builds;
                              return absl::NotFoundError("no it_IT dictionary");
                            });
  absl::StatusOr<const Engine*> unknown = engines.For("klingon");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(unknown.status()));
  EXPECT_EQ(unknown.status().message(), "unknown `lang` \"klingon\": use one of de, it");
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<const Engine*> failed = engines.For("it");
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.status().message(), "no it_IT dictionary");
  }
  EXPECT_EQ(builds, 1);
}

}  // namespace
}  // namespace mtclean::serve
