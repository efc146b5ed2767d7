"""The Python edges: frames that save to Parquet and Feather, owners on key results, reports
that iterate and pickle, unhashable documents, files as objects, short HTML for long reports,
and numpy dates."""

from __future__ import annotations

import datetime
import io
import pickle
from pathlib import Path

import pytest

import okr
from conftest import ACME, SMALL


def test_frames_save_to_parquet_and_feather(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    df = okr.load(ACME).score("2026-08-15").to_pandas()
    df.to_parquet(tmp_path / "scores.parquet")
    df.reset_index(drop=True).to_feather(tmp_path / "scores.feather")
    for back in (
        pd.read_parquet(tmp_path / "scores.parquet"),
        pd.read_feather(tmp_path / "scores.feather"),
    ):
        assert list(back["id"]) == list(df["id"])
        assert back.attrs.get("as_of", "2026-08-15") == "2026-08-15"


def test_a_key_result_has_its_owner_else_its_objectives() -> None:
    doc = okr.loads(
        "teams:\n  - { id: web }\n  - { id: app }\npeople:\n  - { id: ana, team: web }\n"
        "objectives:\n  - id: O1\n    title: Grow\n    owner: web\n    key_results:\n"
        "      - { id: K1, title: Raise NPS from 30 to 45, owner: ana }\n"
        "      - { id: K2, title: Cut churn from 5% to 3% }\n"
        "      - { id: K3, title: Ship it, owner: [ana, app] }\n"
    )
    report = doc.score("2026-08-15")
    assert [kr.owner for kr in report.objective("O1").key_results] == ["ana", "web", "ana, app"]
    df = report.to_pandas()
    krs = df[df["level"] == "key_result"].set_index("id")
    assert list(krs["owner"]) == ["ana", "web", "ana, app"]


def test_a_report_iterates_over_its_objectives_and_pickles() -> None:
    report = okr.load(ACME).score("2026-08-15")
    ids = [o.id for o in report]
    assert ids == [o.id for o in report.objectives]
    assert len(ids) == len(report)
    back = pickle.loads(pickle.dumps(report))
    assert isinstance(back, okr.ScoreReport)
    assert back.to_dict() == report.to_dict()
    assert back.as_of == datetime.date(2026, 8, 15)


def test_documents_and_diagnostics_are_unhashable_as_their_equality_says() -> None:
    doc = okr.loads(SMALL)
    with pytest.raises(TypeError):
        hash(doc)
    findings = doc.lint(as_of="2026-08-15")
    assert findings
    with pytest.raises(TypeError):
        hash(findings[0])


def test_load_takes_text_and_binary_file_objects_and_names_the_file(tmp_path: Path) -> None:
    with open(ACME, encoding="utf-8") as text, open(ACME, "rb") as binary:
        assert okr.load(text) == okr.load(binary) == okr.load(ACME)
    # JSON from an anonymous buffer: the format comes from the content.
    json_text = okr.load(ACME).to_json()
    assert okr.load(io.BytesIO(json_text.encode())) == okr.load(ACME)

    bad = tmp_path / "bad.yaml"
    bad.write_text("objectives:\n  - id: O1\n    owner: nobody\n    title: Grow\n")
    for source in (bad, str(bad)):
        with pytest.raises(okr.ValidationError) as caught:
            okr.load(source)
        assert caught.value.file == str(bad)
        assert str(caught.value).startswith(f"{bad}: ")
    with open(bad, "rb") as handle, pytest.raises(okr.ValidationError) as caught:
        okr.load(handle)
    assert caught.value.file == str(bad)
    assert caught.value.errors()[0]["line"] == 3
    # The file survives pickling with the error.
    assert pickle.loads(pickle.dumps(caught.value)).file == str(bad)


def test_the_html_of_a_long_report_shows_both_ends_and_a_count() -> None:
    objectives = "".join(
        f"  - id: O{i}\n    title: Objective {i}\n    key_results:\n"
        f"      - {{ id: O{i}-K1, title: Raise it from 0 to 10, metric: {{ start: 0, target: 10 }} }}\n"
        for i in range(500)
    )
    report = okr.loads("objectives:\n" + objectives).score("2026-08-15")
    html = report._repr_html_()
    shown = [f"O{i}" for i in list(range(10)) + list(range(490, 500))]
    for objective in shown:
        assert f"<b>{objective}</b>" in html
    assert "<b>O10</b>" not in html and "<b>O489</b>" not in html
    assert "480 more objectives" in html
    assert "500 objectives, 500 key results" in html
    assert html.count('class="objective"') == 20
    # A short report is shown whole.
    small = okr.loads(SMALL).score("2026-08-15")._repr_html_()
    assert "more objectives" not in small


def test_score_takes_numpy_dates_and_refuses_nat() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    doc = okr.loads(SMALL)
    expected = doc.score("2026-08-15").to_dict()
    for day in (np.datetime64("2026-08-15"), np.datetime64("2026-08-15T13:45:00")):
        assert doc.score(day).to_dict() == expected
    assert doc.score(pd.Timestamp("2026-08-15 09:00")).to_dict() == expected
    for missing in (np.datetime64("NaT"), pd.NaT):
        with pytest.raises(ValueError, match="NaT"):
            doc.score(missing)
