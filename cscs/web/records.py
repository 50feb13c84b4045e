"""A firm's records as its documents publish them, for the firm page's timeline.

Every record whose party is the firm, a node resolved to it, or one of its key
personnel (``web-firm-records.rq``, ``web-firm-person-records.rq``), with the dates the
document gives. Nothing here says whether a record counts: that is the one scorer's
(:meth:`cscs.api.Graph.explain`), whose evidence the page shows beside this timeline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.extract.anchor import describe_place
from cscs.graph.queries import load

from .render import url
from .view import local

POSITIVE_KINDS = {"VolunteerService", "Donation", "RedList", "Honour"}


@dataclass
class FirmRecord:
    """A record that reaches the firm, directly (``person`` None) or through a post."""

    record: str
    kind: str
    valid_from: date
    ends: list[tuple[date, str]]  # the end dates its document gives: (day, "removed" / "repaired" / "expired")
    place: str  # where in its document it stands
    person: str | None = None
    person_name: str | None = None


def firm_records(graph: Graph, firm: str) -> list[FirmRecord]:
    """Every record about the firm: its own, then its key personnel's."""
    return [FirmRecord(
        record=str(r["record"]), kind=local(r["kind"]), valid_from=r["from"],
        ends=[(r[key], what) for key, what in (("removed", "removed"), ("repaired", "repaired"),
                                              ("until", "expired")) if r[key] is not None],
        place=describe_place(r["docTitle"] or str(r["doc"]), r["sheet"], r["page"], r["row"]),
        person=r.get("person"), person_name=r.get("personName"))
        for name in ("web-firm-records", "web-firm-person-records")
        for r in graph.query(load(name), firm=NamedNode(firm))]


@dataclass
class Event:
    day: date
    what: str
    record: FirmRecord


def events(records: list[FirmRecord]) -> list[Event]:
    """Each date a document gives a record (listed, removed, repaired, expired), once."""
    out: dict[tuple, Event] = {}
    for r in records:
        for day, what in ((r.valid_from, "listed"), *r.ends):
            out.setdefault((day, what, r.record), Event(day, what, r))
    return sorted(out.values(), key=lambda e: (e.day, e.record.record, e.what))


def timeline_rows(records: list[FirmRecord]) -> list[tuple]:
    """One line per record for :func:`cscs.web.charts.timeline`: from its first date to
    the first of the dates its document gives for its end (not a rubric's window)."""
    rows, seen = [], set()
    for r in sorted(records, key=lambda r: (r.valid_from, r.record)):
        if r.record in seen:
            continue
        seen.add(r.record)
        stop, why = min(r.ends) if r.ends else (None, "")
        rows.append((f"{r.kind}" + (f" via {r.person_name}" if r.person else ""), r.valid_from, stop, why,
                     url("/record", iri=r.record), r.kind not in POSITIVE_KINDS))
    return rows

