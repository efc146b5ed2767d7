#!/usr/bin/env bash
# Compares what two `okr` binaries print on the examples, the hostile files and a generated
# 2 000-objective organisation: check, lint, score, report and tree, in every format.
# For refactors that must not change output:
#
#   git stash && cargo build --release -p okr-cli && cp target/release/okr /tmp/okr-old
#   git stash pop && cargo build --release -p okr-cli -p okr-benches
#   bash scripts/compare-outputs.sh /tmp/okr-old target/release/okr
#
# Exits 1 and names the differing outputs when they differ.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
old="$1" new="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/target/release/okr-gen" 2000 yaml > "$work/org2000.yaml"
"$root/target/release/okr-gen" 2000 json > "$work/org2000.json"

run_all() { # binary outdir
  local okr="$1" out="$2" f name fmt
  mkdir -p "$out"
  for f in "$root/examples/"*.yaml "$work/org2000.yaml" "$work/org2000.json"; do
    name="$(basename "$f")"
    for fmt in text json; do
      "$okr" check --format "$fmt" "$f" > "$out/$name.check.$fmt" 2>&1 || echo "rc=$?" >> "$out/$name.check.$fmt"
      "$okr" score --as-of 2026-08-20 --format "$fmt" "$f" > "$out/$name.score.$fmt" 2>&1 || echo "rc=$?" >> "$out/$name.score.$fmt"
    done
    for fmt in text json github sarif; do
      "$okr" lint --as-of 2026-08-20 --format "$fmt" "$f" > "$out/$name.lint.$fmt" 2>&1 || echo "rc=$?" >> "$out/$name.lint.$fmt"
    done
    "$okr" report --as-of 2026-08-20 "$f" > "$out/$name.report.md" 2>&1 || true
    "$okr" tree --as-of 2026-08-20 "$f" > "$out/$name.tree" 2>&1 || true
  done
  for f in "$root/tests/hostile/"*; do
    name="$(basename "$f")"
    "$okr" check --format json "$f" > "$out/hostile.$name.json" 2>&1 || echo "rc=$?" >> "$out/hostile.$name.json"
    "$okr" check "$f" > "$out/hostile.$name.txt" 2>&1 || true
  done
}

run_all "$old" "$work/old"
run_all "$new" "$work/new"
if diff -rq "$work/old" "$work/new"; then
  echo "identical: $(ls "$work/new" | wc -l) outputs"
else
  exit 1
fi
