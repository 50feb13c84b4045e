"""The table of directors, supervisors and senior managers (董事、监事和高级管理人员情况).

Read from a PDF's ruled tables where there are any, else from the text layout.
The table runs over pages without repeating its header (the 2024 report of 平安银行
breaks it between pages 66 and 67, with the running header and the page number in
between): a headerless table with the same columns on a following page continues
it, and in a text layout every line until the table ends is a candidate row. Merged
cells hold several posts (``监事长\\n职工监事``) and several terms (``董事任期：
2020.1-换届 副行长任期：2020.6-``); each post gets its own term where one is labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..anchor import Anchor
from ..readers import RawTable, read_tables
from .cells import cell_spans, header, merge_padded_name, person_name, split_columns, terms
from .pages import Line, Pages
from .titles import PostCell, parse_posts
from .vocabulary import is_header_word

_STATUS = {"现任": True, "在任": True, "离任": False, "已离任": False, "离职": False}
_SECTION = re.compile(r"^\s*(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                      r"\d+(?:\.\d+)+\s|\d+、|注[:：]|注\s*[（(]|合\s*计)")
_ENUMERATION = re.compile(r"^\s*(?:（[一二三四五六七八九十]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[、.])\s*")
_NAME = re.compile(r"^[\u3400-\u9fff·]{2,8}$|^[A-Za-z][A-Za-z .\-]{1,40}$")
# Where the table is: the heading, and a header row naming name, post and status or sex.
_TABLE_PAGE = re.compile(r"董事、监事(?:和|及)?高级管理人员|董事、监事、高级管理人员|董监高")
_DATEISH = re.compile(r"\d{4}\s*[年.\-/]")


@dataclass
class Officer:
    name: str
    posts: PostCell
    current: bool | None
    sex: str | None
    age: int | None
    start: date | None
    end: date | None
    post_terms: dict[str, tuple[date | None, date | None]] = field(default_factory=dict)
    anchor: Anchor | None = None

    def term_of(self, post: str) -> tuple[date | None, date | None]:
        for label, term in self.post_terms.items():
            if label and (label in post or post in label):
                return term
        return self.start, self.end


def is_name(text: str) -> bool:
    """A person's name: not a header (姓名, 与实际控制人关系) and not a post group (监事)."""
    if not _NAME.match(text) or text.startswith("合计") or is_header_word(text):
        return False
    parsed = parse_posts(text)
    return not (parsed.titles and not parsed.leftovers)


def is_group_row(cells: list[str]) -> bool:
    """A section row of the table (``监事``, ``高级管理人员``, ``离任董事``): a group, not a person."""
    values = [c for c in cells if c.strip()]
    if len(values) != 1:
        return False
    words = _ENUMERATION.sub("", values[0])
    words = re.sub(r"(?:会)?(?:成员|人员)?(?:情况)?$", "", person_name(words))
    words = re.sub(r"^(?:现任|离任|报告期内离任的?)", "", words)
    parsed = parse_posts(words)
    return bool(parsed.titles) and not parsed.leftovers or words in {"高级管理", "董事会", "监事会"}


def is_board_header(cells: list[str]) -> bool:
    keys = [header(c) for c in cells]
    return "姓名" in keys and any("职务" in k for k in keys) and \
        any(k in {"任职状态", "性别", "年龄"} for k in keys)


def board_pages(pages: Pages) -> list[int]:
    """Pages where the board table may start: the heading, then a header row."""
    return [n for n in pages.find(_TABLE_PAGE) if re.search(r"姓\s*名", pages.text(n))
            and re.search(r"任\s*职\s*状\s*态|性\s*别", pages.text(n))]


# -- PDF tables -----------------------------------------------------------------------

def from_pdf(path: Path, pages: Pages, file: str) -> tuple[list[Officer], int | None]:
    """Officers from the first board table of a PDF and its continuations; the page it starts on.
    Pages are read one at a time, and only while the table goes on."""
    for first in board_pages(pages):
        reader = _TableReader(file)
        for number in range(first, min(first + 4, len(pages) + 1)):
            if reader.feed(read_tables(path, format="pdf", borderless=True, pages=[number])):
                break
            if reader.columns is None:
                break  # no board table on its own page: try the next candidate page
        if reader.officers:
            return reader.officers, first
    return [], None


