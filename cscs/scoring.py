"""The scoring arithmetic, once: what counted records are worth.

Which records count for an indicator, and from when until when, is the SPARQL rule
(``queries/rule-reach.rq``, ``rule-interval.rq``): each (firm, indicator, record) has
an interval of day numbers in which the record counts. Everything after that is here:
an indicator's points from the number of records it counts on a day (all or nothing,
or per record up to its maximum; a deduction takes them off its maximum, a merit adds
them from 0), a firm's total, its grade band, and the days on which a firm's score can
change. The one-firm score and explanation (:mod:`cscs.explaining`), a firm's history
and the population (:mod:`cscs.population`, the same formulas in SQL over a table of
intervals) all use these.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from cscs.results import Number

NEVER = 3720031  # the day number of 9999-12-31: an interval nothing ends
NEGATIVE, PER_RECORD = "Negative", "PerRecord"


def day_number(day: date) -> int:
    """The SPARQL rule's day number, ``(year * 12 + month) * 31 + day``: ordered as dates
    are, and a validity window of m months ends exactly m * 31 after its start."""
    return (day.year * 12 + day.month) * 31 + day.day


def first_day(number: int) -> date:
    """The first real day whose day number is ``number`` or later (a window may end on
    the number of 31 February: it ends on 1 March)."""
    months, day = divmod(number - 1, 31)
    year, month = divmod(months - 1, 12)
    month += 1
    for d in range(day + 1, 32):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    return date(year + month // 12, month % 12 + 1, 1)


@dataclass(frozen=True)
class Rule:
    """What an indicator's counted records are worth."""

    max: Number
    negative: bool  # a deduction (starts at its maximum) rather than a merit (starts at 0)
    per_record: Number | None  # points per record, or None: all or nothing

    @classmethod
    def of(cls, row: Mapping[str, object]) -> Rule:
        """From a row with ?max ?polarity ?rule ?perRecord (rubric-indicators.rq)."""
        per_record = row["perRecord"] if _local(row["rule"]) == PER_RECORD else None
        return cls(row["max"], _local(row["polarity"]) == NEGATIVE, per_record)  # type: ignore[arg-type]

    @property
    def empty(self) -> Number:
        """The points with no record counted."""
        return self.max if self.negative else 0

    def points(self, counted: int) -> Number:
        """The points with ``counted`` records counted."""
        if self.per_record is not None:
            moved = min(counted * self.per_record, self.max)
        else:
            moved = self.max if counted > 0 else 0
        # max and moved are both int or both Decimal (the rubric's datatype), never a float
        return self.max - moved if self.negative else moved  # type: ignore[operator]


@dataclass(frozen=True)
class Band:
    grade: str
    low: Number
    high: Number
    assumed: bool = False


def grade(bands: Iterable[Band], total: Number) -> Band | None:
    """The band with ``low <= total < high``."""
    return next((b for b in bands if b.low <= total < b.high), None)


@dataclass(frozen=True)
class Interval:
    """When a record counts for an indicator: ``start <= day number < end``."""

    indicator: str
    record: str
    start: int
    end: int
    end_reason: str = ""

    def counts_on(self, day: int) -> bool:
        return self.start <= day < self.end

    @classmethod
    def of(cls, row: Mapping[str, object]) -> Interval:
        """From a row of record-intervals.rq (or explain-records.rq)."""
        return cls(str(row["indicator"]), str(row["record"]), int(row["start"]), int(row["end"]),  # type: ignore[call-overload]
                   str(row["endReason"] or ""))


def counted(intervals: Iterable[Interval], day: int) -> dict[str, int]:
    """indicator → the number of distinct records counting on the day."""
    found: dict[str, set[str]] = {}
    for i in intervals:
        if i.counts_on(day):
            found.setdefault(i.indicator, set()).add(i.record)
    return {indicator: len(records) for indicator, records in found.items()}


def indicator_points(rules: Mapping[str, Rule], counts: Mapping[str, int]) -> dict[str, Number]:
    """Every indicator's points, given the records each counts (absent: none)."""
    return {iri: rule.points(counts.get(iri, 0)) for iri, rule in rules.items()}


def total(rules: Mapping[str, Rule], counts: Mapping[str, int]) -> Number:
    return sum(indicator_points(rules, counts).values())


def change_days(intervals: Iterable[Interval]) -> list[int]:
    """The day numbers on which a firm's score can change: where an interval that is not
    empty starts or ends."""
    return sorted({d for i in intervals if i.start < i.end for d in (i.start, i.end) if d < NEVER})


def history(rules: Mapping[str, Rule], bands: Sequence[Band], intervals: Sequence[Interval],
            first: date, last: date) -> list[tuple[date, Number, str | None]]:
    """(day, total, grade) on ``first``, on each day the score can change up to ``last``,
    and on ``last``."""
    low, high = day_number(first), day_number(last)
    days = sorted({low, high, *(d for d in change_days(intervals) if low < d < high)})
    out = []
    for d in days:
        points = total(rules, counted(intervals, d))
        band = grade(bands, points)
        out.append((first if d == low else last if d == high else first_day(d), points,
                    band.grade if band else None))
    return out


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1] if iri else ""
