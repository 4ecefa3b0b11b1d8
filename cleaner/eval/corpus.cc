#include "cleaner/eval/corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "cleaner/document/document.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

namespace fs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return absl::NotFoundError(absl::StrCat(path, ": no such file"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot be read"));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return s.str();
}

// Line and column (1-based, bytes) of byte `offset` of `text`.
std::string Position(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return absl::StrCat(line, ":", column);
}

bool OnCharBoundary(std::string_view text, size_t offset) {
  return offset == text.size() ||
         (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

}  // namespace

const std::vector<std::string>& GoldArtifactTypes() {
  static const auto* types = new std::vector<std::string>{"duplicate_headline",
                                                          "dateline",
                                                          "stray_fragment",
                                                          "comment_footer",
                                                          "site_boilerplate",
                                                          "caption_duplicate",
                                                          "mojibake",
                                                          "html_entity",
                                                          "doubled_word",
                                                          "hyphenation_split",
                                                          "untranslated",
                                                          "unbalanced_quote",
                                                          "other"};
  return *types;
}

std::string_view ActionName(GoldArtifact::Action action) {
  switch (action) {
    case GoldArtifact::Action::kDelete:
      return "delete";
    case GoldArtifact::Action::kReplace:
      return "replace";
    case GoldArtifact::Action::kFlag:
      return "flag";
  }
  return "delete";
}

absl::StatusOr<std::vector<std::string>> ListCorpus(const std::string& dir) {
  const fs::path docs = fs::path(dir) / "docs";
  const fs::path gold = fs::path(dir) / "gold";
  std::error_code ec;
  if (!fs::is_directory(docs, ec)) {
    return absl::NotFoundError(absl::StrCat(
        docs.string(),
        ": no such folder (a labelled corpus holds docs/ and gold/)"));
  }
  std::vector<std::string> ids;
  for (fs::directory_iterator it(docs, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (EndsWith(name, ".txt") && it->is_regular_file(ec)) {
      ids.push_back(name.substr(0, name.size() - 4));
    }
  }
  if (ec)
    return absl::PermissionDeniedError(
        absl::StrCat(docs.string(), ": ", ec.message()));
  std::sort(ids.begin(), ids.end());
  const std::set<std::string> known(ids.begin(), ids.end());
  if (fs::is_directory(gold, ec)) {
    std::vector<std::string> orphans;
    for (fs::directory_iterator it(gold, ec), end; !ec && it != end;
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (EndsWith(name, ".json") &&
          !known.contains(name.substr(0, name.size() - 5))) {
        orphans.push_back((gold / name).string());
      }
    }
    if (!orphans.empty()) {
      std::sort(orphans.begin(), orphans.end());
      return absl::InvalidArgumentError(
          absl::StrCat(orphans.front(), ": gold file without a document in ",
                       docs.string()));
    }
  }
  return ids;
}

absl::StatusOr<std::vector<GoldArtifact>> ParseGold(std::string_view path,
                                                    std::string_view json,
                                                    std::string_view id,
                                                    std::string_view text,
                                                    std::string* lang) {
  const std::string file(path);
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based offset of the byte where parsing stopped.
    const size_t at = e.byte > 0 ? e.byte - 1 : 0;
    return absl::InvalidArgumentError(
        absl::StrCat(file, ":", Position(json, at), ": malformed JSON"));
  }
  auto error = [&](const std::string& what) {
    return absl::InvalidArgumentError(absl::StrCat(file, ": ", what));
  };
  if (!root.is_object()) return error("expected a JSON object");
  if (!root.contains("id") || !root["id"].is_string())
    return error("`id` must be a string");
  if (root["id"].get<std::string>() != id) {
    return error(absl::StrCat("`id` is \"", root["id"].get<std::string>(),
                              "\", expected \"", std::string(id),
                              "\" (the file's name)"));
  }
  if (!root.contains("lang") || !root["lang"].is_string()) {
    return error("`lang` must be a string");
  }
  *lang = root["lang"].get<std::string>();
  if (!root.contains("artifacts") || !root["artifacts"].is_array()) {
    return error("`artifacts` must be an array");
  }
  const std::vector<std::string>& types = GoldArtifactTypes();
  std::vector<GoldArtifact> artifacts;
  size_t index = 0;
  for (const nlohmann::json& a : root["artifacts"]) {
    const std::string where = absl::StrCat("artifact ", index++, ": ");
    if (!a.is_object()) return error(where + "expected an object");
    GoldArtifact artifact;
    if (!a.contains("type") || !a["type"].is_string()) {
      return error(where + "`type` must be a string");
    }
    artifact.type = a["type"].get<std::string>();
    if (std::find(types.begin(), types.end(), artifact.type) == types.end()) {
      return error(where + "unknown type `" + artifact.type + "`");
    }
    for (const char* field : {"start", "end"}) {
      if (!a.contains(field) || !a[field].is_number_unsigned()) {
        return error(where + "`" + field + "` must be a non-negative integer");
      }
    }
    const uint64_t start = a["start"].get<uint64_t>();
    const uint64_t end = a["end"].get<uint64_t>();
    if (start > end || end > text.size()) {
      return error(absl::StrCat(where, "span [", start, ", ", end,
                                ") out of range (the document has ",
                                text.size(), " bytes)"));
    }
    if (!OnCharBoundary(text, start) || !OnCharBoundary(text, end)) {
      return error(absl::StrCat(
          where, "span [", start, ", ", end,
          ") does not fall on UTF-8 character boundaries (document ",
          Position(text, OnCharBoundary(text, start) ? end : start), ")"));
    }
    artifact.start = start;
    artifact.end = end;
    if (!a.contains("action") || !a["action"].is_string()) {
      return error(where + "`action` must be a string");
    }
    const std::string action = a["action"].get<std::string>();
    if (action == "delete") {
      artifact.action = GoldArtifact::Action::kDelete;
    } else if (action == "replace") {
      artifact.action = GoldArtifact::Action::kReplace;
    } else if (action == "flag") {
      artifact.action = GoldArtifact::Action::kFlag;
    } else {
      return error(where + "unknown action `" + action +
                   "` (delete, replace or flag)");
    }
    if (a.contains("replacement") && !a["replacement"].is_null()) {
      if (!a["replacement"].is_string()) {
        return error(where + "`replacement` must be a string or null");
      }
      artifact.replacement = a["replacement"].get<std::string>();
      if (absl::Status s = ValidateUtf8(*artifact.replacement); !s.ok()) {
        return error(where + "`replacement`: " + std::string(s.message()));
      }
    }
    if (artifact.action == GoldArtifact::Action::kReplace &&
        !artifact.replacement) {
      return error(where + "action `replace` needs a string `replacement`");
    }
    if (a.contains("note") && !a["note"].is_null()) {
      if (!a["note"].is_string())
        return error(where + "`note` must be a string");
      artifact.note = a["note"].get<std::string>();
    }
    artifacts.push_back(std::move(artifact));
  }
  std::stable_sort(
      artifacts.begin(), artifacts.end(), [](const auto& x, const auto& y) {
        return x.start != y.start ? x.start < y.start : x.end < y.end;
      });
  return artifacts;
}

absl::StatusOr<LabelledDoc> LoadLabelledDoc(const std::string& dir,
                                            const std::string& id) {
  LabelledDoc doc;
  doc.id = id;
  doc.doc_path = (fs::path(dir) / "docs" / (id + ".txt")).string();
  const std::string json_path =
      (fs::path(dir) / "gold" / (id + ".json")).string();
  const std::string clean_path =
      (fs::path(dir) / "gold" / (id + ".clean.txt")).string();
  absl::StatusOr<std::string> text = ReadWholeFile(doc.doc_path);
  if (!text.ok()) return text.status();
  if (absl::Status s = ValidateUtf8(*text); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(doc.doc_path, ": ", s.message()));
  }
  doc.text = std::move(*text);
  absl::StatusOr<std::string> json = ReadWholeFile(json_path);
  if (!json.ok()) return json.status();
  absl::StatusOr<std::vector<GoldArtifact>> artifacts =
      ParseGold(json_path, *json, id, doc.text, &doc.lang);
  if (!artifacts.ok()) return artifacts.status();
  doc.artifacts = std::move(*artifacts);
  absl::StatusOr<std::string> clean = ReadWholeFile(clean_path);
  if (!clean.ok()) return clean.status();
  if (absl::Status s = ValidateUtf8(*clean); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(clean_path, ": ", s.message()));
  }
  doc.gold_clean = std::move(*clean);
  return doc;
}

absl::StatusOr<std::string> LoadOutput(const std::string& outputs_dir,
                                       const std::string& id) {
  const std::string path = (fs::path(outputs_dir) / (id + ".txt")).string();
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  if (absl::Status s = ValidateUtf8(*text); !s.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", s.message()));
  }
  return text;
}

}  // namespace mtclean::internal
