#!/usr/bin/env bash
# Installs the tools the test suite runs against mtclean's output, only when
# they are missing:
#   - Microsoft's SARIF validator (npm package @microsoft/sarif-multitool)
#     and playwright-core (the npm package that drives Debian's chromium in
#     the HTML review's browser tests; it never downloads a browser), into
#     the folder given as $1 (default: build/test-tools);
#   - pre-commit, npm and chromium (Debian packages), through install-deps.sh.
# ctest runs this as the set-up fixture of the tests that need the tools.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly SARIF_MULTITOOL_VERSION=5.7.0
# The last release that runs on Debian 12's Node.js 18.
readonly PLAYWRIGHT_CORE_VERSION=1.61.1
tools_dir="${1:-build/test-tools}"
validator="$tools_dir/node_modules/.bin/sarif-multitool"
binary="$tools_dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

if ! command -v pre-commit >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 ||
   ! command -v chromium >/dev/null 2>&1; then
  ./scripts/install-deps.sh
fi

if [ ! -x "$validator" ] || [ ! -f "$binary" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-test-tools: npm is needed to install @microsoft/sarif-multitool" >&2
    exit 1
  fi
  mkdir -p "$tools_dir"
  echo "install-test-tools: installing @microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION into $tools_dir" >&2
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" >&2
fi
# npm 11 does not run the package's own postinstall step (chmod), so the
# self-contained validator binary may not be executable yet.
chmod u+x "$binary"

playwright="$tools_dir/node_modules/playwright-core/package.json"
if [ ! -f "$playwright" ] ||
   ! grep -q "\"version\": \"$PLAYWRIGHT_CORE_VERSION\"" "$playwright"; then
  echo "install-test-tools: installing playwright-core@$PLAYWRIGHT_CORE_VERSION into $tools_dir" >&2
  # playwright-core has no install step: it downloads no browser.
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION" >&2
fi
