"""Hostile SPARQL against a running explorer (issue 14, items 6-10): it stays up, answers
the next query, calls out to no one, and its memory stays bounded.

The served explorer is a real ``cscs serve`` in a subprocess over an on-disk copy of the
web corpus, on a free loopback port; the SERVICE targets are a loopback listener that
must receive no connection. Bounds are generous and never asserted as seconds: what is
asserted is each answer's status and that the next simple query succeeds.
"""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from web_support import Client

from cscs.api import Graph
from cscs.graph.sparql_lexer import Limits
from cscs.sample.hostile import Listener, alive, ask, children, hostile_queries, served_explorer, tree_rss
from cscs.web import Explorer
from cscs.web.guard import Guard
from cscs.web.workers import Pool

ASK = "ASK { ?s ?p ?o }"
MAX_ROWS, QUERY_MB = 100, 300


@pytest.fixture(scope="module")
def store_folder(web_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "store"
    store = ox.Store(str(folder))
    store.bulk_extend(web_graph.store.raw.quads_for_pattern(None, None, None, None))
    store.flush()
    del store  # the served explorer opens it
    return folder


@pytest.fixture()
def listener():
    port = Listener()
    yield port
    port.close()


def test_hostile_queries_leave_the_explorer_up_and_calling_no_one(store_folder, listener):
    options = ("--query-timeout", "3", "--max-rows", str(MAX_ROWS), "--query-memory", str(QUERY_MB))
    with served_explorer(store_folder, *options) as (base, process):
        assert ask(base, ASK).status == 200
        hostile, outcomes = hostile_queries(listener.port), []
        for h in hostile:
            answer = ask(base, h.query, h.headers)
            after = ask(base, ASK)  # the next query: answered, by a server still running
            outcomes.append((h.name, "as expected" if answer.status in h.expect else answer.status,
                             after.status, process.poll()))
            assert tree_rss(process.pid) < 4 * (QUERY_MB << 20)  # the server and its workers
        assert outcomes == [(h.name, "as expected", 200, None) for h in hostile]
        with contextlib.suppress(OSError):
            ask(base, hostile[9].query, timeout=1)  # leave a query running ...
        workers = children(process.pid)
        process.kill()  # ... and the explorer killed, with no time to clean up
    assert listener.connections == 0
    deadline = time.monotonic() + 60
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert workers and not [w for w in workers if alive(w)]  # its workers ended too


def test_rows_are_cut_at_the_cap_and_the_response_says_so(store_folder):
    with served_explorer(store_folder, "--max-rows", str(MAX_ROWS)) as (base, _):
        cut = ask(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }")
        assert cut.status == 200 and f"first {MAX_ROWS:,} rows" in cut.headers["x-results-truncated"]
        assert len(json.loads(cut.body)["results"]["bindings"]) == MAX_ROWS
        csv = ask(base, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", accept="text/csv")
        assert len(csv.body.decode().splitlines()) == MAX_ROWS + 1
        whole = ask(base, "SELECT ?s WHERE { ?s a <https://w3id.org/cscs/ns#Rubric> }")
        assert whole.status == 200 and "x-results-truncated" not in whole.headers


def test_a_crash_ends_only_the_worker(web_graph):
    """With the lexical bounds lifted, 3,000 nested groups overflow pyoxigraph's stack:
    the worker dies, the request gets an error, the next query a new worker."""
    app = Explorer(web_graph, guard=Guard(limits=Limits(max_chars=10**6, max_tokens=10**6, max_depth=10**6)))
    try:
        crash = Client(app).get("/sparql", query="SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000)
        assert crash.status == 500 and "ended its process" in crash.text
        assert Client(app).get("/sparql", query="ASK {}").json() == {"head": {}, "boolean": True}
    finally:
        app.query_workers.close()


def test_a_query_past_the_memory_bound_is_stopped(web_graph):
    app = Explorer(web_graph, query_timeout=120, guard=Guard(query_memory=150 << 20))
    try:
        sorted_product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
        reply = Client(app).get("/sparql", query=sorted_product)
        assert reply.status == 503 and "used more than 150 MB" in reply.text
        assert Client(app).get("/sparql", query="ASK {}").status == 200
    finally:
        app.query_workers.close()


def test_the_worker_has_no_network_even_past_the_lexical_check(web_graph, listener):
    """The second guard: a worker started without network cannot reach the listener even
    when it is handed a SERVICE query directly."""
    pool = Pool(web_graph.store, 1, no_network=True)
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    request = {"query": query, "results_media": "application/sparql-results+json", "graph_media": None,
               "max_rows": 10, "max_bytes": 1 << 20}
    try:
        reply = pool.run(request, 60, None)
        if not pool.isolated:
            pytest.skip("this kernel gives no unprivileged network namespace (unshare)")
        assert reply.header.get("error") and listener.connections == 0
    finally:
        pool.close()


def test_an_allowed_service_is_called(web_graph):
    """--allow-service names an endpoint: queries may call it (here a loopback oxigraph)."""
    from servers import oxigraph_server

    with oxigraph_server() as base:
        endpoint = f"{base}/query"
        app = Explorer(web_graph, guard=Guard(services=frozenset({endpoint})))
        try:
            query = f"SELECT ?x WHERE {{ SERVICE <{endpoint}> {{ BIND(42 AS ?x) }} }}"
            reply = Client(app).get("/sparql", query=query)
            assert reply.status == 200 and reply.json()["results"]["bindings"] == [
                {"x": {"type": "literal", "value": "42",
                       "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
            other = Client(app).get("/sparql", query=query.replace("/query", "/other"))
            assert other.status == 400 and "not an allowed endpoint" in other.text
        finally:
            app.query_workers.close()


def test_cors_is_off_and_foreign_hosts_are_refused(client):
    reply = client.request("GET", "/sparql", {"query": "ASK {}"}, headers={"Origin": "http://127.0.0.1"})
    assert reply.status == 200 and "access-control-allow-origin" not in reply.headers
    for headers in ({"Host": "rebound.example"}, {"Host": "127.0.0.1.attacker.example:8765"},
                    {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}):
        assert client.request("GET", "/sparql", {"query": "ASK {}"}, headers=headers).status == 403, headers
    for host in ("localhost:8765", "127.0.0.1", "[::1]:8765"):
        assert client.request("GET", "/sparql", {"query": "ASK {}"}, headers={"Host": host}).status == 200
    link = client.request("GET", "/", headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate"})
    assert link.status == 200  # following a link to the explorer still works


def test_an_allowed_origin_may_read(web_graph):
    app = Explorer(web_graph, guard=Guard.for_server("127.0.0.1", origins=("https://notebook.example",),
                                                     hosts=("explorer.internal",)))
    try:
        reply = Client(app).request("GET", "/sparql", {"query": "ASK {}"},
                                    headers={"Origin": "https://notebook.example", "Host": "explorer.internal"})
        assert reply.status == 200 and reply.headers["access-control-allow-origin"] == "https://notebook.example"
    finally:
        app.query_workers.close()


def test_bad_graph_iris_are_a_client_error(client):
    reply = client.request("GET", "/sparql", {"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert reply.status == 400 and "not an IRI" in reply.text


def test_the_query_page_says_when_results_were_cut(web_graph):
    app = Explorer(web_graph, guard=Guard(max_rows=5))
    try:
        page = Client(app).post("/query", urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}).encode(),
                                "application/x-www-form-urlencoded")
        assert page.text.count("<tr>") == 1 + 5 and "these are the first 5 rows (the row cap)" in page.text
    finally:
        app.query_workers.close()
