"""Errors: ValidationError with every located problem, OSError for files, TypeError for
arguments, and never a panic whatever the input."""

from __future__ import annotations

import os
import pickle
import random
from pathlib import Path
from typing import Any, Callable

import pytest

import okr
from conftest import ACME, SMALL

DUPLICATE = """\
objectives:
  - id: O1
    title: A
  - id: O1
    title: B
"""


def errors_of(call: Callable[[], object]) -> list[okr.ErrorDetail]:
    with pytest.raises(okr.ValidationError) as caught:
        call()
    return caught.value.errors()


def test_duplicate_id_is_located() -> None:
    [problem] = errors_of(lambda: okr.loads(DUPLICATE))
    assert problem["path"] == "objectives[1].id"
    assert problem["line"] == 4
    assert problem["id"] == "O1"
    assert "duplicate id" in problem["message"]
    assert problem["type"] == "duplicate_id"
    assert problem["loc"] == ("objectives", 1, "id")
    assert problem["msg"] == problem["message"]
    assert list(problem) == ["type", "loc", "msg", "path", "line", "id", "message"]


def test_impossible_date_is_located() -> None:
    text = SMALL.replace("end: 2026-09-30", "end: 2026-02-30")
    problems = errors_of(lambda: okr.loads(text))
    assert problems[0]["path"] == "cycles[0].end"
    assert problems[0]["line"] == 2
    assert problems[0]["type"] == "not_a_date"


def test_nan_is_located_in_yaml_and_in_dicts() -> None:
    text = SMALL.replace("metric: { start: 10, target: 20, current: 15 }", "metric: { start: 10, target: .nan }")
    [problem] = errors_of(lambda: okr.loads(text))
    assert problem["path"] == "objectives[0].key_results[0].metric.target"
    assert problem["line"] == 12
    assert "finite" in problem["message"]

    data = okr.loads(SMALL).to_dict()
    data["objectives"][0]["key_results"][0]["metric"]["target"] = float("nan")
    data["objectives"][1]["key_results"][0]["threshold"]["current"] = float("-inf")
    problems = errors_of(lambda: okr.from_dict(data))
    assert [p["path"] for p in problems] == [
        "objectives[0].key_results[0].metric.target",
        "objectives[1].key_results[0].threshold.current",
    ]
    assert all(p["line"] is None for p in problems)  # a dict has no lines


def test_every_problem_is_reported_in_reading_order() -> None:
    text = """\
teams:
  - { id: acme }
objectives:
  - id: O1
    title: A
    owner: ghost
  - id: O2
    title: B
    aligns_to: O9
    key_results:
      - id: O1
        title: Raise x from 5 to 5
        metric: { start: 5, target: 5 }
"""
    with pytest.raises(okr.ValidationError) as caught:
        okr.loads(text)
    problems = caught.value.errors()
    assert len(problems) >= 4
    lines = [p["line"] for p in problems]
    assert lines == sorted(lines)  # reading order
    paths = {p["path"] for p in problems}
    assert {"objectives[0].owner", "objectives[1].aligns_to"} <= paths
    assert any(p["path"].startswith("objectives[1].key_results[0].metric") for p in problems)
    message = str(caught.value)
    assert message.startswith(f"{len(problems)} problems in the document:")
    assert "line 6: objectives[0].owner:" in message


def test_from_dict_problems_have_paths_but_no_lines() -> None:
    data: dict[str, Any] = {
        "objectives": [{"id": "O1", "title": "A"}, {"id": "O1", "title": "B", "owner": "ghost"}],
    }
    problems = errors_of(lambda: okr.from_dict(data))
    assert {p["path"] for p in problems} >= {"objectives[1].id", "objectives[1].owner"}
    assert all(p["line"] is None for p in problems)


def test_validation_error_is_a_value_error_and_an_okr_error() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.loads(DUPLICATE)
    error = caught.value
    assert isinstance(error, ValueError)
    assert isinstance(error, okr.OkrError)
    assert issubclass(okr.ValidationError, okr.OkrError)
    assert issubclass(okr.OkrError, Exception) and not issubclass(okr.OkrError, ValueError)
    try:
        okr.loads(DUPLICATE)
    except okr.OkrError as generic:
        assert generic.errors()[0]["id"] == "O1"  # type: ignore[attr-defined]
    try:
        okr.loads(DUPLICATE)
    except ValueError as plain:
        assert "duplicate id" in str(plain)
    assert type(error).__module__ == "okr._errors"
    assert okr.ValidationError.__name__ == "ValidationError"


def test_errors_returns_copies_and_survives_pickling() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.loads(DUPLICATE)
    error = caught.value
    first = error.errors()
    first[0]["message"] = "changed"
    first.clear()
    assert error.errors()[0]["message"].startswith("duplicate id")
    again = pickle.loads(pickle.dumps(error))
    assert isinstance(again, okr.ValidationError)
    assert again.errors() == error.errors()
    assert str(again) == str(error)


def test_a_validation_error_can_be_raised_by_users_too() -> None:
    error = okr.ValidationError("bad", [{"path": "x", "line": None, "id": None, "message": "m"}])
    # Keys the caller left out get their defaults: a generic kind and no loc.
    assert error.errors() == [
        {"type": "invalid_value", "loc": (), "msg": "m", "path": "x", "line": None, "id": None, "message": "m"}
    ]
    assert okr.ValidationError("bad").errors() == []


