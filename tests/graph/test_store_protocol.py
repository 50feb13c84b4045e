"""Both stores are a ``graph.protocol.Store``: every member, with the same parameters.

``runtime_checkable`` only sees that the names exist; the code written against the
protocol also needs each method to take what the protocol says it takes. So every
member is checked on real instances: the embedded store in memory and on disk, and
the remote one against a real ``oxigraph serve`` on loopback.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad
from servers import oxigraph_graph, oxigraph_server

from cscs.graph.protocol import Store
from cscs.graph.remote import RemoteStore
from cscs.graph.store import EmbeddedStore, Rows, StoreError


def members(protocol: type) -> dict[str, object]:
    """The protocol's own attributes (None) and methods (the function): what a store must have."""
    methods = {name: value for name, value in vars(protocol).items()
               if inspect.isfunction(value) and (not name.startswith("_") or name == "__len__")}
    return {**dict.fromkeys(protocol.__annotations__), **methods}


def parameters(function: object) -> list[tuple[str, object, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]  # type: ignore[arg-type]


def assert_is_a_store(store: object) -> None:
    assert isinstance(store, Store)
    for name, declared in members(Store).items():
        assert hasattr(store, name), f"{type(store).__name__} has no {name}"
        if declared is not None:
            assert parameters(getattr(type(store), name)) == parameters(declared), f"{type(store).__name__}.{name}"


def test_the_protocol_lists_what_the_code_calls() -> None:
    assert set(members(Store)) == {
        "path", "read_only", "require_writable", "select", "select_stream", "select_iris", "ask", "triples",
        "update", "has_graph", "graphs", "quads", "write_graph", "replace_graph", "append", "insert",
        "drop_graph", "export", "flush", "__len__"}


def _round_trip(store: Store) -> None:
    """The same few calls on either store give the same answers."""
    graph = NamedNode("https://w3id.org/cscs/doc/protocol-test")
    quad = Quad(NamedNode("urn:s"), NamedNode("urn:p"), NamedNode("urn:o"), graph)
    store.write_graph(graph, [quad])
    assert store.has_graph(graph) and store.graphs() == [graph] and len(store) == 1
    assert store.quads(graph) == [quad]
    rows = store.select("SELECT ?o WHERE { VALUES ?s { UNDEF } ?s ?p ?o }", s=NamedNode("urn:s"))
    assert isinstance(rows, Rows) and rows.rows == [{"o": "urn:o"}]
    assert store.ask("ASK { VALUES ?s { UNDEF } ?s ?p ?o }", s=NamedNode("urn:s"))
    assert list(store.select_iris("SELECT ?o WHERE { ?s ?p ?o }")) == ["urn:o"]
    store.drop_graph(graph)
    assert not store.has_graph(graph) and len(store) == 0


def test_the_embedded_store_in_memory_and_on_disk(tmp_path: Path) -> None:
    for store in (EmbeddedStore(None), EmbeddedStore(tmp_path / "store")):
        assert_is_a_store(store)
        assert store.read_only is False
        _round_trip(store)


def test_a_read_only_embedded_store_refuses_writes_through_the_protocol(tmp_path: Path) -> None:
    EmbeddedStore(tmp_path / "store").flush()
    store: Store = EmbeddedStore(tmp_path / "store", read_only=True)
    assert_is_a_store(store)
    assert store.read_only is True and store.path == tmp_path / "store"
    with pytest.raises(StoreError, match="read-only"):
        store.require_writable()


def test_the_remote_store_against_a_real_oxigraph_server() -> None:
    with oxigraph_server() as base:
        store = oxigraph_graph(base).store
        assert isinstance(store, RemoteStore)
        assert_is_a_store(store)
        assert store.path is None and store.read_only is False
        store.require_writable()  # it has an update endpoint
        _round_trip(store)
        without_updates = RemoteStore(f"{base}/query")
        assert_is_a_store(without_updates)
        with pytest.raises(StoreError, match="update endpoint"):
            without_updates.require_writable()


def test_an_object_missing_a_member_is_not_a_store() -> None:
    class Partial:
        path = None
        read_only = False

        def select(self, query: str, /, **params: object) -> Rows:
            return Rows([], [])

    assert not isinstance(Partial(), Store)
