"""Scoring: Document.score(as_of) and the ScoreReport / ObjectiveScore / KeyResultScore views.

Expected values are computed from the formulas of docs/scoring.md on the small document in
conftest.py (cycle Q3: 2026-07-01 -> 2026-09-30, 91 days).
"""

from __future__ import annotations

import datetime

import pytest

import okr
from conftest import ACME, SMALL

AS_OF = datetime.date(2026, 8, 15)
EXPECTED = 45 / 91  # days from Jul 1 to Aug 15, over Jul 1 -> Sep 30

OBJECTIVE_KEYS = [
    "id", "title", "owner", "cycle", "kind", "score", "color", "outcome", "expected", "pace",
    "key_results",
]  # fmt: skip
KEY_RESULT_KEYS = [
    "id", "title", "owner", "score", "attainment", "color", "current", "forecast", "confidence",
]  # fmt: skip


@pytest.fixture
def doc() -> okr.Document:
    return okr.loads(SMALL)


def test_key_results_follow_the_formulas(doc: okr.Document) -> None:
    report = doc.score(AS_OF)
    kr1 = report.key_result("KR1")  # metric 10 -> 20 at 15
    assert kr1.score == pytest.approx(0.5)
    assert kr1.attainment == pytest.approx(0.5)
    assert kr1.current == 15
    assert kr1.color == "yellow"  # 0.4 <= 0.5 < 0.7
    assert kr1.forecast is None and kr1.confidence is None

    kr2 = report.key_result("KR2")  # decreasing 0.5 -> 0.2; the Oct 1 check-in is later
    assert kr2.score == pytest.approx((0.45 - 0.5) / (0.2 - 0.5))  # 1/6
    assert kr2.score == pytest.approx(1 / 6)
    assert kr2.current == pytest.approx(0.45)
    assert kr2.confidence == pytest.approx(0.6)
    assert kr2.color == "red"
    assert kr2.forecast is None  # one check-in so far

    kr3 = report.key_result("KR3")  # binary, not done; probability reported as confidence
    assert kr3.score == 0.0
    assert kr3.confidence == pytest.approx(0.7)

    kr4 = report.key_result("KR4")  # threshold min 42 at 42: bounds are inclusive
    assert kr4.score == 1.0
    assert kr4.color == "green"


def test_objectives_roll_up_with_weights_and_pace(doc: okr.Document) -> None:
    report = doc.score(AS_OF)
    o1 = report.objective("O1")
    # weighted mean: (0.5 * 1 + 1/6 * 1 + 0 * 2) / (1 + 1 + 2) = 1/6
    assert o1.score == pytest.approx((0.5 + 1 / 6 + 0 * 2) / 4)
    assert o1.color == "red"
    assert o1.outcome == "missed"
    assert o1.expected == pytest.approx(EXPECTED)
    assert 1 / 6 - EXPECTED == pytest.approx(-0.328, abs=1e-3)
    assert o1.pace == "at_risk"  # -0.4 <= gap < -0.2
    assert (o1.id, o1.title, o1.owner, o1.cycle, o1.kind) == (
        "O1", "Fewer unhappy customers", "acme", "Q3", "aspirational",
    )  # fmt: skip
    assert [kr.id for kr in o1.key_results] == ["KR1", "KR2", "KR3"]

    o2 = report.objective("O2")
    bare = o2.key_results[1]
    assert bare.id is None and bare.title == "Lift awareness from 10% to 25%"
    # The bare sentence scores as a metric 10 -> 25 with no value yet: current = start.
    assert bare.score == 0.0 and bare.current == 10
    assert o2.score == pytest.approx((1.0 + 0.0) / 2)
    assert o2.kind == "committed"
    assert o2.outcome == "missed"  # committed objectives are met only at 1.0
    assert o2.pace == "on_track"  # 0.5 - 45/91 >= -0.2


def test_after_the_cycle_later_check_ins_count_and_scores_clamp(doc: okr.Document) -> None:
    report = doc.score("2026-10-02")
    kr2 = report.key_result("KR2")
    assert kr2.current == pytest.approx(0.1)
    assert kr2.attainment == pytest.approx((0.1 - 0.5) / (0.2 - 0.5))  # 4/3, unclamped
    assert kr2.score == 1.0  # clamped
    # Least squares through two points is the line through them: at Sep 30 (77 of the 78
    # days from Jul 15 to Oct 1) it is above 1, so the forecast clamps to 1.
    assert 1 / 6 + 77 / 78 * (4 / 3 - 1 / 6) > 1
    assert kr2.forecast == 1.0
    o1 = report.objective("O1")
    assert o1.expected == 1.0
    assert o1.score == pytest.approx((0.5 + 1.0 + 0.0) / 4)
    assert o1.pace == "off_track"  # 0.375 - 1 < -0.4


def test_before_the_cycle_nothing_has_started(doc: okr.Document) -> None:
    report = doc.score("2026-06-01")
    o1 = report.objective("O1")
    assert o1.pace == "not_started"
    kr2 = report.key_result("KR2")
    assert kr2.current == pytest.approx(0.5)  # no check-in yet: current = start
    assert kr2.score == 0.0


