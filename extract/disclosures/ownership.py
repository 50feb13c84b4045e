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

import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..anchor import Anchor
from ..lists.base import looks_like_person
from ..readers import read_tables
from .cells import cell_spans, header, is_number, joined, number, person_name, split_columns
from .pages import Line, Pages
from .vocabulary import controller_by_name, controller_nature, holder_nature, is_header_word

_TABLE_PAGE = re.compile(r"前\s*(?:10|十)\s*名(?:普通股|A\s*股)?股东(?:持股情况|情况)")
_NOT_HOLDER = re.compile(r"^(?:上述股东|战略投资者|前\s*(?:10|十)\s*名|参与融资融券|注[:：（(]|合计)")
# A line that is a heading or a note, not the rest of a holder's wrapped name.
_HEADING = re.compile(r"^(?:[一二三四五六七八九十\d]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+节)|[:：]|情况|说明|.{31,}")  # noqa: E501
_CONTROLLER_NATURE = re.compile(r"实际控制人(?:的)?(?:性质|类型)\s*[:：]?\s*([^\s，,。；;]+)")
_HOLDER_NATURE = re.compile(r"控股股东(?:的)?(?:性质|类型)\s*[:：]?\s*([^\s，,。；;]+)")
# 实际控制人名称/姓名 (a key, its colon optional) or the bare key with a colon (实际控制人：X)
_CONTROLLER_NAME = re.compile(r"实际控制人(?:(?:名称|姓名)(?:[/／](?:名称|姓名))?\s*[:：]?|\s*[:：])\s*([^\s，,。；;|]*)")
_WRAPPED_KEY = re.compile(r"^(?:名称|姓名)(?:[/／](?:名称|姓名))?$")  # the second line of 实际控制人 / 名称
_SENTENCE = re.compile(r"(?:(?:本行|本公司|公司|本集团|其)(?:的)?|(?<=[，,；;]))(?P<who>(?:控股股东|实际控制人|第一大股东)(?:(?:、|和|及|与|暨|或)"  # noqa: E501
                       r"(?:控股股东|实际控制人))?)(?:均|都|同|仍)?(?:为|是)\s*(?P<name>[^，,。；;\s（(“”]{2,40})")
# The controller as the subject: 马某先生直接持有公司35.17%的股份，为公司的控股股东、实际控制人。
_SUBJECT_SENTENCE = re.compile(r"(?:^|[。；;，,\n])\s*(?P<name>[\u4e00-\u9fff·]{2,30}?)(?P<title>先生|女士)?"
                               r"(?:直接|间接|合计|通过[^，,。；;]{1,30}?)?持有(?:本公司|公司|本行)[^。；;]{0,40}?[，,]\s*"
                               r"(?:为|是)(?:本公司|公司|本行)(?:的)?(?:控股股东(?:、|和|及|暨))?实际控制人")
_PERCENT = re.compile(r"^\d{1,3}(?:\.\d+)?\s*[%％]$|^\d{1,2}\.\d+$")
_NO_CONTROLLER = re.compile(r"(?:无|不存在|没有)(?:控股股东(?:、|和|及|或|与))?实际控制人|"
                            r"实际控制人\s*[:：]?\s*(?:无|不存在)(?=[\s，,。；;]|$)")


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
    return [n for n in pages.find(_TABLE_PAGE) if re.search(r"股\s*东\s*(?:性\s*质|类\s*型)", pages.text(n))]


def holders_from_pdf(path: Path, pages: Pages, file: str) -> list[Holding]:
    for first in holder_pages(pages):
        tables = read_tables(path, format="pdf", borderless=True, pages=range(first, min(first + 2, len(pages)) + 1))
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
    return any(k.startswith("股东名称") for k in keys) and bool({"股东性质", "股东类型"} & set(keys))


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = header(cell)
        if key.startswith("股东名称"):
            found.setdefault("name", index)
        elif key in {"股东性质", "股东类型"}:
            found["nature"] = index
        elif "比例" in key:
            found.setdefault("percent", index)
        elif "持股数量" in key or key.startswith("持股总数") or key == "报告期末持股数量股":
            found.setdefault("shares", index)
    return found


