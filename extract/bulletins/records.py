"""Cases into records: one case reported twice is one record with two sources.

The bureaus publish many cases twice: a short 通报 and, weeks later, a longer 揭秘…
article about the same case, often with the amounts rounded (253万元 beside 252.77万元).
Within one document the cases are grouped by a case key: the party's name, a bureau
of the same core name (or none), and amounts that agree at the coarser precision
printed. A group becomes one record; every article of it is a ``cscs:ArticleReport``
(id, URL, title, date, character span, quoted sentence) linked by ``cscs:reportedIn``,
and the record itself is anchored at its first report.

A repeat in a *later* document cannot be merged this way: each document has its own
named graph, and a record belongs to exactly one. The later document makes a second
record of the same firm and kind; the rubric's Tax payment indicator counts the firm
once either way (it deducts per indicator, not per record), so a firm's score is not
changed twice, but record counts are (left as it is; see the report of issue 13).

Records:

* ``TaxViolation`` (class ``cscs:TaxCaseRecord``) about the firm, or about each person
  when the case names no firm (a live-streamer, a taxpayer who would not file); persons
  named with a firm (its operator, 东至县荣峰再生资源回收站暨盛荣峰) are
  ``cscs:namedPerson`` of the firm's record, never a firm.
* ``MajorTaxViolation`` besides, when the bulletin lists the party as a 重大税收违法失信主体
  (or 失信主体). A listing in the 涉税服务失信名录 (a list of tax agents) is kept as
  ``cscs:dishonestListing`` on the TaxViolation: it is not the major-violation list.

``validFrom`` is the article's publication date (the earliest of its reports). A
credit record counts from the day it is published, and every article has that date,
while the decision month is printed in few of them (日前…已依法送达); a bureau's
decision published later does not count before its publication.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from pyoxigraph import NamedNode

from cscs.ontology.namespaces import CSCS, ID, RDF, safe

from ..context import ExtractionContext
from ..identifiers import normalize_name
from ..lists.base import authority
from .articles import Article
from .cases import Case, Span, bureau_core

_QUOTE_LIMIT = 240


@dataclass
class Report:
    article: Article
    case: Case


@dataclass
class Group:
    """One case as one or more articles report it."""

    reports: list[Report] = field(default_factory=list)

    @property
    def first(self) -> Case:
        return self.reports[0].case

    def value(self, attribute: str):
        """The value the reports give; for an amount, the most precisely printed one."""
        cases = [r.case for r in self.reports if getattr(r.case, attribute) is not None]
        if not cases:
            return None
        return getattr(min(cases, key=lambda c: c.steps.get(attribute, 0)), attribute)


def group_cases(reports: list[Report]) -> list[Group]:
    """Group the reports of one document by case key (see the module's docstring)."""
    groups: list[Group] = []
    for report in reports:
        home = next((g for g in groups if _same_case(g.first, report.case)), None)
        if home is None:
            groups.append(Group([report]))
        else:
            home.reports.append(report)
    return groups


def _same_case(a: Case, b: Case) -> bool:
    if a.party is None or normalize_name(a.party) != normalize_name(b.party or ""):
        return False
    if a.bureau and b.bureau and bureau_core(a.bureau.text) != bureau_core(b.bureau.text) \
            and not bureau_core(a.bureau.text).endswith(bureau_core(b.bureau.text)) \
            and not bureau_core(b.bureau.text).endswith(bureau_core(a.bureau.text)):
        return False
    return all(_agree(getattr(a, f), getattr(b, f), max(a.steps.get(f, Decimal(0)), b.steps.get(f, Decimal(0))))
               for f in ("underpaid", "total"))


def _agree(x: Decimal | None, y: Decimal | None, step: Decimal) -> bool:
    """Equal amounts, or equal within the coarser printing (252.77万元 and 253万元: the
    coarser step is 1万元); a missing amount agrees."""
    if x is None or y is None:
        return True
    return abs(x - y) <= step / 2


def write_group(ctx: ExtractionContext, group: Group) -> int:
    """The records of one case; returns how many were made."""
    first = group.reports[0]
    bureau = group.value("bureau")
    issued_by = authority(ctx, bureau.text) if bureau else None
    valid_from = min(day for r in group.reports if (day := r.article.published) is not None)
    anchor = _anchor(ctx, first.article, first.case.sentence)
    firm = group.value("firm")
    persons = _persons(group)
    subjects: list[tuple[NamedNode, str]] = []
    if firm is not None:
        found = ctx.enterprise(anchor, firm.text)
        assert found is not None, "a firm found by its name"  # enterprise() is None only without name or code
        subjects.append((found[0], firm.text))
    else:
        subjects = [(ctx.person(p), p) for p in persons]
    dishonest = group.value("dishonest")
    made = 0
    for subject, name in subjects:
        properties = _properties(group, name, bureau)
        record = ctx.record("TaxViolation", subject, anchor, link=None, record_class="TaxCaseRecord",
                            valid_from=valid_from, issued_by=issued_by, properties=properties)
        if firm is not None:
            for p in persons:
                ctx.add(record, CSCS.namedPerson, ctx.person(p, firm=subject))
        for report in group.reports:
            ctx.add(record, CSCS.reportedIn, _report_node(ctx, report))
        made += 1
        if dishonest and ("重大税收违法" in dishonest or dishonest == "失信主体"):
            ctx.record("MajorTaxViolation", subject, anchor, link=None, record_class="TaxCaseRecord",
                       valid_from=valid_from, issued_by=issued_by, properties={**properties,
                                                                               "dishonestListing": dishonest})
            made += 1
    return made


def _persons(group: Group) -> list[str]:
    seen: dict[str, None] = {}
    for report in group.reports:
        for p in report.case.persons:
            seen.setdefault(p.text, None)
    return list(seen)


def _properties(group: Group, name: str, bureau: Span | None) -> dict[str, object]:
    first = group.reports[0]
    basis = next((r.case.basis for r in group.reports if r.case.basis), [])
    return {
        "subjectName": name,
        "taxUnderpaidYuan": group.value("underpaid"),
        "taxRecoveredYuan": group.value("total"),
        "taxPeriod": group.value("period"),
        "legalBasis": "、".join(f"《{law}》" for law in basis) or None,
        "policeReferral": any(r.case.police for r in group.reports),
        "dishonestListing": group.value("dishonest"),
        "violationType": group.value("violation"),
        "articleId": first.article.article_id,
        "quote": _quote(first.article.text, first.case.sentence),
    }


def _anchor(ctx: ExtractionContext, article: Article, sentence: Span | None):
    if sentence is None:
        return ctx.anchor(row=article.row)
    return ctx.anchor(row=article.row, char_start=sentence.start, char_end=sentence.end)


def _quote(text: str, sentence: Span | None) -> str | None:
    if sentence is None:
        return None
    return " ".join(text[sentence.start:sentence.end].split())[:_QUOTE_LIMIT]


def _report_node(ctx: ExtractionContext, report: Report) -> NamedNode:
    """One article's account of the case: which article, where in it (an article that
    bundles cases has one per case, told apart by where the case's sentence starts)."""
    article, case = report.article, report.case
    at = case.sentence.start if case.sentence is not None else 0
    node = ID[f"report/{ctx.doc_key[:16]}/{safe(article.article_id)}/{at}"]
    ctx.add(node, RDF.type, CSCS.ArticleReport)
    ctx.add(node, CSCS.articleId, article.article_id)
    ctx.add(node, CSCS.articleTitle, article.title or None)
    ctx.add(node, CSCS.articleUrl, article.url or None)
    ctx.add(node, CSCS.publishedOn, article.published)
    ctx.add(node, CSCS.quote, _quote(article.text, case.sentence))
    ctx.add(node, CSCS.sourceRow, article.row)
    if case.sentence is not None:
        ctx.add(node, CSCS.charStart, case.sentence.start)
        ctx.add(node, CSCS.charEnd, case.sentence.end)
    return node
