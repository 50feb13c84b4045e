"""One firm's score, explanation and history for the web pages, fast at any graph size.

A page needs a firm's score on many dates (the history chart). ``score.rq`` and an
explanation (``cscs.explaining``) answer for one firm and one date; a history would
repeat them per date. Here the firm's records are read
once, firm-first (``web-firm-records.rq``, ``web-firm-person-records.rq``: a few ms), and the
rubric's rule, exactly as ``explain-records.rq`` states it, is applied to them in Python:

* a record of a kind the indicator counts reaches the firm directly (firm scope) or
  through a person holding one of the indicator's roles (key-personnel scope);
* its status on day *d*: not yet in force (``from > d``), removed, repaired, expired
  (``validUntil``, or the indicator's validity window), role not held, else counted;
* an indicator moves by its maximum (all-or-nothing) or ``records x per record`` up to
  its maximum; negative indicators start at the maximum, positive ones at 0;
* the grade is the band with ``low <= total < high``.

Because the records are read once, the score on any other date costs microseconds,
which is what the history chart needs. ``tests/web/test_scoring.py`` checks every
firm of a generated corpus on several dates against ``Graph.score`` and
``Graph.explain``; ``bench/web_bench.py`` checks a sample at 100k firms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.extract.anchor import describe_place
from cscs.graph.queries import load

NS = "https://w3id.org/cscs/ns#"


def local(iri: str | None) -> str:
    """The local name of a cscs: term (``...ns#Negative`` -> ``Negative``)."""
    return iri.rsplit("#", 1)[-1] if iri else ""


@dataclass
class Node:
    """An indicator of a rubric at any of its three levels."""

    iri: str
    level: int
    notation: str
    label: str
    label_zh: str | None
    max: float
    broader: str | None
    category: str | None
    polarity: str = ""
    rule: str = ""
    per_record: float | None = None
    months: int | None = None
    scope: str = ""
    assumption: bool = False
    note: str | None = None
    definition: str | None = None
    kinds: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    departments: tuple[str, ...] = ()


@dataclass
class Band:
    grade: str
    low: float
    high: float
    assumed: bool


@dataclass
class Rubric:
    """A rubric read once: its tree, its grade bands and its notes."""

    iri: str
    id: str
    title: str
    total: float
    nodes: list[Node]
    bands: list[Band]
    notes: list[str]
    effective_from: date | None = None
    effective_until: date | None = None

    @property
    def leaves(self) -> list[Node]:
        return [n for n in self.nodes if n.level == 3]

    @property
    def categories(self) -> list[Node]:
        return [n for n in self.nodes if n.level == 1]

    def children(self, node: Node) -> list[Node]:
        return [n for n in self.nodes if n.broader == node.iri]

    def grade(self, total: float) -> Band | None:
        return next((b for b in self.bands if b.low <= total < b.high), None)


def _split(text: str | None) -> list[str]:
    return [t for t in (text or "").split("\n") if t]


def load_rubric(graph: Graph, rubric_iri: str) -> Rubric:
    """The rubric's tree, bands and notes (three small queries)."""
    info = next((r for r in graph.rubrics() if r["rubric"] == rubric_iri), None)
    if info is None:
        raise LookupError(f"no rubric {rubric_iri}")
    rubric = NamedNode(rubric_iri)
    nodes = [Node(
        iri=str(r["indicator"]), level=int(r["level"]), notation=str(r["notation"]),
        label=str(r["label"] or r["labelZh"] or r["notation"]), label_zh=r["labelZh"], max=r["max"],
        broader=r["broader"], category=r["category"], polarity=local(r["polarity"]), rule=local(r["rule"]),
        per_record=r["perRecord"], months=r["months"], scope=local(r["scope"]),
        assumption=bool(r["assumption"]), note=r["note"], definition=r["definition"],
        kinds=frozenset(local(k) for k in _split(r["kinds"])),
        roles=frozenset(local(k) for k in _split(r["roles"])),
        departments=tuple(_split(r["departments"])),
    ) for r in graph.query(load("web-rubric"), rubric=rubric)]
    notes = graph.query(load("rubric-notes"), rubric=rubric).rows
    bands = [Band(str(n["grade"]), n["low"], n["high"], bool(n["gradeAssumed"])) for n in notes if n["grade"]]
    return Rubric(rubric_iri, str(info["id"]), str(info["title"] or info["id"]), info["total"], nodes, bands,
                  [str(n["note"]) for n in notes if n["note"]], info["effectiveFrom"], info["effectiveUntil"])


@dataclass
class FirmRecord:
    """A record that reaches the firm, directly (``person`` None) or through a post."""

    record: str
    kind: str
    valid_from: date
    valid_until: date | None
    removed_on: date | None
    repaired_on: date | None
    document: str
    document_title: str | None
    sheet: str | None
    page: int | None
    row: int | None
    bbox: str | None
    issuer: str | None
    case_number: str | None
    decision_number: str | None
    reason: str | None
    link_type: str | None
    link_identifier: str | None
    link_valid: bool | None
    subject_node: str
    person: str | None = None
    person_name: str | None = None
    role: str | None = None
    role_start: date | None = None
    role_end: date | None = None

    @property
    def place(self) -> str:
        return describe_place(self.document_title or self.document, self.sheet, self.page, self.row)


def firm_records(graph: Graph, firm: str) -> list[FirmRecord]:
    """Every record reaching the firm: its own, then its key personnel's (one per post)."""
    out: list[FirmRecord] = []
    for name in ("web-firm-records", "web-firm-person-records"):
        for r in graph.query(load(name), firm=NamedNode(firm)):
            out.append(FirmRecord(
                record=str(r["record"]), kind=local(r["kind"]), valid_from=r["from"], valid_until=r["until"],
                removed_on=r["removed"], repaired_on=r["repaired"], document=str(r["doc"]),
                document_title=r["docTitle"], sheet=r["sheet"], page=r["page"], row=r["row"], bbox=r["bbox"],
                issuer=r["issuerLabel"], case_number=r["caseNumber"], decision_number=r["decisionNumber"],
                reason=r["reason"], link_type=r["linkType"], link_identifier=r["linkId"],
                link_valid=r["linkValid"], subject_node=str(r["subjectNode"]),
                person=r.get("person"), person_name=r.get("personName"), role=local(r.get("role")) or None,
                role_start=r.get("roleStart"), role_end=r.get("roleEnd")))
    return out


def _months_key(day: date) -> int:
    return (day.year * 12 + day.month) * 31 + day.day


def window_end(valid_from: date, months: int | None) -> int | None:
    """explain-records.rq's validity window, as its comparable day key (``(y*12+m+months)*31+d``)."""
    if months is None:
        return None
    return (valid_from.year * 12 + valid_from.month + months) * 31 + valid_from.day


def status(rec: FirmRecord, node: Node, day: date) -> str:
    """The record's status for the indicator on ``day``, in explain-records.rq's order."""
    if rec.valid_from > day:
        return "not yet in force"
    if rec.removed_on is not None and rec.removed_on <= day:
        return "removed"
    if rec.repaired_on is not None and rec.repaired_on <= day:
        return "repaired"
    if rec.valid_until is not None and rec.valid_until <= day:
        return "expired"
    end = window_end(rec.valid_from, node.months)
    if end is not None and _months_key(day) >= end:
        return "expired"
    if (rec.role_start is not None and rec.role_start > day) or (rec.role_end is not None and rec.role_end <= day):
        return "role not held"
    return "counted"


def reaches(rec: FirmRecord, node: Node) -> bool:
    """Whether the indicator counts records of this kind reaching the firm this way."""
    if rec.kind not in node.kinds:
        return False
    if node.scope == "KeyPersonnelScope":
        return rec.person is not None and rec.role in node.roles
    return rec.person is None


@dataclass
class Evidence:
    record: FirmRecord
    status: str


@dataclass
class IndicatorPoints:
    node: Node
    points: float
    counted: int
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def moved(self) -> float:
        """Points won (positive) or lost (negative) against the starting value."""
        return self.points - (self.node.max if self.node.polarity == "Negative" else 0)

    @property
    def lost(self) -> float:
        return self.node.max - self.points


@dataclass
class CategoryPoints:
    node: Node
    points: float
    max: float


@dataclass
class FirmScore:
    """The firm's score on one day under one rubric, with every indicator's evidence."""

    rubric: Rubric
    as_of: date
    total: float
    band: Band | None
    categories: list[CategoryPoints]
    indicators: list[IndicatorPoints]

    @property
    def grade(self) -> str | None:
        return self.band.grade if self.band else None


def _points(node: Node, counted: int) -> float:
    if node.rule == "PerRecord":
        moved = min(counted * (node.per_record or 0), node.max)
    else:
        moved = node.max if counted > 0 else 0
    return node.max - moved if node.polarity == "Negative" else moved


def score(rubric: Rubric, records: Iterable[FirmRecord], day: date, evidence: bool = True) -> FirmScore:
    """The score on ``day``: per indicator, per category, total and grade."""
    records = list(records)
    indicators: list[IndicatorPoints] = []
    for node in sorted(rubric.leaves, key=lambda n: n.notation):
        found = [(rec, status(rec, node, day)) for rec in records if reaches(rec, node)]
        counted = len({rec.record for rec, st in found if st == "counted"})
        item = IndicatorPoints(node, _points(node, counted), counted)
        if evidence:
            item.evidence = [Evidence(rec, st) for rec, st in
                             sorted(found, key=lambda x: (x[0].valid_from, x[0].record))]
        indicators.append(item)
    categories = []
    for cat in sorted(rubric.categories, key=lambda n: n.notation):
        mine = [i for i in indicators if i.node.category == cat.iri]
        categories.append(CategoryPoints(cat, sum(i.points for i in mine), sum(i.node.max for i in mine)))
    total = sum(i.points for i in indicators)
    return FirmScore(rubric, day, total, rubric.grade(total), categories, indicators)


def change_days(rubric: Rubric, records: Iterable[FirmRecord]) -> list[date]:
    """Every day on which the firm's score can change: a record starts, ends, is removed
    or repaired, leaves an indicator's validity window, or a post begins or ends."""
    days: set[date] = set()
    months = {n.months for n in rubric.leaves if n.months is not None}
    for rec in records:
        days.update(d for d in (rec.valid_from, rec.valid_until, rec.removed_on, rec.repaired_on,
                                rec.role_start, rec.role_end) if d is not None)
        for m in months:
            days.add(_first_day_from_key(window_end(rec.valid_from, m)))  # type: ignore[arg-type]
    return sorted(days)


def _first_day_from_key(key: int) -> date:
    """The first real day whose key reaches ``key`` (the window's end is on a day key that
    may not exist, such as 31 February)."""
    months, day = divmod(key, 31)
    if day == 0:
        months, day = months - 1, 31
    year, month = divmod(months, 12)
    if month == 0:
        year, month = year - 1, 12
    for d in range(day, 32):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year + (month // 12), month % 12 + 1, 1)


def history(rubric: Rubric, records: list[FirmRecord], until: date) -> list[tuple[date, float, str | None]]:
    """(day, total, grade) at the rubric's start, each change day up to ``until``, and ``until``."""
    start = rubric.effective_from or min((r.valid_from for r in records), default=until)
    days = sorted({start, until, *(d for d in change_days(rubric, records) if start <= d <= until)})
    out = []
    for day in days:
        s = score(rubric, records, day, evidence=False)
        out.append((day, s.total, s.grade))
    return out