def holders_from_text(pages: Pages, file: str) -> list[Holding]:
    """The same table in a text layout. A row begins on the line with its amounts; the
    lines after it that hold none continue its cells (a wrapped name at the left margin,
    the rest of a wrapped nature, ``境内非国有法`` / ``人``, or the nature itself where the
    layout centres it). The name is the cells before the nature or the first number (the
    Shanghai layout puts the nature last, after the numbers); the amounts come from the
    header's columns where the row has a cell for each, else are typed by value."""
    for first in holder_pages(pages):
        lines = list(pages.lines(first, min(first + 1, len(pages))))
        head = next((i for i, line in enumerate(lines) if _is_header(split_columns(line.text))), None)
        if head is None:
            continue
        rows: list[_TextHolder] = []
        for line in lines[head + 1:]:
            cells = split_columns(line.text)
            if not cells or _NOT_HOLDER.match(cells[0]):
                break
            if any(_is_shares(c) for c in cells[1:]):
                if len(rows) >= 10:
                    break
                rows.append(_TextHolder(cells, line))
            elif rows and len(cells) <= 3 and not (len(cells) == 1 and _HEADING.search(cells[0])):
                rows[-1].wrapped(cells, line)
            elif rows:
                break
        if rows:
            header_cells = split_columns(lines[head].text)
            return [row.holding(_columns(header_cells), len(header_cells), file) for row in rows]
    return []


def _is_shares(cell: str) -> bool:
    """A number of shares: a whole number of five digits or more, or grouped by commas."""
    return is_number(cell) and "." not in cell and ("," in cell or len(cell.lstrip("+-")) > 4)


class _TextHolder:
    """One row of the top-ten table in a text layout, its wrapped lines gathered."""

    def __init__(self, cells: list[str], line: Line):
        self.cells, self.line = cells, line
        self.name_parts: list[str] = []
        self.others: list[str] = []

    def wrapped(self, cells: list[str], line: Line) -> None:
        """A continuation line: its first cell continues the name when it starts at the
        left margin; the others are the rest of the row's other cells."""
        if not line.text[:1].isspace():
            self.name_parts.append(cells[0])
            cells = cells[1:]
        self.others.extend(cells)

    def holding(self, columns: dict[str, int], width: int, file: str) -> Holding:
        cells = self.cells
        nature_at = next((i for i, c in enumerate(cells[1:], 1) if holder_nature(c)), None)
        if nature_at is not None:
            name_cells = list(itertools.takewhile(lambda c: not is_number(c), cells[:nature_at]))
            published = cells[nature_at]
        else:
            name_cells = cells[:1]
            tail = [c for c in cells[1:] if not is_number(c)]
            published = _wrapped_nature(tail[-1:], self.others)
        percent, shares = _text_amounts(cells, nature_at if nature_at is not None else -1,
                                        columns if len(cells) == width else None)
        name = person_name(" ".join(name_cells) + "".join(self.name_parts))  # 周　敏: padding out
        return Holding(name, holder_nature(published), published,
                       percent, int(shares) if shares is not None else None,
                       Anchor(file, page=self.line.page, char_start=self.line.start, char_end=self.line.end))


def _wrapped_nature(tail: list[str], others: list[str]) -> str:
    """The nature of a row whose nature cell wrapped or sits on a continuation line: the
    end of its first line joined with what follows, else either part that is a nature."""
    candidates = ([tail[0] + others[0]] if tail and others else []) + list(reversed(others)) + tail
    return next((c for c in candidates if holder_nature(c)), (tail or others or [""])[-1])


