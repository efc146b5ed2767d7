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
