#!/usr/bin/env bash
# Fuzzes okr-core with cargo-fuzz (libFuzzer) for a bounded time per target.
#
#   bash scripts/fuzz.sh              # every target, 60 s each
#   bash scripts/fuzz.sh 300          # every target, 300 s each
#   bash scripts/fuzz.sh 120 pipeline # one target (or several, space-separated)
#
# Needs a nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz when
# missing. Seeds: examples/*.yaml, tests/hostile/** and fuzz/seeds/<target>/; the corpus
# libFuzzer grows is kept in fuzz/corpus/<target>/ (gitignored) between runs.
# Exits non-zero when a target crashes, hangs (-timeout) or runs out of memory
# (-rss_limit_mb); the input is then in fuzz/artifacts/<target>/. Keep it as a regression:
#   cp fuzz/artifacts/<target>/crash-… okr-core/tests/fuzz-regressions/<name>.yaml
#
# Environment: FUZZ_SANITIZER (default `none`: okr-core forbids unsafe code, and under
# AddressSanitizer the alias-bomb inputs run ~20x slower and trip -timeout without being
# hangs; `address` for a memory-safety pass), FUZZ_JOBS (libFuzzer workers per target, 1).
set -euo pipefail

seconds="${1:-60}"
shift || true
all_targets=(load_yaml load_json pipeline parse_key_result roundtrip)
if [ "$#" -gt 0 ]; then targets=("$@"); else targets=("${all_targets[@]}"); fi
case "$seconds" in '' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fuzz="$root/fuzz"
sanitizer="${FUZZ_SANITIZER:-none}"
jobs="${FUZZ_JOBS:-1}"

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz.sh: needs a nightly toolchain: rustup toolchain install nightly" >&2
    exit 2
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

cd "$fuzz"
echo "== building fuzz targets (sanitizer: $sanitizer)"
cargo +nightly fuzz build -a -s "$sanitizer"

# Seed corpora, rebuilt on each run (fuzz/target is gitignored). Left out: files over 64 KiB
# (libFuzzer would only truncate them, and big seeds slow every mutation) and the alias
# bombs (each costs ~0.5 s before the budget refuses it; mutating them would stall the run;
# tests/hostile checks them).
seeds="$fuzz/target/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{yaml,json,all,sentences}
add_seed() { # file, dir
    local size
    size=$(wc -c <"$1")
    case "$1" in *alias_* | *billion* | *laughs* | *bomb*) return ;; esac
    if [ "$size" -le 65536 ]; then
        cp "$1" "$2/$(echo "${1#"$root"/}" | tr '/' '_')"
    fi
}
while IFS= read -r -d '' file; do
    case "$file" in
    *.json) add_seed "$file" "$seeds/json" ;;
    *) add_seed "$file" "$seeds/yaml" ;;
    esac
    add_seed "$file" "$seeds/all"
done < <(find "$root/examples" "$root/tests/hostile" "$root/okr-core/tests/fuzz-regressions" \
    -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) ! -name manifest.json -print0 2>/dev/null)
# Sentences: every title in the examples and the lint corpus, one seed each.
n=0
while IFS= read -r title; do
    n=$((n + 1))
    printf '%s' "$title" >"$seeds/sentences/title-$n.txt"
done < <(grep -h -E '^\s*(- )?title:|^\s*- "' "$root"/examples/*.yaml "$root"/okr-core/tests/corpus/*.yaml 2>/dev/null |
    sed -E 's/^\s*(- )?(title: )?//; s/^"//; s/"\s*(#.*)?$//' | sort -u | head -400)
cp "$fuzz"/seeds/parse_key_result/* "$seeds/sentences/"

seed_dir() {
    case "$1" in
    load_yaml) echo "$seeds/yaml" ;;
    load_json) echo "$seeds/json" ;;
    parse_key_result) echo "$seeds/sentences" ;;
    *) echo "$seeds/all" ;;
    esac
}
dict_of() {
    case "$1" in
    parse_key_result) echo "$fuzz/dict/sentence.dict" ;;
    *) echo "$fuzz/dict/okr.dict" ;;
    esac
}

mkdir -p "$fuzz/target/logs"
failed=()
summary=()
for target in "${targets[@]}"; do
    corpus="$fuzz/corpus/$target"
    mkdir -p "$corpus" "$fuzz/artifacts/$target"
    log="$fuzz/target/logs/$target.log"
    echo "== $target: ${seconds}s (log: ${log#"$root"/})"
    status=0
    parallel=()
    if [ "$jobs" -gt 1 ]; then parallel=(-jobs="$jobs" -workers="$jobs"); fi
    cargo +nightly fuzz run -a -s "$sanitizer" "$target" "$corpus" "$(seed_dir "$target")" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -dict="$(dict_of "$target")" -print_final_stats=1 "${parallel[@]}" \
        >"$log" 2>&1 || status=$?
    if [ "$jobs" -gt 1 ]; then cat "$fuzz"/fuzz-*.log >>"$log" 2>/dev/null && rm -f "$fuzz"/fuzz-*.log; fi
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{ s += $NF } END { print s + 0 }')
    rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{ s += $NF } END { print s + 0 }')
    line="$target: exit $status, $runs runs in ${seconds}s (~$rate/s), corpus $(find "$corpus" -type f | wc -l) inputs"
    summary+=("$line")
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "!! $target failed (exit $status); last lines of the log:" >&2
        tail -n 40 "$log" >&2
        ls -1 "$fuzz/artifacts/$target" >&2 || true
    fi
done

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
if [ "${#failed[@]}" -gt 0 ]; then
    echo "crashed: ${failed[*]} (inputs in fuzz/artifacts/<target>/)" >&2
    exit 1
fi
