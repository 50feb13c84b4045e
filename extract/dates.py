"""Dates as published: ``2019年07月13日``, ``20190114``, ``2019/7/13``, ``二〇二一年三月五日``."""

from __future__ import annotations

import re
from datetime import date, datetime

from .identifiers import halfwidth

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_CN_DATE = re.compile(r"^([〇零○一二三四五六七八九O]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")


class DateError(ValueError):
    """A value that looks like it should be a date but is not one."""


def _cn_number(text: str) -> int:
    """Chinese numerals up to 31 (十, 十二, 二十, 三十一)."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def parse_date(value: str | date | datetime | None) -> date | None:
    """Parse a published date; empty means unknown (None); garbage raises DateError."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
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
    except (ValueError, KeyError) as exc:
        raise DateError(f"not a valid date: {value!r}") from exc
    raise DateError(f"not a date: {value!r}")
