"""Data model shared by all readers.

Readers turn a file into raw tables of strings and nothing more: they know file
formats, not what a table means. Every row keeps an anchor (row number, page,
sheet, table index, JSON path) so that anything an extractor derives from it can
be traced back to the exact place in the source file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class RawRow:
    """One row of cell texts plus its position in the source.

    ``cells`` are stripped strings; missing values are ``""``; ``"\\r\\n"`` and
    ``"\\r"`` are normalised to ``"\\n"`` (PDF cells keep their internal line
    breaks); non-breaking spaces become plain spaces.

    ``row`` is 1-based and format-specific, chosen so a person can find it:
    CSV: physical line number where the record starts; XLSX: sheet row number;
    HTML: index of the ``<tr>`` within its table; PDF: row within the extracted
    table; JSON: index in the record array (JSON Lines: line number).
    JSON tables start with a synthesised header row whose ``row`` is 0, because
    it does not exist in the file.
    """

    cells: tuple[str, ...]
    row: int
    page: int | None = None  # PDF page, 1-based
    #: PDF only: the row's box on its page in PDF points, (x0, top, x1, bottom) from the
    #: page's top-left corner (pdfplumber's coordinates), so a viewer can outline the row.
    #: Not part of equality: two readings of the same cells are the same row.
    bbox: tuple[float, float, float, float] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RawTable:
    """A table as found in a file: rows of strings, no interpretation.

    ``index`` is the 1-based number of the table within its container:
    the file for CSV, HTML and JSON; the sheet for XLSX (always 1); the page
    for PDF. ``encoding`` is the text encoding actually used (CSV, HTML, JSON).
    ``json_path`` says where the record array was found (``""`` = top level).
    """

    source: Path
    format: str  # "csv" | "xlsx" | "html" | "pdf" | "json"
    rows: tuple[RawRow, ...]
    sheet: str | None = None
    index: int = 1
    encoding: str | None = None
    json_path: str | None = None


class ReaderError(Exception):
    """One clear message naming the file and the place (line, sheet, page, byte offset).

    ``str(e)`` is ``"{path}: {place}: {message}"``, or ``"{path}: {message}"``
    when there is no meaningful place (e.g. an empty file).
    """

    def __init__(self, path: Path, place: str | None, message: str) -> None:
        super().__init__(path, place, message)  # keeps the error picklable
        self.path = Path(path)
        self.place = place
        self.message = message

    def __str__(self) -> str:
        if self.place:
            return f"{self.path}: {self.place}: {self.message}"
        return f"{self.path}: {self.message}"
