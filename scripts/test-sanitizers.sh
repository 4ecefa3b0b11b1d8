#!/usr/bin/env bash
# Builds mtclean with AddressSanitizer and UndefinedBehaviorSanitizer in
# build-asan/ (installing what is missing first) and runs the whole test
# suite there with ctest: every test also checks for memory errors, leaks
# and undefined behaviour. Slower than scripts/test.sh (about three times).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh build-asan -DMTCLEAN_SANITIZE=ON
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
