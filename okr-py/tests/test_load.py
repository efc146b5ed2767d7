"""Reading documents: okr.load / loads / from_dict, and writing them back losslessly."""

from __future__ import annotations

import datetime
import json
import pickle
from pathlib import Path

import pytest

import okr
from conftest import ACME, SMALL

# Unknown fields at every level of the format, including nested and odd values.
WITH_EXTRAS = """\
schema_version: 3
cycles:
  - { id: Q3, start: 2026-07-01, end: 2026-09-30, fiscal: FY27 }
teams:
  - { id: acme, name: ACME, slack: "#acme" }
people:
  - { id: mia, name: Mia, team: acme, email: mia@example.com }
objectives:
  - id: O1
    title: Grow
    owner: acme
    jira: { epic: OKR-1, labels: [growth, q3], estimate: 2.5, blocked: false, note: null }
    key_results:
      - id: KR1
        title: Raise signups from 10 to 20
        metric: { start: 10, target: 20, source: looker }
        dashboard: https://example.com/d/1
        check_ins:
          - { date: 2026-07-15, value: 12, confidence: 0.6, author: mia }
      - "Lift awareness from 10% to 25%"
history:
  - { objective: O1, cycle: Q2, score: 0.7, reviewed_by: ana }
"""


def test_load_from_str_and_pathlike_paths() -> None:
    by_str = okr.load(str(ACME))
    by_path = okr.load(ACME)
    assert by_str == by_path
    # examples/acme.yaml: 13 objectives; the first is the company's C1.
    assert len(by_path.objective_ids) == 13
    assert by_path.objective_ids[0] == "C1"
    assert "C1-KR1" in by_path.key_result_ids


def test_load_json_file_and_unknown_extension(tmp_path: Path) -> None:
    doc = okr.load(ACME)
    as_json = tmp_path / "acme.json"
    as_json.write_text(doc.to_json(), encoding="utf-8")
    assert okr.load(as_json) == doc
    # No telling extension: JSON is recognised by its content, and so is YAML.
    sniffed_json = tmp_path / "acme.okr"
    sniffed_json.write_text(doc.to_json(), encoding="utf-8")
    assert okr.load(sniffed_json) == doc
    sniffed_yaml = tmp_path / "acme.txt"
    sniffed_yaml.write_text(ACME.read_text(encoding="utf-8"), encoding="utf-8")
    assert okr.load(sniffed_yaml) == doc
    # An explicit format wins over the extension.
    misnamed = tmp_path / "acme.yaml.bak.json"
    misnamed.write_text(ACME.read_text(encoding="utf-8"), encoding="utf-8")
    assert okr.load(misnamed, format="yaml") == doc


def test_loads_text_bytes_and_formats() -> None:
    doc = okr.loads(SMALL)
    assert doc.objective_ids == ["O1", "O2"]
    assert doc.key_result_ids == ["KR1", "KR2", "KR3", "KR4"]  # the bare sentence has no id
    assert okr.loads(SMALL.encode("utf-8")) == doc
    assert okr.loads("\ufeff" + SMALL) == doc  # a byte-order mark is skipped
    as_json = doc.to_json()
    assert okr.loads(as_json, format="json") == doc
    assert okr.loads(as_json, format=None) == doc  # sniffed
    assert okr.loads(as_json) == doc  # YAML reads JSON too


def test_loads_takes_the_format_from_the_name_when_none_is_given() -> None:
    # YAML text under a .json name is read as JSON, and fails as JSON does (line 1).
    with pytest.raises(okr.ValidationError) as caught:
        okr.loads(SMALL, format=None, name="okrs.json")
    assert caught.value.errors()[0]["type"] == "syntax_error"
    assert okr.loads(SMALL.encode("utf-8"), format=None, name="okrs.YML") == okr.loads(SMALL)
    # A given format wins over the name.
    assert okr.loads(SMALL, format="yaml", name="okrs.json") == okr.loads(SMALL)


def test_from_dict_accepts_plain_values_and_dates() -> None:
    doc = okr.from_dict(
        {
            "cycles": [
                {"id": "Q3", "start": datetime.date(2026, 7, 1), "end": "2026-09-30"},
            ],
            "objectives": [
                {
                    "id": "O1",
                    "title": "Grow",
                    "key_results": (
                        {
                            "id": "KR1",
                            "title": "Raise signups from 10 to 20",
                            "metric": {"start": 10, "target": 20},
                            "check_ins": [
                                # a datetime counts as its day
                                {"date": datetime.datetime(2026, 7, 15, 9, 30), "value": 15},
                            ],
                        },
                        "Lift awareness from 10% to 25%",
                    ),
                }
            ],
        }
    )
    data = doc.to_dict()
    assert data["cycles"][0]["start"] == "2026-07-01"
    assert data["objectives"][0]["key_results"][0]["check_ins"][0]["date"] == "2026-07-15"
    assert data["objectives"][0]["key_results"][1] == "Lift awareness from 10% to 25%"
    # (15 - 10) / (20 - 10) = 0.5 once the check-in counts.
    assert doc.score("2026-08-01").key_result("KR1").score == pytest.approx(0.5)


