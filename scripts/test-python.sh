#!/usr/bin/env bash
# Tests of the Python binding `okr` (okr-py): a fresh virtual environment, the abi3 wheel built
# from this checkout (release, workspace target dir) and installed into it, then pytest over
# okr-py/tests: loading, scoring, errors, pandas, sentences, typing (mypy --strict on typed and
# misused code, stubtest against the compiled module) and the README example; then the example
# notebook examples/analysis.ipynb, executed by nbconvert.
# Exits non-zero on any failure.
# Usage: bash scripts/test-python.sh            (PYTHON=python3.12 to use another interpreter)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_rust

python=${PYTHON:-python3}
venv=.venv-test
log "fresh virtual environment in $venv ($("$python" --version 2>&1))"
rm -rf "$venv"
"$python" -m venv "$venv"
py=$venv/bin/python
"$py" -m pip install --quiet --disable-pip-version-check "maturin>=1.9.4,<2" pytest mypy pandas pyarrow \
  matplotlib nbconvert ipykernel

log "maturin build --release (okr-py, abi3 wheel)"
wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
"$venv/bin/maturin" build --release --locked --manifest-path okr-py/Cargo.toml \
  --interpreter "$py" --out "$wheels"
"$py" -m pip install --quiet --disable-pip-version-check "$wheels"/okr-*.whl

log "pytest okr-py/tests"
"$py" -m pytest okr-py/tests

# The example notebook runs as an analyst would run it (its own directory as the working
# directory); the executed copy goes to a scratch directory, never over the notebook.
log "examples/analysis.ipynb under jupyter nbconvert --execute"
"$venv/bin/jupyter" nbconvert --to notebook --execute examples/analysis.ipynb \
  --output-dir "$wheels" --ExecutePreprocessor.timeout=300
