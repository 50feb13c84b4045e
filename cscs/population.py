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
queries, each document graph's stamp and a digest of all the inputs with resolution's
facts; :mod:`cscs.population_state`): :func:`is_current` tells whether the store has
changed since, and :func:`refresh` (:func:`open_current`) brings it up to date, reading
again only the firms the change reaches (documents added, retracted or re-extracted,
resolution changed), as the score graph is kept (``graph/scores.py``).
"""

from __future__ import annotations

import hashlib
import json
import time
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

from cscs import population_state as state
from cscs.graph.queries import load
from cscs.scoring import NEVER, day_number

QUERIES = ("record-intervals-all", "record-intervals", "population-firms", "firms", "web-rubric", "rubric-notes",
           "population-inputs", "population-resolution", "population-parties", "touched-firms", "rubric-sources")
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


INTERVAL_COLUMNS = ("from_day", "start", "record_end", "end", "end_reason")
FULL_SHARE = 0.25  # an incremental refresh touching more of the firms than this rebuilds whole
TABLES = ("intervals", "firms", "records", "indicators", "bands", "documents", "resolution")


@dataclass(frozen=True)
class Refresh:
    """What bringing a table up to date did: ``mode`` is "current", "full" or
    "incremental"; ``firms_recomputed`` the firms whose intervals were read again."""

    folder: Path
    mode: str
    firms_recomputed: int = 0
    documents_added: tuple[str, ...] = ()
    documents_removed: tuple[str, ...] = ()


def folder_of(directory: Path, rubric: str) -> Path:
    return directory / rubric.rstrip("/").rsplit("/", 1)[-1]


def materialise(store, rubric: str, directory: Path) -> Path:
    """Write the rubric's population table under ``directory``/<rubric id>/ and return
    that folder: intervals.parquet (fid, iid, rid, from_day, start, record_end, end,
    end_reason: integer ids, so that scoring joins and groups integers), firms.parquet
    (fid, firm, name, identifier), records.parquet (rid, record, kind),
    indicators.parquet, bands.parquet, what it was computed from (documents.parquet:
    each document's parties; resolution.parquet) and meta.json. Ids are canonical (firms,
    records in IRI order; rows sorted), so a table refreshed incrementally is the same,
    file for file, as one built whole."""
    folder = folder_of(directory, rubric)
    node = NamedNode(rubric)
    inputs = state.read_inputs(store)
    firms = _firms(store, sorted(store.select_iris(load("firms"))))
    rows = _interval_rows(store.select_stream(load("record-intervals-all"), rubric=node))
    indicators = pd.DataFrame(_indicators(store, node))
    parties = pd.DataFrame(list(state.parties(store, sorted(inputs.documents))), columns=["document", "party"])
    _save(folder, store, rubric, inputs, indicators, firms, rows, parties, "full", len(firms))
    return folder


def refresh(store, rubric: str, directory: Path, full: bool = False) -> Refresh:
    """Bring the rubric's table up to date with the store: nothing when its inputs are
    the table's; else, when documents were added, retracted or re-extracted or
    resolution changed, read again only the firms those changes reach (their intervals,
    name and identifier) and keep every other firm's rows; a whole rebuild when there is
    no (whole) table, the queries or the rubric changed, or the change reaches more than
    FULL_SHARE of the firms."""
    folder = folder_of(directory, rubric)
    meta = read_meta(folder)
    inputs = state.read_inputs(store)
    if not full and meta is not None and meta["query_hash"] == query_hash() and meta["input_hash"] == inputs.digest:
        return Refresh(folder, "current")
    if full or meta is None or meta["query_hash"] != query_hash() or meta["rubric"] != rubric:
        return _rebuild(store, rubric, directory)
    old = _read_inputs(folder, meta)
    change = state.changes(old, inputs)
    sources = {str(r["source"]) for r in store.select(load("rubric-sources"), rubric=NamedNode(rubric))}
    if (set(change.added) | set(change.removed)) & (sources | set(meta.get("rubric_sources", []))):
        return _rebuild(store, rubric, directory, change)  # the rubric itself changed
    table = _read_table(folder)
    kept = table["parties"][~table["parties"]["document"].isin(change.removed)]
    added = pd.DataFrame(list(state.parties(store, change.added)), columns=["document", "party"])
    named = set(table["parties"].loc[table["parties"]["document"].isin(change.removed), "party"])
    named |= set(added["party"]) | state.resolution_parties(change.resolution)
    old_firms = pd.Index(table["firms"]["firm"])
    reached = state.firms_reached(store, named)
    touched = reached | {n for n in named if n in old_firms}
    if len(touched) > FULL_SHARE * max(len(old_firms), 1):
        return _rebuild(store, rubric, directory, change)
    scored = sorted(reached - inputs.aliases)
    rows = pd.concat([table["rows"][~table["rows"]["firm"].isin(touched)], _rows_of(store, rubric, scored)])
    firms_now = table["firms"][~table["firms"]["firm"].isin(touched)]
    firms = pd.concat([firms_now, _firms(store, scored)]).sort_values("firm", kind="stable")
    indicators = pd.DataFrame(_indicators(store, NamedNode(rubric)))  # a short query; the rubric is unchanged
    _save(folder, store, rubric, inputs, indicators, firms, rows, pd.concat([kept, added]),
          "incremental", len(touched))
    return Refresh(folder, "incremental", len(touched), tuple(change.added), tuple(change.removed))


def _rebuild(store, rubric: str, directory: Path, change: state.Changes | None = None) -> Refresh:
    folder = materialise(store, rubric, directory)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return Refresh(folder, "full", int(meta["firms_recomputed"]), tuple(change.added) if change else (),
                   tuple(change.removed) if change else ())


def _rows_of(store, rubric: str, firms: list[str]) -> pd.DataFrame:
    """These firms' intervals (record-intervals.rq, a hundred firms a query)."""
    node = NamedNode(rubric)
    frames = [_interval_rows(store.select(load("record-intervals"), rubric=node,
                                          firm=[NamedNode(f) for f in chunk]))
              for chunk in state.chunks(firms)]
    return pd.concat(frames) if frames else _interval_rows([])


