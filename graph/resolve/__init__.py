"""Entity resolution: which firm and person nodes are the same, with evidence.

Deterministic keys come first, at extraction (a USCC's organisation code keys the
firm). What is left — registration numbers, masked codes, names, persons seen with
different ID masks — is matched here by scored candidates whose features explain
the score. Judgements are data in the graph:

- the machine's, rebuilt by every run, in the named graph ``MACHINE``: a
  ``cscs:Judgement`` per plausible pair (same, or unsure for review) with its score
  and evidence, and ``?alias cscs:resolvedTo ?canonical`` for the pairs judged the same;
- the users', kept, in ``USERS``: same or not-same, by whom and when. A user's
  judgement outranks the machine's, and taking it back returns the pair to the machine.

Scores follow at once: the score queries reach a firm through ``cscs:resolvedTo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from pyoxigraph import Literal, NamedNode, Quad

from cscs.ontology.namespaces import CSCS, DCTERMS, ID, PROV, RDF, RDFS, XSD, key_digest

from ..crashpoints import crash_point
from ..protocol import Store
from ..queries import load
from . import firms, freshness, persons
from .model import ACCEPT, REVIEW, Match, decide

MACHINE = NamedNode("https://w3id.org/cscs/resolution/machine")
USERS = NamedNode("https://w3id.org/cscs/resolution/users")
RESOLVER = ID["resolver/v1"]

__all__ = ["ACCEPT", "REVIEW", "MACHINE", "USERS", "Match", "Resolution", "resolve", "judge", "unjudge"]


@dataclass
class Resolution:
    linked: list[Match] = field(default_factory=list)
    review: list[Match] = field(default_factory=list)
    user_same: int = 0
    user_not_same: int = 0
    links: dict[str, str] = field(default_factory=dict)  # alias → canonical, after users' judgements


def resolve(store: Store, today=None) -> Resolution:
    """Match every unresolved firm and person node; rewrite the machine's graph."""
    computed_from = freshness.basis(store, USERS)
    result = Resolution()
    firm_nodes = firms.load(store.select(load("resolve-firms")))
    index = firms.FirmIndex(firm_nodes)
    for alias in (n for n in firm_nodes.values() if not n.canonical):
        accepted, review = decide([firms.compare(alias, c) for c in index.candidates(alias)])
        result.linked += accepted
        result.review += review
    same, not_same = user_judgements(store)
    # persons next, comparing the firms they hold roles in as resolved so far: the
    # legal representative a list names with a masked-code firm is the registry's one
    firm_pairs = [(m.subject, m.candidate) for m in result.linked if frozenset((m.subject, m.candidate))
                  not in not_same] + [tuple(p) for p in same if set(p) <= firm_nodes.keys()]
    firm_of = _components(firm_pairs, firm_nodes, {})
    person_nodes = persons.load(store.select(load("resolve-persons")))
    by_alias: dict[str, list[Match]] = {}
    for a, b in persons.pairs(person_nodes, firm_of):
        person, same_person = persons.orient(a, b)
        by_alias.setdefault(person.iri, []).append(persons.compare(person, same_person, today, firm_of))
    accepted, review = _settle(list(by_alias.values()))
    result.linked += accepted
    result.review += review
    result.user_same, result.user_not_same = len(same), len(not_same)
    pairs = [(m.subject, m.candidate) for m in result.linked
             if frozenset((m.subject, m.candidate)) not in not_same] + [tuple(p) for p in same]
    result.links = _components(pairs, firm_nodes, person_nodes)
    result.review = [m for m in result.review if frozenset((m.subject, m.candidate)) not in same | not_same]
    _write(store, result)
    freshness.mark(store, MACHINE, RESOLVER, computed_from)  # last: the run is whole
    return result


def is_stale(store: Store) -> bool:
    """Whether the machine's graph misses documents or judgements (see :mod:`.freshness`)."""
    return freshness.is_stale(store, MACHINE, RESOLVER, USERS)


def judge(store: Store, subject: str, candidate: str, same: bool, by: str,
          note: str | None = None) -> NamedNode:
    """Record a user's judgement on a pair (replacing theirs on it), then resolve again.
    A node is not judged against itself (two references that name one node: a USCC and
    the organisation code inside it, or a name and its code)."""
    if subject == candidate:
        raise ValueError(f"both name the same node {subject}: a judgement is on two different nodes")
    unjudge(store, subject, candidate, rerun=False)
    node = ID[f"judgement/user/{key_digest(*sorted((subject, candidate)))}"]
    now = datetime.now(timezone.utc).isoformat()
    facts: list[tuple[NamedNode, NamedNode | Literal]] = [
        (RDF.type, CSCS.Judgement), (CSCS.matchSubject, NamedNode(subject)),
        (CSCS.matchCandidate, NamedNode(candidate)), (CSCS.matchDecision, CSCS.Same if same else CSCS.NotSame),
        (PROV.wasAttributedTo, Literal(f"user:{by}")),
        (DCTERMS.created, Literal(now, datatype=XSD.dateTime))]
    quads = [Quad(node, p, o, USERS) for p, o in facts]
    if note:
        quads.append(Quad(node, RDFS.comment, Literal(note), USERS))
    store.insert(quads)
    resolve(store)
    return node


