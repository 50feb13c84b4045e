"""Scores as a materialised, versioned named graph, kept current incrementally.

One graph per (rubric, as-of date). It holds the baseline once (total, grade and
category points of a firm with no counted record: most firms) and an entry only for
each firm whose records moved its score, so its size follows the records, not the
population. Reading every firm's score is then one pass over the firm list with a
look-up in the entries (``read_all``).

The graph says what it was computed from, with PROV-O: the rubric, the date, the
SHA-256 of the query text and of its inputs (the document graphs, named by their
content hashes, and the identity links resolution made). Each computation is a
``prov:Activity`` and bumps ``cscs:version``. When documents were only added since
the last version, and resolution re-linked nothing outside them, only the firms the
new documents' records reach are scored again (``score.rq`` for those firms);
otherwise the whole population is.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from itertools import chain
from types import MappingProxyType
from typing import Callable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from cscs.ontology.namespaces import CSCS, ID, PROV, RDF, XSD

from .bindings import bind, then_insert
from .protocol import Store
from .queries import load

ENTRY_PREDICATES = (CSCS.scoreTotal, CSCS.scoreGrade, CSCS.scoreCategories)
BATCH = 50_000
Progress = Callable[[int], None]


@dataclass
class ScoreSet:
    """The state of one materialised score graph."""

    graph: NamedNode
    version: int
    input_hash: str
    query_hash: str
    documents: frozenset[str]
    links_hash: str


@dataclass
class Refresh:
    """What bringing a score graph up to date did."""

    graph: str
    mode: str  # "current" | "full" | "incremental"
    version: int
    firms_scored: int = 0
    seconds: float = 0.0
    documents_added: list[str] = field(default_factory=list)


def score_graph(rubric: str, as_of: date) -> NamedNode:
    return ID[f"scores/{rubric.rstrip('/').rsplit('/', 1)[-1]}/{as_of.isoformat()}"]


def query_hash() -> str:
    return _sha("\0".join(load(q) for q in ("score-baseline", "score-moved", "score-firms")))


def current_inputs(store: Store) -> tuple[frozenset[str], str]:
    """The document graphs in the store and a digest of the identity links."""
    docs = frozenset(str(r["g"]) for r in store.select(load("score-inputs")).rows)
    links = sorted(f"{r['alias']} {r['target']}" for r in store.select(load("resolution-links")).rows)
    return docs, _sha("\n".join(links))


def input_hash(rubric: str, documents: frozenset[str], links_hash: str) -> str:
    return _sha("\n".join([rubric, *sorted(documents), links_hash]))


def read_state(store: Store, graph: NamedNode) -> ScoreSet | None:
    rows = store.select(load("score-set"), set=graph).rows
    if not rows:
        return None
    first = rows[0]
    docs = frozenset(str(r["document"]) for r in rows if r["document"])
    return ScoreSet(graph, int(first["version"]), str(first["inputHash"]), str(first["queryHash"]), docs,
                    str(first["linksHash"]))


def refresh(store: Store, rubric: str, as_of: date, full: bool = False,
            progress: Progress | None = None) -> Refresh:
    """Bring the score graph of (rubric, as_of) up to date with the store."""
    started = datetime.now(timezone.utc)
    graph = score_graph(rubric, as_of)
    state = read_state(store, graph)
    documents, links_hash = current_inputs(store)
    inputs = input_hash(rubric, documents, links_hash)
    if not full and state is not None and state.input_hash == inputs and state.query_hash == query_hash():
        return Refresh(graph.value, "current", state.version)
    version = (state.version if state else 0) + 1
    added = sorted(documents - state.documents) if state else []
    incremental = (not full and state is not None and state.query_hash == query_hash()
                   and state.documents <= documents and state.links_hash == links_hash)
    if incremental:
        firms = touched_firms(store, added)
        scored = rescore(store, graph, rubric, as_of, firms)
        mode = "incremental"
    else:
        scored = materialise(store, graph, rubric, as_of, progress)
        mode = "full"
    ended = datetime.now(timezone.utc)
    write_state(store, graph, rubric, as_of, version, inputs, links_hash, documents, mode, scored,
                started, ended)
    store.flush()
    return Refresh(graph.value, mode, version, scored, (ended - started).total_seconds(), added)


def materialise(store: Store, graph: NamedNode, rubric: str, as_of: date, progress: Progress | None) -> int:
    """Score every firm (compute_all) and bring the graph's baseline and entries to the
    result, writing only what changed: a full recompute after a retraction mostly finds
    the same scores, and dropping a province's graph to write it again cost 24 s."""
    (baseline,) = store.select(load("score-baseline"), rubric=NamedNode(rubric)).rows
    store.update(load("score-baseline-clear"), set=graph)
    store.append(graph, _baseline(graph, baseline))
    old = _entries(store, graph)
    batch: list[Quad] = []
    kept: set[str] = set()
    seen = 0
    for row in compute_all(store, rubric, as_of, baseline):
        seen += 1
        moved = row["movedCategories"]
        if moved is not None:
            firm = str(row["firm"])
            if _same_entry(old.get(firm), row):
                kept.add(firm)
            else:
                batch += _entry(graph, NamedNode(firm), row["total"], row["grade"], str(moved))
        if len(batch) >= BATCH:
            _replace_entries(store, graph, old, batch)
            batch = []
        if progress and seen % 100_000 == 0:
            progress(100_000)
    _replace_entries(store, graph, old, batch)
    _clear_entries(store, graph, sorted(set(old) - kept))  # back at the baseline, or no longer firms
    if progress:
        progress(seen % 100_000)
    return seen


