"""Shapes of the plain values okr returns (``TypedDict``\\s and ``Literal`` names).

They exist for type checkers and editors: at run time the values are ordinary ``dict``\\s
and ``str``\\s.
"""

from __future__ import annotations

from typing import List, Literal, Optional, Tuple, TypedDict, Union

Color = Literal["red", "yellow", "green"]
"""Traffic-light band of a score (default bands: red < 0.4 <= yellow < 0.7 <= green)."""

Outcome = Literal["missed", "met", "exceeded"]
"""How an objective ends, judged as if the cycle ended on the report's day."""

Pace = Literal["not_started", "on_track", "at_risk", "off_track"]
"""Score against the share of the cycle elapsed."""

Kind = Literal["aspirational", "committed"]
"""Whether an objective is a stretch goal or a promise."""

Direction = Literal["increase", "decrease", "maintain", "achieve"]
"""Which way a key-result sentence moves its number."""

Bound = Literal["at_most", "at_least"]
"""A bound a key-result sentence sets ("under 800 ms", "at least 40%")."""


class ErrorDetail(TypedDict):
    """One problem of a ``ValidationError``, with pydantic's keys (``type``, ``loc``,
    ``msg``) beside okr's own (``path``, ``message``)."""

    type: str
    """Stable kind of problem, e.g. ``unknown_reference`` or ``not_a_date`` (docs/errors.md)."""
    loc: Tuple[Union[str, int], ...]
    """The path as keys and list indexes: ``("objectives", 3, "owner")``."""
    msg: str
    """Same as ``message``."""
    path: str
    """Where, e.g. ``objectives[3].key_results[1].metric.target`` ("" for the whole document)."""
    line: Optional[int]
    """1-based line in the text, when known (None for documents from ``from_dict``)."""
    id: Optional[str]
    """Id of the objective, key result, team… the problem is about, when it has one."""
    message: str
    """What is wrong and what to do about it."""


class KeyResultScoreDict(TypedDict):
    """``KeyResultScore.to_dict()``."""

    id: Optional[str]
    title: str
    owner: Optional[str]
    score: Optional[float]
    attainment: Optional[float]
    color: Optional[Color]
    current: Optional[float]
    forecast: Optional[float]
    confidence: Optional[float]


class ObjectiveScoreDict(TypedDict):
    """``ObjectiveScore.to_dict()``."""

    id: str
    title: str
    owner: Optional[str]
    cycle: Optional[str]
    kind: Kind
    score: Optional[float]
    color: Optional[Color]
    outcome: Optional[Outcome]
    expected: Optional[float]
    pace: Optional[Pace]
    key_results: List[KeyResultScoreDict]


class ScoreReportDict(TypedDict):
    """``ScoreReport.to_dict()``: the shape of ``okr score --format json``."""

    as_of: str
    objectives: List[ObjectiveScoreDict]


class Change(TypedDict):
    """A relative or absolute change in a key-result sentence ("by 15%")."""

    amount: float
    percent: bool


class ParsedKeyResult(TypedDict):
    """What ``okr.parse_key_result`` reads from a sentence."""

    direction: Optional[Direction]
    verb: Optional[str]
    metric: Optional[str]
    baseline: Optional[float]
    target: Optional[float]
    unit: Optional[str]
    change: Optional[Change]
    bound: Optional[Bound]
    deadline: Optional[str]
    has_number: bool


Severity = Literal["error", "warning", "info"]
"""How serious a lint finding is (error = not an OKR as written; info = a coaching hint)."""

Category = Literal["structure", "keyresult", "objective", "alignment", "tracking", "meta"]
"""What part of OKR practice a lint rule is about."""


class DiagnosticDict(TypedDict):
    """One lint finding as a dict (``Diagnostic.to_dict()``)."""

    code: str
    rule: str
    severity: Severity
    message: str
    help: str
    path: str
    id: Optional[str]
    line: Optional[int]


class RuleInfo(TypedDict):
    """One lint rule (``okr.rules()``)."""

    code: str
    name: str
    severity: Severity
    category: Category
    summary: str
    precision: Optional[float]
    """Share of the OKRs it fired on that their public source calls bad (None: never fired)."""
    precision_firings: Optional[int]
    corpus_size: int


class LintConfigDict(TypedDict, total=False):
    """Linter settings (the keys of an ``okr.toml`` ``[lint]`` table)."""

    select: List[str]
    ignore: List[str]
    severity: dict[str, Severity]
    thresholds: dict[str, float]
    strict: bool


class PointsLostDict(TypedDict):
    """Points one rule cost an objective's quality."""

    code: str
    points: int


class ObjectiveQualityDict(TypedDict):
    """One objective's quality (``Document.quality``): 100 minus the points its findings cost."""

    id: str
    quality: int
    """0–100; each finding costs 20 (error), 10 (warning) or 2 (info)."""
    lost: List[PointsLostDict]
