"""Total assets, total liabilities and net profit from the consolidated statements.

The consolidated balance sheet (合并资产负债表) and income statement (合并利润表) are
found by their titles on pages that also hold their totals (the table of contents
names them too, without figures). A line is a label followed by the figures of the
current and earlier periods, sometimes after a note reference (``其他负债 30 22,624
24,277``): the first figure that is not a bare note number is the current year's.
Units come from the page (单位：元, 金额单位均为人民币百万元); every figure is stored in
yuan. Labels that name parts (流动资产合计, 归属于母公司股东的净利润) are not totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..anchor import Anchor
from .cells import number
from .pages import Pages

_UNITS = (("百万元", Decimal(1_000_000)), ("亿元", Decimal(100_000_000)), ("千万元", Decimal(10_000_000)),
          ("万元", Decimal(10_000)), ("千元", Decimal(1_000)), ("元", Decimal(1)))
_UNIT = re.compile(r"(?:单位|金额单位)[^\n元]{0,16}?(百万元|亿元|千万元|万元|千元|元)")
_FIGURE = r"[(（]?-?[\d,]+(?:\.\d+)?[)）]?"
_LINES = {
    "TotalAssets": re.compile(rf"^\s*(?:资产总计|资产合计|资产总额)\s*(?P<rest>(?:{_FIGURE}\s*)+)"),
    "TotalLiabilities": re.compile(rf"^\s*(?:负债合计|负债总计|负债总额)\s*(?P<rest>(?:{_FIGURE}\s*)+)"),
    "NetProfit": re.compile(rf"^\s*(?:[一二三四五六七八九十]+\s*[、.]\s*)?净利润(?:[(（][^)）]*[)）])?\s*"
                            rf"(?P<rest>(?:{_FIGURE}\s*)+)"),
}
_STATEMENT = {"TotalAssets": ("合并资产负债表", "资产负债表"), "TotalLiabilities": ("合并资产负债表", "资产负债表"),
              "NetProfit": ("合并利润表", "利润表")}


@dataclass
class Figure:
    item: str            # cscs:FinancialItems local name
    value: Decimal       # yuan
    published: str       # the line as printed
    unit: str
    anchor: Anchor


def figures(pages: Pages, file: str) -> list[Figure]:
    found: list[Figure] = []
    for item, pattern in _LINES.items():
        figure = _first(pages, item, pattern, file)
        if figure is not None:
            found.append(figure)
    return found


def _first(pages: Pages, item: str, pattern: re.Pattern[str], file: str) -> Figure | None:
    for title in _STATEMENT[item]:
        for page in pages.find(title):
            for offset in range(0, 3):  # the statement may run over to the next pages
                number_ = page + offset
                if number_ > len(pages):
                    break
                for line in pages.lines(number_, number_):
                    m = pattern.match(line.text)
                    if not m:
                        continue
                    value = _current(m["rest"])
                    if value is None:
                        continue
                    unit, factor = _unit(pages, page, number_)
                    return Figure(item, value * factor, line.text.strip(), unit,
                                  Anchor(file, page=number_, char_start=line.start, char_end=line.end))
    return None


def _current(rest: str) -> Decimal | None:
    """The current period's figure: the first one, unless it is a bare note reference."""
    tokens = rest.split()
    if len(tokens) >= 3 and re.fullmatch(r"\d{1,3}", tokens[0]):
        tokens = tokens[1:]
    return number(tokens[0]) if tokens else None


def _unit(pages: Pages, title_page: int, page: int) -> tuple[str, Decimal]:
    for number_ in (page, title_page):
        if m := _UNIT.search(pages.text(number_)):
            return next((u, f) for u, f in _UNITS if u == m[1])
    return "元", Decimal(1)
