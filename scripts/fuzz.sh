#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and
# UndefinedBehaviorSanitizer on) in build-fuzz/ and runs each for a bounded
# time, seeded from the project's fixtures, rule packs, sample
# configurations and JSON Lines records.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default: 600, all)
#
# Crash inputs land in build-fuzz/artifacts/TARGET/; the last lines of each
# run (executions, coverage) are printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(pipeline_fuzzer rule_loader_fuzzer config_fuzzer json_record_fuzzer)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DMTCLEAN_FUZZ=ON -DMTCLEAN_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"

seed() {  # seed TARGET DIR: fills DIR with the target's seeds
  local target=$1 dir=$2
  mkdir -p "$dir"
  case $target in
    pipeline_fuzzer)  # first byte: 0 plain text, 1 Markdown
      for f in tests/articles/*.txt tests/clean_text/*.txt; do
        { printf '\0'; cat "$f"; } > "$dir/$(basename "$f").plain"
      done
      for f in tests/markdown/*.md; do
        { printf '\1'; cat "$f"; } > "$dir/$(basename "$f").md"
      done ;;
    rule_loader_fuzzer) cp rules/*/*.yaml "$dir/" ;;
    config_fuzzer) cp tests/fuzz/seeds/config/*.yaml "$dir/" ;;
    json_record_fuzzer) cp tests/fuzz/seeds/jsonl/*.jsonl "$dir/" ;;
  esac
}

for target in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$target
  artifacts=build-fuzz/artifacts/$target/
  [ -d "$corpus" ] || seed "$target" "$corpus"
  mkdir -p "$artifacts"
  echo "== $target: ${seconds}s"
  ASAN_OPTIONS=detect_leaks=1 "build-fuzz/tests/fuzz/$target" "$corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts" -print_final_stats=1 > "build-fuzz/$target.log" 2>&1 || {
      echo "$target: FAILED, see build-fuzz/$target.log and $artifacts"; tail -40 "build-fuzz/$target.log"; }
  grep -E "^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb" \
    "build-fuzz/$target.log" | tail -3
done
