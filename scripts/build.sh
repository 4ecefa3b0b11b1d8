#!/usr/bin/env bash
# Installs the missing Debian packages, then configures and builds mtclean
# (with its tests) in build/. Safe to run again: only what changed is rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/install-deps.sh
if [ ! -f build/CMakeCache.txt ]; then
  cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTCLEAN_BUILD_TESTS=ON >/dev/null
fi
cmake --build build -j "$(nproc)" >/dev/null