def _interval_rows(rows: Iterable[Mapping]) -> pd.DataFrame:
    """Query rows as a frame of IRIs and day numbers (firm, indicator, record, kind, ...)."""
    out: dict[str, list] = {k: [] for k in ("firm", "indicator", "record", "kind", *INTERVAL_COLUMNS)}
    for row in rows:
        out["firm"].append(str(row["firm"]))
        out["indicator"].append(str(row["indicator"]))
        out["record"].append(str(row["record"]))
        out["kind"].append(str(row["kind"]).rsplit("#", 1)[-1])
        out["from_day"].append(row["fromDay"])
        out["start"].append(row["start"])
        out["record_end"].append(row["recordEnd"])
        out["end"].append(row["end"])
        out["end_reason"].append(str(row["endReason"] or ""))
    frame = pd.DataFrame(out)
    return frame.astype({c: "int64" for c in INTERVAL_COLUMNS if c != "end_reason"})


def _save(folder: Path, store, rubric: str, inputs: state.Inputs, indicators: pd.DataFrame,
          firms: pd.DataFrame, rows: pd.DataFrame, parties: pd.DataFrame, mode: str, recomputed: int) -> None:
    """Write the table in canonical form, every file first under a temporary name, then
    each put in place and meta.json last: every file carries the generation meta.json
    names, so a table caught half-replaced is seen (read_meta) and built again."""
    folder.mkdir(parents=True, exist_ok=True)
    firms = firms.drop_duplicates("firm").sort_values("firm", kind="stable").reset_index(drop=True)
    fids = pd.Series(np.arange(len(firms), dtype="int32"), index=firms["firm"])
    iids = pd.Series(np.arange(len(indicators), dtype="int32"), index=indicators["indicator"])
    # by the indexes' hash tables: Series.isin of a pyarrow-backed string column builds a
    # scalar per value looked for (pandas 3.1), 1.4 s for 100,000 firms
    rows = rows[(fids.index.get_indexer(rows["firm"]) >= 0) & (iids.index.get_indexer(rows["indicator"]) >= 0)]
    records = rows[["record", "kind"]].drop_duplicates("record").sort_values("record").reset_index(drop=True)
    rids = pd.Series(np.arange(len(records), dtype="int32"), index=records["record"])
    intervals = pd.DataFrame({"fid": fids[rows["firm"]].to_numpy(), "iid": iids[rows["indicator"]].to_numpy(),
                              "rid": rids[rows["record"]].to_numpy(),
                              **{c: rows[c].to_numpy() for c in INTERVAL_COLUMNS}})
    intervals = intervals.drop_duplicates().sort_values(["fid", "iid", "rid", *INTERVAL_COLUMNS]).reset_index(drop=True)
    node = NamedNode(rubric)
    bands = [r for r in store.select(load("rubric-notes"), rubric=node) if r["grade"]]
    resolution = sorted(inputs.resolution)
    generation = hashlib.sha256(f"{inputs.digest} {query_hash()} {time.time_ns()}".encode()).hexdigest()[:16]
    int32 = pa.int32()
    tables = {
        "intervals": (intervals, dict.fromkeys(("fid", "iid", "rid", *INTERVAL_COLUMNS[:-1]), int32)),
        "records": (pd.DataFrame({"rid": np.arange(len(records)), **records}), {"rid": int32}),
        "firms": (pd.DataFrame({"fid": np.arange(len(firms)), **firms}), {"fid": int32}),
        "indicators": (indicators.assign(iid=np.arange(len(indicators)))[["iid", *_INDICATOR_COLUMNS]],
                       {"iid": int32, "months": int32}),
        "bands": (pd.DataFrame({"grade": [str(b["grade"]) for b in bands], "low": [float(b["low"]) for b in bands],
                                "high": [float(b["high"]) for b in bands]}), {}),
        "documents": (parties.drop_duplicates().sort_values(["document", "party"]).reset_index(drop=True), {}),
        "resolution": (pd.DataFrame(resolution, columns=["what", "a", "b"]), {}),
    }
    for name, (frame, types) in tables.items():
        _write_frame(folder / f"{name}.tmp", frame, types, generation)
    for name in tables:
        (folder / f"{name}.tmp").replace(folder / f"{name}.parquet")
    meta = {"rubric": rubric, "input_hash": inputs.digest, "query_hash": query_hash(), "generation": generation,
            "documents": inputs.documents, "mode": mode, "firms_recomputed": recomputed,
            "rubric_sources": sorted(str(r["source"]) for r in store.select(load("rubric-sources"), rubric=node))}
    tmp = folder / "meta.tmp"
    tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    tmp.replace(folder / "meta.json")


