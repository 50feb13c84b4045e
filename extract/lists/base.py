"""What every published-list extractor shares: column lookup by alias (Chinese or
English), header detection, per-row anchors, and an audit of unread columns.

A list extractor is a subclass that names its metadata file (``<name>.toml``
beside it: title, publisher, column aliases, required fields) and implements
``row()``. New columns in a source never pass silently: every column nobody
read is reported once, like zavod's ``audit_data``.

What several lists share lives here too: finding the firm a row is about
(with its legal representative), the authority that decided, amounts whose
unit is given by the column header, and lookups that map published values
(honour levels, posts) to canonical ones, kept as data in the TOML.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from itertools import islice
from pathlib import Path
from typing import ClassVar, Iterable, Iterator

from pyoxigraph import NamedNode

from ..amounts import AmountError, parse_amount
from ..anchor import Anchor
from ..context import ExtractionContext, ExtractionError
from ..dates import DateError, parse_date
from ..identifiers import Identifier, halfwidth, normalize_code, org_code_check_char, parse_firm_id, parse_person_id
from ..names import ImplausibleName
from ..readers import RawTable
from ..readers.model import RawRow
from ..source import Source

Day = date  # the type, for annotations inside Row (whose method ``date`` hides the name there)

_HEADER_NOISE = re.compile(r"[\s:：*＊()（）\[\]【】/、_\-.]")
_MAX_HEADER_SEARCH = 15
# Unit named in a column header, e.g. 罚款金额（万元）; 万/亿/千 before plain 元.
_HEADER_UNITS = (
    (re.compile(r"万元|(?:10,?000|ten thousand|10k)\s*(?:yuan|cny|rmb)", re.I), "万元"),
    (re.compile(r"亿元|100\s*million\s*(?:yuan|cny|rmb)", re.I), "亿元"),
    (re.compile(r"千元|(?:1,?000|thousand)\s*(?:yuan|cny|rmb)", re.I), "千元"),
    (re.compile(r"元|\b(?:yuan|cny|rmb)\b", re.I), "元"),
)
# A unit in brackets at the end of a header (欠税余额（元）, Fine (10,000 yuan)): the column is
# the one the header names without it, and the unit is read from the header (header_unit).
_UNIT_SUFFIX = re.compile(r"\s*[(（]\s*(?:人民币)?\s*(?:万元|亿元|千元|元|(?:10,?000|ten thousand|100 million|1,?000|thousand)?"
                          r"\s*(?:yuan|cny|rmb))\s*[)）]\s*$", re.I)
_COURT = re.compile(r"法院|法庭")
_YEAR = re.compile(r"\s*(\d{4})\s*(?:年度|年)?\s*")
# Party types as lists publish them (compared with header_key). A sole trader (个体工商户)
# with a registration code is registered like a firm; without one it is the person.
_PERSON_TYPES = {"个人", "自然人", "person", "naturalperson", "individual", "0"}
_SOLE_TRADER_TYPES = {"个体工商户", "个体户", "soletrader", "individualbusiness"}
_FIRM_TYPES = {"企业", "法人", "单位", "法人及非法人组织", "非法人组织", "法人和其他组织", "其他组织", "组织",
               "enterprise", "firm", "organisation", "organization", "legalperson", "1"}
#: Columns that may carry a firm's code, best first (ExtractionContext.enterprise ranks them again).
CODE_FIELDS = ("uscc", "regno", "orgcode", "taxpayer_id")


def header_key(text: str) -> str:
    """Comparable form of a column header: half-width, lower case, no spaces or brackets."""
    return _HEADER_NOISE.sub("", halfwidth(text)).lower()


def header_unit(text: str) -> str | None:
    """The money unit a column header names (``罚款金额（万元）`` → ``万元``), if any."""
    text = halfwidth(text)
    for pattern, unit in _HEADER_UNITS:
        if pattern.search(text):
            return unit
    return None


class RowError(ValueError):
    """One row cannot be read; the row is skipped with a warning naming it."""


@dataclass
class Row:
    """One data row: field name → cell text, consumed with ``pop`` so that the
    audit can tell which columns nobody read."""

    values: dict[str, str]
    anchor: Anchor
    units: dict[str, str] = field(default_factory=dict)  # field → money unit its header names
    headers: dict[str, str] = field(default_factory=dict)  # field → header as published, for messages

    def pop(self, field: str, default: str = "") -> str:
        return self.values.pop(field, default).strip() or default

    def has(self, field: str) -> bool:
        """Whether the table has this column (read or not)."""
        return field in self.values

    def column(self, field: str) -> str:
        """The column's published header (the field name if the table has no header)."""
        return self.headers.get(field) or field

    def date(self, field: str, required: bool = False) -> date | None:
        text = self.pop(field)
        try:
            value = parse_date(text)
        except DateError as exc:
            raise RowError(f"column {self.column(field)}: {exc}") from exc
        if value is None and required:
            raise RowError(f"column {self.column(field)}: no date")
        return value

    def last_day(self, field: str) -> Day | None:
        """A published end date (有效期至, 公示截止期) is the last day in force; cscs:validUntil
        is the first day out of force, so this returns the day after."""
        value = self.date(field)
        return value + timedelta(days=1) if value else None

    def amount(self, field: str, default_unit: str = "元") -> Decimal | None:
        """Amount in yuan. A unit in the value wins, then one in the column header (or the
        list's ``[units]`` table), then ``default_unit``."""
        text = self.pop(field)
        try:
            value = parse_amount(text, self.units.get(field, default_unit))
        except AmountError as exc:
            raise RowError(f"column {self.column(field)}: {exc}") from exc
        return value

    def year(self, field: str) -> int | None:
        """A year as lists print it (2022, 2022年, 2022年度)."""
        text = halfwidth(self.pop(field))
        if not text:
            return None
        match = _YEAR.fullmatch(text)
        if match is None:
            raise RowError(f"column {self.column(field)}: not a year: {text!r}")
        return int(match[1])

    def number(self, field: str, unit: str = "") -> Decimal | None:
        """A plain quantity (hours, counts); a trailing ``unit`` word is allowed."""
        text = halfwidth(self.pop(field)).replace(",", "").strip()
        if unit:
            text = text.removesuffix(unit).strip()
        if text in {"", "-", "--", "无", "/"}:
            return None
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise RowError(f"column {self.column(field)}: not a number: {text!r}") from None
        if not value.is_finite() or value < 0:
            raise RowError(f"column {self.column(field)}: not a quantity: {text!r}")
        return value


