"""Candidate firms for firm nodes that lack a USCC or organisation code.

A firm known by its USCC (or its organisation code) is keyed by that code at
extraction, deterministically. Other nodes — a record naming its firm by the old
15-digit registration number, by a masked USCC (``9114082306****333G``), or by
name only — are matched here. Blocking keeps it near-linear: candidates come
only from an index on the same registration number, the same visible code
prefix, or the same normalised name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from cscs.extract.identifiers import patterns_agree
from cscs.extract.names import core_name, name_key

from ..namespaces import CSCS, ROV
from .model import Feature, Match

_P = {CSCS.uscc.value: "uscc", CSCS.organizationCode.value: "orgcode", CSCS.registrationNumber.value: "regno",
      CSCS.maskedCode.value: "masked", ROV.legalName.value: "name", CSCS.formerName.value: "name",
      CSCS.areaCode.value: "area", "legalRepresentative": "rep"}


@dataclass
class FirmNode:
    iri: str
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def canonical(self) -> bool:
        return bool(self.values["uscc"] or self.values["orgcode"])

    def names(self) -> set[str]:
        return {name_key(n) for n in self.values["name"]}

    def cores(self) -> set[str]:
        return {core_name(n) for n in self.values["name"]}


def load(rows) -> dict[str, FirmNode]:
    nodes: dict[str, FirmNode] = {}
    for row in rows:
        kind = _P.get(str(row["property"]))
        if kind:
            nodes.setdefault(str(row["firm"]), FirmNode(str(row["firm"]))).values[kind].add(str(row["value"]))
    return nodes


class FirmIndex:
    """Blocking indexes over the firms known by a USCC or organisation code."""

    def __init__(self, nodes: dict[str, FirmNode]):
        self.by_regno: dict[str, list[FirmNode]] = defaultdict(list)
        self.by_prefix: dict[str, list[FirmNode]] = defaultdict(list)
        self.by_name: dict[str, list[FirmNode]] = defaultdict(list)
        for node in nodes.values():
            if not node.canonical:
                continue
            for regno in node.values["regno"]:
                self.by_regno[regno].append(node)
            for uscc in node.values["uscc"]:
                self.by_prefix[uscc[:8]].append(node)
            for key in node.names() | node.cores():
                self.by_name[key].append(node)

    def candidates(self, alias: FirmNode) -> list[FirmNode]:
        found: dict[str, FirmNode] = {}
        for regno in alias.values["regno"]:
            found.update((n.iri, n) for n in self.by_regno.get(regno, []))
        for masked in alias.values["masked"]:
            if "*" not in masked[:8]:
                found.update((n.iri, n) for n in self.by_prefix.get(masked[:8], []))
        for key in alias.names() | alias.cores():
            found.update((n.iri, n) for n in self.by_name.get(key, []))
        return list(found.values())


def compare(alias: FirmNode, firm: FirmNode) -> Match:
    match = Match(alias.iri, firm.iri, "firm")
    add = match.features.append
    for regno in alias.values["regno"]:
        if regno in firm.values["regno"]:
            add(Feature("registration number", 1.0, f"{regno} is registered to this firm"))
        elif firm.values["regno"]:
            add(Feature("registration number", 0.0, f"{regno} differs from the firm's", contradicts=True))
    for masked in alias.values["masked"]:
        agree = [patterns_agree(masked, u) for u in firm.values["uscc"]]
        if any(ok for ok, _ in agree):
            shown = max(n for ok, n in agree if ok)
            add(Feature("masked code", 0.3, f"{masked} agrees with the USCC in all {shown} visible characters"))
        else:
            add(Feature("masked code", 0.0, f"{masked} contradicts the firm's USCC", contradicts=True))
    _area(alias, firm, add)
    _names(alias, firm, add)
    _representatives(alias, firm, add)
    return match


def _names(alias: FirmNode, firm: FirmNode, add) -> None:
    if not alias.values["name"] or not firm.values["name"]:
        return
    if alias.names() & firm.names():
        add(Feature("name", 0.7, "the same full name (after width, script and bracket normalisation)"))
    elif alias.cores() & firm.cores():
        add(Feature("name", 0.3, "the same name but for the legal form (有限公司 / 有限责任公司 …)"))
    else:
        best = max(fuzz.ratio(a, b) for a in alias.names() for b in firm.names())
        if best < 80:
            add(Feature("name", 0.0, f"names differ (similarity {best:.0f}%)", contradicts=True))
        else:
            add(Feature("name", 0.1, f"similar names (similarity {best:.0f}%)"))


def _area(alias: FirmNode, firm: FirmNode, add) -> None:
    """The registration area a registration number (digits 1-6) or a masked USCC
    (characters 3-8) shows, against the USCC's."""
    shown = {r[:6] for r in alias.values["regno"]} | {m[2:8] for m in alias.values["masked"] if "*" not in m[2:8]}
    areas = {u[2:8] for u in firm.values["uscc"]} | set(firm.values["area"])
    if not shown or not areas:
        return
    if shown & areas:
        add(Feature("registration area", 0.2, f"registered in {', '.join(sorted(shown & areas))} like the firm"))
    else:
        add(Feature("registration area", -0.3, f"registered in {', '.join(sorted(shown))}, the firm in "
                    f"{', '.join(sorted(areas))}"))


def _representatives(alias: FirmNode, firm: FirmNode, add) -> None:
    mine, theirs = alias.values["rep"], firm.values["rep"]
    if not mine or not theirs:
        return
    if mine & theirs:
        add(Feature("legal representative", 0.1, f"{', '.join(sorted(mine & theirs))} represents both"))
    else:
        add(Feature("legal representative", -0.2, "different legal representatives (may have changed)"))
