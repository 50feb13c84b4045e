"""Readers: file -> raw tables of strings with anchors, knowing nothing about meaning.

``read_tables(path)`` picks a reader by extension, and by the file's first
bytes when the extension is missing or contradicted by the content (an
``.xls`` that is really HTML, a ``.pdf`` that is really a zip). Extractors
build on the returned :class:`RawTable` objects; they never open files
themselves, so every format quirk is handled once, here.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .csv import read_csv
from .html import read_html
from .json import read_json
from .model import RawRow, RawTable, ReaderError
from .pdf import pdf_text_pages, read_pdf
from .xlsx import read_xlsx

__all__ = ["RawRow", "RawTable", "ReaderError", "read_tables", "pdf_text_pages", "detect_format"]

EXTENSIONS: dict[str, str] = {
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".html": "html", ".htm": "html",
    ".pdf": "pdf",
    ".json": "json", ".jsonl": "json",
}
READERS: dict[str, Callable[..., list[RawTable]]] = {
    "csv": read_csv, "xlsx": read_xlsx, "html": read_html, "pdf": read_pdf, "json": read_json,
}
# Reader-specific keyword options; read_tables passes each reader only its own,
# so one call can carry options for a mixed batch of files.
OPTIONS: dict[str, frozenset[str]] = {
    "csv": frozenset({"delimiter", "encoding"}),
    "pdf": frozenset({"text_fallback", "borderless", "pages"}),
}
_BINARY = frozenset({"pdf", "xlsx"})
_HEAD_BYTES = 1024
_BLANK = b" \t\r\n\f\v"
_CHUNK = 64 * 1024


def read_tables(path: Path, *, format: str | None = None, **opts: Any) -> list[RawTable]:
    """Read all tables of a file.

    ``format`` forces a reader (``"csv" | "xlsx" | "html" | "pdf" | "json"``).
    Other options: ``delimiter``, ``encoding`` (CSV); ``text_fallback``,
    ``borderless``, ``pages`` (PDF). Raises :class:`ReaderError` for unreadable, empty or
    unsupported files.
    """
    path = Path(path)
    _check_options(opts)
    head = _head(path)
    if _is_blank(path):
        raise ReaderError(path, None, "empty file")
    chosen = format or detect_format(path, head)
    if chosen not in READERS:
        raise ReaderError(path, None, f"unsupported format (extension {path.suffix or 'none'!r})")
    allowed = OPTIONS.get(chosen, frozenset())
    return READERS[chosen](path, **{k: v for k, v in opts.items() if k in allowed})


def detect_format(path: Path, head: bytes) -> str | None:
    """Format from the extension, overridden by unambiguous content.

    Binary magic (``%PDF``, ``PK``) beats any extension; text content
    (``<``, ``{``/``[``) beats a binary or unknown extension. A text extension
    is otherwise trusted, so a ``.json`` holding an HTML error page gets a JSON
    syntax error rather than being parsed as a page.
    """
    by_extension = EXTENSIONS.get(path.suffix.lower())
    sniffed = sniff_format(head)
    if sniffed is None or sniffed == by_extension:
        return by_extension
    if sniffed in _BINARY or by_extension is None or by_extension in _BINARY:
        return sniffed
    return by_extension


def sniff_format(head: bytes) -> str | None:
    """Format suggested by the first bytes, or None."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if b"%PDF-" in head[:_HEAD_BYTES]:  # readers accept junk before the header
        return "pdf"
    text = head.removeprefix(codecs.BOM_UTF8).lstrip(_BLANK)
    if text.startswith(b"<"):
        return "html"
    if text[:1] in (b"{", b"["):
        return "json"
    return None


def _check_options(opts: dict[str, Any]) -> None:
    unknown = sorted(set(opts) - set().union(*OPTIONS.values()))
    if unknown:
        raise TypeError(f"read_tables() got unexpected option(s): {', '.join(unknown)}")


def _head(path: Path) -> bytes:
    """First bytes of the file; a missing/unreadable file becomes a ReaderError."""
    try:
        with path.open("rb") as handle:
            return handle.read(_HEAD_BYTES)
    except OSError as exc:
        raise ReaderError(path, None, exc.strerror or str(exc)) from exc


def _is_blank(path: Path) -> bool:
    """True if the file is empty or only a BOM and whitespace (streamed; stops at the first other byte)."""
    with path.open("rb") as handle:
        chunk = handle.read(_CHUNK).removeprefix(codecs.BOM_UTF8)
        while not chunk.strip(_BLANK):
            chunk = handle.read(_CHUNK)
            if not chunk:
                return True
    return False
