"""ScoreReport.plot(): the charts, read back from the matplotlib Axes."""

from __future__ import annotations

import sys

import pytest

import okr
from conftest import ACME

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")  # no display in tests
from matplotlib.colors import to_hex  # noqa: E402

AS_OF = "2026-11-23"
# The colours of the HTML report (okr-core/src/report/html.rs), written out by hand.
HTML_COLORS = {"red": "#c62828", "yellow": "#b8860b", "green": "#2e7d32"}


def test_scores_are_bars_in_the_report_colours() -> None:
    report = okr.load(ACME).score(AS_OF)
    ax = report.plot("scores")
    bars = ax.patches
    scored = [o for o in report.objectives if o.score is not None]
    assert len(bars) == len(scored)
    by_id = {o.id: o for o in scored}
    labels = [t.get_text() for t in ax.get_yticklabels()]
    for label, bar in zip(labels, bars):
        objective = by_id[label]
        assert bar.get_width() == pytest.approx(objective.score)
        assert to_hex(bar.get_facecolor()) == HTML_COLORS[objective.color or ""]
    # Lowest on top: widths grow downwards, i.e. shrink along the drawing order reversed.
    widths = [bar.get_width() for bar in bars]
    assert widths == sorted(widths, reverse=True)


def test_top_keeps_the_lowest_scores() -> None:
    report = okr.load(ACME).score(AS_OF)
    ax = report.plot("scores", top=3)
    widths = sorted(bar.get_width() for bar in ax.patches)
    lowest = sorted(o.score for o in report.objectives if o.score is not None)[:3]
    assert widths == pytest.approx(lowest)


def test_pace_counts_objectives() -> None:
    report = okr.load(ACME).score("2026-08-20")
    ax = report.plot("pace")
    counted = {t.get_text(): bar.get_height() for t, bar in zip(ax.get_xticklabels(), ax.patches)}
    expected: dict[str, int] = {}
    for o in report.objectives:
        if o.pace is not None:
            key = o.pace.replace("_", " ")
            expected[key] = expected.get(key, 0) + 1
    assert {k: v for k, v in counted.items() if v} == expected


def test_burnup_lines_end_at_the_reports_scores() -> None:
    doc = okr.load(ACME)
    report = doc.score(AS_OF)
    ax = report.plot("burnup", top=5)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == doc.objective_ids[:5]
    for line in lines:
        last = line.get_ydata()[-1]
        expected = report.objective(line.get_label()).score
        if expected is None:
            assert last != last  # NaN
        else:
            assert last == pytest.approx(expected)


def test_given_axes_are_drawn_on_and_bad_arguments_raise() -> None:
    import matplotlib.pyplot as plt

    report = okr.load(ACME).score(AS_OF)
    _, ax = plt.subplots()
    assert report.plot("pace", ax=ax) is ax
    with pytest.raises(ValueError, match="kind"):
        report.plot("pie")
    with pytest.raises(ValueError, match="top"):
        report.plot("scores", top=0)


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    report = okr.load(ACME).score(AS_OF)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r"okr\[plot\]"):
        report.plot("scores")
