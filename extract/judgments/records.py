"""A read judgment into the graph: the decision as a fact, and the credit records it supports.

Every judgment becomes a ``cscs:CourtDecision`` with its court, document type, case
number and its parts, date, cause of action, charges, whether it concerns financing,
outcome and the basis document of an enforcement ruling; its parties are
``cscs:CaseParty`` nodes (role as printed and canonical, the firm, person or organ, the
legal representative, the agents) and the sums it orders ``cscs:MonetaryAward`` nodes
(who pays whom). Firms and persons are made with the same keys the lists use
(``ExtractionContext.enterprise`` by organisation code, ``person`` by ID number), so a
judgment's parties are the lists' parties. A firm party's legal representative
(法定代表人, or a branch's 负责人) holds ``LegalRepresentative`` in the firm, without
dates, as the lists record it; a person party of the same name in the same judgment
(the representative also subject to enforcement, or a guarantor) is that person, so a
record against them reaches the firm through the key-personnel indicators. The person
is keyed by the ID number when the judgment gives one (the same person in every
document), else within the firm.

Credit records (``cscs:JudicialRecord``) are made only where the documents say so
(the mapping the rubric data then counts):

* an enforcement ruling that ends enforcement because the debtor has no assets
  (执行裁定书, 终结本次执行程序 in any of its wordings, with or without 本院认为 or a
  holding cue) → ``JudgmentDefault`` against each party subject to enforcement (firm or
  person), or ``FinancingJudgmentDefault`` when the case concerns financing (a loan cause
  of action, a bank or other lender as applicant; never a lender that is the debtor). Whether a judgment was
  satisfied is never guessed from the judgment itself: a civil judgment ordering a
  payment is a fact, not a default (the dishonest-persons list, ingested separately,
  gives the other route, as ``DishonestJudgmentDebtor``). An enforcement completed
  (执行完毕) makes no record. The rubric's "Failure to Satisfy a Court Judgment" says
  dishonest-person and financing cases are excluded: financing cases get their own
  kind here; a debtor who is also on the dishonest list has both records, and the
  rubric counts each under its own indicator.
* a conviction in this court's holding (``被告单位X犯Y罪，判处…``) → ``FinancingCrime``
  when the charge concerns financing (illegal fund-raising, loan fraud …), else
  ``CriminalRecord``; against the firm for a unit crime (单位犯罪), against the person
  for a natural person (whose record reaches a firm only through a key-personnel
  indicator, if the rubric has one). A conviction for 虚假诉讼罪 is also
  ``FrivolousLitigation``.
* a finding of false or malicious litigation (虚假诉讼) in the reasoning or holding,
  typically a decision fining the party (民事决定书, 罚款) → ``FrivolousLitigation``
  against the party sanctioned.

Records count from the decision's date; a ruling cut before its signature counts from
the latest date it states (a lower bound of its date, with a warning); a text with no
date at all makes no record, with a warning. Records carry the case number, the court,
the sentence they rest on (``cscs:quote``) and its character span. A text that looks
like it should have made one and did not (终本 wording, a unit convicted, or neither a
document type nor parties) is a warning naming the place (``silence``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pyoxigraph import NamedNode

from cscs.ontology.namespaces import CSCS, DCTERMS, ID, RDF, key_digest

from ..context import ExtractionContext
from ..identifiers import Identifier, parse_person_id
from . import findings, lexicon
from .model import Judgment, Party
from .sources import JudgmentText
from .values import find_dates

_QUOTE_LIMIT = 240
_OUTSTANDING = re.compile(r"(?:尚未履行|未履行|尚欠|仍欠)[^。；]{0,12}?(?:金额|款项|本金)?(?:为|计|共计)?")


class _Anchors:
    """Anchors and anchor properties for spans of one judgment's text."""

    def __init__(self, ctx: ExtractionContext, jt: JudgmentText):
        self.ctx, self.jt = ctx, jt

    def __call__(self, start: int, end: int):
        parts = self.jt.place(start, end)
        return self.ctx.anchor(**{k: v for k, v in parts.items() if v is not None})

    def write(self, node: NamedNode, start: int, end: int) -> None:
        a = self(start, end)
        for prop, value in ((CSCS.sourcePage, a.page), (CSCS.sourceRow, a.row), (CSCS.charStart, a.char_start),
                            (CSCS.charEnd, a.char_end), (CSCS.sourcePath, a.json_path)):
            self.ctx.add(node, prop, value)


