// Writes a generated news-like corpus to standard output.
//
//   generate_corpus [--bytes N] [--seed S] [--text] [--doc-bytes D]
//
// JSON Lines records (default) or, with --text, the documents one after the
// other separated by a blank line, until N bytes (default 100,000,000) are
// written. Each document is about D bytes long (default: 1,000 to 6,000). The counts of injected artifacts go to standard error as JSON.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "bench/corpus_generator.h"

int main(int argc, char** argv) {
  uint64_t bytes = 100'000'000;
  uint64_t seed = 20240601;
  bool text = false;
  size_t doc_bytes = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--bytes") == 0 && i + 1 < argc) {
      bytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--doc-bytes") == 0 && i + 1 < argc) {
      doc_bytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--text") == 0) {
      text = true;
    } else {
      std::cerr << "usage: generate_corpus [--bytes N] [--seed S] [--text] [--doc-bytes D]\n";
      return 2;
    }
  }
  mtclean::bench::CorpusGenerator generator(seed);
  uint64_t written = 0;
  uint64_t documents = 0;
  while (written < bytes) {
    const std::string chunk = text ? generator.Document(doc_bytes) + "\n" : generator.Record(doc_bytes);
    if (std::fwrite(chunk.data(), 1, chunk.size(), stdout) != chunk.size()) return 1;
    written += chunk.size();
    ++documents;
  }
  std::cerr << "{\"documents\": " << documents << ", \"bytes\": " << written
            << ", \"seed\": " << seed;
  for (const auto& [name, count] : generator.injected()) {
    std::cerr << ", \"" << name << "\": " << count;
  }
  std::cerr << "}\n";
  return std::fflush(stdout) == 0 ? 0 : 1;
}
