#include "cleaner/config/config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "cleaner/document/document.h"
#include "cleaner/rules/rule_pattern.h"
#include "re2/re2.h"
#include "yaml-cpp/yaml.h"

namespace mtclean::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKeys[] = {"packs",    "enable",       "disable", "severity",
                                      "language", "dictionaries", "skip",    "delete-untranslated"};

class ConfigError {
 public:
  explicit ConfigError(std::string path) : path_(std::move(path)) {}
  std::string Origin(const YAML::Mark& mark) const {
    return absl::StrCat(path_, ":", mark.line + 1, ":", mark.column + 1);
  }
  absl::Status At(const YAML::Mark& mark, absl::string_view message) const {
    return absl::InvalidArgumentError(absl::StrCat(Origin(mark), ": ", message));
  }
  absl::Status At(const YAML::Node& node, absl::string_view message) const {
    return At(node.Mark(), message);
  }

 private:
  std::string path_;
};

// A list of non-empty strings, each with its origin.
absl::StatusOr<std::vector<Located>> StringList(const ConfigError& err, const YAML::Node& node,
                                                const std::string& key) {
  if (!node.IsSequence()) return err.At(node, absl::StrCat("`", key, "` must be a list of strings"));
  std::vector<Located> out;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return err.At(item, absl::StrCat("`", key, "` entries must be non-empty strings"));
    }
    out.push_back({item.Scalar(), err.Origin(item.Mark())});
  }
  return out;
}

// A path written in the configuration, made absolute from its folder; it
// must exist.
absl::StatusOr<std::string> ExistingPath(const ConfigError& err, const YAML::Node& node,
                                         const std::string& dir, const std::string& key) {
  const fs::path p = fs::path(dir) / node.Scalar();
  std::error_code ec;
  if (!fs::exists(p, ec)) {
    return err.At(node, absl::StrCat("`", key, "`: no such file or folder `", node.Scalar(),
                                     "` (paths are relative to the configuration's folder)"));
  }
  return p.lexically_normal().string();
}

// A pack entry that is a path rather than a built-in pack's name.
bool LooksLikePath(std::string_view entry) {
  return entry.find('/') != std::string_view::npos || entry.front() == '.' ||
         entry.ends_with(".yaml") || entry.ends_with(".yml");
}

// Glob over path components (see Config::Skips).
bool MatchComponents(const std::vector<std::string>& pattern, size_t p,
                     const std::vector<std::string>& path, size_t s) {
  if (p == pattern.size()) return true;  // a matched folder skips what is below
  if (pattern[p] == "**") {
    for (size_t k = s; k <= path.size(); ++k) {
      if (MatchComponents(pattern, p + 1, path, k)) return true;
    }
    return false;
  }
  return s < path.size() && RulePatternMatches(pattern[p], path[s]) &&
         MatchComponents(pattern, p + 1, path, s + 1);
}

std::vector<std::string> Components(std::string_view path) {
  std::vector<std::string> out;
  for (absl::string_view c : absl::StrSplit(absl::string_view(path.data(), path.size()), '/',
                                            absl::SkipEmpty())) {
    if (c != ".") out.emplace_back(c);
  }
  return out;
}

