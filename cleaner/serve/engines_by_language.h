// The engines of `mtclean serve`: one shared engine for every request, and
// one more per language that a request names when it differs from the
// server's, built on its first request and kept for the next ones.
//
// Bounded: only the languages given at construction are accepted, so there
// are at most that many extra engines (seven with the CLI's list: auto, de,
// en, es, fr, it, pt). Thread-safe: requests for a language already built
// never wait; the first requests for a new language wait for its one build,
// the others go on.
#ifndef MTCLEAN_SERVE_ENGINES_BY_LANGUAGE_H_
#define MTCLEAN_SERVE_ENGINES_BY_LANGUAGE_H_

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "mtclean/engine.h"

namespace mtclean::serve {

class EnginesByLanguage {
 public:
  // Builds the engine for a language; the engine must live as long as this
  // object (the factory's owner keeps it).
  using Factory = std::function<absl::StatusOr<const Engine*>(const std::string& language)>;

  // `shared`: the engine for requests that name no language, or name
  // `shared_language` (the server's own `--lang`; empty when it has none).
  // `languages`: the values a request may name. `factory` is called at most
  // once per language.
  EnginesByLanguage(const Engine* shared, std::string shared_language,
                    std::vector<std::string> languages, Factory factory);
  EnginesByLanguage(const EnginesByLanguage&) = delete;
  EnginesByLanguage& operator=(const EnginesByLanguage&) = delete;

  // The engine for `language` (empty: the shared one). Errors:
  // InvalidArgument for a language not in the list (the message lists
  // them); the factory's error, kept and returned again, when the build
  // failed.
  absl::StatusOr<const Engine*> For(const std::string& language);

  const Engine* shared() const { return shared_; }

 private:
  struct Slot {
    std::once_flag built;
    absl::StatusOr<const Engine*> engine = absl::UnknownError("not built");
  };

  const Engine* shared_;
  std::string shared_language_;
  std::vector<std::string> languages_;
  Factory factory_;
  std::mutex mutex_;                                  // guards slots_
  std::map<std::string, std::unique_ptr<Slot>> slots_;  // one per accepted language
};

}  // namespace mtclean::serve

#endif  // MTCLEAN_SERVE_ENGINES_BY_LANGUAGE_H_