def _entries(store: Store, graph: NamedNode) -> dict[str, dict]:
    return {str(r["firm"]): r for r in store.select_stream(load("score-entries"), set=graph)}


def _same_entry(old: dict | None, row: dict) -> bool:
    return old is not None and (old["total"], old["grade"] or None, _categories(old["movedCategories"])) == \
        (row["total"], row["grade"] or None, _categories(row["movedCategories"]))


def _replace_entries(store: Store, graph: NamedNode, old: dict[str, dict], quads: list[Quad]) -> None:
    """Write a batch of changed entries, clearing the earlier entries of those firms
    first (each firm's entry is three quads: its subject is the firm)."""
    firms = sorted({q.subject.value for q in quads if isinstance(q.subject, NamedNode) and q.subject.value in old})
    _clear_entries(store, graph, firms)
    for firm in firms:
        del old[firm]
    if quads:
        store.append(graph, quads)


def _clear_entries(store: Store, graph: NamedNode, firms: list[str]) -> None:
    for chunk in _chunks(firms, 5_000):
        store.update(load("score-entries-clear"), set=graph, firm=[NamedNode(f) for f in chunk])


def moved_firms(store: Store, rubric: str, as_of: date) -> Iterator[dict[str, object]]:
    """The firms whose records move their score (score-moved.rq), one row each, and
    perhaps other subjects of such records, which no firm list names."""
    return store.select_stream(load("score-moved"), rubric=NamedNode(rubric), asOf=as_of)


def compute_all(store: Store, rubric: str, as_of: date, baseline: dict | None = None) -> Iterator[dict[str, object]]:
    """Every firm's total, grade and moved categories ("IRI=points ...", None at the
    baseline), computed from the records, one row at a time.

    Two queries run at once: score-moved.rq (the firms whose records move their score,
    a few per cent, kept in a dict) in a worker thread, and the firm list (firms.rq)
    streamed here (``_each_firm``), each firm given its moved row or the baseline. One
    query joining every firm with the moved ones took 3.2-3.8 times the firm list
    alone at 3M firms. ``baseline`` is score-baseline.rq's row, if the caller has it."""
    if baseline is None:
        (baseline,) = store.select(load("score-baseline"), rubric=NamedNode(rubric)).rows
    total, grade = baseline["base"], baseline["baseGrade"]

    def moved() -> dict[str, dict]:
        return {str(r["firm"]): r for r in moved_firms(store, rubric, as_of)}

    for firm, row in _each_firm(store, moved):
        if row is None:
            yield {"firm": firm, "total": total, "grade": grade, "movedCategories": None}
        else:
            yield {"firm": firm, "total": row["total"], "grade": row["grade"],
                   "movedCategories": row["movedCategories"]}


def _each_firm(store: Store, rows: Callable[[], dict[str, dict]]) -> Iterator[tuple[str, dict | None]]:
    """Every listed firm (firms.rq, streamed as bare IRIs) with its row from ``rows``,
    or None. ``rows`` runs on a worker thread meanwhile; pyoxigraph releases the GIL
    while it evaluates, so on two cores the two take about as long as the longer one.
    Firms listed before the rows are in wait as IRIs."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        found = pool.submit(rows)
        firms = store.select_iris(load("firms"))
        waiting: list[str] = []
        for firm in firms:
            waiting.append(firm)
            if found.done():
                break
        known = found.result()
        for firm in chain(waiting, firms):
            yield firm, known.get(firm)


def rescore(store: Store, graph: NamedNode, rubric: str, as_of: date, firms: list[str]) -> int:
    """Score these firms again (score-firms.rq: lookups from the firms, not a scan of
    every record) and replace their entries; a firm back at the baseline keeps none."""
    if not firms:
        return 0
    chunks = [[NamedNode(f) for f in chunk] for chunk in _chunks(firms, min(5_000, -(-len(firms) // 2)))]

    def score(nodes: list[NamedNode]) -> list[dict]:
        return store.select(load("score-firms"), rubric=NamedNode(rubric), asOf=as_of, firm=nodes).rows

    # the firms in two halves (or more chunks), two at a time: the lookups of one query
    # run on one core, and pyoxigraph releases the GIL while it evaluates
    with ThreadPoolExecutor(max_workers=2) as pool:
        scored = list(pool.map(score, chunks))
    for nodes, rows in zip(chunks, scored):
        quads = [q for row in rows for q in _entry(graph, NamedNode(str(row["firm"])), row["recordTotal"],
                                                   row["recordGrade"], str(row["movedCategories"]))]
        _rewrite(store, "score-entries-clear", {"set": graph, "firm": nodes}, quads)
    return len(firms)


def _rewrite(store: Store, clear: str, params: dict[str, object], quads: list[Quad]) -> None:
    """One update (one transaction): the ``clear`` update, then ``INSERT DATA`` of a few
    quads. Not the bulk loader: each of its calls adds files to the store, which on a
    loaded store took 0.2-0.3 s for 21 quads, and slowed every lookup after it."""
    store.update(then_insert(bind(load(clear), params), quads))


def touched_firms(store: Store, documents: list[str]) -> list[str]:
    """Firms the records of these documents reach: as subject, through resolution, or
    through a person's role."""
    subjects: set[str] = set()
    for doc in documents:
        subjects.update(str(r["subject"]) for r in store.select(load("touched-subjects"), g=NamedNode(doc)).rows)
    firms: set[str] = set()
    for chunk in _chunks(sorted(subjects), 5_000):
        nodes = [NamedNode(s) for s in chunk]
        firms.update(str(r["firm"]) for r in store.select(load("touched-firms"), firm=nodes, subject=nodes).rows)
    resolved = {str(r["alias"]) for r in store.select(load("resolution-links")).rows}
    return sorted(firms - resolved)  # a resolved alias is scored as the firm it was resolved to


