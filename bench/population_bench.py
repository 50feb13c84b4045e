"""Population scoring from the interval table vs the SPARQL path, as ratios from one run.

    python bench/population_bench.py --firms 100000 --store /tmp/cscs-100k   # builds it once
    python bench/population_bench.py --firms 1000000 --store /tmp/cscs-1m     # ~10 min to build, reused

On the synthetic population of ``scale_bench.py`` (N firms on the embedded on-disk
store, ~0.24 records per firm), it prints:

- materialising the population table (record-intervals.rq for every firm, Parquet);
- every firm's score on a date from the table (DuckDB) vs ``scores.compute_all`` (the
  all-firms SPARQL path), their ratio, and whether the two agree on every firm;
- a 100-variant run (random draws of the assumed values, cscs.sensitivity.draws): its
  time and its time over one population score;
- one firm's history (record-intervals.rq for the firm, then arithmetic) vs its
  explanation (median of ``--sample`` firms with records, each ``--repeat`` times, in a
  fresh process that does nothing else, with the CPU time of its thread), and
  their ratio;
- a new list naming ``--list-firms`` firms (an abnormal-operations CSV through the real
  extractor, one more each run): the incremental refresh of the table, its time and the
  firms it read again.

Each timed figure is the best of ``--repeat`` runs; beside each ratio the machine's load
(``os.getloadavg()``, 1 minute), and at the end the process's peak memory. Figures, not a
test.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_bench import AS_OF, RUBRIC, build, in_child  # noqa: E402


def best(repeat: int, run) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def load() -> str:
    return f"[load {os.getloadavg()[0]:.1f}]"


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--store", type=Path, required=True, help="on-disk store (built if missing)")
    parser.add_argument("--variants", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tables", type=Path, help="folder of the population table, kept and refreshed "
                        "across runs (default: a temporary folder, materialised whole)")
    parser.add_argument("--list-firms", type=int, default=100, help="firms a new list names (incremental refresh)")
    parser.add_argument("--sample", type=int, default=50, help="firms whose explanation and history are timed")
    args = parser.parse_args()
    if not args.store.exists():
        build(args.store, args.firms)

    from cscs import sensitivity
    from cscs.api import Graph
    from cscs.graph import scores
    from cscs.graph.store import open_store
    from cscs.population import Population, refresh

    e, h, e_cpu, h_cpu, sampled = in_child(one_firm, str(args.store), args.sample, args.repeat)
    print(f"one firm (median of {sampled} firms x {args.repeat}, a fresh process): explanation {e:.2f} ms "
          f"({e_cpu:.2f} ms of its thread's CPU), history {h:.2f} ms ({h_cpu:.2f} ms CPU): {h / e:.2f}x {load()}")
    store = open_store(args.store)
    graph = Graph(store=store)
    with tempfile.TemporaryDirectory() as tmp:
        tables = args.tables or Path(tmp)
        started = time.perf_counter()
        done = refresh(store, RUBRIC, tables)
        population = Population(done.folder)
        made = time.perf_counter() - started
        intervals = population.db.execute("SELECT COUNT(*) FROM intervals_base").fetchall()[0][0]
        print(f"population table: {intervals:,} intervals of {len(population.firms):,} firms, {done.mode} "
              f"in {made:.2f} s {load()}")

        table_s, frame = best(args.repeat, lambda: population.scores(AS_OF))
        sparql_s, rows = best(args.repeat, lambda: list(scores.compute_all(store, RUBRIC, AS_OF)))
        sparql = {str(r["firm"]): (r["total"], r["grade"]) for r in rows}
        table = {f: (t, g) for f, t, g in zip(frame["firm"], frame["total"], frame["grade"])}
        wrong = sum(1 for f, v in sparql.items() if table.get(f) != v) + len(set(table) - set(sparql))
        print(f"all {len(sparql):,} firms on {AS_OF}: table {table_s * 1000:.0f} ms, SPARQL compute_all "
              f"{sparql_s:.2f} s: {sparql_s / table_s:.1f}x faster; firms that differ: {wrong} {load()}")

        assumed = sensitivity.Assumed.of(population)
        variants = list(sensitivity.draws(assumed, args.variants - 1, seed=1))
        started = time.perf_counter()
        totals = [population.scores(AS_OF, variant)["total"].mean() for _, variant in variants]
        many = time.perf_counter() - started
        print(f"{len(variants)} variants: {many:.2f} s, {many / table_s:.0f}x one population score "
              f"(mean total from {min(totals):.1f} to {max(totals):.1f}) {load()}")

        new_list(graph, population, args.list_firms, Path(tmp))
        started = time.perf_counter()
        again = refresh(store, RUBRIC, tables)
        took = time.perf_counter() - started
        print(f"a new list naming {args.list_firms} firms: table refreshed ({again.mode}, "
              f"{again.firms_recomputed} firms read again) in {took:.2f} s, {took / made:.3f}x the first "
              f"{done.mode} {load()}")
    print(f"peak memory {peak_mib():,.0f} MiB")


def one_firm(store_path: str, sample: int, repeat: int) -> tuple[float, float, float, float, int]:
    """Median wall and thread-CPU milliseconds of one firm's explanation and history, over
    ``sample`` firms with records, each ``repeat`` times, in a process that does nothing
    else (as the CLI or the explorer answers one firm). Measured in the same process just
    after ``compute_all`` (1M firms), the explanation took about twice the CPU, so it is
    timed first, on its own, as scale_bench.py times it."""
    from cscs.api import Graph
    from cscs.graph.store import open_store

    graph = Graph(store=open_store(Path(store_path)))
    firms = [str(r["firm"]) for r in graph.store.select(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?firm WHERE { ?r cscs:subject ?firm . "
        "?firm a cscs:Enterprise } LIMIT " + str(sample)).rows]
    graph.explain(firms[0], AS_OF)  # the rubric's view, read once
    timed: dict[str, list[tuple[float, float]]] = {"explain": [], "history": []}
    runs = {"explain": lambda f: graph.explain(f, AS_OF), "history": lambda f: graph.history(f, date(2015, 1, 1), AS_OF)}
    for _ in range(repeat):
        for firm in firms:
            for name, run in runs.items():
                wall, cpu = time.perf_counter(), time.thread_time()
                run(firm)
                timed[name].append((time.perf_counter() - wall, time.thread_time() - cpu))

    def median(name: str, i: int) -> float:
        return statistics.median(t[i] for t in timed[name]) * 1000

    return median("explain", 0), median("history", 0), median("explain", 1), median("history", 1), len(firms)


def new_list(graph, population, firms: int, folder: Path) -> None:
    """Ingest an abnormal-operations list naming ``firms`` firms of the population not
    named by an earlier run's list (each run adds one)."""
    runs = sum(1 for r in graph.documents() if str(r["title"]).startswith("bench-list-"))
    chosen = population.firms.iloc[runs * firms:(runs + 1) * firms]
    path = folder / f"bench-list-{runs}.csv"
    path.write_text("企业名称,统一社会信用代码,列入日期,列入原因,作出决定机关\n" + "".join(
        f"{name},{uscc},2024-01-02,无法联系,杭州市市场监督管理局\n"
        for name, uscc in zip(chosen["name"], chosen["identifier"])), encoding="utf-8")
    graph.ingest([path], resolve=False)


if __name__ == "__main__":
    main()
