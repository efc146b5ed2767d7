#!/usr/bin/env bash
# The main job on the bundled example: the quarterly review as one HTML page.
# Usage: bash scripts/demo.sh [FILE] [AS-OF]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

file=${1:-examples/acme.yaml}
# The example's cycle is Q4 2026; review it mid-cycle so the page shows pace and forecasts.
as_of=${2:-2026-11-23}
cargo build --quiet --release -p okr-cli
target/release/okr check "$file"
target/release/okr report "$file" --as-of "$as_of" -o out/report.html
