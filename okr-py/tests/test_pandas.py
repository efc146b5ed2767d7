"""ScoreReport.to_pandas(): one row per objective and per key result."""

from __future__ import annotations

import datetime
import math
import sys

import pytest

import okr
from conftest import ACME, SMALL

COLUMNS = [
    "as_of", "level", "objective_id", "id", "title", "owner", "cycle", "kind", "score",
    "attainment", "color", "outcome", "expected", "pace", "current", "forecast", "confidence",
    "weight", "aligns_to", "measure", "unit", "start", "target", "min", "max",
]  # fmt: skip
NUMBER_COLUMNS = [
    "score", "attainment", "expected", "current", "forecast", "confidence",
    "weight", "start", "target", "min", "max",
]  # fmt: skip


def test_rows_and_columns_of_a_small_report() -> None:
    pd = pytest.importorskip("pandas")
    report = okr.loads(SMALL).score("2026-08-15")
    df = report.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == COLUMNS
    assert len(df) == 2 + 5  # 2 objectives, 5 key results
    assert list(df["level"]) == ["objective"] + ["key_result"] * 3 + ["objective"] + ["key_result"] * 2
    assert list(df["objective_id"]) == ["O1"] * 4 + ["O2"] * 3
    for column in NUMBER_COLUMNS:
        assert df[column].dtype == "float64", column
    assert df.attrs["as_of"] == "2026-08-15"  # text: attrs stay JSON-safe (Parquet, Feather)
    assert (df["as_of"] == pd.Timestamp("2026-08-15")).all()

    objectives = df[df["level"] == "objective"].set_index("id")
    assert objectives.loc["O1", "score"] == pytest.approx(1 / 6)
    assert objectives.loc["O1", "pace"] == "at_risk"
    assert objectives.loc["O2", "kind"] == "committed"
    assert math.isnan(objectives.loc["O1", "attainment"])  # objectives have no attainment

    krs = df[df["level"] == "key_result"]
    kr2 = krs[krs["id"] == "KR2"].iloc[0]
    assert kr2["score"] == pytest.approx((0.45 - 0.5) / (0.2 - 0.5))
    assert kr2["current"] == pytest.approx(0.45)
    assert kr2["confidence"] == pytest.approx(0.6)
    assert math.isnan(kr2["forecast"])
    bare = krs.iloc[-1]
    assert pd.isna(bare["id"]) and bare["title"] == "Lift awareness from 10% to 25%"
    assert (krs["cycle"] == "Q3").all()  # key results carry their objective's cycle


def test_levels_and_ordered_categories() -> None:
    pd = pytest.importorskip("pandas")
    report = okr.loads(SMALL).score("2026-08-15")
    full = report.to_pandas()
    objectives = report.to_pandas(level="objective")
    key_results = report.to_pandas(level="key_result")
    assert list(objectives.columns) == COLUMNS == list(key_results.columns)
    assert (len(objectives), len(key_results)) == (2, 5)
    assert set(objectives["level"]) == {"objective"} and set(key_results["level"]) == {"key_result"}
    assert len(objectives) + len(key_results) == len(full)
    # Worst first, so sorting and comparing follow meaning, not the alphabet.
    assert list(full["color"].cat.categories) == ["red", "yellow", "green"]
    assert list(full["outcome"].cat.categories) == ["missed", "met", "exceeded"]
    assert list(full["pace"].cat.categories) == ["not_started", "off_track", "at_risk", "on_track"]
    assert all(full[c].cat.ordered for c in ("color", "outcome", "pace"))
    colored = full.dropna(subset=["color"])
    order = {"red": 0, "yellow": 1, "green": 2}
    assert colored["color"].min() == min(colored["color"], key=order.__getitem__)
    assert isinstance(full["color"].dtype, pd.CategoricalDtype)
    with pytest.raises(ValueError, match="level"):
        report.to_pandas(level="team")  # type: ignore[arg-type]


def test_frames_carry_the_documents_measures_and_alignment() -> None:
    pytest.importorskip("pandas")
    doc = okr.load(ACME)
    df = doc.score("2026-11-23").to_pandas(level="key_result")
    rows = doc.to_pandas(table="key_results")  # the document's own table (docs/tables.md)
    assert len(df) == len(rows)
    assert list(df["measure"].fillna("")) == list(rows["measure"].fillna(""))
    assert list(df["unit"].fillna("")) == list(rows["unit"].fillna(""))
    for column in ("start", "target", "min", "max"):
        mine, theirs = list(df[column]), list(rows[column])
        assert all((math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(mine, theirs)), column
    objectives = doc.score("2026-11-23").to_pandas(level="objective").set_index("id")
    aligned = {o["id"]: o.get("aligns_to") for o in doc.to_dict()["objectives"]}
    for objective_id, target in aligned.items():
        expected = ", ".join([target] if isinstance(target, str) else target) if target else None
        got = objectives.loc[objective_id, "aligns_to"]
        assert (got if isinstance(got, str) else None) == expected, objective_id


def test_acme_frame_matches_the_report() -> None:
    pytest.importorskip("pandas")
    report = okr.load(ACME).score("2026-11-23")
    df = report.to_pandas()
    n_objectives = len(report.objectives)
    n_key_results = sum(len(o.key_results) for o in report.objectives)
    assert (n_objectives, n_key_results) == (13, 30)
    assert len(df) == n_objectives + n_key_results
    assert (df["level"] == "objective").sum() == n_objectives
    # Aggregations work directly: the mean key-result score per objective of C1...
    c1 = df[(df["level"] == "key_result") & (df["objective_id"] == "C1")]
    assert c1["score"].mean() == pytest.approx(report.objective("C1").score)
    # ...and every objective row carries the report's numbers.
    for o in report.objectives:
        row = df[(df["level"] == "objective") & (df["id"] == o.id)].iloc[0]
        assert row["title"] == o.title and row["owner"] == o.owner
        if o.score is None:
            assert math.isnan(row["score"])
        else:
            assert row["score"] == pytest.approx(o.score)


def test_empty_report_has_the_columns() -> None:
    pytest.importorskip("pandas")
    df = okr.loads("objectives: []").score("2026-08-15").to_pandas()
    assert list(df.columns) == COLUMNS
    assert len(df) == 0


def test_without_pandas_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    report = okr.loads(SMALL).score("2026-08-15")
    with pytest.raises(ImportError, match="pip install pandas") as caught:
        report.to_pandas()
    assert isinstance(caught.value.__cause__, ImportError)
    assert report.to_dict()["as_of"] == "2026-08-15"  # everything else still works
