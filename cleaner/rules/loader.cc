#include "cleaner/rules/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cleaner/document/document.h"
#include "re2/re2.h"
#include "yaml-cpp/yaml.h"

namespace mtclean::internal {
namespace {

// An error at a node's position, "SOURCE:LINE:COLUMN: message".
class LoadError {
 public:
  explicit LoadError(std::string source) : source_(std::move(source)) {}
  absl::Status At(const YAML::Mark& mark, absl::string_view message) const {
    return absl::InvalidArgumentError(absl::StrCat(
        source_, ":", mark.line + 1, ":", mark.column + 1, ": ", message));
  }
  absl::Status At(const YAML::Node& node, absl::string_view message) const {
    return At(node.Mark(), message);
  }

 private:
  std::string source_;
};

constexpr std::string_view kKnownKeys[] = {
    "id",    "severity", "message", "description", "languages",   "scope",
    "where", "within",   "shape",   "takes",       "unless",      "action",
    "phrases", "patterns", "replacement", "examples"};

bool IsValidId(std::string_view id) {
  static const RE2 kId("[a-z][a-z0-9]*\\.[a-z0-9]+(?:-[a-z0-9]+)*");
  return RE2::FullMatch(id, kId);
}

// True when `pattern` uses ^ or $ outside a character class.
bool HasAnchor(std::string_view pattern) {
  bool in_class = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // skip the escaped character
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
      if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;
    } else if (c == '^' || c == '$') {
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::string> ScalarString(const LoadError& err, const YAML::Node& node,
                                         const char* key) {
  if (!node.IsScalar()) return err.At(node, absl::StrCat("`", key, "` must be a string"));
  return node.Scalar();
}

absl::StatusOr<std::vector<std::string>> StringList(const LoadError& err,
                                                    const YAML::Node& node,
                                                    const char* key) {
  if (!node.IsSequence()) {
    return err.At(node, absl::StrCat("`", key, "` must be a list of strings"));
  }
  std::vector<std::string> out;
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return err.At(item, absl::StrCat("`", key, "` entries must be non-empty strings"));
    }
    out.push_back(item.Scalar());
  }
  return out;
}

template <typename Enum, size_t N>
absl::StatusOr<Enum> ParseChoice(const LoadError& err, const YAML::Node& node,
                                 const char* key,
                                 const std::pair<std::string_view, Enum> (&choices)[N]) {
  if (node.IsScalar()) {
    for (const auto& [name, value] : choices) {
      if (node.Scalar() == name) return value;
    }
  }
  std::vector<std::string> names;
  for (const auto& choice : choices) names.emplace_back(choice.first);
  return err.At(node, absl::StrCat("`", key, "` must be one of: ",
                                   absl::StrJoin(names, ", ")));
}

absl::StatusOr<std::vector<RuleExample>> ParseExamples(const LoadError& err,
                                                       const YAML::Node& node) {
  if (!node.IsSequence() || node.size() == 0) {
    return err.At(node, "`examples` must be a non-empty list");
  }
  std::vector<RuleExample> examples;
  bool has_bad = false, has_ok = false;
  for (const YAML::Node& item : node) {
    if (!item.IsMap()) return err.At(item, "an example must be a map with `bad` and `good`, or `ok`");
    for (const auto& kv : item) {
      const std::string key = kv.first.Scalar();
      if (key != "bad" && key != "good" && key != "ok" && key != "language") {
        return err.At(kv.first, absl::StrCat("unknown example key `", key,
                                             "` (expected bad, good, ok or language)"));
      }
      if (!kv.second.IsScalar()) return err.At(kv.second, absl::StrCat("`", key, "` must be a string"));
    }
    RuleExample ex;
    if (item["ok"]) {
      if (item["bad"] || item["good"]) return err.At(item, "an example has either `ok` or `bad` and `good`");
      ex.kind = RuleExample::Kind::kOk;
      ex.text = item["ok"].Scalar();
      has_ok = true;
    } else if (item["bad"] && item["good"]) {
      ex.kind = RuleExample::Kind::kBad;
      ex.text = item["bad"].Scalar();
      ex.good = item["good"].Scalar();
      has_bad = true;
    } else {
      return err.At(item, "a `bad` example needs a `good` text (the expected output)");
    }
    // The language the example is run in (default: English, or the
    // rule's first language).
    if (item["language"]) ex.language = item["language"].Scalar();
    examples.push_back(std::move(ex));
  }
  if (!has_bad || !has_ok) {
    return err.At(node, "`examples` needs at least one `bad`/`good` pair and one `ok` text");
  }
  return examples;
}

absl::StatusOr<std::unique_ptr<DataRule>> ParseRule(const LoadError& err,
                                                    const YAML::Node& node,
                                                    const std::string& source) {
  if (!node.IsMap()) return err.At(node, "a rule must be a map");
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (std::find(std::begin(kKnownKeys), std::end(kKnownKeys), key) ==
        std::end(kKnownKeys)) {
      return err.At(kv.first, absl::StrCat("unknown key `", key, "`"));
    }
  }
  for (const char* required : {"id", "severity", "message", "action", "examples"}) {
    if (!node[required]) {
      return err.At(node, absl::StrCat("missing required key `", required, "`"));
    }
  }
  DataRule::Spec spec;
  RuleDescription& d = spec.description;
  d.source = source;

