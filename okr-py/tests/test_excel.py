"""okr.read_excel reads the table layout from a spreadsheet, as `okr import OKRS.xlsx` does."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import okr

ROOT = Path(__file__).resolve().parents[2]
# Written by okr-core/tests/fixtures/tables/make_xlsx.py from the two example CSV files, with
# numbers as number cells and dates as date cells.
WORKBOOK = ROOT / "okr-core" / "tests" / "fixtures" / "tables" / "okrs.xlsx"


def test_a_workbook_reads_as_the_csv_files_it_was_written_from() -> None:
    from_csv = okr.read_csv(ROOT / "examples" / "okrs.csv", check_ins=ROOT / "examples" / "okrs-check-ins.csv")
    from_xlsx = okr.read_excel(WORKBOOK)
    assert from_xlsx.to_dict() == from_csv.to_dict()
    # The check-ins came from the second sheet, found by its name.
    assert from_xlsx.to_pandas("check_ins").shape[0] == sum(1 for _ in open(ROOT / "examples" / "okrs-check-ins.csv")) - 1


def test_a_file_object_and_a_named_sheet_read_alike() -> None:
    by_object = okr.read_excel(io.BytesIO(WORKBOOK.read_bytes()), sheet="OKRs", check_ins_sheet="check_ins")
    assert by_object.to_dict() == okr.read_excel(WORKBOOK).to_dict()


def test_a_missing_sheet_names_the_sheets_there_are() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.read_excel(WORKBOOK, sheet="Q3")
    message = caught.value.errors()[0]["msg"]
    assert "`Q3`" in message and "OKRs" in message and "check_ins" in message


def test_bytes_that_are_not_a_spreadsheet_say_what_to_do() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.read_excel(io.BytesIO(b"objective_id,objective_title\nO1,Grow\n"))
    assert "export the sheet as CSV" in caught.value.errors()[0]["msg"]


VENDORS = ROOT / "okr-core" / "tests" / "fixtures" / "vendors"


def test_okr_tracker_key_results_score_as_the_api_computed_them() -> None:
    import json

    doc = okr.read_vendor(VENDORS / "okr-tracker-key-results.json", "okr-tracker")
    assert doc.objective_ids == ["obj-permits", "O2"]
    api = json.loads((VENDORS / "okr-tracker-key-results.json").read_text(encoding="utf-8"))
    report = doc.score("2025-03-05")
    # okr-tracker computes each key result's progression itself; okr's score must agree.
    for item in api:
        if item.get("archived"):
            assert item["id"] not in doc.key_result_ids
            continue
        assert report.key_result(item["id"]).score == pytest.approx(item["progression"])


def test_betterworks_sheet_reads_alike_as_csv_and_workbook() -> None:
    from_csv = okr.read_vendor(VENDORS / "betterworks-okr-upload.csv", "betterworks")
    assert from_csv.objective_ids == ["O1", "O2"]
    with open(VENDORS / "betterworks-okr-upload.xlsx", "rb") as workbook:
        assert okr.read_vendor(workbook, "betterworks").to_dict() == from_csv.to_dict()
    # A file object without a name: the bytes say it is a workbook.
    unnamed = io.BytesIO((VENDORS / "betterworks-okr-upload.xlsx").read_bytes())
    assert okr.read_vendor(unnamed, "betterworks").to_dict() == from_csv.to_dict()


def test_vendor_mistakes_are_errors_with_their_place() -> None:
    with pytest.raises(okr.ValidationError) as caught:
        okr.read_vendor(io.BytesIO(b'[\n {"id": "a", "name": "Grow",\n  "objective": "Win", "startValue": "ten", "targetValue": 5}\n]'), "okr-tracker")
    assert [(e["line"], e["path"]) for e in caught.value.errors()] == [(3, "[0].startValue")]
    with pytest.raises(ValueError, match="okr-tracker"):
        okr.read_vendor(VENDORS / "betterworks-okr-upload.csv", "perdoo")  # type: ignore[arg-type]
