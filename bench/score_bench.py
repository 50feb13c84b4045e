"""Scoring benchmark: the all-firms score query at 10k and 100k firms, Oxigraph
(in memory and on disk) against rdflib's in-memory SPARQL engine on the same graph.

    python bench/score_bench.py [--sizes 10000 100000] [--rdflib-max 100000]

Prints firms/second for each engine and the speed-up over rdflib. Figures, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import rdflib
from pyoxigraph import NamedNode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import population  # noqa: E402

from cscs.api import Graph  # noqa: E402
from cscs.demo import shipped_rubric  # noqa: E402
from cscs.graph.bindings import bind  # noqa: E402
from cscs.graph.queries import load  # noqa: E402
from cscs.graph.store import open_store  # noqa: E402

AS_OF = date(2024, 6, 30)
RUBRIC = NamedNode("https://w3id.org/cscs/id/rubric/zhejiang-2020")


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def build(store, firms: int) -> None:
    Graph(store=store).ingest([shipped_rubric()])
    store.raw.bulk_extend(population(firms))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="largest size to run on rdflib (it is slow: ~1 min at 100k)")
    args = parser.parse_args()
    query = bind(load("score"), {"rubric": RUBRIC, "asOf": AS_OF})
    print(f"{'firms':>8} {'engine':<22} {'seconds':>8} {'firms/s':>10} {'rows':>8}")
    for firms in args.sizes:
        memory = open_store(memory=True)
        build(memory, firms)
        seconds, rows = timed(lambda: len(memory.select(query).rows))
        print(f"{firms:>8} {'oxigraph in memory':<22} {seconds:>8.2f} {firms / seconds:>10.0f} {rows:>8}")
        with tempfile.TemporaryDirectory() as tmp:
            disk = open_store(Path(tmp) / "store")
            build(disk, firms)
            disk.raw.optimize()
            disk_s, disk_rows = timed(lambda: len(disk.select(query).rows))
            print(f"{firms:>8} {'oxigraph on disk':<22} {disk_s:>8.2f} {firms / disk_s:>10.0f} {disk_rows:>8}")
            del disk
        if firms <= args.rdflib_max:
            dataset = rdflib.Dataset(default_union=True)
            nquads = memory.raw.dump(format=__import__("pyoxigraph").RdfFormat.N_QUADS)
            dataset.parse(data=nquads.decode(), format="nquads")
            rd_s, rd_rows = timed(lambda: len(list(dataset.query(query))))
            print(f"{firms:>8} {'rdflib in memory':<22} {rd_s:>8.2f} {firms / rd_s:>10.0f} {rd_rows:>8}")
            print(f"{firms:>8} speed-up over rdflib: {rd_s / seconds:.0f}x in memory, {rd_s / disk_s:.0f}x on disk")


if __name__ == "__main__":
    main()
