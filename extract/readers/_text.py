"""Text helpers shared by the readers: cell cleaning and encoding detection.

Kept in one place so every format normalises cells the same way and reports
undecodable bytes with the same message.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Sequence
from pathlib import Path

from .model import RawRow, ReaderError

UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Chinese public data is UTF-8 or GBK/GB2312; GB18030 is a superset of both,
# so it is the one fallback worth trying (and pages labelled "gb2312" often
# contain GBK-only characters).
FALLBACK_ENCODINGS: tuple[str, ...] = ("utf-8", "gb18030")
_GB_ALIASES = frozenset({"gb2312", "gbk", "gb18030", "euc_cn", "hz"})


def normalise_text(text: str) -> str:
    """Unify line breaks to ``\\n`` and turn non-breaking spaces into spaces."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")


def clean_cell(value: str | None) -> str:
    """Cell text as stored in :class:`RawRow`: normalised and stripped, ``None`` -> ``""``."""
    if value is None:
        return ""
    return normalise_text(value).strip()


def collapse_ws(text: str) -> str:
    """Collapse every run of whitespace (incl. ``&nbsp;`` and U+3000) to one space."""
    return " ".join(text.split())


def drop_trailing_empty(rows: Sequence[RawRow]) -> tuple[RawRow, ...]:
    """Drop rows at the end whose cells are all empty (spreadsheet/CSV padding)."""
    end = len(rows)
    while end and not any(rows[end - 1].cells):
        end -= 1
    return tuple(rows[:end])


def describe(exc: BaseException) -> str:
    """Short ``Type: message`` text for wrapping third-party exceptions."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def python_codec(name: str) -> str | None:
    """Map a declared charset to the codec we should use, or None if unknown.

    GB2312/GBK labels are widened to GB18030 (a strict superset).
    """
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return "gb18030" if codec in _GB_ALIASES else codec


def decode_text(data: bytes, path: Path, preferred: Iterable[str] = ()) -> tuple[str, str]:
    """Decode bytes, returning ``(text, encoding_used)``.

    A byte-order mark wins (``utf-8-sig`` / ``utf-16``). Otherwise ``preferred``
    encodings (caller option or a declared charset) are tried, then UTF-8, then
    GB18030. If nothing decodes, raise :class:`ReaderError` naming the line and
    byte offset of the first byte that is not valid UTF-8.
    """
    if data.startswith(UTF8_BOM):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith(_UTF16_BOMS):
        candidates = ("utf-16",)
    else:
        candidates = tuple(dict.fromkeys((*preferred, *FALLBACK_ENCODINGS)))
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise _undecodable(data, path, candidates)


def _undecodable(data: bytes, path: Path, tried: Sequence[str]) -> ReaderError:
    """Build the error for bytes no candidate encoding accepts."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
    else:  # valid UTF-8 but rejected by a BOM-selected or explicit codec
        return ReaderError(path, None, f"cannot decode as {' or '.join(tried)}")
    line = data.count(b"\n", 0, offset) + 1
    return ReaderError(
        path,
        f"line {line}, byte offset {offset}",
        f"byte 0x{data[offset]:02X} is not valid UTF-8; cannot decode as {' or '.join(tried)}",
    )
