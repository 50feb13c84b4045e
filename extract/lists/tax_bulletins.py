"""税案通报: tax-bureau case bulletins, a crawl of narrative articles (one per row:
``article_id, title, url, publish_date, source, content_text``) or one article as plain
text or HTML (``--as tax_bulletins``).

The table is a list of articles, so its columns are read like any list's (aliases in
``tax_bulletins.toml``, unread columns reported); the facts are in the text, read by
the sentence rules of :mod:`cscs.extract.bulletins.cases` and written by
:mod:`cscs.extract.bulletins.records` once the whole document is read, so that a case
reported twice in it becomes one record with two sources. A table is recognised by its
columns (a title and a long text) and by its wording (税务局…稽查局, 查处), without ``--as``.

Silence means absence: an article that reads like a case report (a bureau that
查处/检查, an amount in 万元) but yields no party gets a warning naming it, as does a
party named only in masked form (某), a case without a bureau or without an amount,
and an article whose date cannot be read (its cases are not recorded: a record needs
the day it counts from).
"""

from __future__ import annotations

import re

from ..bulletins.articles import TEXT_SUFFIXES, Article, dated, read_single
from ..bulletins.cases import read_article
from ..bulletins.records import Report, group_cases, write_group
from ..context import ExtractionContext
from ..readers import ReaderError
from ..source import Source
from .base import ListExtractor, Row, RowError

_WORDING = re.compile(r"税务局[^。]{0,30}?(?:稽查局|查处|检查)|稽查局[^。]{0,40}?(?:查处|检查)")
_SAMPLE_ROWS = 20
_LONG_TEXT = 120


def bulletin_wording(text: str) -> bool:
    """Whether a text reads like a tax-bureau case report."""
    return bool(_WORDING.search(text[:3000]))


class TaxBulletinList(ListExtractor):
    name = "tax_bulletins"
    kind = "bulletin"

    def accepts(self, source: Source) -> float:
        """A table of articles with bulletin wording in most of its texts (0.9); a single
        text or HTML article with that wording (0.6, below a judgment's signal)."""
        suffix = source.path.suffix.lower()
        if suffix in TEXT_SUFFIXES and suffix != ".txt" or suffix == ".txt" and not _is_table(source):
            try:
                article = read_single(source.path, source.data[:200_000])
            except (ReaderError, ValueError):
                return 0.0
            return 0.6 if bulletin_wording(article.text) else 0.0
        try:
            tables = source.tables
        except (ReaderError, ValueError):
            return 0.0
        for table in tables:
            layout = self.layout(table)
            if layout is None:
                continue
            column = layout.fields.index("content_text")
            texts = [r.cells[column] for r in table.rows[layout.header_index + 1:][:_SAMPLE_ROWS]
                     if len(r.cells) > column]
            long = [t for t in texts if len(t) >= _LONG_TEXT]
            if long and sum(map(bulletin_wording, long)) * 2 >= len(texts):
                return 0.9
        return 0.0

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        suffix = source.path.suffix.lower()
        if suffix in {".html", ".htm"} or suffix == ".txt" and not _is_table(source):
            articles = [read_single(source.path, source.data)]
            if not articles[0].text.strip():
                raise ctx.fail(ctx.anchor(), "no article text found")
        else:
            self._sink = articles = []
            try:
                super().extract(ctx, source)  # reads the rows through row(), into articles
            finally:
                self._sink = None
        self.write(ctx, articles)

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        """Collect one article (records are written once every row is read: a case
        reported twice must be seen twice before it is written once)."""
        if self._sink is None:
            raise RowError("bulletin articles are read as a whole document, not streamed "
                           "(ingest this file without --bulk)")
        text = row.pop("content_text")
        article_id = row.pop("article_id") or f"row {row.anchor.row}"
        row.pop("source")
        if not text:
            ctx.warn(row.anchor, f"article {article_id} has no text")
            return
        article = dated(article_id, row.pop("title"), text, row.pop("publish_date"), row.pop("url"),
                        row.anchor.row)
        self._sink.append(article)

    _sink: list[Article] | None = None

    def write(self, ctx: ExtractionContext, articles: list[Article]) -> None:
        """Read every article's cases, warn where one is silent, merge repeats, write."""
        reports: list[Report] = []
        for article in articles:
            place = ctx.anchor(row=article.row)
            reading = read_article(article.text, article.title)
            for case in reading.cases:
                for masked in case.masked:
                    ctx.warn(place, f"article {article.article_id}: party {masked.text!r} is named only in "
                                    "masked form (某); no record")
            cases = [c for c in reading.cases if c.firm is not None or c.persons]
            if not cases:
                if reading.looks_like_case and not any(c.masked for c in reading.cases):
                    ctx.warn(place, f"article {article.article_id} reads like a case report (a bureau that "
                                    "查处/检查, an amount) but names no firm or person; no record")
                continue
            if article.published is None:
                reason = article.date_error or "no publication date"
                ctx.warn(place, f"article {article.article_id}: {reason}; its cases are not recorded")
                continue
            for case in cases:
                if case.bureau is None:
                    ctx.warn(place, f"article {article.article_id}: case of {case.party} names no inspecting "
                                    "bureau; recorded without an issuing department")
                if case.underpaid is None and case.total is None:
                    ctx.warn(place, f"article {article.article_id}: case of {case.party} states no amount "
                                    "(少缴 … 万元, 共计 … 万元); recorded without amounts")
                reports.append(Report(article, case))
        for group in group_cases(reports):
            write_group(ctx, group)


def _is_table(source: Source) -> bool:
    """A .txt file that is a delimited table (its first line has several tab or comma
    separated fields) rather than an article."""
    head = source.data[:4096].decode("utf-8", errors="ignore").split("\n", 1)[0]
    return head.count("\t") >= 2 or head.count(",") >= 3 and "。" not in head
