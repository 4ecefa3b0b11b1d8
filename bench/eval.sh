#!/usr/bin/env bash
# Runs `mtclean eval` over the test half of the evaluation corpus (or the
# corpus folders given) and prints the figures: recall per gold type,
# precision per rule, damage and miss rates, exact-match rate.
#
#   bench/eval.sh                       # tests/eval/test, text report
#   bench/eval.sh tests/eval/dev        # the half rules are tuned on
#   MTCLEAN=path/to/mtclean bench/eval.sh --format json tests/eval/test
#
# The binary is $MTCLEAN, else build/mtclean of this tree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mtclean="${MTCLEAN:-$root/build/mtclean}"
if [[ ! -x "$mtclean" ]]; then
  echo "eval.sh: no mtclean binary at $mtclean (build first, or set MTCLEAN)" >&2
  exit 2
fi
args=()
dirs=()
while (($#)); do
  case "$1" in
    --format|--worst) args+=("$1" "$2"); shift 2 ;;
    --*) args+=("$1"); shift ;;
    *) dirs+=("$1"); shift ;;
  esac
done
((${#dirs[@]})) || dirs=("$root/tests/eval/test")
status=0
for dir in "${dirs[@]}"; do
  "$mtclean" --data-dir "$root" eval "$dir" "${args[@]}" || status=$?
done
exit "$status"
