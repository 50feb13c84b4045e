"""A disclosure as pages of text: PDF text layers read fast, or text files with form feeds.

Annual reports run to 300 pages and pdfplumber needs about 0.2 s a page, so the
text of every page is read with pdfium (what pdfplumber renders with; some 5 ms a
page) only to find the pages that matter; tables are then read with pdfplumber on
those pages alone. A text file is one page per form feed (``\\f``), as
``pdftotext`` writes it.

Offsets (``Line.start``/``end``) are character positions in the page's text after
line endings are normalised to ``\\n``: they are what the anchors of text facts
(``char_start``/``char_end``) refer to. Running headers and footers (the firm's
name and report title on every page, page numbers) are recognised by repetition,
so that a table broken across pages reads as one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterator

from ..readers._text import decode_text
from ..readers.html import declared_charsets
from ..readers.model import ReaderError
from .markup import looks_like_markup, markup_text

_PAGE_NUMBER = re.compile(r"^(?:[-—–]?\s*\d{1,4}\s*[-—–]?|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_RUNNING_SHARE = 0.3  # a line on at least this share of pages is a running header or footer
#: Text files read as pages (``pdftotext`` output, saved web pages as text).
TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm"}  # HTML conversions are read as text (``markup``)


@dataclass(frozen=True)
class Line:
    page: int   # 1-based
    start: int  # offset of the first character in the page's text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Pages:
    """The pages of one document (item ``i`` is page ``i + 1``)."""

    path: Path
    texts: list[str]
    format: str  # "pdf" | "text"
    _running: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        if len(self.texts) >= 3:
            seen: Counter[str] = Counter()
            for text in self.texts:
                seen.update({line.strip() for line in text.split("\n") if line.strip()})
            self._running = {line for line, n in seen.items() if n >= max(3, _RUNNING_SHARE * len(self.texts))}

    def __len__(self) -> int:
        return len(self.texts)

    def text(self, page: int) -> str:
        return self.texts[page - 1]

    @cached_property
    def head(self) -> str:
        """The first pages' text: where a report names itself and its firm."""
        return "\n".join(self.texts[:12])

    def find(self, pattern: str | re.Pattern[str], start: int = 1) -> list[int]:
        """Pages (1-based, from ``start``) whose text matches."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        return [n for n in range(start, len(self.texts) + 1) if rx.search(self.texts[n - 1])]

    def is_furniture(self, text: str) -> bool:
        """A running header or footer, or a page number."""
        stripped = text.strip()
        return stripped in self._running or bool(_PAGE_NUMBER.match(stripped))

    def lines(self, first: int = 1, last: int | None = None, furniture: bool = False) -> Iterator[Line]:
        """Non-blank lines of pages ``first`` … ``last`` in order, without running headers,
        footers and page numbers unless ``furniture``."""
        last = len(self.texts) if last is None else min(last, len(self.texts))
        for number in range(max(first, 1), last + 1):
            offset = 0
            for raw in self.texts[number - 1].split("\n"):
                if raw.strip() and (furniture or not self.is_furniture(raw)):
                    yield Line(number, offset, raw)
                offset += len(raw) + 1


def read_pages(path: Path) -> Pages:
    """The pages of a PDF (its text layer) or of a text file (split at form feeds)."""
    data_head = path.open("rb").read(1024)
    if b"%PDF-" in data_head:
        return Pages(path, _pdf_texts(path), "pdf")
    return Pages(path, [_normalise(t) for t in _text_of(path).split("\f")], "text")


def _text_of(path: Path) -> str:
    """A text file's text; markup (an HTML conversion, whatever its tags) as text."""
    text, _ = decode_text(path.read_bytes(), path, declared_charsets(path.read_bytes()[:4096]))
    return markup_text(text) if looks_like_markup(text) else text


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ").translate(_RADICALS)


def _radicals() -> dict[int, str]:
    """Kangxi radicals and compatibility ideographs → the ideographs they stand for
    (some PDF producers write 行 as ⾏ U+2F8F and 人 as ⼈ U+2F08: 本⾏, ⼈民币百万元), one
    character for one so that offsets stay those of the page."""
    table = {}
    for code in (*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)):
        mapped = unicodedata.normalize("NFKC", chr(code))
        if len(mapped) == 1 and mapped != chr(code):
            table[code] = mapped
    return table


_RADICALS = _radicals()


def _pdf_texts(path: Path) -> list[str]:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - pdfplumber depends on it
        from ..readers import pdf_text_pages

        return [_normalise(t) for t in pdf_text_pages(path)]
    try:
        document = pdfium.PdfDocument(str(path))
    except Exception as exc:  # pdfium raises its own error types for broken files
        raise ReaderError(path, None, f"not a readable PDF ({exc})") from exc
    texts = []
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                textpage = page.get_textpage()
            except Exception as exc:  # a broken page: pdfium's own error types again
                raise ReaderError(path, f"page {index + 1}", f"not a readable page ({exc})") from exc
            texts.append(_normalise(textpage.get_text_range()))
            textpage.close()
            page.close()
    finally:
        document.close()
    if not texts:
        raise ReaderError(path, None, "PDF has no pages")
    return texts


def sniff_pages(path: Path, count: int = 4) -> str:
    """The text of the first ``count`` pages only (cheap, for recognising a document)."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" in head:
        try:
            import pypdfium2 as pdfium

            document = pdfium.PdfDocument(str(path))
        except Exception:
            return ""
        try:
            parts = []
            for index in range(min(count, len(document))):
                page = document[index]
                textpage = page.get_textpage()
                parts.append(textpage.get_text_range())
                textpage.close()
                page.close()
            return _normalise("\n".join(parts))
        except Exception:  # a broken page: nothing to recognise the document by
            return ""
        finally:
            document.close()
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return ""
    try:
        text = _text_of(path)
    except Exception:
        return ""
    return _normalise("\n".join(text.split("\f")[:count]))
