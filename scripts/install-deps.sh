#!/usr/bin/env bash
# Installs the Debian 12 packages mtclean needs to build and test, only those
# that are missing: on a fresh Debian 12 with nothing else installed, this is
# all the set-up the README's two commands need (scripts/fresh-machine-check.sh
# checks that). Run as root (or with sudo available). Safe to run again.
#
#   scripts/install-deps.sh [--bench]
#
# --bench: also what the benchmarks read and run that the tests do not: the
# manual pages in five more languages and groff (bench/real_corpus.py's
# mixes) and valgrind (bench/profile.py).
set -euo pipefail
bench=0
case "${1:-}" in
  --bench) bench=1 ;;
  "") ;;
  *) echo "usage: $0 [--bench]" >&2; exit 2 ;;
esac

# Tools the tests run, as COMMAND:PACKAGE: the package is installed only when
# the command is missing, so a machine that has the tool another way (Node.js
# from its own packages, say) keeps it.
tools=(
  git:git patch:patch cmp:diffutils gzip:gzip zstd:zstd
  pre-commit:pre-commit            # the pre-commit hooks' test
  npm:npm node:nodejs              # the SARIF validator, playwright-core (npm packages)
  chromium:chromium chromedriver:chromium-driver  # the HTML review's browser tests
  script:bsdutils unshare:util-linux truncate:coreutils
  /usr/bin/time:time
  python3:python3
  parallel:parallel                # the README's GNU parallel command (tests/python)
)

packages=(
  cmake g++ make pkg-config
  clang libclang-rt-dev
  ca-certificates                  # npm's registry and git over https
  libicu-dev
  libhunspell-dev hunspell-en-us hunspell-es hunspell-fr hunspell-de-de
  hunspell-it hunspell-pt-pt
  libabsl-dev
  libhyperscan-dev
  libre2-dev
  libyaml-cpp-dev
  libcli11-dev
  nlohmann-json3-dev
  libgtest-dev libgmock-dev
  libbenchmark-dev
  zlib1g-dev libzstd-dev
  libjemalloc-dev
  libcpp-httplib-dev               # mtclean serve
  python3-dev pybind11-dev         # the Python package (python/)
  python3-pytest                   # its tests
  python3-dask python3-distributed python3-pandas  # mtclean.dask and its tests
  linux-perf
)
if [ "$bench" -eq 1 ]; then
  packages+=(groff-base man-db manpages manpages-de manpages-fr manpages-es manpages-it
             manpages-pt-br valgrind)
fi

missing=()
for t in "${tools[@]}"; do
  if ! command -v "${t%%:*}" >/dev/null 2>&1; then
    missing+=("${t#*:}")
  fi
done
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "install-deps: missing packages (${missing[*]}) and not root; install them or re-run as root" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
