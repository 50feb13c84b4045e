"""The Python API: ingest documents, score firms, explain scores.

Everything here runs the shipped queries in ``queries/`` with bound parameters;
results come back as small dataclasses whose ``to_dict()`` is the stable JSON
of the command line (documented in the README).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pyoxigraph import NamedNode, Triple

from cscs import explaining
from cscs.extract.identifiers import normalize_name, parse_firm_id
from cscs.graph import query_forms
from cscs.graph import scores as score_sets
from cscs.graph.protocol import Store
from cscs.graph.queries import load
from cscs.graph.store import EmbeddedStore, Rows, open_store
from cscs.ontology.namespaces import ID

if TYPE_CHECKING:  # ingest and resolution pull in every reader and spaCy: imported when used
    from cscs.graph.ingest import IngestReport
    from cscs.graph.resolve import Match, Resolution
from cscs.results import CategoryScore, Evidence, Explanation, FirmScore, IndicatorScore, Number

__all__ = ["CategoryScore", "Evidence", "Explanation", "FirmScore", "Graph", "IndicatorScore",
           "NotFound"]


class NotFound(LookupError):
    """No single firm, rubric or document matches a reference: none does, or several do.

    A ``LookupError``, so callers that catch the built-in keep working.
    """


DateLike = date | datetime | str


def as_date(value: DateLike | None, name: str = "as_of") -> date:
    """A day given as a ``date``, a ``datetime`` (its day) or an ISO string
    (``2024-06-30``); None is today. Notebooks pass strings, so every date the API
    takes goes through here."""
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            raise ValueError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from None
    raise TypeError(f"{name}: expected a date, datetime or YYYY-MM-DD string, not {type(value).__name__}")


class Graph:
    """A cscs knowledge graph over a store (embedded on disk by default)."""

    def __init__(self, store: Store | None = None, path: Path | str | None = None,
                 memory: bool = False, endpoint: str | None = None, update_endpoint: str | None = None,
                 store_endpoint: str | None = None, read_only: bool = False):
        self.store: Store
        if store is not None:
            self.store = store
        elif endpoint:
            from cscs.graph.remote import RemoteStore

            self.store = RemoteStore(endpoint, update_endpoint, store_endpoint)
        else:
            self.store = open_store(path, memory=memory, read_only=read_only)
        self._rubric_views = explaining.RubricViews()
        self._rubric_rows: Rows | None = None  # kept while this process alone writes the store

    # -- ingest --------------------------------------------------------------
    def ingest(self, paths: Iterable[Path | str], extractor: str | None = None,
               on_done: Callable[[IngestReport], None] | None = None,
               resolve: bool = True, bulk: bool | None = None,
               on_rows: Callable[[Path, int], None] | None = None) -> list[IngestReport]:
        """Ingest documents; then, if anything was added (or the last resolution did not
        finish), resolve identities again so that records naming a firm by an old or
        masked code reach it. Large list files
        are streamed in resumable batches (``bulk``: None decides by size)."""
        from cscs.graph import ingest as ingest_mod
        from cscs.graph import resolve as resolution

        self._writing()
        self._forget_rubrics()
        reports = ingest_mod.ingest(self.store, [Path(p) for p in paths], extractor, on_done,
                                    bulk=bulk, on_rows=on_rows)
        changed = any(r.status in ("added", "re-extracted") for r in reports)
        if resolve and (changed or resolution.is_stale(self.store)):
            self.resolve()  # also when an earlier run stopped before resolution was whole
        return reports

    def _writing(self) -> None:
        """Refuse a write on a read-only store before any work, in one message."""
        if self.store.read_only:
            self.store.require_writable()

    # -- identities ------------------------------------------------------------
    def resolve(self) -> Resolution:
        """Match firm and person nodes; rewrite the machine's judgements and links."""
        from cscs.graph import resolve as resolution

        return resolution.resolve(self.store)

    def review(self) -> list[Match]:
        """Candidate pairs the machine left for a user to decide."""
        return self.resolve().review

    def judge(self, subject: str, candidate: str, same: bool, by: str, note: str | None = None) -> None:
        """A user's judgement on a pair; it outranks the machine's, and scores follow."""
        from cscs.graph import resolve as resolution

        resolution.judge(self.store, self._node(subject), self._node(candidate), same, by, note)

    def unjudge(self, subject: str, candidate: str) -> bool:
        from cscs.graph import resolve as resolution

        return resolution.unjudge(self.store, self._node(subject), self._node(candidate))

    def _node(self, ref: str) -> str:
        """A node IRI as given, or a firm looked up by code or name without following its
        resolution: a judgement is on the two nodes themselves, so ``unjudge`` with the
        arguments ``judge`` had finds the pair even after the judgement linked them."""
        if ref.startswith(str(ID)):
            return ref
        ident = parse_firm_id(ref)
        code = ident.value if ident and ident.kind != "other" else None
        rows = self.store.select(load("firm-by-code"), code=code).rows if code else []
        if not rows:
            rows = self.store.select(load("firm-by-name"), text=normalize_name(ref)).rows
            rows = [r for r in rows if r["exact"]] or rows
        return self._one(rows, ref)

    def documents(self) -> Rows:
        return self.store.select(load("documents"))

    def find_document(self, ref: str) -> str:
        """A document by content hash (or its prefix), file name, IRI, or the path of the
        file itself (matched by its bytes' hash, wherever it was ingested from)."""
        docs = self.documents().rows
        if Path(ref).is_file():
            import hashlib

            ref = hashlib.sha256(Path(ref).read_bytes()).hexdigest()
        matches = [d for d in docs if ref in (d["doc"], d["title"]) or d["sha256"].startswith(ref.lower())]
        if len(matches) != 1:
            what = "no document" if not matches else f"{len(matches)} documents"
            raise NotFound(f"{what} match {ref!r}" + ("" if not matches else ": " + ", ".join(
                f"{d['title']} ({d['sha256'][:12]})" for d in matches)))
        return str(matches[0]["doc"])

    def retract(self, ref: str) -> str:
        from cscs.graph import ingest as ingest_mod

        self._writing()
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

    def rubric(self, ref: str | None = None, as_of: DateLike | None = None) -> str:
        """A rubric by id or IRI; by default the latest one in force on ``as_of`` (or, when
        none was, the latest: :meth:`fit_warnings` then says so)."""
        return str(self.rubric_row(ref, as_of)["rubric"])

    def rubric_row(self, ref: str | None = None, as_of: DateLike | None = None) -> dict:
        """The rubric :meth:`rubric` picks, as its row of rubrics.rq."""
        rows = self.rubrics().rows
        if not rows:
            raise NotFound("no rubric in the graph; ingest one first (cscs ingest RUBRIC.tsv), "
                               "or run cscs demo")
        if ref:
            for row in rows:
                if ref in (row["id"], row["rubric"]):
                    return row
            raise NotFound(f"no rubric {ref!r}; known: {', '.join(str(r['id']) for r in rows)}")
        day = as_date(as_of)
        in_force = [r for r in rows if (r["effectiveFrom"] is None or r["effectiveFrom"] <= day)
                    and (r["effectiveUntil"] is None or day < r["effectiveUntil"])]
        return (in_force or rows)[0]

    def fit_warnings(self, rubric: str | None = None, as_of: DateLike | None = None,
                     firms: list[str] | None = None) -> tuple[list[str], dict[str, str]]:
        """Where the rubric does not fit (see :mod:`cscs.fit`): a warning for the date
        (before the rubric took effect), and one per firm of ``firms`` registered or
        published outside its jurisdiction."""
        from cscs import fit

        row, day = self.rubric_row(rubric, as_of), as_date(as_of)
        when = fit.date_warning(row, day)
        return ([when] if when else []), fit.place_warnings(self.store, row, firms or [])

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
        rows = self.store.select(load("resolved-to"), node=NamedNode(firm)).rows
        return str(rows[0]["c"]) if rows else firm

    @staticmethod
    def _one(rows: list[dict], text: str) -> str:
        firms = {r["firm"]: r for r in rows}
        if not firms:
            raise NotFound(f"no firm matches {text!r}")
        if len(firms) > 1:
            listed = "; ".join(f"{r['name']} ({r['uscc'] or r['firm']})" for r in list(firms.values())[:10])
            raise NotFound(f"{len(firms)} firms match {text!r}: {listed}. Use the USCC.")
        return str(next(iter(firms)))

    def _named_firm(self, firm: str) -> tuple[str, str | None, str | None]:
        """A firm found as :meth:`find_firm` finds it, with its display name and USCC."""
        firm_iri = self.find_firm(firm)
        name, uscc = self.firm_names(firm_iri).get(firm_iri, (None, None))
        return firm_iri, name, uscc

    def firm_names(self, firm: str | None = None) -> dict[str, tuple[str | None, str | None]]:
        return {iri: (name, uscc) for iri, (name, uscc, _) in self.firm_labels([firm] if firm else None).items()}

    def firm_labels(self, firms: list[str] | None = None) -> dict[str, tuple[str | None, str | None, str | None]]:
        """Firm IRI → (name, USCC, best identifier: USCC, else masked code, else
        organisation code), for these firms or every one."""
        rows = self.store.select(load("firm-names"), firm=[NamedNode(f) for f in firms] if firms else None)
        return {str(r["firm"]): (r["name"], r["uscc"], r["uscc"] or r["maskedCode"] or r["organizationCode"])
                for r in rows}

    # -- scores ----------------------------------------------------------------
    def score(self, firm: str | None = None, as_of: DateLike | None = None,
              rubric: str | None = None) -> list[FirmScore]:
        """Every firm's (score.rq) or one firm's (its explanation's parts, see
        :mod:`cscs.explaining`) category points, total and grade."""
        day = as_date(as_of)
        rubric_iri = self.rubric(rubric, day)
        if firm:
            firm_iri = self.find_firm(firm)
            name, uscc, identifier = self.firm_labels([firm_iri]).get(firm_iri, (None, None, None))
            one = explaining.firm_score(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri,
                                        day, name, uscc)
            one.identifier = identifier
            when, where = self.fit_warnings(rubric_iri, day, [firm_iri])
            one.warnings = when + list(where.values())
            return [one]
        rows = self.store.select(load("score"), rubric=NamedNode(rubric_iri), asOf=day)
        labels = self._labels(rubric_iri)
        names = self.firm_labels()
        scores: dict[str, FirmScore] = {}
        for row in rows:
            key = str(row["firm"])
            if key not in scores:
                name, uscc, identifier = names.get(key, (None, None, None))
                scores[key] = FirmScore(key, name, uscc, rubric_iri, day, row["total"], row["grade"],
                                        identifier=identifier)
            scores[key].categories.append(CategoryScore(
                str(row["category"]), labels.get(str(row["category"]), ""), row["categoryPoints"],
                row["categoryMax"]))
        order = list(labels)
        when, where = self.fit_warnings(rubric_iri, day, list(scores))
        for key, entry in scores.items():
            entry.categories.sort(key=lambda c: order.index(c.category) if c.category in order else len(order))
            entry.warnings = when + ([where[key]] if key in where else [])
        return list(scores.values())

    def scores_of(self, firms: list[str], as_of: DateLike | None = None,
                  rubric: str | None = None) -> list[FirmScore]:
        """The scores of firms given by IRI (as found already, e.g. by a search), from
        the parts of their explanations: no lookup, names or warnings."""
        day = as_date(as_of)
        rubric_iri = self.rubric(rubric, day)
        view = self._rubric_view(rubric_iri)
        return [explaining.firm_score(self.store, view, rubric_iri, firm, day, None, None) for firm in firms]

    def refresh_scores(self, as_of: DateLike | None = None, rubric: str | None = None, full: bool = False,
                       progress: Callable[[int], None] | None = None) -> score_sets.Refresh:
        """Bring the materialised score graph of (rubric, as_of) up to date: nothing if it
        is current, the touched firms only if documents were only added, else everything."""
        day = as_date(as_of)
        return score_sets.refresh(self.store, self.rubric(rubric, day), day, full=full, progress=progress)

    def all_scores(self, as_of: DateLike | None = None, rubric: str | None = None,
                   refresh: bool = True) -> Iterator[dict[str, object]]:
        """Every firm's total, grade and category points (category IRI → points), one at
        a time, from the materialised score graph (brought up to date first unless the
        caller just did, with ``refresh_scores``)."""
        day = as_date(as_of)
        rubric_iri = self.rubric(rubric, day)
        if refresh:
            score_sets.refresh(self.store, rubric_iri, day)
        return score_sets.read_all(self.store, rubric_iri, day)

    def category_labels(self, rubric: str | None = None, as_of: DateLike | None = None) -> dict[str, str]:
        """The rubric's first-level categories, in order: IRI → English label."""
        return self._labels(self.rubric(rubric, as_of))

    def points_are_whole(self, rubric: str | None = None, as_of: DateLike | None = None) -> bool:
        """Whether every maximum and per-record point of the rubric is a whole number, so
        that every score under it is (score tables then carry integers)."""
        return not self.store.ask(load("rubric-fractional-points"), rubric=NamedNode(self.rubric(rubric, as_of)))

    def _labels(self, rubric_iri: str) -> dict[str, str]:
        rows = sorted(self.store.select(load("rubric-categories"), rubric=NamedNode(rubric_iri)),
                      key=lambda r: str(r["notation"]))
        return {str(r["c"]): str(r["label"]) for r in rows}

    def explain(self, firm: str, as_of: DateLike | None = None, rubric: str | None = None) -> Explanation:
        """Each indicator's points and the records that moved them, with their provenance
        (see :mod:`cscs.explaining` for why it is read in parts)."""
        day = as_date(as_of)
        rubric_iri = self.rubric(rubric, day)
        firm_iri, name, uscc = self._named_firm(firm)
        why = explaining.explain(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri, day, name, uscc)
        when, where = self.fit_warnings(rubric_iri, day, [firm_iri])
        why.warnings = when + list(where.values())
        return why

    def history(self, firm: str, first: date, last: date, rubric: str | None = None
                ) -> list[tuple[date, Number, str | None]]:
        """The firm's (day, total, grade) on ``first``, on every day its score can change
        up to ``last``, and on ``last``: one query for its records' intervals."""
        rubric_iri = self.rubric(rubric, last)
        firm_iri, _, _ = self._named_firm(firm)
        return explaining.history(self.store, self._rubric_view(rubric_iri), rubric_iri, firm_iri, first, last)

    # -- raw access ----------------------------------------------------------
    def query(self, sparql: str, /, **params: object) -> Rows:
        """Run any SELECT; ``params`` fill its ``VALUES ?name { UNDEF }`` slots."""
        return self.store.select(sparql, **params)

    def run(self, sparql: str, /, **params: object) -> Rows | bool | list[Triple]:
        """Any query, by its form: a SELECT's rows, an ASK's truth, a CONSTRUCT's or
        DESCRIBE's triples. A malformed query raises SyntaxError (see
        :func:`cscs.graph.query_forms.syntax_message` for saying it to a person)."""
        kind = query_forms.form(sparql)
        if kind in ("CONSTRUCT", "DESCRIBE"):
            return self.store.triples(sparql, **params)
        if kind == "ASK":
            return self.store.ask(sparql, **params)
        return self.store.select(sparql, **params)

    def export(self, out: IO[bytes], fmt: str = "trig") -> None:
        self.store.export(out, fmt)
