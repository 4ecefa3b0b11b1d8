#!/usr/bin/env bash
# Builds mtclean and its tests with AddressSanitizer and
# UndefinedBehaviorSanitizer (clang, in build-asan/; installing what is
# missing first) and runs the whole test suite there with ctest: every test
# also checks for memory errors, leaks and undefined behaviour. This is what
# CI runs. (clang, because it compiles this build in about two thirds of
# g++'s time; the example's build/ uses g++.)
set -euo pipefail
cd "$(dirname "$0")/.."

CC=clang CXX=clang++ ./scripts/build.sh build-asan -DMTCLEAN_SANITIZE=ON
ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
