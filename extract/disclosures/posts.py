"""Officers' other posts: biographies and the table of posts in other units.

Biographies (主要工作经历) say ``郭建先生兼任深圳市政协委员``; the table 在其他单位任职
情况 has a row ``郭建 | 深圳市政协 | 政协委员`` (the name only on the first of a
person's rows). A post in a biography belongs to the officer the biography is
about: the last officer named as its subject (``X先生``, ``X女士``, ``X：``) before
the post. Only officers from the board table are subjects, so other people named
in a biography never receive posts.

PDF text wraps mid-sentence, so each page is searched with its line breaks
removed, and spans are mapped back to the page's text for the anchors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..anchor import Anchor
from ..readers import read_tables
from .bodies import Post, find_posts, unit_post
from .cells import end_date, header, joined, person_name, split_columns
from .pages import Pages

# The section after the officers' biographies and posts (a chapter heading would not do:
# reports repeat the chapter's name at the top of every page).
_END = re.compile(r"董事、监事(?:和|及)?高级管理人员(?:的)?报酬|董事、监事、高级管理人员报酬|报酬情况")
_BIRTH = re.compile(r"(\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:出生|生)")
_MAX_PAGES = 12
# A biography's subject where a paragraph starts: ``黎忠水先生，1956年出生``.
_PARAGRAPH_SUBJECT = re.compile(r"^\s*(?P<name>[\u3400-\u9fff·]{2,4})(?:先生|女士)[，,：:（(]", re.M)


@dataclass
class PersonPost:
    person: str
    post: Post
    anchor: Anchor


def section(pages: Pages, first: int) -> tuple[int, int]:
    """Pages of the governance section: from the board table to the remuneration section."""
    for number in range(first + 1, min(first + _MAX_PAGES, len(pages)) + 1):
        if _END.search(pages.text(number)):
            return first, number
    return first, min(first + _MAX_PAGES, len(pages))


def _flat(text: str) -> tuple[str, list[int]]:
    """The text without line breaks, and each character's offset in the original."""
    chars, offsets = [], []
    for index, char in enumerate(text):
        if char != "\n":
            chars.append(char)
            offsets.append(index)
    offsets.append(len(text))
    return "".join(chars), offsets


def _subjects(names: list[str]) -> re.Pattern[str]:
    alternatives = sorted(("\\s?".join(map(re.escape, n)) for n in names), key=len, reverse=True)
    return re.compile("(?P<name>" + "|".join(alternatives) + r")\s*(?=先生|女士|[:：，,（(]|\s)")


def from_biographies(pages: Pages, first: int, last: int, names: list[str], own_names: tuple[str, ...],
                     file: str) -> tuple[list[PersonPost], dict[str, tuple[int, Anchor]]]:
    """Posts stated in biographies, and birth years (``1968 年出生``) by officer."""
    if not names:
        return [], {}
    subjects = _subjects(names)
    known = set(names)
    found: list[PersonPost] = []
    births: dict[str, tuple[int, Anchor]] = {}
    current: str | None = None
    for number in range(first, last + 1):
        flat, offsets = _flat(pages.text(number))
        mentions = [(m.start(), person_name(m["name"])) for m in subjects.finditer(flat)]
        flat_at = {original: index for index, original in enumerate(offsets)}
        mentions += [(flat_at[m.start("name")], m["name"]) for m in _PARAGRAPH_SUBJECT.finditer(pages.text(number))
                     if m["name"] not in known]  # a biography of somebody not in the table: not an officer's
        mentions.sort()
        for position, name in mentions:
            if name in known and name not in births and (b := _BIRTH.search(flat, position, position + 60)):
                births[name] = (int(b[1]), Anchor(file, page=number, char_start=offsets[b.start()],
                                                   char_end=offsets[b.end()]))
        for post in find_posts(flat, own_names):
            before = [name for position, name in mentions if position < post.start]
            subject = before[-1] if before else current
            if subject is None or subject not in known:
                continue
            found.append(PersonPost(subject, post, Anchor(file, page=number, char_start=offsets[post.start],
                                                          char_end=offsets[post.end])))
        if mentions:
            current = mentions[-1][1]
    return found, births


def _is_units_header(cells: list[str]) -> bool:
    keys = [header(c) for c in cells]
    return any(k.endswith("姓名") for k in keys) and any("单位名称" in k for k in keys) and \
        any("职务" in k for k in keys)


def _unit_columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = header(cell)
        if key.endswith("姓名"):
            found.setdefault("name", index)
        elif "单位名称" in key:
            found.setdefault("unit", index)
        elif "职务" in key:
            found.setdefault("post", index)
        elif "终止" in key or "结束" in key:
            found["stop"] = index
    return found


def from_units_table_pdf(path: Path, pages: Pages, first: int, last: int, names: set[str],
                         year_end: date | None, file: str) -> list[PersonPost]:
    candidates = [n for n in range(first, last + 1) if re.search(r"单位名称", pages.text(n))]
    if not candidates:
        return []
    tables = read_tables(path, format="pdf", borderless=True, pages=range(candidates[0], min(candidates[-1] + 1, len(pages)) + 1))
    found: list[PersonPost] = []
    columns: dict[str, int] | None = None
    width = 0
    person: str | None = None
    for table in tables:
        rows = list(table.rows)
        start = 0
        if rows and _is_units_header(list(rows[0].cells)):
            columns, width, start = _unit_columns(list(rows[0].cells)), len(rows[0].cells), 1
        elif columns is None or not rows or len(rows[0].cells) != width:
            continue
        for raw in rows[start:]:
            cells = list(raw.cells)
            name = person_name(cells[columns["name"]]) if "name" in columns else ""
            if name:
                person = name
            if person is None or person not in names:
                continue
            post = unit_post(joined(cells[columns.get("unit", 1)]), joined(cells[columns.get("post", 2)]))
            if post is None:
                continue
            stop = end_date(joined(cells[columns["stop"]])) if "stop" in columns else None
            found.append(PersonPost(person, _with_status(post, stop, year_end),
                                    Anchor(file, page=raw.page, table=table.index, row=raw.row)))
    return found


def from_units_table_text(pages: Pages, first: int, last: int, names: set[str], year_end: date | None,
                          file: str) -> list[PersonPost]:
    lines = list(pages.lines(first, last))
    head = next((i for i, line in enumerate(lines) if _is_units_header(split_columns(line.text))), None)
    if head is None:
        return []
    found: list[PersonPost] = []
    person: str | None = None
    for line in lines[head + 1:]:
        cells = split_columns(line.text)
        if not cells or re.match(r"^\s*(?:第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                                 r"\d+、|在其他单位任职情况的说明|报酬)", line.text):
            break
        if not line.text.startswith((" ", "\u3000", "\t")):
            person = person_name(cells[0])
            cells = cells[1:]
        if person not in names or len(cells) < 2:
            continue
        post = unit_post(cells[0], cells[1])
        if post is None:
            continue
        stop = next((end_date(c) for c in cells[2:] if end_date(c)), None) if len(cells) > 3 else None
        found.append(PersonPost(person, _with_status(post, stop, year_end),
                                Anchor(file, page=line.page, char_start=line.start, char_end=line.end)))
    return found


def _with_status(post: Post, stop: date | None, year_end: date | None) -> Post:
    """A post in the table of other units is held at the end of the period unless its term ended."""
    current = not (stop and year_end and stop <= year_end)
    return replace(post, current=current, until=stop)
