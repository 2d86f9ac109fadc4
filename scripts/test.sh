#!/usr/bin/env bash
# The test command: installs what is needed, builds, runs every test (unit,
# end-to-end on the seed corpus, exporters, the real Neo4j server, the browser),
# then builds again with ASan+UBSan and runs the unit tests under them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

echo "== build"
scripts/build.sh
echo "== tests"
(cd build && ctest --output-on-failure -j "$(nproc)" --timeout 600)

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
BUILD_DIR=build-asan BUILD_TYPE=Debug scripts/build.sh -DPOLICYKG_SANITIZE=ON -DPOLICYKG_BUILD_BENCH=OFF
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$(nproc)" -L unit --timeout 600)
