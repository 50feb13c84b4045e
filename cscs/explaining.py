"""One firm's explanation, from small queries.

An explanation used to be one 150-line query beside ``score.rq``. Oxigraph plans a
query before it reads anything, and planning grows quickly with OPTIONALs after a
UNION: the two took 20 ms each to plan, at any store size. So the explanation is now
read in parts, each short to plan:

- the rubric's indicators and grade bands (``rubric-indicators.rq``,
  ``rubric-notes.rq``), read once per rubric and kept (:class:`RubricViews`);
- the records of the kinds the indicators count that reach the firm, with their status
  (``explain-records.rq``);
- the points on each indicator from the number of records it counts, by the one
  scoring arithmetic (:mod:`cscs.scoring`, no query);
- those records' facts, in long form (``record-facts.rq``).

Every status comes from SPARQL (the counting rule, ``rule-interval.rq``); the points
from :mod:`cscs.scoring`, added up by category and the total placed in its grade band
(tests hold both equal to ``score.rq`` for every firm). One firm's score (``cscs score
FIRM``) is the same without the records; its history (:func:`history`) is its score on
every day one of its records' intervals (``record-intervals.rq``, one query) starts or
ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pyoxigraph import NamedNode

from cscs import scoring
from cscs.graph.protocol import Store
from cscs.graph.queries import load
from cscs.graph.store import EmbeddedStore
from cscs.ontology.namespaces import CSCS
from cscs.results import CategoryScore, Evidence, Explanation, FirmScore, IndicatorScore, Number

# the record's own properties an Evidence shows, by local name
_FACTS = {
    "validUntil": "valid_until", "removedOn": "removed_on", "repairedOn": "repaired_on",
    "sourceSheet": "sheet", "sourcePage": "page", "sourceRow": "row", "caseNumber": "case_number",
    "decisionNumber": "decision_number", "reason": "reason", "quote": "quote",
    "charStart": "char_start", "charEnd": "char_end", "linkIdentifierType": "link_type",
    "linkIdentifier": "link_identifier", "linkIdentifierValid": "link_identifier_valid",
}
_FACT_IRIS = {str(CSCS) + name: field for name, field in _FACTS.items()}
# facts read from other nodes: the department, the document, the person, the judgement
_JOINED = {"issuerLabel": "issuer", "docTitle": "document_title", "personName": "via_person_name",
           "matchScore": "match_score", "matchEvidence": "match_evidence", "matchBy": "match_by"}

@dataclass(frozen=True)
class RubricView:
    """What an explanation shows of a rubric that does not depend on the firm."""

    indicators: dict[str, dict]  # indicator IRI → its row of rubric-indicators.rq, by notation
    categories: dict[str, str]  # category IRI → English label, in the rubric's order
    bands: list[dict]  # grade, low, high, gradeAssumed
    notes: list[str]


class RubricViews:
    """Rubric views kept per rubric. On a remote store, which others may write, the key
    also names the document graphs that hold the rubric, asked each time (0.1 ms): a
    rubric re-ingested from another document is read again. The embedded store is
    locked to one process, whose Graph starts a new RubricViews when it writes."""

    def __init__(self) -> None:
        self._kept: dict[tuple[str, tuple[str, ...]], RubricView] = {}

    def get(self, store: Store, rubric: str, categories: Callable[[], dict[str, str]]) -> RubricView:
        key = (rubric, () if isinstance(store, EmbeddedStore) else tuple(sorted(
            str(r["source"]) for r in store.select(load("rubric-sources"), rubric=NamedNode(rubric)))))
        if key not in self._kept:
            self._kept[key] = read_view(store, rubric, categories())
        return self._kept[key]


def read_view(store: Store, rubric: str, categories: dict[str, str]) -> RubricView:
    node = NamedNode(rubric)
    indicators = {str(r["indicator"]): r for r in store.select(load("rubric-indicators"), rubric=node)}
    notes = store.select(load("rubric-notes"), rubric=node).rows
    return RubricView(
        indicators=dict(sorted(indicators.items(), key=lambda item: str(item[1]["notation"]))),
        categories=categories,
        bands=[n for n in notes if n["grade"]],
        notes=[str(n["note"]) for n in notes if n["note"]])


def explain(store: Store, view: RubricView, rubric: str, firm: str, day: date,
            name: str | None, uscc: str | None) -> Explanation:
    rows = _records(store, rubric, firm, day)
    evidence = _evidence(store, rows)
    _extractors(store, evidence)
    indicators = _indicators(view, rows, evidence)
    categories = _categories(view, indicators)
    total, grade, assumed = _grade(view, categories)
    return Explanation(firm, name, uscc, rubric, day, total, grade, assumed, categories, indicators,
                       _assumptions(view, indicators))


def firm_score(store: Store, view: RubricView, rubric: str, firm: str, day: date,
               name: str | None, uscc: str | None) -> FirmScore:
    """One firm's score from the same parts as its explanation, without the records' facts."""
    categories = _categories(view, _indicators(view, _records(store, rubric, firm, day), {}))
    total, grade, _ = _grade(view, categories)
    return FirmScore(firm, name, uscc, rubric, day, total, grade, categories)


def _records(store: Store, rubric: str, firm: str, day: date) -> list[dict]:
    return store.select(load("explain-records"), rubric=NamedNode(rubric), firm=NamedNode(firm), asOf=day).rows


def _indicators(view: RubricView, rows: list[dict], evidence: dict[str, list[Evidence]]
                ) -> list[IndicatorScore]:
    """Every indicator of the rubric with the firm's points, from the records it counts
    on the date (each record once)."""
    counted: dict[str, set[str]] = {}
    for r in rows:
        if r["status"] == "counted":
            counted.setdefault(str(r["indicator"]), set()).add(str(r["record"]))
    return [_indicator(row, len(counted.get(iri, ())), evidence.get(iri, []))
            for iri, row in view.indicators.items()]


def history(store: Store, view: RubricView, rubric: str, firm: str, first: date, last: date
            ) -> list[tuple[date, Number, str | None]]:
    """(day, total, grade) on ``first``, on every day the firm's score can change up to
    ``last``, and on ``last``: one query for the firm's intervals, then arithmetic."""
    intervals = [scoring.Interval.of(r) for r in store.select(
        load("record-intervals"), rubric=NamedNode(rubric), firm=NamedNode(firm))]
    rules = {iri: scoring.Rule.of(row) for iri, row in view.indicators.items()}
    return scoring.history(rules, _bands(view), intervals, first, last)


