#!/usr/bin/env bash
# Builds the release binaries and runs the cross-language comparisons of benches/compare.py.
# Usage: bash benches/compare.sh [--objectives 20000] [--runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust
command -v /usr/bin/time >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get install -y -qq time; }
cargo build --quiet --release -p okr-cli -p okr-benches
python3 benches/compare.py "$@"
