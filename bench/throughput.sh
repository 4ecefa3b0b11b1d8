#!/usr/bin/env bash
# Whole-process throughput on several corpora, all measured in the same run.
# Each mix is timed with `LC_ALL=C grep -c -F -i -f` over the rule packs'
# own phrase list (the baseline; its output goes to a file, since GNU grep
# stops at its first match when writing to /dev/null), `mtclean check
# --jsonl --jobs 1` and `mtclean fix --jsonl --jobs 1`; the generated mix
# also with `cat`, --jobs 2, and two `check --jobs 1` processes at once on
# its two halves (what two cores give two independent runs: the ceiling
# for --jobs 2).
#
# The mixes:
#   generated  bench/corpus_generator.cc's seeded corpus (the project's own)
#   prose-en   English prose from the machine's manual pages, licences and
#              READMEs, typographic punctuation in half the documents
#   languages  manual pages in six languages
#   scraped    the restored real pages of bench/wild, repeated (skipped,
#              with a message, when they are not restored)
# (the last three by bench/real_corpus.py: text the project did not write).
#
# Prints per mix: seconds (best of --runs rounds, each round running every
# command of every mix once, so a burst of load on a shared machine slows
# one run rather than every run of one command), MB/s, the ratio to
# grep -F and peak memory (GNU time's maximum resident set size); then the
# ratios the performance targets are stated in: check over grep -F, check's
# rate over its rate on the generated mix, fix over check.
#
#   bench/throughput.sh [--build DIR] [--mb N] [--runs N] [--big MB]
#                       [--mix generated,prose-en,languages,scraped]
#
# --mb: size of each corpus in MB (default 100; GNU time counts hundredths
# of a second, so grep's time on a small corpus is coarse). --big MB: also make a
# corpus of that size of each mix and compare the peak memory of
# `check --jobs 1` and `fix --jobs 2` on it with the same commands on the
# --mb corpus (one run each). Needs /usr/bin/time (Debian's `time`).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
mb=100
runs=3
big=0
mixes=generated,prose-en,languages,scraped
usage="usage: $0 [--build DIR] [--mb N] [--runs N] [--big MB] [--mix LIST]"
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --big) big="$2"; shift 2 ;;
    --mix) mixes="$2"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done

mtclean="$build/mtclean"
generator="$build/bench/generate_corpus"
for f in "$mtclean" "$generator" /usr/bin/time; do
  if [ ! -x "$f" ]; then
    echo "throughput: $f missing (build with -DMTCLEAN_BUILD_BENCH=ON; install Debian's time)" >&2
    exit 2
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MTCLEAN_DATA_DIR="$PWD"
export MTCLEAN_CACHE_DIR="$work/cache"

# make_corpus MIX MB FILE: writes a corpus of MIX of about MB megabytes.
make_corpus() {
  case "$1" in
    generated) "$generator" --bytes "$(($2 * 1000000))" >"$3" 2>"$work/injected-$2.json" ;;
    *) python3 bench/real_corpus.py "$1" --mb "$2" --out "$3" ;;
  esac
}