def _bands(view: RubricView) -> list[scoring.Band]:
    return [scoring.Band(str(b["grade"]), b["low"], b["high"], bool(b["gradeAssumed"])) for b in view.bands]


def _grade(view: RubricView, categories: list[CategoryScore]) -> tuple[Number, str | None, bool]:
    """The total, its grade band's label and whether that band is assumed."""
    total = sum(c.points for c in categories)
    band = scoring.grade(_bands(view), total)
    return total, band.grade if band else None, bool(band and band.assumed)


def _categories(view: RubricView, indicators: list[IndicatorScore]) -> list[CategoryScore]:
    sums: dict[str, list] = {}
    for ind in indicators:
        entry = sums.setdefault(ind.category, [0, 0])
        entry[0] += ind.points
        entry[1] += ind.max
    order = list(view.categories)
    return [CategoryScore(c, view.categories.get(c, ""), p, m) for c, (p, m) in
            sorted(sums.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order))]


def _assumptions(view: RubricView, indicators: list[IndicatorScore]) -> list[str]:
    assumptions = list(view.notes)
    if any(b["gradeAssumed"] for b in view.bands):
        assumptions.append("Grade cut-offs are assumed: " + ", ".join(
            f"{b['grade']} {b['low']}–{b['high']}" for b in view.bands))
    assumptions += [f"{ind.label}: {ind.note}" for ind in indicators if ind.assumption and ind.note]
    return assumptions


def _indicator(row: dict, counted: int, evidence: list[Evidence]) -> IndicatorScore:
    return IndicatorScore(
        indicator=str(row["indicator"]), notation=str(row["notation"]), label=str(row["label"]),
        category=str(row["category"]), category_label=str(row["categoryLabel"]),
        subcategory_label=str(row["subcategoryLabel"]), max=row["max"], points=scoring.Rule.of(row).points(counted),
        polarity=_local(row["polarity"]) or "", rule=_local(row["rule"]) or "",
        points_per_record=row["perRecord"], validity_months=row["months"],
        assumption=bool(row["assumption"]), note=row["note"], counted=counted,
        evidence=evidence)


def _evidence(store: Store, rows: list[dict]) -> dict[str, list[Evidence]]:
    """Each indicator's records, in date order, with their facts."""
    facts = _facts(store, sorted({str(r["record"]) for r in rows}))
    unknown = dict.fromkeys([*_FACTS.values(), *_JOINED.values()])  # facts a record may lack
    by_indicator: dict[str, list[Evidence]] = {}
    for row in sorted(rows, key=lambda r: (str(r["from"]), str(r["record"]))):
        record = str(row["record"])
        fields: dict[str, Any] = {**unknown, **facts.get(record, {})}
        if not row["person"]:  # a person's name shows only where the record counts through one
            fields["via_person_name"] = None
        by_indicator.setdefault(str(row["indicator"]), []).append(Evidence(
            record=record, kind=_local(row["kind"]) or "", status=str(row["status"]),
            valid_from=row["from"], document=str(row["doc"]), via_person=row["person"],
            via_role=_local(row["role"]), subject_node=row["subjectNode"], **fields))
    return by_indicator


def _extractors(store: Store, evidence: dict[str, list[Evidence]]) -> None:
    """Name on each record the extractor (and version) that read its document."""
    docs = sorted({e.document for items in evidence.values() for e in items})
    if not docs:
        return
    read_by = {str(r["doc"]): r for r in store.select(load("documents"), doc=[NamedNode(d) for d in docs])}
    for items in evidence.values():
        for e in items:
            found = read_by.get(e.document)
            if found:
                e.extractor, e.extractor_version = str(found["extractor"]), str(found["version"])


def _facts(store: Store, records: list[str]) -> dict[str, dict[str, object]]:
    """record → Evidence field → value; where a fact has several values, the least."""
    if not records:
        return {}
    found: dict[str, dict[str, list]] = {}
    for row in store.select(load("record-facts"), record=[NamedNode(r) for r in records]):
        fields = found.setdefault(str(row["record"]), {})
        field = _FACT_IRIS.get(str(row["p"])) if row["p"] is not None else None
        if field:
            fields.setdefault(field, []).append(row["o"])
        for var, name in _JOINED.items():
            if row[var] is not None:
                fields.setdefault(name, []).append(row[var])
    return {record: {name: min(values, key=str) for name, values in fields.items()}
            for record, fields in found.items()}


def _local(iri: str | None) -> str | None:
    return str(iri).rsplit("#", 1)[-1] if iri else None
