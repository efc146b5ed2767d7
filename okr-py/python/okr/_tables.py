"""Tables in and out: ``okr.read_csv``, ``okr.read_excel``, ``okr.from_pandas`` and
``Document.to_pandas``.

All three go through the core's CSV layout (``docs/tables.md``), so they read and write
exactly what ``okr import`` and ``okr export --to csv`` do.
"""

from __future__ import annotations

import datetime
import io
import os
import warnings
from typing import IO, TYPE_CHECKING, Any, Literal, Mapping, Optional, Tuple, Union

from . import _okr

if TYPE_CHECKING:
    import pandas

Source = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]
_Day = Union[datetime.date, str]

#: The objective's columns of the key-results table.
OBJECTIVE_COLUMNS = ["objective_id", "objective_title", "owner", "cycle", "cycle_start", "cycle_end", "kind", "aligns_to"]


def _text(source: Source) -> str:
    read = getattr(source, "read", None)
    if read is None:
        with open(os.fspath(source), encoding="utf-8", newline="") as file:  # type: ignore[arg-type]
            return file.read()
    data = read()
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def _bytes(source: Union[str, "os.PathLike[str]", IO[bytes]]) -> Tuple[str, bytes]:
    """The name (empty for an unnamed file object) and the bytes of a path or binary file."""
    read = getattr(source, "read", None)
    if read is None:
        name = os.fspath(source)  # type: ignore[arg-type]
        with open(name, "rb") as file:
            return str(name), file.read()
    return str(getattr(source, "name", "")), bytes(read())


def read_csv(
    path: Source,
    check_ins: Optional[Source] = None,
    mapping: Optional[Mapping[str, str]] = None,
    cycle: Optional[Tuple[str, _Day, _Day]] = None,
) -> _okr.Document:
    """Reads OKRs from a CSV table, one row per key result (the layout of ``okr import``).

    ``check_ins`` is an optional second table (``key_result_id, date, value, confidence,
    note``); ``mapping`` reads other column names as layout columns (``{"Objective":
    "objective_title"}``); ``cycle`` is ``(id, start, end)`` for rows that name none. Raises
    ``okr.ValidationError`` listing every bad cell, with its line and column (``path``).
    """
    key_results = _text(path)
    extra = _text(check_ins) if check_ins is not None else None
    return _okr._read_csv_text(key_results, extra, list((mapping or {}).items()), cycle)


def read_excel(
    path: Union[str, "os.PathLike[str]", IO[bytes]],
    sheet: Optional[str] = None,
    check_ins_sheet: Optional[str] = None,
    mapping: Optional[Mapping[str, str]] = None,
    cycle: Optional[Tuple[str, _Day, _Day]] = None,
) -> _okr.Document:
    """Reads OKRs from a spreadsheet (``.xlsx``, ``.xlsm``, ``.xls`` or ``.ods``) in the layout
    of ``read_csv``, as ``okr import OKRS.xlsx`` does; no pandas or openpyxl needed.

    The key results come from ``sheet`` (default: the first sheet), check-ins from
    ``check_ins_sheet`` (default: a sheet named ``check_ins``, if there is one). Date cells
    and ``YYYY-MM-DD`` text are both read as days. Raises ``okr.ValidationError`` listing
    every bad cell with its row (``line``) and column (``path``).
    """
    _, data = _bytes(path)
    return _okr._read_spreadsheet_bytes(data, sheet, check_ins_sheet, list((mapping or {}).items()), cycle)


_SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")


def read_vendor(
    path: Union[str, "os.PathLike[str]", IO[bytes]],
    layout: Literal["okr-tracker", "betterworks"],
    sheet: Optional[str] = None,
    mapping: Optional[Mapping[str, str]] = None,
    cycle: Optional[Tuple[str, _Day, _Day]] = None,
) -> _okr.Document:
    """Reads another tool's export in the layout its maker documents, as
    ``okr import --from LAYOUT`` does (``docs/vendors.md``).

    ``"okr-tracker"``: the okr-tracker REST API's key results, saved as JSON.
    ``"betterworks"``: a Betterworks OKR upload sheet, as CSV or a spreadsheet (``sheet``
    names the sheet; default the first). ``mapping`` reads other column names, ``cycle`` is
    ``(id, start, end)`` for objectives without dates. Raises ``okr.ValidationError``
    listing every problem with its line and path (JSON) or column (sheets).
    """
    name, data = _bytes(path)
    # A workbook is a zip (.xlsx, .ods) or an OLE file (.xls); a file object may have no name.
    spreadsheet = name.lower().endswith(_SPREADSHEETS) or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
    return _okr._read_vendor(layout, data, spreadsheet, sheet, list((mapping or {}).items()), cycle)


def read_markdown(path: Source) -> _okr.Document:
    """Reads OKRs published as Markdown (the layouts of ``okr import OKRS.md``).

    Headings per cycle (``## Q3 2026``) with a heading per objective and a bullet per key
    result, or a table whose bold rows are objectives. Sections skipped (a cycle that only
    links elsewhere) are reported as ``UserWarning``\\s; no objective at all is an ``OkrError``.
    """
    document, notes = _okr._read_markdown_text(_text(path))
    for note in notes:
        warnings.warn(note, UserWarning, stacklevel=2)
    return document


def _csv(frame: "pandas.DataFrame") -> str:
    return str(frame.to_csv(index=False))


def from_pandas(
    objectives: "pandas.DataFrame",
    key_results: Optional["pandas.DataFrame"] = None,
    check_ins: Optional["pandas.DataFrame"] = None,
    mapping: Optional[Mapping[str, str]] = None,
    cycle: Optional[Tuple[str, _Day, _Day]] = None,
) -> _okr.Document:
    """Builds a document from DataFrames with the columns of the table layout.

    ``objectives`` has one row per objective (or per key result, with both kinds of columns);
    ``key_results`` names each row's objective in ``objective_id``; ``check_ins`` has
    ``key_result_id, date, value, confidence, note``. NaN and None are read as missing.
    """
    table = objectives
    if key_results is not None:
        table = objectives.merge(key_results, on="objective_id", how="left", suffixes=("", "_kr"))
    extra = _csv(check_ins) if check_ins is not None else None
    return _okr._read_csv_text(_csv(table), extra, list((mapping or {}).items()), cycle)


def document_frame(document: _okr.Document, table: str = "key_results") -> "pandas.DataFrame":
    """``Document.to_pandas(table)``: the document's tables as DataFrames."""
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - pandas is a test dependency
        raise ImportError("Document.to_pandas() needs pandas, which is not installed: pip install pandas") from error
    key_results, check_ins = document.to_csv()
    text = {"key_results": key_results, "objectives": key_results, "check_ins": check_ins}
    if table == "history":
        rows: Any = document.to_dict().get("history", [])
        return pandas.DataFrame(rows, columns=["objective", "cycle", "score"])
    if table not in text:
        raise ValueError(f"table must be one of key_results, objectives, check_ins, history; not {table!r}")
    # Ids and titles stay text; the numbers are read as numbers.
    strings = {c: "string" for c in OBJECTIVE_COLUMNS + ["key_result_id", "key_result_title", "kr_owner", "measure", "unit", "milestones", "note"]}
    frame = pandas.read_csv(io.StringIO(text[table]), dtype=strings)
    if table == "objectives":
        frame = frame[OBJECTIVE_COLUMNS].drop_duplicates("objective_id").reset_index(drop=True)
    if table == "check_ins":
        frame["date"] = pandas.to_datetime(frame["date"])
    return frame