selected=()
IFS=, read -r -a requested <<<"$mixes"
for mix in "${requested[@]}"; do
  case "$mix" in
    generated | prose-en | languages) ;;
    scraped)
      if ! ls bench/wild/pages/*.txt >/dev/null 2>&1; then
        echo "scraped: skipped, no restored pages in bench/wild/pages (bench/wild/README.md says how to restore them)"
        continue
      fi ;;
    *) echo "throughput: unknown mix '$mix'" >&2; echo "$usage" >&2; exit 2 ;;
  esac
  make_corpus "$mix" "$mb" "$work/$mix.jsonl"
  selected+=("$mix")
done
if [ "${#selected[@]}" -eq 0 ]; then echo "throughput: no mix to run" >&2; exit 2; fi

# The generated corpus in two halves (at a record boundary), for two
# single-job processes at once.
if [ -f "$work/generated.jsonl" ]; then
  lines=$(wc -l <"$work/generated.jsonl")
  head -n "$((lines / 2))" "$work/generated.jsonl" >"$work/half1.jsonl"
  tail -n "+$((lines / 2 + 1))" "$work/generated.jsonl" >"$work/half2.jsonl"
  cat >"$work/halves.sh" <<HALVES
"$(realpath "$mtclean")" check --jsonl --jobs 1 "$work/half1.jsonl" >/dev/null &
"$(realpath "$mtclean")" check --jsonl --jobs 1 "$work/half2.jsonl" >/dev/null
wait
HALVES
fi

# The rule packs' literal phrases, one a line (the `phrases:` lists of
# rules/**/*.yaml, without comments and quotes).
phrases="$work/phrases.txt"
find rules -name '*.yaml' -print0 | sort -z | xargs -0 awk '
  /^[A-Za-z_]+:/ { inlist = ($1 == "phrases:") ; next }
  inlist && /^[[:space:]]*-[[:space:]]/ {
    line = $0
    sub(/^[[:space:]]*-[[:space:]]+/, "", line)
    sub(/[[:space:]]+#.*$/, "", line)
    if (line ~ /^".*"$/ || line ~ /^\x27.*\x27$/) line = substr(line, 2, length(line) - 2)
    if (line != "") print line
  }' | sort -u >"$phrases"

# Warm the compiled-pattern cache and the page cache.
for mix in "${selected[@]}"; do
  head -c 1000000 "$work/$mix.jsonl" | "$mtclean" check --jsonl --jobs 1 - >/dev/null 2>&1 || true
  cat "$work/$mix.jsonl" >/dev/null
done

# The commands timed on each mix, by name.
names_of() {
  if [ "$1" = generated ]; then
    names=("grep -F" "cat" "mtclean check --jobs 1" "mtclean check --jobs 2"
           "2 x check --jobs 1, halves" "mtclean fix --jobs 1" "mtclean fix --jobs 2")
  else
    names=("grep -F" "mtclean check --jobs 1" "mtclean fix --jobs 1")
  fi
}
# command_of NAME CORPUS
command_of() {
  case "$1" in
    "grep -F") echo env LC_ALL=C grep -c -F -i -f "$phrases" "$2" ;;
    "cat") echo cat "$2" ;;
    "2 x check --jobs 1, halves") echo sh "$work/halves.sh" ;;
    "mtclean check --jobs "*) echo "$mtclean" check --jsonl --jobs "${1##* }" "$2" ;;
    "mtclean fix --jobs "*) echo "$mtclean" fix --jsonl --jobs "${1##* }" "$2" ;;
  esac
}

declare -A best rss
# time_once KEY NAME CORPUS: one run; keeps the best wall time and the peak
# RSS under KEY.
time_once() {
  local key="$1" name="$2" corpus="$3"
  local -a command
  read -r -a command <<<"$(command_of "$name" "$corpus")"
  # Output goes to a file: GNU grep stops at its first match when its
  # output is /dev/null.
  /usr/bin/time -v -o "$work/time.txt" "${command[@]}" >"$work/out.txt" 2>"$work/err.txt" || {
    code=$?
    # grep -c exits 1 when nothing matches; mtclean check 1 on findings.
    if [ "$code" -gt 1 ]; then cat "$work/err.txt" >&2; exit 1; fi
  }
  local wall r
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' \
    "$work/time.txt")
  r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
  if [ -z "${best[$key]:-}" ] || awk -v a="$wall" -v b="${best[$key]}" 'BEGIN { exit !(a < b) }'; then
    best[$key]="$wall"
  fi
  if [ -z "${rss[$key]:-}" ] || [ "$r" -gt "${rss[$key]}" ]; then rss[$key]="$r"; fi
}

