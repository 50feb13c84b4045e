"""The place in a source document a record was read from: the rows around a table row,
the sentence around a text span, or a PDF page rendered with the row boxed.

The source file is read from the document's ``cscs:originalPath``, where it was when it
was ingested; a file that has gone, or whose bytes no longer hash to the document's
SHA-256, is reported as such rather than shown as if it were the same document. Cells
and text are returned as plain strings and escaped by the templates.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.graph.queries import load

CONTEXT_ROWS = 3
SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_HASHES: dict[tuple[str, int, int], str] = {}
_PDF_LOCK = threading.Lock()  # pdfium is not thread-safe


class MissingDocument(LookupError):
    """A record names a document whose provenance is not in the graph."""


@dataclass
class Document:
    iri: str
    title: str
    sha256: str
    size: int | None
    media_type: str | None
    path: str | None
    kind: str | None
    extractor: str | None
    version: str | None
    software: str | None
    started: datetime | str | None
    ended: datetime | str | None
    records: int | None
    warnings: int | None
    state: str = "unknown"  # "ok" | "missing" | "changed" | "unknown"

    @property
    def is_pdf(self) -> bool:
        return (self.media_type or "").endswith("pdf") or (self.title or "").lower().endswith(".pdf")


def document(graph: Graph, iri: str) -> Document:
    rows = graph.query(load("web-document"), doc=NamedNode(iri)).rows
    if not rows:
        raise MissingDocument(f"the graph has no source document {iri} (no provenance was recorded)")
    r = rows[0]
    doc = Document(iri, str(r["title"] or iri), str(r["sha256"]), r["size"], r["format"], r["path"], r["kind"],
                   r["extractor"], r["version"], r["software"], r["started"], r["ended"], r["records"],
                   r["warnings"])
    doc.state = file_state(doc)
    return doc


def file_state(doc: Document) -> str:
    """Whether the file at the recorded path is still the document that was ingested."""
    if not doc.path:
        return "unknown"
    path = Path(doc.path)
    try:
        stat = path.stat()
    except OSError:
        return "missing"
    if not path.is_file():
        return "missing"
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    # A rubric's hash covers its companion file too, so only a plain file can be checked.
    if _HASHES[key] == doc.sha256 or doc.kind == "rubric":
        return "ok"
    return "changed"


@dataclass
class Place:
    """Where in its document a record was read (from the record's anchor properties)."""

    sheet: str | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    json_path: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    @classmethod
    def from_properties(cls, props: Mapping[str, object]) -> "Place":
        def num(name: str) -> int | None:
            value = props.get(name)
            return int(value) if value is not None else None  # type: ignore[call-overload]

        box = None
        if isinstance(props.get("bbox"), str):
            try:
                x0, top, x1, bottom = (float(v) for v in str(props["bbox"]).split())
                box = (x0, top, x1, bottom)
            except ValueError:
                box = None
        return cls(props.get("sourceSheet"), num("sourcePage"), num("sourceTable"), num("sourceRow"),  # type: ignore[arg-type]
                   num("charStart"), num("charEnd"), props.get("sourcePath"), box)  # type: ignore[arg-type]

    def describe(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.json_path:
            parts.append(self.json_path)
        if self.table is not None and self.table > 1:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.char_start is not None:
            parts.append(f"characters {self.char_start}–{self.char_end}")
        return ", ".join(parts) or "the whole document"


@dataclass
class Excerpt:
    """What to show of the source: table rows (one highlighted) or text (a span highlighted)."""

    rows: list[tuple[int, list[str], bool]] = field(default_factory=list)
    before: str = ""
    span: str = ""
    after: str = ""
    message: str | None = None

    @property
    def is_table(self) -> bool:
        return bool(self.rows)

    @property
    def is_text(self) -> bool:
        return bool(self.span)


def excerpt(doc: Document, place: Place) -> Excerpt:
    """The rows or sentence the record was read from, read again from the source file."""
    if doc.state == "missing":
        return Excerpt(message=f"The source file is no longer at {doc.path}: it was moved or deleted "
                               f"after ingestion, so the place ({place.describe()}) cannot be shown.")
    if not doc.path:
        return Excerpt(message="The graph does not record where the source file was.")
    path = Path(doc.path)
    try:
        if place.char_start is not None and place.char_end is not None:
            return _text_excerpt(path, place, doc.extractor or doc.kind)
        if place.row is not None:
            return _table_excerpt(path, place)
    except Exception as exc:  # an unreadable file is reported, not fatal to the page
        return Excerpt(message=f"The source file could not be read again: {exc}")
    return Excerpt(message="The record has no row or text position in its document.")


def _table_excerpt(path: Path, place: Place) -> Excerpt:
    from cscs.extract.readers import read_tables

    opts: dict[str, Any] = {"pages": [place.page]} if place.page is not None and path.suffix.lower() == ".pdf" else {}
    tables = read_tables(path, **opts)
    candidates = [t for t in tables
                  if (place.sheet is None or t.sheet == place.sheet)
                  and (place.table is None or t.index == place.table)
                  and (place.json_path is None or t.json_path == place.json_path)
                  and (place.page is None or any(r.page == place.page for r in t.rows))]
    for table in candidates:
        rows = list(table.rows)
        at = next((i for i, r in enumerate(rows) if r.row == place.row), None)
        if at is None:
            continue
        window = range(max(at - CONTEXT_ROWS, 0), min(at + CONTEXT_ROWS + 1, len(rows)))
        shown = ([0] if window.start > 0 else []) + list(window)
        return Excerpt(rows=[(rows[i].row, list(rows[i].cells), i == at) for i in shown])
    return Excerpt(message=f"Row {place.row} was not found when the file was read again.")


def document_text(path: Path, page: int | None, extractor: str | None = None, row: int | None = None,
                  json_path: str | None = None) -> str:
    """The text the offsets of a text fact refer to, as its extractor read it: a
    judgment's text from the judgment reader (an HTML judgment's visible text, not its
    markup; a JSON record's field), else a page's text layer, or the file's text."""
    if extractor == "judgment" and path.suffix.lower() != ".pdf":  # PDF offsets are per page: below
        from cscs.extract.judgments.sources import read_texts

        texts = read_texts(path)
        same = [t for t in texts if (t.row, t.json_path) == (row, json_path)]
        return (same or texts)[0].text if texts else ""
    try:  # the disclosures reader defines page texts for text facts (pdfium, \n line ends)
        from cscs.extract.disclosures.pages import read_pages

        pages = read_pages(path)
        return pages.text(page or 1)
    except ImportError:
        pass
    if path.suffix.lower() == ".pdf":
        from cscs.extract.readers import pdf_text_pages

        return pdf_text_pages(path)[(page or 1) - 1]
    from cscs.extract.readers._text import decode_text

    text, _ = decode_text(path.read_bytes(), path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_excerpt(path: Path, place: Place, extractor: str | None = None) -> Excerpt:
    text = document_text(path, place.page, extractor, place.row, place.json_path)
    start, end = place.char_start or 0, place.char_end or 0
    if not 0 <= start < end <= len(text):
        return Excerpt(message=f"Characters {start}–{end} are outside the text read again "
                               f"({len(text)} characters).")
    before_end = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    sentence_start = max([0, *before_end])
    after = SENTENCE_END.search(text, end)
    sentence_end = after.end() if after else len(text)
    return Excerpt(before=text[sentence_start:start], span=text[start:end], after=text[end:sentence_end])


def row_box(path: Path, place: Place) -> tuple[float, float, float, float] | None:
    """The record's box on its page: cscs:bbox, else the row found again by the PDF reader."""
    if place.bbox is not None:
        return place.bbox
    if place.page is None or place.row is None:
        return None
    from cscs.extract.readers.pdf import read_pdf

    for table in read_pdf(path, pages=[place.page]):
        if place.table is not None and table.index != place.table:
            continue
        for row in table.rows:
            if row.row == place.row and row.bbox is not None:
                return row.bbox
    return None


# 10-pt CJK glyphs need ~28 px to be read (their strokes close up below ~20 px): the page
# is rendered at 200 dpi (28 px per 10 pt), the row's band alone at 300 dpi
PAGE_DPI = 200
ROW_DPI = 300
ROW_MARGIN = 14  # points above and below the row's box in the enlarged band


def page_image(path: Path, place: Place, span: str | None = None, resolution: int = PAGE_DPI,
               crop: bool = False) -> bytes:
    """The PDF page as a PNG with the record's row (or text span) outlined in red; with
    ``crop``, only the band of the page around the row, at :data:`ROW_DPI`."""
    import pdfplumber

    with _PDF_LOCK, pdfplumber.open(path) as pdf:
        number = place.page or 1
        if not 1 <= number <= len(pdf.pages):
            raise LookupError(f"the PDF has no page {number}")
        page = pdf.pages[number - 1]
        boxes = []
        box = row_box(path, place) if place.char_start is None else None
        if box is not None:
            boxes.append(box)
        elif span:
            boxes.extend((m["x0"], m["top"], m["x1"], m["bottom"])
                         for m in page.search(re.escape(span.strip()[:60]), regex=True)[:3])
        if crop:
            if not boxes:
                raise LookupError("the record's row was not found on its page")
            top = max(min(b[1] for b in boxes) - ROW_MARGIN, 0)
            bottom = min(max(b[3] for b in boxes) + ROW_MARGIN, float(page.height))
            page = page.crop((0, top, float(page.width), bottom))
            resolution = ROW_DPI
        image = page.to_image(resolution=resolution)
        for b in boxes:
            x0, top, x1, bottom = b
            image.draw_rect((x0 - 2, top - 2, x1 + 2, bottom + 2), fill=(255, 235, 59, 70),
                            stroke=(211, 47, 47), stroke_width=3)
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
