"""Provincial scale: the issue's figures from one run, as ratios and rates, checked.

    python bench/scale_bench.py --firms 1000000 --store /tmp/cscs-1m    # builds it once
    python bench/scale_bench.py --firms 100000 --store /tmp/cscs-100k --rdflib

For a population of N firms on the embedded on-disk store (a synthetic graph written
as N-Quads and bulk-loaded: ~0.24 records per firm, most firms none, as in the province
generator), it prints:

- two floors: every firm's IRI streamed out by the plainest query, once through
  ``select_iris`` (one column of strings, as the all-firms score streams the firm list)
  and once through ``select_stream`` (a dict per row);
- the all-firms score computed from the records (``scores.compute_all``: score-moved.rq
  and the firm list, run at once), as seconds, firms/s, peak memory, and its ratio to
  each floor; the columnar population score (``cscs.population``: the interval table
  written as Parquet, then scored by DuckDB) beside it;
- materialising the score graph, and reading every firm's score back from it;
- the check: every firm's total, grade and category points from both (the all-firms
  score and the score graph) against ``scale_check``'s plain-Python computation from
  what the generator planted and the lists ingested since (exit status 1 on any
  mismatch);
- one firm's explanation and score (median of 20 firms with records);
- re-scoring after a new 1,000-record list: its bulk ingest and the incremental refresh
  (the list stays in the store, and a copy beside it for the check: each run adds one);
- bulk ingest of list rows (a 100,000-row list into a scratch store), rows/s;
- with --rdflib: rdflib's engine on score-moved.rq (the query that reads every record)
  over the same graph (N ≤ 100k);
- with --server (default on): the floor, the all-firms score and an explanation against
  ``oxigraph serve`` on the same store.

Each measurement runs in a child process, so peak memory (``ru_maxrss``, the child's
own and its children's) is its own; every ratio is printed with the load average of
the machine when it was taken (``os.getloadavg``, 1 minute). Figures, not a test.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

AS_OF = date(2024, 6, 30)
RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
# the plainest query giving every firm once (a firm a list names is typed again in its graph)
FLOOR = "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?firm WHERE { ?firm a cscs:Enterprise }"


def build(store_path: Path, firms: int) -> None:
    import pyoxigraph as ox
    from synthetic import write_nquads

    from cscs.api import Graph
    from cscs.demo import shipped_rubric
    from cscs.graph.store import open_store

    nquads = store_path.with_suffix(".nq")
    started = time.perf_counter()
    quads = write_nquads(nquads, firms)
    written = time.perf_counter() - started
    store = open_store(store_path)
    Graph(store=store).ingest([shipped_rubric()], resolve=False)
    started = time.perf_counter()
    store.raw.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    loaded = time.perf_counter() - started
    store.raw.optimize()
    nquads.unlink()
    _meta(store_path).write_text(json.dumps({"firms": firms}), encoding="utf-8")
    print(f"built {firms:,} firms: {quads:,} quads written in {written:.0f} s, bulk-loaded in {loaded:.0f} s "
          f"({quads / loaded:,.0f} quads/s), peak {_peak()}")


def _meta(store_path: Path) -> Path:
    """Beside the store: the number of firms it was built with (the check replays them)."""
    return store_path.parent / f"{store_path.name}.synthetic.json"


# -- measurements, each in its own process ------------------------------------------
def _peak() -> str:
    """This process's peak resident memory and its children's (the largest of them)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"{own:,.0f} MiB (children {children:,.0f} MiB)"


def _load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def _stream(store_path: str, query: str, params: dict) -> tuple[float, int]:
    from cscs.graph.store import open_store

    store = open_store(Path(store_path))
    started = time.perf_counter()
    rows = sum(1 for _ in store.select_stream(query, **params))
    return time.perf_counter() - started, rows


def m_floor(store_path: str) -> tuple:
    """Every firm's IRI as a dict per row (select_stream), the floor the bench had first."""
    return (*_stream(store_path, FLOOR, {}), _peak())


def m_floor_iris(store_path: str) -> tuple:
    """Every firm's IRI as one column of strings (select_iris), as compute_all streams them."""
    from cscs.graph.store import open_store

    store = open_store(Path(store_path))
    started = time.perf_counter()
    rows = sum(1 for _ in store.select_iris(FLOOR))
    return time.perf_counter() - started, rows, _peak()


