"""What the judgment tests read back from a graph: its judicial records, and the points
an indicator leaves a firm (shared, so that both read the graph the same way)."""

from __future__ import annotations

from datetime import date

from cscs.api import Graph

_RECORDS = ("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?r ?kind ?name WHERE { "
            "?r a cscs:JudicialRecord ; cscs:recordKind ?kind ; cscs:subjectName ?name }")


def records(graph: Graph) -> list[tuple[str, str]]:
    """(record kind, party name as written) of every judicial record, sorted."""
    return sorted((str(r["kind"]).rsplit("#", 1)[1], r["name"]) for r in graph.store.select(_RECORDS).rows)


def points(graph: Graph, uscc: str, label: str, as_of: date) -> int:
    """The points of the indicator labelled ``label`` in the firm's explanation on ``as_of``."""
    (indicator,) = [i for i in graph.explain(uscc, as_of).indicators if i.label == label]
    return indicator.points
