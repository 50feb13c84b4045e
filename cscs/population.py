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
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from pyoxigraph import NamedNode

from cscs.graph import scores as score_sets
from cscs.graph.queries import load
from cscs.scoring import NEVER, day_number

QUERIES = ("record-intervals-all", "population-firms", "firms", "web-rubric", "rubric-notes")
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
    """Write the rubric's population table under ``directory``/<rubric id>/ and return
    that folder: intervals.parquet (fid, iid, rid, from_day, start, record_end, end,
    end_reason: integer ids, so that scoring joins and groups integers), firms.parquet
    (fid, firm, name, identifier), records.parquet (rid, record, kind),
    indicators.parquet, bands.parquet and meta.json."""
    folder = directory / rubric.rstrip("/").rsplit("/", 1)[-1]
    folder.mkdir(parents=True, exist_ok=True)
    node = NamedNode(rubric)
    indicators = _indicators(store, node)
    firms = _firms(store)
    fids = {firm: n for n, firm in enumerate(firms["firm"])}
    iids = {iri: n for n, iri in enumerate(indicators["indicator"])}
    rids: dict[str, int] = {}
    records: dict[str, list] = {"rid": [], "record": [], "kind": []}
    intervals: dict[str, list] = {name: [] for name in ("fid", "iid", "rid", "from_day", "start", "record_end",
                                                       "end", "end_reason")}
    for row in store.select_stream(load("record-intervals-all"), rubric=node):
        fid, iid = fids.get(str(row["firm"])), iids.get(str(row["indicator"]))
        if fid is None or iid is None:  # not a scored firm (a person, a resolved alias)
            continue
        record = str(row["record"])
        if record not in rids:
            rids[record] = len(rids)
            records["rid"].append(rids[record])
            records["record"].append(record)
            records["kind"].append(str(row["kind"]).rsplit("#", 1)[-1])
        for name, value in (("fid", fid), ("iid", iid), ("rid", rids[record]), ("from_day", row["fromDay"]),
                            ("start", row["start"]), ("record_end", row["recordEnd"]), ("end", row["end"]),
                            ("end_reason", str(row["endReason"] or ""))):
            intervals[name].append(value)
    _write(folder / "intervals.parquet", intervals, dict.fromkeys(
        ("fid", "iid", "rid", "from_day", "start", "record_end", "end"), pa.int32()))
    _write(folder / "records.parquet", records, {"rid": pa.int32()})
    _write(folder / "firms.parquet", {"fid": list(range(len(fids))), **firms}, {"fid": pa.int32()})
    _write(folder / "indicators.parquet", {"iid": list(range(len(iids))), **indicators},
           {"iid": pa.int32(), "months": pa.int32()})
    bands = [r for r in store.select(load("rubric-notes"), rubric=node) if r["grade"]]
    _write(folder / "bands.parquet", {"grade": [str(b["grade"]) for b in bands],
                                      "low": [float(b["low"]) for b in bands],
                                      "high": [float(b["high"]) for b in bands]}, {})
    (folder / "meta.json").write_text(json.dumps(_meta(store, rubric), indent=2), encoding="utf-8")
    return folder


def _firms(store) -> dict[str, list]:
    """The scored firms (firms.rq) with their least name and best identifier (the USCC,
    else the masked code, else the organisation code; population-firms.rq)."""
    facts: dict[str, dict[str, str]] = {}
    for row in store.select_stream(load("population-firms")):
        kept = facts.setdefault(str(row["firm"]), {})
        attribute, value = str(row["attribute"]).rsplit("#", 1)[-1], str(row["value"])
        if attribute not in kept or value < kept[attribute]:
            kept[attribute] = value
    firms: dict[str, list] = {"firm": [], "name": [], "identifier": []}
    for firm in sorted(store.select_iris(load("firms"))):
        mine = facts.get(firm, {})
        firms["firm"].append(firm)
        firms["name"].append(mine.get("legalName"))
        firms["identifier"].append(mine.get("uscc") or mine.get("maskedCode") or mine.get("organizationCode"))
    return firms


