#!/usr/bin/env bash
# Builds the JavaScript binding okr-wasm into one npm package, okr-wasm/pkg: the node build
# (pkg/node, CommonJS) and the web build (pkg/web, an ES module) over one module, with the
# entries of okr-wasm/js (an exports map picks the build) and TypeScript declarations.
# Installs what it needs first, and only when missing; safe to run again (cargo rebuilds
# only what changed, and pkg/ is rewritten only when the module changed).
# Usage: bash scripts/build-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

TARGET=wasm32-unknown-unknown
PROFILE=wasm # [profile.wasm] in Cargo.toml: "z" but okr-core at "s", LTO, abort, stripped
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
# Size goals (over them, a warning) and limits (over them, the build fails), raw bytes.
# The goal is issue 24's 800 KiB; okr-wasm/json meets it, the module with YAML does not.
GOAL_BYTES=$((800 * 1024))
MAX_BYTES="${OKR_WASM_MAX_BYTES:-$((1248 * 1024))}"           # the module with YAML
JSON_MAX_BYTES="${OKR_WASM_JSON_MAX_BYTES:-$((800 * 1024))}"  # okr-wasm/json
WASM_FEATURES=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue) # rustc's defaults

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  log "installing $* (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate (pinned with
# `=` in Cargo.toml, so Cargo.lock holds the same).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (once per machine, a few minutes)"
  cargo install --locked wasm-bindgen-cli --version "=$bindgen_version"
fi

# build_module TARGET_DIR [CARGO_FLAGS...]: the module, with rustup's std when it has one.
build_module() {
  local dir=$1
  shift
  if rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    CARGO_TARGET_DIR="$dir" cargo build --locked -p okr-wasm --target "$TARGET" --profile "$PROFILE" "$@"
  else
    # rustup here cannot download the wasm32 standard library: use Debian's Rust with its
    # matching library source and build std from source (shared/notes/wasm-toolchain.md).
    packages=(rustc-web cargo-web rust-web-src lld-22)
    dpkg -s "${packages[@]}" >/dev/null 2>&1 || apt_install "${packages[@]}"
    # Building std ourselves also lets it shed what an aborting module never uses: panic
    # messages and locations, and speed-over-size code paths (about 90 KiB).
    CARGO_TARGET_DIR="$dir" RUSTFLAGS="${RUSTFLAGS:-} -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
      RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --locked -p okr-wasm \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
      --target "$TARGET" --profile "$PROFILE" "$@"
  fi
}

start=$(date +%s)
log "building okr-wasm (the full module, and the JSON-only one without the yaml feature)"
build_module "$TARGET_DIR"
# Its own target directory: the two feature sets would otherwise relink each other's module.
build_module "$TARGET_DIR/wasm-json" --no-default-features
log "cargo build took $(($(date +%s) - start)) s"

wasm="$TARGET_DIR/$TARGET/$PROFILE/okr_wasm.wasm"
json_wasm="$TARGET_DIR/wasm-json/$TARGET/$PROFILE/okr_wasm.wasm"
stamp="$(sha256sum "$wasm" "$json_wasm" scripts/build-wasm.sh okr-wasm/js/* okr-wasm/README.md | sha256sum | cut -c1-64) $bindgen_version"
if [ "$(cat okr-wasm/pkg/.stamp 2>/dev/null)" = "$stamp" ] &&
  [ -f okr-wasm/pkg/okr_wasm_bg.wasm ] && [ -f okr-wasm/pkg/json/okr_wasm_bg.wasm ] && [ -f okr-wasm/pkg/package.json ]; then
  log "okr-wasm/pkg is up to date"
