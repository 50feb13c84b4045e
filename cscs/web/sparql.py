"""A read-only SPARQL 1.1 query endpoint at ``/sparql`` (the SPARQL 1.1 Protocol).

``GET ?query=``, ``POST`` of a form with ``query=`` or of ``application/sparql-query``.
Results are serialised by pyoxigraph in the format the ``Accept`` header (or a
``format`` parameter: json, csv, tsv, xml, turtle, ntriples, rdfxml) asks for.

Read-only: the update operation (``update=``, ``application/sparql-update``) is
refused with 403, and a query string is parsed as a query, never as an update, so
``INSERT``/``DELETE`` are syntax errors. Bounded: each query runs in a worker thread
and the response is a 503 when it has not finished within the timeout. Oxigraph
cannot interrupt a running query, so at most ``max_running_queries`` run at once
(an abandoned one keeps its slot until it ends) and further queries are refused with
503 rather than piling up on the two cores.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from .app import Explorer, HTTPError, Request, Response, route

RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
}
GRAPHS = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
}
SHORT = {"json": "application/sparql-results+json", "csv": "text/csv", "tsv": "text/tab-separated-values",
         "xml": "application/sparql-results+xml", "turtle": "text/turtle", "ntriples": "application/n-triples",
         "rdfxml": "application/rdf+xml", "jsonld": "application/ld+json"}
DEFAULT_RESULTS, DEFAULT_GRAPH = "application/sparql-results+json", "text/turtle"


class QueryTimeout(Exception):
    pass


class Busy(Exception):
    pass


@dataclass
class Result:
    media_type: str
    body: bytes
    kind: str  # "solutions" | "boolean" | "graph"


def accepted(header: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, q=0 dropped)."""
    ranked = []
    for n, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, n, fields[0].lower()))
    return [m for _, _, m in sorted(ranked)]


def choose(kind: str, accept: str, wanted: str | None) -> tuple[str, object]:
    """The media type and pyoxigraph format for a result kind, or HTTPError 406."""
    table, default = (GRAPHS, DEFAULT_GRAPH) if kind == "graph" else (RESULTS, DEFAULT_RESULTS)
    if wanted:
        media = SHORT.get(wanted.lower(), wanted.lower())
        if media in table:
            return media, table[media]
        raise HTTPError(406, f"cannot give {kind} results as {wanted}; one of "
                             + ", ".join(k for k, v in SHORT.items() if v in table))
    types = accepted(accept) if accept else ["*/*"]
    for media in types:
        if media in table:
            return media, table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default, table[default]
    raise HTTPError(406, f"none of the accepted types ({accept}) can carry {kind} results; use one of "
                         + ", ".join(table))


def run(app: Explorer, query: str, accept: str = "", wanted: str | None = None,
        default_graphs: list[str] | None = None, named_graphs: list[str] | None = None) -> Result:
    """Evaluate a query in a worker thread within the app's time bound, serialised."""
    if not app.query_slots.acquire(blocking=False):
        raise Busy()
    outcome: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        results = None
        try:
            options: dict[str, object] = {}
            if default_graphs:
                options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            else:
                options["use_default_graph_as_union"] = True
            if named_graphs:
                options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
            results = app.graph.store.raw.query(query, **options)
            kind = ("boolean" if isinstance(results, ox.QueryBoolean)
                    else "graph" if isinstance(results, ox.QueryTriples) else "solutions")
            media, fmt = choose(kind, accept, wanted)
            outcome["result"] = Result(media, results.serialize(format=fmt), kind)
        except BaseException as exc:  # handed to the request thread, without this frame
            outcome["error"] = exc.with_traceback(None)
        finally:
            del results  # pyoxigraph's results must be dropped on the thread that made them
            app.query_slots.release()
            done.set()

    threading.Thread(target=work, name="sparql-query", daemon=True).start()
    if not done.wait(app.query_timeout):
        raise QueryTimeout()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def _param(request: Request, name: str) -> list[str]:
    return request.query.get(name, []) + request.form.get(name, [])


def query_text(request: Request) -> str:
    """The query of a protocol request; updates are refused."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update" or _param(request, "update"):
        raise HTTPError(403, "this endpoint is read-only: updates are not accepted")
    if request.method == "POST" and content_type == "application/sparql-query":
        return request.body.decode("utf-8", "replace")
    queries = _param(request, "query")
    if len(queries) != 1 or not queries[0].strip():
        raise HTTPError(400, "give exactly one SPARQL query in the query parameter")
    return queries[0]


def answer(app: Explorer, request: Request, as_error: Callable[[int, str], Response]) -> Response:
    """Run a protocol request; errors go through ``as_error`` (plain text for the endpoint)."""
    query = query_text(request)
    try:
        result = run(app, query, request.headers.get("accept", ""), request.arg("format") or None,
                     _param(request, "default-graph-uri"), _param(request, "named-graph-uri"))
    except SyntaxError as exc:
        return as_error(400, f"not a SPARQL query (updates are refused): {exc}")
    except QueryTimeout:
        return as_error(503, f"the query did not finish within {app.query_timeout:g} s")
    except Busy:
        return as_error(503, "too many queries are running; try again shortly")
    except OSError as exc:
        return as_error(500, f"the store could not answer: {exc}")
    charset = "; charset=utf-8" if result.media_type.startswith(("text/", "application/sparql-results+json",
                                                                 "application/json")) else ""
    return Response(result.body, 200, result.media_type + charset, [("Access-Control-Allow-Origin", "*")])


@route(r"/sparql", ("GET", "HEAD", "POST"))
def endpoint(app: Explorer, request: Request) -> Response:
    def plain(status: int, message: str) -> Response:
        return Response(message + "\n", status, "text/plain; charset=utf-8")

    if request.method == "GET" and not request.query:
        return plain(400, "SPARQL 1.1 query endpoint: GET /sparql?query=... or POST a query; "
                          "the explorer's query page is at /query")
    return answer(app, request, plain)


def table(result: Result) -> dict[str, object]:
    """A JSON result as header and rows of (text, kind) for the query page."""
    if result.kind == "graph":
        return {"graph": result.body.decode("utf-8", "replace")}
    data = json.loads(result.body)
    if "boolean" in data:
        return {"boolean": data["boolean"]}
    head = data["head"].get("vars", [])
    rows = [[(b.get(v, {}).get("value", ""), b.get(v, {}).get("type", "")) for v in head]
            for b in data["results"]["bindings"]]
    return {"head": head, "rows": rows}