def test_from_dict_round_trips_to_dict_and_json_load() -> None:
    doc = okr.load(ACME)
    assert okr.from_dict(doc.to_dict()) == doc
    assert okr.from_dict(json.loads(doc.to_json())) == doc


def test_from_dict_takes_any_mapping_and_numpy_like_numbers() -> None:
    class Numberish:
        """Stands in for NumPy scalars: a number by protocol, not by type."""

        def __init__(self, value: float) -> None:
            self.value = value

        def __float__(self) -> float:
            return self.value

    from types import MappingProxyType

    doc = okr.from_dict(
        MappingProxyType(
            {
                "objectives": [
                    {
                        "id": "O1",
                        "title": "Grow",
                        "key_results": [
                            {
                                "id": "KR1",
                                "title": "Raise x from 10 to 20",
                                "metric": {"start": 10, "target": Numberish(20.0), "current": 12.5},
                            }
                        ],
                    }
                ]
            }
        )
    )
    # (12.5 - 10) / (20 - 10) = 0.25
    assert doc.score("2026-01-01").key_result("KR1").score == pytest.approx(0.25)


def test_unknown_fields_survive_yaml_and_json_round_trips() -> None:
    doc = okr.loads(WITH_EXTRAS)
    again_yaml = okr.loads(doc.to_yaml())
    again_json = okr.loads(doc.to_json(), format="json")
    assert again_yaml == doc
    assert again_json == doc
    for data in (again_yaml.to_dict(), again_json.to_dict(), json.loads(doc.to_json())):
        assert data["schema_version"] == 3
        assert data["cycles"][0]["fiscal"] == "FY27"
        assert data["teams"][0]["slack"] == "#acme"
        assert data["people"][0]["email"] == "mia@example.com"
        objective = data["objectives"][0]
        assert objective["jira"] == {
            "epic": "OKR-1",
            "labels": ["growth", "q3"],
            "estimate": 2.5,
            "blocked": False,
            "note": None,
        }
        assert list(objective["jira"]) == ["epic", "labels", "estimate", "blocked", "note"]
        kr = objective["key_results"][0]
        assert kr["dashboard"] == "https://example.com/d/1"
        assert kr["metric"]["source"] == "looker"
        assert kr["check_ins"][0]["author"] == "mia"
        assert objective["key_results"][1] == "Lift awareness from 10% to 25%"
        assert data["history"][0]["reviewed_by"] == "ana"
    assert "dashboard: https://example.com/d/1" in doc.to_yaml()


def test_document_is_read_only_value() -> None:
    doc = okr.loads(SMALL)
    assert repr(doc) == "<okr.Document: 2 objectives, 5 key results, 1 cycle, 1 team>"
    with pytest.raises(AttributeError):
        doc.objective_ids = []  # type: ignore[misc]
    with pytest.raises(TypeError):
        okr.Document()  # type: ignore[call-arg]
    assert doc != okr.load(ACME)
    assert (doc == "not a document") is False


def test_document_keeps_the_text_it_was_read_from(tmp_path: Path) -> None:
    assert okr.loads(SMALL).source == SMALL
    assert okr.loads(SMALL.encode("utf-8")).source == SMALL
    assert okr.load(ACME).source == ACME.read_text(encoding="utf-8")
    doc = okr.loads(SMALL)
    assert okr.from_dict(doc.to_dict()).source is None
    # Equality is about content, not about the text it came from.
    assert okr.loads(doc.to_json(), format="json") == doc


def test_document_pickles_with_its_source() -> None:
    doc = okr.loads(WITH_EXTRAS)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    assert again.source == WITH_EXTRAS
    assert again.to_yaml() == doc.to_yaml()
    built = okr.from_dict(doc.to_dict())
    assert pickle.loads(pickle.dumps(built)) == doc  # through the JSON text


def test_threads_share_a_document() -> None:
    from concurrent.futures import ThreadPoolExecutor

    doc = okr.load(ACME)
    expected = doc.score("2026-11-23").to_dict()
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: doc.score("2026-11-23").to_dict(), range(16)))
        texts = list(pool.map(lambda _: doc.to_yaml(), range(8)))
    assert all(result == expected for result in results)
    assert len(set(texts)) == 1


def test_one_version_for_the_wheel_and_the_crates() -> None:
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text(encoding="utf-8")
    workspace = cargo[cargo.index("[workspace.package]"):]
    version = next(line.split('"')[1] for line in workspace.splitlines() if line.startswith("version = "))
    assert okr.__version__ == version
