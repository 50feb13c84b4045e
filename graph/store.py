"""Where the graph lives: embedded Oxigraph on disk (the default) or in memory.

Named graphs are not part of Oxigraph's default graph, so every query runs with
the union of all graphs as its default graph: one named graph per source
document, and queries that see them all.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import pyoxigraph as ox

from cscs.extract.ntriples import Triples
from cscs.ontology.namespaces import XSD

from .bindings import bind, replace_graph_update
from .bindings import insert_data as insert_data  # re-exported for callers importing it from here

_NUMERIC = {XSD.integer.value: int, XSD.int.value: int, XSD.long.value: int,
            XSD.decimal.value: Decimal, XSD.double.value: float, XSD.float.value: float}

EXPORT_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
                  "jsonld": ox.RdfFormat.JSON_LD, "turtle": ox.RdfFormat.TURTLE,
                  "ntriples": ox.RdfFormat.N_TRIPLES}


# A query result's value: an IRI or string (str), a number (int, Decimal, float), a date,
# a boolean, or None when unbound. Which one a variable holds is the query's to say, not
# Python's, so to the type checker it is Any (as a value from json.loads is); code
# converts or checks it where that matters.
Value = Any
Row = dict[str, Value]


class StoreError(Exception):
    pass


def default_store_path() -> Path:
    """``$CSCS_STORE``, else ``$XDG_DATA_HOME/cscs/store`` (``~/.local/share/cscs/store``)."""
    if env := os.environ.get("CSCS_STORE"):
        return Path(env).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "cscs" / "store"


def to_python(term: ox.NamedNode | ox.Literal | ox.BlankNode | ox.Triple | None) -> Value:
    """A query result term as a plain Python value (IRIs as strings, typed numbers and dates)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _NUMERIC:
            return _NUMERIC[datatype](term.value)
        if datatype == XSD.date.value:
            return date.fromisoformat(term.value[:10])
        if datatype == XSD.boolean.value:
            return term.value == "true"
        return term.value
    return str(term) if isinstance(term, ox.Triple) else term.value


@dataclass
class Rows:
    variables: list[str]
    rows: list[Row]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def server_marker(path: Path) -> Path:
    """The file beside a store that says an explorer (``cscs serve``) holds it."""
    return path.parent / f".{path.name}.serving.json"


