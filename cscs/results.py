"""What the API returns: small dataclasses whose ``to_dict()`` is the stable JSON of
the command line (documented in the README)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal

from cscs.extract.anchor import describe_place

# points as the rubric gives them: xsd:integer or xsd:decimal (a float only from a double)
Number = int | float | Decimal


@dataclass
class CategoryScore:
    category: str
    label: str
    points: Number
    max: Number


@dataclass
class FirmScore:
    firm: str
    name: str | None
    uscc: str | None
    rubric: str
    as_of: date
    total: Number
    grade: str | None
    categories: list[CategoryScore] = field(default_factory=list)
    identifier: str | None = None  # the best code: USCC, else masked USCC, else organisation code
    warnings: list[str] = field(default_factory=list)  # where the rubric does not fit (cscs.fit)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["as_of"] = self.as_of.isoformat()
        return data


@dataclass
class Evidence:
    """One record of a kind an indicator counts, and how it reached the firm."""

    record: str
    kind: str
    status: str
    valid_from: date | None
    valid_until: date | None
    removed_on: date | None
    repaired_on: date | None
    document: str
    document_title: str | None
    sheet: str | None
    page: int | None
    row: int | None
    issuer: str | None
    case_number: str | None
    decision_number: str | None
    reason: str | None
    link_type: str | None
    link_identifier: str | None
    link_identifier_valid: bool | None
    via_person: str | None = None
    via_person_name: str | None = None
    via_role: str | None = None
    subject_node: str | None = None
    match_score: float | None = None
    match_evidence: str | None = None
    match_by: str | None = None
    quote: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    extractor: str | None = None  # the extractor that read the record's document, and its version
    extractor_version: str | None = None

    @property
    def place(self) -> str:
        return describe_place(self.document_title or self.document, self.sheet, self.page, self.row,
                              self.char_start, self.char_end)


@dataclass
class IndicatorScore:
    indicator: str
    notation: str
    label: str
    category: str
    category_label: str
    subcategory_label: str
    max: Number
    points: Number
    polarity: str
    rule: str
    points_per_record: Number | None
    validity_months: int | None
    assumption: bool
    note: str | None
    counted: int
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Explanation:
    firm: str
    name: str | None
    uscc: str | None
    rubric: str
    as_of: date
    total: Number
    grade: str | None
    grade_assumed: bool
    categories: list[CategoryScore]
    indicators: list[IndicatorScore]
    assumptions: list[str]
    warnings: list[str] = field(default_factory=list)  # where the rubric does not fit (cscs.fit)

    def to_dict(self) -> dict:
        def clean(value: object) -> object:
            if isinstance(value, date):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            if isinstance(value, list):
                return [clean(v) for v in value]
            return value

        return clean(asdict(self))  # type: ignore[return-value]
