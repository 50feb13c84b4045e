"""Any SPARQL 1.1 server as the store: queries and updates through SPARQLWrapper,
documents through the Graph Store protocol where the server offers it.

The layout is the embedded one — a named graph per document — and the queries are
the same files. What differs between engines is handled here, in ``Dialect`` (see
there for the list, and for what is handled in the queries themselves):

- the default graph: Oxigraph's server answers over the union of all graphs only
  when asked (``union-default-graph``); Virtuoso's default graph already is the union;
- writes: one document is one HTTP request (a Graph Store ``PUT``, or one ``INSERT
  DATA`` update), so a failure leaves no half document on the server, and a rerun of
  the ingest completes what is missing (documents are skipped by their hash).

The dialect is guessed from the query endpoint (``…/query``: Oxigraph; ``…/sparql`` at
the root of the server or on port 8890: Virtuoso; else generic SPARQL 1.1), or set by
``CSCS_ENDPOINT_DIALECT`` (``oxigraph``, ``virtuoso`` or ``generic``).
Credentials come from ``CSCS_ENDPOINT_USER`` and ``CSCS_ENDPOINT_PASSWORD`` (HTTP
basic authentication).
"""

from __future__ import annotations

import base64
import os
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Iterable, Iterator

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from cscs.extract.ntriples import Triples
from cscs.ontology.namespaces import XSD

from .bindings import bind, drop_graph, insert_data, replace_graph_update
from .queries import load
from .sparql_lexer import sub_code
from .store import EXPORT_FORMATS, Row, Rows, StoreError, Value

_NUMERIC = {XSD.integer.value: int, XSD.int.value: int, XSD.long.value: int,
            XSD.decimal.value: Decimal, XSD.double.value: float, XSD.float.value: float}


@dataclass(frozen=True)
class Dialect:
    """What one engine does differently, all in one place.

    - ``union_parameter``: the query parameter that makes the default graph the union
      of all graphs. Oxigraph's server needs ``union-default-graph``; Virtuoso's default
      graph (a query without FROM) already is the union of all its graphs.
    - ``system_graphs``: graphs the engine keeps for itself (Virtuoso: its RDF views
      ``virtrdf#``, the LDP vocabulary, the endpoint's service description under the
      server's own host); they are not cscs data, so ``graphs()``, ``len()`` and
      ``export()`` leave them out. Queries never see them: their triples use none of
      the cscs, org or skos properties the queries match.

    Virtuoso 7.2 (Debian's virtuoso-opensource), measured against the embedded store:

    - updates go to the query endpoint (``/sparql``) once ``GRANT SPARQL_UPDATE TO
      "SPARQL"`` was run (isql); documents go through ``/sparql-graph-crud`` (Graph
      Store ``PUT``): one ``INSERT DATA`` of a whole document exceeds Virtuoso's limit
      of 10000 lines of generated SQL, so give ``--store-endpoint`` for writes;
    - ``BOUND(?x)`` is true for an unbound ``?x`` of an OPTIONAL nested in an OPTIONAL
      or in a UNION branch, and a comparison with an unbound variable (``?x <= ?asOf``,
      ``?asOf < ?x``) is true, not an error: ``explain-records.rq`` tests its optional dates
      with ``COALESCE(?x, sentinel)`` (the same result on every engine). The
      ``!BOUND(?x) || ?asOf < ?x`` filters of the score queries come out right on
      Virtuoso only because both halves err towards keeping the row;
    - ``FILTER(?a <= ?b)`` on xsd:date values drops rows (an index range scan, see
      ``_VIRTUOSO_RANGE``): such filters are sent as ``FILTER(!(?a > ?b))``
      (``rewrites``), and ``>=`` likewise;
    - a parameter slot left unbound (``VALUES ?firm { UNDEF }``) made score.rq return its
      rows with ?firm unbound: unfilled slots are dropped from the text (``rewrites``);
    - its SPARQL TSV quotes the header's variable names: results are read as JSON
      (``tsv_results``), so a streamed result is held whole on the client;
    - a non-ASCII string written inline in a query's expression gets a trailing NUL
      (``STR("王五") = "王五"`` is false), and ``STR()`` of a non-ASCII literal does not
      equal the same string from a VALUES clause; parameters bound through VALUES
      slots (:mod:`graph.bindings`) compare right in triple patterns and ``=``;
    - boolean expressions (``BOUND``, ``=``, ``MAX`` of booleans) come back as
      ``xsd:integer`` 1/0, stored ``xsd:boolean`` values as booleans;
      ``integer / integer`` is integer division (SPARQL says decimal);
    - an ``ORDER BY`` key that is unbound in some rows leaves their order to the
      engine: the queries add a tie-breaker (``rubric-notes.rq``);
    - numbers, dates, language tags and decimals come back as on Oxigraph through the
      JSON results (``_value``); ``xsd:int``/``xsd:long`` are read as integers;
    - every new query text is compiled (0.5-2 s for ``score.rq``/``score-moved.rq``;
      repeated texts are cached), and bound values are part of the text;
    - the stock ``virtuoso.ini`` refuses queries whose *estimated* cost exceeds
      ``MaxQueryCostEstimationTime`` (400 s), stops them after
      ``MaxQueryExecutionTime`` (60 s) and cuts results at ``ResultSetMaxRows``
      (10000): raise or disable (0) them for all-firm scores.
    """

    name: str
    union_parameter: str | None  # query parameter that makes the default graph the union
    system_graphs: tuple[str, ...] = ()  # IRI prefixes of the engine's own graphs
    tsv_results: bool = True  # streams standard SPARQL TSV (Virtuoso quotes its header: JSON instead)
    rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()  # applied to every query text

    def rewrite(self, text: str) -> str:
        """The query or update as this engine must be sent it (the same meaning): the
        rewrites change its syntax, never its strings, IRIs or comments (bound values
        are strings too)."""
        for pattern, replacement in self.rewrites:
            text = sub_code(pattern, replacement, text)
        return text

    def is_system(self, graph: str) -> bool:
        return graph.startswith(self.system_graphs) if self.system_graphs else False


