// Differential test: every data rule's sites, found through the Hyperscan
// scanner and DataRule::Locate, must equal what an independent reference
// built on RE2 finds on the test texts (all rule examples, all fixture
// articles, and texts that stress line ends). The candidate patterns of the
// structural rules are checked the same way, match by match.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/dict/word_lists.h"
#include "cleaner/document/unicode_text.h"
#include "cleaner/match/scanner.h"
#include "cleaner/rules/builtin/builtin_rules.h"
#include "cleaner/rules/registry.h"
#include "re2/re2.h"
#include "tests/test_support.h"

namespace mtclean::internal {
namespace {

std::vector<std::string> TestTexts(const RuleSet& rules) {
  std::vector<std::string> texts;
  for (const RuleDescription& r : rules.descriptions()) {
    for (const RuleExample& ex : r.examples) {
      texts.push_back(ex.text);
      if (!ex.good.empty()) texts.push_back(ex.good);
    }
  }
  for (const std::string& name : mtclean::testing::ArticleNames()) {
    texts.push_back(mtclean::testing::ReadFile(
        mtclean::testing::SourcePath("tests/articles/" + name + ".txt")));
  }
  // A short last line without a newline after a long line.
  texts.push_back(std::string(900, 'w') + "\n\nLeave a Reply");
  texts.push_back(std::string(1400, 'w') + "\nShare this:\nLike this:");
  return texts;
}

bool WordAt(std::string_view t, size_t b, size_t e) {
  auto word_before = [&] {
    if (b == 0) return false;
    size_t i = b;
    return IsWordChar(PreviousCodePoint(t, i));
  };
  auto word_after = [&] {
    if (e >= t.size()) return false;
    size_t i = e;
    return IsWordChar(NextCodePoint(t, i));
  };
  size_t i = b;
  const bool first_word = b < e && IsWordChar(NextCodePoint(t, i));
  size_t j = e;
  const bool last_word = b < e && IsWordChar(PreviousCodePoint(t, j));
  return !(first_word && word_before()) && !(last_word && word_after());
}

// The RE2 reference of DataRule::Locate, compiled once per rule: RE2
// compiles the Unicode classes of a line-scope expression slowly, and the
// test runs under the sanitizers too.
class ReferenceLocator {
 public:
  explicit ReferenceLocator(const DataRule& rule) : scope_(rule.scope()) {
    std::vector<std::string> alternatives;
    for (const PatternSpec& p : rule.patterns()) {
      alternatives.push_back(absl::StrCat("(?:", PatternExpression(p), ")"));
      all_literal_ = all_literal_ && p.literal;
    }
    const std::string alt = absl::StrCat("(?:", absl::StrJoin(alternatives, "|"), ")");
    std::string expression = alt;
    if (IsLineScope(scope_)) {
      const std::string sep = "[\\s\\p{P}\\p{S}]*";
      switch (scope_) {
        case Scope::kLine:
          expression = absl::StrCat("^", sep, alt, "(?:", sep, alt, ")*", sep, "$");
          break;
        case Scope::kLineStart:
          expression = absl::StrCat("^", sep, alt);
          break;
        default:
          expression = absl::StrCat(alt, sep, "$");
          break;
      }
    }
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_longest_match(true);
    re_ = std::make_unique<RE2>(expression, options);
  }

  bool ok() const { return re_->ok(); }

