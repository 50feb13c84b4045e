"""The command-line side of ``cscs compare`` and ``cscs sensitivity``: options to
overlays and tables, results to table/CSV/JSON/Parquet."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import IO

import pandas as pd

from cscs.compare import Side, compare_sides, migration, what_if
from cscs.population import Overlay


def tables_folder(args: argparse.Namespace) -> Path:
    """``--tables``, else a ``population`` folder beside the embedded store, else
    ./cscs-population (an in-memory or remote store)."""
    if getattr(args, "tables", None):
        return args.tables
    if args.endpoint:
        return Path("cscs-population")
    from cscs.graph.store import default_store_path

    return (args.store or default_store_path()).with_name("population")


def overlay(graph, args: argparse.Namespace) -> Overlay:
    return what_if(graph, [*args.assume_repaired, *args.assume_removed], args.add_record)


def run_compare(graph, args: argparse.Namespace, out: IO[str]) -> int:
    if args.format == "parquet" and not args.output:
        raise ValueError("--format parquet needs --output FILE")
    rows = compare_sides(graph, Side.parse(args.a), Side.parse(args.b), tables_folder(args), overlay(graph, args))
    if args.changed_only:
        rows = changed_only(rows)
    write_frame(rows, args.format, args.output, out)
    moves = migration(rows)
    if args.migration:
        moves.to_csv(args.migration)
    if args.format == "table" and not args.output:
        out.write("\ngrade migration (rows: " + args.a + ", columns: " + args.b + ")\n")
        out.write(moves.to_string() + "\n")
    return 0


def changed_only(rows: pd.DataFrame) -> pd.DataFrame:
    """The firms whose total or some indicator's points differ (``--changed-only``)."""
    return rows[(rows["difference"] != 0) | (rows["changed"] != "")]


def write_frame(frame: pd.DataFrame, fmt: str, output: Path | None, out: IO[str]) -> None:
    frame = frame.map(_plain) if hasattr(frame, "map") else frame
    if fmt == "parquet":
        frame.to_parquet(output, index=False)
        return
    target = output.open("w", encoding="utf-8", newline="") if output else out
    try:
        if fmt == "csv":
            frame.to_csv(target, index=False)
        elif fmt == "json":
            json.dump(frame.to_dict(orient="records"), target, ensure_ascii=False, indent=2, default=str)
            target.write("\n")
        else:
            target.write(frame.to_string(index=False) + "\n")
    finally:
        if output:
            target.close()


def _plain(value: object) -> object:
    """Whole points as integers (the rubrics' points are whole), missing as None."""
    if isinstance(value, float):
        if value != value:  # NaN: the firm is not on that side
            return None
        return int(value) if value.is_integer() else value
    return value


def run_sensitivity(graph, args: argparse.Namespace, out: IO[str]) -> int:
    from cscs import sensitivity
    from cscs.analysis.table import study_table
    from cscs.population import open_current

    day = args.as_of or date.today()
    rubric = graph.rubric(args.rubric, day)
    table = study_table(graph, day, rubric)
    population = open_current(graph.store, rubric, tables_folder(args))
    assumed = sensitivity.Assumed.of(population)
    variants = sensitivity.grid(assumed) if args.grid else sensitivity.draws(assumed, args.draws, args.seed)
    results = sensitivity.run(table, population, graph.category_labels(rubric, day), day, variants)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    results.to_csv(args.out_dir / "variants.csv", index=False)
    sensitivity.plot(results, args.out_dir / "sensitivity.png")
    out.write(f"{len(results)} variants of {rubric} on {day} ({len(table.frame)} listed firms); "
              f"{args.out_dir / 'variants.csv'}, {args.out_dir / 'sensitivity.png'}\n")
    out.write("coefficient on political connection: the shipped rubric's, the least and greatest across "
              "variants, and the share of variants with the same sign at p < 0.05\n")
    out.write(sensitivity.summary(results).to_string(index=False) + "\n")
    return 0