  absl::StatusOr<std::string> id = ScalarString(err, node["id"], "id");
  if (!id.ok()) return id.status();
  if (!IsValidId(*id)) {
    return err.At(node["id"], "`id` must look like family.name (lowercase, digits, dashes)");
  }
  d.id = *id;

  absl::StatusOr<std::string> severity = ScalarString(err, node["severity"], "severity");
  if (!severity.ok()) return severity.status();
  std::optional<Severity> parsed = ParseSeverity(*severity);
  if (!parsed) return err.At(node["severity"], "`severity` must be one of: error, warning, info");
  d.severity = *parsed;

  absl::StatusOr<std::string> message = ScalarString(err, node["message"], "message");
  if (!message.ok()) return message.status();
  d.message = *message;
  if (node["description"]) {
    absl::StatusOr<std::string> description =
        ScalarString(err, node["description"], "description");
    if (!description.ok()) return description.status();
    d.description = *description;
  }
  if (node["languages"]) {
    absl::StatusOr<std::vector<std::string>> langs =
        StringList(err, node["languages"], "languages");
    if (!langs.ok()) return langs.status();
    d.languages = *langs;
  }

  static constexpr std::pair<std::string_view, Scope> kScopes[] = {
      {"anywhere", Scope::kAnywhere}, {"line", Scope::kLine},
      {"line-start", Scope::kLineStart}, {"line-end", Scope::kLineEnd}};
  static constexpr std::pair<std::string_view, Position> kWhere[] = {
      {"anywhere", Position::kAnywhere},
      {"head", Position::kHead},
      {"tail", Position::kTail},
      {"start", Position::kStart}};
  static constexpr std::pair<std::string_view, Action> kActions[] = {
      {"delete-match", Action::kDeleteMatch}, {"delete-line", Action::kDeleteLine},
      {"delete-block", Action::kDeleteBlock}, {"replace", Action::kReplace},
      {"flag", Action::kFlag}};
  if (node["scope"]) {
    absl::StatusOr<Scope> s = ParseChoice(err, node["scope"], "scope", kScopes);
    if (!s.ok()) return s.status();
    spec.scope = *s;
  }
  if (node["where"]) {
    absl::StatusOr<Position> w = ParseChoice(err, node["where"], "where", kWhere);
    if (!w.ok()) return w.status();
    spec.position = *w;
  }
  if (node["within"]) {
    const YAML::Node& within = node["within"];
    int value = 0;
    if (!within.IsScalar() || !YAML::convert<int>::decode(within, value) || value < 1 ||
        value > 1000) {
      return err.At(within, "`within` must be a whole number of blocks from 1 to 1000");
    }
    spec.within = static_cast<size_t>(value);
  }
  static constexpr std::pair<std::string_view, ShapeFilter> kShapes[] = {
      {"any", ShapeFilter::kAny}, {"boilerplate", ShapeFilter::kBoilerplate}};
  static constexpr std::pair<std::string_view, Takes> kTakes[] = {
      {"nothing", Takes::kNothing}, {"link-titles", Takes::kLinkTitles}};
  if (node["shape"]) {
    absl::StatusOr<ShapeFilter> shape = ParseChoice(err, node["shape"], "shape", kShapes);
    if (!shape.ok()) return shape.status();
    spec.shape = *shape;
  }
  static constexpr std::pair<std::string_view, Unless> kUnless[] = {
      {"nothing", Unless::kNothing}, {"introduced", Unless::kIntroduced}};
  if (node["unless"]) {
    absl::StatusOr<Unless> unless = ParseChoice(err, node["unless"], "unless", kUnless);
    if (!unless.ok()) return unless.status();
    spec.unless = *unless;
  }
  absl::StatusOr<Action> action = ParseChoice(err, node["action"], "action", kActions);
  if (!action.ok()) return action.status();
  spec.action = *action;
  if (node["takes"]) {
    absl::StatusOr<Takes> takes = ParseChoice(err, node["takes"], "takes", kTakes);
    if (!takes.ok()) return takes.status();
    spec.takes = *takes;
    if (spec.takes != Takes::kNothing &&
        (spec.action != Action::kDeleteLine || !IsLineScope(spec.scope))) {
      return err.At(node["takes"], "`takes` needs a line scope and `action: delete-line`");
    }
  }

