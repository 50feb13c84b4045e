"""XLSX / XLSM reader (openpyxl, read-only, cached values).

Every worksheet is one table. Cells are rendered as the text a person would
type: dates as ISO strings, whole numbers without ``.0``. The declared sheet
dimension is ignored because some generators write a wrong one, which makes
read-only mode silently drop rows; the table is instead trimmed to the cells
actually used and padded to a rectangle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import openpyxl

from ._text import clean_cell, describe, drop_trailing_empty
from .model import RawRow, RawTable, ReaderError

# Beyond 2**53 a float no longer holds every integer: printing 3.2081919601234e+17
# as "320819196012340000" would fake digits of an ID number that Excel already lost.
_EXACT_INT_LIMIT = 2**53


def read_xlsx(path: Path) -> list[RawTable]:
    """Read every worksheet of a workbook as a table (chart sheets have no cells).

    The file is passed as a handle so openpyxl does not reject a workbook
    whose extension is wrong (read_tables sniffs ``PK`` content).
    """
    with path.open("rb") as handle:
        try:
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # zipfile, XML and openpyxl errors all mean "cannot open"
            raise ReaderError(path, None, f"not a readable workbook ({describe(exc)})") from exc
        try:
            return [_sheet_table(path, sheet) for sheet in workbook.worksheets]
        finally:
            workbook.close()


def _sheet_table(path: Path, sheet: Any) -> RawTable:
    """One worksheet -> RawTable; errors while streaming rows name the sheet."""
    try:
        sheet.reset_dimensions()
        values = [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as exc:
        raise ReaderError(path, f"sheet {sheet.title!r}", describe(exc)) from exc
    width = max((_used_width(r) for r in values), default=0)
    rows = [
        RawRow(cells=tuple(r[:width]) + ("",) * (width - len(r)), row=number)
        for number, r in enumerate(values, start=1)  # iter_rows fills gaps, so this is the sheet row
    ]
    return RawTable(source=path, format="xlsx", rows=drop_trailing_empty(rows), sheet=sheet.title)


def _used_width(cells: Iterable[str]) -> int:
    """Number of columns up to and including the last non-empty cell."""
    width = 0
    for position, text in enumerate(cells, start=1):
        if text:
            width = position
    return width


def cell_text(value: Any) -> str:
    """Render a cached cell value as text.

    Dates -> ``YYYY-MM-DD`` (datetimes with a time part -> ISO datetime),
    whole floats -> no ``.0`` (below 2**53), other floats -> shortest round-trip repr,
    booleans -> ``TRUE``/``FALSE`` as Excel shows them.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < _EXACT_INT_LIMIT else repr(value)
    return clean_cell(str(value))
