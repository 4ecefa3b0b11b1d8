#!/usr/bin/env bash
# Scores mtclean and two peers on labelled corpus folders, with the same
# figures (`mtclean eval`), and prints them side by side:
#
#   bench/peers/score.sh tests/eval/dev [DIR...]
#
# The peers are C4's line filter (c4_filter.py) and jusText's paragraph
# classifier (justext_filter.py, each document with the language of its
# gold label); their outputs go to a temporary folder and are scored with
# `mtclean eval DIR --outputs`. The figures: recall over the catalogue's
# types (all but `other`) and over all, the damage rate, the share of
# documents without artifacts left byte for byte, the exact-match rate and
# the share of the edit distance to gold closed.
#
# The binary is $MTCLEAN, else build/mtclean of this tree. C4_MIN_WORDS
# changes the C4 filter's fewest words a line (default: the filter's, 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
peers="$root/bench/peers"
mtclean="${MTCLEAN:-$root/build/mtclean}"
python=/usr/bin/python3
if [[ ! -x "$mtclean" ]]; then
  echo "score.sh: no mtclean binary at $mtclean (build first, or set MTCLEAN)" >&2
  exit 2
fi
if (($# == 0)); then
  echo "usage: bench/peers/score.sh CORPUS_DIR..." >&2
  exit 2
fi
c4_args=()
[[ -n "${C4_MIN_WORDS:-}" ]] && c4_args=(--min-words "$C4_MIN_WORDS")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for dir in "$@"; do
  if [[ ! -d "$dir/docs" ]]; then
    echo "score.sh: $dir/docs: no such folder" >&2
    exit 3
  fi
  rm -rf "${work:?}"/*
  mkdir -p "$work/c4" "$work/justext"
  # "ID LANG" for every document, the language from its gold label.
  "$python" - "$dir" > "$work/langs" <<'PY'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(os.path.join(d, "docs"))):
    if not name.endswith(".txt"):
        continue
    doc_id = name[:-4]
    with open(os.path.join(d, "gold", doc_id + ".json"), encoding="utf-8") as f:
        print(doc_id, json.load(f).get("lang") or "en")
PY
  while read -r id lang; do
    "$python" "$peers/c4_filter.py" "${c4_args[@]}" \
      < "$dir/docs/$id.txt" > "$work/c4/$id.txt"
    "$python" "$peers/justext_filter.py" --lang "$lang" \
      < "$dir/docs/$id.txt" > "$work/justext/$id.txt"
  done < "$work/langs"

  "$mtclean" --data-dir "$root" eval "$dir" --format json > "$work/mtclean.json"
  for peer in c4 justext; do
    "$mtclean" --data-dir "$root" eval "$dir" --outputs "$work/$peer" \
      --format json > "$work/$peer.json"
  done

  "$python" - "$dir" "$work/mtclean.json" "$work/c4.json" "$work/justext.json" <<'PY'
import json, sys
dir_, *paths = sys.argv[1:]
names = ["mtclean", "C4 lines", "jusText"]
reports = [json.load(open(p, encoding="utf-8")) for p in paths]
first = reports[0]
print(f"{dir_}: {first['documents']} documents "
      f"({first['documents_without_artifacts']} without artifacts), "
      f"{first['artifacts']} gold artifacts")

def share(value):
    return "-" if value is None else f"{100 * value:.1f} %"

def ratio(value):
    return "-" if value is None else f"{value:.3f}"

rows = [
    ("recall, catalogue types", lambda r: ratio(r["catalogue_recall"])),
    ("recall, all types", lambda r: ratio(r["recall"])),
    ("damage", lambda r: f"{100 * r['damage_rate']:.2f} %"
        if r["damage_rate"] is not None else "-"),
    ("clean pages untouched", lambda r: share(r["clean_unchanged_rate"])),
    ("exact match", lambda r: share(r["exact_match_rate"])),
    ("edit distance closed", lambda r: share(r["edit_distance"]["closed"])),
]
width = max(len(label) for label, _ in rows)
print(f"  {'':{width}}" + "".join(f" {n:>10}" for n in names))
for label, cell in rows:
    print(f"  {label:{width}}" + "".join(f" {cell(r):>10}" for r in reports))
PY
done
