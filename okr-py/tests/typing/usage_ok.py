"""Typed use of okr: `mypy --strict` must accept this file (tests/test_typing.py)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Optional

import okr


def summary(path: Path, as_of: datetime.date) -> list[tuple[str, Optional[float], Optional[okr.Color]]]:
    doc: okr.Document = okr.load(path)
    report: okr.ScoreReport = doc.score(as_of)
    rows: list[tuple[str, Optional[float], Optional[okr.Color]]] = []
    for objective in report.objectives:
        rows.append((objective.id, objective.score, objective.color))
        for kr in objective.key_results:
            kr_id: Optional[str] = kr.id
            rows.append((kr_id or kr.title, kr.score, kr.color))
    return rows


def shapes(text: str) -> None:
    doc = okr.loads(text, format="yaml")
    same = okr.loads(text.encode(), format=None)
    assert doc == same
    again = okr.from_dict(doc.to_dict())
    yaml_text: str = again.to_yaml()
    json_text: str = again.to_json()
    ids: list[str] = doc.objective_ids + doc.key_result_ids
    assert yaml_text and json_text and ids

    report = doc.score("2026-08-15")
    day: datetime.date = report.as_of
    data: okr.ScoreReportDict = report.to_dict()
    first: okr.ObjectiveScoreDict = data["objectives"][0]
    pace: Optional[okr.Pace] = first["pace"]
    kr: okr.KeyResultScoreDict = first["key_results"][0]
    forecast: Optional[float] = kr["forecast"]
    objective = report.objective("O1")
    kind: okr.Kind = objective.kind
    outcome: Optional[okr.Outcome] = objective.outcome
    expected: Optional[float] = objective.expected
    score = objective.score
    if score is not None:
        print(f"{day} {score:.0%} {pace} {forecast} {kind} {outcome} {expected}")
    html: str = report._repr_html_()
    count: int = len(report)
    single: okr.KeyResultScore = report.key_result("KR1")
    print(html[:10], count, single.attainment, single.current, single.confidence)


def errors(text: str) -> list[okr.ErrorDetail]:
    try:
        okr.loads(text)
    except okr.ValidationError as error:
        details = error.errors()
        line: Optional[int] = details[0]["line"]
        path: str = details[0]["path"]
        print(line, path)
        return details
    except okr.OkrError:
        raise
    return []


def sentence() -> Optional[float]:
    parsed: okr.ParsedKeyResult = okr.parse_key_result("Cut latency from 800 ms to 200 ms")
    change = parsed["change"]
    if change is not None:
        return change["amount"]
    return parsed["target"]


def version() -> str:
    return okr.__version__
