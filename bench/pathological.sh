#!/usr/bin/env bash
# Times `mtclean fix` on pathological inputs at 1x, 4x and 16x their base
# size and prints seconds per MB for each, beside `grep -c -F` over the same
# file in the same run (the machines are shared: compare ratios, not
# seconds). Linear rules keep the time per MB flat as the size grows.
#
#   bench/pathological.sh [path/to/mtclean]      (default: build/mtclean)
#
# Cases (base size as in issue 8): a line of 1,000,000 quotation marks,
# 100,000 repeated words, 50,000 blank lines, one 10 MB paragraph.
set -euo pipefail
cd "$(dirname "$0")/.."
MTCLEAN=${1:-build/mtclean}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Warm the pattern cache so that no run pays for compiling the rules.
echo "Warm-up." | "$MTCLEAN" fix - > /dev/null

now() { date +%s.%N; }

# make_case NAME SCALE FILE: writes the case at SCALE times its base size.
make_case() {
  local name=$1 scale=$2 file=$3
  set +o pipefail  # `yes` ends on SIGPIPE when `head` has enough
  case $name in
    quotes)     # one line of 1,000,000 straight double quotes
      head -c $((1000000 * scale)) /dev/zero | tr '\0' '"' > "$file"; echo >> "$file" ;;
    words)      # 100,000 times the same word, one paragraph
      yes "the" | head -n $((100000 * scale)) | tr '\n' ' ' > "$file"; echo >> "$file" ;;
    blanks)     # a headline, 50,000 blank lines, a sentence
      { echo "Port reopens"; yes "" | head -n $((50000 * scale)); echo "Ships sailed again."; } > "$file" ;;
    paragraph)  # one paragraph of 10 MB of varied sentences, no line break
      awk -v size=$((10000000 * scale)) 'BEGIN {
        split("The council|Port workers|The minister|Farmers|The court|Residents", subj, "|")
        split("said on Monday that|warned that|agreed that|denied that|expected that", verb, "|")
        split("the talks would resume.|prices had risen again.|the bridge was safe.|" \
              "\"nothing had been decided,\" an aide said.|the vote was postponed (again).", rest, "|")
        n = 0; i = 0
        while (n < size) {
          s = subj[i % 6 + 1] " " verb[int(i / 6) % 5 + 1] " " rest[int(i / 30) % 5 + 1] " "
          printf "%s", s; n += length(s); i++
        }
        printf "\n"
      }' > "$file" ;;
  esac
  set -o pipefail
}

printf '%-10s %5s %9s %12s %12s %10s\n' case scale MB "mtclean s/MB" "grep s/MB" ratio
for name in quotes words blanks paragraph; do
  for scale in 1 4 16; do
    file="$WORK/$name-$scale.txt"
    make_case "$name" "$scale" "$file"
    bytes=$(stat -c %s "$file")
    mb=$(awk -v b="$bytes" 'BEGIN { print b / 1000000 }')
    t0=$(now); LC_ALL=C grep -c -F "Leave a Reply" "$file" > /dev/null || true; t1=$(now)
    "$MTCLEAN" --max-bytes 1000000000 fix - < "$file" > /dev/null; t2=$(now)
    awk -v n="$name" -v x="${scale}x" -v mb="$mb" -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {
      g = (b - a) / mb; m = (c - b) / mb
      printf "%-10s %5s %9.2f %12.4f %12.5f %10.1f\n", n, x, mb, m, g, m / g }'
    rm -f "$file"
  done
done
