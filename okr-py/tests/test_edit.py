"""Edits that keep the file's bytes (with_check_in, save, okr.dump) and okr.diff."""

from __future__ import annotations

import datetime
import io
import stat
from pathlib import Path

import pytest

import okr

TEXT = """\
# Q3 OKRs, reviewed weekly
cycles:
  - { id: Q3, start: 2026-07-01, end: 2026-09-30 }
objectives:
  - id: O1
    title: Delight returning customers  # the theme
    key_results:
      - id: K1
        title: Raise repeat purchase rate from 20% to 30%
        metric: { start: 20, target: 30 }
        check_ins:
          - { date: 2026-07-15, value: 22 }
      - id: K2
        title: Launch the loyalty programme
        binary: { done: false }
"""


def test_with_check_in_splices_one_line_and_leaves_the_original_alone() -> None:
    doc = okr.loads(TEXT)
    edited = doc.with_check_in("K1", 25, date=datetime.date(2026, 8, 1), note="summer sale")
    expected = TEXT.replace(
        "          - { date: 2026-07-15, value: 22 }\n",
        "          - { date: 2026-07-15, value: 22 }\n          - { date: 2026-08-01, value: 25, note: summer sale }\n",
    )
    assert edited.source == expected
    assert doc.source == TEXT
    # K1: (25 - 20) / (30 - 20) = 0.5 as of the check-in.
    assert edited.score("2026-08-01").key_result("K1").score == pytest.approx(0.5)


def test_refused_edits_raise_the_exception_a_python_user_expects() -> None:
    doc = okr.loads(TEXT)
    with pytest.raises(KeyError, match="did you mean `K1`"):
        doc.with_check_in("k1", 3, date="2026-08-01")
    with pytest.raises(ValueError, match="done"):
        doc.with_check_in("K2", 1, date="2026-08-01")
    with pytest.raises(ValueError, match="confidence"):
        doc.with_check_in("K1", 3, date="2026-08-01", confidence=70)


def test_save_and_dump_write_the_edited_text_and_keep_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0o640)
    okr.load(path).with_check_in("K1", 23.5, date="2026-07-22").save(path)
    written = path.read_text(encoding="utf-8")
    assert written.count("\n") == TEXT.count("\n") + 1
    assert "# Q3 OKRs, reviewed weekly" in written and "{ date: 2026-07-22, value: 23.5 }" in written
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    # A document built from a dict has no text: it is written as YAML, or JSON for .json.
    built = okr.from_dict(okr.loads(TEXT).to_dict())
    okr.dump(built, tmp_path / "copy.json")
    assert okr.load(tmp_path / "copy.json") == built
    assert okr.load(tmp_path / "copy.json").source.lstrip().startswith("{")


def test_diff_names_a_lowered_target_and_a_deleted_check_in() -> None:
    old = okr.loads(TEXT)
    new = okr.loads(
        TEXT.replace("target: 30 }", "target: 25 }")
        .replace("        check_ins:\n", "")
        .replace("          - { date: 2026-07-15, value: 22 }\n", "")
    )
    changes = okr.diff(old, new, as_of="2026-08-01")
    assert bool(changes) and len(changes) == 2
    kinds = [c["kind"] for c in changes.changes]
    assert kinds == ["bar_moved", "check_in_deleted"]
    assert changes.changes[0]["direction"] == "lowered"
    assert changes.as_of == datetime.date(2026, 8, 1)
    assert "**the bar was lowered**" in changes.to_markdown()
    frame = changes.to_pandas()
    assert list(frame["kind"]) == kinds
    assert not okr.diff(old, okr.from_dict(old.to_dict()))


def test_quality_scores_each_objective_from_its_findings() -> None:
    doc = okr.loads(TEXT + "      - Improve retention\n")
    quality = doc.quality(as_of="2026-08-01", select=["OKR101"])
    # One vague key result (OKR101, an error): 100 - 20.
    assert quality == [{"id": "O1", "quality": 80, "lost": [{"code": "OKR101", "points": 20}]}]


