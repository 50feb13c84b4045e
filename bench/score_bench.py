"""Scoring benchmark: the all-firms score query at 10k and 100k firms, Oxigraph
(in memory and on disk) against rdflib's in-memory SPARQL engine on the same graph.

    python bench/score_bench.py [--sizes 10000 100000] [--rdflib-max 100000]

Prints firms/second for each engine and the speed-up over rdflib. Figures, not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pyoxigraph
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


def _rdflib_worker(nquads: bytes, query: str, out: multiprocessing.Queue) -> None:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    seconds, rows = timed(lambda: len(list(dataset.query(query))))
    out.put((seconds, rows))


def rdflib_time(nquads: bytes, query: str, timeout: int) -> tuple[float | None, int | None]:
    """Time rdflib's engine in a child process, giving up after ``timeout`` seconds of querying
    (rdflib re-evaluates the OPTIONAL sub-queries for every firm, so it can take hours)."""
    out: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_rdflib_worker, args=(nquads, query, out))
    child.start()
    child.join(timeout + 60)  # parsing the N-Quads is not part of the query time
    if child.is_alive():
        child.terminate()
        return None, None
    return out.get()


def build(store, firms: int) -> None:
    Graph(store=store).ingest([shipped_rubric()])
    store.raw.bulk_extend(population(firms))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rdflib-max", type=int, default=100_000,
                        help="largest size to run on rdflib's engine")
    parser.add_argument("--rdflib-timeout", type=int, default=300,
                        help="seconds to give rdflib's engine before reporting a lower bound")
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
            disk_s, disk_rows = timed(lambda d=disk: len(d.select(query).rows))
            print(f"{firms:>8} {'oxigraph on disk':<22} {disk_s:>8.2f} {firms / disk_s:>10.0f} {disk_rows:>8}")
            del disk
        if firms <= args.rdflib_max:
            nquads = memory.raw.dump(format=pyoxigraph.RdfFormat.N_QUADS)
            rd_s, rd_rows = rdflib_time(nquads, query, args.rdflib_timeout)
            if rd_s is None:
                print(f"{firms:>8} {'rdflib in memory':<22} {'>' + str(args.rdflib_timeout):>8} "
                      f"{'<' + format(firms / args.rdflib_timeout, '.0f'):>10} {'-':>8}")
                rd_s = float(args.rdflib_timeout)
                bound = "at least "
            else:
                print(f"{firms:>8} {'rdflib in memory':<22} {rd_s:>8.2f} {firms / rd_s:>10.0f} {rd_rows:>8}")
                bound = ""
            print(f"{firms:>8} speed-up over rdflib: {bound}{rd_s / seconds:.0f}x in memory, "
                  f"{bound}{rd_s / disk_s:.0f}x on disk")


if __name__ == "__main__":
    main()
