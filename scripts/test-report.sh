#!/usr/bin/env bash
# Renders the quarterly review of the bundled example and takes a screenshot of it in
# headless Chromium (out/report.png), so a person can look at it. Fails when the page
# does not render.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust
ensure_chromium

cargo build --quiet -p okr-cli
mkdir -p out
target/debug/okr report examples/acme.yaml --as-of 2026-11-23 -o out/report.html
rm -f out/report.png
timeout 120 bash -c "source scripts/lib.sh; chromium_headless --window-size=1200,4000 --screenshot=out/report.png file://$PWD/out/report.html" 2>/dev/null || true
python3 - <<'PY'
import struct, sys
data = open("out/report.png", "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1200, 4000), (width, height)
# A blank page compresses to a few KB; the report with charts does not.
assert len(data) > 50_000, f"screenshot looks empty ({len(data)} bytes)"
print(f"out/report.png: {width}x{height}, {len(data)} bytes")
PY
