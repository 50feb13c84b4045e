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
_UNIT_WORDS = r"(百万元|亿元|千万元|万元|千元|元)"
# 单位：元, 金额单位均为人民币百万元, a header's (人民币百万元) or a line of its own saying 人民币百万元.
_UNIT = re.compile(rf"(?:单位|金额单位|货币单位)[^\n元]{{0,16}}?{_UNIT_WORDS}|[（(]\s*(?:人民币)?\s*{_UNIT_WORDS}\s*[)）]"
                   rf"|^\s*人民币\s*{_UNIT_WORDS}\s*$", re.M)
_WELL_FORMED = re.compile(r"^[(（]?-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[)）]?$")
_GROUPED = re.compile(r"[(（]?-?\d{1,3}(?:,\d{3})*(?:\.\d{2})?[)）]?")
_MAX_DIGITS = 16          # no statement of a listed firm reaches 10^16 yuan
_MAX_YUAN = Decimal(10) ** 15
_FIGURE = r"[(（]?-?[\d,]+(?:\.\d+)?[)）]?"
_LINES = {
    "TotalAssets": re.compile(rf"^\s*(?:资产总计|资产合计|资产总额)\s*(?P<rest>(?:{_FIGURE}\s*)+)"),
    "TotalLiabilities": re.compile(rf"^\s*(?:负债合计|负债总计|负债总额)\s*(?P<rest>(?:{_FIGURE}\s*)+)"),
    "NetProfit": re.compile(rf"^\s*(?:[一二三四五六七八九十]+\s*[、.]\s*)?净利润(?:[(（][^)）\d]*(?:[)）]|(?=\s{{2}})))?\s*"
                            rf"(?P<rest>(?:{_FIGURE}\s*)+)"),
}
# A label whose note in brackets is cut by the cell's width (``四、净利润（净亏损以“－”号填`` /
# figures / ``列）``, or ``列） 83,720 77,314``): the figures are on the next line.
_OPEN_LABEL = {"NetProfit": re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]\s*)?净利润[(（][^)）\d]*$")}
_FIGURES_ONLY = re.compile(rf"^\s*(?:[^)）\d\s]*[)）])?\s*(?P<rest>(?:{_FIGURE}\s*)+)$")  # (列）) 83,720 77,314
_PARENT = re.compile(r"母公司(?:资产负债表|利润表)")
# The consolidated statement, else the only one (a firm without subsidiaries); never the
# parent company's (母公司利润表), which a consolidated report prints as well.
_STATEMENT = {"TotalAssets": ("合并资产负债表", "(?<!母公司)资产负债表"),
              "TotalLiabilities": ("合并资产负债表", "(?<!母公司)资产负债表"),
              "NetProfit": ("合并利润表", "(?<!母公司)利润表")}


@dataclass
class Figure:
    item: str            # cscs:FinancialItems local name
    value: Decimal       # yuan
    published: str       # the line as printed
    unit: str
    anchor: Anchor


def figures(pages: Pages, file: str) -> tuple[list[Figure], list[tuple[Anchor, str]]]:
    """The totals, in yuan, and warnings for figures that cannot be what the line says
    (columns run together, a number longer than any statement holds, liabilities above
    assets by orders of magnitude): those are not stored."""
    found: list[Figure] = []
    problems: list[tuple[Anchor, str]] = []
    for item, pattern in _LINES.items():
        figure = _first(pages, item, pattern, file, problems)
        if figure is not None:
            found.append(figure)
    by_item = {f.item: f for f in found}
    assets, liabilities = by_item.get("TotalAssets"), by_item.get("TotalLiabilities")
    if assets and liabilities and assets.value > 0 and liabilities.value > 10 * assets.value:
        problems.append((liabilities.anchor, f"total liabilities {liabilities.published!r} are more than ten times "
                         f"total assets {assets.published!r}: neither is stored"))
        found = [f for f in found if f not in (assets, liabilities)]
    return found, problems


def _first(pages: Pages, item: str, pattern: re.Pattern[str], file: str,
           problems: list[tuple[Anchor, str]]) -> Figure | None:
    for title in _STATEMENT[item]:
        for page in pages.find(title):
            ended = False
            for offset in range(0, 3):  # the statement may run over to the next pages
                number_ = page + offset
                if number_ > len(pages) or ended:
                    break
                lines = list(pages.lines(number_, number_))
                if offset == 0:  # from the title on: what is above it on its page is another statement
                    lines = lines[next((i for i, x in enumerate(lines) if re.search(title, x.text)), 0):]
                for index, line in enumerate(lines):
                    if offset + index and _PARENT.search(line.text):
                        ended = True  # the parent company's statement follows: not the firm's figures
                        break
                    m = pattern.match(line.text) or _wrapped(item, lines, index)
                    if not m:
                        continue
                    anchor = Anchor(file, page=number_, char_start=line.start, char_end=line.end)
                    value, problem = _current(m["rest"])
                    if problem:
                        problems.append((anchor, f"{item} on page {number_}: {problem} in {line.text.strip()!r}"))
                        return None
                    if value is None:
                        continue
                    unit, factor = _unit(pages, page, number_, line.start)
                    if abs(value * factor) >= _MAX_YUAN:
                        problems.append((anchor, f"{item} on page {number_}: {m['rest'].split()[0]!r} {unit} is "
                                         "more than any statement holds"))
                        return None
                    return Figure(item, value * factor, line.text.strip(), unit, anchor)
    return None


def _wrapped(item: str, lines, index: int) -> re.Match[str] | None:
    """The figures of a label wrapped over lines: the next line holds them alone."""
    label = _OPEN_LABEL.get(item)
    if label is None or not label.match(lines[index].text) or index + 1 >= len(lines):
        return None
    return _FIGURES_ONLY.match(lines[index + 1].text)


def _current(rest: str) -> tuple[Decimal | None, str | None]:
    """The current period's figure: the first one, unless it is a bare note reference.
    A cell holding several figures run together (``5,769,2705,587,093``) is split at its
    thousands groups; one that cannot be is a problem, never a number."""
    tokens = rest.split()
    if len(tokens) >= 3 and re.fullmatch(r"\d{1,3}", tokens[0]):
        tokens = tokens[1:]
    if not tokens:
        return None, None
    first = tokens[0]
    if not _WELL_FORMED.match(first):
        parts = _GROUPED.findall(first)
        if len(parts) > 1 and "".join(parts) == first and all(_WELL_FORMED.match(p) for p in parts):
            first = parts[0]
        else:
            return None, f"the cell {first!r} is no single number"
    if len(re.sub(r"\D", "", first.split(".")[0])) > _MAX_DIGITS:
        return None, f"the cell {first!r} has more digits than any statement"
    return number(first), None


def _unit(pages: Pages, title_page: int, page: int, position: int) -> tuple[str, Decimal]:
    """The unit of the table a line is in: the last one stated above it (on its page, then
    back to the statement's title page), else the first one on the title page."""
    for number_ in range(page, title_page - 1, -1):
        text = pages.text(number_)
        stated = list(_UNIT.finditer(text, 0, position if number_ == page else len(text)))
        if stated:
            return _factor(stated[-1])
    if m := _UNIT.search(pages.text(title_page)):
        return _factor(m)
    return "元", Decimal(1)


def _factor(m: re.Match[str]) -> tuple[str, Decimal]:
    word = next(g for g in m.groups() if g)
    return next((u, f) for u, f in _UNITS if u == word)
