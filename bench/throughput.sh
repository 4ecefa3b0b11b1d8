#!/usr/bin/env bash
# Whole-process throughput on one generated corpus, all measured in the same
# run: `cat`, `LC_ALL=C grep -c -F -i -f` over the rule packs' own phrase
# list, `mtclean check --jsonl`, and `mtclean fix --jsonl` with --jobs 1 and
# --jobs 2, and two `check --jsonl --jobs 1` processes at once on the two
# halves of the corpus (what two cores of the machine give two independent
# runs: the ceiling for --jobs 2). Prints seconds (best of --runs rounds,
# each round running every command once), MB/s, the ratio of each to
# grep -F, the ratios to --jobs 1, and peak memory (GNU time's maximum
# resident set size).
#
#   bench/throughput.sh [--build DIR] [--mb N] [--runs N] [--big MB]
#
# --mb: size of the corpus in MB (default 100). --big MB: also run
# `fix --jsonl --jobs 2` on a corpus of that size and compare its peak
# memory with the first one's. Needs /usr/bin/time (Debian's `time`).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
mb=100
runs=3
big=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --big) big="$2"; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--mb N] [--runs N] [--big MB]" >&2; exit 2 ;;
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

corpus="$work/corpus.jsonl"
"$generator" --bytes "$((mb * 1000000))" >"$corpus" 2>"$work/injected.json"
bytes=$(stat -c %s "$corpus")
# The corpus in two halves (at a record boundary), for two single-job
# processes at once: how much faster two cores of this machine make two
# independent runs is the ceiling for --jobs 2.
lines=$(wc -l <"$corpus")
head -n "$((lines / 2))" "$corpus" >"$work/half1.jsonl"
tail -n "+$((lines / 2 + 1))" "$corpus" >"$work/half2.jsonl"
cat >"$work/halves.sh" <<EOF
"$(realpath "$mtclean")" check --jsonl --jobs 1 "$work/half1.jsonl" >/dev/null &
"$(realpath "$mtclean")" check --jsonl --jobs 1 "$work/half2.jsonl" >/dev/null
wait
EOF

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
head -c 1000000 "$corpus" | "$mtclean" check --jsonl --jobs 1 - >/dev/null 2>&1 || true
cat "$corpus" >/dev/null

# The commands timed, by name. The rounds go through all of them in turn
# ($runs rounds, best time of each kept), so that a burst of load on this
# shared machine slows one run of several commands rather than every run
# of one.
names=("grep -F" "cat" "mtclean check --jobs 1" "mtclean check --jobs 2"
       "2 x check --jobs 1, halves" "mtclean fix --jobs 1" "mtclean fix --jobs 2")
command_of() {
  case "$1" in
    "grep -F") echo env LC_ALL=C grep -c -F -i -f "$phrases" "$corpus" ;;
    "cat") echo cat "$corpus" ;;
    "2 x check --jobs 1, halves") echo sh "$work/halves.sh" ;;
    "mtclean check --jobs "*) echo "$mtclean" check --jsonl --jobs "${1##* }" "$corpus" ;;
    "mtclean fix --jobs "*) echo "$mtclean" fix --jsonl --jobs "${1##* }" "$corpus" ;;
  esac
}

declare -A best rss
# time_once NAME: one run; keeps the best wall time and the peak RSS.
time_once() {
  local name="$1"
  local -a command
  read -r -a command <<<"$(command_of "$name")"
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
  if [ -z "${best[$name]:-}" ] || awk -v a="$wall" -v b="${best[$name]}" 'BEGIN { exit !(a < b) }'; then
    best[$name]="$wall"
  fi
  if [ -z "${rss[$name]:-}" ] || [ "$r" -gt "${rss[$name]}" ]; then rss[$name]="$r"; fi
}

# report NAME: seconds, MB/s, ratio to grep -F and peak memory.
report() {
  awk -v n="$1" -v s="${best[$1]}" -v b="$bytes" -v g="${best[grep -F]:-0}" -v r="${rss[$1]}" 'BEGIN {
    mbs = s > 0 ? b / 1e6 / s : 0
    ratio = (g > 0 && s > 0) ? sprintf("%9.2f", g / s) : sprintf("%9s", "-")
    printf "%-28s %9.2f %9.1f %s %10.1f\n", n, s, mbs, ratio, r / 1024 }'
}

echo "corpus: $((bytes / 1000000)) MB, $(wc -l <"$corpus") records; phrases: $(wc -l <"$phrases"); $(nproc) cores; best of $runs rounds"
for _ in $(seq "$runs"); do
  for name in "${names[@]}"; do time_once "$name"; done
done
printf '%-28s %9s %9s %9s %10s\n' "command" "seconds" "MB/s" "x grep" "peak MB"
for name in "${names[@]}"; do report "$name"; done
for mode in check fix; do
  awk -v m="$mode" -v a="${best[mtclean $mode --jobs 1]}" -v b="${best[mtclean $mode --jobs 2]}" \
    'BEGIN { printf "%s: --jobs 2 is %.2fx --jobs 1\n", m, a / b }'
done
awk -v a="${best[mtclean check --jobs 1]}" -v b="${best[2 x check --jobs 1, halves]}" \
  'BEGIN { printf "check: two processes on the halves at once are %.2fx one on the whole\n", a / b }'


if [ "$big" -gt 0 ]; then
  rm -f "$corpus"
  "$generator" --bytes "$((big * 1000000))" >"$corpus" 2>/dev/null
  bytes=$(stat -c %s "$corpus")
  echo "corpus: $((bytes / 1000000)) MB, one run"
  best=()
  rss=()
  time_once "mtclean fix --jobs 2"
  report "mtclean fix --jobs 2"
fi
echo "injected artifacts: $(cat "$work/injected.json")"
