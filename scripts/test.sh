#!/usr/bin/env bash
# The test command: installs what is needed, builds, runs every test (unit,
# end-to-end on the seed corpus, exporters, the real Neo4j server, the browser),
# then builds again with ASan+UBSan and runs the unit tests under them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The Node.js that setup fetched, if the machine's was too old for the tests.
if [ -x .tools/bin/node ]; then export PATH="$PWD/.tools/bin:$PATH"; fi

echo "== build"
scripts/build.sh
echo "== tests"
(cd build && ctest --output-on-failure -j "$(nproc)" --timeout 600)

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
# Only the unit-test binaries: the integration tests drive servers and browsers
# and run once above.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DPOLICYKG_SANITIZE=ON -DPOLICYKG_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j "$(nproc)" --target base_tests extract_tests graph_tests queries_tests exporters_tests
# Each binary runs all its tests in one process: the embedded gazetteer and the
# fold table are built once per binary instead of once per test.
for suite in base extract graph queries exporters; do
  POLICYKG_SOURCE_DIR="$PWD" ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build-asan/tests/$suite/${suite}_tests" --gtest_brief=1
done
echo "== all tests passed"
