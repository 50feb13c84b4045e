"""Every firm's score as a table, streamed: CSV, Parquet or JSON lines, in one schema.

A province is millions of rows, so rows are written as they arrive (Parquet in
row groups of ``BATCH``) and memory stays flat whatever the population.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from cscs.graph.store import Row

BATCH = 100_000
FORMATS = ("csv", "parquet", "jsonl")


#: every score table's first columns (one category column per rubric category follows),
#: whichever command writes it: ``score --format csv``, ``score --all``, Parquet, JSON lines
HEAD = ("firm", "name", "identifier", "total", "grade")
TEXT_COLUMNS = ("firm", "name", "identifier", "grade")
NAMES_CHUNK = 5_000

Labels = Callable[[list[str]], dict[str, tuple]]  # firm IRIs → {IRI: (name, uscc, identifier)}


def score_columns(labels: dict[str, str]) -> list[str]:
    return [*HEAD, *labels.values()]


def score_table(rows: Iterable[dict[str, object]], labels: dict[str, str],
                names: Labels | None = None) -> Iterator[dict[str, object]]:
    """Flat rows of :data:`HEAD` and one column per category (the rubric's labels).
    Names and identifiers are looked up ``NAMES_CHUNK`` firms at a time, so memory
    stays flat however many firms stream past."""
    chunk: list[dict[str, object]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == NAMES_CHUNK:
            yield from _flat(chunk, labels, names)
            chunk = []
    yield from _flat(chunk, labels, names)


def _flat(chunk: list[Row], labels: dict[str, str], names: Labels | None) -> Iterator[dict]:
    found = names([str(r["firm"]) for r in chunk]) if names and chunk else {}
    for row in chunk:
        name, _, identifier = found.get(str(row["firm"]), (None, None, None))
        categories = row["categories"]
        flat = {"firm": row["firm"], "name": name, "identifier": identifier, "total": _plain(row["total"]),
                "grade": row["grade"]}
        for iri, label in labels.items():
            flat[label] = _plain(categories.get(iri))
        yield flat


def firm_score_rows(scores: Iterable, labels: dict[str, str]) -> Iterator[dict[str, object]]:
    """The same rows from :class:`cscs.results.FirmScore` objects (``score`` without ``--all``)."""
    for s in scores:
        points = {c.category: c.points for c in s.categories}
        flat = {"firm": s.firm, "name": s.name, "identifier": s.identifier or s.uscc, "total": _plain(s.total),
                "grade": s.grade}
        for iri, label in labels.items():
            flat[label] = _plain(points.get(iri))
        yield flat


def write_table(rows: Iterable[dict[str, object]], columns: list[str], fmt: str,
                out: IO[str] | None = None, path: Path | None = None, whole: bool = True) -> int:
    """Write the rows; Parquet needs a ``path``, the text formats write to ``out`` or
    ``path``. ``whole``: the points are whole numbers (Parquet int64, else float64)."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet is written to a file: give --output FILE.parquet")
        return _parquet(rows, columns, path, whole)
    if path is not None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            return write_table(rows, columns, fmt, out=handle)
    assert out is not None
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        for count, row in enumerate(rows, start=1):
            writer.writerow(row)
    elif fmt == "jsonl":
        for count, row in enumerate(rows, start=1):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown table format {fmt!r}; one of {', '.join(FORMATS)}")
    return count


def _parquet(rows: Iterable[dict[str, object]], columns: list[str], path: Path, whole: bool = True) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    numeric = [c for c in columns if c not in TEXT_COLUMNS]
    number = pa.int64() if whole else pa.float64()
    schema = pa.schema([(c, pa.string() if c in TEXT_COLUMNS else number) for c in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, object]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                writer.write_table(_arrow(pa, batch, columns, numeric, schema))
                count += len(batch)
                batch = []
        if batch:
            writer.write_table(_arrow(pa, batch, columns, numeric, schema))
            count += len(batch)
    return count


def _arrow(pa, batch: list[Row], columns: list[str], numeric: list[str], schema):
    data = {c: [r[c] for r in batch] for c in columns}
    cast = int if pa.types.is_integer(schema.field(numeric[0]).type) else float
    for c in numeric:
        data[c] = [None if v is None else cast(v) for v in data[c]]
    return pa.Table.from_pydict(data, schema=schema)


def _plain(value: object) -> object:
    """Integers stay integers; other numbers (half points) become floats."""
    if value is None or isinstance(value, int):
        return value
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number
