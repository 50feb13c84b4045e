"""What the rest of cscs asks of a store, whichever it is.

Two stores hold a cscs graph: the embedded Oxigraph (:class:`graph.store.EmbeddedStore`,
on disk or in memory) and any SPARQL 1.1 server (:class:`graph.remote.RemoteStore`).
Ingest, resolution, scoring, the API and the explorer are written against this
protocol, never against one of them, so that the same code runs on both; a test checks
that both satisfy it member by member. What only the embedded store has (its
pyoxigraph ``raw`` store, for dumps and bulk loads in benchmarks and tests) is not
part of it: code that needs it checks for an :class:`EmbeddedStore` first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol, runtime_checkable

import pyoxigraph as ox

from cscs.extract.ntriples import Triples

from .store import Row, Rows


@runtime_checkable
class Store(Protocol):
    """A cscs graph: one named graph per document, queried with the union of all graphs
    as the default graph; query parameters fill ``VALUES ?x { UNDEF }`` slots
    (:mod:`graph.bindings`)."""

    path: Path | None  # the folder of an embedded store on disk; None in memory or remote
    read_only: bool  # writes are refused (an embedded store opened beside a running explorer)

    def require_writable(self) -> None:
        """Raise :class:`graph.store.StoreError` if this store cannot be written."""
        ...

    # -- queries -------------------------------------------------------------
    def select(self, query: str, /, **params: object) -> Rows: ...

    def select_stream(self, query: str, /, **params: object) -> Iterator[Row]: ...

    def select_iris(self, query: str, /, **params: object) -> Iterator[str]: ...

    def ask(self, query: str, /, **params: object) -> bool: ...

    def triples(self, query: str, /, **params: object) -> list[ox.Triple]: ...

    def update(self, update: str, /, **params: object) -> None: ...

    # -- documents (named graphs) ----------------------------------------------
    def has_graph(self, graph: ox.NamedNode) -> bool: ...

    def graphs(self) -> list[ox.NamedNode]: ...

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]: ...

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None: ...

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None: ...

    def append(self, graph: ox.NamedNode, quads: Iterable[ox.Quad] | Triples) -> None: ...

    def insert(self, quads: Iterable[ox.Quad]) -> None: ...

    def drop_graph(self, graph: ox.NamedNode) -> None: ...

    # -- the whole store -----------------------------------------------------
    def export(self, out: IO[bytes], fmt: str = "trig") -> None: ...

    def flush(self) -> None: ...

    def __len__(self) -> int: ...
