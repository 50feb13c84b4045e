"""What a population table was computed from, and which firms a change touches.

A table (:mod:`cscs.population`) records the store's inputs as it read them: every
document graph with a stamp that changes when the graph does (``population-inputs.rq``),
the identity links and copied memberships of resolution (``population-resolution.rq``),
and, per document, the parties its facts are about (``population-parties.rq``), kept
because a retracted document can no longer be asked. Comparing the record with the
store gives the documents added, retracted or re-extracted and the resolution facts that
changed; the firms those reach (``touched-firms.rq``) are the only ones whose intervals,
name or identifier can differ, so they are all an incremental refresh reads again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pyoxigraph import NamedNode

from cscs.graph.queries import load

CHUNK = 100  # firms per lookup query: Oxigraph's plans for longer VALUES lists grow superlinearly


@dataclass(frozen=True)
class Inputs:
    """The store's inputs to a table: document graph → stamp, and resolution's facts."""

    documents: dict[str, str]
    resolution: frozenset[tuple[str, str, str]]  # ("link", alias, target) | ("copy", membership, firm)

    @property
    def digest(self) -> str:
        """One mark for all of it: equal digests, same inputs."""
        text = "\n".join([*(f"{d} {s}" for d, s in sorted(self.documents.items())), "\0",
                          *(" ".join(r) for r in sorted(self.resolution))])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    @property
    def aliases(self) -> set[str]:
        return {a for what, a, _ in self.resolution if what == "link"}


def read_inputs(store) -> Inputs:
    stamps: dict[str, set[str]] = {}
    for row in store.select(load("population-inputs")):
        stamps.setdefault(str(row["g"]), set()).add(str(row["stamp"]))
    resolution = frozenset((str(r["what"]), str(r["a"]), str(r["b"])) for r in store.select(load("population-resolution")))
    return Inputs({g: " ".join(sorted(s)) for g, s in stamps.items()}, resolution)


@dataclass(frozen=True)
class Changes:
    """How the store's inputs differ from a table's."""

    added: list[str]  # documents new or re-extracted since
    removed: list[str]  # documents retracted or re-extracted since (their old parties apply)
    resolution: set[tuple[str, str, str]]  # resolution facts added or gone

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.resolution)


def changes(old: Inputs, new: Inputs) -> Changes:
    return Changes(added=sorted(d for d, s in new.documents.items() if old.documents.get(d) != s),
                   removed=sorted(d for d, s in old.documents.items() if new.documents.get(d) != s),
                   resolution=set(old.resolution ^ new.resolution))


def parties(store, documents: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(document, party) for every party the documents' facts are about."""
    for doc in documents:
        for row in store.select_stream(load("population-parties"), g=NamedNode(doc)):
            yield doc, str(row["party"])


def resolution_parties(facts: Iterable[tuple[str, str, str]]) -> set[str]:
    """The parties changed resolution facts are about: an alias and its (old or new)
    target; the firm a copied membership is in."""
    out: set[str] = set()
    for what, a, b in facts:
        out.update((a, b) if what == "link" else (b,))
    return out


def firms_reached(store, nodes: Iterable[str]) -> set[str]:
    """The enterprises these parties are or reach: the party itself, the firm it was
    resolved to, the firm where it holds a role (touched-firms.rq)."""
    found: set[str] = set()
    for chunk in chunks(sorted(set(nodes)), 5_000):
        bound = [NamedNode(n) for n in chunk]
        found.update(str(r["firm"]) for r in store.select(load("touched-firms"), firm=bound, subject=bound))
    return found


def chunks(items: list[str], size: int = CHUNK) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
