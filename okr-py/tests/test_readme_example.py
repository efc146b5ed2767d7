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
