#!/usr/bin/env bash
# Builds okr-wasm (scripts/build-wasm.sh), then runs its node tests (every export, the
# package's layer, the TypeScript declarations) and, in headless Chromium, the demo widget
# and widgets built by Vite and esbuild. Installs what it
# needs first (node packages with `npm ci`, Debian's chromium with apt). Exits non-zero on
# any failure. Usage: bash scripts/test-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  log "installing $* (apt)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

bash scripts/build-wasm.sh

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm
# npm ci only when the installed packages are not those of the lock file.
if ! cmp -s okr-wasm/package-lock.json okr-wasm/node_modules/.okr-lock 2>/dev/null; then
  log "npm ci (okr-wasm)"
  (cd okr-wasm && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.okr-lock)
fi
# playwright-core drives Debian's Chromium (it cannot download a browser here).
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || apt_install chromium

cd okr-wasm
log "okr-wasm: node tests (API, the package's layer, TypeScript declarations)"
node --test tests/api.test.mjs tests/package.test.mjs tests/types.test.mjs tests/hostile.test.mjs
# publint and are-the-types-wrong on the packed tarball: scripts/release-check.sh (test.sh
# runs it after this script).
log "okr-wasm: demo widget, and widgets built by Vite and esbuild, in headless Chromium (screenshots in out/)"
node --test tests/browser.test.mjs tests/bundlers.test.mjs
log "okr-wasm: all tests passed"
