"""``cscs compare A B``: a population's scores side by side, A and B each ``RUBRIC@DATE``.

Both sides are scored from the population tables (:mod:`cscs.population`), brought up
to date with the store first. One row per firm: its IRI, name and best identifier, the
total and grade on each side, the difference and the indicators whose points differ
(matched by label between two rubrics); and a grade-migration table (firms per pair of
grades). A what-if overlay (records assumed repaired or removed, records added) applies
to side B only, and only to the tables: never to the store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from cscs.population import Overlay, Population, open_current, records_of

_SPEC = re.compile(r"^(?P<rubric>[^@]+)@(?P<day>\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Side:
    rubric: str  # id or IRI, as the user wrote it
    day: date

    @classmethod
    def parse(cls, text: str) -> Side:
        match = _SPEC.match(text)
        if not match:
            raise ValueError(f"{text!r}: expected RUBRIC@YYYY-MM-DD, e.g. zhejiang-2020@2024-06-30")
        try:
            return cls(match["rubric"], date.fromisoformat(match["day"]))
        except ValueError:
            raise ValueError(f"{text!r}: {match['day']} is not a date") from None


def parse_dated(text: str, what: str) -> tuple[str, date]:
    """``THING@YYYY-MM-DD`` (a record IRI and a date) for the what-if options."""
    thing, _, day = text.rpartition("@")
    try:
        return thing, date.fromisoformat(day)
    except ValueError:
        raise ValueError(f"{text!r}: expected {what}@YYYY-MM-DD") from None


def points_by_label(population: Population, day: date, overlay: Overlay | None) -> pd.DataFrame:
    """(firm, label, points) for every firm and indicator with a record counted on the day."""
    moved = population.indicator_points(day, overlay=overlay)
    info = population.indicators.set_index("indicator")
    empty = info["max"] * info["negative"]
    moved["label"] = moved["indicator"].map(info["label"])
    moved["points"] = moved["indicator"].map(empty) + moved["delta"]
    return moved[["firm", "label", "points"]]


def compare(a: tuple[Population, date], b: tuple[Population, date], overlay: Overlay | None = None
            ) -> pd.DataFrame:
    """One row per firm of either side: firm, name, identifier, total_a, grade_a, total_b,
    grade_b, difference (b - a), changed (the labels of the indicators whose points differ)."""
    (pa_, day_a), (pb, day_b) = a, b
    left = pa_.scores(day_a)
    right = pb.scores(day_b, overlay=overlay)
    rows = left.merge(right, on="firm", how="outer", suffixes=("_a", "_b"))
    rows["name"] = rows["name_a"].combine_first(rows["name_b"])
    rows["identifier"] = rows["identifier_a"].combine_first(rows["identifier_b"])
    rows["difference"] = rows["total_b"] - rows["total_a"]
    rows["changed"] = rows["firm"].map(_changed(pa_, day_a, pb, day_b, overlay)).astype(object).fillna("")
    return rows[["firm", "name", "identifier", "total_a", "grade_a", "total_b", "grade_b", "difference",
                 "changed"]].sort_values("firm").reset_index(drop=True)


def _changed(pa_: Population, day_a: date, pb: Population, day_b: date, overlay: Overlay | None
             ) -> dict[str, str]:
    """firm → "label; label" of the indicators whose points differ between the sides."""
    empty_a = _empty_by_label(pa_)
    empty_b = _empty_by_label(pb)
    left = points_by_label(pa_, day_a, None).set_index(["firm", "label"])["points"]
    right = points_by_label(pb, day_b, overlay).set_index(["firm", "label"])["points"]
    out: dict[str, list[str]] = {}
    for firm, label in sorted(set(left.index) | set(right.index)):
        before = left.get((firm, label), empty_a.get(label))
        after = right.get((firm, label), empty_b.get(label))
        if before != after:
            out.setdefault(firm, []).append(label)
    return {firm: "; ".join(labels) for firm, labels in out.items()}


def _empty_by_label(population: Population) -> dict[str, float]:
    info = population.indicators
    return dict(zip(info["label"], info["max"] * info["negative"]))


def migration(rows: pd.DataFrame) -> pd.DataFrame:
    """Firms per (grade on A, grade on B): a grade-migration table."""
    table = pd.crosstab(rows["grade_a"].fillna("(none)"), rows["grade_b"].fillna("(none)"))
    table.index.name, table.columns.name = "grade_a", "grade_b"
    return table


def open_side(graph, side: Side, tables: Path) -> tuple[Population, date]:
    return open_current(graph.store, graph.rubric(side.rubric, side.day), tables), side.day


def what_if(graph, ended: list[str], added: list[tuple[str, str, str]]) -> Overlay:
    """An overlay from the user's words: ``RECORD_IRI@DATE`` for each record assumed
    repaired or removed (the earliest date wins), (kind, firm as found by code or name,
    date) for each record added. Bad input is one ValueError naming it."""
    ends: dict[str, date] = {}
    for text in ended:
        record, day = parse_dated(text, "RECORD_IRI")
        ends[record] = min(day, ends.get(record, day))
    records = []
    for kind, firm, printed in added:
        try:
            records.append((kind, graph.find_firm(firm), date.fromisoformat(printed)))
        except ValueError:
            raise ValueError(f"--add-record {kind} {firm} {printed}: {printed} is not a date (YYYY-MM-DD)") from None
    return Overlay(ends, records)


def compare_sides(graph, a: Side, b: Side, tables: Path, overlay: Overlay | None = None) -> pd.DataFrame:
    """What ``cscs compare A B`` and the explorer's compare page show: both sides'
    tables opened (materialised again if the store changed), the overlay's records
    checked against side B, then :func:`compare`."""
    left, right = open_side(graph, a, tables), open_side(graph, b, tables)
    unknown = sorted(set(overlay.ended) - records_of(right[0], overlay.ended)) if overlay and overlay.ended else []
    if unknown:
        raise ValueError(f"no record {unknown[0]} reaches a firm under {b.rubric}")
    return compare(left, right, overlay)