def _text_amounts(cells: list[str], nature_at: int,
                  columns: dict[str, int] | None) -> tuple[Decimal | None, Decimal | None]:
    """Percentage and shares of a text row: by the header's columns, or the first
    percentage and the first whole number of shares (a percentage has decimals, shares none)."""
    if columns and "shares" in columns:
        percent = number(cells[columns["percent"]].rstrip("%％")) if "percent" in columns else None
        return percent, number(cells[columns["shares"]])
    rest = [c for i, c in enumerate(cells) if i != nature_at and is_number(c)]
    percent = next((number(c.rstrip("%％")) for c in rest if _PERCENT.match(c)), None)
    shares = next((number(c) for c in rest if "." not in c and ("," in c or len(c) > 4)), None)
    return percent, shares


def control(pages: Pages, file: str, holdings: Sequence[Holding] = (), path: Path | None = None) -> Control | None:
    """The actual controller: its stated nature and name, a sentence naming it
    (``本行控股股东、实际控制人为邮政集团``), or that there is none. A controller stated by
    name only gets its nature from its name (国资委, 财政部) or from the top-ten table's
    nature for it (a state group is a 国有法人 there)."""
    name = (_controller_name_from_tables(path, pages) if path is not None and pages.format == "pdf" else None) \
        or _controller_name(pages) or _controller_in_section(pages)
    statements: list[tuple[int, int, int, str, str | None, str]] = []  # (rank, page, pos, nature, name, published)
    for number_ in pages.find(r"实际控制人|控股股东"):
        text = pages.text(number_)
        for m in _CONTROLLER_NATURE.finditer(text):
            if nature := controller_nature(m[1]) or _state_nature(m[1], name, holdings):
                statements.append((0, number_, m.start(), nature, None, m[0]))
        for m in _SENTENCE.finditer(text):
            said = re.sub(r"(?:先生|女士)$", "", m["name"])
            said = re.sub(r"^(?:境内|境外)?自然人", "", said)  # 均为自然人王一: the nature, then the name
            if "实际控制人" in m["who"] and not is_header_word(said) and (nature := _nature_of(said, holdings)):
                statements.append((1, number_, m.start(), nature, said, m[0]))
        for m in _SUBJECT_SENTENCE.finditer(text):
            said = m["name"]
            if not is_header_word(said) and (nature := _nature_of(said, holdings) or "NaturalPersonController"
                                             if m["title"] else _nature_of(said, holdings)):
                statements.append((1, number_, m.start("name"), nature, said, m[0].lstrip("。；;，,\n")))
        for m in _NO_CONTROLLER.finditer(text):
            statements.append((1, number_, m.start(), "NoController", None, m[0]))
        for m in _HOLDER_NATURE.finditer(text):
            if nature := controller_nature(m[1]) or _state_nature(m[1], name, holdings):
                statements.append((2, number_, m.start(), nature, None, m[0]))
    if not statements and name and (nature := _nature_of(name, holdings)
                                    or ("NaturalPersonController" if looks_like_person(name, "") else None)):
        # named under its key or heading, its nature unstated: anchored at the name, or at
        # the key where the name is wrapped over lines in its column
        found = [(n, pages.text(n).find(name), name) for n in pages.find(r"实际控制人")]
        found = [f for f in found if f[1] >= 0] or [(n, pages.text(n).find("实际控制人"), "实际控制人")
                                                    for n in pages.find(r"实际控制人")][:1]
        if found:
            number_, at, quoted = found[0]
            statements.append((3, number_, at, nature, name, quoted))
    if not statements:
        return None
    rank, page, pos, nature, named, published = min(statements)
    if nature == "NoController":
        name = None
    elif named:
        name = named
    elif not name:  # the nature stated, the name in a sentence (公司的实际控制人为…)
        name = next((s[4] for s in sorted(statements) if s[4] and s[3] != "NoController"), None)
    return Control(name, nature, published, Anchor(file, page=page, char_start=pos, char_end=pos + len(published)))


