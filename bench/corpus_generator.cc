#include "bench/corpus_generator.h"

#include <array>
#include <string_view>
#include <vector>

#include "nlohmann/json.hpp"

namespace mtclean::bench {
namespace {

// Sentence parts, written for this generator.
constexpr std::array<std::string_view, 16> kSubjects = {
    "The regional government", "The port authority", "The national statistics office",
    "Local farmers", "The city council", "The health ministry", "Union leaders",
    "The central bank", "Residents of the old quarter", "The transport operator",
    "Fire crews", "The opposition party", "Museum curators", "The water company",
    "Small business owners", "The coast guard"};
constexpr std::array<std::string_view, 16> kVerbs = {
    "announced", "rejected", "approved", "postponed", "criticised", "welcomed", "reviewed",
    "presented", "defended", "questioned", "extended", "suspended", "confirmed", "promised",
    "delayed", "published"};
constexpr std::array<std::string_view, 16> kObjects = {
    "a new plan for the harbour", "the budget for rural schools", "the figures for the last quarter",
    "a reform of the pension system", "the timetable for the night buses",
    "an agreement on water prices", "the report on the summer fires",
    "a program to repair old bridges", "the rules for street markets",
    "a fund for flooded villages", "the opening of the new hospital wing",
    "a ban on cars in the centre", "the contract with the cleaning firm",
    "a survey of housing costs", "the list of protected buildings",
    "a campaign against noise at night"};
constexpr std::array<std::string_view, 12> kPlaces = {
    "in the capital", "on the northern coast", "in the mountain towns", "across the province",
    "in the industrial belt", "near the border", "on the islands", "in the river valley",
    "at the regional parliament", "in the southern districts", "at a press conference",
    "in a statement"};
constexpr std::array<std::string_view, 12> kTimes = {
    "on Monday", "on Tuesday", "this week", "last month", "after a long debate",
    "before the holidays", "on Friday evening", "earlier this year", "after the elections",
    "during the night", "at the end of the session", "for the second time"};
constexpr std::array<std::string_view, 8> kQuotes = {
    "\"We will not accept more delays,\" said a spokeswoman.",
    "\"The numbers speak for themselves,\" the minister told reporters.",
    "\"It is a first step,\" said one of the organisers.",
    "Officials said the measure would cost about 12 million euros.",
    "According to the union, some 3,000 workers are affected.",
    "The decision is expected to be challenged in court.",
    "Critics said the plan came too late for many families.",
    "The next meeting is scheduled for early next month."};
constexpr std::array<std::string_view, 6> kAgencies = {
    "Madrid, 26 (Europe Press)", "Lisbon, 3 (Lusa)", "Rome, 14 (ANSA)",
    "Buenos Aires, 9 (EFE)", "Berlin, 21 (dpa)", "Paris, 5 (AFP)"};

void Append(std::string* out, std::string_view s) { out->append(s.data(), s.size()); }

}  // namespace

CorpusGenerator::CorpusGenerator(uint64_t seed, ArtifactRates rates)
    : engine_(seed), rates_(rates) {}

std::string CorpusGenerator::Sentence() {
  if (Below(5) == 0) return std::string(kQuotes[Below(kQuotes.size())]);
  std::string s;
  Append(&s, kSubjects[Below(kSubjects.size())]);
  s.push_back(' ');
  Append(&s, kVerbs[Below(kVerbs.size())]);
  s.push_back(' ');
  Append(&s, kObjects[Below(kObjects.size())]);
  s.push_back(' ');
  Append(&s, kPlaces[Below(kPlaces.size())]);
  s.push_back(' ');
  Append(&s, kTimes[Below(kTimes.size())]);
  s.push_back('.');
  return s;
}

std::string CorpusGenerator::Headline() {
  std::string h;
  Append(&h, kSubjects[Below(kSubjects.size())]);
  h.push_back(' ');
  Append(&h, kVerbs[Below(kVerbs.size())]);
  h.push_back(' ');
  Append(&h, kObjects[Below(kObjects.size())]);
  return h;
}

std::string CorpusGenerator::Document(size_t target_bytes) {
  if (target_bytes == 0) target_bytes = 1000 + Below(5000);
  auto inject = [&](double rate, const char* name) {
    if (!Chance(rate)) return false;
    ++injected_[name];
    return true;
  };
  std::string doc;
  const std::string headline = Headline();
  if (inject(rates_.cookie_notice, "cookie_notice")) {
    doc += "We use cookies to improve your experience on our website. Accept cookies\n\n";
  }
  doc += headline + "\n\n";
  if (inject(rates_.duplicate_headline, "duplicate_headline")) doc += headline + "\n\n";
  if (inject(rates_.dateline, "dateline")) {
    Append(&doc, kAgencies[Below(kAgencies.size())]);
    doc += "\n\n";
  }
  const bool entity = inject(rates_.html_entity, "html_entity");
  const bool mojibake = inject(rates_.mojibake, "mojibake");
  const bool doubled = inject(rates_.doubled_word, "doubled_word");
  const bool spacing = inject(rates_.space_before_punct, "space_before_punct");
  int paragraph = 0;
  while (doc.size() < target_bytes) {
    const size_t sentences = 2 + Below(3);
    for (size_t i = 0; i < sentences; ++i) {
      std::string s = Sentence();
      if (paragraph == 1 && i == 0) {
        if (entity) s = "Shops &amp; markets stayed open, officials said.";
        if (mojibake) s = "The cafÃ© owners in the main square said sales had fallen.";
        if (doubled) s = "The mayor said the the works would end in June.";
        if (spacing) s = "The museum will reopen in spring , the director said .";
      }
      if (i > 0) doc.push_back(' ');
      doc += s;
    }
    doc += "\n\n";
    ++paragraph;
  }
  if (inject(rates_.share_widget, "share_widget")) {
    doc += "Share this:\nClick to share on Twitter (Opens in new window)\n"
           "Click to share on Facebook (Opens in new window)\n\n";
  }
  if (inject(rates_.comment_form, "comment_form")) {
    doc += "Leave a Reply\nYour email address will not be published. Required fields are "
           "marked *\n\n";
  }
  doc.pop_back();  // one newline at the end
  return doc;
}

std::string CorpusGenerator::Record(size_t target_bytes) {
  const uint64_t id = ++records_;
  nlohmann::ordered_json record = {
      {"id", id},
      {"url", "https://news.example.org/story/" + std::to_string(id)},
      {"lang", "en"},
      {"text", Document(target_bytes)},
  };
  return record.dump() + "\n";
}

}  // namespace mtclean::bench
