"""The package is typed: py.typed and stubs ship, mypy --strict accepts typed use and
rejects misuse, and stubtest finds the stubs true to the compiled module."""

from __future__ import annotations

import datetime
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import okr
from conftest import ACME, SMALL

HERE = Path(__file__).resolve().parent
USAGE_OK = HERE / "typing" / "usage_ok.py"
USAGE_BAD = HERE / "typing" / "usage_bad.py"


def run_mypy(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    config = tmp_path / "mypy.ini"
    # pandas ships no stubs of its own: `to_pandas()` is Any unless pandas-stubs is installed.
    config.write_text("[mypy]\n[mypy-pandas.*]\nignore_missing_imports = True\n")
    return subprocess.run(
        [sys.executable, "-m", *args, "--config-file", str(config)]
        if args[0] == "mypy"
        else [sys.executable, "-m", *args, "--mypy-config-file", str(config)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPY_CACHE_DIR": str(tmp_path / ".mypy_cache")},
        check=False,
    )


def test_package_ships_py_typed_and_stubs() -> None:
    spec = importlib.util.find_spec("okr")
    assert spec is not None and spec.origin is not None
    package = Path(spec.origin).parent
    assert (package / "py.typed").is_file()
    assert (package / "_okr.pyi").is_file()


def test_mypy_strict_accepts_typed_usage(tmp_path: Path) -> None:
    result = run_mypy(tmp_path, "mypy", "--strict", str(USAGE_OK))
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_rejects_misuse(tmp_path: Path) -> None:
    result = run_mypy(tmp_path, "mypy", "--strict", str(USAGE_BAD))
    expected = [
        n for n, line in enumerate(USAGE_BAD.read_text().splitlines(), 1) if "  # E:" in line
    ]
    flagged = sorted(
        {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}
    )
    assert flagged == expected, result.stdout


def test_stubtest_finds_the_stubs_true_to_the_extension(tmp_path: Path) -> None:
    result = run_mypy(tmp_path, "mypy.stubtest", "okr._okr")
    assert result.returncode == 0, result.stdout + result.stderr


def test_runtime_values_have_the_stubbed_types() -> None:
    report = okr.loads(SMALL).score("2026-08-15")
    assert isinstance(report.as_of, datetime.date)
    objective = report.objectives[0]
    assert isinstance(objective, okr.ObjectiveScore)
    assert isinstance(objective.key_results[0], okr.KeyResultScore)
    assert isinstance(objective.score, float)
    assert objective.color in ("red", "yellow", "green")
    assert objective.pace in ("not_started", "on_track", "at_risk", "off_track")
    assert objective.outcome in ("missed", "met", "exceeded")
    assert objective.kind in ("aspirational", "committed")
    assert isinstance(okr.load(ACME).to_dict(), dict)
    assert set(okr.__all__) <= set(dir(okr))
    assert okr.__version__.count(".") == 2
