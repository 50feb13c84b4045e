"""Populations: every firm's record intervals in a columnar table, scored by DuckDB.

The counting rule gives each (firm, indicator, record) an interval of day numbers in
which the record counts (``record-intervals.rq``). Those intervals do not depend on the
date, nor on the points an indicator gives, so they are read from the store once per
rubric and written as Parquet (:func:`materialise`); a population's scores on any date,
under any variant of the points parameters (per-record points, maximums, all or
nothing, validity months, grade cut-offs) and with a what-if overlay (a record assumed
repaired or removed, a record added) are then one SQL query over that table
(:meth:`Population.scores`), the arithmetic of :mod:`cscs.scoring` written in SQL.

A table says what it was computed from (``meta.json``: the rubric, the SHA-256 of the
queries and of the store's inputs, as the materialised score graph records them):
:func:`is_current` tells whether the store has changed since, and :func:`open_current`
materialises again when it has.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pyoxigraph import NamedNode

from cscs.graph import scores as score_sets
from cscs.graph.queries import load
from cscs.scoring import NEVER, day_number

QUERIES = ("record-intervals", "population-firms", "web-rubric", "rubric-notes")
_NS = "https://w3id.org/cscs/ns#"


@dataclass(frozen=True)
class Change:
    """A change to one indicator's parameters; None keeps the rubric's value."""

    per_record: float | None = None
    max: float | None = None
    all_or_nothing: bool | None = None
    months: int | None = None
    no_window: bool = False  # the record counts until its own end, whatever the rubric's window


@dataclass(frozen=True)
class Variant:
    """The rubric's parameters with some changed: per indicator (IRI → Change) and the
    grade bands ((grade, low, high), replacing the rubric's)."""

    indicators: Mapping[str, Change] = field(default_factory=dict)
    bands: Sequence[tuple[str, float, float]] | None = None


@dataclass(frozen=True)
class Overlay:
    """What-if records, never written to the store: records assumed to end (repaired or
    removed) on a date, and records added (kind, firm IRI, from date), which count for
    the firm-scope indicators of their kind as a new record would."""

    ended: Mapping[str, date] = field(default_factory=dict)  # record IRI → its assumed end
    added: Sequence[tuple[str, str, date]] = ()

    def __bool__(self) -> bool:
        return bool(self.ended or self.added)


def materialise(store, rubric: str, directory: Path) -> Path:
    """Write the rubric's population table (intervals, indicators, bands, firms) under
    ``directory``/<rubric id>/ and return that folder."""
    folder = directory / rubric.rstrip("/").rsplit("/", 1)[-1]
    folder.mkdir(parents=True, exist_ok=True)
    node = NamedNode(rubric)
    intervals = {name: [] for name in ("firm", "indicator", "record", "kind", "from_day", "start", "record_end",
                                       "end", "end_reason")}
    for row in store.select_stream(load("record-intervals"), rubric=node):
        for name, var in (("firm", "firm"), ("indicator", "indicator"), ("record", "record"), ("kind", "kind")):
            intervals[name].append(str(row[var]))
        for name, var in (("from_day", "fromDay"), ("start", "start"), ("record_end", "recordEnd"), ("end", "end")):
            intervals[name].append(int(row[var]))  # type: ignore[arg-type]
        intervals["end_reason"].append(str(row["endReason"] or ""))
    _write(folder / "intervals.parquet", intervals, {"from_day": pa.int32(), "start": pa.int32(),
                                                     "record_end": pa.int32(), "end": pa.int32()})
    firms = {"firm": [], "name": [], "identifier": []}
    for row in store.select_stream(load("population-firms")):
        firms["firm"].append(str(row["firm"]))
        firms["name"].append(None if row["name"] is None else str(row["name"]))
        firms["identifier"].append(None if row["identifier"] is None else str(row["identifier"]))
    _write(folder / "firms.parquet", firms, {})
    _write(folder / "indicators.parquet", _indicators(store, node), {"months": pa.int32()})
    bands = [r for r in store.select(load("rubric-notes"), rubric=node) if r["grade"]]
    _write(folder / "bands.parquet", {"grade": [str(b["grade"]) for b in bands],
                                      "low": [float(b["low"]) for b in bands],
                                      "high": [float(b["high"]) for b in bands]}, {})
    (folder / "meta.json").write_text(json.dumps(_meta(store, rubric), indent=2), encoding="utf-8")
    return folder


def _indicators(store, rubric: NamedNode) -> dict[str, list]:
    out: dict[str, list] = {k: [] for k in ("indicator", "notation", "label", "category", "max", "negative",
                                            "per_record", "all_or_nothing", "months", "scope", "kinds",
                                            "assumption")}
    for r in store.select(load("web-rubric"), rubric=rubric):
        if int(r["level"]) != 3:  # type: ignore[arg-type]
            continue
        out["indicator"].append(str(r["indicator"]))
        out["notation"].append(str(r["notation"]))
        out["label"].append(str(r["label"] or r["labelZh"] or r["notation"]))
        out["category"].append(str(r["category"]))
        out["max"].append(float(r["max"]))  # type: ignore[arg-type]
        out["negative"].append(str(r["polarity"]) == _NS + "Negative")
        out["per_record"].append(None if r["perRecord"] is None else float(r["perRecord"]))  # type: ignore[arg-type]
        out["all_or_nothing"].append(str(r["rule"]) != _NS + "PerRecord")
        out["months"].append(r["months"])
        out["scope"].append(str(r["scope"] or "").rsplit("#", 1)[-1])
        out["kinds"].append("\n".join(k.rsplit("#", 1)[-1] for k in str(r["kinds"] or "").split("\n") if k))
        out["assumption"].append(bool(r["assumption"]))
    return out


def _write(path: Path, columns: dict[str, list], types: dict[str, pa.DataType]) -> None:
    table = pa.table({name: pa.array(values, type=types.get(name)) for name, values in columns.items()})
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp)
    tmp.replace(path)  # never a half-written table


