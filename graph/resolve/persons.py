"""Which person nodes are the same person.

A person is keyed at extraction by name and ID number (full or masked), or, with no
ID, by name within the firm (or the document) they appear in. Two nodes are the same
person here only on evidence beyond the name: ID patterns that agree in every
position both show (the two real mask styles differ), or the same firm and a role
there. Two people with the same name are different people unless evidence says
otherwise; a contradiction (IDs, sex, age) rules a pair out whatever else agrees.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from cscs.extract.identifiers import birth_year, id_pattern, patterns_agree
from cscs.extract.names import simplified
from cscs.ontology.namespaces import CSCS, FOAF

from .model import Feature, Match

_P = {FOAF.name.value: "name", CSCS.idNumber.value: "id", FOAF.gender.value: "sex", CSCS.age.value: "age"}
MIN_SHARED_POSITIONS = 12  # visible ID positions both must show to count as agreement
AGES_PUBLISHED_FROM = 2013  # the first published lists with ages (the court's list began in 2013)


@dataclass
class PersonNode:
    iri: str
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    roles: set[tuple[str, str]] = field(default_factory=set)  # (firm, role)

    @property
    def name(self) -> str:
        return simplified(min(self.values["name"])) if self.values["name"] else ""

    @property
    def patterns(self) -> set[str]:
        return {p for p in (id_pattern(i) for i in self.values["id"]) if p}

    @property
    def firms(self) -> set[str]:
        return {firm for firm, _ in self.roles}


def load(rows) -> dict[str, PersonNode]:
    nodes: dict[str, PersonNode] = {}
    for row in rows:
        node = nodes.setdefault(str(row["person"]), PersonNode(str(row["person"])))
        if row["property"] == "role":
            node.roles.add((str(row["firm"]), str(row["value"]).rsplit("#", 1)[-1]))
        elif kind := _P.get(str(row["property"])):
            node.values[kind].add(str(row["value"]))
    return nodes


def pairs(nodes: dict[str, PersonNode], firm_of: dict[str, str] | None = None
          ) -> list[tuple[PersonNode, PersonNode]]:
    """Candidate pairs: the same (Simplified) name, and within a name, only nodes that
    could reach REVIEW — a role in the same firm (after firm resolution: ``firm_of``
    maps a firm node to the firm it was resolved to), or ID numbers showing the same
    first six digits (birth area; a number hiding them pairs with every number). A
    pair with neither scores the name alone, so a common name costs no quadratic work."""
    firm_of = firm_of or {}
    by_name: dict[str, list[PersonNode]] = defaultdict(list)
    for node in nodes.values():
        if node.name:
            by_name[node.name].append(node)
    out: dict[tuple[str, str], tuple[PersonNode, PersonNode]] = {}
    for group in by_name.values():
        if len(group) < 2:
            continue
        buckets: dict[tuple[str, str], list[PersonNode]] = defaultdict(list)
        wild: list[PersonNode] = []
        with_id: list[PersonNode] = []
        for node in group:
            for firm in node.firms:
                buckets[("firm", firm_of.get(firm, firm))].append(node)
            heads = {p[:6] for p in node.patterns}
            if heads:
                with_id.append(node)
            for head in heads:
                if "?" in head:
                    wild.append(node)
                else:
                    buckets[("id", head)].append(node)
        for w in wild:
            buckets[("wild", w.iri)] = [w, *with_id]
        for members in buckets.values():
            members = sorted({n.iri: n for n in members}.values(), key=lambda n: n.iri)
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    out.setdefault((a.iri, b.iri), (a, b))
    return [out[k] for k in sorted(out)]


def orient(a: PersonNode, b: PersonNode) -> tuple[PersonNode, PersonNode]:
    """(alias, canonical): the canonical node is the one holding roles, else the one
    showing more of its ID, else the first by IRI — so links always point one way."""
    def rank(n: PersonNode) -> tuple:
        shown = max((sum(c != "?" for c in p) for p in n.patterns), default=0)
        return (bool(n.roles), shown, n.iri)
    return (a, b) if rank(a) < rank(b) else (b, a)


def compare(alias: PersonNode, person: PersonNode, today: date | None = None,
            firm_of: dict[str, str] | None = None) -> Match:
    match = Match(alias.iri, person.iri, "person")
    add = match.features.append
    add(Feature("name", 0.2, f"the same name {alias.name}"))
    if alias.patterns and person.patterns:
        agree = [patterns_agree(a, b) for a in alias.patterns for b in person.patterns]
        shown = max((n for ok, n in agree if ok), default=0)
        if not any(ok for ok, _ in agree):
            add(Feature("ID number", 0.0, "the ID numbers differ where both are visible", contradicts=True))
        elif shown >= MIN_SHARED_POSITIONS:
            add(Feature("ID number", 0.75, f"the ID numbers agree in all {shown} positions both show"))
        else:
            add(Feature("ID number", 0.2, f"the ID numbers agree in the {shown} positions both show"))
    firm_of = firm_of or {}
    shared = {firm_of.get(f, f) for f in alias.firms} & {firm_of.get(f, f) for f in person.firms}
    if shared:
        add(Feature("firm", 0.7, "both hold a role in the same firm" + (
            "" if alias.firms & person.firms else " (once the firm nodes are resolved)")))
    _sex_and_age(alias, person, add, today or date.today())
    return match


def _sex_and_age(alias: PersonNode, person: PersonNode, add, today: date) -> None:
    if alias.values["sex"] and person.values["sex"] and not alias.values["sex"] & person.values["sex"]:
        add(Feature("sex", 0.0, "different sex", contradicts=True))
    years = {y for p in alias.patterns | person.patterns if (y := birth_year(p))}
    ages = {int(a) for a in alias.values["age"] | person.values["age"] if a.isdigit()}
    if len(years) > 1:
        add(Feature("birth year", 0.0, f"different birth years {sorted(years)}", contradicts=True))
    elif years and ages and (misfit := sorted(a for a in ages if not _age_fits(a, min(years), today))):
        add(Feature("age", 0.0, f"age {misfit} was never the age of someone born in {min(years)} "
                    f"between {AGES_PUBLISHED_FROM} and {today.year}", contradicts=True))


def _age_fits(age: int, year: int, today: date) -> bool:
    """Whether a published age can be that of someone born in ``year``. Ages are undated
    snapshots (the age when the list was published, years ago perhaps), so an age fits
    if it was the person's age (±1) at some time from AGES_PUBLISHED_FROM to today."""
    return AGES_PUBLISHED_FROM - year - 1 <= age <= today.year - year + 1