def m_score_all(store_path: str) -> tuple:
    """scores.compute_all: score-moved.rq and the firm list, run at once, merged."""
    from cscs.graph import scores
    from cscs.graph.store import open_store

    store = open_store(Path(store_path))
    started = time.perf_counter()
    rows = sum(1 for _ in scores.compute_all(store, RUBRIC, AS_OF))
    return time.perf_counter() - started, rows, _peak()


def m_population(store_path: str) -> tuple:
    """The columnar path: the interval table written as Parquet, then every firm scored by DuckDB."""
    from cscs.graph.store import open_store
    from cscs.population import Population, materialise

    store = open_store(Path(store_path))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        population = Population(materialise(store, RUBRIC, Path(tmp)))
        made = time.perf_counter() - started
        started = time.perf_counter()
        rows = len(population.scores(AS_OF))
        return made, time.perf_counter() - started, rows, _peak()


def m_check(store_path: str, firms: int) -> tuple:
    """Every firm of both score paths against scale_check's plain-Python truth."""
    import scale_check as check

    from cscs.graph import scores
    from cscs.graph.store import open_store

    path = Path(store_path)
    store = open_store(path)
    rubric = check.read_rubric(store.raw, RUBRIC)
    baseline = rubric.baseline()
    started = time.perf_counter()
    every, moved = check.expected(rubric, firms, check.read_lists(check.lists_dir(path)), AS_OF)
    truth_s = time.perf_counter() - started
    base_grade = rubric.grade(sum(baseline.values()))
    computed = check.compare(check.from_compute_all(scores.compute_all(store, RUBRIC, AS_OF), baseline),
                             every, moved, baseline, base_grade)
    materialised = check.compare(check.from_read_all(scores.read_all(store, RUBRIC, AS_OF)),
                                 every, moved, baseline, base_grade)
    return truth_s, computed, materialised, _peak()


def m_materialise(store_path: str) -> tuple:
    from cscs.graph import scores
    from cscs.graph.store import open_store

    store = open_store(Path(store_path))
    started = time.perf_counter()
    done = scores.refresh(store, RUBRIC, AS_OF, full=True)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    rows = sum(1 for _ in scores.read_all(store, RUBRIC, AS_OF))
    return seconds, done.firms_scored, time.perf_counter() - started, rows, _peak()


def m_explain(store_path: str) -> tuple:
    from cscs.api import Graph
    from cscs.graph.store import open_store

    g = Graph(store=open_store(Path(store_path)))
    firms = [str(r["firm"]) for r in g.store.select(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?firm WHERE { "
        "?r cscs:subject ?firm . ?firm a cscs:Enterprise } LIMIT 20").rows]
    g.explain(firms[0], AS_OF)  # the first query warms the caches
    return _median_ms(lambda f: g.explain(f, AS_OF), firms), _median_ms(lambda f: g.score(f, AS_OF), firms)


def _median_ms(fn, items) -> float:
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def m_incremental(store_path: str, firms: int, listing: str) -> tuple:
    """Ingest a new list (a copy kept beside the store first, for the check) and refresh
    the score graph incrementally."""
    import scale_check as check

    from cscs.graph import scores
    from cscs.graph.bulk import bulk_ingest
    from cscs.graph.store import open_store

    path = Path(store_path)
    store = open_store(path)
    if scores.read_state(store, scores.score_graph(RUBRIC, AS_OF)) is None:
        scores.refresh(store, RUBRIC, AS_OF)
    kept = check.lists_dir(path)
    kept.mkdir(exist_ok=True)
    shutil.copy(listing, kept / f"{time.strftime('%Y%m%d%H%M%S')}-{Path(listing).name}")
    started = time.perf_counter()
    report = bulk_ingest(store, Path(listing))
    ingest_s = time.perf_counter() - started
    ingest_peak = _peak()
    started = time.perf_counter()
    done = scores.refresh(store, RUBRIC, AS_OF)
    refresh_s = time.perf_counter() - started
    return ingest_s, report.counts.rows, refresh_s, done.mode, done.firms_scored, ingest_peak, _peak()


def m_bulk(listing: str) -> tuple:
    from cscs.graph.bulk import bulk_ingest
    from cscs.graph.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        report = bulk_ingest(store, Path(listing))
        return time.perf_counter() - started, report.counts.rows, _peak()


def m_rdflib(store_path: str, timeout: int) -> tuple:
    import pyoxigraph as ox
    import rdflib
    from pyoxigraph import NamedNode

    from cscs.graph.bindings import bind
    from cscs.graph.queries import load
    from cscs.graph.store import open_store

    store = open_store(Path(store_path))
    query = bind(load("score-moved"), {"rubric": NamedNode(RUBRIC), "asOf": AS_OF})
    data = store.raw.dump(format=ox.RdfFormat.N_QUADS)
    started = time.perf_counter()
    oxi_rows = sum(1 for _ in store.select_raw(query))
    oxi_s = time.perf_counter() - started
    del store
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data.decode("utf-8"), format="nquads")
    out: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=_rdflib_query, args=(dataset, query, out))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.terminate()
        return oxi_s, oxi_rows, None, None
    return (oxi_s, oxi_rows, *out.get())


