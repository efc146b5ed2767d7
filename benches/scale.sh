#!/usr/bin/env bash
# The scale table of benches/README.md: `okr score` and `okr lint` on generated
# organisations of 1k, 10k, 100k and 1M key results (4 per objective), as JSON and as
# YAML: wall time and peak memory of the whole process (GNU time), one run each (`okr
# lint` exits 1 when it finds something: that is not a failure here).
# Usage: bash benches/scale.sh   (after `cargo build --release -p okr-cli -p okr-benches`)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${OKR_BENCH_DIR:-/tmp/okr-bench}/scale
mkdir -p "$dir"
okr=target/release/okr
printf '| key results | format | file | okr score | peak | okr lint | peak |\n|---|---|---|---|---|---|---|\n'
for objectives in 250 2500 25000 250000; do
  for format in json yaml; do
    file="$dir/org-$objectives.$format"
    [ -s "$file" ] || target/release/okr-gen "$objectives" "$format" >"$file"
    size=$(stat -c %s "$file")
    row="| $((objectives * 4)) | $format | $((size / 1048576)) MiB"
    for job in score lint; do
      out=$( { /usr/bin/time -f '%e %M' "$okr" "$job" --as-of 2026-08-20 --format json \
        --max-bytes 8000000000 "$file" >/dev/null || true; } 2>&1 | tail -1)
      read -r seconds kib <<<"$out"
      row="$row | ${seconds} s | $((kib / 1024)) MiB"
    done
    echo "$row |"
  done
done