def add_judgment(ctx: ExtractionContext, jt: JudgmentText, j: Judgment, index: int) -> int:
    """Write one judgment; returns the number of credit records made."""
    at = _Anchors(ctx, jt)
    for start, end, message in (*jt.problems, *j.problems):
        ctx.warn(at(start, end), message)
    court = ctx.department(j.court.text, "Court") if j.court else None
    decision = ID[f"judgment/{ctx.doc_key[:16]}/{index}"]
    _decision(ctx, at, decision, j, court)
    entities = _Entities(ctx, at, j)
    nodes = _parties(ctx, at, decision, j, entities)
    _awards(ctx, at, decision, j, nodes)
    made = _records(ctx, at, decision, j, court, entities)
    for start, end, message in silence(j, made):
        ctx.warn(at(start, end), message)
    return made


def silence(j: Judgment, made: int) -> list[tuple[int, int, str]]:
    """Warnings for a reading that should have counted and did not (so that silence means absence):
    终本 wording without a record, an enforcement ruling whose outcome was not read, a unit
    convicted without a record, a text with neither a document type nor parties."""
    out: list[tuple[int, int, str]] = []
    termination = findings.termination(j, lexicon) if j.lang == "zh" and j.case_kind in {"enforcement", None} \
        else None
    unread = j.case_kind == "enforcement" and j.doc_kind == "ruling" and j.outcome is None  # 执行完毕 explains itself
    if made == 0 and (termination or unread):
        span = termination or ((j.doc_type.start, j.doc_type.end) if j.doc_type else (0, 0))
        what = "终本 wording (终结本次执行程序)" if termination else "an enforcement ruling"
        out.append((*span, f"{what} but no judgment-default record was made (outcome read: {j.outcome or 'none'}; "
                           f"parties subject to enforcement read: {len(j.parties_with('enforcement-debtor'))})"))
    unit = _UNIT_CONVICTED.search(j.text) if j.lang == "zh" else None
    if unit and not any(p.kind == "firm" and any(c.name == p.name for c in j.convictions) for p in j.parties):
        out.append((unit.start(), unit.end(), "a unit defendant convicted (被告单位…犯…罪) but no record against "
                                              "it was made"))
    if j.doc_type is None and not j.parties:
        out.append((0, min(len(j.text), 40), "no document type and no parties recognised: nothing was read from "
                                             "this text"))
    return out


_UNIT_CONVICTED = re.compile(r"被告单位[^。；，,\n]{2,80}?犯[^。；，,\n]{2,40}?罪[，,][^。]{0,20}?(?:判处|处以?)?罚金")
_FIRM_LEGAL_REP = "LegalRepresentative"


class _Entities:
    """The firm, person or organ each party is, made once per judgment.

    Firms are keyed by their codes (as the lists key them); a firm party's legal
    representative becomes a person holding ``LegalRepresentative`` in the firm (as the lists
    make them), and a person party of the same name in the same judgment is that person
    (scoped to the firm unless an ID number keys them), so a record against the person
    reaches the firm through the key-personnel indicators.
    """

    def __init__(self, ctx: ExtractionContext, at: "_Anchors", j: Judgment):
        self.ctx, self.at, self.j = ctx, at, j
        self.made: dict[int, tuple[NamedNode, Identifier | None] | None] = {}
        self.rep_firm: dict[str, NamedNode] = {}
        ids = {p.name: p.id_number for p in j.parties if p.kind == "person" and p.id_number}
        for p in j.parties:
            if p.kind != "firm":
                continue
            entity = self.of(p)
            if entity is None or p.legal_rep is None or p.legal_rep.kind != "legal-representative":
                continue
            rep = p.legal_rep.name
            person = ctx.person(rep, ids.get(rep), firm=entity[0])
            ctx.role(person, entity[0], _FIRM_LEGAL_REP, at(p.legal_rep.start, p.legal_rep.end))
            self.rep_firm.setdefault(rep, entity[0])

    def of(self, p: Party) -> tuple[NamedNode, Identifier | None] | None:
        if id(p) not in self.made:
            firm = self.rep_firm.get(p.name) if p.kind == "person" else None
            self.made[id(p)] = _entity(self.ctx, self.at(p.start, p.end), p, firm)
        return self.made[id(p)]