def test_as_of_accepts_date_datetime_and_iso_string(doc: okr.Document) -> None:
    by_date = doc.score(AS_OF)
    assert by_date.as_of == AS_OF
    assert isinstance(by_date.as_of, datetime.date)
    same_day = [
        doc.score(as_of=datetime.datetime(2026, 8, 15, 23, 59)),
        doc.score(as_of=datetime.datetime(2026, 8, 15, 1, 0, tzinfo=datetime.timezone.utc)),
        doc.score(as_of="2026-08-15"),
    ]
    for report in same_day:
        assert report.as_of == AS_OF
        assert report.to_dict() == by_date.to_dict()


def test_as_of_none_is_today(doc: okr.Document) -> None:
    before = datetime.date.today()
    report = doc.score()
    also = doc.score(None)
    after = datetime.date.today()
    assert report.as_of in (before, after)
    assert also.as_of in (before, after)


@pytest.mark.parametrize("bad", [20260815, 2026.8, b"2026-08-15", ["2026-08-15"], object()])
def test_as_of_of_another_type_is_a_type_error(doc: okr.Document, bad: object) -> None:
    with pytest.raises(TypeError, match="as_of must be"):
        doc.score(bad)  # type: ignore[arg-type]


# The table okr-cli/tests/score.rs and okr-wasm's api test use too: one parser for all.
@pytest.mark.parametrize(
    "bad",
    [
        "2026-02-30",
        "15/08/2026",
        "2026-8-15",
        "",
        "2026-08-15T10:00",
        " 2026-08-15",
        "2026-08-15 ",
        "+2026-08-15",
    ],
)
def test_as_of_string_that_is_not_a_day_is_a_value_error(doc: okr.Document, bad: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD") as caught:
        doc.score(bad)
    assert not isinstance(caught.value, okr.ValidationError)  # the document is fine


def test_to_dict_has_the_design_shape(doc: okr.Document) -> None:
    report = doc.score(AS_OF)
    data = report.to_dict()
    assert list(data) == ["as_of", "objectives"]
    assert data["as_of"] == "2026-08-15"
    assert [o["id"] for o in data["objectives"]] == ["O1", "O2"]
    for objective in data["objectives"]:
        assert list(objective) == OBJECTIVE_KEYS
        for kr in objective["key_results"]:
            assert list(kr) == KEY_RESULT_KEYS
    o1 = data["objectives"][0]
    assert o1["score"] == pytest.approx(1 / 6)
    assert o1["pace"] == "at_risk"
    assert o1["key_results"][1]["current"] == pytest.approx(0.45)
    # The views agree with the dict, and each view has its own to_dict().
    assert report.objective("O1").to_dict() == o1
    assert report.key_result("KR2").to_dict() == o1["key_results"][1]
    import json

    assert json.loads(report.to_json()) == data


def test_lookups_and_reprs(doc: okr.Document) -> None:
    report = doc.score(AS_OF)
    assert len(report) == 2
    assert [o.id for o in report.objectives] == ["O1", "O2"]
    with pytest.raises(KeyError, match="nope"):
        report.objective("nope")
    with pytest.raises(KeyError):
        report.key_result("O1")  # an objective id is not a key result id
    assert repr(report) == "<okr.ScoreReport as_of=2026-08-15: 2 objectives>"
    assert repr(report.objective("O1")) == (
        "ObjectiveScore(id='O1', score=0.1667, color='red', pace='at_risk', "
        "outcome='missed', key_results=3)"
    )
    assert repr(report.key_result("KR1")).startswith(
        "KeyResultScore(id='KR1', title='Raise activation from 10 to 20', score=0.5000"
    )


def test_acme_rollup_is_the_mean_of_its_key_results() -> None:
    report = okr.load(ACME).score("2026-11-23")
    c1 = report.objective("C1")
    kr1, kr2, kr3 = c1.key_results
    assert kr1.score == pytest.approx((21.8 - 18) / (26 - 18))  # latest check-in Nov 20
    assert kr2.score == pytest.approx((3.3 - 4.0) / (2.5 - 4.0))  # decreasing target
    assert kr3.score is not None  # from_children: the B2B objectives aligned to it
    assert c1.score == pytest.approx((kr1.score + kr2.score + kr3.score) / 3)
    # 53 of the 91 days of Oct 1 -> Dec 31 are gone on Nov 23.
    assert c1.expected == pytest.approx(53 / 91)


def test_repr_html_escapes_document_text() -> None:
    doc = okr.loads(
        """\
objectives:
  - id: O1
    title: '<script>alert("x")</script> & co'
    key_results:
      - id: KR1
        title: "Ship <b>it</b> from 0 to 1 'now'"
        metric: { start: 0, target: 1, current: 1 }
"""
    )
    html = doc.score(AS_OF)._repr_html_()
    assert html.startswith("<table")
    assert "<script>" not in html and "<b>it</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html
    assert "Ship &lt;b&gt;it&lt;/b&gt; from 0 to 1 &#39;now&#39;" in html
    assert "100%" in html  # KR1 is done
