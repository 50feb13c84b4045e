"""Cells of disclosure tables, as PDF tables and text layouts give them.

PDF table cells keep the line breaks of wrapped text (``'监事长\\n职工监事'``,
``'中国平安保险（集团）股\\n份有限公司'``); text layouts separate columns by runs of
spaces and pad two-character names to three (``胡 湘``, ``胡　湘``). These helpers
undo both, once, for every disclosure extractor.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from ..identifiers import halfwidth

_CJK = r"\u3400-\u9fff"
_PADDING = re.compile(rf"(?<=[{_CJK}])[\s\u3000]+(?=[{_CJK}])")
_COLUMNS = re.compile(r"\s{2,}|\t")
_NOTE = re.compile(r"[（(](?:注|离任|已离任|现任|\d+)[^）)]*[）)]|[*＊※]+$")
_HEADER_NOISE = re.compile(r"[\s\u3000:：()（）\[\]【】/、_\-.]")


def header(text: str | None) -> str:
    """A header cell compared: half-width, no spaces, line breaks or brackets."""
    return _HEADER_NOISE.sub("", halfwidth(text or ""))


def joined(text: str | None) -> str:
    """A wrapped cell as one line: CJK text joins without a space, Latin with one."""
    lines = [part.strip() for part in (text or "").split("\n") if part.strip()]
    out = ""
    for part in lines:
        if out and re.search(r"[A-Za-z0-9]$", out) and re.match(r"[A-Za-z0-9]", part):
            out += " "
        out += part
    return out


def person_name(text: str | None) -> str:
    """A person's name from a cell: padding between characters and notes removed
    (``胡 湘`` → ``胡湘``, ``潘敏（离任）`` → ``潘敏``)."""
    name = _PADDING.sub("", joined(text).replace("\u3000", " ")).strip()
    return _NOTE.sub("", name).strip()


def split_columns(line: str) -> list[str]:
    """A text-layout line's cells (columns are separated by two or more spaces;
    a full-width space counts as one)."""
    return [c for c in _COLUMNS.split(line.replace("\u3000", " ").strip()) if c]


_SPAN = re.compile(r"\S+(?: \S+)*")


def cell_spans(line: str) -> list[tuple[int, int]]:
    """Where a text-layout line's cells are (start, end offsets), as ``split_columns`` cuts
    them: the positions say which column a wrapped part belongs to."""
    return [m.span() for m in _SPAN.finditer(line.replace("\u3000", " "))]


def merge_padded_name(cells: list[str]) -> list[str]:
    """A name padded with two spaces (``胡  湘``) falls into two cells: join them."""
    if len(cells) >= 3 and re.fullmatch(rf"[{_CJK}]", cells[0]) and re.fullmatch(rf"[{_CJK}]{{1,2}}", cells[1]):
        return [cells[0] + cells[1], *cells[2:]]
    return cells


def split_posts(text: str) -> list[str]:
    """``董事、副行长\\n首席财务官`` → the single posts."""
    parts = re.split(r"[、,，;；/\n]|兼任|兼", halfwidth(text or ""))
    return [p.strip() for p in parts if p.strip() and p.strip() not in {"-", "—"}]


_DAY = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?")
_MONTH = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*月?")


def start_date(text: str) -> date | None:
    """The first day of a stated start (``2016.12`` → 2016-12-01; ``2021年05月20日`` → that day)."""
    if m := _DAY.fullmatch(text.strip()):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH.fullmatch(text.strip()):
        return _safe(int(m[1]), int(m[2]), 1)
    return None


def end_date(text: str) -> date | None:
    """The first day after a stated end (published ends are the last day or month held):
    ``2024.9`` → 2024-10-01, ``2024年05月19日`` → 2024-05-20; 换届, 至今 and blanks → None."""
    if m := _DAY.fullmatch(text.strip()):
        day = _safe(int(m[1]), int(m[2]), int(m[3]))
        return day + timedelta(days=1) if day else None
    if m := _MONTH.fullmatch(text.strip()):
        year, month = int(m[1]), int(m[2])
        return _safe(year + (month == 12), month % 12 + 1, 1) if 1 <= month <= 12 else None
    return None


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TERM = re.compile(r"(\d{4}\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?)?\s*月?)\s*[-—–－~至]\s*"
                   r"(\d{4}\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?)?\s*月?|换届|至今|今)?")
_LABELLED = re.compile(r"([\u4e00-\u9fff]+?)任\s*期[:：]")


def terms(text: str) -> tuple[tuple[date | None, date | None], dict[str, tuple[date | None, date | None]]]:
    """A term cell: the first term, and terms labelled by post
    (``董事任期：2020.1-换届 副行长任期：2020.6-`` → {董事: …, 副行长: …})."""
    flat = joined(text)
    labelled: dict[str, tuple[date | None, date | None]] = {}
    labels = list(_LABELLED.finditer(flat))
    for i, label in enumerate(labels):
        segment = flat[label.end(): labels[i + 1].start() if i + 1 < len(labels) else len(flat)]
        if m := _TERM.search(segment):
            labelled[re.sub(r"^(?:换届|至今|今)", "", label[1])] = (start_date(m[1]), end_date(m[2] or ""))
    first = _TERM.search(flat)
    return ((start_date(first[1]), end_date(first[2] or "")) if first else (None, None)), labelled


_NUMBER = re.compile(r"^[(（]?[+\-]?[\d,，]+(?:\.\d+)?[)）]?$")


def number(text: str | None) -> Decimal | None:
    """A published number: thousands separators, parentheses for negatives, ``-`` for none."""
    raw = re.sub(r"\s", "", halfwidth(text or "")).replace(",", "")  # a number wrapped in its cell too
    if raw in {"", "-", "--", "—", "不适用", "无"}:
        return None
    negative = raw.startswith("(") and raw.endswith(")")
    raw = raw.strip("()")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return -value if negative else value


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(halfwidth(text).strip()))
