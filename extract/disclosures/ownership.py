"""Who owns the firm: the top ten shareholders and the actual controller.

The table 前10名股东持股情况 gives each holder's name, nature (股东性质: 国家, 国有法人,
境内非国有法人 …), shares and percentage. In PDFs its header spans two rows and its
cells wrap (``中国平安保险（集团）股\\n份有限公司－集团本级－\\n自有资金``); columns are
found from the header, and rows end where a row's nature is no nature (the notes
under the table). The table of holders of unrestricted shares (前10名无限售条件股东)
has no nature column and is not read.

The actual controller is stated in words: 实际控制人性质：地方国资管理机构 and
实际控制人名称 in the CSRC format, or 本行无实际控制人. The nature decides whether
the firm is state-owned (queries/state-ownership.rq).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..anchor import Anchor
from ..readers import read_tables
from .cells import header, is_number, joined, number, split_columns
from .pages import Pages
from .vocabulary import controller_nature, holder_nature

_TABLE_PAGE = re.compile(r"前\s*(?:10|十)\s*名股东(?:持股情况|情况)")
_NOT_HOLDER = re.compile(r"^(?:上述股东|战略投资者|前\s*(?:10|十)\s*名|参与融资融券|注[:：（(]|合计)")
_CONTROLLER_NATURE = re.compile(r"实际控制人(?:的)?(?:性质|类型)\s*[:：]?\s*([^\s，,。；;]+)")
_HOLDER_NATURE = re.compile(r"控股股东(?:的)?(?:性质|类型)\s*[:：]?\s*([^\s，,。；;]+)")
_CONTROLLER_NAME = re.compile(r"实际控制人(?:名称|姓名)\s*[:：]?\s*([^\s，,。；;|]+)")
_PERCENT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*[%％]$|^\d{1,2}\.\d+$")
_NO_CONTROLLER = re.compile(r"(?:无|不存在|没有)实际控制人|实际控制人\s*[:：]?\s*(?:无|不存在)(?=[\s，,。；;]|$)")


@dataclass
class Holding:
    name: str
    nature: str | None          # cscs:HolderNatures local name
    published_nature: str
    percent: Decimal | None
    shares: int | None
    anchor: Anchor


@dataclass
class Control:
    name: str | None
    nature: str                  # cscs:ControllerNatures local name
    published: str
    anchor: Anchor


def holder_pages(pages: Pages) -> list[int]:
    return [n for n in pages.find(_TABLE_PAGE) if re.search(r"股\s*东\s*性\s*质", pages.text(n))]


def holders_from_pdf(path: Path, pages: Pages, file: str) -> list[Holding]:
    for first in holder_pages(pages):
        tables = read_tables(path, format="pdf", pages=range(first, min(first + 2, len(pages)) + 1))
        found = _from_tables(tables, file)
        if found:
            return found
    return []


def _from_tables(tables, file: str) -> list[Holding]:
    holdings: list[Holding] = []
    columns: dict[str, int] | None = None
    for table in tables:
        rows = list(table.rows)
        start = 0
        if columns is None:
            head = next((i for i, r in enumerate(rows) if _is_header(list(r.cells))), None)
            if head is None:
                continue
            columns, start = _columns(list(rows[head].cells)), head + 1
        elif rows and _is_header(list(rows[0].cells)):
            break
        for raw in rows[start:]:
            cells = list(raw.cells)
            name = joined(cells[columns["name"]] if columns["name"] < len(cells) else "")
            nature_text = joined(cells[columns["nature"]]) if columns["nature"] < len(cells) else ""
            if not name:
                continue  # the second header row (股份状态 数量)
            if _NOT_HOLDER.match(name) or holder_nature(nature_text) is None and not nature_text:
                return holdings
            percent = number(cells[columns["percent"]]) if "percent" in columns else None
            shares = number(cells[columns["shares"]]) if "shares" in columns else None
            holdings.append(Holding(name, holder_nature(nature_text), nature_text, percent,
                                    int(shares) if shares is not None else None,
                                    Anchor(file, page=raw.page, table=table.index, row=raw.row)))
            if len(holdings) >= 10:
                return holdings
    return holdings


def _is_header(cells: list[str]) -> bool:
    keys = [header(c) for c in cells]
    return any(k.startswith("股东名称") for k in keys) and "股东性质" in keys


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = header(cell)
        if key.startswith("股东名称"):
            found.setdefault("name", index)
        elif key == "股东性质":
            found["nature"] = index
        elif "比例" in key:
            found.setdefault("percent", index)
        elif "持股数量" in key or key.startswith("持股总数") or key == "报告期末持股数量股":
            found.setdefault("shares", index)
    return found


def holders_from_text(pages: Pages, file: str) -> list[Holding]:
    """The same table in a text layout: cells typed by value after the name."""
    for first in holder_pages(pages):
        lines = list(pages.lines(first, min(first + 1, len(pages))))
        head = next((i for i, line in enumerate(lines) if _is_header(split_columns(line.text))), None)
        if head is None:
            continue
        holdings: list[Holding] = []
        for line in lines[head + 1:]:
            cells = split_columns(line.text)
            if not cells or _NOT_HOLDER.match(cells[0]) or len(holdings) >= 10:
                break
            nature_at = next((i for i, c in enumerate(cells[1:], 1) if holder_nature(c)), None)
            if nature_at is None:
                if holdings:
                    break
                continue
            rest = cells[nature_at + 1:]
            percent = next((number(c.rstrip("%％")) for c in rest if _PERCENT.match(c)), None)
            shares = next((number(c) for c in rest if is_number(c) and ("," in c or len(c) > 4)), None)
            holdings.append(Holding(" ".join(cells[:nature_at]), holder_nature(cells[nature_at]), cells[nature_at],
                                    percent, int(shares) if shares is not None else None,
                                    Anchor(file, page=line.page, char_start=line.start, char_end=line.end)))
        if holdings:
            return holdings
    return []


def control(pages: Pages, file: str) -> Control | None:
    """The actual controller: its stated nature and name, or that there is none."""
    statements: list[tuple[int, int, int, str, str | None, str]] = []  # (rank, page, pos, nature, name, published)
    for number_ in pages.find(r"实际控制人|控股股东"):
        text = pages.text(number_)
        for m in _CONTROLLER_NATURE.finditer(text):
            if nature := controller_nature(m[1]):
                statements.append((0, number_, m.start(), nature, None, m[0]))
        for m in _NO_CONTROLLER.finditer(text):
            statements.append((1, number_, m.start(), "NoController", None, m[0]))
        for m in _HOLDER_NATURE.finditer(text):
            if nature := controller_nature(m[1]):
                statements.append((2, number_, m.start(), nature, None, m[0]))
    if not statements:
        return None
    rank, page, pos, nature, _, published = min(statements)
    name = None
    if nature != "NoController":
        for number_ in pages.find(_CONTROLLER_NAME):
            m = _CONTROLLER_NAME.search(pages.text(number_))
            if m and m[1] not in {"无", "不适用", "不存在"}:
                name = m[1]
                break
    return Control(name, nature, published, Anchor(file, page=page, char_start=pos, char_end=pos + len(published)))