def _decision(ctx: ExtractionContext, at: _Anchors, node: NamedNode, j: Judgment, court: NamedNode | None) -> None:
    ctx.add(node, RDF.type, CSCS.CourtDecision)  # its document is the graph it sits in
    ctx.add(node, CSCS.court, court)
    if j.doc_type:
        ctx.add(node, CSCS.documentType, j.doc_type.text)
    ctx.add(node, CSCS.decisionKind, j.doc_kind)
    ctx.add(node, CSCS.caseKind, j.case_kind)
    c = j.case_number
    if c is not None:
        ctx.add(node, DCTERMS.identifier, c.normalized)
        ctx.add(node, CSCS.caseYear, c.year)
        ctx.add(node, CSCS.courtCode, c.court_code)
        ctx.add(node, CSCS.courtLevel, c.level)
        ctx.add(node, CSCS.specialisedCourt, c.specialised_court)
        ctx.add(node, CSCS.caseTypeCode, c.type_code)
        ctx.add(node, CSCS.caseSequence, c.sequence)
        ctx.add(node, CSCS.caseNumberForm, c.form)
    for other in j.related_case_numbers:
        ctx.add(node, CSCS.relatedCaseNumber, other.normalized)
    if j.basis_case_number is not None:
        ctx.add(node, CSCS.basisCaseNumber, j.basis_case_number.normalized)
    elif j.basis is not None:
        ctx.add(node, CSCS.basisCaseNumber, j.basis.text)
    ctx.add(node, CSCS.decisionDate, j.date)
    if j.cause:
        ctx.add(node, CSCS.causeOfAction, j.cause.text)
    for charge in j.charges:
        ctx.add(node, CSCS.charge, charge.text)
    ctx.add(node, CSCS.relatesToFinancing, j.financing)
    ctx.add(node, CSCS.financingGround, j.financing_ground)
    ctx.add(node, CSCS.outcome, j.outcome)
    header = j.section("header") or (0, 0)
    if j.case_number is not None:
        at.write(node, j.case_number.start, j.case_number.end)
    else:
        at.write(node, *header)


def _parties(ctx: ExtractionContext, at: _Anchors, decision: NamedNode, j: Judgment,
             entities: _Entities) -> dict[str, NamedNode]:
    """CaseParty nodes by party name (and alias), each linked to its firm, person or organ."""
    nodes: dict[str, NamedNode] = {}
    for i, p in enumerate(j.parties):
        node = ID[f"judgment-party/{key_digest(decision.value, str(i))}"]
        ctx.add(node, RDF.type, CSCS.CaseParty)
        ctx.add(decision, CSCS.hasParty, node)
        for role in p.roles:
            ctx.add(node, CSCS.litigationRole, role)
        ctx.add(node, CSCS.publishedRole, p.published_role)
        ctx.add(node, CSCS.partyName, p.name)
        entity = entities.of(p)
        if entity is not None:
            ctx.add(node, CSCS.party, entity[0])
            if p.legal_rep is not None and p.kind == "firm":
                ids = {q.name: q.id_number for q in j.parties if q.kind == "person" and q.id_number}
                ctx.add(node, CSCS.representedBy, ctx.person(p.legal_rep.name, ids.get(p.legal_rep.name),
                                                             firm=entity[0]))
        for agent in p.agents:
            ctx.add(node, CSCS.agentName, agent.name)
        at.write(node, p.start, p.end)
        for name in (p.name, *p.aliases):
            nodes.setdefault(name, node)
    return nodes


def _entity(ctx: ExtractionContext, anchor, p: Party,
            firm: NamedNode | None = None) -> tuple[NamedNode, Identifier | None] | None:
    """The firm, person or organ a party is, keyed as the lists key them (a person without an ID
    number within ``firm`` when they are its legal representative)."""
    if p.kind == "organ":
        node = ctx.department(p.name, "Court" if "法院" in p.name else "Department")
        return (node, None) if node is not None else None
    if p.kind == "firm":
        return ctx.enterprise(anchor, p.name, p.codes)
    ident = parse_person_id(p.id_number) if p.id_number else None
    return ctx.person(p.name, p.id_number, firm=firm, sex=p.sex), ident


def _awards(ctx: ExtractionContext, at: _Anchors, decision: NamedNode, j: Judgment,
            parties: dict[str, NamedNode]) -> None:
    for i, a in enumerate(j.awards):
        node = ID[f"judgment-award/{key_digest(decision.value, str(i))}"]
        ctx.add(node, RDF.type, CSCS.MonetaryAward)
        ctx.add(decision, CSCS.award, node)
        ctx.add(node, CSCS.awardYuan, a.value)
        ctx.add(node, CSCS.awardKind, a.kind)
        for name in a.payers:
            ctx.add(node, CSCS.payer, parties.get(name))
        for name in a.payees:
            ctx.add(node, CSCS.payee, parties.get(name))
        for name in a.joint:
            ctx.add(node, CSCS.jointlyLiable, parties.get(name))
        ctx.add(node, CSCS.quote, _quote(j, *a.clause))
        at.write(node, a.start, a.end)


def _quote(j: Judgment, start: int, end: int) -> str:
    return " ".join(j.text[start:end].split())[:_QUOTE_LIMIT]


@dataclass
class Planned:
    """A credit record a reading supports (or a warning that one it looks for is missing)."""

    kind: str
    party: Party | None
    span: tuple[int, int]
    reason: str
    extra: dict = field(default_factory=dict)
    warning: str | None = None  # set instead of a record: why none is made


