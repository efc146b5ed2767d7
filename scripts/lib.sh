# Shared helpers for the scripts: install what is missing, and nothing else.

log() { printf '\n==> %s\n' "$*" >&2; }

# Rust with rustfmt and clippy (the machine's rustup toolchain).
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    log "installing Rust (rustup)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    log "adding rustfmt and clippy"
    rustup component add rustfmt clippy
  fi
}

# Debian's Chromium, for headless screenshots and browser tests.
ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing chromium (apt)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  fi
}

# Headless Chromium with the flags this machine needs (no background network, fresh profile).
chromium_headless() {
  local profile
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars "$@"
  local status=$?
  rm -rf "$profile"
  return $status
}