# Virtuoso turns a FILTER that is one non-strict comparison of two variables into an index
# range scan, and on xsd:date values that scan drops rows: FILTER(?from <= ?asOf) kept 102
# of 114 records (asOf 2024-06-30), or none of a firm's, depending on the plan. The negated
# strict comparison means the same (an error, so false, for unbound or incomparable terms;
# only a NaN would differ) and is evaluated row by row.
_VIRTUOSO_RANGE = ((re.compile(r"FILTER\s*\(\s*(\?\w+)\s*<=\s*(\?\w+)\s*\)"), r"FILTER(!(\1 > \2))"),
                   (re.compile(r"FILTER\s*\(\s*(\?\w+)\s*>=\s*(\?\w+)\s*\)"), r"FILTER(!(\1 < \2))"))
# A parameter slot left unbound (``VALUES ?firm { UNDEF }``) constrains nothing, but
# Virtuoso then returned every row of score.rq with ?firm unbound: unfilled slots are
# dropped from the text (the same meaning).
_VIRTUOSO_UNBOUND_SLOTS = ((re.compile(r"VALUES\s+\?[A-Za-z_][A-Za-z0-9_]*\s*\{\s*UNDEF\s*\}"), ""),)

DIALECTS = {
    "oxigraph": Dialect("oxigraph", "union-default-graph"),
    "virtuoso": Dialect("virtuoso", None, tsv_results=False, rewrites=_VIRTUOSO_RANGE + _VIRTUOSO_UNBOUND_SLOTS, system_graphs=(
        "http://www.openlinksw.com/", "http://www.w3.org/ns/ldp#", "http://www.w3.org/2002/07/owl#",
        "http://localuriqaserver/", "http://localhost:8890/", "http://127.0.0.1:8890/")),
    "generic": Dialect("generic", None),
}


def _value(binding: dict | None) -> Value:
    """A SPARQL JSON result term as the Python value the embedded store gives."""
    if binding is None:
        return None
    if binding["type"] != "literal" and binding["type"] != "typed-literal":
        return binding["value"]
    datatype = binding.get("datatype")
    if datatype in _NUMERIC:
        return _NUMERIC[datatype](binding["value"])
    if datatype == XSD.date.value:
        return date.fromisoformat(binding["value"][:10])
    if datatype == XSD.boolean.value:
        return binding["value"] in ("true", "1")
    return binding["value"]