else
  rm -rf okr-wasm/pkg
  wasm-bindgen --target nodejs --out-dir okr-wasm/pkg/node "$wasm"
  wasm-bindgen --target web --out-dir okr-wasm/pkg/web "$wasm"
  # The JSON-only module keeps its own .wasm beside its glue (okr-wasm/json).
  wasm-bindgen --target web --out-dir okr-wasm/pkg/json "$json_wasm"
  # binaryen's optimiser takes off another ~9 %; both targets share one module.
  command -v wasm-opt >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || apt_install binaryen
  if command -v wasm-opt >/dev/null 2>&1; then
    log "wasm-opt -Oz ($(wasm-opt --version))"
    for kind in web json; do
      wasm-opt -Oz "${WASM_FEATURES[@]}" "okr-wasm/pkg/$kind/okr_wasm_bg.wasm" -o "okr-wasm/pkg/$kind/okr_wasm_bg.wasm"
    done
  else
    log "wasm-opt not found: the module is not post-optimised"
  fi
  # One npm package (okr-wasm/pkg) holds both builds and one copy of the module: the
  # glue of each build is pointed at ../okr_wasm_bg.wasm; the entries, the error class and
  # the package.json come from okr-wasm/js. `npm pack okr-wasm/pkg` gives the tarball.
  mv okr-wasm/pkg/web/okr_wasm_bg.wasm okr-wasm/pkg/okr_wasm_bg.wasm
  rm okr-wasm/pkg/node/okr_wasm_bg.wasm
  sed -i "s|new URL('okr_wasm_bg.wasm', import.meta.url)|new URL('../okr_wasm_bg.wasm', import.meta.url)|" okr-wasm/pkg/web/okr_wasm.js
  sed -i 's|`${__dirname}/okr_wasm_bg.wasm`|`${__dirname}/../okr_wasm_bg.wasm`|' okr-wasm/pkg/node/okr_wasm.js
  grep -q "'../okr_wasm_bg.wasm'" okr-wasm/pkg/web/okr_wasm.js &&
    grep -q '/../okr_wasm_bg.wasm`' okr-wasm/pkg/node/okr_wasm.js ||
    { echo "error: wasm-bindgen's glue changed: cannot point it at the shared module" >&2; exit 1; }
  echo '{ "type": "commonjs" }' >okr-wasm/pkg/node/package.json
  echo '{ "type": "module" }' >okr-wasm/pkg/web/package.json
  echo '{ "type": "module" }' >okr-wasm/pkg/json/package.json
  # The JSON-only entry is the browser entry over the other glue.
  sed 's|"./web/okr_wasm.js"|"./json/okr_wasm.js"|' okr-wasm/js/index.js >okr-wasm/pkg/json.js
  grep -q '"./json/okr_wasm.js"' okr-wasm/pkg/json.js ||
    { echo "error: okr-wasm/js/index.js no longer imports ./web/okr_wasm.js" >&2; exit 1; }
  cp okr-wasm/js/index.d.ts okr-wasm/pkg/json.d.ts
  cp okr-wasm/js/index.js okr-wasm/js/index.d.ts okr-wasm/js/node.cjs okr-wasm/js/node.mjs \
    okr-wasm/js/node.d.cts okr-wasm/js/wrap.js okr-wasm/README.md okr-wasm/LICENSE-MIT \
    okr-wasm/LICENSE-APACHE okr-wasm/pkg/
  # wrap.js for require(): the same file without its `export` keywords (it is written for
  # this: no imports, only top-level exports).
  names=$(sed -n 's/^export \(class\|function\) \([A-Za-z]*\).*/\2/p' okr-wasm/js/wrap.js | paste -sd, -)
  { echo '"use strict";'; sed 's/^export //' okr-wasm/js/wrap.js; echo "module.exports = { $names };"; } \
    >okr-wasm/pkg/wrap.cjs
  version=$(awk -F'"' '/^\[workspace.package\]/ { p = 1 } p && /^version = / { print $2; exit }' Cargo.toml)
  sed "s/\"version\": \"0.0.0-set-by-build-wasm\"/\"version\": \"$version\"/" okr-wasm/js/package.json \
    >okr-wasm/pkg/package.json
  echo "$stamp" >okr-wasm/pkg/.stamp
fi

# Fails the build when a module is over its limit, so growth is noticed where it happens.
check_size() { # file what limit
  local size
  size=$(stat -c %s "$1")
  log "$2: $size bytes ($((size / 1024)) KiB; goal $((GOAL_BYTES / 1024)) KiB, limit $(($3 / 1024)) KiB)"
  if [ "$size" -gt "$3" ]; then
    echo "error: $2 is over its size limit ($3 bytes)" >&2
    exit 1
  elif [ "$size" -gt "$GOAL_BYTES" ]; then
    echo "warning: $2 is over the $((GOAL_BYTES / 1024)) KiB goal" >&2
  fi
}
check_size okr-wasm/pkg/json/okr_wasm_bg.wasm "okr-wasm/json's module (no YAML, no text edits)" "$JSON_MAX_BYTES"
check_size okr-wasm/pkg/okr_wasm_bg.wasm "okr_wasm_bg.wasm (with YAML)" "$MAX_BYTES"
