"""``ScoreReport.plot``: charts drawn with matplotlib (the ``plot`` extra).

The compiled module computes what is drawn (the frame, the colours of the HTML report, the
scores over the cycle); this module only lays it out on matplotlib Axes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ._okr import ScoreReport

KINDS = ("scores", "pace", "burnup")


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise ImportError(
            'ScoreReport.plot() needs matplotlib, which is not installed: pip install "okr[plot]"'
        ) from error
    return plt


def plot(
    report: "ScoreReport",
    kind: str,
    ax: Any,
    top: int,
    colors: Mapping[Optional[str], str],
    series: Optional["pandas.DataFrame"],
) -> Any:
    """Draws ``kind`` on ``ax`` (a new figure's Axes when None) and returns the Axes."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(map(repr, KINDS))}, not {kind!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    plt = _pyplot()
    objectives = report.to_pandas(level="objective")
    if ax is None:
        rows = min(len(objectives), top)
        height = 2.5 + 0.3 * rows if kind == "scores" else 4.0
        _, ax = plt.subplots(figsize=(8, height))
    as_of = report.as_of.isoformat()
    if kind == "scores":
        _scores(ax, objectives, top, colors)
        ax.set_title(f"Objective scores as of {as_of}")
    elif kind == "pace":
        counts = objectives["pace"].value_counts(sort=False)
        ax.bar([str(p).replace("_", " ") for p in counts.index], list(counts.values), color="#546e7a")
        ax.set_ylabel("objectives")
        ax.set_title(f"Pace as of {as_of}")
    else:
        _burnup(ax, series, objectives, top)
        ax.set_title(f"Scores over the cycle, to {as_of}")
    return ax


def _scores(ax: Any, objectives: "pandas.DataFrame", top: int, colors: Mapping[Optional[str], str]) -> None:
    """Horizontal bars, lowest score on top; beyond ``top`` objectives, the lowest ``top``."""
    scored = objectives.dropna(subset=["score"]).sort_values("score", kind="stable")
    shown = scored.head(top).iloc[::-1]
    bar_colors = [colors.get(None if _missing(c) else str(c), colors[None]) for c in shown["color"]]
    ax.barh(list(shown["id"]), list(shown["score"]), color=bar_colors)
    ax.set_xlim(0, 1)
    ax.set_xlabel("score")
    if len(scored) > top:
        ax.text(1.0, -0.08, f"lowest {top} of {len(scored)} scored objectives", transform=ax.transAxes, ha="right", fontsize=8)


def _burnup(ax: Any, series: Optional["pandas.DataFrame"], objectives: "pandas.DataFrame", top: int) -> None:
    """One line per objective (the first ``top`` in document order), score against day."""
    if series is None:
        raise ValueError(
            "a burn-up needs the document the report scored; a report rebuilt from a pickle "
            "has none: score the document again"
        )
    rows = series[series["level"] == "objective"]
    ids = list(objectives["id"])[:top]
    for objective_id in ids:
        line = rows[rows["id"] == objective_id]
        ax.plot(list(line["as_of"]), list(line["score"]), label=objective_id)
    ax.set_ylim(0, 1)
    ax.set_ylabel("score")
    if len(ids) <= 12:
        ax.legend(fontsize=8, loc="upper left")


def _missing(value: Any) -> bool:
    return value is None or value != value  # NaN is not equal to itself
