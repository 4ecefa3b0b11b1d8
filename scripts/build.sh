#!/usr/bin/env bash
# Installs the missing Debian packages, then configures and builds mtclean
# (with its tests) in build/, or in DIR with extra CMake options:
#
#   scripts/build.sh [DIR [CMAKE_OPTION...]]
#
# Safe to run again: only what changed is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true

./scripts/install-deps.sh
if [ ! -f "$dir/CMakeCache.txt" ]; then
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTCLEAN_BUILD_TESTS=ON "$@" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)" >/dev/null