  std::vector<Span> Sites(const Document& doc) const {
    std::vector<Span> sites;
    const std::string_view text = doc.text();
    if (IsLineScope(scope_)) {
      for (const Line& l : doc.lines()) {
        if (l.blank || doc.IsProtected(l.begin, l.end)) continue;
        const std::string line(text.substr(l.begin, l.end - l.begin));
        if (RE2::PartialMatch(line, *re_)) sites.push_back({l.begin, l.end});
      }
      return sites;
    }
    const std::string copy(text);
    re2::StringPiece input(copy);
    size_t pos = 0;
    re2::StringPiece m;
    while (pos < copy.size() && re_->Match(input, pos, copy.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t b = static_cast<size_t>(m.data() - copy.data());
      const size_t e = b + m.size();
      if (e == b || (all_literal_ && !WordAt(text, b, e)) || doc.IsProtected(b, e)) {
        pos = b + 1;
        continue;
      }
      sites.push_back({b, e});
      pos = e;
    }
    return sites;
  }

 private:
  Scope scope_;
  bool all_literal_ = true;
  std::unique_ptr<RE2> re_;
};

TEST(DifferentialTest, EveryDataRuleAgreesWithRe2) {
  absl::StatusOr<WordLists> words =
      WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
  ASSERT_TRUE(words.ok()) << words.status();
  for (const char* lang : {"en", "es", "fr", "de", "it", "pt"}) {
    Options options;
    options.language = lang;
    options.cache_dir = MTCLEAN_TEST_CACHE_DIR;
    absl::StatusOr<std::unique_ptr<RuleSet>> rules =
        RuleSet::Create(options, MTCLEAN_SOURCE_DIR, *words);
    ASSERT_TRUE(rules.ok()) << rules.status();
    std::vector<Document> docs;
    for (const std::string& text : TestTexts(**rules)) {
      absl::StatusOr<Document> doc = Document::Create(text);
      ASSERT_TRUE(doc.ok());
      docs.push_back(*std::move(doc));
    }
    for (const auto& rule : (*rules)->data_rules()) {
      absl::StatusOr<std::unique_ptr<Scanner>> scanner =
          Scanner::Compile(rule->patterns(), MTCLEAN_TEST_CACHE_DIR);
      ASSERT_TRUE(scanner.ok()) << scanner.status();
      const ReferenceLocator reference(*rule);
      ASSERT_TRUE(reference.ok()) << rule->id();
      for (const Document& doc : docs) {
        std::vector<RawMatch> raw;
        ASSERT_TRUE((*scanner)->Scan(doc.text(), &raw).ok());
        std::vector<RuleMatch> matches;
        for (const RawMatch& m : raw) matches.push_back({m.pattern, m.begin, m.end});
        std::vector<Span> got;
        for (const Site& site : rule->Locate(doc, std::move(matches))) {
          got.push_back({site.begin, site.end});
        }
        EXPECT_EQ(got, reference.Sites(doc)) << rule->id() << " on:\n"
                                             << doc.text().substr(0, 300);
      }
    }
  }
}

// Texts with the artifacts the structural rules' candidate patterns look
// for, next to look-alikes.
std::vector<std::string> CandidateTexts() {
  std::vector<std::string> texts = {
      "cafÃ© donâ€™t â€œQuoteâ€\u009d Â£5 itÃ¢â‚¬â„¢s São Paulo Ã alone é»",
      "&amp; &#8217; &#x2014; &nbsp;&foo; AT&T <br> </p> <a href=\"x\"> <3 <Yes>",
      "zero\u200Bwidth soft\u00ADhyphen no\u00A0break \u0007 \uFEFF \u200E",
      "transla- tion govern-\nment pre- and post-war well-\r\n  known",
      "word , end .Then  two   spaces!! ?? ,, ;; .. ... a.b U.S.Army e.g.The",
  };
  for (const auto& entry :
       std::filesystem::directory_iterator(mtclean::testing::SourcePath("tests/clean_text"))) {
    texts.push_back(mtclean::testing::ReadFile(entry.path().string()));
  }
  return texts;
}

// The built-in structural rules (English word lists) and the texts their
// candidates are checked on: every rule's examples and CandidateTexts().
class CandidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<WordLists> words =
        WordLists::Load(mtclean::testing::SourcePath("dictionaries"), "en");
    ASSERT_TRUE(words.ok()) << words.status();
    words_ = std::make_unique<WordLists>(std::move(*words));
    Options options;
    options.cache_dir = MTCLEAN_TEST_CACHE_DIR;
    absl::StatusOr<std::vector<std::unique_ptr<StructuralRule>>> rules =
        MakeBuiltinRules(*words_, options);
    ASSERT_TRUE(rules.ok()) << rules.status();
    rules_ = std::move(*rules);
    absl::StatusOr<std::unique_ptr<RuleSet>> all =
        RuleSet::Create(options, MTCLEAN_SOURCE_DIR, *words_);
    ASSERT_TRUE(all.ok()) << all.status();
    texts_ = TestTexts(**all);
    for (std::string& t : CandidateTexts()) texts_.push_back(std::move(t));
  }

  std::unique_ptr<WordLists> words_;
  std::vector<std::unique_ptr<StructuralRule>> rules_;
  std::vector<std::string> texts_;
};

TEST_F(CandidateTest, EveryCandidatePatternAgreesWithRe2) {
  const auto& rules = rules_;
  const std::vector<std::string>& texts = texts_;
  size_t checked = 0;
  for (const auto& rule : rules) {
    for (const PatternSpec& spec : rule->CandidatePatterns()) {
      SCOPED_TRACE(rule->id() + ": " + spec.text);
      absl::StatusOr<std::unique_ptr<Scanner>> scanner =
          Scanner::Compile({spec}, MTCLEAN_TEST_CACHE_DIR);
      ASSERT_TRUE(scanner.ok()) << scanner.status();
      RE2::Options re2_options;
      re2_options.set_case_sensitive(!spec.caseless);
      re2_options.set_longest_match(true);
      const RE2 re(PatternExpression(spec), re2_options);
      ASSERT_TRUE(re.ok()) << re.error();
      for (const std::string& text : texts) {
        std::vector<RawMatch> raw;
        ASSERT_TRUE((*scanner)->Scan(text, &raw).ok());
        // Every Hyperscan match is a match.
        for (const RawMatch& m : raw) {
          EXPECT_TRUE(RE2::FullMatch(text.substr(m.begin, m.end - m.begin), re))
              << "[" << m.begin << ", " << m.end << ") in:\n" << text.substr(0, 300);
        }
        // Every match RE2 finds is reported, ending at the same place and
        // starting no later.
        re2::StringPiece input(text);
        re2::StringPiece found;
        size_t pos = 0;
        while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &found, 1)) {
          const size_t b = static_cast<size_t>(found.data() - text.data());
          const size_t e = b + found.size();
          ++checked;
          const bool reported = std::any_of(raw.begin(), raw.end(), [&](const RawMatch& m) {
            return m.end == e && m.begin <= b;
          });
          EXPECT_TRUE(reported) << "[" << b << ", " << e << ") missed in:\n" << text.substr(0, 300);
          pos = e > b ? e : b + 1;
        }
      }
    }
  }
  EXPECT_GT(checked, 50u);  // the texts exercise the patterns
}

