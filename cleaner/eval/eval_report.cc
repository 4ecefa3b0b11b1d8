#include "cleaner/eval/eval_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"

namespace mtclean::internal {
namespace {

std::string Fixed(std::optional<double> value, int digits = 3) {
  if (!value) return "-";
  return absl::StrFormat("%.*f", digits, *value);
}

std::string Percent(std::optional<double> value) {
  if (!value) return "-";
  return absl::StrFormat("%.3f %%", *value * 100.0);
}

std::optional<double> Ratio(size_t num, size_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

nlohmann::json JsonRatio(std::optional<double> value) {
  if (!value) return nullptr;
  return *value;
}

// "LINE:COLUMN" of byte `offset` (1-based; columns count characters).
std::string Where(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return absl::StrCat(line, ":", column);
}

// At most 60 bytes of text[begin, end) on one line, cut on a character
// boundary.
std::string Excerpt(std::string_view text, size_t begin, size_t end) {
  std::string_view s = text.substr(begin, end - begin);
  bool cut = false;
  if (s.size() > 60) {
    size_t n = 60;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    s = s.substr(0, n);
    cut = true;
  }
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out.push_back(c);
    }
  }
  return absl::StrCat("\u201c", out, cut ? "\u2026" : "", "\u201d");
}

}  // namespace

std::string EvalTextReport(const CorpusEvaluation& e, size_t worst) {
  std::string out;
  absl::StrAppend(&out, "Corpus ", e.dir, ": ", e.docs.size(), " documents (",
                  e.clean_docs, " without artifacts), ", e.artifacts,
                  " gold artifacts, ", e.findings, " findings\n\n");
  absl::StrAppendFormat(&out, "%-24s %9s %6s %7s %14s\n", "Recall by gold type",
                        "artifacts", "found", "recall", "bytes left in");
  for (const auto& [type, t] : e.types) {
    absl::StrAppendFormat(&out, "  %-22s %9d %6d %7s %14s\n", type, t.artifacts,
                          t.found, Fixed(Ratio(t.found, t.artifacts)),
                          absl::StrCat(t.missed_bytes, "/", t.edit_bytes));
  }
  const TypeCounts catalogue = e.catalogue();
  absl::StrAppendFormat(
      &out, "  %-22s %9d %6d %7s %14s\n", "catalogue (not other)",
      catalogue.artifacts, catalogue.found, Fixed(e.catalogue_recall()),
      absl::StrCat(catalogue.missed_bytes, "/", catalogue.edit_bytes));
  absl::StrAppendFormat(&out, "  %-22s %9d %6d %7s %14s\n\n", "overall",
                        e.artifacts, e.found, Fixed(e.recall()),
                        absl::StrCat(e.missed_bytes, "/", e.edit_bytes));
  absl::StrAppendFormat(&out, "%-32s %8s %7s %9s %13s\n", "Precision by rule",
                        "findings", "on gold", "precision", "damaged bytes");
  for (const auto& [rule, r] : e.rules) {
    absl::StrAppendFormat(&out, "  %-30s %8d %7d %9s %13d\n", rule, r.findings,
                          r.on_gold, Fixed(Ratio(r.on_gold, r.findings)),
                          r.damage_bytes);
  }
  absl::StrAppendFormat(&out, "  %-30s %8d %7d %9s %13d\n\n", "overall",
                        e.findings, e.findings_on_gold, Fixed(e.precision()),
                        e.damage_bytes);
  absl::StrAppendFormat(
      &out, "Damage rate            %s (%d of %d good bytes changed)\n",
      Percent(e.damage_rate()), e.damage_bytes, e.good_bytes);
  absl::StrAppendFormat(
      &out, "Miss rate              %s (%d of %d gold edit bytes left in)\n",
      Percent(e.miss_rate()), e.missed_bytes, e.edit_bytes);
  absl::StrAppendFormat(
      &out, "Exact match            %s (%d of %d documents)\n",
      Fixed(e.exact_match_rate()), e.exact_matches, e.docs.size());
  absl::StrAppendFormat(
      &out,
      "Edit distance closed   %s (input to gold %d bytes, output to gold %d",
      Fixed(e.distance_closed()), e.distance_before, e.distance_after);
  if (e.distance_skipped > 0) {
    absl::StrAppendFormat(&out, "; %d documents over the bound left out",
                          e.distance_skipped);
  }
  out += ")\n";
  absl::StrAppendFormat(&out, "Clean docs unchanged   %s (%d of %d)\n",
                        Fixed(e.clean_unchanged_rate()), e.clean_docs_unchanged,
                        e.clean_docs);
  absl::StrAppendFormat(&out, "Language agreement     %d of %d\n",
                        e.language_agrees, e.docs.size());

  const std::vector<const DocEvaluation*> docs = WorstDocuments(e, worst);
  if (!docs.empty()) {
    absl::StrAppend(&out, "\nWorst documents (", docs.size(), " of ",
                    e.docs.size() - e.exact_matches,
                    " that differ from gold)\n");
  }
  for (const DocEvaluation* d : docs) {
    absl::StrAppend(&out, "\n", d->doc_path, ": ");
    if (d->distance_after) {
      absl::StrAppend(
          &out, "edit distance to gold ", *d->distance_after, " (was ",
          d->distance_before ? absl::StrCat(*d->distance_before) : "?", ")");
    } else {
      absl::StrAppend(&out, "edit distance to gold over the bound");
    }
    absl::StrAppend(&out, ", ", d->damage_bytes, " bytes damaged, ",
                    d->missed_bytes, " gold edit bytes left in\n");
    for (const GoldArtifact& a : d->missed) {
      absl::StrAppend(&out, "  missed ", a.type, " at ",
                      Where(d->text, a.start), " ",
                      Excerpt(d->text, a.start, a.end), "\n");
    }
    for (const StrayFinding& f : d->stray) {
      absl::StrAppend(&out, "  no gold artifact under ", f.rule_id,
                      f.fixed ? " (fixed)" : "", " at ",
                      Where(d->text, f.begin), " ",
                      Excerpt(d->text, f.begin, f.end), "\n");
    }
    out += d->diff;
  }
  return out;
}

