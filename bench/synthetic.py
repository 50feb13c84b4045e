"""A synthetic scored population written straight as quads (no documents), for benchmarks.

Firms with valid USCCs, a legal representative each, and records at a realistic
density (about 0.5 per firm: most firms none, a long tail several) spread over
the record kinds of the Zhejiang rubric, some expired, removed or repaired.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from pyoxigraph import Literal, Quad

from cscs.extract.context import lit
from cscs.extract.identifiers import make_uscc
from cscs.ontology.namespaces import CSCS, DOC, ID, ORG, PROV, RDF, ROV

KINDS = ["AbnormalOperation", "AbnormalTaxpayer", "AdministrativePenalty", "SeriousDishonest",
         "DishonestJudgmentDebtor", "TaxArrears", "SafetyHazard", "Donation", "VolunteerService",
         "Honour", "RedList"]
AREAS = ["330102", "330106", "330108", "330110", "330183", "330203", "330302", "330402"]


def population(firms: int, seed: int = 1) -> Iterator[Quad]:
    rng = random.Random(seed)
    graph = DOC["synthetic"]
    start = date(2017, 1, 1)
    for i in range(firms):
        uscc = make_uscc(rng.choice(AREAS), f"{i:08d}".replace("0", "A", 1) if i % 7 == 0 else f"{i:08d}")
        firm = ID[f"enterprise/oc-{uscc[8:17]}"]
        yield Quad(firm, RDF.type, CSCS.Enterprise, graph)
        yield Quad(firm, CSCS.uscc, Literal(uscc), graph)
        yield Quad(firm, ROV.legalName, Literal(f"企业{i}有限公司", language="zh"), graph)
        person = ID[f"person/p{i}"]
        membership = ID[f"membership/m{i}"]
        yield Quad(person, RDF.type, CSCS.Person, graph)
        yield Quad(membership, ORG.member, person, graph)
        yield Quad(membership, ORG.organization, firm, graph)
        yield Quad(membership, ORG.role, CSCS.LegalRepresentative, graph)
        count = 0 if rng.random() < 0.75 else min(int(rng.expovariate(0.6)) + 1, 8)
        for j in range(count):
            record = ID[f"record/s{i}-{j}"]
            kind = rng.choice(KINDS)
            subject = person if kind == "DishonestJudgmentDebtor" and rng.random() < 0.3 else firm
            valid_from = start + timedelta(days=rng.randrange(0, 2700))
            yield Quad(record, RDF.type, CSCS.ListEntry, graph)
            yield Quad(record, CSCS.recordKind, CSCS[kind], graph)
            yield Quad(record, CSCS.subject, subject, graph)
            yield Quad(record, CSCS.validFrom, lit(valid_from), graph)
            yield Quad(record, PROV.wasDerivedFrom, graph, graph)
            if rng.random() < 0.15:
                yield Quad(record, CSCS.removedOn, lit(valid_from + timedelta(days=400)), graph)


@dataclass(frozen=True)
class Planted:
    """One record the generator planted: what the scorer must find."""

    record: str  # IRIs as plain strings
    kind: str  # the local name of its cscs: kind
    subject: str
    valid_from: date
    removed_on: date | None


@dataclass(frozen=True)
class SyntheticFirm:
    """One firm of :func:`write_nquads`'s population, with its legal representative and records."""

    index: int
    uscc: str
    firm: str
    person: str
    membership: str
    records: tuple[Planted, ...]


def planted(firms: int, seed: int = 1, record_share: float = 0.12) -> Iterator[SyntheticFirm]:
    """The population :func:`write_nquads` writes, firm by firm, as data: replaying it
    is how the scale bench knows every firm's true score without asking the store.

    ``record_share`` of the firms have records (a geometric tail of 1 to 8; 0.12 gives
    about 0.24 records per firm, the province generator's density)."""
    rng = random.Random(seed)
    ident = str(ID)
    start = date(2017, 1, 1).toordinal()
    for i in range(firms):
        uscc = make_uscc(AREAS[i % len(AREAS)], f"{i:08d}".replace("0", "A", 1) if i % 7 == 0 else f"{i:08d}")
        firm = f"{ident}enterprise/oc-{uscc[8:17]}"
        person = f"{ident}person/p{i}"
        count = min(int(rng.expovariate(0.7)) + 1, 8) if rng.random() < record_share else 0
        records = []
        for j in range(count):
            kind = rng.choice(KINDS)
            subject = person if kind == "DishonestJudgmentDebtor" and rng.random() < 0.3 else firm
            day = date.fromordinal(start + rng.randrange(0, 2700))
            removed = day + timedelta(days=400) if rng.random() < 0.15 else None
            records.append(Planted(f"{ident}record/s{i}-{j}", kind, subject, day, removed))
        yield SyntheticFirm(i, uscc, firm, person, f"{ident}membership/m{i}", tuple(records))


def write_nquads(path, firms: int, seed: int = 1, record_share: float = 0.12,
                 graphs: int = 8) -> int:
    """The population of :func:`planted` as N-Quads text for Oxigraph's bulk loader
    (building Quad objects in Python is the slow part at millions of firms): a legal
    representative per firm, each record's kind, subject, validFrom and removal.

    Facts are spread over ``graphs`` document graphs, as ingested lists would be, so the
    union default graph behaves as it does on real data. Returns the number of quads written.
    """
    ns = str(CSCS)
    xsd_date = "<http://www.w3.org/2001/XMLSchema#date>"
    rdf_type, subject_p = f"<{RDF.type.value}>", f"<{ns}subject>"
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        lines: list[str] = []
        for f in planted(firms, seed, record_share):
            g = f"<{str(DOC)}synthetic-{f.index % graphs}>"
            firm, person, membership = f"<{f.firm}>", f"<{f.person}>", f"<{f.membership}>"
            lines += [f"{firm} {rdf_type} <{ns}Enterprise> {g} .",
                      f'{firm} <{ns}uscc> "{f.uscc}" {g} .',
                      f'{firm} <{ROV.legalName.value}> "企业{f.index}有限公司"@zh {g} .',
                      f"{person} {rdf_type} <{ns}Person> {g} .",
                      f"{membership} <{ORG.member.value}> {person} {g} .",
                      f"{membership} <{ORG.organization.value}> {firm} {g} .",
                      f"{membership} <{ORG.role.value}> <{ns}LegalRepresentative> {g} ."]
            for r in f.records:
                record = f"<{r.record}>"
                lines += [f"{record} {rdf_type} <{ns}ListEntry> {g} .",
                          f"{record} <{ns}recordKind> <{ns}{r.kind}> {g} .",
                          f"{record} {subject_p} <{r.subject}> {g} .",
                          f'{record} <{ns}validFrom> "{r.valid_from.isoformat()}"^^{xsd_date} {g} .',
                          f"{record} <{PROV.wasDerivedFrom.value}> {g} {g} ."]
                if r.removed_on is not None:
                    lines.append(f'{record} <{ns}removedOn> "{r.removed_on.isoformat()}"^^{xsd_date} {g} .')
            if len(lines) > 100_000:
                out.write("\n".join(lines) + "\n")
                written += len(lines)
                lines = []
        out.write("\n".join(lines) + "\n")
        written += len(lines)
    return written
