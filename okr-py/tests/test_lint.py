"""Document.lint, Diagnostic, okr.rules and okr.explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import okr

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "examples" / "acme.yaml"
WELL_WRITTEN = ROOT / "examples" / "well-written.yaml"

WEAK = """cycles: [{ id: Q3, start: 2026-07-01, end: 2026-09-30 }]
objectives:
  - id: O1
    title: Improve processes
    key_results:
      - { id: K1, title: Improve deployment process }
      - { id: K2, title: Launch the new website }
"""


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing needle, computed from the file itself."""
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_findings_have_code_severity_path_id_and_line() -> None:
    findings = okr.load(ACME).lint(as_of="2026-11-23")
    vague = [d for d in findings if d.code == "OKR101"]
    assert len(vague) == 1
    d = vague[0]
    assert (d.rule, d.severity, d.id) == ("vague-key-result", "error", "P2-KR1")
    assert d.path == "objectives[5].key_results[0]"
    assert d.line == line_of(ACME, "- id: P2-KR1")
    assert "Improve deployment process" in d.message and d.help
    assert d.to_dict() == {
        "code": "OKR101",
        "rule": "vague-key-result",
        "severity": "error",
        "message": d.message,
        "help": d.help,
        "path": d.path,
        "id": "P2-KR1",
        "line": d.line,
    }
    assert "OKR101" in repr(d)


def test_well_written_okrs_have_no_findings() -> None:
    assert okr.load(WELL_WRITTEN).lint(as_of="2026-08-10") == []


def test_select_ignore_and_config() -> None:
    doc = okr.loads(WEAK)
    codes = {d.code for d in doc.lint(as_of="2026-08-01")}
    assert {"OKR101", "OKR102", "OKR208"} <= codes
    assert {d.code for d in doc.lint(as_of="2026-08-01", select="OKR101")} == {"OKR101"}
    assert {d.code for d in doc.lint(as_of="2026-08-01", select=["OKR1"])} <= {c for c in codes if c.startswith("OKR1")}
    assert "OKR101" not in {d.code for d in doc.lint(as_of="2026-08-01", ignore=("OKR101",))}
    overridden = doc.lint(as_of="2026-08-01", config={"severity": {"OKR101": "info"}, "select": ["OKR101"]})
    assert [d.severity for d in overridden] == ["info"]


def test_documents_from_dicts_have_no_lines() -> None:
    doc = okr.from_dict(okr.loads(WEAK).to_dict())
    assert all(d.line is None for d in doc.lint(as_of="2026-08-01"))


def test_lines_are_located_as_the_cli_and_js_locate_them() -> None:
    # Pretty JSON and YAML have lines worth naming; one-line JSON (as machines write it)
    # has none, so findings carry no line, as in `okr lint` and the JavaScript binding.
    doc = okr.loads(WEAK)
    pretty = okr.loads(doc.to_json(), format="json").lint(as_of="2026-08-01")
    assert pretty and all(d.line is not None and d.line > 1 for d in pretty)
    compact = json.dumps(json.loads(doc.to_json()), separators=(",", ":"))
    assert "\n" not in compact
    one_line = okr.loads(compact, format="json").lint(as_of="2026-08-01")
    assert [d.code for d in one_line] == [d.code for d in pretty]
    assert all(d.line is None for d in one_line)


def test_lint_report_holds_the_same_findings_with_counts_and_a_frame() -> None:
    pd = pytest.importorskip("pandas")
    doc = okr.load(ACME)
    findings = doc.lint(as_of="2026-11-23")
    report = doc.lint_report(as_of="2026-11-23")
    assert list(report) == findings == report.diagnostics and len(report) == len(findings)
    by_severity = {s: sum(d.severity == s for d in findings) for s in ("error", "warning", "info")}
    assert report.summary == by_severity
    assert [q["id"] for q in report.quality] == doc.objective_ids
    assert report.to_dict()["summary"] == by_severity
    df = report.to_pandas()
    assert list(df.columns) == ["code", "rule", "severity", "message", "help", "path", "id", "line"]
    assert list(df["code"]) == [d.code for d in findings]
    assert list(df["path"]) == [d.path for d in findings]
    assert list(df["severity"].cat.categories) == ["info", "warning", "error"]
    assert df["severity"].max() == "error"  # ordered by seriousness, not the alphabet
    assert str(df["line"].dtype) == "Int64"
    assert list(df["line"]) == [d.line for d in findings]
    # A document without lines gives missing lines, not a wrong dtype.
    unlocated = okr.from_dict(doc.to_dict()).lint_report(as_of="2026-11-23").to_pandas()
    assert unlocated["line"].isna().all() and str(unlocated["line"].dtype) == "Int64"
    assert "LintReport" in repr(report) and isinstance(df, pd.DataFrame)


def test_bad_arguments() -> None:
    doc = okr.loads(WEAK)
    with pytest.raises(TypeError):
        doc.lint(select=5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="selekt"):
        doc.lint(config={"selekt": ["OKR1"]})
    with pytest.raises(TypeError):
        doc.lint(as_of=20260801)  # type: ignore[arg-type]


def test_rules_and_explain() -> None:
    rules = okr.rules()
    assert len(rules) >= 25
    codes = [r["code"] for r in rules]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert all(r["severity"] in ("error", "warning", "info") for r in rules)
    text = okr.explain("OKR102")
    assert text == okr.explain("output-key-result")
    assert text.startswith("# output-key-result (OKR102)")
    for section in ("## Why is this bad?", "## Example", "## Use instead", "## Sources"):
        assert section in text
    with pytest.raises(ValueError, match="OKR999"):
        okr.explain("OKR999")


def test_unknown_rules_are_errors_with_a_suggestion() -> None:
    doc = okr.loads(WEAK)
    with pytest.raises(ValueError, match="did you mean `vague-key-result`"):
        doc.lint(as_of="2026-08-01", ignore="vage-key-result")
    with pytest.raises(ValueError, match="OKR10Z"):
        doc.lint(as_of="2026-08-01", select=["OKR10Z"])
    with pytest.raises(ValueError, match="OKR9999"):
        doc.lint(as_of="2026-08-01", config={"ignore": ["OKR9999"]})


def test_a_selection_that_leaves_no_rule_warns() -> None:
    doc = okr.loads(WEAK)
    with pytest.warns(UserWarning, match="no rule to run"):
        assert doc.lint(as_of="2026-08-01", ignore="ALL") == []
