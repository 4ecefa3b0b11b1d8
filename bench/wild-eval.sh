#!/usr/bin/env bash
# Runs `mtclean eval` on a half of the real-page corpus (bench/wild), then
# scores mtclean beside the C4 and jusText peers on it (bench/peers/score.sh):
#
#   bench/wild-eval.sh dev              # the half rules are tuned on
#   bench/wild-eval.sh test --worst 20  # options go to bench/eval.sh
#
# The half is read from bench/wild/restored/HALF (make it with
# `python3 bench/wild/wild.py build`), or from $WILD_RESTORED/HALF. The
# binary is $MTCLEAN, else build/mtclean of this tree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if (($# == 0)) || [[ "$1" != dev && "$1" != test ]]; then
  echo "usage: bench/wild-eval.sh dev|test [eval.sh option...]" >&2
  exit 2
fi
half="$1"
shift
dir="${WILD_RESTORED:-$root/bench/wild/restored}/$half"
if [[ ! -d "$dir/docs" ]]; then
  echo "wild-eval.sh: $dir/docs: no such folder (python3 bench/wild/wild.py build)" >&2
  exit 3
fi
"$root/bench/eval.sh" "$@" "$dir"
echo
"$root/bench/peers/score.sh" "$dir"