class _TableReader:
    """The board table and its continuations, fed page by page."""

    def __init__(self, file: str):
        self.file = file
        self.columns: dict[str, int] | None = None
        self.keys: list[str] = []
        self.width = 0
        self.officers: list[Officer] = []
        self.gone = False  # under a section row of those who left

    def feed(self, tables: list[RawTable]) -> bool:
        """Read a page's tables; True when the table has ended."""
        for table in tables:
            rows = list(table.rows)
            if not rows:
                continue
            start = 0
            head = next((i for i, r in enumerate(rows[:3]) if is_board_header(list(r.cells))), None)
            if head is not None:
                keys = [header(c) for c in rows[head].cells]
                if self.columns is not None and keys != self.keys:
                    return True  # a second board-like table (the remuneration table)
                self.columns, self.width, start = _columns(list(rows[head].cells)), len(keys), head + 1
                self.keys = keys  # the first header, or the same header repeated on a new page
            elif self.columns is None:
                continue
            elif len(rows[0].cells) != self.width:
                return True  # another table: the board table is done
            for raw in rows[start:]:
                cells = list(raw.cells)
                if len([c for c in cells if c and c.strip()]) == 1:
                    self.gone = _marks_former([c or "" for c in cells], self.gone)
                officer = _row(cells, self.columns, Anchor(self.file, page=raw.page, table=table.index, row=raw.row))
                if officer is not None:
                    self.officers.append(_former_if(officer, self.gone))
                elif person_name(cells[self.columns["name"]]).startswith("合计"):
                    return True
        return False


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = header(cell)
        if key == "姓名":
            found.setdefault("name", index)
        elif "职务" in key:
            found.setdefault("post", index)
        elif key == "任职状态":
            found["status"] = index
        elif key == "性别":
            found["sex"] = index
        elif key == "年龄":
            found["age"] = index
        elif key in {"任期起止日期", "任期", "任职期间", "任期起止"}:
            found["term"] = index
        elif key in {"任期起始日期", "任职起始日期", "任期开始日期"}:
            found["start"] = index
        elif key in {"任期终止日期", "任职终止日期", "任期结束日期", "离任日期"}:
            found["stop"] = index
    return found


def _row(cells: list[str], columns: dict[str, int], anchor: Anchor) -> Officer | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) and cells[index] else ""

    name = person_name(cell("name"))
    posts = parse_posts(cell("post"))
    if not is_name(name) or not posts.cell or is_header_word(posts.cell):
        return None
    (start, end), labelled = terms(cell("term"))
    if "start" in columns:
        (start, _), _ = terms(cell("start") + "-" + cell("stop"))
        (_, end), _ = terms(cell("start") + "-" + (cell("stop") or "换届"))
    age = cell("age").strip()
    return Officer(name, posts, _STATUS.get(cell("status").strip()), cell("sex").strip() or None,
                   int(age) if age.isdigit() else None, start, end, labelled, anchor)


# -- text layouts ---------------------------------------------------------------------

def from_text(pages: Pages, file: str) -> tuple[list[Officer], int | None]:
    """Officers from a text layout (``pdftotext -layout``, or tab-separated cells as HTML
    tables give them): lines after the header row until the table ends, across page breaks
    (running headers and page numbers skipped, a repeated header row passed over). A cell
    wrapped over lines continues on an indented line under its column: its parts are joined
    before the row is read. A row whose only cell is a post group (``监事``) starts a group."""
    for first in board_pages(pages):
        lines = list(pages.lines(first, min(first + 4, len(pages))))
        head = next((i for i, line in enumerate(lines) if is_board_header(split_columns(line.text))), None)
        if head is None:
            continue
        columns = _columns(split_columns(lines[head].text))
        rows = _table_rows(lines[head + 1:], [header(c) for c in split_columns(lines[head].text)])
        width = len(split_columns(lines[head].text))
        officers: list[Officer] = []
        gone = False
        for cells, line in rows:
            if is_group_row(cells) or len([c for c in cells if c.strip()]) == 1:
                gone = _marks_former(cells, gone)
            elif (o := _text_row(cells, _anchor(file, line), columns, width)) is not None:
                officers.append(_former_if(o, gone))
        if officers:
            return officers, first
    return [], None


_GONE_GROUP = re.compile(r"^(?:报告期内|本报告期内|报告期)?(?:已)?离(?:任|职)")
_HERE_GROUP = re.compile(r"^(?:报告期末)?(?:现任|在任)")


def _marks_former(cells: list[str], gone: bool) -> bool:
    """A section row or caption of those who left (``离任董事、监事和高级管理人员``,
    ``报告期内离任的董事…``) marks the rows after it as former, one of the serving
    (``现任董事``) as current again; any other keeps the state."""
    text = _ENUMERATION.sub("", next((c for c in cells if c.strip()), "")).strip()
    if _GONE_GROUP.match(text):
        return True
    if _HERE_GROUP.match(text):
        return False
    return gone


def _former_if(officer: Officer, gone: bool) -> Officer:
    """An officer under a section of those who left, with no status of its own, left."""
    if gone and officer.current is None:
        officer.current = False
    return officer


def _anchor(file: str, line: Line) -> Anchor:
    return Anchor(file, page=line.page, char_start=line.start, char_end=line.end)


