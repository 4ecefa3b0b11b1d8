// Repository configuration: `.mtclean.yaml`, found by walking up from each
// input file (the nearest one wins). The format is documented in README.md
// ("Configuration"):
//
//   packs: [scrape, newswire, ./house-rules]   # built-in packs and paths
//   disable: [scrape.share-widget]             # ids or globs
//   enable: [scrape.comment-form]
//   severity: {newswire.dateline: error, "mt.*": info}
//   language: es
//   dictionaries: [./words]                    # folders like dictionaries/
//   skip: ["drafts/**", "*.txt"]               # globs, relative to the file
//   delete-untranslated: true                  # mt.untranslated deletes
//
// Paths are relative to the configuration file's folder. Every error names
// the file, line and column. Rule ids and pack names are checked when the
// engine is built from the options (Engine::Create), with the same origin.
#ifndef MTCLEAN_CONFIG_CONFIG_H_
#define MTCLEAN_CONFIG_CONFIG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "mtclean/options.h"

namespace mtclean::internal {

inline constexpr char kConfigFileName[] = ".mtclean.yaml";
// Larger configuration files are refused: a configuration is a few lines.
inline constexpr size_t kMaxConfigBytes = 1 << 20;

struct Config {
  std::string path;  // the configuration file
  std::string dir;   // its folder, absolute

  std::optional<std::vector<Located>> builtin_packs;
  std::vector<std::string> rule_paths;        // absolute
  std::vector<std::string> dictionary_paths;  // absolute
  std::vector<RuleSelector> selectors;
  std::vector<SeverityOverride> severities;
  std::optional<std::string> language;
  std::vector<std::string> skip;  // globs
  std::optional<bool> delete_untranslated;

  // Adds this configuration's settings to `options` (the language only when
  // `keep_language` is false).
  void ApplyTo(Options* options, bool keep_language) const;

  // True when `path` (absolute, or relative to the current folder) lies
  // under the configuration's folder and a `skip` glob matches it. A glob
  // without `/` matches any one path component (`*.txt`, `drafts`); one with
  // `/` matches from the configuration's folder (`content/drafts/**`), and a
  // folder it matches skips everything below. `*` and `?` stay within a
  // component; `**` spans any number of components.
  bool Skips(const std::string& path) const;
};

// Parses the configuration text `yaml` of the file `path` (which need not
// exist; relative paths in it are taken from its folder and must exist).
// Error: InvalidArgument "PATH:LINE:COLUMN: what is wrong".
absl::StatusOr<Config> ParseConfig(std::string_view yaml, const std::string& path);

// Reads and parses a configuration file. Error: NotFound when it cannot be
// read, else as ParseConfig.
absl::StatusOr<Config> LoadConfig(const std::string& path);

// The nearest `.mtclean.yaml` in `dir` (absolute or relative to the current
// folder) or the folders above it; nullopt when there is none.
std::optional<std::string> FindConfig(const std::string& dir);

}  // namespace mtclean::internal

#endif  // MTCLEAN_CONFIG_CONFIG_H_
