"""The /sparql endpoint (SPARQL 1.1 Protocol): formats by content negotiation, read-only,
bounded in time; and the query page."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pyoxigraph as ox
from web_support import Client

from cscs.api import Graph
from cscs.web import Explorer

COUNT = ("PREFIX cscs: <https://w3id.org/cscs/ns#> "
         "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a cscs:Enterprise }")


def test_json_by_default_and_by_accept(client, web_graph):
    expected = web_graph.query(COUNT).rows[0]["n"]
    for accept in ("", "application/sparql-results+json", "application/json", "*/*"):
        reply = client.request("GET", "/sparql", {"query": COUNT}, headers={"Accept": accept} if accept else {})
        assert reply.status == 200 and reply.headers["content-type"].startswith("application/")
        assert int(reply.json()["results"]["bindings"][0]["n"]["value"]) == expected


def test_csv_tsv_xml(client, web_graph):
    expected = str(web_graph.query(COUNT).rows[0]["n"])
    reply = client.request("GET", "/sparql", {"query": COUNT}, headers={"Accept": "text/csv"})
    assert reply.headers["content-type"].startswith("text/csv")
    assert list(csv.reader(io.StringIO(reply.text))) == [["n"], [expected]]
    reply = client.request("GET", "/sparql", {"query": COUNT}, headers={"Accept": "text/tab-separated-values"})
    assert reply.headers["content-type"].startswith("text/tab-separated-values")
    assert reply.text.splitlines()[0] == "?n" and expected in reply.text.splitlines()[1]
    reply = client.request("GET", "/sparql", {"query": COUNT},
                           headers={"Accept": "text/html;q=0.9, application/sparql-results+xml"})
    assert reply.headers["content-type"].startswith("application/sparql-results+xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ET.fromstring(reply.body).find(f".//{ns}literal").text == expected
    assert client.get("/sparql", query=COUNT, format="csv").text.splitlines() == ["n", expected]


def test_post_form_and_direct_ask_and_construct(client):
    form = client.post("/sparql", urlencode({"query": COUNT}).encode(), "application/x-www-form-urlencoded")
    assert form.status == 200 and "bindings" in form.json()["results"]
    direct = client.post("/sparql", b"ASK { ?s a <https://w3id.org/cscs/ns#Rubric> }", "application/sparql-query")
    assert direct.json() == {"head": {}, "boolean": True}
    graph = client.request("GET", "/sparql", {"query": "CONSTRUCT WHERE { ?r a <https://w3id.org/cscs/ns#Rubric> }"},
                           headers={"Accept": "application/n-triples"})
    assert graph.status == 200 and "cscs/ns#Rubric>" in graph.text


def test_not_acceptable_and_bad_requests(client):
    assert client.request("GET", "/sparql", {"query": COUNT}, headers={"Accept": "image/png"}).status == 406
    assert client.get("/sparql").status == 400
    assert client.get("/sparql", query="SELECT nonsense").status == 400


def test_updates_are_rejected(client, web_graph):
    before = len(web_graph.store)
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    assert client.post("/sparql", update.encode(), "application/sparql-update").status == 403
    assert client.post("/sparql", urlencode({"update": update}).encode(),
                       "application/x-www-form-urlencoded").status == 403
    assert client.get("/sparql", query=update).status == 400  # parsed as a query: a syntax error
    assert client.get("/sparql", query="DELETE WHERE { ?s ?p ?o }").status == 400
    assert len(web_graph.store) == before


def test_a_timeout_stops_the_query_and_frees_its_slot():
    graph = Graph(memory=True)
    graph.store.raw.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)),
                                   ox.NamedNode("urn:g")) for i in range(1500))
    app = Explorer(graph, query_timeout=0.2, max_running_queries=1)
    try:
        assert Client(app).get("/sparql", query="ASK {}").status == 200  # a worker is up
        (worker,) = app.query_workers.idle
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?p ?d . FILTER(?b != ?d) }"
        reply = Client(app).get("/sparql", query=slow)
        assert reply.status == 503 and "did not finish within 0.2 s" in reply.text
        assert worker.process.poll() is not None  # killed: the work stopped with it
        assert Client(app).get("/sparql", query="ASK {}").json() == {"head": {}, "boolean": True}
    finally:
        app.query_workers.close()


def test_query_page(client):
    page = client.get("/query")
    assert page.status == 200 and "SELECT ?firm ?name" in page.text
    run = client.post("/query", urlencode({"query": COUNT}).encode(), "application/x-www-form-urlencoded")
    assert run.status == 200 and 'id="query-results"' in run.text
    bad = client.post("/query", urlencode({"query": "DROP ALL"}).encode(), "application/x-www-form-urlencoded")
    assert 'id="query-error"' in bad.text
