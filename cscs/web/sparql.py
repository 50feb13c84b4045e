"""A read-only SPARQL 1.1 query endpoint at ``/sparql`` (the SPARQL 1.1 Protocol).

``GET ?query=``, ``POST`` of a form with ``query=`` or of ``application/sparql-query``.
Results are serialised in the format the ``Accept`` header (or a ``format``
parameter: json, csv, tsv, xml, turtle, ntriples, rdfxml) asks for.

Read-only: the update operation (``update=``, ``application/sparql-update``) is
refused with 403, and a query string is parsed as a query, never as an update, so
``INSERT``/``DELETE`` are syntax errors.

It serves whatever the analyst ingested, so it is built not to be turned against them:

- a query is checked by a lexical pass before any parser sees it
  (:func:`cscs.graph.sparql_lexer.check`): too long, too many tokens or nested too
  deep (pyoxigraph's parser crashes on thousands of nested brackets) is a 400, and so
  is a ``SERVICE`` clause whose endpoint was not allowed (``cscs serve --allow-service``):
  federated queries would make the explorer fetch any URL and show the reply;
- each query runs in a worker process (:mod:`cscs.web.workers`), without network
  unless services are allowed; a query past the timeout or the memory bound has its
  worker killed, so the work stops, and a crash ends only the worker: the next query
  gets a new one. At most ``max_running_queries`` run at once; more are a 503;
- results stop at ``max_rows`` rows or ``max_bytes`` bytes, at a row's end, and the
  response says so in an ``X-Results-Truncated`` header (the query page shows it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import pyoxigraph as ox

from cscs.graph.sparql_lexer import QueryShapeError, check, query_form

from .app import Explorer, HTTPError, Request, Response, route
from .workers import NoWorker, WorkerError

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
    truncated: str | None = None  # which part of the results was kept, when a cap cut them


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
    """Check a query, then evaluate it in a worker process within the app's bounds."""
    graphs = (default_graphs or []) + (named_graphs or [])
    media = refuse_early(app, query, graphs, accept, wanted)
    request = {"query": query, "default_graphs": default_graphs or [], "named_graphs": named_graphs or [],
               "results_media": _media_type(media["solutions"]), "graph_media": _media_type(media["graph"]),
               "max_rows": app.guard.max_rows, "max_bytes": app.guard.max_bytes}
    try:
        reply = app.query_workers.run(request, app.query_timeout, app.guard.query_memory, app.generation())
    except NoWorker:
        raise Busy() from None
    except WorkerError as exc:
        if exc.why == "timeout":
            raise QueryTimeout() from None
        raise HTTPError(503 if exc.why == "memory" else 500,
                        f"{exc}; it was stopped, and the explorer goes on") from None
    header = reply.header
    if header.get("error") == "syntax":
        raise SyntaxError(header["message"])
    chosen = media["graph" if header.get("kind") == "graph" else "solutions"]
    if header.get("error") == "accept":
        raise chosen  # type: ignore[misc]
    if header.get("error"):
        raise HTTPError(500 if header["error"] == "store" else 400, header["message"])
    return Result(chosen[0], reply.body, header["kind"], header.get("truncated"))  # type: ignore[index]


def refuse_early(app: Explorer, query: str, graphs: list[str], accept: str,
                 wanted: str | None) -> dict[str, tuple[str, object] | HTTPError]:
    """What can be refused before a worker is asked: the query's shape and SERVICE
    clauses, graph names that are not IRIs, an unacceptable format for the query's form.
    Returns the format chosen (or the 406) for each kind of result."""
    try:
        check(query, app.guard.limits, app.guard.services)
    except QueryShapeError as exc:
        raise HTTPError(400, str(exc)) from None
    for iri in graphs:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HTTPError(400, f"not an IRI: {iri!r} (default-graph-uri and named-graph-uri name graphs)") from None
    media = {kind: _acceptable(kind, accept, wanted) for kind in ("solutions", "graph")}
    form = query_form(query)
    expected = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "solutions" if form else None
    if expected and isinstance(refused := media[expected], HTTPError):
        raise refused
    if not hasattr(app.graph.store, "raw"):
        raise HTTPError(501, "/sparql answers over the embedded store; query the remote endpoint itself")
    return media


def _acceptable(kind: str, accept: str, wanted: str | None) -> tuple[str, object] | HTTPError:
    try:
        return choose(kind, accept, wanted)
    except HTTPError as exc:
        return exc


def _media_type(choice: tuple[str, object] | HTTPError) -> str | None:
    """The canonical media type of a chosen format (the worker's name for it)."""
    return None if isinstance(choice, HTTPError) else choice[1].media_type.split(";")[0]  # type: ignore[attr-defined]


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
    except HTTPError as exc:
        return as_error(exc.status, exc.message)
    charset = "; charset=utf-8" if result.media_type.startswith(("text/", "application/sparql-results+json",
                                                                 "application/json")) else ""
    headers = [("X-Results-Truncated", result.truncated)] if result.truncated else []
    return Response(result.body, 200, result.media_type + charset, headers)


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
        return {"graph": result.body.decode("utf-8", "replace"), "truncated": result.truncated}
    data = json.loads(result.body)
    if "boolean" in data:
        return {"boolean": data["boolean"]}
    head = data["head"].get("vars", [])
    rows = [[(b.get(v, {}).get("value", ""), b.get(v, {}).get("type", "")) for v in head]
            for b in data["results"]["bindings"]]
    return {"head": head, "rows": rows, "truncated": result.truncated}
