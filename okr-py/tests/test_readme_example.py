"""The README's Python example (okr-py/README-example.py) runs, and the READMEs show it as is."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLE = ROOT / "okr-py" / "README-example.py"


def test_readme_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    monkeypatch.chdir(ROOT)  # the example uses paths relative to the repository
    names = runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out.splitlines()

    report, df = names["report"], names["df"]
    c1 = report.objective("C1")
    assert out[0] == f"{c1.title} {c1.score:.0%} {c1.color} {c1.pace}"
    # C1 is the plain mean of its three key results (weight 1 each).
    assert c1.score == pytest.approx(sum(kr.score for kr in c1.key_results) / 3)
    assert len(df) == len(report.objectives) + sum(len(o.key_results) for o in report.objectives)
    # The duplicate id of the last part is reported with its line and path.
    assert out[-1].startswith("4 objectives[1].id duplicate id `O1`")


@pytest.mark.parametrize("readme", [ROOT / "okr-py" / "README.md", ROOT / "README.md"])
def test_readmes_show_the_example_verbatim(readme: Path) -> None:
    text = readme.read_text(encoding="utf-8")
    snippet = EXAMPLE.read_text(encoding="utf-8")
    if readme.parent == ROOT and "```python\nimport okr" not in text:
        pytest.skip("the top-level README has no Python example yet")
    assert f"```python\n{snippet}```" in text, f"{readme} and {EXAMPLE.name} differ"


SPREADSHEET = ROOT / "okr-py" / "README-spreadsheet.py"


def test_spreadsheet_example_scores_charts_and_exports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("matplotlib")
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)  # it writes its chart and Parquet file where it runs
    names = runpy.run_path(str(SPREADSHEET), run_name="__main__")
    report, weekly, ax = names["report"], names["weekly"], names["ax"]
    # The printed counts add up to the key results coloured red or yellow, counted apart.
    at_risk = [kr for o in report.objectives for kr in o.key_results if kr.color in ("red", "yellow")]
    counts = [int(line.split()[-1]) for line in capsys.readouterr().out.splitlines()[1:-1]]
    assert sum(counts) == len(at_risk) > 0
    assert ax.get_lines() and (tmp_path / "burnup.png").stat().st_size > 0
    assert len(pandas.read_parquet(tmp_path / "weekly-scores.parquet")) == len(weekly)


@pytest.mark.parametrize("readme", [ROOT / "okr-py" / "README.md", ROOT / "README.md"])
def test_readmes_show_the_spreadsheet_example_verbatim(readme: Path) -> None:
    snippet = SPREADSHEET.read_text(encoding="utf-8")
    assert f"```python\n{snippet}```" in readme.read_text(encoding="utf-8")