# report MIX NAME: seconds, MB/s, ratio to grep -F and peak memory.
report() {
  local bytes
  bytes=$(stat -c %s "$work/$1.jsonl")
  awk -v n="$2" -v s="${best[$1/$2]}" -v b="$bytes" -v g="${best[$1/grep -F]:-0}" -v r="${rss[$1/$2]}" 'BEGIN {
    # GNU time gives hundredths of a second: a run shorter than that has no rate.
    mbs = s > 0 ? sprintf("%9.1f", b / 1e6 / s) : sprintf("%9s", "-")
    ratio = (g > 0 && s > 0) ? sprintf("%9.2f", g / s) : sprintf("%9s", "-")
    printf "  %-28s %9.2f %s %s %10.1f\n", n, s, mbs, ratio, r / 1024 }'
}
rate() { awk -v b="$(stat -c %s "$work/$1.jsonl")" -v s="${best[$1/$2]}" 'BEGIN { print b / 1e6 / s }'; }

echo "phrases: $(wc -l <"$phrases"); $(nproc) cores; best of $runs rounds"
for _ in $(seq "$runs"); do
  for mix in "${selected[@]}"; do
    names_of "$mix"
    for name in "${names[@]}"; do time_once "$mix/$name" "$name" "$work/$mix.jsonl"; done
  done
done
for mix in "${selected[@]}"; do
  names_of "$mix"
  echo "$mix: $(($(stat -c %s "$work/$mix.jsonl") / 1000000)) MB, $(wc -l <"$work/$mix.jsonl") records"
  printf '  %-28s %9s %9s %9s %10s\n' "command" "seconds" "MB/s" "x grep" "peak MB"
  for name in "${names[@]}"; do report "$mix" "$name"; done
done
if [ -f "$work/generated.jsonl" ]; then
  for mode in check fix; do
    awk -v m="$mode" -v a="${best[generated/mtclean $mode --jobs 1]}" -v b="${best[generated/mtclean $mode --jobs 2]}" \
      'BEGIN { printf "generated, %s: --jobs 2 is %.2fx --jobs 1\n", m, a / b }'
  done
  awk -v a="${best[generated/mtclean check --jobs 1]}" -v b="${best[generated/2 x check --jobs 1, halves]}" \
    'BEGIN { printf "generated, check: two processes on the halves at once are %.2fx one on the whole\n", a / b }'
fi

echo "targets (check --jobs 1): >= 1.00x grep -F, >= 0.60 of the generated rate; fix >= 0.90x check"
printf '  %-10s %12s %16s %12s\n' "mix" "check/grep" "check/generated" "fix/check"
for mix in "${selected[@]}"; do
  generated_rate="-"
  if [ -f "$work/generated.jsonl" ]; then generated_rate=$(rate generated "mtclean check --jobs 1"); fi
  awk -v m="$mix" -v c="${best[$mix/mtclean check --jobs 1]}" -v g="${best[$mix/grep -F]}" \
    -v f="${best[$mix/mtclean fix --jobs 1]}" -v r="$(rate "$mix" "mtclean check --jobs 1")" \
    -v gr="$generated_rate" 'BEGIN {
      vs = (gr == "-") ? "-" : sprintf("%.2f", r / gr)
      printf "  %-10s %12.2f %16s %12.2f\n", m, g / c, vs, c / f }'
done

if [ "$big" -gt 0 ]; then
  echo "peak memory (MB), one run each: the --mb corpus beside a corpus of $big MB"
  printf '  %-10s %-24s %10s %10s\n' "mix" "command" "$mb MB" "$big MB"
  for mix in "${selected[@]}"; do
    make_corpus "$mix" "$big" "$work/big.jsonl"
    for name in "mtclean check --jobs 1" "mtclean fix --jobs 2"; do
      time_once "$mix/small $name" "$name" "$work/$mix.jsonl"
      time_once "$mix/big $name" "$name" "$work/big.jsonl"
      awk -v m="$mix" -v n="${name#mtclean }" -v a="${rss[$mix/small $name]}" -v b="${rss[$mix/big $name]}" \
        'BEGIN { printf "  %-10s %-24s %10.1f %10.1f\n", m, n, a / 1024, b / 1024 }'
    done
    rm -f "$work/big.jsonl"
  done
fi
if [ -f "$work/injected-$mb.json" ]; then echo "generated, injected artifacts: $(cat "$work/injected-$mb.json")"; fi
