"""The study's table, assembled from the graph: one row per listed firm.

Every column comes from a shipped query (``queries/*.rq``), so that a number in the
table can be checked with ``cscs query``: scores from ``score.rq`` (through
:meth:`cscs.api.Graph.score`), the connection from ``connected-firms.rq``, ownership
from ``state-ownership.rq``, the charter from ``party-building.rq``, the board from
``board.rq``, leverage and ROA from ``financials.rq``. The unit is the stock code
(``listed-firms.rq``): a firm's report, charter and exchange data may each have made a
node of their own.

Facts are taken as of the scoring date: the latest fiscal year before it, a charter
clause added by then, an officer in post on that day.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from cscs.api import Graph, NotFound
from cscs.graph.queries import load
from cscs.results import Number

from .rosters import RosterMatches, match_rosters

#: Rubric categories (their English labels) → table columns.
CATEGORIES = {"Basic Data": "basic", "Finance and Taxation": "finance", "Governance Capability": "governance",
              "Compliance": "compliance", "Social Responsibility": "social"}
LEVELS = {"national": 1, "provincial": 2, "municipal": 3, "county": 4}
_RANKS = {v: k for k, v in LEVELS.items()}


@dataclass
class StudyTable:
    frame: pd.DataFrame
    as_of: date
    rubric: str
    min_level: str
    maxima: dict[str, Number] = field(default_factory=dict)  # column → maximum points
    rosters: RosterMatches | None = None


def study_table(graph: Graph, as_of: date, rubric: str | None = None, min_level: str = "municipal",
                rosters: bool = True) -> StudyTable:
    """Match rosters (unless told not to), then one row per listed firm with every variable."""
    if min_level not in LEVELS:
        raise ValueError(f"unknown level {min_level!r}; one of {', '.join(LEVELS)}")
    matches = match_rosters(graph.store, as_of) if rosters else None
    firms = _firms(graph)
    if not firms:
        raise NotFound("no listed firm in the graph (no node has a stock code); ingest annual reports first")
    scores = {s.firm: s for s in graph.score(as_of=as_of, rubric=rubric)}
    rubric_iri = graph.rubric(rubric, as_of)
    maxima: dict[str, Number] = {"total": 0.0}
    rows = []
    connected = {str(r["code"]): r for r in graph.query(load("connected-firms"), asOf=as_of,
                                                           maxRank=LEVELS[min_level])}
    ownership = _latest(graph.query(load("state-ownership")).rows, as_of)
    finance = _latest(graph.query(load("financials")).rows, as_of)
    board = {str(r["code"]): r for r in graph.query(load("board"), asOf=as_of)}
    chapters = {str(r["code"]): r for r in graph.query(load("party-building"))
                if r["form"] == "chapter" and (r["yearAdded"] is None or r["yearAdded"] <= as_of.year)}
    for code, nodes in sorted(firms.items()):
        scored = [n for n in nodes if n["node"] in scores]
        if not scored:
            continue
        best = max(scored, key=lambda n: (bool(n["uscc"]), n["node"]))
        score = scores[best["node"]]
        row: dict[str, Any] = {"code": code, "name": next((n["name"] for n in nodes if n["name"]), None),
               "uscc": next((n["uscc"] for n in nodes if n["uscc"]), None), "firm": best["node"],
               "total": score.total, "grade": score.grade}
        for category in score.categories:
            column = CATEGORIES.get(category.label, category.label)
            row[column] = category.points
            maxima[column] = category.max
        link = connected.get(code)
        own = ownership.get(code, {})
        money = finance.get(code, {})
        seats = board.get(code, {})
        chapter = chapters.get(code)
        assets = _float(money.get("assets"))
        row.update({
            "connected": int(link is not None),
            "connection_level": _RANKS.get(int(link["bestRank"])) if link else None,
            "connection_source": link["sources"] if link else None,
            "soe": int(bool(own.get("soe"))),
            "state_share": (_float(own.get("stateShare")) or 0.0) / 100,
            "party_chapter": int(chapter is not None),
            "party_chapter_year": chapter["yearAdded"] if chapter else None,
            "independent_share": _float(seats.get("independentShare")),
            "directors": seats.get("directors"),
            "leverage": _float(money.get("leverage")),
            "roa": _float(money.get("roa")),
            "assets": assets,
            "log_assets": math.log(assets) if assets and assets > 0 else None,
        })
        rows.append(row)
    maxima["total"] = sum(v for k, v in maxima.items() if k != "total")
    return StudyTable(pd.DataFrame(rows), as_of, rubric_iri, min_level, maxima, matches)


def _firms(graph: Graph) -> dict[str, list[dict]]:
    firms: dict[str, list[dict]] = {}
    for row in graph.query(load("listed-firms")):
        firms.setdefault(str(row["code"]), []).append({"node": str(row["node"]), "name": row["name"],
                                                        "uscc": row["uscc"]})
    return firms


def _latest(rows: list[dict], as_of: date) -> dict[str, dict]:
    """Each firm's row of the latest fiscal year ending before ``as_of`` (or without a year)."""
    out: dict[str, dict] = {}
    for row in rows:
        year = row.get("year")
        if year is not None and year >= as_of.year:
            continue
        code = str(row["code"])
        if code not in out or (year or 0) > (out[code].get("year") or 0):
            out[code] = row
    return out


def _float(value: object, default: float | None = None) -> float | None:
    return default if value is None else float(value)  # type: ignore[arg-type]
