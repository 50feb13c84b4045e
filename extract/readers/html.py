"""HTML reader (lxml): every ``<table>`` becomes a RawTable.

Saved public-disclosure pages are messy: fragments without ``<html>``, BOMs,
GBK pages announced by ``<meta charset>``, broken attributes, layout tables,
tables nested in cells. The reader reports exactly the rows that are in the
markup -- a header-only table yields only its header row, an empty table no
rows -- and never mixes a nested table's text into its parent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import lxml.etree
import lxml.html

from ._text import collapse_ws, decode_text, describe, python_codec
from .model import RawRow, RawTable, ReaderError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HEAD_BYTES = 4096
_MAX_COLSPAN = 1000  # the HTML spec's limit; guards against colspan="99999999"
_SKIPPED = frozenset({"script", "style", "table"})  # nested tables are read as their own tables
_BREAKS = frozenset({"br", "p", "div", "li"})  # elements that separate words inside a cell


def read_html(path: Path) -> list[RawTable]:
    """Read all tables of an HTML page or fragment, in document order."""
    data = path.read_bytes()
    text, encoding = decode_text(data, path, declared_charsets(data[:_HEAD_BYTES]))
    root = _parse(text, path)
    return [
        RawTable(source=path, format="html", rows=tuple(_rows(table)), index=number, encoding=encoding)
        for number, table in enumerate(root.iter("table"), start=1)
    ]


def declared_charsets(head: bytes) -> tuple[str, ...]:
    """The codec named by the first ``<meta ... charset=...>`` in the page's head bytes, if any."""
    match = _META_CHARSET.search(head)
    codec = python_codec(match.group(1).decode("ascii")) if match else None
    return (codec,) if codec else ()


def _parse(text: str, path: Path) -> lxml.html.HtmlElement:
    """Parse decoded text; an XML declaration must go because lxml refuses it on str input."""
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ReaderError(path, None, f"not parseable as HTML ({describe(exc)})") from exc


def _rows(table: lxml.html.HtmlElement) -> Iterator[RawRow]:
    """The table's own rows, numbered by position; rows without cells are skipped (but counted)."""
    for number, cells in enumerate(_row_cells(table), start=1):
        texts = tuple(_expanded(cells))
        if texts:
            yield RawRow(cells=texts, row=number)


def _row_cells(table: lxml.html.HtmlElement) -> Iterator[list[lxml.html.HtmlElement]]:
    """Cells grouped by row, in document order, skipping nested tables.

    Each ``<tr>`` is a row. Cells sitting directly in the table (``<table><th>…``,
    which libxml2 leaves unwrapped) form one implicit row per run, as a browser
    would render them.
    """
    loose: list[lxml.html.HtmlElement] = []
    for element in table.iter("tr", "td", "th"):
        if _nearest(element, "table") is not table:
            continue  # belongs to a nested table, which is read on its own
        if element.tag == "tr":
            if loose:
                yield loose
                loose = []
            yield [cell for cell in element.iter("td", "th") if _nearest(cell, "tr", "table") is element]
        elif _nearest(element, "tr", "table") is table:
            loose.append(element)
    if loose:
        yield loose


def _nearest(element: lxml.html.HtmlElement, *tags: str) -> lxml.html.HtmlElement | None:
    """Closest ancestor with one of ``tags``."""
    return next(element.iterancestors(*tags), None)


def _expanded(cells: list[lxml.html.HtmlElement]) -> Iterator[str]:
    """Cell texts, each followed by ``colspan - 1`` empty cells so columns line up."""
    for cell in cells:
        yield _cell_text(cell)
        yield from ("",) * (_colspan(cell) - 1)


def _colspan(cell: lxml.html.HtmlElement) -> int:
    """``colspan`` as an int in 1..1000; junk like ``"2px"`` keeps its leading digits."""
    match = re.match(r"\s*(\d+)", cell.get("colspan", ""))
    return min(max(int(match.group(1)), 1), _MAX_COLSPAN) if match else 1


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """Visible text of a cell with whitespace collapsed, without scripts or nested tables."""
    parts: list[str] = []
    _collect_text(cell, parts)
    return collapse_ws("".join(parts))


def _collect_text(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    """Append the text under ``element`` to ``parts``; ``<br>``/``<p>``/``<div>``/``<li>`` separate words."""
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:  # comments have a non-str tag
            separator = " " if child.tag in _BREAKS else ""
            parts.append(separator)
            _collect_text(child, parts)
            parts.append(separator)
        if child.tail:
            parts.append(child.tail)