def test_missing_file_is_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(FileNotFoundError) as caught:
        okr.load(missing)
    assert caught.value.filename == str(missing)
    assert caught.value.errno is not None
    assert not isinstance(caught.value, okr.OkrError)
    with pytest.raises(IsADirectoryError):
        okr.load(tmp_path)


@pytest.mark.parametrize(
    "call",
    [
        lambda: okr.load(123),
        lambda: okr.load(None),
        lambda: okr.loads(123),
        lambda: okr.loads(["objectives: []"]),
        lambda: okr.loads("objectives: []", format=1),
        lambda: okr.from_dict("objectives: []"),
        lambda: okr.from_dict([("objectives", [])]),
        lambda: okr.parse_key_result(None),
        lambda: okr.load(ACME).score(as_of=1.5),
        lambda: okr.load(ACME).score("2026-01-01", "extra"),
    ],
)
def test_wrong_argument_types_are_type_errors(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()


def test_values_of_unsupported_types_in_dicts_name_their_path() -> None:
    with pytest.raises(TypeError, match=r"`objectives\[0\]\.title`.*set"):
        okr.from_dict({"objectives": [{"id": "O1", "title": {"a", "b"}}]})
    with pytest.raises(TypeError, match=r"`objectives\[0\]`.*str keys"):
        okr.from_dict({"objectives": [{"id": "O1", "title": "A", 3: "x"}]})


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="yaml.*json"):
        okr.loads("objectives: []", format="xml")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["", "   \n# only a comment\n", b"\xff\xfeobjectives: []", "objectives: [", "- just\n- a list\n"],
)
def test_unreadable_text_is_a_validation_error(text: str | bytes) -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.loads(text)
    assert caught.value.errors(), "at least one problem"


def test_size_limit_is_enforced_before_parsing(tmp_path: Path) -> None:
    limit = 64 * 1024 * 1024
    big = tmp_path / "big.yaml"
    with open(big, "wb") as handle:
        handle.truncate(limit + 1)  # sparse: costs no disk
    [problem] = errors_of(lambda: okr.load(big))
    assert f"over the {limit}-byte limit" in problem["message"]
    [problem] = errors_of(lambda: okr.loads("#" * (limit + 1)))
    assert "byte limit" in problem["message"]


def test_self_referencing_and_deep_dicts_are_refused() -> None:
    loop: list[Any] = []
    loop.append(loop)
    errors_of(lambda: okr.from_dict({"objectives": loop}))
    deep: dict[str, Any] = {"objectives": []}
    node = deep
    for _ in range(10_000):
        node["x"] = {}
        node = node["x"]
    errors_of(lambda: okr.from_dict(deep))


def test_alias_bombs_and_deep_nesting_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    errors_of(lambda: okr.loads(bomb))
    errors_of(lambda: okr.loads("objectives: " + "[" * 5000 + "]" * 5000))
    errors_of(lambda: okr.loads('{"objectives": ' + "[" * 5000 + "]" * 5000 + "}", format="json"))


def test_hostile_and_truncated_input_never_panics() -> None:
    """Every input either loads (and then scores and serialises) or raises ValidationError.

    A pyo3 PanicException derives from BaseException, so it would escape `except Exception`
    and fail this test."""
    text = ACME.read_text(encoding="utf-8")
    rng = random.Random(20261123)
    inputs: list[str | bytes] = [text[:cut] for cut in range(0, len(text), 211)]
    inputs += [os.urandom(0) + bytes(rng.randrange(256) for _ in range(200)) for _ in range(30)]
    inputs += ["".join(rng.choice("{}[]:,-'\"\n #&*!|>0123456789abc.") for _ in range(300)) for _ in range(60)]
    loaded = 0
    for item in inputs:
        for fmt in ("yaml", "json"):
            try:
                doc = okr.loads(item, format=fmt)  # type: ignore[arg-type]
            except okr.ValidationError:
                continue
            loaded += 1
            doc.score("2026-11-23").to_dict()
            okr.loads(doc.to_yaml())
            okr.loads(doc.to_json(), format="json")
    assert loaded > 0  # some truncations are valid documents


MIXED = """\
teams:
  - { id: web }
objectives:
  - id: O1
    title: Grow
    owner: nobody
    key_results:
      - id: K1
        title: Raise NPS
        metric: { start: 30, target: 30 }
        check_ins:
          - { date: 2026-02-30, value: 31 }
  - id: O2
    title: Keep
    owner: web
    weight: -1
"""


def test_type_errors_do_not_hide_other_problems() -> None:
    # A bad date (a type error) and three rule violations elsewhere: all in one pass.
    found = [(p["path"], p["line"]) for p in errors_of(lambda: okr.loads(MIXED))]
    assert found == [
        ("objectives[0].owner", 6),
        ("objectives[0].key_results[0].metric.target", 10),
        ("objectives[0].key_results[0].check_ins[0].date", 12),
        ("objectives[1].weight", 16),
    ]


def test_a_misspelled_field_is_an_error_with_a_suggestion() -> None:
    [problem] = errors_of(lambda: okr.loads("objetives:\n  - id: O1\n    title: Grow\n"))
    assert problem["path"] == "objetives"
    assert "did you mean `objectives`" in problem["message"]
