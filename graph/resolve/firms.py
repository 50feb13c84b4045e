"""Candidate firms for firm nodes that lack a USCC or organisation code.

A firm known by its USCC (or its organisation code) is keyed by that code at
extraction, deterministically. Other nodes — a record naming its firm by the old
15-digit registration number, by a masked USCC (``9114082306****333G``), by a
former name, an English name or a name only — are matched here.

Blocking keeps it near-linear: candidates come only from an index on the same
registration number, the same characters in the positions a masked code shows,
or the same name core (current, former or English name without its legal form).
``bench/resolution_bench.py`` runs this code on a million records against three
million firms, so a :class:`FirmNode` holds only what blocking and :func:`compare`
read, as tuples of shared strings.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from cscs.extract.identifiers import USCC_ALPHABET, patterns_agree, uscc_check_char
from cscs.extract.names import core_of_key, english_core_of_key, english_key, is_english, name_key
from cscs.ontology.namespaces import CSCS, ROV

from .model import Feature, Match

_P = {CSCS.uscc.value: "uscc", CSCS.organizationCode.value: "orgcode", CSCS.registrationNumber.value: "regno",
      CSCS.maskedCode.value: "masked", ROV.legalName.value: "names", CSCS.formerName.value: "former",
      CSCS.englishName.value: "english", CSCS.areaCode.value: "area", "legalRepresentative": "reps"}
_NONE: tuple[str, ...] = ()
#: A masked code is a blocking key only when it shows at least this many characters.
MIN_VISIBLE = 8
#: The real mask of a USCC (9114082306****333G): ten characters shown, four hidden, four shown.
USCC_MASK = tuple(range(10)) + tuple(range(14, 18))
_USCC_CHARS = set(USCC_ALPHABET)
#: Names this close (edit distance) and this long are "one character differs".
NEAR_LENGTH = 6


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    if not values:
        return _NONE
    values = values if isinstance(values, (set, frozenset)) else set(values)
    if len(values) < 2:
        return tuple(values) if values else _NONE
    return tuple(sorted(values))


class FirmNode:
    """A firm node as resolution sees it: codes, name keys (normalised at build time:
    width, script, brackets, case; English names by :func:`english_key`), area codes and
    the names of its legal representatives. Slotted and tuple-valued to stay small."""

    __slots__ = ("iri", "uscc", "orgcode", "regno", "masked", "area", "names", "former", "english", "reps")

    def __init__(self, iri: str, uscc: tuple[str, ...] = _NONE, orgcode: tuple[str, ...] = _NONE,
                 regno: tuple[str, ...] = _NONE, masked: tuple[str, ...] = _NONE, area: tuple[str, ...] = _NONE,
                 names: tuple[str, ...] = _NONE, former: tuple[str, ...] = _NONE,
                 english: tuple[str, ...] = _NONE, reps: tuple[str, ...] = _NONE):
        self.iri, self.uscc, self.orgcode, self.regno, self.masked = iri, uscc, orgcode, regno, masked
        self.area, self.names, self.former, self.english, self.reps = area, names, former, english, reps

    @classmethod
    def build(cls, iri: str, *, uscc: Iterable[str] = (), orgcode: Iterable[str] = (), regno: Iterable[str] = (),
              masked: Iterable[str] = (), area: Iterable[str] = (), names: Iterable[str] = (),
              former: Iterable[str] = (), english: Iterable[str] = (), reps: Iterable[str] = ()) -> "FirmNode":
        """A node from published values. Chinese names become :func:`name_key` keys,
        English ones (an English name, or a legal or former name in Latin letters)
        :func:`english_key` keys; an organisation code or area code that the USCC
        already carries is not stored twice."""
        names, former, english = list(names), list(former), list(english)
        english += [n for n in names + former if is_english(n)]
        zh_names = {name_key(n) for n in names if not is_english(n)}
        zh_former = {name_key(n) for n in former if not is_english(n)} - zh_names
        uscc = set(uscc)
        return cls(
            sys.intern(iri), _tuple(uscc), _tuple(set(orgcode) - {u[8:17] for u in uscc}), _tuple(regno),
            _tuple(masked), _tuple(sys.intern(a) for a in set(area) - {u[2:8] for u in uscc}),
            _tuple(zh_names), _tuple(zh_former), _tuple(k for k in map(english_key, english) if k),
            _tuple(sys.intern(r) for r in reps))

    @property
    def canonical(self) -> bool:
        return bool(self.uscc or self.orgcode)

    def orgcodes(self) -> set[str]:
        return set(self.orgcode) | {u[8:17] for u in self.uscc}

    def areas(self) -> set[str]:
        return set(self.area) | {u[2:8] for u in self.uscc}

    def zh(self) -> set[str]:
        """Keys of every Chinese name, current and former."""
        return set(self.names) | set(self.former)

    def cores(self) -> set[str]:
        """Blocking keys: every name without its legal form."""
        return {core_of_key(k) for k in self.names + self.former} | {english_core_of_key(k) for k in self.english}

    def __repr__(self) -> str:
        return f"FirmNode({self.iri!r})"


def load(rows) -> dict[str, FirmNode]:
    """Firm nodes from the rows of ``queries/resolve-firms.rq``."""
    raw: dict[str, dict[str, set[str]]] = {}
    for row in rows:
        kind = _P.get(str(row["property"]))
        if kind:
            raw.setdefault(str(row["firm"]), defaultdict(set))[kind].add(str(row["value"]))
    return {iri: FirmNode.build(iri, **values) for iri, values in raw.items()}


def _put(index: dict, key, node: FirmNode) -> None:
    """One node per key, a list only where a key is shared (most keys are not)."""
    found = index.get(key)
    if found is None:
        index[key] = node
    elif isinstance(found, list):
        found.append(node)
    else:
        index[key] = [found, node]


def _get(index: dict, key) -> list[FirmNode]:
    found = index.get(key)
    return [] if found is None else found if isinstance(found, list) else [found]


def _runs(shown: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """Visible positions as slices: (0..9, 14..17) → ((0, 10), (14, 18))."""
    runs: list[list[int]] = []
    for i in shown:
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    return tuple((a, b) for a, b in runs)


def _visible(code: str, runs: tuple[tuple[int, int], ...]) -> str:
    return "".join(code[a:b] for a, b in runs)


class FirmIndex:
    """Blocking indexes over the firms known by a USCC or organisation code.

    Keys are hashes of the strings (collisions only add a candidate that
    :func:`compare` then rejects), so an index costs little beyond its firms."""

    def __init__(self, nodes: Iterable[FirmNode] | dict[str, FirmNode]):
        self.firms: list[FirmNode] = []
        self.by_regno: dict[str, FirmNode | list[FirmNode]] = {}
        self.by_name: dict[int, FirmNode | list[FirmNode]] = {}
        usual = (_runs(USCC_MASK), 18)
        self.by_mask: dict[tuple, dict[int, FirmNode | list[FirmNode]]] = {usual: {}}
        by_usual_mask = self.by_mask[usual]
        runs = usual[0]
        for node in nodes.values() if isinstance(nodes, dict) else nodes:
            if not node.canonical:
                continue
            self.firms.append(node)
            for regno in node.regno:
                _put(self.by_regno, regno, node)
            for uscc in node.uscc:
                _put(by_usual_mask, hash(_visible(uscc, runs)), node)
            for core in node.cores():
                _put(self.by_name, hash(core), node)

    def _mask_index(self, runs: tuple[tuple[int, int], ...], length: int) -> dict:
        """The index on the characters a mask shape shows, built the first time it is met."""
        index = self.by_mask.get((runs, length))
        if index is None:
            index = self.by_mask[(runs, length)] = {}
            for node in self.firms:
                for code in node.uscc if length == 18 else node.orgcodes():
                    _put(index, hash(_visible(code, runs)), node)
        return index

    def candidates(self, alias: FirmNode) -> list[FirmNode]:
        found: dict[str, FirmNode] = {}
        for regno in alias.regno:
            found.update((n.iri, n) for n in _get(self.by_regno, regno))
        for masked in alias.masked:
            shown = tuple(i for i, c in enumerate(masked) if c != "*")
            if len(masked) in (9, 18) and len(shown) >= MIN_VISIBLE:
                runs = _runs(shown)
                found.update((n.iri, n) for n in _get(self._mask_index(runs, len(masked)),
                                                      hash(_visible(masked, runs))))
        for core in alias.cores():
            found.update((n.iri, n) for n in _get(self.by_name, hash(core)))
        return list(found.values())


def compare(alias: FirmNode, firm: FirmNode) -> Match:
    match = Match(alias.iri, firm.iri, "firm")
    add = match.features.append
    for regno in alias.regno:
        if regno in firm.regno:
            add(Feature("registration number", 1.0, f"{regno} is registered to this firm"))
        elif firm.regno:
            add(Feature("registration number", 0.0, f"{regno} differs from the firm's", contradicts=True))
    for masked in alias.masked:
        _masked(masked, firm, add)
    _area(alias, firm, add)
    _names(alias, firm, add)
    _representatives(alias, firm, add)
    _several_firms(alias, firm, add)
    return match


def _several_firms(alias: FirmNode, firm: FirmNode, add) -> None:
    """A node keyed by a masked code or a registration number collects every record that
    prints that code; when they print names of different firms (not variants: neither
    the same core nor one character apart, and under 80% alike; nor the firm's current
    and former names), two firms share the code's visible characters and the node holds
    both. It may be linked only by a user (or by a code that settles it)."""
    names = sorted(alias.names)
    known = firm.zh()
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if core_of_key(a) != core_of_key(b) and Levenshtein.distance(a, b, score_cutoff=1) > 1 \
                    and fuzz.ratio(a, b) < 80 and not {a, b} <= known:
                add(Feature("several firms", -0.5, f"the records under this code name different firms ({a} / {b})"))
                return


def _masked(masked: str, firm: FirmNode, add) -> None:
    """A masked USCC against the firm's USCC (or, for a firm known only by its
    organisation code, against that code inside it); a masked organisation code
    against the organisation code."""
    if len(masked) == 18 and firm.uscc:
        pairs = [(masked, u, "USCC") for u in firm.uscc]
    elif len(masked) in (9, 18) and firm.orgcodes():
        part = masked[8:17] if len(masked) == 18 else masked
        pairs = [(part, o, "organisation code") for o in sorted(firm.orgcodes())]
    else:
        return  # nothing to compare it with
    agree = [(patterns_agree(a, b), what) for a, b, what in pairs]
    hits = [(n, what) for (ok, n), what in agree if ok]
    if hits:
        shown, what = max(hits)
        add(Feature("masked code", 0.3, f"{masked} agrees with the {what} in all {shown} visible characters"))
        if len(masked) == 18 and not firm.uscc:
            _rebuilt_check(masked, firm, add)
    else:
        add(Feature("masked code", 0.0, f"{masked} contradicts the firm's {pairs[0][2]}", contradicts=True))


def _rebuilt_check(masked: str, firm: FirmNode, add) -> None:
    """A masked USCC against a firm known only by its organisation code: the USCC's
    characters 9-17 are that code, so the masked code's visible head (authority, kind,
    area: characters 1-8) and the organisation code make the whole first 17 characters,
    and the check character they compute must be the one the masked code shows. When it
    is, the masked code agrees with a full USCC in every visible character, as it would
    with a firm known by its USCC (masked code and registration area); when it is not,
    the codes are likely another firm's (or a code issued with a wrong check character,
    which happens: GB 32100-2015), so it weighs against without ruling the pair out."""
    head, check = masked[:8], masked[17]
    if "*" in head or check == "*":
        return
    for org in sorted(firm.orgcodes()):
        if patterns_agree(masked[8:17], org)[0] and set(head + org) <= _USCC_CHARS:
            rebuilt = head + org + uscc_check_char(head + org)
            if rebuilt[17] == check:
                add(Feature("check character", 0.2, f"{masked} and the organisation code {org} make the USCC "
                            f"{rebuilt}, whose check character {check} the masked code shows"))
            else:
                add(Feature("check character", -0.3, f"{masked} and the organisation code {org} make a USCC "
                            f"whose check character is {rebuilt[17]}, not {check}"))
            return


def _names(alias: FirmNode, firm: FirmNode, add) -> None:
    mine, theirs = alias.zh(), firm.zh()
    if mine and theirs:
        if mine & set(firm.names):
            add(Feature("name", 0.7, "the same full name (after width, script and bracket normalisation)"))
        elif hit := mine & set(firm.former):
            add(Feature("former name", 0.7, f"{min(hit)} is the firm's former name (曾用名)"))
        elif {core_of_key(k) for k in mine} & {core_of_key(k) for k in theirs}:
            # at REVIEW: a name that differs only in its legal form is plausible on its own
            # (a user decides); it links only with a code that agrees
            add(Feature("name", 0.5, "the same name but for the legal form (有限公司 / 有限责任公司 …)"))
        elif near := [(a, b) for a in mine for b in theirs
                      if min(len(a), len(b)) >= NEAR_LENGTH and Levenshtein.distance(a, b, score_cutoff=1) <= 1]:
            a, b = min(near)
            add(Feature("name", 0.4, f"one character differs ({a} / {b}): a typo or a variant"))
        else:
            best = max(fuzz.ratio(a, b) for a in mine for b in theirs)
            if best < 80:
                add(Feature("name", 0.0, f"names differ (similarity {best:.0f}%)", contradicts=True))
            else:
                add(Feature("name", 0.1, f"similar names (similarity {best:.0f}%)"))
        return
    # English names count only where Chinese names cannot be compared: a translation
    # is not evidence independent of the name it translates.
    if alias.english and firm.english:
        if set(alias.english) & set(firm.english):
            add(Feature("English name", 0.7, "the same English name (after case, punctuation and "
                        "Co., Ltd. / Company Limited normalisation)"))
        elif {english_core_of_key(k) for k in alias.english} & {english_core_of_key(k) for k in firm.english}:
            add(Feature("English name", 0.3, "the same English name but for the legal form"))
        else:
            add(Feature("English name", 0.0, "different English names (translations vary: not a contradiction)"))


def _area(alias: FirmNode, firm: FirmNode, add) -> None:
    """The registration area a registration number (digits 1-6) or a masked USCC
    (characters 3-8) shows, against the USCC's."""
    shown = {r[:6] for r in alias.regno} | {m[2:8] for m in alias.masked if len(m) == 18 and "*" not in m[2:8]}
    areas = firm.areas()
    if not shown or not areas:
        return
    if shown & areas:
        add(Feature("registration area", 0.2, f"registered in {', '.join(sorted(shown & areas))} like the firm"))
    else:
        add(Feature("registration area", -0.3, f"registered in {', '.join(sorted(shown))}, the firm in "
                    f"{', '.join(sorted(areas))}"))


def _representatives(alias: FirmNode, firm: FirmNode, add) -> None:
    mine, theirs = set(alias.reps), set(firm.reps)
    if not mine or not theirs:
        return
    if mine & theirs:
        add(Feature("legal representative", 0.1, f"{', '.join(sorted(mine & theirs))} represents both"))
    else:
        add(Feature("legal representative", -0.2, "different legal representatives (may have changed)"))
