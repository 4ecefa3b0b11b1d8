#!/usr/bin/env bash
# Throughput of the Dask pipeline (examples/dask_clean.py on a LocalCluster
# of 1 and 2 worker processes) beside `mtclean fix --jsonl --jobs 1` and
# `--jobs 2` on the same generated corpus, in the same run. Prints, for
# each, the best of --runs rounds (each round runs every command once, in
# turn): seconds, records/s, MB/s and the ratio to `fix --jsonl --jobs 2`.
# For Dask, "clean" is the example's own timing (cluster started, Cleaners
# built; reading, cleaning and writing the partitions), "wall" the whole
# process with the cluster's start. Outputs are checked against the CLI's.
# The example runs its cluster with mtclean.dask.batch_config() (see its
# docstring); one more row runs 2 workers with Dask's own configuration.
#
#   bench/dask_throughput.sh [--build DIR] [--mb N] [--runs N] [--partition-mb N]
#
# DIR must be built with -DMTCLEAN_BUILD_BENCH=ON (the corpus generator)
# and the Python package (on by default with python3-dev and pybind11-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
mb=200
runs=3
partition_mb=
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --mb) mb="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --partition-mb) partition_mb="$2"; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--mb N] [--runs N] [--partition-mb N]" >&2; exit 2 ;;
  esac
done

mtclean="$build/mtclean"
generator="$build/bench/generate_corpus"
for f in "$mtclean" "$generator"; do
  if [ ! -x "$f" ]; then
    echo "dask_throughput: $f missing (build with -DMTCLEAN_BUILD_BENCH=ON)" >&2
    exit 2
  fi
done
if ! ls "$build"/python/mtclean/_mtclean*.so >/dev/null 2>&1; then
  echo "dask_throughput: the Python package is not built in $build/python" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MTCLEAN_DATA_DIR="$PWD"
export MTCLEAN_CACHE_DIR="$work/cache"
export PYTHONPATH="$PWD/$build/python"

corpus="$work/corpus.jsonl"
"$generator" --bytes "$((mb * 1000000))" >"$corpus" 2>/dev/null
bytes=$(stat -c %s "$corpus")
records=$(wc -l <"$corpus")
# Warm the pattern cache, so that no run pays for compiling.
"$mtclean" check --jsonl "$corpus" --jobs 1 >/dev/null || true

now() { date +%s.%N; }
declare -A best
keep_best() {  # NAME SECONDS
  if [ -z "${best[$1]:-}" ] || awk -v a="$2" -v b="${best[$1]}" 'BEGIN { exit !(a < b) }'; then
    best[$1]=$2
  fi
}

for round in $(seq "$runs"); do
  for jobs in 1 2; do
    start=$(now)
    "$mtclean" fix --jsonl --jobs "$jobs" "$corpus" >"$work/cli-$jobs.jsonl"
    keep_best "cli-$jobs" "$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')"
  done
  for run in 1 2 2-defaults; do
    workers=${run%-defaults}
    defaults=
    [ "$run" = "$workers" ] || defaults=--dask-defaults
    rm -rf "$work/out-$run"
    start=$(now)
    /usr/bin/python3 examples/dask_clean.py "$corpus" "$work/out-$run" --workers "$workers" \
      $defaults ${partition_mb:+--partition-mb "$partition_mb"} >"$work/dask-$run.log" 2>&1
    keep_best "wall-$run" "$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')"
    # "N records, M MB in S s (cluster start ...": the example's timing.
    clean=$(sed -n 's/.* MB in \([0-9.]*\) s (cluster.*/\1/p' "$work/dask-$run.log")
    keep_best "dask-$run" "$clean"
    cat "$work/out-$run"/part-*.jsonl | cmp -s - "$work/cli-1.jsonl" ||
      { echo "dask_throughput: Dask output ($run workers) differs from the CLI's" >&2; exit 1; }
  done
done

awk -v r="$records" -v b="$bytes" -v n="$runs" -v c="$(nproc)" -v p="$partition_mb" \
  'BEGIN { printf "%d records, %.1f MB, partitions of %s MB, best of %d rounds, %d cores\n", r, b / 1e6, p == "" ? "(the example'"'"'s default)" : p, n, c }'
printf '%-44s %8s %10s %8s %9s\n' "" seconds records/s MB/s "vs cli-2"
row() {  # LABEL KEY
  awk -v label="$1" -v s="${best[$2]}" -v r="$records" -v b="$bytes" -v ref="${best[cli-2]}" \
    'BEGIN { printf "%-44s %8.2f %10.0f %8.2f %8.0f%%\n", label, s, r / s, b / 1e6 / s, 100 * ref / s }'
}
row "mtclean fix --jsonl --jobs 1" cli-1
row "mtclean fix --jsonl --jobs 2" cli-2
row "Dask, 1 worker process (clean)" dask-1
row "Dask, 2 worker processes (clean)" dask-2
row "Dask, 2 workers, Dask's defaults (clean)" dask-2-defaults
row "Dask, 1 worker process (wall, with start)" wall-1
row "Dask, 2 worker processes (wall, with start)" wall-2