def _rdflib_query(dataset, query: str, out) -> None:
    started = time.perf_counter()
    rows = len(list(dataset.query(query)))
    out.put((time.perf_counter() - started, rows))


def m_server(store_path: str) -> tuple:
    from servers import oxigraph_server

    from cscs.api import Graph
    from cscs.graph import scores

    with oxigraph_server(Path(store_path)) as base:
        g = Graph(endpoint=f"{base}/query", update_endpoint=f"{base}/update")
        started = time.perf_counter()
        floor_rows = sum(1 for _ in g.store.select_stream(FLOOR))
        floor_s = time.perf_counter() - started
        started = time.perf_counter()
        rows = sum(1 for _ in scores.compute_all(g.store, RUBRIC, AS_OF))
        score_s = time.perf_counter() - started
        firms = [str(r["firm"]) for r in g.store.select(
            "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?firm WHERE { "
            "?r cscs:subject ?firm . ?firm a cscs:Enterprise } LIMIT 20").rows]
        g.explain(firms[0], AS_OF)
        explain_ms = _median_ms(lambda f: g.explain(f, AS_OF), firms)
    return floor_s, floor_rows, score_s, rows, explain_ms


def in_child(fn, *args):
    """Run one measurement in a fresh process (its own peak memory, its own store handle)."""
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    child = context.Process(target=_run, args=(out, fn, args))
    child.start()
    ok, value = out.get()
    child.join()
    if not ok:
        raise RuntimeError(value)
    return value


def _run(out, fn, args) -> None:
    try:
        out.put((True, fn(*args)))
    except BaseException as exc:  # report it to the parent rather than hang it
        import traceback

        out.put((False, f"{exc!r}\n{traceback.format_exc()}"))


