#!/usr/bin/env bash
# The main job on the bundled example: validate it and convert it to JSON.
# Usage: bash scripts/demo.sh [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

file=${1:-examples/acme.yaml}
mkdir -p out
cargo build --quiet --release -p okr-cli
okr=target/release/okr

"$okr" check "$file"
"$okr" convert "$file" --to json -o out/acme.json
echo "wrote $(pwd)/out/acme.json"
