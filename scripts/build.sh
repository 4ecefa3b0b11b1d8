#!/usr/bin/env bash
# Installs the missing Debian packages, then configures and builds mtclean
# (with its tests) in build/, or in DIR with extra CMake options:
#
#   scripts/build.sh [--target NAME] [DIR [CMAKE_OPTION...]]
#
# --target builds that target only (the example needs the binary alone).
# Safe to run again: only what changed is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
target=()
if [ "${1:-}" = "--target" ]; then
  target=(--target "$2")
  shift 2
fi
dir=${1:-build}
shift || true

./scripts/install-deps.sh
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTCLEAN_BUILD_TESTS=ON "$@" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" "${target[@]}" >/dev/null
