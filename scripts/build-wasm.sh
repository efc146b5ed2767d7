#!/usr/bin/env bash
# Builds the JavaScript binding okr-wasm into okr-wasm/pkg/node (CommonJS, for node) and
# okr-wasm/pkg/web (an ES module for browsers), each with its TypeScript declarations.
# Installs what it needs first, and only when missing; safe to run again (cargo rebuilds
# only what changed). Usage: bash scripts/build-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

TARGET=wasm32-unknown-unknown
PROFILE=wasm # [profile.wasm] in Cargo.toml: size-optimised, panic = abort
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
MAX_BYTES=$((1024 * 1024)) # the size budget of the .wasm module

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate (pinned with
# `=` in Cargo.toml, so Cargo.lock holds the same).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (once per machine, a few minutes)"
  cargo install --locked wasm-bindgen-cli --version "=$bindgen_version"
fi

start=$(date +%s)
if rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  log "building okr-wasm with rustup's $TARGET standard library"
  cargo build --locked -p okr-wasm --target "$TARGET" --profile "$PROFILE"
else
  # rustup here cannot download the wasm32 standard library: use Debian's Rust with its
  # matching library source and build std from source (shared/notes/wasm-toolchain.md).
  packages=(rustc-web cargo-web rust-web-src lld-22)
  if ! dpkg -s "${packages[@]}" >/dev/null 2>&1; then
    log "installing Debian's Rust for wasm: ${packages[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
  fi
  log "building okr-wasm with Debian's Rust (std for $TARGET built from source)"
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 /usr/bin/cargo build --locked -p okr-wasm \
    -Zbuild-std=std,panic_abort --target "$TARGET" --profile "$PROFILE"
fi
log "cargo build took $(($(date +%s) - start)) s"

wasm="$TARGET_DIR/$TARGET/$PROFILE/okr_wasm.wasm"
for js_target in node web; do
  out="okr-wasm/pkg/$js_target"
  rm -rf "$out"
  wasm-bindgen --target "$([ "$js_target" = node ] && echo nodejs || echo web)" \
    --out-dir "$out" "$wasm"
  module="$out/okr_wasm_bg.wasm"
  # Optional: binaryen's optimiser, when this machine has it.
  if command -v wasm-opt >/dev/null 2>&1; then
    wasm-opt -Oz --all-features "$module" -o "$module.opt" && mv "$module.opt" "$module"
  fi
done

size=$(stat -c %s "okr-wasm/pkg/web/okr_wasm_bg.wasm")
log "okr_wasm_bg.wasm: $size bytes ($((size / 1024)) KiB, budget $((MAX_BYTES / 1024)) KiB)"
if [ "$size" -gt "$MAX_BYTES" ]; then
  echo "error: the wasm module is over its size budget" >&2
  exit 1
fi