def _table_rows(lines: list[Line], keys: list[str]) -> list[tuple[list[str], Line]]:
    """The table's rows as cells, wrapped parts joined, until the table ends.

    An indented line holds parts of cells. They usually end the cells of the row above,
    but where a layout centres a row on its tallest cell they begin the cells of the row
    below (``      独立董`` / ``孙五  事  现任 …``): each part goes where the post cells it
    makes read as posts with fewer words left over (``_settle``)."""
    rows: list[tuple[list[str], list[tuple[int, int]], Line]] = []
    pending: list[tuple[list[tuple[int, int]], str]] = []
    for line in lines:
        cells = split_columns(line.text)
        if _SECTION.match(line.text) and not is_group_row([_ENUMERATION.sub("", line.text)]):
            break  # the section after the table (a numbered section row, （一）董事, is a group)
        if cells and is_board_header(cells):
            if [header(c) for c in cells] != keys:
                break  # another table with a board-like header (the remuneration table)
            continue  # the header repeated on a new page
        if "\t" in line.text:
            tabbed = [c.strip() for c in line.text.split("\t")]
            if rows and not tabbed[0] and any(tabbed):
                _append(rows[-1][0], tabbed)  # a continuation row: the cells go on
                continue
            rows.append(([c for c in tabbed if c] if is_group_row(tabbed) else tabbed, [], line))
            continue
        spans = cell_spans(line.text)
        if spans and line.text[:2].isspace() and (not rows or is_group_row(rows[-1][0])
                                                  or _under_cells(spans, rows[-1][1])):
            pending.append((spans, line.text))  # an indented line: parts of cells above or below
            continue
        merged = merge_padded_name(cells)
        if len(merged) < len(cells) and len(spans) == len(cells):
            spans = [(spans[0][0], spans[1][1]), *spans[2:]]  # the padded name is one cell
        row = (merged, spans, line)
        _settle(pending, rows[-1] if rows else None, None if is_group_row(merged) else row)
        rows.append(row)
    _settle(pending, rows[-1] if rows else None, None)
    return [(cells, line) for cells, _, line in rows]


def _settle(pending: list[tuple[list[tuple[int, int]], str]], above, below) -> None:
    """Join the pending parts to the row above or the row below (see ``_table_rows``)."""
    for spans, text in pending:
        for start, end in spans:
            part = text[start:end].strip()
            up = _column(above, start)
            down = _column(below, start)
            if down is None and up is None:
                continue
            if up is not None and (down is None or _badness(above[0][up] + part) + _badness(below[0][down])
                                   <= _badness(above[0][up]) + _badness(part + below[0][down])):
                above[0][up] += part
            else:
                below[0][down] = part + below[0][down]
    pending.clear()


def _column(row, start: int) -> int | None:
    """The cell of ``row`` that a part starting at ``start`` sits under."""
    if row is None or len(row[1]) < 2 or len(row[0]) != len(row[1]):
        return None  # no positions (a tab-separated or merged row)
    within = [i for i in range(1, len(row[1])) if row[1][i][0] <= start]  # the column band the part starts in
    return within[-1] if within else 1


def _badness(cell: str) -> int:
    """How much of a cell is no post: the characters left over when it is read as posts."""
    return sum(map(len, parse_posts(cell).leftovers))


def _under_cells(spans: list[tuple[int, int]], above: list[tuple[int, int]]) -> bool:
    """Every part of the line starts under a cell of the row above, not under its name."""
    return len(above) > 1 and spans[0][0] > above[0][0] and \
        all(min(abs(a[0] - start) for a in above[1:]) <= 3 for start, _ in spans)


def _append(cells: list[str], more: list[str]) -> None:
    for index, value in enumerate(more):
        if value and index < len(cells):
            cells[index] += value


def _text_row(cells: list[str], anchor: Anchor, columns: dict[str, int] | None = None,
              width: int = 0) -> Officer | None:
    """A row with a cell for every column of the header is read by the header's columns;
    otherwise (in a text layout an empty cell leaves no trace) its cells are typed by their
    values, the post being the first cell after the name that names posts."""
    if columns and len(cells) == width and {"name", "post"} <= set(columns) and not is_group_row(cells):
        return _row(cells, columns, anchor)
    cells = [c for c in cells if c.strip()]
    if len(cells) < 3 or is_group_row(cells):
        return None
    at = next((i for i, c in enumerate(cells[1:], 1) if parse_posts(c).titles), 1)
    name, posts = person_name(cells[0]), parse_posts(cells[at])
    cells = [cells[0], cells[at], *cells[1:at], *cells[at + 1:]]
    if not is_name(name) or not posts.cell or is_header_word(posts.cell):
        return None
    current = sex = age = None
    dates: list[str] = []
    for cell in cells[2:]:
        value = cell.strip()
        if value in _STATUS and current is None:
            current = _STATUS[value]
        elif value in {"男", "女"} and sex is None:
            sex = value
        elif re.fullmatch(r"\d{2}", value) and age is None and 18 <= int(value) <= 99:
            age = int(value)
        elif _DATEISH.match(value) or value in {"换届", "至今"}:
            dates.append(value)
    if current is None and sex is None:
        return None
    (start, end), labelled = terms("-".join(dates[:2]) if len(dates) >= 2 and "-" not in dates[0]
                                   else (dates[0] if dates else ""))
    return Officer(name, posts, current, sex, age, start, end, labelled, anchor)