# -- inputs -------------------------------------------------------------------------
def write_listing(path: Path, rows: int, firms: int, offset: int = 0) -> Path:
    """An abnormal-operations list naming existing firms of the synthetic population (a
    new document on every run: the deciding authority's name carries the time)."""
    from synthetic import AREAS

    from cscs.extract.identifiers import make_uscc

    step = max(firms // rows, 1)
    stamp = time.strftime("%Y%m%d%H%M%S")
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["统一社会信用代码", "企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关（列入）"])
        for n in range(rows):
            i = (offset + n * step) % firms
            uscc = make_uscc(AREAS[i % len(AREAS)], f"{i:08d}".replace("0", "A", 1) if i % 7 == 0 else f"{i:08d}")
            out.writerow([uscc, f"企业{i}有限公司", "通过登记的住所或者经营场所无法联系的",
                          f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}", f"杭州市市场监督管理局 {stamp}"])
    return path


def main() -> None:
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--store", type=Path, required=True, help="on-disk store (built if missing)")
    parser.add_argument("--rdflib", action="store_true", help="also time rdflib's engine (N ≤ 100k)")
    parser.add_argument("--rdflib-timeout", type=int, default=600)
    parser.add_argument("--no-server", action="store_true")
    parser.add_argument("--no-population", action="store_true", help="skip the columnar population score")
    parser.add_argument("--no-bulk", action="store_true", help="skip the 100,000-row bulk ingest")
    parser.add_argument("--build-only", action="store_true", help="build the store and stop")
    args = parser.parse_args()
    if not args.store.exists():
        in_child(build, args.store, args.firms)  # the store must be closed before others open it
    elif args.build_only:
        sys.exit(f"{args.store} exists")
    if args.build_only:
        return
    if _meta(args.store).exists() and json.loads(_meta(args.store).read_text())["firms"] != args.firms:
        sys.exit(f"{args.store} was built with {json.loads(_meta(args.store).read_text())['firms']:,} firms, "
                 f"not --firms {args.firms:,}")
    store = str(args.store)
    work = Path(tempfile.mkdtemp())
    n = args.firms
    print(f"{n:,} firms, store {store} ({_du(args.store)}), as of {AS_OF}, {date.today()}, {_load()}")

    iris_s, iris_rows, iris_peak = in_child(m_floor_iris, store)
    print(f"floor a: every firm's IRI, select_iris      {iris_s:7.2f} s  {iris_rows / iris_s:>10,.0f} firms/s  "
          f"peak {iris_peak}")
    floor_s, floor_rows, floor_peak = in_child(m_floor, store)
    print(f"floor b: every firm's IRI, a dict per row   {floor_s:7.2f} s  {floor_rows / floor_s:>10,.0f} firms/s  "
          f"peak {floor_peak}")
    score_s, score_rows, score_peak = in_child(m_score_all, store)
    print(f"all-firms score from records (compute_all)  {score_s:7.2f} s  {score_rows / score_s:>10,.0f} firms/s  "
          f"peak {score_peak}\n    = {score_s / iris_s:.2f}x floor a, {score_s / floor_s:.2f}x floor b  ({_load()})")
    if not args.no_population:
        made_s, table_s, table_rows, table_peak = in_child(m_population, store)
        print(f"columnar population score (Parquet+DuckDB)  {table_s:7.2f} s  ({table_rows:,} firms; the table "
              f"written first in {made_s:.2f} s) peak {table_peak}\n    = {table_s / iris_s:.2f}x floor a, "
              f"table + score {(made_s + table_s) / iris_s:.2f}x floor a  ({_load()})")
    mat_s, mat_rows, read_s, read_rows, mat_peak = in_child(m_materialise, store)
    print(f"materialise the score graph                 {mat_s:7.2f} s  ({mat_rows:,} firms)  peak {mat_peak}")
    print(f"read every score from the graph (read_all)  {read_s:7.2f} s  {read_rows / read_s:>10,.0f} firms/s  "
          f"= {read_s / iris_s:.2f}x floor a  ({_load()})")
    explain_ms, score_ms = in_child(m_explain, store)
    print(f"one firm: explanation {explain_ms:.0f} ms, score {score_ms:.0f} ms (median of 20)")
    listing = write_listing(work / "new-list.csv", 1_000, n, offset=int(time.time()) % 997)
    ingest_s, rows, refresh_s, mode, scored, ingest_peak, refresh_peak = in_child(
        m_incremental, store, n, str(listing))
    print(f"new 1,000-record list: bulk ingest {ingest_s:.2f} s ({rows / ingest_s:,.0f} rows/s, peak {ingest_peak}), "
          f"re-score {refresh_s:.2f} s ({mode}, {scored:,} firms, peak {refresh_peak})  ({_load()})")
    truth_s, computed, materialised, check_peak = in_child(m_check, store, n)
    print(f"check (truth replayed in {truth_s:.1f} s, peak {check_peak}):\n"
          f"    all-firms score: {computed}\n    score graph:     {materialised}")
    for example in computed.examples + materialised.examples:
        print(f"    {example}")
    if not args.no_bulk:
        big = write_listing(work / "big-list.csv", 100_000, n)
        bulk_s, bulk_rows, bulk_peak = in_child(m_bulk, str(big))
        print(f"bulk ingest of list rows        {bulk_rows / bulk_s:>10,.0f} rows/s ({bulk_rows:,} rows in "
              f"{bulk_s:.1f} s, peak {bulk_peak})")
    if args.rdflib:
        oxi_s, oxi_rows, rd_s, rd_rows = in_child(m_rdflib, store, args.rdflib_timeout)
        if rd_s is None:
            print(f"rdflib: > {args.rdflib_timeout} s (stopped) vs Oxigraph {oxi_s:.2f} s: "
                  f"at least {args.rdflib_timeout / oxi_s:.0f}x")
        else:
            print(f"rdflib {rd_s:.1f} s ({rd_rows:,} rows) vs Oxigraph {oxi_s:.2f} s ({oxi_rows:,} rows): "
                  f"{rd_s / oxi_s:.0f}x")
    if not args.no_server:
        s_floor, _, s_score, s_rows, s_explain = in_child(m_server, store)
        print(f"oxigraph serve: floor {s_floor:.2f} s, all-firms score {s_score:.2f} s "
              f"({s_rows:,} rows, {s_score / s_floor:.2f}x its floor), explanation {s_explain:.0f} ms  ({_load()})")
    shutil.rmtree(work, ignore_errors=True)
    print(f"peak memory: bench {_peak()}")
    if not (computed.ok and materialised.ok):
        sys.exit("check failed: the scores differ from the generator's truth")


def _du(path: Path) -> str:
    out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True).stdout.split()
    return out[0] if out else "?"


if __name__ == "__main__":
    main()
