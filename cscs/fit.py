"""Whether a rubric fits what it is asked to score, said as warnings instead of a
silent fallback.

A score is the province's only when the rubric was in force on the date and the firm
is one the province rates. Two things are checked:

- the date: before the effective date of the rubric used (when no rubric in the graph
  was in force then, :meth:`cscs.api.Graph.rubric` falls back to the latest one);
- the place: a firm registered outside the rubric's jurisdiction, read from the area
  code of its USCC (positions 3-8; a masked USCC keeps them), or, for a firm known by
  name only, from the departments that published its records, when their names begin
  with a province (``山西省…``, ``国家税务总局山西省…``). The province is the first two
  digits of the area code (GB/T 2260), against the rubric's ``jurisdiction_code``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import resources

from pyoxigraph import NamedNode

from cscs.graph.protocol import Store
from cscs.graph.queries import load

CHUNK = 5_000


@cache
def provinces() -> dict[str, tuple[str, str]]:
    """Two-digit code → (Chinese short name, English name), from ontology/provinces.ttl."""
    import pyoxigraph as ox

    data = resources.files("cscs.ontology").joinpath("provinces.ttl").read_bytes()
    out: dict[str, dict[str, str]] = {}
    for triple in ox.parse(data, format=ox.RdfFormat.TURTLE):
        entry = out.setdefault(triple.subject.value, {})
        name = triple.predicate.value.rsplit("#", 1)[-1]
        if name == "notation":
            entry["code"] = triple.object.value
        elif name == "prefLabel":
            entry[triple.object.language or ""] = triple.object.value
    return {e["code"]: (e["zh"], e["en"]) for e in out.values() if "code" in e}


@cache
def _department_province() -> re.Pattern[str]:
    names = sorted((zh for zh, _ in provinces().values()), key=len, reverse=True)
    return re.compile(r"^(?:国家税务总局|中国人民银行|国家金融监督管理总局)?(" + "|".join(names) + ")")


def province_name(code: str) -> str:
    zh, en = provinces().get(code[:2], ("?", "?"))
    return f"{en} ({zh}, {code[:2]})"


def date_warning(rubric: dict, day: date) -> str | None:
    """A warning when ``day`` is before the rubric's effective date."""
    start = rubric.get("effectiveFrom")
    if start is not None and day < start:
        return (f"{day.isoformat()} is before {rubric['id']} took effect ({start.isoformat()}): "
                f"scored under it anyway")
    return None


def place_warnings(store: Store, rubric: dict, firms: list[str]) -> dict[str, str]:
    """Firm IRI → a warning, for the firms registered (or published) outside the
    rubric's jurisdiction; the others are absent."""
    home = str(rubric.get("jurisdictionCode") or "")[:2]
    if not home.isdigit() or not firms:
        return {}
    out: dict[str, str] = {}
    for start in range(0, len(firms), CHUNK):
        found: dict[str, tuple[set[str], set[str]]] = {}
        nodes = [NamedNode(f) for f in firms[start:start + CHUNK]]
        for row in store.select(load("firm-places"), firm=nodes):
            codes, issuers = found.setdefault(str(row["firm"]), (set(), set()))
            if row["code"] and str(row["code"])[2:4].isdigit():
                codes.add(str(row["code"])[2:8])
            if row["issuerLabel"]:
                issuers.add(str(row["issuerLabel"]))
        for firm, (codes, issuers) in found.items():
            warning = _place_warning(rubric, home, codes, issuers)
            if warning:
                out[firm] = warning
    return out


def _place_warning(rubric: dict, home: str, codes: set[str], issuers: set[str]) -> str | None:
    where = f"{rubric['id']}'s jurisdiction, {province_name(home)}"
    if codes:
        if all(code[:2] != home for code in codes):
            code = min(codes)
            return f"registered in area {code}, {province_name(code)}: outside {where}"
        return None
    away: dict[str, str] = {}
    for issuer in sorted(issuers):
        match = _department_province().match(issuer)
        if match:
            code = next(c for c, (zh, _) in provinces().items() if zh == match.group(1))
            away.setdefault(code, issuer)
    if away and home not in away:
        code, issuer = min(away.items())
        return f"its records were published in {province_name(code)} (by {issuer}): outside {where}"
    return None
