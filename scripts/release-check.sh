#!/usr/bin/env bash
# Every publish check of the three ecosystems, as a dry run: one version everywhere;
# `cargo publish --dry-run` for okr-core and okr-cli; the wheel and sdist built by maturin
# and checked by twine, the wheel's abi3 tag against requires-python, `pip install okr-py/`
# into a clean virtual environment; `npm pack` of okr-wasm with publint and
# are-the-types-wrong. Installs what it needs first. CI runs it (scripts/test.sh).
# Usage: bash scripts/release-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

version=$(awk -F'"' '/^\[workspace.package\]/ { p = 1 } p && /^version = / { print $2; exit }' Cargo.toml)
log "one version: $version"
grep -q "^## \[Unreleased\]\|^## \[$version\]" CHANGELOG.md ||
  { echo "error: CHANGELOG.md has neither an Unreleased nor a $version section" >&2; exit 1; }
for manifest in okr-core okr-cli okr-py okr-wasm; do
  grep -q '^version.workspace = true' "$manifest/Cargo.toml" ||
    { echo "error: $manifest/Cargo.toml does not take the workspace version" >&2; exit 1; }
done
grep -q '^dynamic = \["version"\]' okr-py/pyproject.toml ||
  { echo "error: okr-py/pyproject.toml must take its version from Cargo (dynamic)" >&2; exit 1; }

log "cargo publish --dry-run (okr-core, okr-cli)"
# A clean tree in CI; ALLOW_DIRTY=1 tries uncommitted changes locally.
cargo publish --dry-run --locked -p okr-core -p okr-cli ${ALLOW_DIRTY:+--allow-dirty}

log "Python: maturin wheel and sdist, twine check"
python3 -m venv "$scratch/tools"
"$scratch/tools/bin/pip" install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" twine
"$scratch/tools/bin/maturin" build --release --locked --manifest-path okr-py/Cargo.toml \
  --interpreter python3 --out "$scratch/dist"
"$scratch/tools/bin/maturin" sdist --manifest-path okr-py/Cargo.toml --out "$scratch/dist"
"$scratch/tools/bin/twine" check --strict "$scratch"/dist/*
wheel=$(ls "$scratch"/dist/okr-"$version"-*.whl)
sdist=$(ls "$scratch"/dist/okr-"$version".tar.gz)
floor=$(sed -n 's/^requires-python = ">=3\.\([0-9]*\)"$/\1/p' okr-py/pyproject.toml)
case "$(basename "$wheel")" in
  okr-"$version"-cp3"$floor"-abi3-*) log "$(basename "$wheel"): abi3 from CPython 3.$floor, as requires-python says" ;;
  *) echo "error: $(basename "$wheel") is not an abi3 wheel for CPython 3.$floor and later" >&2; exit 1 ;;
esac
tar -tzf "$sdist" >"$scratch/sdist.txt" # (grep -q on a pipe would end tar early under pipefail)
grep -q '^okr-[^/]*/LICENSE-MIT$' "$scratch/sdist.txt" || { echo "error: the sdist has no licence" >&2; exit 1; }

log "pip install okr-py/ into a clean virtual environment"
python3 -m venv "$scratch/clean"
# The workspace's target directory: the build reuses what maturin just compiled.
CARGO_TARGET_DIR="$PWD/target" "$scratch/clean/bin/pip" install --quiet --disable-pip-version-check ./okr-py
"$scratch/clean/bin/python" - "$version" <<'EOF'
import sys

import okr

assert okr.__version__ == sys.argv[1], (okr.__version__, sys.argv[1])
report = okr.load("examples/acme.yaml").score("2026-08-15")
assert report.objectives and 0.0 <= report.objectives[0].score <= 1.0
print(f"okr {okr.__version__} imports and scores with nothing else installed")
EOF

log "npm: pack okr-wasm, publint, are-the-types-wrong"
bash scripts/build-wasm.sh
if ! cmp -s okr-wasm/package-lock.json okr-wasm/node_modules/.okr-lock 2>/dev/null; then
  (cd okr-wasm && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.okr-lock)
fi
packed=$(cd okr-wasm && npm pack ./pkg --json --pack-destination "$scratch")
node -e '
  const [p] = JSON.parse(process.argv[1]);
  if (p.version !== process.argv[2]) throw new Error(`npm package ${p.version} != ${process.argv[2]}`);
  for (const f of ["README.md", "LICENSE-MIT", "LICENSE-APACHE", "okr_wasm_bg.wasm", "index.d.ts"])
    if (!p.files.some((x) => x.path === f)) throw new Error(`the tarball has no ${f}`);
  console.log(`${p.filename}: ${p.files.length} files, ${p.size} bytes`);
' "$packed" "$version"
(cd okr-wasm && npx --no-install publint run pkg --strict &&
  npx --no-install attw --pack pkg --exclude-entrypoints okr_wasm_bg.wasm json/okr_wasm_bg.wasm --format ascii)

log "release checks passed for $version"
