"""Roster entries matched to listed firms' officers, on evidence beyond the name.

A roster says ``王伟, 男, 1965.03, 浙江华鑫科技股份有限公司董事长``; a report says 王伟
is the chairman of 浙江华鑫科技股份有限公司, male, 1965 年出生. A shared name alone is
never enough (names repeat across a province): the entry is linked to the officer only
when the work unit names the officer's firm and the rest agrees, like the entity
resolver (:mod:`cscs.graph.resolve`), whose ``Match``/``Feature`` and decision rule are
reused: a single candidate at or above 0.9 with no rival at or above 0.5 is linked;
plausible pairs wait for review; a contradiction (another birth year, another sex)
rules a pair out.

The result is data: one ``cscs:Judgement`` per plausible pair (score and evidence,
attributed to ``machine:roster-matcher/v1``) and ``?entry cscs:resolvedTo ?officer``
for the linked ones, in the named graph ``ROSTERS``, rebuilt by every run. A user's
judgement on a pair (``cscs resolve --same/--not-same``) outranks the matcher's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from pyoxigraph import Literal, NamedNode, Quad

from cscs.extract.names import core_name, simplified
from cscs.graph.protocol import Store
from cscs.graph.queries import load
from cscs.graph.resolve import user_judgements
from cscs.graph.resolve.model import REVIEW, Feature, Match, decide
from cscs.ontology.namespaces import CSCS, DCTERMS, ID, PROV, RDF, XSD, key_digest

ROSTERS = NamedNode("https://w3id.org/cscs/resolution/rosters")
MATCHER = "machine:roster-matcher/v1"
_POSTS = {"董事长": "Chairman", "总经理": "GeneralManager", "总裁": "GeneralManager", "独立董事": "IndependentDirector",
          "董事": "Director", "监事": "Supervisor"}
_ANOTHER_FIRM = re.compile(r"公司|集团|银行|厂|合作社")


@dataclass
class Officer:
    """One person of one listed firm (the report's and the exchange's nodes taken together)."""

    code: str
    name: str
    nodes: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    sexes: set[str] = field(default_factory=set)
    born: set[int] = field(default_factory=set)
    ages: set[int] = field(default_factory=set)
    firm_names: set[str] = field(default_factory=set)
    node_roles: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def node(self) -> str:
        """The node to link: the one holding most posts in the firm."""
        return max(sorted(self.nodes), key=lambda n: self.node_roles[n])


@dataclass
class Entry:
    node: str
    name: str
    sex: str | None
    born: int | None
    unit: str
    body: str


@dataclass
class RosterMatches:
    entries: int
    linked: list[Match] = field(default_factory=list)
    review: list[Match] = field(default_factory=list)


def _name(text: str) -> str:
    return simplified(re.sub(r"\s+", "", text))


def load_officers(store: Store) -> dict[str, list[Officer]]:
    """Officers by name."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in store.select(load("listed-firms")):
        names[str(row["code"])] |= {str(n) for n in (row["name"], row["shortName"]) if n}
    grouped: dict[tuple[str, str], Officer] = {}
    for row in store.select(load("listed-officers")):
        name = _name(str(row["name"]))
        officer = grouped.setdefault((str(row["code"]), name), Officer(str(row["code"]), name))
        node = str(row["officer"])
        officer.nodes.add(node)
        officer.node_roles[node] += 1
        officer.roles.add(str(row["role"]).rsplit("#", 1)[-1])
        if row["sex"]:
            officer.sexes.add(str(row["sex"]))
        if row["born"]:
            officer.born.add(int(row["born"]))
        if row["age"]:
            officer.ages.add(int(row["age"]))
        officer.firm_names = names[officer.code]
    by_name: dict[str, list[Officer]] = defaultdict(list)
    for officer in grouped.values():
        by_name[officer.name].append(officer)
    return by_name


def load_entries(store: Store) -> list[Entry]:
    seen: dict[str, Entry] = {}
    for row in store.select(load("roster-entries")):
        node = str(row["entry"])
        if node not in seen:
            seen[node] = Entry(node, _name(str(row["name"])), str(row["sex"]) if row["sex"] else None,
                               int(row["born"]) if row["born"] else None, str(row["unit"]), str(row["bodyName"]))
    return list(seen.values())