nlohmann::ordered_json DocEvaluationJson(const DocEvaluation& d) {
  nlohmann::ordered_json missed = nlohmann::ordered_json::array();
  for (const GoldArtifact& a : d.missed) {
    missed.push_back({{"type", a.type}, {"start", a.start}, {"end", a.end}});
  }
  nlohmann::ordered_json stray = nlohmann::ordered_json::array();
  for (const StrayFinding& f : d.stray) {
    stray.push_back({{"rule", f.rule_id},
                     {"start", f.begin},
                     {"end", f.end},
                     {"fixed", f.fixed}});
  }
  nlohmann::ordered_json doc;
  doc["id"] = d.id;
  doc["lang"] = d.lang;
  doc["detected_lang"] = d.detected_lang;
  doc["bytes"] = d.bytes;
  doc["artifacts"] = d.artifacts;
  doc["found"] = d.found;
  doc["findings"] = d.findings;
  doc["findings_on_gold"] = d.findings_on_gold;
  doc["damaged_bytes"] = d.damage_bytes;
  doc["missed_bytes"] = d.missed_bytes;
  doc["exact_match"] = d.exact_match;
  doc["distance_before"] = d.distance_before
                               ? nlohmann::ordered_json(*d.distance_before)
                               : nlohmann::ordered_json(nullptr);
  doc["distance_after"] = d.distance_after
                              ? nlohmann::ordered_json(*d.distance_after)
                              : nlohmann::ordered_json(nullptr);
  doc["missed"] = missed;
  doc["stray"] = stray;
  return doc;
}

nlohmann::ordered_json EvalJsonValue(const CorpusEvaluation& e, bool per_document) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["corpus"] = e.dir;
  j["documents"] = e.docs.size();
  j["documents_without_artifacts"] = e.clean_docs;
  j["documents_without_artifacts_unchanged"] = e.clean_docs_unchanged;
  j["bytes"] = e.bytes;
  j["good_bytes"] = e.good_bytes;
  j["damaged_bytes"] = e.damage_bytes;
  j["gold_edit_bytes"] = e.edit_bytes;
  j["missed_bytes"] = e.missed_bytes;
  j["artifacts"] = e.artifacts;
  j["found"] = e.found;
  j["findings"] = e.findings;
  j["findings_on_gold"] = e.findings_on_gold;
  j["recall"] = JsonRatio(e.recall());
  j["catalogue_recall"] = JsonRatio(e.catalogue_recall());
  j["precision"] = JsonRatio(e.precision());
  j["damage_rate"] = JsonRatio(e.damage_rate());
  j["miss_rate"] = JsonRatio(e.miss_rate());
  j["exact_match_rate"] = JsonRatio(e.exact_match_rate());
  j["clean_unchanged_rate"] = JsonRatio(e.clean_unchanged_rate());
  j["edit_distance"] = {{"input_to_gold", e.distance_before},
                        {"output_to_gold", e.distance_after},
                        {"closed", JsonRatio(e.distance_closed())},
                        {"documents_skipped", e.distance_skipped}};
  j["language_agreement"] = e.language_agrees;
  nlohmann::ordered_json types = nlohmann::ordered_json::object();
  for (const auto& [type, t] : e.types) {
    types[type] = {{"artifacts", t.artifacts},
                   {"found", t.found},
                   {"recall", JsonRatio(Ratio(t.found, t.artifacts))},
                   {"edit_bytes", t.edit_bytes},
                   {"missed_bytes", t.missed_bytes}};
  }
  j["types"] = types;
  nlohmann::ordered_json rules = nlohmann::ordered_json::object();
  for (const auto& [rule, r] : e.rules) {
    rules[rule] = {{"findings", r.findings},
                   {"on_gold", r.on_gold},
                   {"precision", JsonRatio(Ratio(r.on_gold, r.findings))},
                   {"damaged_bytes", r.damage_bytes}};
  }
  j["rules"] = rules;
  if (per_document) {
    nlohmann::ordered_json per_doc = nlohmann::ordered_json::array();
    for (const DocEvaluation& d : e.docs) per_doc.push_back(DocEvaluationJson(d));
    j["per_document"] = std::move(per_doc);
  }
  return j;
}

std::string EvalJsonReport(const CorpusEvaluation& e) {
  return EvalJsonValue(e).dump(2) + "\n";
}

}  // namespace mtclean::internal
