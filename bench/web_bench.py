"""Web explorer benchmark: how long the pages of one firm take at 100k firms on the
embedded store (Oxigraph on disk), through the WSGI app as a browser would ask.

    python bench/web_bench.py [--firms 100000] [--sample 30] [--memory]

Builds the synthetic population of bench/score_bench.py (``population()`` quads plus
the shipped rubric), then times the firm page, the search by USCC, and the
provenance-free pages a firm links to, for a sample of firms (those with the most
records first). Also checks, for a few firms, that the page's total equals
``Graph.score``'s (which takes seconds per firm at this size). Figures, not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import population  # noqa: E402

from cscs.api import Graph  # noqa: E402
from cscs.demo import shipped_rubric  # noqa: E402
from cscs.graph.store import open_store  # noqa: E402
from cscs.web import Explorer  # noqa: E402
from cscs.web.render import firm_url  # noqa: E402

AS_OF = date(2024, 6, 30)


def get(app: Explorer, path: str, **query: object) -> tuple[int, str]:
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": urlencode(query),
               "wsgi.input": BytesIO(b"")}
    setup_testing_defaults(environ)
    status: list[str] = []
    body = b"".join(app(environ, lambda s, h: status.append(s)))
    return int(status[0].split()[0]), body.decode("utf-8")


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def summary(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    print(f"{label:<34} n={len(ms):<4} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {ms[-1]:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--firms", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--check", type=int, default=3, help="firms whose total is checked against Graph.score")
    parser.add_argument("--memory", action="store_true", help="Oxigraph in memory instead of on disk")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="cscs-web-bench-")
    store = open_store(memory=True) if args.memory else open_store(Path(folder) / "store")
    graph = Graph(store=store)
    seconds, _ = timed(lambda: (graph.ingest([shipped_rubric()]), store.raw.bulk_extend(population(args.firms))))
    store.flush()
    print(f"{args.firms} firms, {len(store)} quads, {'memory' if args.memory else 'disk'} store; built in {seconds:.1f} s")
    app = Explorer(graph)

    busiest = graph.query("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?f (COUNT(?r) AS ?n) WHERE { "
                          "?r cscs:subject ?f . ?f a cscs:Enterprise } GROUP BY ?f ORDER BY DESC(?n) LIMIT 10").rows
    rng = random.Random(5)
    others = graph.query("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?f ?u WHERE { ?f cscs:uscc ?u } "
                         "LIMIT 2000").rows
    firms = [str(r["f"]) for r in busiest] + [str(r["f"]) for r in rng.sample(others, args.sample - len(busiest))]
    uscc = {str(r["f"]): str(r["u"]) for r in others}

    get(app, firm_url(firms[0]), as_of=AS_OF.isoformat())  # warm: rubric read once, caches filled
    pages, searches, records = [], [], []
    for firm in firms:
        t, (status, text) = timed(lambda: get(app, firm_url(firm), as_of=AS_OF.isoformat()))
        assert status == 200, (status, firm)
        pages.append(t)
        link = re.search(r'class="provenance-link" href="([^"]+)"', text)
        if link:
            href = link.group(1).replace("&amp;", "&")
            path, _, query = href.partition("?")
            from urllib.parse import parse_qsl

            t, (status, _) = timed(lambda: get(app, path, **dict(parse_qsl(query))))
            records.append(t)
        if firm in uscc:
            t, (status, _) = timed(lambda: get(app, "/search", q=uscc[firm], as_of=AS_OF.isoformat()))
            searches.append(t)
    print()
    summary("firm page (/firm/…)", pages)
    summary("  of which the 10 busiest firms", pages[:10])
    summary("search by USCC (/search?q=…)", searches)
    if records:
        summary("record page (source file absent)", records)
    from cscs.web.names import NameIndex

    t, _ = timed(lambda: NameIndex.read(graph))
    print(f"{'name index (once per store state)':<34} {t * 1000:7.1f} ms")
    partial = [timed(lambda q=q: get(app, "/search", q=q))[0] for q in ("企业12345", "企业2", "企业99", "有限")]
    summary("search by partial name (25 scored)", partial)

    print()
    for firm in firms[:args.check]:
        (status, text), (t, expected) = get(app, firm_url(firm), as_of=AS_OF.isoformat()), \
            timed(lambda: graph.score(firm, AS_OF))
        shown = re.search(r'id="total">([^<]+)<', text).group(1)
        print(f"check {firm.rsplit('/', 1)[-1]}: page {shown}, Graph.score {expected[0].total:g} "
              f"({'same' if shown == f'{expected[0].total:g}' else 'DIFFERENT'}; Graph.score took {t:.1f} s)")


if __name__ == "__main__":
    main()