def planned_records(j: Judgment) -> list[Planned]:
    """The records a reading supports, in the mapping of this module's docstring (one place for
    the rule: the graph writes these, ``evaluate`` scores them)."""
    out: list[Planned] = []
    if j.case_kind == "enforcement" and j.outcome == "enforcement terminated: no assets" and j.outcome_span:
        kind = "FinancingJudgmentDefault" if j.financing else "JudgmentDefault"
        basis = j.basis_case_number.normalized if j.basis_case_number else j.basis.text if j.basis else None
        outstanding = _outstanding(j)
        debtors = j.parties_with("enforcement-debtor")
        if not debtors:
            out.append(Planned(kind, None, j.outcome_span, "", warning="enforcement ended for want of assets, but no "
                               "person subject to enforcement was read; no record made"))
        for p in debtors:
            out.append(Planned(kind, p, j.outcome_span, "终结本次执行程序", {"basis": basis, "outstanding": outstanding}))
    for conviction in j.convictions:
        span = (conviction.start, conviction.end)
        party = next((p for p in j.parties if p.name == conviction.name
                      and {"accused", "accused-unit", "appellant"} & set(p.roles)), None)
        if party is None:
            out.append(Planned("CriminalRecord", None, span, "", warning=f"conviction of {conviction.name}, who is "
                               "not among the parties read; no record made"))
            continue
        financing = any(c in lexicon.FINANCING_CHARGES for c in conviction.charges)
        reason = "犯" + "、".join(conviction.charges)
        out.append(Planned("FinancingCrime" if financing else "CriminalRecord", party, span, reason))
        if any("虚假诉讼" in c for c in conviction.charges):
            out.append(Planned("FrivolousLitigation", party, span, reason))
    if j.frivolous is not None and not any("虚假诉讼" in c for conv in j.convictions for c in conv.charges):
        sanctioned = j.parties_with("sanctioned")
        if not sanctioned:
            fined = {n for a in j.awards if a.kind == "fine" for n in a.payers}
            sanctioned = [p for p in j.parties if p.name in fined]
        if not sanctioned:
            sanctioned = [p for p in j.parties if p.name in j.frivolous.text and
                          {"plaintiff", "applicant"} & set(p.roles)]
        for p in sanctioned:
            fine = next((a.value for a in j.awards if a.kind == "fine" and p.name in a.payers), None)
            out.append(Planned("FrivolousLitigation", p, (j.frivolous.start, j.frivolous.end), "虚假诉讼",
                               {"fine": fine}))
    return out


def _records(ctx: ExtractionContext, at: _Anchors, decision: NamedNode, j: Judgment, court: NamedNode | None,
             entities: _Entities) -> int:
    made = 0
    day, dated = record_day(j)
    for plan in planned_records(j):
        anchor = at(*plan.span)
        if plan.warning is not None or plan.party is None:
            ctx.warn(anchor, plan.warning or "no party for the record")
            continue
        party = plan.party
        if day is None:
            ctx.warn(anchor, f"{plan.kind} of {party.name}: the judgment has no date, so no record is made")
            continue
        if not dated:
            ctx.warn(anchor, f"the text has no signature date (cut short?): records count from {day.isoformat()}, "
                             "the latest date it states, a lower bound of the ruling's date")
            dated = True
        entity = entities.of(party)
        if entity is None or party.kind == "organ":
            continue
        subject, link = entity
        ctx.record(plan.kind, subject, anchor, link=link, record_class="JudicialRecord", valid_from=day,
                   issued_by=court, properties={
                       "caseNumber": j.case_number.normalized if j.case_number else None, "subjectName": party.name,
                       "reason": plan.reason, "quote": _quote(j, *plan.span), "decision": decision,
                       "basisDocument": plan.extra.get("basis"), "fineYuan": plan.extra.get("fine"),
                       "outstandingYuan": plan.extra.get("outstanding")})
        made += 1
    return made


def record_day(j: Judgment):
    """The day records count from, and whether it is the signature's: a ruling cut before its
    signature is dated no earlier than the latest date it states."""
    if j.date is not None:
        return j.date, True
    if j.outcome is None and not j.convictions:
        return None, True
    dates = find_dates(j.text, english=j.lang == "en")
    return (max(d.value for d in dates), False) if dates else (None, True)


def _outstanding(j: Judgment):
    """The sum still unpaid, when the ruling states it (尚未履行金额X元)."""
    for m in _OUTSTANDING.finditer(j.text):
        money = next((x for x in j.money if 0 <= x.start - m.end() <= 4), None)
        if money is not None:
            return money.value
    return None