absl::Status ParseRoot(const ConfigError& err, const YAML::Node& root, Config* config) {
  absl::flat_hash_set<std::string> seen;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      std::vector<std::string> known(std::begin(kKeys), std::end(kKeys));
      return err.At(kv.first, absl::StrCat("unknown key `", key, "` (known keys: ",
                                           absl::StrJoin(known, ", "), ")"));
    }
    if (!seen.insert(key).second) return err.At(kv.first, absl::StrCat("key `", key, "` given twice"));
    const YAML::Node& value = kv.second;
    if (key == "packs") {
      absl::StatusOr<std::vector<Located>> packs = StringList(err, value, key);
      if (!packs.ok()) return packs.status();
      config->builtin_packs.emplace();
      for (size_t i = 0; i < packs->size(); ++i) {
        if (LooksLikePath((*packs)[i].value)) {
          absl::StatusOr<std::string> path = ExistingPath(err, value[i], config->dir, key);
          if (!path.ok()) return path.status();
          config->rule_paths.push_back(*path);
        } else {
          config->builtin_packs->push_back((*packs)[i]);
        }
      }
    } else if (key == "enable" || key == "disable") {
      absl::StatusOr<std::vector<Located>> patterns = StringList(err, value, key);
      if (!patterns.ok()) return patterns.status();
      for (Located& p : *patterns) config->selectors.push_back({std::move(p), key == "enable"});
    } else if (key == "severity") {
      if (!value.IsMap()) {
        return err.At(value, "`severity` must be a map from rule id or glob to error, warning or info");
      }
      for (const auto& entry : value) {
        if (!entry.first.IsScalar() || entry.first.Scalar().empty()) {
          return err.At(entry.first, "`severity` keys must be rule ids or globs");
        }
        std::optional<Severity> severity;
        if (entry.second.IsScalar()) severity = ParseSeverity(entry.second.Scalar());
        if (!severity) {
          return err.At(entry.second, absl::StrCat("severity of `", entry.first.Scalar(),
                                                   "` must be one of: error, warning, info"));
        }
        config->severities.push_back(
            {{entry.first.Scalar(), err.Origin(entry.first.Mark())}, *severity});
      }
    } else if (key == "language") {
      static const RE2 kLanguage("[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?");
      if (!value.IsScalar() || !RE2::FullMatch(value.Scalar(), kLanguage)) {
        return err.At(value, "`language` must be a language code such as `en` or `pt_BR`");
      }
      config->language = value.Scalar();
    } else if (key == "dictionaries") {
      absl::StatusOr<std::vector<Located>> dirs = StringList(err, value, key);
      if (!dirs.ok()) return dirs.status();
      for (size_t i = 0; i < dirs->size(); ++i) {
        absl::StatusOr<std::string> path = ExistingPath(err, value[i], config->dir, key);
        if (!path.ok()) return path.status();
        if (!fs::is_directory(*path)) {
          return err.At(value[i], absl::StrCat("`dictionaries`: `", value[i].Scalar(),
                                               "` is not a folder"));
        }
        config->dictionary_paths.push_back(*path);
      }
    } else if (key == "delete-untranslated") {
      if (!value.IsScalar() || (value.Scalar() != "true" && value.Scalar() != "false")) {
        return err.At(value, "`delete-untranslated` must be true or false");
      }
      config->delete_untranslated = value.Scalar() == "true";
    } else if (key == "skip") {
      absl::StatusOr<std::vector<Located>> globs = StringList(err, value, key);
      if (!globs.ok()) return globs.status();
      for (Located& g : *globs) config->skip.push_back(std::move(g.value));
    }
  }
  return absl::OkStatus();
}

}  // namespace

void Config::ApplyTo(Options* options, bool keep_language) const {
  if (builtin_packs) options->builtin_packs = builtin_packs;
  options->rule_paths.insert(options->rule_paths.end(), rule_paths.begin(), rule_paths.end());
  options->dictionary_paths.insert(options->dictionary_paths.end(), dictionary_paths.begin(),
                                   dictionary_paths.end());
  options->selectors.insert(options->selectors.end(), selectors.begin(), selectors.end());
  options->severities.insert(options->severities.end(), severities.begin(), severities.end());
  if (language && !keep_language) options->language = *language;
  // --delete-untranslated turns it on whatever the configuration says.
  if (delete_untranslated) {
    options->delete_untranslated = options->delete_untranslated || *delete_untranslated;
  }
}

bool Config::Skips(const std::string& path) const {
  if (skip.empty()) return false;
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec).lexically_normal();
  const fs::path relative = absolute.lexically_relative(dir);
  if (relative.empty() || *relative.begin() == "..") return false;
  const std::vector<std::string> parts = Components(relative.generic_string());
  for (const std::string& glob : skip) {
    const std::vector<std::string> pattern = Components(glob);
    if (pattern.empty()) continue;
    if (glob.find('/') == std::string::npos) {
      for (const std::string& part : parts) {
        if (RulePatternMatches(glob, part)) return true;
      }
    } else if (MatchComponents(pattern, 0, parts, 0)) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<Config> ParseConfig(std::string_view yaml, const std::string& path) {
  const ConfigError err(path);
  Config config;
  config.path = path;
  std::error_code ec;
  config.dir = fs::absolute(fs::path(path), ec).lexically_normal().parent_path().string();
  if (yaml.size() > kMaxConfigBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": a configuration file may be at most ", kMaxConfigBytes, " bytes long"));
  }
  if (absl::Status s = ValidateUtf8(yaml); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", s.message()));
  }
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (!root || root.IsNull()) return config;  // an empty file: the defaults
    if (!root.IsMap()) return err.At(root, "the configuration must be a map of settings");
    if (absl::Status s = ParseRoot(err, root, &config); !s.ok()) return s;
  } catch (const YAML::Exception& e) {
    return err.At(e.mark, e.msg);
  }
  return config;
}

absl::StatusOr<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot read configuration file"));
  }
  if (const uintmax_t size = fs::file_size(path, ec); !ec && size > kMaxConfigBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": a configuration file may be at most ", kMaxConfigBytes, " bytes long"));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseConfig(buffer.str(), path);
}

std::optional<std::string> FindConfig(const std::string& dir) {
  std::error_code ec;
  fs::path current = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  for (;;) {
    const fs::path candidate = current / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!current.has_relative_path()) return std::nullopt;  // the root
    current = current.parent_path();
  }
}

}  // namespace mtclean::internal
