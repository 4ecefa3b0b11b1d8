// A seeded generator of news-like documents for benchmarks: English wire
// copy assembled from the project's own sentence parts, with the artifacts
// mtclean exists for injected at known rates. The same seed gives the same
// corpus on every machine (the generator draws from std::mt19937_64, whose
// output the standard fixes, and uses no std:: distribution).
#ifndef MTCLEAN_BENCH_CORPUS_GENERATOR_H_
#define MTCLEAN_BENCH_CORPUS_GENERATOR_H_

#include <cstdint>
#include <map>
#include <random>
#include <string>

namespace mtclean::bench {

// How often each artifact is injected, as a share of documents.
struct ArtifactRates {
  double comment_form = 0.05;      // "Leave a Reply" footer
  double share_widget = 0.05;      // "Share this:" block at the end
  double dateline = 0.05;          // translated agency dateline line
  double duplicate_headline = 0.03;
  double html_entity = 0.03;       // &amp; / &quot; in a sentence
  double mojibake = 0.02;          // UTF-8 read as Windows-1252
  double doubled_word = 0.02;
  double space_before_punct = 0.03;
  double cookie_notice = 0.02;     // at the head
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed, ArtifactRates rates = {});

  // One document: a headline, then paragraphs separated by blank lines,
  // ending with a newline. About `target_bytes` long (1,000-6,000 when 0).
  std::string Document(size_t target_bytes = 0);

  // One JSON Lines record (with its newline) holding a document in `text`
  // beside an id, a URL and the language; `target_bytes` as for Document.
  std::string Record(size_t target_bytes = 0);

  // How many times each artifact was injected so far.
  const std::map<std::string, uint64_t>& injected() const { return injected_; }

 private:
  uint64_t Next() { return engine_(); }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  std::string Sentence();
  std::string Headline();

  std::mt19937_64 engine_;
  ArtifactRates rates_;
  uint64_t records_ = 0;
  std::map<std::string, uint64_t> injected_;
};

}  // namespace mtclean::bench

#endif  // MTCLEAN_BENCH_CORPUS_GENERATOR_H_