def _indicators(store, rubric: NamedNode) -> dict[str, list]:
    out: dict[str, list] = {k: [] for k in ("indicator", "notation", "label", "category", "max", "negative",
                                            "per_record", "all_or_nothing", "months", "scope", "kinds",
                                            "assumption")}
    for r in store.select(load("web-rubric"), rubric=rubric):
        if int(r["level"]) != 3:
            continue
        out["indicator"].append(str(r["indicator"]))
        out["notation"].append(str(r["notation"]))
        out["label"].append(str(r["label"] or r["labelZh"] or r["notation"]))
        out["category"].append(str(r["category"]))
        out["max"].append(float(r["max"]))
        out["negative"].append(str(r["polarity"]) == _NS + "Negative")
        out["per_record"].append(None if r["perRecord"] is None else float(r["perRecord"]))
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
    """A materialised population, scored in DuckDB: the intervals are aggregated to the
    few (firm, indicator) pairs with a record counted on the day, and every firm's total
    is the baseline plus its pairs' points (numpy, by firm number)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        self.db = duckdb.connect()
        for name in ("intervals", "firms", "records", "indicators", "bands"):
            path = str(folder / f"{name}.parquet").replace("'", "''")  # a view takes no parameters
            self.db.execute(f"CREATE VIEW {name}_base AS SELECT * FROM read_parquet('{path}')")
        self.indicators = self.db.execute("SELECT * FROM indicators_base ORDER BY iid").df()
        self.bands = self.db.execute("SELECT * FROM bands_base ORDER BY low DESC").df()
        self.firms = self.db.execute("SELECT firm, name, identifier FROM firms_base ORDER BY fid").df()

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
        return pd.DataFrame(list(variant.bands), columns=["grade", "low", "high"]).sort_values("low", ascending=False)

    def _intervals(self, overlay: Overlay | None) -> str:
        """The name of a relation of intervals with the overlay applied."""
        if not overlay:
            return "intervals_base"
        rids = dict(self.db.execute("SELECT record, rid FROM records_base").fetchall())
        ended = pd.DataFrame({"rid": [rids[r] for r in overlay.ended if r in rids],
                              "assumed_end": [day_number(d) for r, d in overlay.ended.items() if r in rids]},
                             dtype="int64")
        fids = {firm: n for n, firm in enumerate(self.firms["firm"])}
        added = []
        for n, (kind, firm, day) in enumerate(overlay.added):
            if firm not in fids:
                raise KeyError(f"{firm} is not a scored firm of this population")
            for _, ind in self.indicators.iterrows():
                if ind["scope"] == "FirmScope" and kind in ind["kinds"].split("\n"):
                    added.append((fids[firm], ind["iid"], -1 - n, day_number(day), day_number(day), NEVER, NEVER, ""))
        added_frame = pd.DataFrame(added, columns=["fid", "iid", "rid", "from_day", "start", "record_end", "end",
                                                   "end_reason"]).astype({c: "int64" for c in (
                                                       "fid", "iid", "rid", "from_day", "start", "record_end",
                                                       "end")})
        self.db.register("overlay_ended", ended)
        self.db.register("overlay_added", added_frame)
        self.db.execute("""CREATE OR REPLACE TEMP VIEW intervals_overlay AS
            SELECT i.fid, i.iid, i.rid, i.from_day, i.start,
                   LEAST(i.record_end, COALESCE(e.assumed_end, i.record_end)) AS record_end, i.end, i.end_reason
            FROM intervals_base i LEFT JOIN overlay_ended e USING (rid)
            UNION ALL SELECT * FROM overlay_added""")
        return "intervals_overlay"

    def _moved(self, day: date, params: pd.DataFrame, overlay: Overlay | None) -> pd.DataFrame:
        """(fid, iid, counted, delta) for every pair with a record counted on the day:
        delta is the points moved from the indicator's empty points (negative for a
        deduction), the arithmetic of cscs.scoring.Rule in SQL."""
        self.db.register("params", params[["iid", "max", "negative", "per_record", "all_or_nothing", "months"]])
        relation = self._intervals(overlay)
        return self.db.execute(f"""
            WITH counts AS (
              SELECT i.fid, i.iid, COUNT(DISTINCT i.rid) AS counted
              FROM {relation} i JOIN params p USING (iid)
              WHERE i.start <= $day
                AND $day < LEAST(i.record_end, CASE WHEN p.months IS NULL THEN {NEVER}
                                                    ELSE i.from_day + 31 * p.months END)
              GROUP BY i.fid, i.iid)
            SELECT c.fid, c.iid, c.counted,
                   (CASE WHEN p.negative THEN -1 ELSE 1 END)
                   * (CASE WHEN p.all_or_nothing THEN p.max ELSE LEAST(c.counted * p.per_record, p.max) END)
                     AS delta
            FROM counts c JOIN params p USING (iid)""", {"day": day_number(day)}).df()  # noqa: S608

    def indicator_points(self, day: date, variant: Variant | None = None, overlay: Overlay | None = None
                         ) -> pd.DataFrame:
        """(firm, indicator, category, counted, delta) for every firm and indicator with a
        record counted on ``day``."""
        params = self._parameters(variant)
        moved = self._moved(day, params, overlay)
        return pd.DataFrame({"firm": self.firms["firm"].to_numpy()[moved["fid"].to_numpy()],
                             "indicator": params["indicator"].to_numpy()[moved["iid"].to_numpy()],
                             "category": params["category"].to_numpy()[moved["iid"].to_numpy()],
                             "counted": moved["counted"].to_numpy(), "delta": moved["delta"].to_numpy()})

    def scores(self, day: date, variant: Variant | None = None, overlay: Overlay | None = None,
               categories: bool = False) -> pd.DataFrame:
        """Every firm's total and grade on ``day`` (firm, name, identifier, total, grade),
        and with ``categories`` a column of points per first-level category."""
        params = self._parameters(variant)
        moved = self._moved(day, params, overlay)
        totals = np.full(len(self.firms), float((params["max"] * params["negative"]).sum()))
        np.add.at(totals, moved["fid"].to_numpy(), moved["delta"].to_numpy(dtype=float))
        frame = self.firms.assign(total=totals, grade=_grades(self._bands(variant), totals))
        if categories:
            frame = pd.concat([frame, self._categories(params, moved)], axis=1)
        return frame

    def _categories(self, params: pd.DataFrame, moved: pd.DataFrame) -> pd.DataFrame:
        names = self.categories()
        bases = (params["max"] * params["negative"]).groupby(params["category"]).sum()
        column = {c: n for n, c in enumerate(names)}
        out = np.tile(np.array([float(bases[c]) for c in names]), (len(self.firms), 1))
        which = params["category"].map(column).to_numpy()[moved["iid"].to_numpy()].astype(int)
        np.add.at(out, (moved["fid"].to_numpy(), which), moved["delta"].to_numpy(dtype=float))
        return pd.DataFrame(out, columns=names)


def _grades(bands: pd.DataFrame, totals: np.ndarray) -> np.ndarray:
    """Each total's band (low <= total < high), None outside every band."""
    grades = np.full(len(totals), None, dtype=object)
    for _, band in bands.iterrows():
        grades[(totals >= band["low"]) & (totals < band["high"])] = band["grade"]
    return grades


def records_of(population: Population, records: Iterable[str]) -> set[str]:
    """The records among ``records`` the population's table knows (for a what-if
    overlay's check that it names real records)."""
    wanted = pd.DataFrame({"record": list(records)})
    population.db.register("wanted", wanted)
    return {r for (r,) in population.db.execute(
        "SELECT DISTINCT w.record FROM wanted w JOIN records_base USING (record)").fetchall()}
