"""Articles of association (公司章程): the party-building clause and when it was added.

Two forms are told apart. A chapter on the party organisation (第五章 党的组织, 党委,
党建工作) is the substantive clause SOEs were required to add from 2017 and some private
firms added too; an article that merely allows a party organisation (公司根据中国共产党
章程的规定，设立共产党组织、开展党的活动) is the boilerplate of the CSRC's 2019 model
charter. Both are recorded (``cscs:clauseText`` shows which); the study's variable is
the chapter (queries/party-building.rq).

The year added is the year a revision record of the charter states (``2017年6月 …
增加第五章“党的组织”``), else the year of the charter version (（2023年4月修订）), which
is then only an upper bound: the earliest version in the graph that has the clause wins.
"""

from __future__ import annotations

import re
from datetime import date

from ..context import ExtractionContext
from ..source import Source
from . import facts
from .pages import TEXT_SUFFIXES, Pages, read_pages, sniff_pages

_TITLE = re.compile(r"^\s*(?P<name>[^\s（(]{4,40}?(?:股份有限公司|有限责任公司|有限公司|集团公司))\s*(?:公司)?章\s*程\s*$", re.M)
_VERSION = re.compile(r"[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:\d{1,2}\s*日\s*)?(?:修订|修正|修改|修订稿)\s*[）)]")
_USCC = re.compile(r"统一社会信用代码\s*(?:为|是)?\s*[:：]?\s*([0-9A-Z]{18})")
_REGISTERED = re.compile(r"(?:公司)?注册名称\s*[:：]\s*(?:中文(?:全称)?\s*[:：]?)?\s*([^\s，,；;。]+公司)")
_CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+章\s*(?P<title>(?:公司)?(?:党的组织|党组织|党委|党建工作|党的建设|"
                      r"中国共产党[^\n]{0,20}组织|党的领导)[^\n]{0,12})\s*$", re.M)
_NEXT_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[条章]", re.M)
_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+条[^\n]*中国共产党章程[^\n]*(?:设立|建立)[^\n]*(?:党组织|党的组织|共产党组织)",
                      re.M)
_RECORD_LINE = re.compile(r"(\d{4})\s*年[^\n]{0,60}?(?:增加|新增|增设|写入|加入|增补)[^\n]{0,30}?党")


class ArticlesOfAssociation:
    name = "articles_of_association"
    version = "1"
    kind = "disclosure"

    def accepts(self, source: Source) -> float:
        if source.path.suffix.lower() not in {".pdf", *TEXT_SUFFIXES}:
            return 0.0
        head = sniff_pages(source.path, 3)
        return 0.9 if _TITLE.search(head[:600]) and re.search(r"第[一二三四五六七八九十]+章\s*总\s*则", head) else 0.0

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        pages = read_pages(source.path)
        head = pages.head
        title = _TITLE.search(head)
        registered = _REGISTERED.search(head)
        name = registered[1] if registered else title["name"] if title else None
        uscc = _USCC.search(head)
        if not name and not uscc:
            raise ctx.fail(ctx.anchor(page=1), "the charter names its firm by neither name nor code")
        firm = facts.listed_firm(ctx, ctx.anchor(page=1), name, [uscc[1]] if uscc else [], None)
        version = _VERSION.search(head[:1500])
        version_date = date(int(version[1]), int(version[2]), 1) if version and 1 <= int(version[2]) <= 12 else None
        stated = _stated_year(pages)
        found = 0
        for page, start, end, text, form in _clauses(pages):
            found += 1
            year = stated if stated and form == "chapter" else (version_date.year if version_date else None)
            basis = "stated" if stated and form == "chapter" else "version"
            facts.party_clause(ctx, firm, found, text, form, year, basis, version_date,
                               ctx.anchor(page=page, char_start=start, char_end=end))
            if year is None:
                ctx.warn(ctx.anchor(page=page), "the charter gives no date: the year the clause was added is unknown")
        if not found:
            ctx.warn(ctx.anchor(), "no party-building clause in this charter")


def _clauses(pages: Pages) -> list[tuple[int, int, int, str, str]]:
    """(page, start, end, text, form) of each chapter on the party and each boilerplate article."""
    out = []
    for number in range(1, len(pages) + 1):
        text = pages.text(number)
        for m in _CHAPTER.finditer(text):
            first = _NEXT_ARTICLE.search(text, m.end())
            if first is None or not re.match(r"\s*第[一二三四五六七八九十百零〇\d]+条", text[m.end():].lstrip()):
                continue  # an entry of the table of contents, not the chapter itself
            following = _NEXT_ARTICLE.search(text, first.end()) if first else None
            end = following.start() if following else min(len(text), m.end() + 300)
            out.append((number, m.start(), end, _excerpt(text[m.start():end]), "chapter"))
        for m in _ARTICLE.finditer(text):
            out.append((number, m.start(), m.end(), _excerpt(m[0]), "article"))
    return out


def _excerpt(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()[:400]


def _stated_year(pages: Pages) -> int | None:
    """The year a revision record says a party chapter or clause was added (the earliest)."""
    years = [int(m[1]) for number in range(1, len(pages) + 1) for m in _RECORD_LINE.finditer(pages.text(number))]
    return min(years) if years else None
