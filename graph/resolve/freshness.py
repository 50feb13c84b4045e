"""Whether the machine's resolution graph was computed from the graph as it is now.

A resolution run reads every document and the users' judgements, then rewrites the
machine's graph in steps (the judgements and links, then the memberships copied
along them). Its last write is ``resolver cscs:resolvedFrom "<basis>"``: a digest of
the finished documents and of the users' graph it read. A crash before that mark,
a document added with ``--no-resolve``, or one retracted since leave the mark
missing or different, and the next ingest resolves again even when every file is
unchanged.
"""

from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

from cscs.ontology.namespaces import CSCS

from ..bindings import bind, then_insert
from ..protocol import Store
from ..queries import load


def basis(store: Store, users: NamedNode) -> str:
    """A digest of what resolution reads: the finished documents and the users' judgements."""
    digest = hashlib.sha256()
    for graph in sorted(str(r["g"]) for r in store.select(load("finished-documents"))):
        digest.update(graph.encode() + b"\n")
    digest.update(b"\0")
    for triple in sorted(f"{r['s']} {r['p']} {r['o']}" for r in store.select(load("graph-rows"), g=users)):
        digest.update(triple.encode() + b"\n")
    return digest.hexdigest()


_NOTHING = hashlib.sha256(b"\0").hexdigest()  # the basis of a store without documents or judgements


def mark(store: Store, machine: NamedNode, resolver: NamedNode, computed_from: str) -> None:
    """Record, as the run's last write, what the machine's graph was computed from."""
    quad = Quad(resolver, CSCS.resolvedFrom, Literal(computed_from), machine)
    store.update(then_insert(bind(load("resolution-mark-clear"), {"g": machine, "r": resolver}), [quad]))


def is_stale(store: Store, machine: NamedNode, resolver: NamedNode, users: NamedNode) -> bool:
    """Whether resolution must run again: its mark is missing or names another basis."""
    rows = store.select(load("resolution-mark"), g=machine, r=resolver).rows
    current = basis(store, users)
    if not rows:  # never resolved: stale unless there is nothing to resolve
        return current != _NOTHING
    return str(rows[0]["basis"]) != current