def _write_frame(path: Path, frame: pd.DataFrame, types: dict[str, pa.DataType], generation: str) -> None:
    table = pa.table({name: pa.array(frame[name], type=types.get(name), from_pandas=True)  # NaN is null
                      for name in frame.columns})
    pq.write_table(table.replace_schema_metadata({"cscs_generation": generation}), path)


def read_meta(folder: Path) -> dict | None:
    """The table's meta.json, or None when there is none or a file of the table is of
    another generation (a refresh stopped while putting its files in place)."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        for name in TABLES:
            found = pq.read_schema(folder / f"{name}.parquet").metadata or {}
            if found.get(b"cscs_generation", b"").decode() != meta.get("generation"):
                return None
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return None
    return meta


def _read_inputs(folder: Path, meta: dict) -> state.Inputs:
    resolution = pq.read_table(folder / "resolution.parquet").to_pylist()
    return state.Inputs(dict(meta["documents"]), frozenset((r["what"], r["a"], r["b"]) for r in resolution))


def _read_table(folder: Path) -> dict[str, pd.DataFrame]:
    """The table at IRI level: rows (firm, indicator, record, kind, intervals), firms and
    the parties of each document."""
    db = duckdb.connect()
    read = {name: str(folder / f"{name}.parquet") for name in TABLES}
    rows = db.execute("""
        SELECT f.firm, d.indicator, r.record, r.kind, i.from_day, i.start, i.record_end, i."end", i.end_reason
        FROM read_parquet($intervals) i JOIN read_parquet($firms) f USING (fid)
             JOIN read_parquet($records) r USING (rid) JOIN read_parquet($indicators) d USING (iid)""",
                      {"intervals": read["intervals"], "firms": read["firms"], "records": read["records"],
                       "indicators": read["indicators"]}).df()
    return {"rows": rows.astype({c: "int64" for c in INTERVAL_COLUMNS if c != "end_reason"}),
            "firms": db.execute("SELECT firm, name, identifier FROM read_parquet($p) ORDER BY fid",
                                {"p": read["firms"]}).df(),
            "parties": db.execute("SELECT document, party FROM read_parquet($p)", {"p": read["documents"]}).df()}


def _firms(store, firms: list[str]) -> pd.DataFrame:
    """These firms with their least name and best identifier (the USCC, else the masked
    code, else the organisation code; population-firms.rq): all of the store's firms
    read in one scan, a few by lookup."""
    facts: dict[str, dict[str, str]] = {}
    if len(firms) > 10_000:
        found: Iterable[Mapping] = store.select_stream(load("population-firms"))
    else:
        found = (r for chunk in state.chunks(firms) for r in store.select(
            load("population-firms"), firm=[NamedNode(f) for f in chunk]))
    for row in found:
        kept = facts.setdefault(str(row["firm"]), {})
        attribute, value = str(row["attribute"]).rsplit("#", 1)[-1], str(row["value"])
        if attribute not in kept or value < kept[attribute]:
            kept[attribute] = value
    out: dict[str, list] = {"firm": [], "name": [], "identifier": []}
    for firm in firms:
        mine = facts.get(firm, {})
        out["firm"].append(firm)
        out["name"].append(mine.get("legalName"))
        out["identifier"].append(mine.get("uscc") or mine.get("maskedCode") or mine.get("organizationCode"))
    return pd.DataFrame(out)


_INDICATOR_COLUMNS = ("indicator", "notation", "label", "category", "max", "negative", "per_record",
                      "all_or_nothing", "months", "scope", "kinds", "assumption")


def _indicators(store, rubric: NamedNode) -> dict[str, list]:
    out: dict[str, list] = {k: [] for k in _INDICATOR_COLUMNS}
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


def query_hash() -> str:
    return hashlib.sha256("\0".join(load(q) for q in QUERIES).encode("utf-8")).hexdigest()


def is_current(store, folder: Path) -> bool:
    """Whether the table at ``folder`` is whole and was computed from the store's
    present inputs and the present queries."""
    meta = read_meta(folder)
    return meta is not None and meta["query_hash"] == query_hash() and \
        meta["input_hash"] == state.read_inputs(store).digest


def open_current(store, rubric: str, directory: Path) -> Population:
    """The rubric's population, refreshed first (incrementally where it can) if the
    store changed: never a stale table."""
    return Population(refresh(store, rubric, directory).folder)


class Population:
    """A materialised population, scored in DuckDB: the intervals are aggregated to the
    few (firm, indicator) pairs with a record counted on the day, and every firm's total
    is the baseline plus its pairs' points (numpy, by firm number)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        meta = read_meta(folder)
        if meta is None:
            raise ValueError(f"{folder}: no whole population table (missing, or caught half-replaced): "
                             "refresh it (cscs.population.refresh)")
        self.meta = meta
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