def compare(entry: Entry, officer: Officer, year: int) -> Match:
    """The features of one (roster entry, officer) pair."""
    match = Match(entry.node, officer.node, "person")
    add = match.features.append
    add(Feature("name", 0.2, f"the same name {entry.name}"))
    unit = _name(entry.unit)
    full = sorted((n for n in officer.firm_names if _name(n) in unit), key=len, reverse=True)
    cores = [n for n in officer.firm_names if len(core_name(n).removeprefix("浙江")) >= 2
             and core_name(n).removeprefix("浙江") in unit]
    if full and any(n.endswith(("公司", "银行")) for n in full):
        add(Feature("work unit", 0.6, f"the roster's work unit {entry.unit} is the officer's firm"))
    elif full or cores:
        add(Feature("work unit", 0.5, f"the roster's work unit {entry.unit} names the officer's firm "
                                      f"({(full or cores)[0]})"))
    elif _ANOTHER_FIRM.search(unit):
        add(Feature("work unit", -0.2, f"the roster's work unit {entry.unit} is another firm"))
    posts = {role for word, role in _POSTS.items() if word in unit}
    if posts & officer.roles:
        add(Feature("post", 0.1, f"the roster gives the post the officer holds ({', '.join(sorted(posts))})"))
    _birth(entry, officer, year, add)
    if entry.sex and officer.sexes:
        if entry.sex in officer.sexes or _sex(entry.sex) in {_sex(s) for s in officer.sexes}:
            add(Feature("sex", 0.05, "the same sex"))
        else:
            add(Feature("sex", 0.0, f"different sex ({entry.sex}, {'/'.join(sorted(officer.sexes))})", contradicts=True))
    return match


def _sex(text: str) -> str:
    return {"男": "male", "女": "female"}.get(text, text)


def _birth(entry: Entry, officer: Officer, year: int, add) -> None:
    if entry.born is None:
        return
    if officer.born:
        if entry.born in officer.born:
            add(Feature("birth year", 0.2, f"both born in {entry.born}"))
        else:
            add(Feature("birth year", 0.0, f"born {entry.born} and {'/'.join(map(str, sorted(officer.born)))}",
                        contradicts=True))
        return
    implied = {year - age for age in officer.ages}
    if any(abs(entry.born - b) <= 1 for b in implied):
        add(Feature("birth year", 0.15, f"born {entry.born}; the report's age implies {sorted(implied)[0]} ±1"))
    elif implied:
        add(Feature("birth year", 0.0, f"born {entry.born}; the report's age implies {sorted(implied)[0]}",
                    contradicts=True))


def match_rosters(store: Store, as_of: date | None = None) -> RosterMatches:
    """Match every roster entry to the officers of its name; rewrite the ``ROSTERS`` graph."""
    year = (as_of or date.today()).year - 1
    officers = load_officers(store)
    entries = load_entries(store)
    same, not_same = user_judgements(store)
    result = RosterMatches(len(entries))
    for entry in entries:
        candidates = [compare(entry, o, year) for o in officers.get(entry.name, [])]
        candidates = [m for m in candidates if frozenset((m.subject, m.candidate)) not in not_same]
        forced = [m for m in candidates if frozenset((m.subject, m.candidate)) in same]
        linked, review = (forced, []) if forced else decide(candidates)
        result.linked += linked
        result.review += review
    _write(store, result)
    return result


def _write(store: Store, result: RosterMatches) -> None:
    now = Literal(datetime.now(timezone.utc).isoformat(), datatype=XSD.dateTime)
    quads = []
    for match, decision in [(m, CSCS.Same) for m in result.linked] + \
                           [(m, CSCS.Unsure) for m in result.review if m.score >= REVIEW]:
        node = ID[f"judgement/roster/{key_digest(match.subject, match.candidate)}"]
        facts: list[tuple[NamedNode, NamedNode | Literal]] = [
            (RDF.type, CSCS.Judgement), (CSCS.matchSubject, NamedNode(match.subject)),
            (CSCS.matchCandidate, NamedNode(match.candidate)), (CSCS.matchDecision, decision),
            (CSCS.matchScore, Literal(str(match.score), datatype=XSD.decimal)),
            (CSCS.matchEvidence, Literal(match.evidence)), (CSCS.matchKind, Literal("person")),
            (PROV.wasAttributedTo, Literal(MATCHER)), (DCTERMS.created, now)]
        quads += [Quad(node, p, o, ROSTERS) for p, o in facts]
    quads += [Quad(NamedNode(m.subject), CSCS.resolvedTo, NamedNode(m.candidate), ROSTERS) for m in result.linked]
    store.replace_graph(ROSTERS, quads)
    store.flush()
