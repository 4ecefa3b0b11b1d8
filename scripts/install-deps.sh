#!/usr/bin/env bash
# Installs the Debian 12 packages mtclean needs to build and test, only those
# that are missing. Run as root (or with sudo available). Safe to run again.
set -euo pipefail

packages=(
  cmake g++ make pkg-config git patch
  clang libclang-rt-dev
  pre-commit
  python3
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
  zlib1g-dev libzstd-dev zstd
  libjemalloc-dev
  time linux-perf
)

missing=()
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
