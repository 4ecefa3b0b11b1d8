#!/usr/bin/env bash
# Checks that two mtclean binaries give byte-identical output: a speed-up
# must change nothing a user sees. Runs both, with the rules and
# dictionaries of this checkout, over
#
#   - each JSON Lines corpus given (check --jsonl; fix --jsonl --annotate,
#     which prints every record with its findings and edits),
#   - the evaluation corpora (tests/eval/*/docs, bench/eval_hand and, when
#     restored, bench/wild/restored/*/docs) and the test texts
#     (tests/articles, tests/clean_text): check --format json, fix (the
#     diff), and the same again with --lang de (a text's language forced),
#
# and compares each pair of outputs and exit codes.
#
#   bench/same_output.sh OLD_BINARY NEW_BINARY [CORPUS.jsonl ...]
#
# Prints one line per comparison and exits 1 when any differs.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 2 ]; then
  echo "usage: $0 OLD_BINARY NEW_BINARY [CORPUS.jsonl ...]" >&2
  exit 2
fi
old="$(realpath "$1")"
new="$(realpath "$2")"
shift 2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MTCLEAN_DATA_DIR="$PWD"
export MTCLEAN_CACHE_DIR="$work/cache"

differ=0
# compare NAME ARGS...: runs both binaries with ARGS, compares stdout and
# the exit code.
compare() {
  local name="$1"
  shift
  local a=0 b=0
  "$old" "$@" >"$work/old.out" 2>"$work/old.err" || a=$?
  "$new" "$@" >"$work/new.out" 2>"$work/new.err" || b=$?
  if [ "$a" -ne "$b" ] || ! cmp -s "$work/old.out" "$work/new.out"; then
    echo "DIFFERS  $name (exit $a and $b)"
    diff "$work/old.out" "$work/new.out" | head -n 10 || true
    differ=1
  else
    echo "same     $name ($(wc -c <"$work/new.out") bytes)"
  fi
}

for corpus in "$@"; do
  compare "check --jsonl $(basename "$corpus")" check --jsonl --jobs 2 "$corpus"
  compare "fix --jsonl --annotate $(basename "$corpus")" fix --jsonl --annotate --jobs 2 "$corpus"
done

folders=(tests/articles tests/clean_text)
for d in tests/eval/*/docs bench/eval_hand bench/wild/restored/*/docs; do
  [ -d "$d" ] && folders+=("$d")
done
for d in "${folders[@]}"; do
  compare "check --format json $d" check --format json --jobs 2 "$d"
  compare "fix $d" fix --jobs 2 "$d"
  compare "check --lang de --format json $d" check --lang de --format json --jobs 2 "$d"
done

exit "$differ"
