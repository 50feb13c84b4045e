"""Writing what disclosures say into the document's graph, with an anchor on every value.

Disclosed facts are not credit records: like memberships, their provenance is the
document graph they sit in (no ``prov:wasDerivedFrom``, which marks records).

Shared by the annual-report, charter and exchange extractors so that a shareholding,
a financial figure or a person's post looks the same whichever document it came from.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pyoxigraph import NamedNode

from cscs.ontology.namespaces import CSCS, ID, RDF

from ..anchor import Anchor
from ..context import ExtractionContext
from .bodies import Post
from .titles import PostCell, parse_posts
from .vocabulary import roles_of_post


def listed_firm(ctx: ExtractionContext, anchor: Anchor, name: str | None, codes: list[str],
                stock_code: str | None, short_name: str | None = None) -> NamedNode:
    """The firm, known by its codes or name, with its stock code (the study's unit)."""
    found = ctx.enterprise(anchor, name or None, codes)
    if found is None:
        if not stock_code:
            raise ctx.fail(anchor, "the document names its firm by neither name, code nor stock code")
        node = ID[f"enterprise/stock-{stock_code}"]
        ctx.add(node, RDF.type, CSCS.Enterprise)
        ctx.add(node, CSCS.otherIdentifier, stock_code)
    else:
        node = found[0]
    ctx.add(node, CSCS.stockCode, stock_code)
    ctx.add(node, CSCS.shortName, short_name)
    return node


def officer_roles(ctx: ExtractionContext, person: NamedNode, firm: NamedNode, cells: list[str | PostCell],
                  anchor: Anchor, term_of, current: bool | None) -> list[str]:
    """Memberships for each post a cell names (read word by word, see ``titles``), former
    posts out of office; returns the words no post is made of (warned, quoting the cell)."""
    unknown = []
    for cell in cells:
        parsed = cell if isinstance(cell, PostCell) else parse_posts(cell)
        if parsed.leftovers:
            unknown += parsed.leftovers
            words = "、".join(repr(w) for w in parsed.leftovers)
            hint = (" (add it to extract/disclosures/vocabulary.toml if it is a post)"
                    if not parsed.titles and len(parsed.cell) > 1 else "")
            ctx.warn(anchor, f"post cell {parsed.cell!r}: {words} is no known post{hint}")
        held_now = {r for t in parsed.titles if not t.former for r in roles_of_post(t.post) or ()}
        for title in parsed.titles:
            start, end = term_of(title.post)
            if title.former and title.end:
                end = title.end
            for role in roles_of_post(title.post) or ():
                if title.former and role in held_now:
                    continue  # 总经理、原副总经理: a senior manager now
                membership = ctx.role(person, firm, role, anchor, start=start, end=end)
                held = False if title.former else current
                if held is not None:
                    ctx.add(membership, CSCS.currentPost, held)
    return unknown


def body_post(ctx: ExtractionContext, person: NamedNode, post: Post, anchor: Anchor,
              within: NamedNode | None = None, work_unit: str | None = None) -> NamedNode | None:
    """A person's post in a party-state body."""
    body = ctx.body(post.body.name, post.body.kind, post.body.level,
                    within=within if post.body.level is None else None)
    if body is None:
        return None
    membership = ctx.body_membership(person, body, post.role, anchor, current=post.current, start=post.since,
                                     end=post.until, text=post.text, work_unit=work_unit)
    if post.session is not None:
        ctx.add(membership, CSCS.bodySession, post.session)
    return membership


def _fact(ctx: ExtractionContext, kind: str, key: str, cls: NamedNode, firm: NamedNode, anchor: Anchor,
          year: int | None) -> NamedNode:
    node = ID[f"{kind}/{ctx.doc_key[:16]}/{key}"]
    ctx.add(node, RDF.type, cls)
    ctx.add(node, CSCS.ofFirm, firm)
    ctx.add(node, CSCS.fiscalYear, year)
    ctx._anchor(node, anchor)
    return node


def shareholding(ctx: ExtractionContext, firm: NamedNode, index: int, name: str, nature: str | None,
                 published: str, percent: Decimal | None, shares: int | None, anchor: Anchor,
                 year: int | None) -> NamedNode:
    node = _fact(ctx, "shareholding", str(index), CSCS.Shareholding, firm, anchor, year)
    ctx.add(node, CSCS.holderName, name)
    if nature:
        ctx.add(node, CSCS.holderNature, CSCS[nature])
    else:
        ctx.warn(anchor, f"unknown shareholder nature {published!r} for {name} (kept as published)")
    ctx.add(node, CSCS.publishedNature, published)
    ctx.add(node, CSCS.sharePercent, percent)
    ctx.add(node, CSCS.sharesHeld, shares)
    return node


def control_statement(ctx: ExtractionContext, firm: NamedNode, name: str | None, nature: str, published: str,
                      anchor: Anchor, year: int | None) -> NamedNode:
    node = _fact(ctx, "control", "1", CSCS.ControlStatement, firm, anchor, year)
    ctx.add(node, CSCS.controllerName, name)
    ctx.add(node, CSCS.controllerNature, CSCS[nature])
    ctx.add(node, CSCS.publishedNature, published)
    return node


def financial_figure(ctx: ExtractionContext, firm: NamedNode, item: str, value: Decimal, anchor: Anchor,
                     year: int | None) -> NamedNode:
    node = _fact(ctx, "figure", item, CSCS.FinancialFigure, firm, anchor, year)
    ctx.add(node, CSCS.financialItem, CSCS[item])
    ctx.add(node, CSCS.valueYuan, value)
    return node


def party_clause(ctx: ExtractionContext, firm: NamedNode, index: int, text: str, form: str, year: int | None,
                 basis: str, version: date | None, anchor: Anchor) -> NamedNode:
    node = _fact(ctx, "clause", str(index), CSCS.PartyBuildingClause, firm, anchor, None)
    ctx.add(node, CSCS.clauseText, text)
    ctx.add(node, CSCS.clauseForm, form)
    ctx.add(node, CSCS.yearAdded, year)
    ctx.add(node, CSCS.yearAddedBasis, basis)
    ctx.add(node, CSCS.charterDate, version)
    return node