def unjudge(store: Store, subject: str, candidate: str, rerun: bool = True) -> bool:
    """Take back users' judgements on a pair; the machine decides it again."""
    node = ID[f"judgement/user/{key_digest(*sorted((subject, candidate)))}"]
    existed = store.ask(load("subject-in-graph"), g=USERS, node=node)
    if existed:
        store.update(load("subject-delete"), g=USERS, node=node)
    if rerun:
        resolve(store)
    return existed


def user_judgements(store: Store) -> tuple[set[frozenset], set[frozenset]]:
    """The pairs a user said are the same, and those they said are not (``cscs resolve
    --same/--not-same``): every matcher must respect them."""
    same: set[frozenset[str]] = set()
    not_same: set[frozenset[str]] = set()
    for row in store.select(load("judgements")):
        if not str(row["by"]).startswith("user:"):
            continue
        pair = frozenset((str(row["subject"]), str(row["candidate"])))
        (same if str(row["decision"]).endswith("#Same") else not_same).add(pair)
    return same, not_same


def _settle(candidates: list[list[Match]]) -> tuple[list[Match], list[Match]]:
    """``decide`` for every alias, then once more for the aliases left in review whose
    plausible candidates are all one person already (a name seen three times in one
    firm: the list's, the registry's and key personnel's): those are not rivals."""
    accepted: list[Match] = []
    pending: list[list[Match]] = []
    for matches in candidates:
        yes, unsure = decide(matches)
        accepted += yes
        if unsure:
            pending.append(unsure)
    linked = _components([(m.subject, m.candidate) for m in accepted], {}, {})
    review: list[Match] = []
    for unsure in pending:
        best = unsure[0]
        if best.score >= ACCEPT and len({linked.get(m.candidate, m.candidate) for m in unsure}) == 1:
            accepted.append(best)
        else:
            review += unsure
    return accepted, review


def _components(pairs: list[tuple[str, str]], firm_nodes: dict, person_nodes: dict) -> dict[str, str]:
    """Union-find over the pairs judged the same; every member points at one
    representative (a firm with a USCC, a person with roles), so links are one step."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            parent[x] = parent.get(parent[x], parent[x])
            x = parent[x]
        return x

    def rank(x: str) -> tuple:
        if x in firm_nodes:
            return (firm_nodes[x].canonical, x)
        node = person_nodes.get(x)
        return (bool(node and node.roles), x)

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            low, high = sorted((ra, rb), key=rank)
            parent[low] = high
    return {x: find(x) for x in parent if find(x) != x}


def _write(store: Store, result: Resolution) -> None:
    """Replace the machine's graph in one update: its judgements and the links."""
    now = Literal(datetime.now(timezone.utc).isoformat(), datatype=XSD.dateTime)
    quads = [Quad(RESOLVER, RDF.type, PROV.SoftwareAgent, MACHINE)]
    for match, decision in [(m, CSCS.Same) for m in result.linked] + [(m, CSCS.Unsure) for m in result.review]:
        node = ID[f"judgement/machine/{key_digest(match.subject, match.candidate)}"]
        facts: list[tuple[NamedNode, NamedNode | Literal]] = [
            (RDF.type, CSCS.Judgement), (CSCS.matchSubject, NamedNode(match.subject)),
            (CSCS.matchCandidate, NamedNode(match.candidate)), (CSCS.matchDecision, decision),
            (CSCS.matchScore, Literal(str(match.score), datatype=XSD.decimal)),
            (CSCS.matchEvidence, Literal(match.evidence)), (CSCS.matchKind, Literal(match.kind)),
            (PROV.wasAttributedTo, Literal("machine:resolver/v1")), (DCTERMS.created, now)]
        quads += [Quad(node, p, o, MACHINE) for p, o in facts]
    quads += [Quad(NamedNode(alias), CSCS.resolvedTo, NamedNode(canonical), MACHINE)
              for alias, canonical in result.links.items()]
    store.replace_graph(MACHINE, quads)
    crash_point("resolve:after-replace")
    # derived from the links just written; if this second step fails, the next run redoes both
    store.update(load("resolve-memberships"), g=MACHINE)
    crash_point("resolve:after-memberships")
