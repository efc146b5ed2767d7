#!/usr/bin/env bash
# Every test of the project, installing what it needs first. Exits non-zero on any failure.
# Usage: bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

log "hostile-input fixtures match their generator (tests/hostile)"
python3 tests/hostile/generate.py --check

log "cargo test (unit, integration, doc tests, hostile suite, fuzz regressions, mutations)"
cargo test --workspace --locked

log "okr-core without default features: JSON and scoring only (no serde-saphyr, schemars, report)"
heavy=$(cargo tree --locked -p okr-core --no-default-features -e normal --prefix none |
  grep -E '^(serde-saphyr|schemars|csv|calamine) ' || true)
[ -z "$heavy" ] || { echo "error: okr-core without features still depends on: $heavy" >&2; exit 1; }
cargo run --locked -q -p okr-core --no-default-features --example json_only >/dev/null
cargo clippy --locked -q -p okr-core --no-default-features --lib -- -D warnings

log "okr-core with YAML but not fast-yaml (as in the wasm module): every YAML file read generically"
cargo test --locked -q -p okr-core --no-default-features --features yaml,csv,schema,report \
  --test formats_agree --test input --test all_problems --test roundtrip --test regressions

log "Python binding (okr-py): wheel, pytest, mypy --strict, stubtest"
bash scripts/test-python.sh

log "JavaScript binding (okr-wasm): build, node tests, demo in headless Chromium"
bash scripts/test-wasm.sh

log "release dry runs: cargo publish, maturin + twine, pip install okr-py/, npm pack + publint + attw"
bash scripts/release-check.sh

log "report screenshot in headless Chromium (out/report.png)"
bash scripts/test-report.sh

# Fuzzing needs a nightly toolchain and minutes per target: opt in with FUZZ_SECONDS=60.
if [ -n "${FUZZ_SECONDS:-}" ]; then
    log "cargo fuzz, ${FUZZ_SECONDS}s per target"
    bash scripts/fuzz.sh "$FUZZ_SECONDS"
fi

log "all tests passed"
