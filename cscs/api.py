"""The Python API: ingest documents, score firms, explain scores.

Everything here runs the shipped queries in ``queries/`` with bound parameters;
results come back as small dataclasses whose ``to_dict()`` is the stable JSON
of the command line (documented in the README).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from pyoxigraph import NamedNode

from cscs import explaining
from cscs.extract.identifiers import normalize_name, parse_firm_id
from cscs.graph import ingest as ingest_mod
from cscs.graph import resolve as resolution
from cscs.graph import scores as score_sets
from cscs.graph.ingest import IngestReport
from cscs.graph.namespaces import ID
from cscs.graph.queries import load
from cscs.graph.remote import RemoteStore
from cscs.graph.resolve import Match, Resolution
from cscs.graph.store import EmbeddedStore, Rows, open_store
from cscs.results import CategoryScore, Evidence, Explanation, FirmScore, IndicatorScore

__all__ = ["CategoryScore", "Evidence", "Explanation", "FirmScore", "Graph", "IndicatorScore",
           "LookupError_"]


class LookupError_(LookupError):
    """A firm, rubric or document that cannot be found, or is ambiguous."""


class Graph:
    """A cscs knowledge graph over a store (embedded on disk by default)."""

    def __init__(self, store: EmbeddedStore | RemoteStore | None = None, path: Path | str | None = None,
                 memory: bool = False, endpoint: str | None = None, update_endpoint: str | None = None,
                 store_endpoint: str | None = None):
        if store is not None:
            self.store = store
        elif endpoint:
            self.store = RemoteStore(endpoint, update_endpoint, store_endpoint)
        else:
            self.store = open_store(path, memory=memory)
        self._rubric_views = explaining.RubricViews()
        self._rubric_rows: Rows | None = None  # kept while this process alone writes the store

    # -- ingest --------------------------------------------------------------
    def ingest(self, paths: Iterable[Path | str], extractor: str | None = None,
               on_done: Callable[[IngestReport], None] | None = None,
               resolve: bool = True, bulk: bool | None = None,
               on_rows: Callable[[Path, int], None] | None = None) -> list[IngestReport]:
        """Ingest documents; then, if anything was added, resolve identities again so
        that records naming a firm by an old or masked code reach it. Large list files
        are streamed in resumable batches (``bulk``: None decides by size)."""
        self._forget_rubrics()
        reports = ingest_mod.ingest(self.store, [Path(p) for p in paths], extractor, on_done,
                                    bulk=bulk, on_rows=on_rows)
        if resolve and any(r.status == "added" for r in reports):
            self.resolve()
        return reports

    # -- identities ------------------------------------------------------------
    def resolve(self) -> Resolution:
        """Match firm and person nodes; rewrite the machine's judgements and links."""
        return resolution.resolve(self.store)

    def review(self) -> list[Match]:
        """Candidate pairs the machine left for a user to decide."""
        return self.resolve().review

    def judge(self, subject: str, candidate: str, same: bool, by: str, note: str | None = None) -> None:
        """A user's judgement on a pair; it outranks the machine's, and scores follow."""
        resolution.judge(self.store, self._node(subject), self._node(candidate), same, by, note)

    def unjudge(self, subject: str, candidate: str) -> bool:
        return resolution.unjudge(self.store, self._node(subject), self._node(candidate))

    def _node(self, ref: str) -> str:
        """A node IRI as given, or a firm looked up without following its resolution."""
        if ref.startswith(str(ID)):
            return ref
        ident = parse_firm_id(ref)
        code = ident.value if ident and ident.kind != "other" else None
        rows = self.store.select(load("firm-by-code"), code=code).rows if code else []
        return self._one(rows, ref) if rows else self.find_firm(ref)

    def documents(self) -> Rows:
        return self.store.select(load("documents"))

    def find_document(self, ref: str) -> str:
        """A document by content hash (or its prefix), file name, or IRI."""
        docs = self.documents().rows
        matches = [d for d in docs if ref in (d["doc"], d["title"]) or d["sha256"].startswith(ref.lower())]
        if len(matches) != 1:
            what = "no document" if not matches else f"{len(matches)} documents"
            raise LookupError_(f"{what} match {ref!r}" + ("" if not matches else ": " + ", ".join(
                f"{d['title']} ({d['sha256'][:12]})" for d in matches)))
        return str(matches[0]["doc"])

    def retract(self, ref: str) -> str:
        doc = self.find_document(ref)
        self._forget_rubrics()
        ingest_mod.retract(self.store, NamedNode(doc))
        self.resolve()
        self.store.flush()
        return doc

    # -- rubrics and firms ---------------------------------------------------
    def rubrics(self) -> Rows:
        """The rubrics in the graph. An embedded store is locked to this process, so the
        list is kept between calls until this Graph ingests or retracts something; a
        remote store may change under us and is asked every time."""
        if self._rubric_rows is None or not isinstance(self.store, EmbeddedStore):
            self._rubric_rows = self.store.select(load("rubrics"))
        return self._rubric_rows

    def _rubric_view(self, rubric_iri: str) -> explaining.RubricView:
        return self._rubric_views.get(self.store, rubric_iri, lambda: self._labels(rubric_iri))

    def _forget_rubrics(self) -> None:
        self._rubric_rows = None
        self._rubric_views = explaining.RubricViews()

    def rubric(self, ref: str | None = None, as_of: date | None = None) -> str:
        """A rubric by id or IRI; by default the latest one in force on ``as_of``."""
        rows = self.rubrics().rows
        if not rows:
            raise LookupError_("no rubric in the graph; ingest one first (cscs ingest RUBRIC.tsv), "
                               "or run cscs demo")
        if ref:
            for row in rows:
                if ref in (row["id"], row["rubric"]):
                    return str(row["rubric"])
            raise LookupError_(f"no rubric {ref!r}; known: {', '.join(str(r['id']) for r in rows)}")
        day = as_of or date.today()
        in_force = [r for r in rows if (r["effectiveFrom"] is None or r["effectiveFrom"] <= day)
                    and (r["effectiveUntil"] is None or day < r["effectiveUntil"])]
        return str((in_force or rows)[0]["rubric"])

    def find_firm(self, text: str) -> str:
        """A firm by USCC, organisation code, registration number, IRI or name (exact, then partial)."""
        text = text.strip()
        if text.startswith(str(ID)):
            return self._canonical(text)
        ident = parse_firm_id(text)
        codes = [ident.value] if ident and ident.kind != "other" else []
        if ident and ident.org_code and ident.kind == "uscc":
            codes.append(ident.org_code)
        for code in codes:
            rows = self.store.select(load("firm-by-code"), code=code).rows
            if rows:
                return self._canonical(self._one(rows, text))
        rows = self.store.select(load("firm-by-name"), text=normalize_name(text)).rows
        exact = [r for r in rows if r["exact"]]
        firms = {self._canonical(str(r["firm"])): r for r in exact or rows}
        return self._one([{**r, "firm": f} for f, r in firms.items()], text)

    def _canonical(self, firm: str) -> str:
        """The firm a node was resolved to (an alias known by a registration number,
        masked code or name), or the node itself."""
        rows = self.store.select("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?c WHERE { "
                                 "VALUES ?firm { UNDEF } ?firm cscs:resolvedTo ?c }", firm=NamedNode(firm)).rows
        return str(rows[0]["c"]) if rows else firm

    @staticmethod
    def _one(rows: list[dict], text: str) -> str:
        firms = {r["firm"]: r for r in rows}
        if not firms:
            raise LookupError_(f"no firm matches {text!r}")
        if len(firms) > 1:
            listed = "; ".join(f"{r['name']} ({r['uscc'] or r['firm']})" for r in list(firms.values())[:10])
            raise LookupError_(f"{len(firms)} firms match {text!r}: {listed}. Use the USCC.")
        return str(next(iter(firms)))

    def _named_firm(self, firm: str) -> tuple[str, str | None, str | None]:
        """A firm found as :meth:`find_firm` finds it, with its display name and USCC."""
        firm_iri = self.find_firm(firm)
        name, uscc = self.firm_names(firm_iri).get(firm_iri, (None, None))
        return firm_iri, name, uscc

    def firm_names(self, firm: str | None = None) -> dict[str, tuple[str | None, str | None]]:
        rows = self.store.select(load("firm-names"), firm=NamedNode(firm) if firm else None)
        return {str(r["firm"]): (r["name"], r["uscc"]) for r in rows}

    # -- scores ----------------------------------------------------------------
    def score(self, firm: str | None = None, as_of: date | None = None,
              rubric: str | None = None) -> list[FirmScore]:
        """Every firm's (score.rq) or one firm's (its explanation's parts, see
        :mod:`cscs.explaining`) category points, total and grade."""
        day = as_of or date.today()
        rubric_iri = self.rubric(rubric, day)
        if firm:
            firm_iri, name, uscc = self._named_firm(firm)
            return [explaining.firm_score(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri,
                                          day, name, uscc)]
        rows = self.store.select(load("score"), rubric=NamedNode(rubric_iri), asOf=day)
        labels = self._labels(rubric_iri)
        names = self.firm_names()
        scores: dict[str, FirmScore] = {}
        for row in rows:
            key = str(row["firm"])
            if key not in scores:
                name, uscc = names.get(key, (None, None))
                scores[key] = FirmScore(key, name, uscc, rubric_iri, day, row["total"], row["grade"])
            scores[key].categories.append(CategoryScore(
                str(row["category"]), labels.get(str(row["category"]), ""), row["categoryPoints"],
                row["categoryMax"]))
        order = list(labels)
        for entry in scores.values():
            entry.categories.sort(key=lambda c: order.index(c.category) if c.category in order else len(order))
        return list(scores.values())

    def refresh_scores(self, as_of: date | None = None, rubric: str | None = None, full: bool = False,
                       progress: Callable[[int], None] | None = None) -> score_sets.Refresh:
        """Bring the materialised score graph of (rubric, as_of) up to date: nothing if it
        is current, the touched firms only if documents were only added, else everything."""
        day = as_of or date.today()
        return score_sets.refresh(self.store, self.rubric(rubric, day), day, full=full, progress=progress)

    def all_scores(self, as_of: date | None = None, rubric: str | None = None,
                   refresh: bool = True) -> Iterator[dict[str, object]]:
        """Every firm's total, grade and category points (category IRI → points), one at
        a time, from the materialised score graph (brought up to date first unless the
        caller just did, with ``refresh_scores``)."""
        day = as_of or date.today()
        rubric_iri = self.rubric(rubric, day)
        if refresh:
            score_sets.refresh(self.store, rubric_iri, day)
        return score_sets.read_all(self.store, rubric_iri, day)

    def category_labels(self, rubric: str | None = None, as_of: date | None = None) -> dict[str, str]:
        """The rubric's first-level categories, in order: IRI → English label."""
        return self._labels(self.rubric(rubric, as_of or date.today()))

    def _labels(self, rubric_iri: str) -> dict[str, str]:
        q = ("PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT ?c ?label ?notation WHERE { VALUES ?rubric { UNDEF } ?c cscs:inRubric ?rubric ; "
             "cscs:level 1 ; skos:prefLabel ?label ; skos:notation ?notation . FILTER(LANG(?label) = \"en\") }")
        rows = sorted(self.store.select(q, rubric=NamedNode(rubric_iri)), key=lambda r: str(r["notation"]))
        return {str(r["c"]): str(r["label"]) for r in rows}

    def explain(self, firm: str, as_of: date | None = None, rubric: str | None = None) -> Explanation:
        """Each indicator's points and the records that moved them, with their provenance
        (see :mod:`cscs.explaining` for why it is read in parts)."""
        day = as_of or date.today()
        rubric_iri = self.rubric(rubric, day)
        firm_iri, name, uscc = self._named_firm(firm)
        return explaining.explain(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri, day,
                                  name, uscc)

    def history(self, firm: str, first: date, last: date, rubric: str | None = None
                ) -> list[tuple[date, object, str | None]]:
        """The firm's (day, total, grade) on ``first``, on every day its score can change
        up to ``last``, and on ``last``: one query for its records' intervals."""
        rubric_iri = self.rubric(rubric, last)
        firm_iri, _, _ = self._named_firm(firm)
        return explaining.history(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri, first, last)

    # -- raw access ----------------------------------------------------------
    def query(self, sparql: str, /, **params: object) -> Rows:
        """Run any SELECT; ``params`` fill its ``VALUES ?name { UNDEF }`` slots."""
        return self.store.select(sparql, **params)

    def export(self, out: IO[bytes], fmt: str = "trig") -> None:
        self.store.export(out, fmt)
