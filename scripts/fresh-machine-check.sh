#!/usr/bin/env bash
# Checks that the README's two commands do all the set-up on a bare machine:
# builds a minimal Debian 12 (bookworm) root with debootstrap (`minbase`:
# the required packages and apt, nothing else), clones this repository's
# current commit into it, and runs `./scripts/example.sh` and then
# `./scripts/test.sh` there as root with chroot, with /proc, /sys, /dev and
# /dev/pts (the colour test needs a pseudo-terminal) mounted.
#
#   scripts/fresh-machine-check.sh [--keep] [ROOT]
#
# ROOT: where the Debian root is built (default: a new folder under /tmp; it
# must not exist yet). --keep leaves it there at the end; otherwise it is
# removed once nothing is mounted in it any more. MIRROR sets the Debian
# mirror (default http://deb.debian.org/debian).
#
# For a release, not for CI: it needs root, downloads a distribution and
# every package the build and the tests need (about 1 GB), and takes 20 to
# 60 minutes on two cores. Only committed work is checked: the clone is of
# the commit HEAD names. debootstrap is installed through apt when missing.
# The last lines of the output are the test suite's summary.
set -euo pipefail
self=$(realpath "$0")
if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-machine-check: needs root (debootstrap, mount, chroot)" >&2
  exit 1
fi
# The mounts are made in a mount namespace of this script's own, with
# private propagation: none of them reaches the host's, and all of them go
# when the script ends, however it ends.
if [ -z "${MTCLEAN_FRESH_CHECK_NAMESPACE:-}" ]; then
  MTCLEAN_FRESH_CHECK_NAMESPACE=1 exec unshare --mount --propagation private "$self" "$@"
fi
cd "$(dirname "$self")/.."

keep=0
if [ "${1:-}" = "--keep" ]; then
  keep=1
  shift
fi
mirror=${MIRROR:-http://deb.debian.org/debian}
repo=$(pwd)
commit=$(git rev-parse HEAD)
if [ -n "${1:-}" ]; then
  root=$1
  if [ -e "$root" ]; then
    echo "fresh-machine-check: $root exists; give a new folder" >&2
    exit 1
  fi
  mkdir -p "$root"
else
  root=$(mktemp -d /tmp/mtclean-fresh.XXXXXX)
fi
root=$(cd "$root" && pwd)
if ! git diff --quiet HEAD 2>/dev/null; then
  echo "fresh-machine-check: note: uncommitted changes are not checked, only $commit" >&2
fi

mounted=()
cleanup() {
  local status=$?
  # Unmount in reverse order; a mount that stays keeps the root in place.
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" 2>/dev/null || true
  done
  if [ "$keep" = 1 ]; then
    echo "fresh-machine-check: the root is kept in $root" >&2
  elif awk -v r="$root" '$2 == r || index($2, r "/") == 1 { found = 1 } END { exit !found }' \
      /proc/self/mounts; then
    echo "fresh-machine-check: something is still mounted under $root; not removing it" >&2
  else
    rm -rf --one-file-system "$root"
  fi
  exit "$status"
}
trap cleanup EXIT

# mount_in TARGET MOUNT-ARGUMENTS...: mounts and remembers it for cleanup.
mount_in() {
  local target=$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}

step() { echo "== fresh-machine-check: $* ($(date -u +%H:%M:%S) UTC)"; }

if ! command -v debootstrap >/dev/null 2>&1; then
  step "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

step "debootstrap --variant=minbase bookworm into $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.debootstrap.log" 2>&1 || {
  tail -20 "$root.debootstrap.log" >&2
  exit 1
}
rm -f "$root.debootstrap.log"
cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
EOF
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# A network that inspects TLS has its own certificate authority, which any
# new machine on it needs too (npm's registry is reached over https): the
# root gets the host's local certificates, which Debian's ca-certificates
# adds to the system store (Debian's Node.js uses that store) when
# install-deps.sh installs it. Nothing else of the host goes in.
if [ -d /usr/local/share/ca-certificates ]; then
  mkdir -p "$root/usr/local/share/ca-certificates"
  cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
fi

step "cloning $commit into /src/mtclean"
mkdir -p "$root/src"
git clone -q --no-checkout "$repo" "$root/src/mtclean"
git -C "$root/src/mtclean" checkout -q --detach "$commit"

# Fresh mounts of /proc, /sys and /dev/shm; /dev and /dev/pts bound from
# the host.
mount_in "$root/proc" -t proc proc
mount_in "$root/sys" -t sysfs sysfs
mount_in "$root/dev" --bind /dev
mount_in "$root/dev/pts" --bind /dev/pts
mount_in "$root/dev/shm" -t tmpfs tmpfs

in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "cd /src/mtclean && $*"
}

step "./scripts/example.sh"
in_root ./scripts/example.sh
step "./scripts/test.sh"
in_root ./scripts/test.sh
step "both commands passed on a fresh Debian 12 root (commit $commit)"