  if (!node["phrases"] && !node["patterns"]) {
    return err.At(node, "a rule needs `phrases`, `patterns` or both");
  }
  for (const bool literal : {true, false}) {
    const char* list_key = literal ? "phrases" : "patterns";
    if (!node[list_key]) continue;
    const YAML::Node& list = node[list_key];
    absl::StatusOr<std::vector<std::string>> items = StringList(err, list, list_key);
    if (!items.ok()) return items.status();
    if (items->empty()) return err.At(list, absl::StrCat("`", list_key, "` must not be empty"));
    for (size_t i = 0; i < items->size(); ++i) {
      if ((*items)[i].size() > kMaxPatternBytes) {
        return err.At(list[i], absl::StrCat("a phrase or pattern may be at most ",
                                            kMaxPatternBytes, " bytes long"));
      }
      PatternSpec p;
      p.text = (*items)[i];
      p.literal = literal;
      p.origin = absl::StrCat(source, ":", list[i].Mark().line + 1, ":",
                              list[i].Mark().column + 1);
      if (!literal) {
        RE2::Options options;
        options.set_log_errors(false);
        RE2 re(p.text, options);
        if (!re.ok()) {
          return err.At(list[i], absl::StrCat("invalid regular expression: ", re.error()));
        }
        if (RE2::FullMatch("", re)) {
          return err.At(list[i], "pattern matches the empty string");
        }
        if (HasAnchor(p.text)) {
          return err.At(list[i], "patterns may not use ^ or $ anchors: use `scope: line`");
        }
      }
      spec.patterns.push_back(std::move(p));
    }
  }

  if (spec.action == Action::kReplace) {
    if (!node["replacement"]) return err.At(node, "`action: replace` needs a `replacement`");
    absl::StatusOr<std::string> r = ScalarString(err, node["replacement"], "replacement");
    if (!r.ok()) return r.status();
    spec.replacement = *r;
  } else if (node["replacement"]) {
    return err.At(node["replacement"], "`replacement` is only used with `action: replace`");
  }

  absl::StatusOr<std::vector<RuleExample>> examples = ParseExamples(err, node["examples"]);
  if (!examples.ok()) return examples.status();
  d.examples = std::move(*examples);

  const YAML::Mark mark = node.Mark();
  absl::StatusOr<std::unique_ptr<DataRule>> rule = DataRule::Create(std::move(spec));
  if (!rule.ok()) return err.At(mark, rule.status().message());
  return rule;
}

}  // namespace

absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> ParseRules(
    std::string_view yaml, std::string_view source_view) {
  const std::string source(source_view);
  const LoadError err(source);
  if (yaml.size() > kMaxRuleFileBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        source, ": a rule file may be at most ", kMaxRuleFileBytes, " bytes long; split it"));
  }
  if (absl::Status s = ValidateUtf8(yaml); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": ", s.message()));
  }
  std::vector<std::unique_ptr<DataRule>> rules;
  size_t patterns = 0;
  try {
    YAML::Node root = YAML::Load(std::string(yaml));
    if (!root || root.IsNull()) return err.At(YAML::Mark(), "the file holds no rule");
    std::vector<YAML::Node> nodes;
    if (root.IsSequence()) {
      for (const YAML::Node& n : root) nodes.push_back(n);
    } else {
      nodes.push_back(root);
    }
    for (const YAML::Node& n : nodes) {
      absl::StatusOr<std::unique_ptr<DataRule>> rule = ParseRule(err, n, source);
      if (!rule.ok()) return rule.status();
      patterns += (*rule)->patterns().size();
      if (patterns > kMaxPatternsPerFile) {
        return err.At(n, absl::StrCat("a rule file may hold at most ", kMaxPatternsPerFile,
                                      " phrases and patterns; split it"));
      }
      rules.push_back(std::move(*rule));
    }
  } catch (const YAML::Exception& e) {
    return err.At(e.mark, e.msg);
  }
  return rules;
}

absl::StatusOr<std::vector<std::unique_ptr<DataRule>>> LoadRuleFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read rule file"));
  std::error_code ec;
  if (const uintmax_t size = std::filesystem::file_size(path, ec);
      !ec && size > kMaxRuleFileBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        path, ": a rule file may be at most ", kMaxRuleFileBytes, " bytes long; split it"));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return ParseRules(buffer.str(), path);
}

absl::StatusOr<std::vector<std::string>> FindRuleFiles(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such rule file or folder"));
  }
  if (!fs::is_directory(path, ec)) return std::vector<std::string>{path};
  std::vector<std::string> files;
  for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& p = it->path();
    if (it->is_regular_file(ec) && (p.extension() == ".yaml" || p.extension() == ".yml")) {
      files.push_back(p.string());
    }
  }
  if (ec) return absl::NotFoundError(absl::StrCat(path, ": ", ec.message()));
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace mtclean::internal
