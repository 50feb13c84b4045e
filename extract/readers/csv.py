"""CSV / TSV / delimited ``.txt`` reader.

Chinese government CSVs are often GBK and exported by Excel with a BOM, and
the delimiter varies (comma, tab, semicolon, pipe), so both are detected
rather than assumed. Row numbers are physical line numbers so that a record
with quoted multi-line cells can still be found in an editor.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Iterator

from ._text import clean_cell, decode_text, describe, drop_trailing_empty
from .model import RawRow, RawTable, ReaderError

DELIMITERS: tuple[str, ...] = (",", "\t", ";", "|")
_SNIFF_CHARS = 64 * 1024
_SNIFF_RECORDS = 50


def read_csv(path: Path, *, delimiter: str | None = None, encoding: str | None = None) -> list[RawTable]:
    """Read a delimited text file as one table.

    ``delimiter`` and ``encoding`` override detection. ``.tsv`` files are tab
    separated; other extensions are sniffed among ``, \\t ; |``.
    """
    text, used = decode_text(path.read_bytes(), path, (encoding,) if encoding else ())
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    rows = drop_trailing_empty(_records(text, delimiter, path))
    return [RawTable(source=path, format="csv", rows=rows, encoding=used)]


def sniff_delimiter(text: str) -> str:
    """Pick the candidate delimiter giving the most consistent multi-column rows.

    Score = (share of sample records with the most common field count, that
    field count); a candidate only qualifies if it yields >= 2 columns. Falls
    back to ``","`` (single-column files).
    """
    sample = _sample(text)
    best, best_score = ",", (0.0, 0)
    for candidate in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        widths = [len(r) for r in islice(reader, _SNIFF_RECORDS) if r]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count / len(widths), width)
        if width >= 2 and score > best_score:
            best, best_score = candidate, score
    return best


def _sample(text: str) -> str:
    """The head of the text, cut at a line end so no record is half-read."""
    if len(text) <= _SNIFF_CHARS:
        return text
    head = text[:_SNIFF_CHARS]
    cut = head.rfind("\n")
    return head[: cut + 1] if cut > 0 else head


def _records(text: str, delimiter: str, path: Path) -> list[RawRow]:
    """Parse records, numbering each by the physical line where it starts; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[RawRow] = []
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if record:
                rows.append(RawRow(cells=tuple(clean_cell(c) for c in record), row=start))
    except csv.Error as exc:
        raise ReaderError(path, f"line {previous_end + 1}", describe(exc)) from exc
    return rows


def stream_csv(path: Path, *, delimiter: str | None = None,
               encoding: str | None = None) -> tuple[RawTable, Iterator[RawRow]]:
    """A delimited file read lazily, for files too large to hold as one table.

    Returns the table's head (its first records, for header detection and choosing
    an extractor: the same rows :func:`read_csv` would give) and an iterator over
    *every* record, head included. Encoding and delimiter are detected on the head;
    a byte the chosen encoding cannot decode later on is reported with its line.
    """
    with path.open("rb") as handle:
        head_bytes = handle.read(_SNIFF_CHARS)
    cut = head_bytes.rfind(b"\n")
    head_bytes = head_bytes[: cut + 1] if cut > 0 and len(head_bytes) == _SNIFF_CHARS else head_bytes
    head_text, used = decode_text(head_bytes, path, (encoding,) if encoding else ())
    if delimiter is None:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(head_text)
    head = drop_trailing_empty(_records(head_text, delimiter, path))
    table = RawTable(source=path, format="csv", rows=head, encoding=used)
    return table, _stream_records(path, used, delimiter)


def _stream_records(path: Path, encoding: str, delimiter: str) -> Iterator[RawRow]:
    line = 0
    try:
        with path.open("r", encoding=encoding, newline="") as text:
            reader = csv.reader(text, delimiter=delimiter)
            for record in reader:
                start, line = line + 1, reader.line_num
                if record and any(record):
                    yield RawRow(cells=tuple(clean_cell(c) for c in record), row=start)
    except UnicodeDecodeError as exc:
        raise _undecodable_line(path, encoding) from exc
    except csv.Error as exc:
        raise ReaderError(path, f"line {line + 1}", describe(exc)) from exc


def _undecodable_line(path: Path, encoding: str) -> ReaderError:
    """Name the first line the encoding chosen on the head cannot decode (the text
    reader decodes in chunks, so its own position is only approximate)."""
    offset = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                raw.decode(encoding)
            except UnicodeDecodeError as exc:
                return ReaderError(path, f"line {number}, byte offset {offset + exc.start}",
                                   f"byte 0x{raw[exc.start]:02X} cannot be decoded as {encoding}")
            offset += len(raw)
    return ReaderError(path, None, f"cannot decode as {encoding}")
