"""Listed firms' annual reports (年度报告), PDF or text: officers, their party-state posts,
owners, the actual controller and the financial statements' totals.

A report is recognised by its first pages (年度报告 and a 股票代码). Only the pages
that matter are read as tables (the board table, the other-posts table, the top
shareholders); everything else is read from the text layer, which pdfium gives for
a 300-page report in about a second. What the report does not contain is not
guessed: a report without a board table still gives its owners and figures, with a
warning.
"""

from __future__ import annotations

import re
from datetime import date

from pyoxigraph import NamedNode

from cscs.ontology.namespaces import CSCS

from ..context import ExtractionContext
from ..source import Source
from . import facts, finance, officers, ownership, posts
from .cells import person_name
from .pages import TEXT_SUFFIXES, Pages, read_pages, sniff_pages

_TITLE = re.compile(r"年\s*度\s*报\s*告|\d{4}\s*年\s*年\s*报")
# A key and its value, in a sentence, a key-value table, or a header row with the values below it.
_CODE = re.compile(r"(?:股票|证券|A\s*股)\s*代码\s*[:：]?\s*(?:[^\d\n]{0,60}\n?){0,12}?(?<!\d)(\d{6})(?!\d)")
# A firm's name as a title page prints it: a line of its own ending in the form of a company.
_TITLE_NAME = re.compile(r"^\s*([\u4e00-\u9fff（）()]{4,40}(?:股份有限公司|有限责任公司|有限公司|银行))\s*$", re.M)
_SHORT = re.compile(r"(?:股票|证券|A\s*股)\s*简称\s*[:：]?\s*([^\s|]+)")
_NAME = re.compile(r"(?:公司的)?中文名称\s*[:：]?\s*([^\s|]+(?:公司|银行|集团))")
_USCC = re.compile(r"统一社会信用代码\s*[:：]?\s*([0-9A-Z]{18})")
_YEAR = re.compile(r"(\d{4})\s*年\s*(?:年度报告|年\s*度\s*报\s*告)")


class AnnualReport:
    name = "annual_report"
    version = "1"
    kind = "disclosure"

    def accepts(self, source: Source) -> float:
        if source.path.suffix.lower() not in {".pdf", *TEXT_SUFFIXES}:
            return 0.0
        head = sniff_pages(source.path, 12)  # the company profile (股票代码) follows the contents, often on p. 8-10
        title = _TITLE.search(head[:8000])  # the title page may follow a cover or a notice
        if not title or not _CODE.search(head) or "章程" in head[:200]:
            return 0.0
        return 0.9

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        pages = read_pages(source.path)
        file = source.path.name
        name, short, code, uscc, year = _identity(pages)
        if not (name or code):
            raise ctx.fail(ctx.anchor(page=1), "no firm name or stock code on the report's first pages")
        firm = facts.listed_firm(ctx, ctx.anchor(page=_page_of(pages, code or name)), name, [uscc] if uscc else [],
                                 code, short)
        year_end = date(year, 12, 31) if year else None
        found = self._officers(ctx, pages, source, firm, year_end, (name or "", short or ""))
        holdings = (ownership.holders_from_pdf(source.path, pages, file) if pages.format == "pdf"
                    else ownership.holders_from_text(pages, file))
        for index, h in enumerate(holdings, start=1):
            facts.shareholding(ctx, firm, index, h.name, h.nature, h.published_nature, h.percent, h.shares,
                               h.anchor, year)
        statement = ownership.control(pages, file, holdings, source.path)
        if statement is not None:
            facts.control_statement(ctx, firm, statement.name, statement.nature, statement.published,
                                    statement.anchor, year)
            if statement.nature == "NaturalPersonController" and statement.name:
                for person_name_ in re.split(r"[、，,和及]", statement.name):
                    if person_name_.strip():
                        person = ctx.person(person_name(person_name_), firm=firm)
                        ctx.role(person, firm, "ActualController", statement.anchor)
        figures, problems = finance.figures(pages, file)
        for anchor, problem in problems:
            ctx.warn(anchor, problem)
        for figure in figures:
            facts.financial_figure(ctx, firm, figure.item, figure.value, figure.anchor, year)
        if not (found or holdings or figures):
            raise ctx.fail(ctx.anchor(), "no board table, shareholder table or financial statement found")
        for missing, what in ((found, "board table"), (holdings, "table of the top ten shareholders"),
                              (statement, "statement on the actual controller"), (figures, "financial statements")):
            if not missing:
                ctx.warn(ctx.anchor(), f"no {what} found")

    def _officers(self, ctx: ExtractionContext, pages: Pages, source: Source, firm: NamedNode,
                  year_end: date | None, own: tuple[str, str]) -> list[officers.Officer]:
        """The officers and their roles; then their posts in party-state bodies and birth years,
        read only for people in the board table."""
        file = source.path.name
        found, first = (officers.from_pdf(source.path, pages, file) if pages.format == "pdf"
                        else officers.from_text(pages, file))
        if not found or first is None:
            return []
        people = {}
        for officer in found:
            person = ctx.person(officer.name, firm=firm, sex=officer.sex, age=officer.age)
            people[officer.name] = person
            assert officer.anchor is not None, "an officer is read from a row or a line, its anchor"
            facts.officer_roles(ctx, person, firm, [officer.posts], officer.anchor, officer.term_of, officer.current)
            ctx.counts.rows += 1
        start, end = posts.section(pages, first)
        bio_posts, births = posts.from_biographies(pages, start, end, list(people), own, file)
        table_posts = (posts.from_units_table_pdf(source.path, pages, start, end, set(people), year_end, file)
                       if pages.format == "pdf" else
                       posts.from_units_table_text(pages, start, end, set(people), year_end, file))
        for item in bio_posts + table_posts:
            facts.body_post(ctx, people[item.person], item.post, item.anchor, within=firm)
        for name, (born, _anchor) in births.items():
            ctx.add(people[name], CSCS.birthYear, born)
        return found


def _identity(pages: Pages) -> tuple[str | None, str | None, str | None, str | None, int | None]:
    head = pages.head
    name = _NAME.search(head) or _TITLE_NAME.search(head[:3000])
    short = _SHORT.search(head)
    code = _CODE.search(head)
    uscc = _USCC.search(head)
    year = _YEAR.search(head)
    return (name[1] if name else None, short[1] if short else None, code[1] if code else None,
            uscc[1] if uscc else None, int(year[1]) if year else None)


def _page_of(pages: Pages, text: str | None) -> int:
    if text:
        for number in range(1, min(len(pages), 12) + 1):
            if text in pages.text(number):
                return number
    return 1
