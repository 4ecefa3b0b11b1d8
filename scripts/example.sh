#!/usr/bin/env bash
# Builds mtclean if needed and prints the diff of the fixes it makes to a
# bundled example article (a translated agency story scraped from a
# WordPress site, written for the project). Any extra arguments go to `fix`.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/build.sh --target mtclean
./build/mtclean fix "$@" tests/articles/europa-press-all-four-artifacts.txt