// The regular expressions a rule's FindCandidates() stands for, by pattern
// index: its byte loop must find exactly their matches, one per end offset
// with the leftmost start, as the scanner would.
const std::map<std::string, std::vector<std::string>>& FinderExpressions() {
  static const auto* expressions = new std::map<std::string, std::vector<std::string>>{
      {"text.missing-space",
       {
           "[a-z\\x{DF}-\\x{24F}][a-z\\x{DF}-\\x{24F}][.!?][A-Z\\x{C0}-\\x{DE}]",
       }},
      {"text.spacing",
       {
           "[ \\t]+[,.;:!?]",
           "[a-z\\x{DF}-\\x{24F}][a-z\\x{DF}-\\x{24F}][,;][A-Za-z\\x{C0}-\\x{24F}][A-Za-z\\x{C0}-\\x{24F}]",
           "  ",
           "!!|\\?\\?|,,|;;|\\.\\.",
       }},
  };
  return *expressions;
}

TEST_F(CandidateTest, EveryCandidateFinderAgreesWithItsExpressions) {
  const auto& rules = rules_;
  std::vector<std::string> texts = texts_;
  texts.push_back("  \t ,\t\t. x  ;  ::!!!?? ,,;;... . ..");
  // The edges of each letter class.
  texts.push_back("ab.Àa ab.Þa ab.ßa ab.×÷ ab.Zz ab.[a ab,ɏɏ ab,ɐa ab;ÀÞ ßɏ!Aa ÞÞ.Aa `a.Aa {a.Aa ɐa.Aa aɐ.Aa ab.Aɐ");
  texts.push_back("été.Été çà,ÀÉ ßß!Øø ÿÿ?Þa ab.Cd ab.cd AB.Cd ab,cD a,bc ab;éé ab×.Cd");
  size_t with_finder = 0;
  size_t checked = 0;
  for (const auto& rule : rules) {
    std::vector<RuleMatch> probe;
    for (const std::string& text : texts) rule->FindCandidates(text, &probe);
    const auto spec = FinderExpressions().find(rule->id());
    if (spec == FinderExpressions().end()) {
      EXPECT_TRUE(probe.empty()) << rule->id() << " finds candidates but has no expressions here";
      continue;
    }
    ++with_finder;
    std::vector<std::unique_ptr<RE2>> expressions;
    for (const std::string& e : spec->second) {
      expressions.push_back(std::make_unique<RE2>(e));
      ASSERT_TRUE(expressions.back()->ok()) << expressions.back()->error();
    }
    for (const std::string& text : texts) {
      SCOPED_TRACE(rule->id() + " on: " + text.substr(0, 200));
      std::vector<RuleMatch> found;
      rule->FindCandidates(text, &found);
      std::set<std::tuple<size_t, size_t, size_t>> got;
      for (const RuleMatch& m : found) {
        ASSERT_LT(m.pattern, expressions.size());
        EXPECT_TRUE(got.insert({m.pattern, m.end, m.begin}).second) << "reported twice";
      }
      // The expected matches: for every pattern and end offset, the
      // leftmost start (the patterns here span at most 12 bytes, and the
      // only unbounded one, a run of blanks, is followed back byte by byte).
      std::set<std::tuple<size_t, size_t, size_t>> want;
      for (size_t p = 0; p < expressions.size(); ++p) {
        for (size_t end = 1; end <= text.size(); ++end) {
          if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            continue;
          }
          std::optional<size_t> leftmost;
          for (size_t begin = end; begin-- > 0;) {
            if ((static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) continue;
            const std::string_view piece = std::string_view(text).substr(begin, end - begin);
            if (RE2::FullMatch(re2::StringPiece(piece.data(), piece.size()), *expressions[p])) {
              leftmost = begin;
            } else if (end - begin > 12 && text[begin] != ' ' && text[begin] != '\t') {
              break;
            }
          }
          if (leftmost) want.insert({p, end, *leftmost});
        }
      }
      checked += want.size();
      EXPECT_EQ(got, want);
    }
  }
  EXPECT_EQ(with_finder, FinderExpressions().size());
  EXPECT_GT(checked, 50u);  // the texts exercise the expressions
}

}  // namespace
}  // namespace mtclean::internal