class RemoteStore:
    """A SPARQL 1.1 endpoint (plus update and Graph Store endpoints) as a cscs store
    (a :class:`graph.protocol.Store`)."""

    path: Path | None = None  # no folder: the data is on the server
    read_only = False  # writes fail at the server, or without an update endpoint (require_writable)

    def __init__(self, query_url: str, update_url: str | None = None, store_url: str | None = None,
                 dialect: str = "auto", timeout: float = 120.0):
        self.query_url, self.update_url, self.store_url = query_url, update_url, store_url
        self.timeout = timeout
        self.dialect = DIALECTS[self._guess(query_url) if dialect == "auto" else dialect]
        user, password = os.environ.get("CSCS_ENDPOINT_USER"), os.environ.get("CSCS_ENDPOINT_PASSWORD")
        self._auth = (user, password) if user else None

    @staticmethod
    def _guess(url: str) -> str:
        if chosen := os.environ.get("CSCS_ENDPOINT_DIALECT"):
            if chosen not in DIALECTS:
                raise StoreError(f"CSCS_ENDPOINT_DIALECT={chosen!r}: one of {', '.join(DIALECTS)}")
            return chosen
        parts = urllib.parse.urlparse(url)
        path = parts.path.rstrip("/")
        if path in ("/sparql", "/sparql-auth") or (parts.port == 8890 and path.endswith("/sparql")):
            return "virtuoso"  # Virtuoso's endpoint is /sparql at the root of its server
        return "oxigraph" if path.endswith("/query") else "generic"

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url}, {self.dialect.name})"

    # -- queries -------------------------------------------------------------
    def _wrapper(self, url: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(url, updateEndpoint=self.update_url)
        wrapper.setTimeout(int(self.timeout))
        wrapper.setMethod(POST)
        if self._auth:
            wrapper.setCredentials(*self._auth)
        return wrapper

    def _run(self, wrapper: SPARQLWrapper, what: str):
        try:
            return wrapper.query()
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError,
                SPARQLWrapperException) as exc:
            raise StoreError(f"{what} failed at {wrapper.endpoint if what == 'query' else self.update_url}: "
                             f"{exc}") from exc

    def _text(self, query: str, params: dict[str, object]) -> str:
        """The query with its slots bound, as the engine must be sent it."""
        return self.dialect.rewrite(bind(query, params) if params else query)

    def select(self, query: str, /, **params: object) -> Rows:
        wrapper = self._wrapper(self.query_url)
        wrapper.setQuery(self._text(query, params))
        wrapper.queryType = "ASK" if _is_ask(query) else "SELECT"  # see _is_ask
        wrapper.setReturnFormat(JSON)
        if self.dialect.union_parameter:
            wrapper.addParameter(self.dialect.union_parameter, "true")
        result = self._run(wrapper, "query").convert()
        if "boolean" in result:
            return Rows(["ask"], [{"ask": result["boolean"]}])
        variables = result["head"].get("vars", [])
        return Rows(variables, [{v: _value(b.get(v)) for v in variables} for b in result["results"]["bindings"]])

    def select_stream(self, query: str, /, **params: object) -> Iterator[Row]:
        """Rows one at a time, parsed as they arrive (SPARQL TSV keeps every term's type):
        a province's scores never sit in memory whole, here or on the server's side."""
        from .store import to_python

        if not self.dialect.tsv_results:
            yield from self.select(query, **params).rows
            return
        request = self._post(bind(query, params) if params else query, "text/tab-separated-values")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                result = ox.parse_query_results(response, format=ox.QueryResultsFormat.TSV)
                if not isinstance(result, ox.QuerySolutions):
                    raise TypeError(f"expected a SELECT query, not one giving {type(result).__name__}")
                variables = [v.value for v in result.variables]
                for solution in result:
                    yield {v: to_python(solution[v]) for v in variables}
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as exc:
            raise StoreError(f"query failed at {self.query_url}: {exc}") from exc

    def _post(self, text: str, accept: str) -> urllib.request.Request:
        """A protocol query request (form-encoded POST) asking for ``accept``."""
        data = {"query": text}
        if self.dialect.union_parameter:
            data[self.dialect.union_parameter] = "true"
        headers = self._headers({"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
        return urllib.request.Request(self.query_url, data=urllib.parse.urlencode(data).encode(),
                                      headers=headers, method="POST")

    def select_iris(self, query: str, /, **params: object) -> Iterator[str]:
        """The first column's IRIs, one at a time."""
        for row in self.select_stream(query, **params):
            yield str(next(iter(row.values())))

    def ask(self, query: str, /, **params: object) -> bool:
        return bool(self.select(query, **params).rows[0]["ask"])

    def triples(self, query: str, /, **params: object) -> list[ox.Triple]:
        """A CONSTRUCT or DESCRIBE query's triples, asked for as N-Triples."""
        request = self._post(self._text(query, params), "application/n-triples")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return list(ox.parse(response.read(), format=ox.RdfFormat.N_TRIPLES))
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as exc:
            raise StoreError(f"query failed at {self.query_url}: {exc}") from exc

    def require_writable(self) -> None:
        if not self.update_url:
            raise StoreError(f"{self.query_url}: writing needs an update endpoint (--update-endpoint)")

    def update(self, update: str, /, **params: object) -> None:
        self.require_writable()
        wrapper = self._wrapper(self.update_url or "")  # set: require_writable says so
        wrapper.setQuery(self._text(update, params))
        wrapper.queryType = "INSERT"  # any update form: SPARQLWrapper then posts it as an update
        self._run(wrapper, "update")

    # -- documents -----------------------------------------------------------
    def has_graph(self, graph: ox.NamedNode) -> bool:
        return self.ask(load("graph-exists"), g=graph)

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """One request for the whole document: a Graph Store PUT, else one INSERT DATA."""
        quads = list(quads)
        if self.store_url:
            self._graph_store("PUT", graph, _ntriples(quads))
        else:
            self.update(insert_data(quads))

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        quads = list(quads)
        if self.store_url:
            self._graph_store("PUT", graph, _ntriples(quads))
        else:
            self.update(replace_graph_update(graph, quads))

    def insert(self, quads: Iterable[ox.Quad]) -> None:
        self.update(insert_data(quads))

    def append(self, graph: ox.NamedNode, quads: Iterable[ox.Quad] | Triples) -> None:
        """Add a batch to a graph in one request: a Graph Store POST, else INSERT DATA."""
        if self.store_url and isinstance(quads, Triples):
            if quads:
                self._graph_store("POST", graph, quads.text())
            return
        quads = list(quads)
        if self.store_url:
            self._graph_store("POST", graph, _ntriples(quads))
        else:
            self.update(insert_data(quads))

    def drop_graph(self, graph: ox.NamedNode) -> None:
        self.update(drop_graph(graph))

    def graphs(self) -> list[ox.NamedNode]:
        return [ox.NamedNode(graph) for graph in self._sizes()]

    def _sizes(self) -> dict[str, int]:
        """The number of triples of every graph that holds some, the engine's own left out."""
        rows = self.select(load("graph-sizes")).rows
        return {str(r["g"]): int(str(r["n"])) for r in rows if not self.dialect.is_system(str(r["g"]))}

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        text = self._construct(graph)  # N-Triples keeps the typed terms that JSON results flatten
        return [ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)]

    def _construct(self, graph: ox.NamedNode) -> bytes:
        if self.store_url:
            return self._graph_store("GET", graph, None)
        wrapper = self._wrapper(self.query_url)
        wrapper.setQuery(self._text(load("graph-construct"), {"g": graph}))
        wrapper.queryType = "CONSTRUCT"
        wrapper.setReturnFormat("nt")
        wrapper.addCustomHttpHeader("Accept", "application/n-triples")
        data = self._run(wrapper, "query").response.read()
        return data

    def _headers(self, headers: dict[str, str]) -> dict[str, str]:
        """Request headers plus Basic credentials when the environment gives them."""
        if self._auth:
            token = base64.b64encode(f"{self._auth[0]}:{self._auth[1]}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        return headers

    def _graph_store(self, method: str, graph: ox.NamedNode, body: bytes | None) -> bytes:
        url = f"{self.store_url}?{urllib.parse.urlencode({'graph': graph.value})}"
        headers = self._headers({"Content-Type": "application/n-triples"} if body is not None
                                else {"Accept": "application/n-triples"})
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError, OSError) as exc:
            raise StoreError(f"Graph Store {method} failed at {self.store_url}: {exc}") from exc

    def export(self, out: IO[bytes], fmt: str = "trig") -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
        quads = [q for g in self.graphs() for q in self.quads(g)]
        ox.serialize(quads, out, EXPORT_FORMATS[fmt])

    def flush(self) -> None:
        pass

    def __len__(self) -> int:
        return sum(self._sizes().values())


def _is_ask(query: str) -> bool:
    """SPARQLWrapper guesses a query's form from its first keyword after stripping
    comments, and the shipped queries' comments fool it (score.rq's prose says "move"
    and it posts a MOVE update); cscs knows the form, so it says it."""
    code = "\n".join(line.split(" #", 1)[0] for line in query.splitlines() if not line.lstrip().startswith("#"))
    return bool(re.search(r"(^|\s)ASK\s*(\{|WHERE)", code, re.IGNORECASE))


def _ntriples(quads: list[ox.Quad]) -> bytes:
    return "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in quads).encode("utf-8")