@dataclass(frozen=True)
class Layout:
    """Where a table's header is and which field each column holds."""

    header_index: int
    fields: tuple[str | None, ...]
    unknown: tuple[str, ...]
    headers: tuple[str, ...] = ()  # the header cells as published


class ListExtractor:
    """Base class of the published-list extractors."""

    name: ClassVar[str]
    version: ClassVar[str] = "1"
    kind: ClassVar[str] = "list"
    meta: ClassVar[dict]
    _aliases: ClassVar[dict[str, str]]
    _lookups: ClassVar[dict[str, dict[str, list[str]]]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        meta_file = Path(__file__).with_name(f"{cls.name}.toml")
        cls.meta = tomllib.loads(meta_file.read_text(encoding="utf-8"))
        cls._aliases = {header_key(alias): field
                        for field, aliases in cls.meta["columns"].items()
                        for alias in [field, *aliases]}
        cls._lookups = {}
        for section, table in cls.meta.get("lookups", {}).items():
            index: dict[str, list[str]] = {}
            for canonical, published in table.items():
                for value in published:
                    index.setdefault(header_key(value), []).append(canonical)
            cls._lookups[section] = index

    @property
    def title(self) -> str:
        return self.meta.get("title", self.name)

    @property
    def required(self) -> list[str]:
        return list(self.meta.get("required", []))

    @property
    def required_sets(self) -> list[list[str]]:
        """Alternative sets of required fields: ``required`` is either one list of
        fields or a list of such lists (one per layout the list is published in)."""
        required = self.required
        if required and all(isinstance(r, list) for r in required):
            return [list(r) for r in required]
        return [required]

    def lookup(self, section: str, value: str) -> list[str]:
        """Canonical values for a published one from the TOML's ``[lookups.<section>]``
        (several when one post holds several roles); ``[]`` when it is not listed."""
        return list(self._lookups.get(section, {}).get(header_key(value), []))

    @property
    def ignored(self) -> set[str]:
        return {header_key(c) for c in self.meta.get("ignore", [])}

    # -- choosing an extractor ---------------------------------------------
    def accepts(self, source: Source) -> float:
        """How well this list's columns match the document's best table (0 … 1)."""
        best = 0.0
        for table in source.tables:
            layout = self.layout(table)
            if layout is not None:
                known = sum(1 for f in layout.fields if f)
                best = max(best, 0.5 + 0.5 * known / max(len(layout.fields), 1))
        return best

    def field_of(self, header: str) -> str | None:
        """The field a column header names, by alias, with or without a bracketed money unit."""
        key = header_key(header)
        if key in self._aliases:
            return self._aliases[key]
        return self._aliases.get(header_key(_UNIT_SUFFIX.sub("", halfwidth(header))))

    def layout(self, table: RawTable) -> Layout | None:
        """Find the header row: the first row that names every required field."""
        for index, raw in enumerate(table.rows[:_MAX_HEADER_SEARCH]):
            fields = tuple(self.field_of(c) for c in raw.cells)
            if any(all(f in fields for f in s) for s in self.required_sets) \
                    and sum(1 for f in fields if f) >= 2:
                unknown = tuple(c for c, f in zip(raw.cells, fields)
                                if f is None and c.strip() and header_key(c) not in self.ignored)
                return Layout(index, fields, unknown, tuple(raw.cells))
        return None

    # -- extraction ----------------------------------------------------------
    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        found = False
        for table, layout in self._tables_with_layout(source.tables):
            found = True
            for column in layout.unknown:
                ctx.warn(self._anchor(ctx, table, table.rows[layout.header_index]),
                         f"unknown column {column!r} is not read by the {self.name} extractor")
            for row in self.rows(ctx, table, layout):
                self.read_row(ctx, row)
        if not found:
            needs = " or ".join(", ".join(s) for s in self.required_sets)
            raise ctx.fail(ctx.anchor(), f"no table with the columns of a {self.title} (needs {needs})")
        if ctx.counts.rows and ctx.counts.skipped_rows == ctx.counts.rows:
            raise ctx.fail(ctx.anchor(), "every row was rejected; nothing ingested")

    def read_row(self, ctx: ExtractionContext, row: Row) -> None:
        """Extract one row, counting it; a row that cannot be read is skipped with a
        warning naming it (the bulk path streams rows through here too)."""
        ctx.counts.rows += 1
        try:
            self.row(ctx, row)
        except (RowError, ImplausibleName) as exc:
            ctx.counts.skipped_rows += 1
            ctx.warn(row.anchor, f"row skipped: {exc}")
        ctx.spill_if_full()

    def _tables_with_layout(self, tables: list[RawTable]) -> Iterator[tuple[RawTable, Layout]]:
        """Tables with a header, and headerless tables that continue the previous one
        (a PDF table broken across pages repeats no header)."""
        previous: Layout | None = None
        for table in tables:
            layout = self.layout(table)
            if layout is None and previous is not None and table.format == "pdf" and table.rows \
                    and len(table.rows[0].cells) == len(previous.fields):
                layout = Layout(-1, previous.fields, (), previous.headers)
            if layout is not None:
                previous = layout
                yield table, layout

    def rows(self, ctx: ExtractionContext, table: RawTable, layout: Layout,
             raws: Iterable[RawRow] | None = None) -> Iterator[Row]:
        """The table's data rows as :class:`Row`, lazily, each to be read with
        :meth:`read_row`; ``raws`` streams the rows of a file too large to hold (they then
        start at the header row, as ``table.rows`` does): the bulk path's entry."""
        units = dict(self.meta.get("units", {}))
        headers = {f: h for f, h in zip(layout.fields, layout.headers) if f}
        for f, header in headers.items():
            if unit := header_unit(header):
                units[f] = unit
        body = table.rows[layout.header_index + 1:] if raws is None \
            else islice(raws, layout.header_index + 1, None)
        for raw in body:
            filled = [c for c in raw.cells if c.strip()]
            if len(filled) <= 1:  # blank lines and "暂无数据" placeholders are not records
                continue
            if self._repeats_header(raw.cells, layout):
                continue  # a header repeated on a later page
            values = {f: c for f, c in zip(layout.fields, raw.cells) if f}
            yield Row(values, self._anchor(ctx, table, raw), units, headers)

    def _repeats_header(self, cells: tuple[str, ...], layout: Layout) -> bool:
        """Whether a row names the layout's fields again, cell by cell. It stops at the first
        cell that differs (a data row's first or second), since this runs on every row."""
        return len(cells) == len(layout.fields) and all(
            self.field_of(c) == f for c, f in zip(cells, layout.fields))

    @staticmethod
    def _anchor(ctx: ExtractionContext, table: RawTable, raw) -> Anchor:
        """A row's place. A CSV or TSV file is one table, so its rows name none: the
        ``cscs:sourceTable 1`` they would all carry is implied (issue 15: two of a list
        row's quads; :mod:`cscs.web.source` takes a row without one from the only table)."""
        return ctx.anchor(sheet=table.sheet, page=raw.page, table=None if table.format == "csv" else table.index,
                          row=raw.row, json_path=table.json_path)

    def row(self, ctx: ExtractionContext, row: Row) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


_FIRM_NAME = re.compile(r"公司|厂|店|中心|合作社|集团|事务所|有限|企业|银行")


def _plausible_birth(masked: str) -> bool:
    """A masked ID number's visible birth year (positions 7-10) is a year people are born
    in; a masked USCC made of digits (``9137010255****1694``) shows no such year there."""
    from ..identifiers import birth_year, id_pattern

    pattern = id_pattern(masked)
    year = birth_year(pattern) if pattern else None
    return year is None or 1900 <= year <= 2030


def looks_like_person(name: str, code: str) -> bool:
    """Decide whether a list party is a natural person when the list does not say."""
    from ..identifiers import parse_firm_id, parse_person_id, person_id_checks

    ident = parse_person_id(code) if code else None
    if ident is not None and ident.kind == "personid":
        firm = parse_firm_id(code)
        # an all-digit USCC also looks like an ID number: the check characters decide
        if firm is not None and firm.kind == "uscc" and firm.valid and not person_id_checks(ident.value):
            return False
        return True
    if ident is not None and ident.kind == "maskedid":
        return not _FIRM_NAME.search(name) and _plausible_birth(ident.value)
    return len(name) <= 4 and not re.search(r"公司|厂|店|中心|合作社|集团|事务所|部|行|院|会", name)


def pop_codes(row: Row) -> list[str]:
    """Read every firm-code column of the row (see ``CODE_FIELDS``), best first.

    An old 15-character taxpayer number is the area code plus the organisation
    code; when that part checks, the organisation code is offered instead, so the
    record links to the same firm as documents that give the code or the USCC.
    """
    codes = [row.pop(f) for f in CODE_FIELDS]
    taxpayer = normalize_code(codes[-1])
    if re.fullmatch(r"\d{6}[0-9A-Z]{8}[0-9X]", taxpayer) and org_code_check_char(taxpayer[6:14]) == taxpayer[14]:
        codes[-1] = f"{taxpayer[6:14]}-{taxpayer[14]}"
    return [c for c in codes if c]


def checked_code(ctx: ExtractionContext, row: Row, field: str) -> tuple[str, bool]:
    """A department's code column (处罚机关统一社会信用代码) as published, and whether it
    passes its check: a USCC or organisation code that fails is warned about (file, row,
    column) and the caller flags the record with it (``cscs:failsCheck``)."""
    text = row.pop(field)
    ident = parse_firm_id(text) if text else None
    if ident is None or ident.kind not in {"uscc", "orgcode"} or ident.valid:
        return text, True
    what = "USCC" if ident.kind == "uscc" else "organisation code"
    ctx.warn(row.anchor, f"column {row.column(field)}: {what} {ident.value} fails its check character; "
                         "kept and flagged")
    return text, False


def enterprise(ctx: ExtractionContext, row: Row, name: str,
               codes: list[str] | None = None) -> tuple[NamedNode, Identifier | None]:
    """The firm a row is about, plus its legal representative (column ``legal_rep``,
    with ``legal_rep_id``) as a role. Returns the node and the identifier that linked it.
    ``codes`` default to the row's code columns."""
    found = ctx.enterprise(row.anchor, name or None, pop_codes(row) if codes is None else codes)
    if found is None:
        raise RowError("no firm name or code")
    node = found[0]
    rep, rep_id = row.pop("legal_rep"), row.pop("legal_rep_id")
    if rep:
        ctx.role(ctx.person(rep, rep_id or None, firm=node), node, "LegalRepresentative", row.anchor)
    return found


def party(ctx: ExtractionContext, row: Row, name: str,
          party_type: str = "") -> tuple[NamedNode, Identifier | None]:
    """The subject of a row on a list of firms and persons: a person (with ``id_number``,
    or a personal ID in a code column) or a firm (see ``enterprise``)."""
    if not name:
        raise RowError("no party name")
    codes, id_number = pop_codes(row), row.pop("id_number")
    kind = header_key(party_type)
    if kind in _PERSON_TYPES:
        is_person = True
    elif kind in _SOLE_TRADER_TYPES:
        is_person = not codes
    else:  # a firm, or not said: judged from the codes and the name
        is_person = kind not in _FIRM_TYPES and not codes and looks_like_person(name, id_number)
    if is_person:
        id_number = id_number or next(iter(codes), "")
        return ctx.person(name, id_number or None), parse_person_id(id_number) if id_number else None
    return enterprise(ctx, row, name, codes)


def authority(ctx: ExtractionContext, name: str) -> NamedNode | None:
    """The department (or court) that decided."""
    return ctx.department(name, "Court" if _COURT.search(name or "") else "Department")


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


__all__ = ["CODE_FIELDS", "ListExtractor", "Row", "RowError", "ExtractionError", "add_years", "authority",
           "checked_code", "enterprise", "header_key", "header_unit", "looks_like_person", "party", "pop_codes"]
