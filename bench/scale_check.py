"""The scale bench's check: every firm's true score, from what the generator planted.

The synthetic province (``synthetic.planted``) is replayed in plain Python, with the
lists the bench ingested into the store since (kept beside it, ``lists_dir``), and each
firm's points per indicator, per category and in total are computed here, sharing no
code with the scorer (no SPARQL, not ``cscs.scoring``): the counting rule as the rubric
describes it, written out again on purpose. The rubric's table (points, polarity, rule,
kinds, scope, roles, validity, grade bands) is read from the store's quads, the same
data the scorer is given.

The check then walks the all-firms score (``scores.compute_all``) and the materialised
score graph (``scores.read_all``) and counts every firm whose total, grade or category
points differ, and every firm missing or extra.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Iterator

from pyoxigraph import Literal, NamedNode
from synthetic import SyntheticFirm, planted

CSCS = "https://w3id.org/cscs/ns#"
PREF_LABEL = NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LISTED_KIND = "AbnormalOperation"  # what the bench's lists (write_listing) record
USCC_COLUMN, DATE_COLUMN = "统一社会信用代码", "列入日期"


@dataclass(frozen=True)
class Indicator:
    iri: str
    category: str
    max_points: int | Decimal
    negative: bool
    per_record: int | Decimal | None  # None: all or nothing
    kinds: frozenset[str]  # local names
    key_personnel: bool
    roles: frozenset[str]  # local names
    months: int | None


@dataclass
class Rubric:
    indicators: list[Indicator]
    bands: list[tuple[int, int, str]]  # (min, max, English label): min <= total < max
    by_kind: dict[str, list[Indicator]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for ind in self.indicators:
            for kind in ind.kinds:
                self.by_kind.setdefault(kind, []).append(ind)

    def baseline(self) -> dict[str, int | Decimal]:
        """Category points of a firm no record reaches: negative indicators at their maximum."""
        out: dict[str, int | Decimal] = {}
        for ind in self.indicators:
            out[ind.category] = out.get(ind.category, 0) + (ind.max_points if ind.negative else 0)
        return out

    def grade(self, total: int | Decimal) -> str | None:
        return next((label for low, high, label in self.bands if low <= total < high), None)


def read_rubric(raw_store, rubric: str) -> Rubric:
    """The rubric's level-3 indicators and grade bands, from the store's quads (no SPARQL)."""
    def objects(s: NamedNode, p: str) -> list:
        return [q.object for q in raw_store.quads_for_pattern(s, NamedNode(CSCS + p), None, None)]

    def one(s: NamedNode, p: str):
        found = objects(s, p)
        return found[0] if found else None

    def local(term) -> str:
        return term.value.removeprefix(CSCS)

    members = {q.subject for q in raw_store.quads_for_pattern(None, NamedNode(CSCS + "inRubric"), NamedNode(rubric), None)}
    indicators, bands = [], []
    for node in sorted(members, key=lambda n: n.value):
        if any(t.value == CSCS + "GradeBand" for t in
               (q.object for q in raw_store.quads_for_pattern(node, RDF_TYPE, None, None))):
            label = next(q.object.value for q in raw_store.quads_for_pattern(node, PREF_LABEL, None, None)
                         if isinstance(q.object, Literal) and q.object.language == "en")
            bands.append((_number(one(node, "minScore")), _number(one(node, "maxScore")), label))
            continue
        level = one(node, "level")
        if level is None or _number(level) != 3:
            continue
        per_record = one(node, "pointsPerRecord")
        months = one(node, "validityMonths")
        indicators.append(Indicator(
            iri=node.value, category=one(node, "category").value, max_points=_number(one(node, "maxPoints")),
            negative=local(one(node, "polarity")) == "Negative",
            per_record=_number(per_record) if local(one(node, "rule")) == "PerRecord" else None,
            kinds=frozenset(local(k) for k in objects(node, "countsKind")),
            key_personnel=local(one(node, "scope")) == "KeyPersonnelScope",
            roles=frozenset(local(r) for r in objects(node, "viaRole")),
            months=int(_number(months)) if months is not None else None))
    return Rubric(indicators, bands)


def _number(term: Literal) -> int | Decimal:
    text = term.value
    return int(text) if text.lstrip("-").isdigit() else Decimal(text)


# -- the counting rule, written out again ------------------------------------------
def months_later(day: date, months: int) -> date:
    """The same day ``months`` calendar months later; a day the month lacks (31 February)
    becomes the first day of the month after."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    try:
        return date(year, month, day.day)
    except ValueError:
        return date(year + (month == 12), month % 12 + 1, 1)


def counts_on(valid_from: date, removed_on: date | None, months: int | None, day: date) -> bool:
    """A record counts on ``day`` from its start until its removal or the end of the
    indicator's validity window, whichever comes first (the end day itself excluded)."""
    if valid_from > day or (removed_on is not None and day >= removed_on):
        return False
    return months is None or day < months_later(valid_from, months)