def test_tables_round_trip_through_csv_and_pandas(tmp_path: Path) -> None:
    import pandas

    doc = okr.loads(TEXT)
    key_results, check_ins = doc.to_csv()
    (tmp_path / "okrs.csv").write_text(key_results, encoding="utf-8")
    (tmp_path / "check-ins.csv").write_text(check_ins, encoding="utf-8")
    back = okr.read_csv(tmp_path / "okrs.csv", check_ins=tmp_path / "check-ins.csv")
    assert back.to_csv() == (key_results, check_ins)
    frame = doc.to_pandas()
    assert list(frame["key_result_id"]) == ["K1", "K2"]
    assert frame.loc[0, "target"] == 30
    assert list(doc.to_pandas("objectives")["objective_id"]) == ["O1"]
    checks = doc.to_pandas("check_ins")
    assert checks.loc[0, "value"] == 22 and str(checks.loc[0, "date"].date()) == "2026-07-15"
    # From frames, NaN read as missing: the binary key result has no start or target.
    objectives = pandas.DataFrame({"objective_id": ["O1"], "objective_title": ["Delight returning customers"]})
    krs = pandas.DataFrame(
        {
            "objective_id": ["O1", "O1"],
            "key_result_id": ["K1", "K2"],
            "key_result_title": ["Raise repeat purchase rate from 20% to 30%", "Launch the loyalty programme"],
            "measure": ["metric", "binary"],
            "start": [20, float("nan")],
            "target": [30, float("nan")],
            "done": [None, False],
        }
    )
    built = okr.from_pandas(objectives, krs, check_ins=pandas.DataFrame({"key_result_id": ["K1"], "date": ["2026-07-15"], "value": [22]}))
    assert built.score("2026-07-15").key_result("K1").score == pytest.approx(0.2)


def test_a_bad_table_lists_every_cell_with_line_and_column() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.read_csv(io.StringIO("objective_id,objective_title,key_result_title,measure,start,target\nO1,Grow,Raise NPS,metric,x,45\n"))
    assert [(e["line"], e["path"]) for e in caught.value.errors()] == [(2, "start")]


def test_score_range_equals_scoring_each_day_apart() -> None:
    doc = okr.load(Path(__file__).resolve().parents[2] / "examples" / "acme.yaml")
    frame = doc.score_range("2026-10-01", "2026-10-20", freq="W")
    days = sorted({str(d.date()) for d in frame["as_of"]})
    # Every 7 days from the start, then the end day itself.
    assert days == ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-20"]
    for day in days:
        report = doc.score(day)
        rows = frame[(frame["as_of"] == day) & (frame["level"] == "objective")]
        assert list(rows["id"]) == [o.id for o in report.objectives]
        for objective, score in zip(report.objectives, rows["score"]):
            if objective.score is None:
                assert score != score  # NaN
            else:
                assert score == pytest.approx(objective.score)
    with pytest.raises(ValueError, match="freq"):
        doc.score_range("2026-10-01", "2026-10-20", freq="fortnight")


def test_arrow_and_polars_come_from_extras_named_in_the_import_error() -> None:
    report = okr.loads(TEXT).score("2026-08-01")
    table = report.to_arrow()
    assert table.num_rows == len(report.to_pandas())
    try:
        import polars  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match=r'okr\[polars\]'):
            report.to_polars()
    else:
        assert report.to_polars().height == table.num_rows


def test_read_markdown_warns_about_skipped_sections() -> None:
    path = Path(__file__).resolve().parents[2] / "okr-core" / "tests" / "fixtures" / "markdown" / "headings.md"
    with pytest.warns(UserWarning, match="2019-Q1"):
        doc = okr.read_markdown(path)
    assert doc.objective_ids == ["O1", "O2"]
    with pytest.raises(okr.OkrError, match="no objectives"):
        okr.read_markdown(io.StringIO("just prose\n"))
