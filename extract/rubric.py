"""Rubric tables into the graph: the indicator tree, points, rules, windows, grades.

A rubric is data, never code. The table (TSV/CSV, XLSX or PDF) gives the tree as
published: first-, second- and third-level indicators with points, a description
and the supplying departments. Rows are read by shape, not by position, because
pasted tables are ragged: a merged cell disappears from continuation rows, so a
row with three (name, points) pairs opens a category, two open a sub-category and
one adds an indicator. A companion ``<stem>.toml`` says what a table does not:
identity and dates, grade bands, which record kinds count, the rule and the window.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Iterator

from pyoxigraph import Literal, NamedNode

from cscs.ontology.namespaces import CSCS, DCTERMS, ID, RDF, SKOS, key_digest

from .anchor import Anchor
from .context import ROLES, ExtractionContext
from .dates import parse_date
from .names import name_problem
from .registry import register
from .source import Source

_INT = re.compile(r"^\d+(\.0+)?$")
_SPLIT_DEPTS = re.compile(r",\s*(?![^()]*\))|、|；|;")


@dataclass
class Node:
    name: str
    points: int
    level: int
    anchor: Anchor
    description: str = ""
    departments: list[str] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)
    parent: "Node | None" = None

    def leaves(self) -> Iterable["Node"]:
        if not self.children:
            yield self
        for child in self.children:
            yield from child.leaves()


@dataclass
class TableRow:
    cells: list[str]
    anchor: Anchor


def parse_tree(rows: Iterable[TableRow], ctx: ExtractionContext) -> list[Node]:
    """The indicator tree from rubric rows, checking that every level sums up."""
    categories: list[Node] = []
    current: dict[int, Node] = {}
    for row in rows:
        pairs, rest = _pairs(row.cells)
        if not pairs:
            if rest:
                ctx.warn(row.anchor, f"row without points ignored (a stray header?): {' | '.join(rest)}")
            continue
        if len(pairs) > 3:
            raise ctx.fail(row.anchor, "more than three (indicator, points) pairs in one row")
        first_level = 4 - len(pairs)
        if first_level > 1 and (first_level - 1) not in current:
            raise ctx.fail(row.anchor, "continuation row before any higher-level indicator")
        for offset, (name, points) in enumerate(pairs):
            if problem := name_problem(name):
                raise ctx.fail(row.anchor, f"indicator {name[:40]!r}: {problem}")
            level = first_level + offset
            node = Node(name, points, level, row.anchor, parent=current.get(level - 1))
            if level == 1:
                categories.append(node)
            else:
                current[level - 1].children.append(node)
            current[level] = node
            for deeper in range(level + 1, 4):
                current.pop(deeper, None)
        leaf = current[3]
        leaf.description = rest[0] if rest else ""
        leaf.departments = [d.strip() for d in _SPLIT_DEPTS.split(rest[1])] if len(rest) > 1 else []
    for category in categories:
        _check_sums(category, ctx)
    return categories


def _pairs(cells: list[str]) -> tuple[list[tuple[str, int]], list[str]]:
    filled = [c.strip() for c in cells if c and c.strip()]
    pairs: list[tuple[str, int]] = []
    i = 0
    while i + 1 < len(filled) and not _INT.match(filled[i]) and _INT.match(filled[i + 1]):
        pairs.append((filled[i], int(Decimal(filled[i + 1]))))  # not float: 500 digits overflow it
        i += 2
    return pairs, filled[i:]


def _check_sums(node: Node, ctx: ExtractionContext) -> None:
    if not node.children:
        if node.level != 3:
            raise ctx.fail(node.anchor, f"{node.name!r} has no third-level indicators")
        return
    total = sum(c.points for c in node.children)
    if total != node.points:
        raise ctx.fail(node.anchor, f"{node.name!r} has {node.points} points but its "
                       f"indicators sum to {total}")
    for child in node.children:
        _check_sums(child, ctx)


def slug(name: str) -> str:
    ascii_slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return ascii_slug if ascii_slug and name.isascii() else "i-" + key_digest(name, length=12)


class RubricExtractor:
    """Reads a rubric table plus its companion TOML into one versioned rubric."""

    name = "rubric"
    version = "1"
    kind = "rubric"

    def companions(self, path: Path) -> list[Path]:
        meta = path.with_suffix(".toml")
        return [meta] if meta.exists() and meta != path else []

    def accepts(self, source: Source) -> float:
        if self.companions(source.path):
            return 0.95
        try:  # cells only: every document is offered to this extractor, a 60k-row list too
            levels = [len(_pairs(cells)[0]) for cells, _ in self._cells(source)]
        except Exception:
            return 0.0
        return 0.7 if levels.count(3) >= 2 and levels.count(1) >= 2 else 0.0

    def rows(self, source: Source) -> list[TableRow]:
        name = source.path.name
        return [TableRow(cells, Anchor(name, sheet=sheet, page=page, table=table, row=row))
                for cells, (sheet, page, table, row) in self._cells(source)]

    def _cells(self, source: Source) -> Iterator[tuple[list[str], tuple]]:
        """Each row's cells and its place (sheet, page, table, row): the anchor is built
        only for a rubric's rows, not for every row of every document offered."""
        if source.path.suffix.lower() in {".tsv", ".txt"}:
            text = source.data.decode("utf-8-sig")
            for n, line in enumerate(text.splitlines(), 1):
                if "\t" in line:
                    yield line.split("\t"), (None, None, None, n)
            return
        for t in source.tables:
            for r in t.rows:
                yield list(r.cells), (t.sheet, r.page, t.index, r.row)

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        meta = self._meta(source)
        categories = parse_tree(self.rows(source), ctx)
        if not categories:
            raise ctx.fail(ctx.anchor(), "no rubric rows (indicator, points) found")
        info = meta.get("rubric", {})
        total = sum(c.points for c in categories)
        if "total" in info and info["total"] != total:
            raise ctx.fail(ctx.anchor(), f"rubric total is {total}, its metadata says {info['total']}")
        rubric_id = info.get("id") or slug(source.path.stem)
        rubric = ID[f"rubric/{rubric_id}"]
        self._keys: dict[int, str] = {}
        self._describe_rubric(ctx, rubric, rubric_id, info, total)
        self._grades(ctx, rubric, rubric_id, meta.get("grades", []))
        self._defaults_note(ctx, rubric, meta.get("defaults", {}))
        known = {leaf.name for c in categories for leaf in c.leaves()}
        for name in meta.get("indicators", {}):
            if name not in known:
                ctx.warn(ctx.anchor(), f"metadata names indicator {name!r} that is not in the table")
        for order, category in enumerate(categories, 1):
            self._node(ctx, rubric, rubric_id, category, str(order), meta)

    def _meta(self, source: Source) -> dict:
        companions = self.companions(source.path)
        if not companions:
            return {}
        try:
            return tomllib.loads(companions[0].read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(f"{companions[0]}: {exc}") from exc

    def _describe_rubric(self, ctx: ExtractionContext, rubric: NamedNode, rubric_id: str,
                         info: dict, total: int) -> None:
        ctx.add(rubric, RDF.type, CSCS.Rubric)
        ctx.add(rubric, RDF.type, SKOS.ConceptScheme)
        ctx.add(rubric, DCTERMS.identifier, rubric_id)
        ctx.add(rubric, DCTERMS.title, Literal(info.get("title", rubric_id), language="en"))
        if "title_zh" in info:
            ctx.add(rubric, DCTERMS.title, Literal(info["title_zh"], language="zh"))
        ctx.add(rubric, CSCS.jurisdiction, info.get("jurisdiction"))
        ctx.add(rubric, CSCS.jurisdictionCode, info.get("jurisdiction_code"))
        ctx.add(rubric, CSCS.version, info.get("version"))
        ctx.add(rubric, CSCS.effectiveFrom, parse_date(info.get("effective_from")))
        ctx.add(rubric, CSCS.effectiveUntil, parse_date(info.get("effective_until")))
        ctx.add(rubric, CSCS.totalPoints, total)
        ctx.add(rubric, DCTERMS.source, info.get("source"))
        if info.get("effective_from_assumption"):
            ctx.add(rubric, CSCS.assumptionNote, "The effective date is assumed.")

    def _defaults_note(self, ctx: ExtractionContext, rubric: NamedNode, defaults: dict) -> None:
        if defaults.get("validity") and defaults.get("validity_assumption"):
            ctx.add(rubric, CSCS.assumptionNote, f"Records count for {defaults['validity']} from "
                    "their date unless the indicator or the record says otherwise (assumed).")

    def _grades(self, ctx: ExtractionContext, rubric: NamedNode, rubric_id: str, grades: list[dict]) -> None:
        if not grades:
            ctx.warn(ctx.anchor(), "rubric has no grade bands; scores will have no grade")
        for grade in grades:
            node = ID[f"rubric/{rubric_id}/grade/{slug(grade['label'])}"]
            ctx.add(node, RDF.type, CSCS.GradeBand)
            ctx.add(node, CSCS.inRubric, rubric)
            ctx.add(node, SKOS.prefLabel, Literal(grade["label"], language="en"))
            if "label_zh" in grade:
                ctx.add(node, SKOS.prefLabel, Literal(grade["label_zh"], language="zh"))
            ctx.add(node, CSCS.minScore, int(grade["min"]))
            ctx.add(node, CSCS.maxScore, int(grade["max"]))
            ctx.add(node, CSCS.assumption, bool(grade.get("assumption", False)))

    def _key(self, node: Node, notation: str) -> str:
        """The indicator's IRI segment: its name as a slug, or with its notation appended
        when a sub-category and an indicator share a name (common in Chinese rubrics)."""
        key = slug(node.name)
        if key in self._keys.values():
            key = f"{key}-{notation.replace('.', '-')}"
        self._keys[id(node)] = key
        return key

    def _node(self, ctx: ExtractionContext, rubric: NamedNode, rubric_id: str, node: Node,
              notation: str, meta: dict) -> NamedNode:
        iri = ID[f"rubric/{rubric_id}/{self._key(node, notation)}"]
        ctx.add(iri, RDF.type, CSCS.Indicator)
        ctx.add(iri, RDF.type, SKOS.Concept)
        ctx.add(iri, SKOS.inScheme, rubric)
        ctx.add(iri, CSCS.inRubric, rubric)
        ctx.add(iri, SKOS.prefLabel, Literal(node.name, language="en" if node.name.isascii() else "zh"))
        label_zh = meta.get("categories", {}).get(node.name, {}).get("label_zh")
        if label_zh:
            ctx.add(iri, SKOS.prefLabel, Literal(label_zh, language="zh"))
        ctx.add(iri, SKOS.notation, notation)
        ctx.add(iri, CSCS.level, node.level)
        ctx.add(iri, CSCS.maxPoints, node.points)
        ctx.add(iri, CSCS.sourceRow, node.anchor.row)
        ctx.add(iri, CSCS.sourcePage, node.anchor.page)
        for order, child in enumerate(node.children, 1):
            child_iri = self._node(ctx, rubric, rubric_id, child, f"{notation}.{order}", meta)
            ctx.add(child_iri, SKOS.broader, iri)
        if node.level == 3:
            self._leaf(ctx, iri, rubric_id, node, meta)
        return iri

    def _leaf(self, ctx: ExtractionContext, iri: NamedNode, rubric_id: str, node: Node, meta: dict) -> None:
        assert node.parent is not None and node.parent.parent is not None
        ctx.add(iri, CSCS.subcategory, ID[f"rubric/{rubric_id}/{self._keys[id(node.parent)]}"])
        ctx.add(iri, CSCS.category, ID[f"rubric/{rubric_id}/{self._keys[id(node.parent.parent)]}"])
        ctx.add(iri, SKOS.definition, node.description)
        for dept in node.departments:
            ctx.add(iri, CSCS.suppliedBy, dept)
        rules = {**meta.get("defaults", {}), **meta.get("indicators", {}).get(node.name, {})}
        polarity = rules.get("polarity", "negative")
        if polarity not in {"negative", "positive"}:
            raise ctx.fail(node.anchor, f"polarity must be negative or positive, not {polarity!r}")
        ctx.add(iri, CSCS.polarity, CSCS.Negative if polarity == "negative" else CSCS.Positive)
        rule = rules.get("rule", "all-or-nothing")
        if rule == "per-record":
            ctx.add(iri, CSCS.rule, CSCS.PerRecord)
            ctx.add(iri, CSCS.pointsPerRecord, int(rules["points_per_record"]))
        elif rule == "all-or-nothing":
            ctx.add(iri, CSCS.rule, CSCS.AllOrNothing)
        else:
            raise ctx.fail(node.anchor, f"unknown rule {rule!r} for {node.name!r}")
        if rules.get("validity"):
            ctx.add(iri, CSCS.validityMonths, _months(rules["validity"], ctx, node))
        kinds = rules.get("kinds", [])
        if not kinds:
            ctx.warn(node.anchor, f"indicator {node.name!r} counts no record kinds")
        for kind in kinds:
            ctx.add(iri, CSCS.countsKind, CSCS[kind])
        if rules.get("scope", "firm") == "key-personnel":
            ctx.add(iri, CSCS.scope, CSCS.KeyPersonnelScope)
            for role in rules.get("roles", []):
                if role not in ROLES:
                    raise ctx.fail(node.anchor, f"unknown role {role!r}")
                ctx.add(iri, CSCS.viaRole, CSCS[role])
        else:
            ctx.add(iri, CSCS.scope, CSCS.FirmScope)
        if rules.get("assumption"):
            ctx.add(iri, CSCS.assumption, True)
        if rules.get("note"):
            ctx.add(iri, CSCS.assumptionNote, rules["note"])


def _months(duration: str, ctx: ExtractionContext, node: Node) -> int:
    """A validity window as whole months (``P5Y`` → 60, ``P18M`` → 18, or a plain number).

    Months, not xsd:yearMonthDuration arithmetic, because date + duration is not
    evaluated reliably by every SPARQL engine; month arithmetic on YEAR/MONTH/DAY is."""
    if isinstance(duration, int):
        return duration
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?", str(duration))
    if not match or not (match[1] or match[2]):
        raise ctx.fail(node.anchor, f"validity must be like P5Y or P18M, not {duration!r}")
    return int(match[1] or 0) * 12 + int(match[2] or 0)


register(RubricExtractor())