@dataclass(frozen=True)
class Truth:
    total: int | Decimal
    grade: str | None
    categories: dict[str, int | Decimal]
    indicators: dict[str, int | Decimal]  # the indicators the records moved: their points


def firm_truth(rubric: Rubric, firm: SyntheticFirm, listed: list[date], day: date) -> Truth | None:
    """A firm's score, or None when no record counts (the baseline). Its records are the
    planted ones (its own, and its legal representative's) and the lists' entries."""
    records = [(r.record, r.kind, r.subject, r.valid_from, r.removed_on) for r in firm.records]
    records += [(f"list:{n}", LISTED_KIND, firm.firm, d, None) for n, d in enumerate(listed)]
    hits: dict[Indicator, int] = {}
    for _, kind, subject, valid_from, removed_on in records:
        for ind in rubric.by_kind.get(kind, ()):
            reaches = (subject == firm.person and "LegalRepresentative" in ind.roles) if ind.key_personnel \
                else subject == firm.firm
            if reaches and counts_on(valid_from, removed_on, ind.months, day):
                hits[ind] = hits.get(ind, 0) + 1
    if not hits:
        return None
    categories = rubric.baseline()
    points: dict[str, int | Decimal] = {}
    for ind, n in hits.items():
        moved = ind.max_points if ind.per_record is None else min(ind.max_points, n * ind.per_record)
        points[ind.iri] = ind.max_points - moved if ind.negative else moved
        categories[ind.category] += -moved if ind.negative else moved
    total = sum(categories.values())
    return Truth(total, rubric.grade(total), categories, points)


def read_lists(folder: Path) -> dict[str, list[date]]:
    """USCC → the dates it was listed on, from every list the bench ingested into the store."""
    out: dict[str, list[date]] = {}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                out.setdefault(row[USCC_COLUMN], []).append(date.fromisoformat(row[DATE_COLUMN]))
    return out


def lists_dir(store: Path) -> Path:
    """Where the bench keeps a copy of each list it ingested into ``store``."""
    return store.parent / f"{store.name}.lists"


def expected(rubric: Rubric, firms: int, lists: dict[str, list[date]], day: date
             ) -> tuple[set[str], dict[str, Truth]]:
    """Every firm's IRI, and the truth of those whose records count."""
    every: set[str] = set()
    moved: dict[str, Truth] = {}
    for firm in planted(firms):
        every.add(firm.firm)
        truth = firm_truth(rubric, firm, lists.get(firm.uscc, []), day)
        if truth is not None:
            moved[firm.firm] = truth
    return every, moved


# -- the comparison -------------------------------------------------------------------
@dataclass
class Checked:
    firms: int = 0
    moved: int = 0
    mismatches: int = 0
    missing: int = 0
    extra: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.mismatches == self.missing == self.extra == 0 and self.firms > 0

    def __str__(self) -> str:
        return (f"{self.firms:,} firms checked ({self.moved:,} moved by their records): "
                f"{self.mismatches:,} mismatches, {self.missing:,} missing, {self.extra:,} extra")


def compare(rows: Iterable[tuple[str, object, object, dict[str, object], bool]], every: set[str],
            moved: dict[str, Truth], baseline: dict[str, int | Decimal], base_grade: str | None) -> Checked:
    """``rows``: (firm, total, grade, category points, moved?) per firm, as the scorer says."""
    out = Checked()
    seen: set[str] = set()
    base_total = sum(baseline.values())
    for firm, total, grade, categories, is_moved in rows:
        if firm not in every or firm in seen:
            out.extra += 1
            continue
        seen.add(firm)
        out.firms += 1
        truth = moved.get(firm)
        want = (truth.total, truth.grade, truth.categories, True) if truth else \
            (base_total, base_grade, baseline, False)
        got = (total, grade or None, categories, is_moved)
        if truth:
            out.moved += 1
        if got != want:
            out.mismatches += 1
            if len(out.examples) < 5:
                out.examples.append(f"{firm}: got {got}, want {want}")
    out.missing = len(every) - len(seen)
    return out


def parse_categories(text: object) -> dict[str, object]:
    """"category-IRI=points ..." as a dict (the form both score paths give moved categories in)."""
    out: dict[str, object] = {}
    for item in str(text or "").split():
        category, _, points = item.rpartition("=")
        out[category] = int(points) if points.lstrip("-").isdigit() else Decimal(points)
    return out


def from_compute_all(rows: Iterator[dict], baseline: dict[str, object]) -> Iterator[tuple]:
    for r in rows:
        moved = r["movedCategories"]
        yield (r["firm"], r["total"], r["grade"], {**baseline, **parse_categories(moved)}, moved is not None)


def from_read_all(rows: Iterator[dict]) -> Iterator[tuple]:
    """A firm the score graph keeps an entry for is a moved one; read_all hands every
    other firm the baseline's one read-only mapping."""
    for r in rows:
        categories = r["categories"]
        yield (r["firm"], r["total"], r["grade"], dict(categories), not isinstance(categories, MappingProxyType))
