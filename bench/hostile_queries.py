"""Hostile SPARQL against a served explorer: how many it survives, whom it calls, how
much memory it takes (issue 14, items 6-10).

    python bench/hostile_queries.py [--quads 20000] [--query-timeout 5] [--query-memory 512]

Writes a store of ``--quads`` quads (a sample-corpus-like spread of subjects and values),
starts ``cscs serve`` over it on a free loopback port, and sends each query of
:func:`cscs.sample.hostile.hostile_queries`, each followed by a simple ASK. A query is
survived when its answer has an expected status, the ASK after it is answered 200 and the
server is still running. Calls out are connections the loopback SERVICE target received;
max RSS is the peak resident memory of the server and its query workers, sampled every
50 ms. Figures, not a test (the test is tests/web/test_hostile.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from cscs.sample.hostile import Listener, ask, hostile_queries, served_explorer, tree_rss


def write_store(folder: Path, quads: int) -> None:
    store = ox.Store(str(folder))
    p = [ox.NamedNode(f"urn:cscs-bench:p{k}") for k in range(8)]
    store.bulk_extend(ox.Quad(ox.NamedNode(f"urn:cscs-bench:s{i // 8}"), p[i % 8], ox.Literal(str(i)),
                              ox.NamedNode(f"urn:cscs-bench:g{i // 1000}")) for i in range(quads))
    store.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=20_000)
    parser.add_argument("--query-timeout", type=float, default=5.0)
    parser.add_argument("--query-memory", type=int, default=512, help="MB")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cscs-hostile-") as tmp:
        write_store(Path(tmp) / "store", args.quads)
        listener = Listener()
        options = ("--query-timeout", f"{args.query_timeout:g}", "--query-memory", str(args.query_memory))
        with served_explorer(Path(tmp) / "store", *options) as (base, process):
            peak, sampling = [tree_rss(process.pid)], threading.Event()

            def sample() -> None:
                while not sampling.wait(0.05):
                    peak[0] = max(peak[0], tree_rss(process.pid))

            threading.Thread(target=sample, daemon=True).start()
            survived, rows = 0, []
            for hostile in hostile_queries(listener.port):
                started = time.perf_counter()
                answer = ask(base, hostile.query, hostile.headers)
                took = time.perf_counter() - started
                after = ask(base, "ASK { ?s ?p ?o }")
                ok = answer.status in hostile.expect and after.status == 200 and process.poll() is None
                survived += ok
                rows.append(f"  {'ok  ' if ok else 'FAIL'} {answer.status} in {took:5.1f} s, next query {after.status}"
                            f"  {hostile.name}")
            sampling.set()
        listener.close()
    print(f"hostile queries against cscs serve ({args.quads:,} quads, timeout {args.query_timeout:g} s, "
          f"query memory {args.query_memory} MB):")
    print("\n".join(rows))
    print(f"hostile queries tried: {len(rows)}")
    print(f"survived:              {survived} (target {len(rows)})")
    print(f"calls out:             {listener.connections} (target 0)")
    print(f"max RSS:               {peak[0] / 2**20:.0f} MB (server and its query workers)")
    return 0 if survived == len(rows) and listener.connections == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
