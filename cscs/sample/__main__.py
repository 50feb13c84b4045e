"""``python -m cscs.sample OUT [--firms N] [--seed S] [--as-of YYYY-MM-DD]``: write a sample corpus."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path

from . import generate


def main(argv: list[str] | None = None) -> int:
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


if __name__ == "__main__":
    raise SystemExit(main())