def _controller_name(pages: Pages) -> str | None:
    """实际控制人名称/姓名 and its value: beside it, or under it where the label heads a column
    (``实际控制人姓名  与实际控制人关系  国籍`` over ``张三  本人  中国``); a header is never the value."""
    for number_ in pages.find(r"实际控制人"):
        lines = pages.text(number_).split("\n")
        for index, line in enumerate(lines):
            if (value := _wrapped_key_value(lines, index)) is not None:
                return value or None
            if not _CONTROLLER_NAME.search(line):
                continue
            cells = split_columns(line)
            at = next((i for i, c in enumerate(cells) if _CONTROLLER_NAME.search(c)), None)
            if at is None:
                continue
            inline = _CONTROLLER_NAME.search(cells[at])
            value = inline[1] if inline and inline[1] else (cells[at + 1] if at + 1 < len(cells) else "")
            if value and not is_header_word(value):
                return value if value not in {"无", "不适用", "不存在"} else None
            value = _value_below(lines, index, at)
            if value and not is_header_word(value):
                return value if value not in _EMPTY else None
    return None


def _wrapped_key_value(lines: list[str], index: int) -> str | None:
    """The value under a column header 实际控制人 whose 名称 wrapped onto the next line
    (``实际控制人  单位负责人或法定代表`` over ``名称        人``): that line left out, the
    column read as under any header; None when line ``index`` is no such header, "" when
    its value is empty."""
    cells = split_columns(lines[index])
    if "实际控制人" not in cells or index + 1 >= len(lines):
        return None
    at = cells.index("实际控制人")
    start = cell_spans(lines[index].replace("\t", " "))[at][0]
    under = [(a, lines[index + 1][a:b]) for a, b in cell_spans(lines[index + 1])]
    if not any(abs(a - start) <= 1 and _WRAPPED_KEY.match(text) for a, text in under):
        return None
    value = _value_below(lines[:index + 1] + lines[index + 2:], index, at)
    return "" if not value or is_header_word(value) or value in _EMPTY else value


_NAME_KEY = re.compile(r"^实际控制人(?:名称|姓名)(?:[/／](?:名称|姓名))?$")
_EMPTY = {"", "无", "不适用", "不存在"}


def _controller_name_from_tables(path: Path, pages: Pages) -> str | None:
    """实际控制人名称/姓名 in a PDF's tables, ruled or not: the cell beside the key, or the
    cell under it where the key heads a column (its wrapped lines joined)."""
    for number_ in pages.find(_CONTROLLER_NAME):
        for table in read_tables(path, format="pdf", borderless=True, pages=[number_]):
            rows = [list(r.cells) for r in table.rows]
            for i, cells in enumerate(rows):
                for j, cell in enumerate(cells):
                    if not _NAME_KEY.match(header(cell)):
                        continue
                    beside = joined(cells[j + 1]) if j + 1 < len(cells) else ""
                    below = joined(rows[i + 1][j]) if i + 1 < len(rows) and j < len(rows[i + 1]) else ""
                    for value in (beside, below):
                        if value and not is_header_word(value):
                            return None if value in _EMPTY else value
    return None


def _value_below(lines: list[str], index: int, at: int) -> str:
    """The value under the header cell ``at`` of line ``index``: in a layout aligned by
    character positions (``pdftotext -layout``), the parts of its column band, wrapped lines
    joined; else (tabs, or cells separated by runs of spaces) the next row's cell ``at``."""
    below_line = next((row for row in lines[index + 1:index + 3] if row.strip()), "")
    below = split_columns(below_line)
    for layout in (lines, [_wide(line) for line in lines]):  # aligned by characters, or by display width
        spans = cell_spans(layout[index]) if "\t" not in layout[index] else []
        rows = [cell_spans(row) for row in layout[index + 1:index + 4] if row.strip() and "\t" not in row]
        if spans and any(len(r) == len(spans) and all(abs(a[0] - b[0]) <= 1 for a, b in zip(r, spans)) for r in rows):
            band = (spans[at - 1][1] if at else 0, spans[at + 1][0] if at + 1 < len(spans) else None)
            return _column_below(layout, index, *band).replace(_FILL, "")
    return below[at] if at < len(below) else ""


_FILL = "\u200b"


def _wide(line: str) -> str:
    """A line with every wide character followed by a filler: positions in display columns,
    as a layout that aligns by display width (a CJK character two columns wide) has them."""
    return "".join(c + _FILL if unicodedata.east_asian_width(c) in "WF" else c for c in line)


