"""What the web pages show of a rubric, a firm's records and its score.

The pages draw the rubric as a tree (:class:`Rubric`, three small queries, cached) and
a firm's records as a timeline (:func:`firm_records`: ``web-firm-records.rq``,
``web-firm-person-records.rq``). The score itself is not computed here: it is the one
scorer's (:meth:`cscs.api.Graph.explain` for a day, :meth:`cscs.api.Graph.history` for
the chart), only laid on the tree (:func:`score`) so that each indicator's evidence
links to the record's place in its document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.extract.anchor import describe_place
from cscs.graph.queries import load
from cscs.results import Number

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


def score(graph: Graph, rubric: Rubric, firm: str, records: Iterable[FirmRecord], day: date,
          evidence: bool = True) -> FirmScore:
    """The firm's score on ``day`` as the pages show it: the one scorer's explanation
    (:meth:`cscs.api.Graph.explain`: statuses from the SPARQL rule, points from
    :mod:`cscs.scoring`) laid on the rubric's tree, each piece of evidence with the
    firm record it is (for its place in its document)."""
    why = graph.explain(firm, day, rubric.iri)
    nodes = {n.iri: n for n in rubric.nodes}
    posts = {(r.record, r.person, r.role): r for r in records}
    direct = {r.record: r for r in posts.values() if r.person is None}
    indicators = []
    for ind in sorted(why.indicators, key=lambda i: i.notation):
        # points are int or Decimal (cscs.results.Number); the dataclasses here say float
        item = IndicatorPoints(nodes[ind.indicator], ind.points, ind.counted)  # type: ignore[arg-type]
        if evidence:
            item.evidence = [Evidence(posts.get((e.record, e.via_person, e.via_role)) or direct[e.record], e.status)
                             for e in ind.evidence]
        indicators.append(item)
    categories = [CategoryPoints(nodes[c.category], c.points, c.max) for c in why.categories]  # type: ignore[arg-type]
    return FirmScore(rubric, day, why.total, rubric.grade(why.total), categories, indicators)  # type: ignore[arg-type]


def history(graph: Graph, rubric: Rubric, firm: str, records: list[FirmRecord], until: date
            ) -> list[tuple[date, Number, str | None]]:
    """(day, total, grade) from the rubric's start (or the firm's first record) to
    ``until``, on every day the score changes: :meth:`cscs.api.Graph.history`."""
    start = rubric.effective_from or min((r.valid_from for r in records), default=until)
    return graph.history(firm, min(start, until), until, rubric.iri)
