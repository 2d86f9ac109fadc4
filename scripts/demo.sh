#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then turn the bundled sample
# corpus (data/sample) into a graph, an SVG picture and an HTML network view.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec scripts/sample_job.sh build/apps/policykg