def _column_below(lines: list[str], index: int, start: int, end: int | None) -> str:
    """The cell of a text layout under a header cell at characters ``start`` … ``end`` of
    line ``index``: the parts in that band on the lines below, joined, up to a blank line."""
    parts: list[str] = []
    for line in lines[index + 1:index + 8]:
        if not line.strip():
            if parts:
                break
            continue
        part = line[start:end].strip() if len(line) > start else ""
        if part:
            parts.append(part)
        elif parts and split_columns(line) and not line[:max(start, 1)].strip():
            continue  # a line of parts of other columns only (``务`` under 主要经营业)
        elif parts:
            break
    return "".join(parts)


_HEADING_LINE = re.compile(r"^\s*(?:[一二三四五六七八九十\d]+(?:[、.]|\s)|[（(][一二三四五六七八九十\d]+[)）])?"
                           r"\s*(?P<what>[^：:\s]{2,24})\s*$")


def _controller_in_section(pages: Pages) -> str | None:
    """名称/姓名 as the key of a key-value table under the heading of the actual controller
    (``2 实际控制人情况`` / ``名称  某省人民政府国有资产监督管理委员会``), not under the
    controlling shareholder's."""
    for number_ in pages.find(r"实际控制人"):
        inside = False
        for line in pages.text(number_).split("\n"):
            heading = _HEADING_LINE.match(line)
            if heading and "控股股东" in heading["what"] and "实际控制人" not in heading["what"]:
                inside = False
            elif heading and re.fullmatch(r"(?:公司)?实际控制人(?:情况|基本情况)?", heading["what"]):
                inside = True
            elif inside and (m := re.match(r"^\s*(?:名\s*称|姓\s*名)\s*[:：\t ]\s*(\S.*?)\s*$", line)):
                value = split_columns(m[1])[0] if split_columns(m[1]) else ""
                if value and not is_header_word(value):
                    return None if value in _EMPTY else value
    return None


def _state_nature(published: str, name: str | None, holdings) -> str | None:
    """国有法人 or 国家 stated as the controller's nature: central or local by its name."""
    if holder_nature(published) not in {"StateHolder", "StateOwnedLegalPerson"}:
        return None
    if not name:  # the controlling shareholder: the largest state holder of the top-ten table
        name = next((h.name for h in holdings if h.nature in {"StateHolder", "StateOwnedLegalPerson"}), None)
    if not name:
        return "LocalStateController"  # state for certain; central or local unknown: the commoner one
    return controller_by_name(name) or _central_or_local(name)


def _nature_of(name: str, holdings) -> str | None:
    """A controller's nature from its name, or from the nature the top-ten table gives it."""
    return controller_by_name(name) or _holder_state(name, holdings) or _holder_person(name, holdings)


def _holder_person(name: str, holdings) -> str | None:
    """A controller the top-ten table lists as a natural person (境内自然人): a person controls."""
    if any(h.nature in {"DomesticNaturalPerson", "ForeignNaturalPerson"} and h.name == name for h in holdings):
        return "NaturalPersonController"
    return None


def _holder_state(name: str, holdings) -> str | None:
    """A controller named by its short name (邮政集团) that the top-ten table lists as a state
    holder (中国邮政集团有限公司, 国有法人)."""
    for h in holdings:
        if h.nature in {"StateHolder", "StateOwnedLegalPerson"} and _same_holder(name, h.name):
            return controller_by_name(h.name) or _central_or_local(h.name)
    return None


def _same_holder(short: str, full: str) -> bool:
    """``邮政集团`` names ``中国邮政集团有限公司``: its characters, in order."""
    rest = iter(full)
    return len(short) >= 2 and all(char in rest for char in short)


def _central_or_local(name: str) -> str:
    """A state group of the central government is named for the country (中国…, 中央…)."""
    return "CentralStateController" if name.startswith(("中国", "中华", "中央", "国家")) else "LocalStateController"
