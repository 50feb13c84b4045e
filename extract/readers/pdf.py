"""PDF reader (pdfplumber): ruled tables per page, plus plain page text.

Annual reports and court notices put their tables on ruled grids, so the
default "lines" strategy is used. Text-aligned tables can be tried with
``text_fallback=True`` on pages where no ruled table is found; it is opt-in
because it turns ordinary paragraphs into spurious "tables".
Broken files (truncated downloads, HTML error pages saved as ``.pdf``) raise
:class:`ReaderError` instead of pdfminer's assorted exceptions.

Every row keeps its box on the page (``RawRow.bbox``). Extractors build anchors from
the page, table and row only, so the boxes of the files read most recently are also
kept here (:func:`row_box`), for the extraction context to attach to each record.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pdfplumber

from ._text import clean_cell, describe, normalise_text
from .model import RawRow, RawTable, ReaderError
from .pdf_layout import borderless_tables

TEXT_TABLE_SETTINGS: dict[str, Any] = {"vertical_strategy": "text", "horizontal_strategy": "text"}

Box = tuple[float, float, float, float]
#: (resolved path, size, mtime) -> {(page, table, row): box}, for the last few PDFs read.
_BOXES: OrderedDict[tuple[str, int, int], dict[tuple[int, int, int], Box]] = OrderedDict()
_BOXES_KEPT = 8

_T = TypeVar("_T")


def read_pdf(path: Path, *, text_fallback: bool = False, borderless: bool = False,
             pages: Collection[int] | None = None) -> list[RawTable]:
    """Extract the tables of every page (or only the 1-based ``pages`` given).

    ``borderless``: tables drawn without rules (outside the ruled ones) are read too, from
    the positions of their words (:mod:`.pdf_layout`), wrapped cells kept whole; tables
    are then numbered from the top of the page.

    ``index`` of each table is its number within its page; every row carries
    the page number.
    """
    tables: list[RawTable] = []
    with open_pdf(path) as pdf:
        for number in _page_numbers(path, len(pdf.pages), pages):
            found = on_page(path, pdf, number, lambda page: _page_tables(page, text_fallback, borderless))
            tables.extend(_table(path, grid, number, index, boxes)
                          for index, (grid, boxes) in enumerate(found, start=1))
    _remember_boxes(path, tables)
    return tables


def row_box(path: Path, page: int, table: int, row: int) -> Box | None:
    """The box of a row of a PDF read by :func:`read_pdf` in this process (None if unknown)."""
    key = _file_key(path)
    return _BOXES.get(key, {}).get((page, table, row)) if key else None


def _file_key(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns


def _remember_boxes(path: Path, tables: list[RawTable]) -> None:
    key = _file_key(path)
    if key is None:
        return
    _BOXES[key] = {(r.page, t.index, r.row): r.bbox for t in tables for r in t.rows
                   if r.bbox is not None and r.page is not None}
    _BOXES.move_to_end(key)
    while len(_BOXES) > _BOXES_KEPT:
        _BOXES.popitem(last=False)


def pdf_text_pages(path: Path) -> list[str]:
    """Plain text of each page (item ``i`` is page ``i + 1``), for text-based extractors."""
    with open_pdf(path) as pdf:
        return [
            normalise_text(on_page(path, pdf, number, lambda page: page.extract_text() or ""))
            for number in range(1, len(pdf.pages) + 1)
        ]


@contextmanager
def open_pdf(path: Path) -> Iterator[Any]:
    """Open with pdfplumber, closing the file afterwards; unreadable or page-less -> ReaderError."""
    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise ReaderError(path, None, f"not a readable PDF ({describe(exc)})") from exc
    try:
        try:
            page_count = len(pdf.pages)
        except Exception as exc:
            raise ReaderError(path, None, f"cannot read the page tree ({describe(exc)})") from exc
        if not page_count:
            raise ReaderError(path, None, "PDF has no pages")
        yield pdf
    finally:
        _close(pdf)


def _close(pdf: Any) -> None:
    """Close a PDF; closing walks the page tree again, and a broken tree fails there a
    second time: the error already raised (or none) is the one to report."""
    try:
        pdf.close()
    except Exception:  # noqa: BLE001 - see above
        pdf.stream.close()


def on_page(path: Path, pdf: Any, number: int, work: Callable[[Any], _T]) -> _T:
    """Run ``work`` on 1-based page ``number``, naming the page if it fails; frees the page's caches."""
    page = pdf.pages[number - 1]
    try:
        return work(page)
    except Exception as exc:
        raise ReaderError(path, f"page {number}", describe(exc)) from exc
    finally:
        page.close()


def _page_numbers(path: Path, count: int, wanted: Collection[int] | None) -> list[int]:
    """All page numbers, or the requested ones sorted; out-of-range requests are errors."""
    if wanted is None:
        return list(range(1, count + 1))
    missing = sorted(n for n in set(wanted) if not 1 <= n <= count)
    if missing:
        raise ReaderError(path, f"page {missing[0]}", f"no such page (the PDF has {count})")
    return sorted(set(wanted))


def _page_tables(page: Any, text_fallback: bool,
                 borderless: bool = False) -> list[tuple[list[list[str | None]], list[Box | None]]]:
    """Each table's cells (as ``page.extract_tables``) and its rows' boxes."""
    tables = page.find_tables()
    if borderless and page.chars:
        ruled = [(table.bbox, table.extract(), [_box(row.bbox) for row in table.rows]) for table in tables]
        loose = [(grid, boxes) for grid, boxes in borderless_tables(page, [t.bbox for t in tables])]
        found = [(b[0][1] if b and b[0] else 0.0, g, b) for g, b in loose]
        found += [(bbox[1], grid, boxes) for bbox, grid, boxes in ruled]
        return [(grid, boxes) for _, grid, boxes in sorted(found, key=lambda item: item[0])]
    if not tables and text_fallback and page.chars:
        tables = page.find_tables(TEXT_TABLE_SETTINGS)
    return [(table.extract(), [_box(row.bbox) for row in table.rows]) for table in tables]


def _box(bbox: Any) -> Box | None:
    try:
        x0, top, x1, bottom = (round(float(v), 2) for v in bbox)
    except (TypeError, ValueError):
        return None
    return x0, top, x1, bottom


def _table(path: Path, grid: list[list[str | None]], page: int, index: int,
           boxes: list[Box | None] | None = None) -> RawTable:
    boxes = boxes or []
    rows = tuple(
        RawRow(cells=tuple(clean_cell(cell) for cell in cells), row=number, page=page,
               bbox=boxes[number - 1] if number <= len(boxes) else None)
        for number, cells in enumerate(grid, start=1)
    )
    return RawTable(source=path, format="pdf", rows=rows, index=index)
