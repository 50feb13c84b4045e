"""The explorer's name index: every firm's names and every key person's name, read
once per state of the store (two queries), searched by substring in Python.

A partial-name search was a ``CONTAINS`` scan over every name in SPARQL, then a
query per hit to find the firm it was resolved to: seconds on a busy machine at 200
firms. The index holds each name with its firm already resolved, so a search is one
pass over a list of strings. The explorer keeps it with :meth:`Explorer.cached`, which
drops it when documents are added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass

from cscs.api import Graph
from cscs.graph.queries import load


@dataclass(frozen=True)
class NameIndex:
    firms: list[tuple[str, str]]  # (a legal name, the firm it names after resolution)
    people: list[tuple[str, str, str]]  # (a person's name, their role's IRI, the firm)
    labels: dict[str, tuple[str | None, str | None]]  # firm → (display name, USCC)

    @classmethod
    def read(cls, graph: Graph) -> "NameIndex":
        names: dict[str, set[str]] = {}
        usccs: dict[str, set[str]] = {}
        firms = []
        for r in graph.query(load("web-name-index")):
            firm = str(r["canonical"] or r["firm"])
            firms.append((str(r["legalName"]), firm))
            names.setdefault(firm, set()).add(str(r["legalName"]))
            if r["uscc"]:
                usccs.setdefault(firm, set()).add(str(r["uscc"]))
        people = [(str(r["personName"]), str(r["role"]), str(r["canonical"] or r["firm"]))
                  for r in graph.query(load("web-person-index"))]
        labels: dict[str, tuple[str | None, str | None]] = {
            f: (min(n), min(usccs[f]) if f in usccs else None) for f, n in names.items()}
        return cls(sorted(set(firms)), sorted(set(people)), labels)

    def label(self, firm: str) -> tuple[str | None, str | None]:
        return self.labels.get(firm, (None, None))

    def firms_named(self, text: str) -> list[str]:
        """Firms with a name containing ``text``: exact matches first, then by name."""
        exact: dict[str, None] = {}
        partial: dict[str, None] = {}
        for name, firm in self.firms:
            if text in name:
                (exact if name == text else partial)[firm] = None
        ordered = list(exact) + sorted((f for f in partial if f not in exact), key=lambda f: self.label(f)[0] or f)
        return ordered

    def people_named(self, text: str) -> list[tuple[str, str, str]]:
        """(firm, person's name, role IRI) for key persons whose name contains ``text``."""
        return [(firm, name, role) for name, role, firm in self.people if text in name]
