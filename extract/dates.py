"""Dates as published: ``2019年07月13日``, ``20190114``, ``2019/7/13``, ``二〇二一年三月五日``."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from .identifiers import halfwidth

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_CN_DATE = re.compile(r"^([〇零○一二三四五六七八九O]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")


#: The plausible range of a published date (a record's dates, its validity bounds, an
#: appointment, a founding): none before the People's Republic, none more than
#: ``FUTURE_YEARS`` after today. 0001-01-01, 1900, 2099-12-31 or 3000 as a bound is a
#: placeholder or a typo, never a date to score by: such a value is an error (the list
#: row is skipped with a warning naming file, row and column).
EARLIEST = date(1949, 10, 1)
FUTURE_YEARS = 30


class DateError(ValueError):
    """A value that looks like it should be a date but is not one."""


def earliest_date() -> date:
    return EARLIEST


def latest_date(today: date | None = None) -> date:
    """The last plausible date: ``FUTURE_YEARS`` after today (28 February for 29 February)."""
    today = today or date.today()
    return _latest_after(today)


@lru_cache(maxsize=8)
def _latest_after(today: date) -> date:
    """Cached: every date of every row is checked against it (issue 15's profile)."""
    try:
        return today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:
        return today.replace(year=today.year + FUTURE_YEARS, day=28)


def plausible(day: date, value: object = None) -> date:
    """``day`` if it lies in the plausible range, else DateError naming the value."""
    if not EARLIEST <= day <= latest_date():
        shown = _shown(value if value is not None else day.isoformat())
        raise DateError(f"implausible date {shown} (plausible: {EARLIEST} to {latest_date()})")
    return day


def _cn_number(text: str) -> int:
    """Chinese numerals up to 31 (十, 十二, 二十, 三十一)."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def parse_date(value: str | date | datetime | None) -> date | None:
    """Parse a published date; empty means unknown (None); garbage, and a date outside the
    plausible range (:func:`plausible`), raise DateError."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return plausible(value.date(), value)
    if isinstance(value, date):
        return plausible(value, value)
    day = _parse_text(value)
    return plausible(day, value) if day else None


def _parse_text(value: object) -> date | None:
    text = halfwidth(str(value)).strip()
    if text in {"", "-", "--", "无", "暂无", "长期", "/"}:
        return None
    try:
        if m := _YMD.match(text) or _COMPACT.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _CN_DATE.match(str(value).strip()):
            year = int("".join(str(_CN_DIGITS[c]) for c in m[1]))
            return date(year, _cn_number(m[2]), _cn_number(m[3]))
        if re.fullmatch(r"\d{10}", text):  # epoch seconds, as some portals publish
            return datetime.utcfromtimestamp(int(text)).date()
    except (ValueError, KeyError, OverflowError, OSError) as exc:
        raise DateError(f"not a valid date: {_shown(value)}") from exc
    raise DateError(f"not a date: {_shown(value)}")


def _shown(value: object) -> str:
    """A value for a message, cut short (a garbage cell may run to megabytes)."""
    text = repr(value) if isinstance(value, str) else repr(str(value))
    return text if len(text) <= 42 else text[:40] + "…'"
