// Records and generated corpora for the corpus-mode tests, written for
// them: short news stories, some with the scraping artifacts the rules
// remove.
#ifndef MTCLEAN_TESTS_CORPUS_CORPUS_FIXTURE_H_
#define MTCLEAN_TESTS_CORPUS_CORPUS_FIXTURE_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace mtclean::testing {

// A story with a comment-form footer, as a JSON string token, and the same
// story cleaned.
inline constexpr char kDirtyToken[] =
    R"("The ferry company added a night crossing to the island on Friday after a summer of full boats.\n\nTickets go on sale next week.\n\nLeave a Reply\n")";
inline constexpr char kCleanedToken[] =
    R"("The ferry company added a night crossing to the island on Friday after a summer of full boats.\n\nTickets go on sale next week.\n")";
// A story with nothing to clean.
inline constexpr char kCleanToken[] =
    R"("The town library extended its opening hours on Saturdays.\n\nThe reading room now closes at six.\n")";

// A corpus of `records` lines, each ending in `\n`: stories of several
// paragraphs, about one in four with an artifact (a comment form, a share
// widget, a doubled word, an HTML entity), some written with ASCII-only
// escapes, some with an `mtclean` object of an earlier run.
inline std::string MakeCorpus(int records) {
  const std::string filler =
      "The council said the new timetable would add two evening buses between the harbour "
      "and the station. ";
  std::string corpus;
  for (int i = 0; i < records; ++i) {
    std::string text = absl::StrCat("\"Notice number ", i, ".\\n\\n");
    for (int k = 0; k < 2 + i % 9; ++k) absl::StrAppend(&text, filler);
    switch (i % 8) {
      case 0:
        absl::StrAppend(&text, "\\n\\nShare this:\\nClick to share on Twitter\\n\"");
        break;
      case 3:
        absl::StrAppend(&text, "\\n\\nThe mayor said the the buses would run all year.\\n\"");
        break;
      case 5:
        absl::StrAppend(&text, "\\n\\nFares &amp; passes stay the same.\\n\"");
        break;
      case 6:
        absl::StrAppend(&text, "\\n\\nLe caf\\u00e9 du port ouvre t\\u00f4t.\\n\\nLeave a Reply\\n\"");
        break;
      default:
        absl::StrAppend(&text, "\\n\"");
    }
    if (i % 13 == 7) {
      absl::StrAppend(&corpus, R"({"id":)", i, R"(,"text":)", text, R"(,"mtclean":{"old":true}})",
                      "\n");
    } else {
      absl::StrAppend(&corpus, R"({"id":)", i, R"(, "meta": {"lang": "en", "n": 1.50}, "text":)",
                      text, "}\n");
    }
  }
  return corpus;
}

// The lines of `text`, each with its `\n`.
inline std::vector<std::string> LinesOf(const std::string& text) {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  for (absl::string_view line : absl::StrSplit(text, absl::ByString("\n"))) {
    lines.emplace_back(line);
    lines.back().push_back('\n');
  }
  if (!text.empty() && text.back() == '\n') lines.pop_back();  // the empty piece after the last `\n`
  if (text.back() != '\n') lines.back().pop_back();  // a last line without its `\n`
  return lines;
}

}  // namespace mtclean::testing

#endif  // MTCLEAN_TESTS_CORPUS_CORPUS_FIXTURE_H_
