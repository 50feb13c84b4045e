"""Every firm's score as a table, streamed: CSV, Parquet or JSON lines.

A province is millions of rows, so rows are written as they arrive (Parquet in
row groups of ``BATCH``) and memory stays flat whatever the population.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Iterable, Iterator

BATCH = 100_000
FORMATS = ("csv", "parquet", "jsonl")


def score_table(rows: Iterable[dict[str, object]], labels: dict[str, str]) -> Iterator[dict[str, object]]:
    """Flat rows: firm, total, grade and one column per category (the rubric's labels)."""
    for row in rows:
        categories = row["categories"]
        flat = {"firm": row["firm"], "total": _plain(row["total"]), "grade": row["grade"]}
        for iri, label in labels.items():
            flat[label] = _plain(categories.get(iri))  # type: ignore[union-attr]
        yield flat


def write_table(rows: Iterable[dict[str, object]], columns: list[str], fmt: str,
                out: IO[str] | None = None, path: Path | None = None) -> int:
    """Write the rows; Parquet needs a ``path``, the text formats write to ``out`` or ``path``."""
    if fmt == "parquet":
        if path is None:
            raise ValueError("Parquet is written to a file: give --output FILE.parquet")
        return _parquet(rows, columns, path)
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


def _parquet(rows: Iterable[dict[str, object]], columns: list[str], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    numeric = [c for c in columns if c not in ("firm", "grade")]
    schema = pa.schema([(c, pa.string() if c in ("firm", "grade") else pa.float64()) for c in columns])
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


def _arrow(pa, batch: list[dict[str, object]], columns: list[str], numeric: list[str], schema):
    data = {c: [r[c] for r in batch] for c in columns}
    for c in numeric:
        data[c] = [None if v is None else float(v) for v in data[c]]
    return pa.Table.from_pydict(data, schema=schema)


def _plain(value: object) -> object:
    """Integers stay integers; other numbers (half points) become floats."""
    if value is None or isinstance(value, int):
        return value
    number = float(value)  # type: ignore[arg-type]
    return int(number) if number.is_integer() else number
