"""The hostile-input suite (tests/hostile/, see its generate.py) through the Python binding:
every invalid fixture raises okr.ValidationError whose .errors() name the manifest's path and
line, every valid one loads (and scores, lints and round-trips), and nothing panics (a pyo3
PanicException is a BaseException: it would escape pytest.raises and fail the test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

import okr
from conftest import ROOT

HOSTILE = ROOT / "tests" / "hostile"
MANIFEST: dict[str, Any] = json.loads((HOSTILE / "manifest.json").read_text(encoding="utf-8"))
FIXTURES: list[dict[str, Any]] = MANIFEST["fixtures"]


def _params(entries: list[dict[str, Any]]) -> list[Any]:
    params = []
    for entry in entries:
        marks = []
        if entry.get("known_issue"):
            marks.append(pytest.mark.xfail(reason=f"known issue: {entry['known_issue']}"))
        params.append(pytest.param(entry, id=entry["file"], marks=marks))
    return params


def _matches(entry: dict[str, Any], problem: okr.ErrorDetail) -> bool:
    path = entry["path"]
    if path is not None and problem["path"] != path:
        return False
    prefix = entry.get("path_prefix")
    if prefix is not None and not problem["path"].startswith(prefix):
        return False
    if entry["line"] is not None and problem["line"] != entry["line"]:
        return False
    needles = entry["message_contains"]
    if needles is None:
        return True
    if isinstance(needles, str):
        needles = [needles]
    return all(needle in problem["message"] for needle in needles)


def _expect(entry: dict[str, Any], call: Callable[[], okr.Document]) -> None:
    if entry["valid"]:
        doc = call()
        assert isinstance(doc, okr.Document)
        return
    with pytest.raises(okr.ValidationError) as caught:
        call()
    problems = caught.value.errors()
    assert problems, "a ValidationError lists at least one problem"
    assert any(_matches(entry, p) for p in problems), (
        f"expected path={entry['path']!r} prefix={entry.get('path_prefix')!r} "
        f"line={entry['line']!r} message~{entry['message_contains']!r}; got {problems!r}"
    )


@pytest.mark.parametrize("entry", _params(FIXTURES))
def test_load_answers_as_the_manifest_says(entry: dict[str, Any]) -> None:
    _expect(entry, lambda: okr.load(HOSTILE / entry["file"], format=entry["format"]))


@pytest.mark.parametrize("entry", _params(FIXTURES))
def test_loads_of_the_bytes_answers_the_same(entry: dict[str, Any]) -> None:
    data = (HOSTILE / entry["file"]).read_bytes()
    _expect(entry, lambda: okr.loads(data, format=entry["format"]))


@pytest.mark.parametrize("entry", _params([e for e in FIXTURES if e["valid"]]))
def test_valid_fixtures_score_lint_and_round_trip(entry: dict[str, Any]) -> None:
    doc = okr.load(HOSTILE / entry["file"], format=entry["format"])
    for day in ("0001-01-01", "2026-11-23", "9999-12-31"):
        report = doc.score(as_of=day).to_dict()
        assert report["as_of"] == day
        doc.lint(as_of=day)
    assert okr.loads(doc.to_yaml()) == doc
    assert okr.loads(doc.to_json(), format="json") == doc


@pytest.mark.parametrize("generated", MANIFEST["generated"], ids=lambda g: g["file"])
def test_generated_inputs_over_the_size_limit(generated: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / generated["file"]
    head, unit = generated["head"].encode(), generated["unit"].encode() * 4096
    written = 0
    with open(path, "wb") as out:
        out.write(head)
        written = len(head)
        while written < generated["bytes"]:
            out.write(unit)
            written += len(unit)
    assert path.stat().st_size >= generated["bytes"]
    _expect(generated, lambda: okr.load(path, format=generated["format"]))


def test_the_manifest_is_what_generate_py_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(HOSTILE / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_suite_covers_what_it_promises() -> None:
    files = {e["file"] for e in FIXTURES}
    for required in (
        "billion_laughs.yaml",
        "deep_yaml_flow.yaml",
        "deep_yaml_block_sequence.yaml",
        "deep_json_array.json",
        "latin1.yaml",
        "bom.yaml",
        "crlf.yaml",
        "number_nan.yaml",
        "number_inf.yaml",
        "number_neg_inf.yaml",
        "number_1e999.yaml",
        "number_1e999.json",
        "date_feb_30.yaml",
        "duplicate_key_objective.yaml",
        "cycle_1.yaml",
        "cycle_2.yaml",
        "cycle_3.yaml",
        "cycle_50.yaml",
        "dangling_owner.yaml",
        "dangling_cycle.yaml",
        "dangling_aligns_to.yaml",
        "dangling_team_parent.yaml",
        "dangling_person_team.yaml",
        "dangling_kr_owner.yaml",
    ):
        assert required in files, required
    wrong_types = [f for f in files if f.startswith("types/") and "base" not in f]
    assert len(wrong_types) >= 2 * 70, len(wrong_types)
