"""A synthetic scored population written straight as quads (no documents), for benchmarks.

Firms with valid USCCs, a legal representative each, and records at a realistic
density (about 0.5 per firm: most firms none, a long tail several) spread over
the record kinds of the Zhejiang rubric, some expired, removed or repaired.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from cscs.extract.context import lit
from cscs.extract.identifiers import make_uscc
from cscs.graph.namespaces import CSCS, DOC, ID, ORG, PROV, RDF, ROV

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