def write_state(store: Store, graph: NamedNode, rubric: str, as_of: date, version: int, inputs: str,
                links_hash: str, documents: frozenset[str], mode: str, scored: int,
                started: datetime, ended: datetime) -> None:
    """Replace the graph's description (version, hashes, inputs) and add this run's activity."""
    activity = ID[f"scoring/{_sha(graph.value + str(version))[:16]}"]

    def q(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(s, p, o, graph)

    quads = [
        q(graph, RDF.type, CSCS.ScoreSet), q(graph, RDF.type, PROV.Entity),
        q(graph, CSCS.rubric, NamedNode(rubric)),
        q(graph, CSCS.asOf, Literal(as_of.isoformat(), datatype=XSD.date)),
        q(graph, CSCS.version, _int(version)),
        q(graph, CSCS.inputHash, Literal(inputs)),
        q(graph, CSCS.queryHash, Literal(query_hash())),
        q(graph, CSCS.linksHash, Literal(links_hash)),
        q(graph, PROV.wasGeneratedBy, activity),
        q(activity, RDF.type, PROV.Activity), q(activity, RDF.type, CSCS.Scoring),
        q(activity, CSCS.mode, Literal(mode)), q(activity, CSCS.version, _int(version)),
        q(activity, CSCS.firmsScored, _int(scored)),
        q(activity, PROV.used, NamedNode(rubric)),
        q(activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)),
        q(activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)),
    ]
    quads += [q(graph, CSCS.computedFrom, NamedNode(doc)) for doc in sorted(documents)]
    _rewrite(store, "score-set-clear", {"set": graph}, quads)


def read_all(store: Store, rubric: str, as_of: date) -> Iterator[dict[str, object]]:
    """Every firm's total, grade and category points from the materialised graph: its
    entries read into a dict, then the firm list streamed past them (a join of the
    two in SPARQL took twice as long as the list alone at 3M firms), at the same time."""
    graph = score_graph(rubric, as_of)
    base = store.select(load("score-set-baseline"), set=graph).rows
    if not base:
        return
    baseline = MappingProxyType(_categories(base[0]["categories"]))
    total, grade = base[0]["total"], base[0]["grade"] or None

    def entries() -> dict[str, dict]:
        return {str(r["firm"]): r for r in store.select_stream(load("score-entries"), set=graph)}

    for firm, entry in _each_firm(store, entries):
        if entry is None:  # most firms: the baseline's (read-only) mapping, no copy per firm
            yield {"firm": firm, "total": total, "grade": grade, "categories": baseline}
        else:
            yield {"firm": firm, "total": entry["total"], "grade": entry["grade"] or None,
                   "categories": {**baseline, **_categories(entry["movedCategories"])}}


def _baseline(graph: NamedNode, row: dict[str, object]) -> list[Quad]:
    return [Quad(graph, CSCS.baseTotal, _num(row["base"]), graph),
            Quad(graph, CSCS.baseGrade, Literal(str(row["baseGrade"] or "")), graph),
            Quad(graph, CSCS.baseCategories, Literal(str(row["baseCategories"])), graph)]


def _entry(graph: NamedNode, firm: NamedNode, total: object, grade: object, categories: str) -> list[Quad]:
    return [Quad(firm, CSCS.scoreTotal, _num(total), graph),
            Quad(firm, CSCS.scoreGrade, Literal(str(grade or "")), graph),
            Quad(firm, CSCS.scoreCategories, Literal(categories), graph)]


def _categories(text: object) -> dict[str, object]:
    out: dict[str, object] = {}
    for item in str(text or "").split():
        category, _, points = item.rpartition("=")
        out[category] = _parse_number(points)
    return out


def _parse_number(text: str) -> object:
    return int(text) if text.lstrip("-").isdigit() else Decimal(text)


def _num(value: object) -> Literal:
    if isinstance(value, int):
        return _int(value)
    return Literal(str(Decimal(str(value))), datatype=XSD.decimal)


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