def _meta(store, rubric: str) -> dict[str, str]:
    documents, links = score_sets.current_inputs(store)
    return {"rubric": rubric, "input_hash": score_sets.input_hash(rubric, documents, links),
            "query_hash": query_hash()}


def query_hash() -> str:
    return hashlib.sha256("\0".join(load(q) for q in QUERIES).encode("utf-8")).hexdigest()


def is_current(store, folder: Path) -> bool:
    """Whether the table at ``folder`` was computed from the store's present inputs and
    the present queries."""
    meta = folder / "meta.json"
    if not meta.exists():
        return False
    recorded = json.loads(meta.read_text(encoding="utf-8"))
    return recorded == _meta(store, recorded["rubric"])


def open_current(store, rubric: str, directory: Path) -> Population:
    """The rubric's population, materialised again first if the store changed."""
    folder = directory / rubric.rstrip("/").rsplit("/", 1)[-1]
    if not is_current(store, folder):
        materialise(store, rubric, directory)
    return Population(folder)


class Population:
    """A materialised population, scored in DuckDB."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.db = duckdb.connect()
        for name in ("intervals", "firms", "indicators", "bands"):
            path = str(folder / f"{name}.parquet").replace("'", "''")  # a view takes no parameters
            self.db.execute(f"CREATE VIEW {name}_base AS SELECT * FROM read_parquet('{path}')")
        self.indicators = self.db.execute("SELECT * FROM indicators_base ORDER BY notation").df()
        self.bands = self.db.execute("SELECT * FROM bands_base ORDER BY low DESC").df()

    @property
    def rubric(self) -> str:
        return str(self.meta["rubric"])

    def categories(self) -> list[str]:
        return list(dict.fromkeys(self.indicators["category"]))

    def _parameters(self, variant: Variant | None) -> pd.DataFrame:
        frame = self.indicators.copy()
        for iri, change in (variant.indicators if variant else {}).items():
            row = frame["indicator"] == iri
            if not row.any():
                raise KeyError(f"the rubric has no indicator {iri}")
            for column, value in (("per_record", change.per_record), ("max", change.max),
                                  ("all_or_nothing", change.all_or_nothing), ("months", change.months)):
                if value is not None:
                    frame.loc[row, column] = value
            if change.no_window:
                frame.loc[row, "months"] = None
        return frame

    def _bands(self, variant: Variant | None) -> pd.DataFrame:
        if variant is None or variant.bands is None:
            return self.bands
        return pd.DataFrame(list(variant.bands), columns=["grade", "low", "high"])

    def _intervals(self, overlay: Overlay | None) -> str:
        """The name of a relation of intervals with the overlay applied."""
        if not overlay:
            return "intervals_base"
        ended = pd.DataFrame({"record": list(overlay.ended), "assumed_end": [day_number(d) for d in
                                                                              overlay.ended.values()]})
        added = []
        for n, (kind, firm, day) in enumerate(overlay.added):
            for _, ind in self.indicators.iterrows():
                if ind["scope"] == "FirmScope" and kind in ind["kinds"].split("\n"):
                    added.append((firm, ind["indicator"], f"urn:cscs:what-if:{n}", kind, day_number(day),
                                  day_number(day), NEVER, NEVER, ""))
        added_frame = pd.DataFrame(added, columns=["firm", "indicator", "record", "kind", "from_day", "start",
                                                   "record_end", "end", "end_reason"])
        self.db.register("overlay_ended", ended if len(ended) else
                         pd.DataFrame({"record": pd.Series(dtype=str), "assumed_end": pd.Series(dtype="int64")}))
        self.db.register("overlay_added", added_frame)
        self.db.execute("""CREATE OR REPLACE TEMP VIEW intervals_overlay AS
            SELECT i.firm, i.indicator, i.record, i.kind, i.from_day, i.start,
                   LEAST(i.record_end, COALESCE(e.assumed_end, i.record_end)) AS record_end, i.end, i.end_reason
            FROM intervals_base i LEFT JOIN overlay_ended e USING (record)
            UNION ALL SELECT * FROM overlay_added""")
        return "intervals_overlay"

    def indicator_points(self, day: date, variant: Variant | None = None, overlay: Overlay | None = None
                         ) -> pd.DataFrame:
        """(firm, indicator, category, counted, delta) for every firm and indicator with a
        record counted on ``day``: delta is the points moved from the indicator's empty
        points (negative for a deduction)."""
        self.db.register("params", self._parameters(variant))
        relation = self._intervals(overlay)
        return self.db.execute(f"""
            WITH counts AS (
              SELECT i.firm, i.indicator, COUNT(DISTINCT i.record) AS counted
              FROM {relation} i JOIN params p USING (indicator)
              WHERE i.start <= $day
                AND $day < LEAST(i.record_end, CASE WHEN p.months IS NULL THEN {NEVER}
                                                    ELSE i.from_day + 31 * p.months END)
              GROUP BY i.firm, i.indicator)
            SELECT c.firm, c.indicator, p.category, c.counted,
                   (CASE WHEN p.negative THEN -1 ELSE 1 END)
                   * (CASE WHEN p.all_or_nothing THEN p.max ELSE LEAST(c.counted * p.per_record, p.max) END)
                     AS delta
            FROM counts c JOIN params p USING (indicator)""", {"day": day_number(day)}).df()  # noqa: S608

    def scores(self, day: date, variant: Variant | None = None, overlay: Overlay | None = None,
               categories: bool = False) -> pd.DataFrame:
        """Every firm's total and grade on ``day`` (firm, name, identifier, total, grade),
        and with ``categories`` a column of points per first-level category."""
        params = self._parameters(variant)
        moved = self.indicator_points(day, variant, overlay)
        self.db.register("moved", moved)
        self.db.register("grade_bands", self._bands(variant))
        base = float((params["max"] * params["negative"]).sum())
        frame = self.db.execute("""
            WITH per_firm AS (SELECT firm, SUM(delta) AS delta FROM moved GROUP BY firm),
            totals AS (SELECT f.firm, f.name, f.identifier, $base + COALESCE(m.delta, 0) AS total
                       FROM firms_base f LEFT JOIN per_firm m USING (firm))
            SELECT t.firm, t.name, t.identifier, t.total, b.grade
            FROM totals t LEFT JOIN grade_bands b ON t.total >= b.low AND t.total < b.high
            ORDER BY t.firm""", {"base": base}).df()
        if categories:
            frame = frame.join(self._categories(frame["firm"], params, moved), on="firm")
        return frame

    def _categories(self, firms: pd.Series, params: pd.DataFrame, moved: pd.DataFrame) -> pd.DataFrame:
        bases = (params["max"] * params["negative"]).groupby(params["category"]).sum()
        wide = moved.pivot_table(index="firm", columns="category", values="delta", aggfunc="sum")
        wide = wide.reindex(index=firms, columns=list(bases.index)).fillna(0.0) + bases
        wide.index.name = "firm"
        return wide


def records_of(population: Population, records: Iterable[str]) -> set[str]:
    """The records among ``records`` the population's table knows (for a what-if
    overlay's check that it names real records)."""
    wanted = pd.DataFrame({"record": list(records)})
    population.db.register("wanted", wanted)
    return {r for (r,) in population.db.execute(
        "SELECT DISTINCT w.record FROM wanted w JOIN intervals_base i USING (record)").fetchall()}
