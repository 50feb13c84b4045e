"""Dates and sums of money as judgments write them in running text.

Lists give one value per cell (``extract.dates``, ``extract.amounts``); a judgment
buries them in sentences, in Arabic or Chinese numerals (``二〇二一年三月五日``,
``罚金人民币七万四千七百二十四元七角六分``), with separators and approximations
(``9万余元``, ``20多万元``). Only what is written is returned: an indeterminate
figure (``十几万元``, ``六、七百万元``) is not a value, and a foreign currency
(``美元``) is not yuan.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from ..amounts import MAX_AMOUNT

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "0": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2,
             "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7,
             "八": 8, "捌": 8, "九": 9, "玖": 9}
_CN_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_CN_NUM = "〇零○Ｏ一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬"

# -- dates ---------------------------------------------------------------------------
_ARABIC_DATE = re.compile(r"(?<![\d０-９])([12１２][\d０-９]{3})\s*年\s*([\d０-９]{1,2})\s*月\s*([\d０-９]{1,2})\s*日")
_CN_DATE = re.compile(r"([〇零○ＯO一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
_ISO_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")
_EN_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), start=1)}
_EN_DATE = re.compile(r"\b(?:(\d{1,2})\s+(" + "|".join(_EN_MONTHS) + r")\s*,?\s*(\d{4})|(" + "|".join(_EN_MONTHS)
                      + r")\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4}))\b", re.I)


@dataclass(frozen=True)
class DateMention:
    value: date
    start: int
    end: int
    chinese_numerals: bool


def _cn_small(text: str) -> int:
    """Chinese numerals up to 99 (十, 十二, 二十, 三十一)."""
    if "十" not in text:
        return _CN_DIGIT[text]
    tens, _, units = text.partition("十")
    return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[units] if units else 0)


def find_dates(text: str, start: int = 0, end: int | None = None, english: bool = False) -> list[DateMention]:
    """Every valid calendar date written in ``text[start:end]`` (invalid ones such as 2月30日 are skipped)."""
    end = len(text) if end is None else end
    out: list[DateMention] = []
    for m in _ARABIC_DATE.finditer(text, start, end):
        y, mo, d = (int(unicodedata.normalize("NFKC", g)) for g in m.groups())
        _add(out, y, mo, d, m, False)
    for m in _CN_DATE.finditer(text, start, end):
        try:
            y = int("".join(str(_CN_DIGIT[c]) for c in m[1]))
            _add(out, y, _cn_small(m[2]), _cn_small(m[3]), m, True)
        except KeyError:
            continue
    for m in _ISO_DATE.finditer(text, start, end):
        _add(out, int(m[1]), int(m[2]), int(m[3]), m, False)
    if english:
        for m in _EN_DATE.finditer(text, start, end):
            if m[1]:
                _add(out, int(m[3]), _EN_MONTHS[m[2].lower()], int(m[1]), m, False)
            else:
                _add(out, int(m[6]), _EN_MONTHS[m[4].lower()], int(m[5]), m, False)
    return sorted(out, key=lambda d: d.start)


def _add(out: list[DateMention], y: int, mo: int, d: int, m: re.Match, cn: bool) -> None:
    try:
        out.append(DateMention(date(y, mo, d), m.start(), m.end(), cn))
    except ValueError:
        pass


# -- money ------------------------------------------------------------------------------
_D = "[0-9０-９]"
_ARABIC = rf"(?:{_D}{{1,3}}(?:[,，]{_D}{{3}})+|{_D}+)(?:[.．]{_D}+)?"
_MONEY = re.compile(
    r"(?P<cur>人民币|RMB|CNY|¥|￥)?\s*"
    rf"(?P<num>{_ARABIC}|[{_CN_NUM}]+)\s*(?P<approx1>余|多)?\s*(?P<unit>千万|百万|万|亿|千)?\s*(?P<approx2>余|多)?\s*元"
    r"(?P<jiao>[零〇一二三四五六七八九]角)?(?P<fen>[零〇一二三四五六七八九]分)?"
    r"(?P<approx3>左右)?(?P<整>整)?", re.I)
_MONEY_EN = re.compile(
    r"(?:(?P<cur>RMB|CNY|¥|￥)\s*(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>million|billion|thousand|万)?"
    r"(?:\s*yuan)?|(?P<num2>\d[\d,]*(?:\.\d+)?)\s*(?P<unit2>million|billion|thousand)?\s*yuan)", re.I)
_FOREIGN = ("美", "港", "日", "欧", "澳", "台", "英")
_UNIT_VALUE = {"": 1, "千": 1000, "万": 10_000, "百万": 1_000_000, "千万": 10_000_000, "亿": 100_000_000,
               "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


@dataclass(frozen=True)
class MoneyMention:
    value: Decimal  # yuan
    start: int
    end: int
    text: str
    approximate: bool = False


def cn_number(text: str) -> int:
    """A Chinese-numeral integer (七万四千七百二十四, 一百二十万, 两千); ValueError if not one."""
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in "〇零○Ｏ":
            continue  # a zero only marks a gap (一百万零五千)
        if ch in _CN_DIGIT:
            if digit is not None:
                raise ValueError(text)  # 十六七 style runs of digits: indeterminate
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        elif ch in _CN_BIG:
            total = (total + section + (digit or 0)) * _CN_BIG[ch]
            section, digit = 0, None
        else:
            raise ValueError(text)
    return total + section + (digit or 0)


def plain(value: Decimal) -> Decimal:
    """Trailing zeros dropped without exponent notation (1.65733E+6)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


