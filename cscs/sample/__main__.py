"""``python -m cscs.sample OUT [--firms N] [--seed S] [--as-of YYYY-MM-DD]``: write a sample corpus.

``python -m cscs.sample province OUT [--firms N] [--seed S] [--as-of YYYY-MM-DD]``: write a
whole province as CSV lists for benchmarks (:mod:`cscs.sample.province`).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from . import generate


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["province"]:
        return province_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m cscs.sample", description=__doc__)
    parser.add_argument("out", type=Path, help="directory to write the documents and truth.json into")
    parser.add_argument("--firms", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 6, 30))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = generate(args.out, firms=args.firms, seed=args.seed, as_of=args.as_of)
    elapsed = time.perf_counter() - started
    for name, path in corpus.files.items():
        print(f"{path}  {corpus.rows[name]:>6} rows  {path.stat().st_size:>9} bytes")
    kinds = Counter(r.kind for r in corpus.population.records)
    print(f"{corpus.truth_path}  {len(corpus.population.firms)} firms, {len(corpus.population.persons)} persons, "
          f"{len(corpus.population.roles)} roles, {sum(kinds.values())} records "
          f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})")
    print(f"generated in {elapsed:.2f} s (seed {args.seed}, as of {args.as_of})")
    return 0


def province_main(argv: list[str]) -> int:
    """Stream a province of ``--firms`` firms into OUT with a progress bar; print what was written."""
    from tqdm import tqdm

    from .province import write_province

    parser = argparse.ArgumentParser(prog="python -m cscs.sample province",
                                     description="Write a province of firms, their key personnel and record "
                                                 "lists as CSV, with truth.csv and roles.csv, for benchmarks.")
    parser.add_argument("out", type=Path, help="directory to write the CSV files into")
    parser.add_argument("--firms", type=int, default=100_000, help="number of firms (up to about 3,000,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2024, 6, 30))
    args = parser.parse_args(argv)
    with tqdm(total=args.firms, unit="firm", unit_scale=True, file=sys.stderr, mininterval=0.5) as bar:
        summary = write_province(args.out, args.firms, seed=args.seed, as_of=args.as_of, progress=bar.update)
    print(summary.describe())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
