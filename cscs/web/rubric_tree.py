"""A rubric as the rubric and compare pages draw it: its tree, bands and notes.

This describes the rubric (``web-rubric.rq``: labels in both languages, the kinds and
roles each indicator counts, the departments that supply them; ``rubric-notes.rq``:
the grade bands and notes). It scores nothing: a firm's points are the one scorer's
(:mod:`cscs.web.view` lays them on this tree).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pyoxigraph import NamedNode

from cscs.api import Graph, NotFound
from cscs.graph.queries import load
from cscs.scoring import Band

from .view import local


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
    def categories(self) -> list[Node]:
        return [n for n in self.nodes if n.level == 1]

    def children(self, node: Node) -> list[Node]:
        return [n for n in self.nodes if n.broader == node.iri]


def _split(text: str | None) -> list[str]:
    return [t for t in (text or "").split("\n") if t]


def load_rubric(graph: Graph, rubric_iri: str) -> Rubric:
    """The rubric's tree, bands and notes (two small queries)."""
    info = next((r for r in graph.rubrics() if r["rubric"] == rubric_iri), None)
    if info is None:
        raise NotFound(f"no rubric {rubric_iri}")
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