_YUAN = re.compile("元")


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of text around each 元, where a sum can be (merged when they overlap)."""
    spans: list[list[int]] = []
    for k in _YUAN.finditer(text, start, end):
        left, right = max(start, k.start() - 40), min(end, k.end() + 8)
        if spans and left <= spans[-1][1]:
            spans[-1][1] = right
        else:
            spans.append([left, right])
    return [(a, b) for a, b in spans]


def find_money(text: str, start: int = 0, end: int | None = None, english: bool = False) -> list[MoneyMention]:
    """Every sum of money in yuan written in ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[MoneyMention] = []
    matches = [m for a, b in _windows(text, start, end) for m in _MONEY.finditer(text, a, b)]
    seen_end = -1
    for m in matches:
        if m.start() < seen_end:
            continue
        seen_end = m.end()
        num = m["num"]
        s = m.start("cur") if m["cur"] else m.start("num")
        if s > 0 and text[s - 1] in _FOREIGN or text[m.end() - 1:m.end() + 1] == "元旦":
            continue
        if num[0] in _CN_NUM:
            # a Chinese numeral run may begin inside a word (第一百元): keep the number part only
            if s > 0 and text[s - 1] in "几数上第每单":
                continue
            if s > 1 and text[s - 1] == "、" and text[s - 2] in _CN_NUM:
                continue  # 六、七百万元: indeterminate
            try:
                number = Decimal(cn_number(num))
            except ValueError:
                continue
            if num in {"万", "亿", "千", "百", "十"}:
                continue
        else:
            try:
                number = Decimal(unicodedata.normalize("NFKC", num).replace(",", ""))
            except InvalidOperation:
                continue
        value = number * _UNIT_VALUE[m["unit"] or ""]
        if m["jiao"]:
            value += Decimal(_CN_DIGIT[m["jiao"][0]]) / 10
        if m["fen"]:
            value += Decimal(_CN_DIGIT[m["fen"][0]]) / 100
        approx = bool(m["approx1"] or m["approx2"] or m["approx3"])
        if not value <= MAX_AMOUNT:  # a run of 26 digits is no sum of money (nor can it be rounded)
            continue
        out.append(MoneyMention(plain(value), s, m.end(), text[s:m.end()], approx))
    if english:
        for m in _MONEY_EN.finditer(text, start, end):
            num, unit = (m["num"], m["unit"]) if m["num"] else (m["num2"], m["unit2"])
            if any(o.start <= m.start() < o.end for o in out):
                continue
            unit = (unit or "").lower()
            value = Decimal(num.replace(",", "")) * _UNIT_VALUE.get(unit, 10_000 if unit == "万" else 1)
            if not value <= MAX_AMOUNT:
                continue
            out.append(MoneyMention(plain(value), m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda x: x.start)