def serving(path: Path) -> dict | None:
    """The running explorer holding the store at ``path`` (pid, address), if any."""
    import json

    try:
        found = json.loads(server_marker(path).read_text(encoding="utf-8"))
        os.kill(int(found["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return found


def _open_error(path: Path, exc: OSError) -> str:
    if "lock" not in str(exc).lower():
        return f"cannot open the store at {path}: {exc}"
    server = serving(path)
    holder = (f"the explorer (cscs serve, pid {server['pid']}, http://{server['host']}:{server['port']}/)"
              if server else "another cscs process")
    return (f"the store at {path} is in use by {holder}: stop it to write to the store; commands that only "
            "read (score, explain, query, documents, export, validate, rubrics) run beside it, and so does "
            "Graph(path, read_only=True)")


class EmbeddedStore:
    """pyoxigraph's Store, on disk at ``path`` or in memory when ``path`` is None.

    ``read_only`` opens it without taking its lock, so reading commands and notebooks
    run while an explorer or another command holds the store (Oxigraph's read-only
    mode sees the store as it was when opened)."""

    def __init__(self, path: Path | None = None, read_only: bool = False):
        self.path = path
        self.read_only = read_only and path is not None
        try:
            if path is None:
                self._store = ox.Store()
            else:
                self._store = ox.Store.read_only(str(path)) if self.read_only else ox.Store(str(path))
        except OSError as exc:  # only a store on disk can fail to open
            raise StoreError(_open_error(path or Path(), exc)) from exc

    def require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} is open read-only: this needs to write to it")

    @property
    def raw(self) -> ox.Store:
        return self._store

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.path) if self.path else 'memory'})"

    # -- documents ---------------------------------------------------------
    def has_graph(self, graph: ox.NamedNode) -> bool:
        return self._store.contains_named_graph(graph)

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Add one document's graph in a single transaction: all of it or nothing."""
        self.require_writable()
        self._store.extend(quads)

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a derived graph (resolution judgements) in one transaction."""
        self.require_writable()
        self._store.update(replace_graph_update(graph, quads))

    def insert(self, quads: Iterable[ox.Quad]) -> None:
        self.require_writable()
        self._store.extend(quads)

    def append(self, graph: ox.NamedNode, quads: Iterable[ox.Quad] | Triples) -> None:
        """Add a batch to a graph with Oxigraph's bulk loader: fast, not transactional
        (ingest writes the done mark last, see :mod:`graph.ingest` and :mod:`graph.bulk`).
        A document's :class:`Triples` are loaded as text, the loader's fastest input."""
        self.require_writable()
        if isinstance(quads, Triples):
            if quads:
                self._store.bulk_load(quads.text(), ox.RdfFormat.N_TRIPLES, to_graph=graph)
        else:
            self._store.bulk_extend(quads)

    def update(self, update: str, /, **params: object) -> None:
        """A SPARQL update with its ``VALUES ?x { UNDEF }`` slots bound."""
        self.require_writable()
        self._store.update(bind(update, params) if params else update)

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))

    def drop_graph(self, graph: ox.NamedNode) -> None:
        self.require_writable()
        self._store.remove_graph(graph)

    def graphs(self) -> list[ox.NamedNode]:
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    # -- queries -----------------------------------------------------------
    def select(self, query: str, /, **params: object) -> Rows:
        """Run a SELECT with its ``VALUES ?x { UNDEF }`` slots bound to ``params``."""
        result = self._solutions(query, params)
        variables = [v.value for v in result.variables]
        return Rows(variables, [{v: to_python(s[v]) for v in variables} for s in result])

    def select_stream(self, query: str, /, **params: object) -> Iterator[Row]:
        """A SELECT's rows one at a time, for results too large to hold (every firm of
        a province)."""
        result = self._solutions(query, params)
        variables = [v.value for v in result.variables]
        named = ox.NamedNode
        seen: dict[ox.Literal, object] = {}  # totals and grades repeat: convert each once

        def value(term):
            if type(term) is named:
                return term.value
            if term is None or type(term) is not ox.Literal:
                return to_python(term)
            converted = seen.get(term, seen)
            if converted is seen:
                if len(seen) > 100_000:
                    seen.clear()
                converted = seen[term] = to_python(term)
            return converted

        for solution in result:  # this loop runs once per firm of a province: keep it lean
            yield {v: value(t) for v, t in zip(variables, solution)}

    def select_iris(self, query: str, /, **params: object) -> Iterator[str]:
        """The first column's IRIs, one at a time: the leanest stream there is (every
        firm of a province, merged with their scores in Python)."""
        for solution in self._solutions(query, params):
            yield solution[0].value

    def select_raw(self, query: str) -> ox.QuerySolutions:
        return self._solutions(query, {})

    def _query(self, query: str, params: dict[str, object]) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        return self._store.query(bind(query, params) if params else query, use_default_graph_as_union=True)

    def _solutions(self, query: str, params: dict[str, object]) -> ox.QuerySolutions:
        result = self._query(query, params)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError(f"expected a SELECT query, not one giving {type(result).__name__}")
        return result

    def ask(self, query: str, /, **params: object) -> bool:
        return bool(self._query(query, params))

    def triples(self, query: str, /, **params: object) -> list[ox.Triple]:
        """A CONSTRUCT or DESCRIBE query's triples."""
        result = self._query(query, params)
        if not isinstance(result, ox.QueryTriples):
            raise TypeError(f"expected a CONSTRUCT or DESCRIBE query, not one giving {type(result).__name__}")
        return list(result)

    def export(self, out: IO[bytes], fmt: str = "trig") -> None:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
        rdf_format = EXPORT_FORMATS[fmt]
        if rdf_format.supports_datasets:
            self._store.dump(out, rdf_format)
        else:
            self._store.dump(out, rdf_format, from_graph=ox.DefaultGraph())

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._store.flush()

    def __len__(self) -> int:
        return len(self._store)


def open_store(path: Path | str | None = None, memory: bool = False, read_only: bool = False) -> EmbeddedStore:
    """The store at ``path`` (default :func:`default_store_path`). Read-only, a store
    that is not there is an error: a mistyped ``--store`` must not leave an empty store
    behind and then report that it holds no rubric."""
    if memory:
        return EmbeddedStore(None)
    target = Path(path).expanduser() if path else default_store_path()
    if read_only:
        if not target.is_dir():
            raise StoreError(f"no store at {target}: nothing was ingested there (check --store or "
                             "$CSCS_STORE; cscs ingest or cscs demo make one)")
        return EmbeddedStore(target, read_only=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    return EmbeddedStore(target)
