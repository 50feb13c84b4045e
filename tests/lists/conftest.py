"""Fixture writers and helpers for the published-list extractor tests.

Fixtures are written into ``tmp_path`` in the formats lists are really published
in: XLSX (openpyxl), CSV encoded GBK, HTML tables, and PDF tables drawn with
reportlab's built-in CID font (with grid lines, so pdfplumber finds the table).
Each test then drives the real path: ``Source`` → reader → extractor →
``ExtractionContext``, and asserts on the quads and problems it collected.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Sequence

import pytest
from pyoxigraph import NamedNode

from cscs.extract.context import ExtractionContext
from cscs.extract.source import Source

Rows = Sequence[Sequence[object]]


class Writer:
    """Writes small list files into one temporary folder."""

    def __init__(self, root: Path):
        self.root = root

    def xlsx(self, name: str, rows: Rows, sheet: str = "名单", title: str | None = None) -> Path:
        """A workbook with one sheet; ``title`` is a banner row above the header, as lists often have."""
        from openpyxl import Workbook

        book = Workbook()
        ws = book.active
        ws.title = sheet
        if title:
            ws.append([title])
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
        for row in rows:
            ws.append(list(row))
        path = self.root / name
        book.save(path)
        return path

    def csv(self, name: str, rows: Rows, encoding: str = "gbk") -> Path:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows([[str(c) for c in r] for r in rows])
        path = self.root / name
        path.write_bytes(buffer.getvalue().encode(encoding))
        return path

    def html(self, name: str, *tables: Rows, title: str = "公示") -> Path:
        """A page with one ``<table>`` per argument; the first row of each is a ``<th>`` header."""
        parts = [f'<html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>',
                 f"<h1>{escape(title)}</h1>"]
        for rows in tables:
            parts.append('<table border="1">')
            for i, row in enumerate(rows):
                tag = "th" if i == 0 else "td"
                parts.append("<tr>" + "".join(f"<{tag}>{escape(str(c))}</{tag}>" for c in row) + "</tr>")
            parts.append("</table>")
        parts.append("</body></html>")
        path = self.root / name
        path.write_text("\n".join(parts), encoding="utf-8")
        return path

    def pdf(self, name: str, rows: Rows, title: str = "公告", repeat_header: bool = False) -> Path:
        """A landscape A4 notice with the rows as a ruled table (long tables break across pages)."""
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4, landscape
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        path = self.root / name
        doc = SimpleDocTemplate(str(path), pagesize=landscape(A4))
        table = Table([[str(c) for c in r] for r in rows], repeatRows=1 if repeat_header else 0)
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), "STSong-Light", 9),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ]))
        heading = Paragraph(escape(title), ParagraphStyle("h", fontName="STSong-Light", fontSize=14))
        doc.build([heading, table])
        return path


@dataclass
class Node:
    """One subject of the extracted graph: its predicates (local names) and their values."""

    iri: str
    props: dict[str, list[str]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        values = self.props[key]
        assert len(values) == 1, f"{key} has several values: {values}"
        return values[0]

    def get(self, key: str, default: str | None = None) -> str | None:
        values = self.props.get(key)
        return self[key] if values else default

    def all(self, key: str) -> list[str]:
        return list(self.props.get(key, []))


class Facts:
    """The quads of one extraction, indexed by subject, for readable assertions."""

    def __init__(self, ctx: ExtractionContext):
        self.ctx = ctx
        self.nodes: dict[str, Node] = {}
        for quad in ctx.quads:
            assert quad.graph_name == ctx.graph
            node = self.nodes.setdefault(quad.subject.value, Node(quad.subject.value))
            local = quad.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            node.props.setdefault(local, []).append(quad.object.value)

    def of_type(self, local: str) -> list[Node]:
        return [n for n in self.nodes.values() if any(t.endswith(("#" + local, "/" + local))
                                                      for t in n.all("type"))]

    def records(self, kind: str | None = None) -> list[Node]:
        """Records in source order, optionally only those of one record kind."""
        found = [n for n in self.nodes.values() if n.get("recordKind")
                 and (kind is None or n["recordKind"].endswith("#" + kind))]
        return sorted(found, key=lambda n: (int(n.get("sourcePage") or 0), int(n.get("sourceTable") or 0),
                                            int(n.get("sourceRow") or 0)))

    def label(self, iri: str) -> str:
        """A firm's legal name, a person's name or a department's label."""
        node = self.nodes[iri]
        for key in ("legalName", "name", "prefLabel"):
            if node.get(key):
                return node[key]
        raise KeyError(f"{iri} has no label")

    def kind_of(self, iri: str) -> str:
        return self.nodes[iri]["type"].rsplit("#", 1)[-1]

    def roles(self) -> list[tuple[str, str, str, str | None, str | None]]:
        """(person name, firm name, role, start, end) for every membership."""
        return sorted(
            (self.label(m["member"]), self.label(m["organization"]), m["role"].rsplit("#", 1)[-1],
             m.get("startDate"), m.get("endDate"))
            for m in self.of_type("Membership")
        )

    def warnings(self) -> list[str]:
        return [str(p) for p in self.ctx.problems if p.level == "warning"]


def run_extractor(extractor: object, path: Path) -> tuple[ExtractionContext, Facts]:
    """Extract ``path`` with ``extractor`` through the real reader, as ingest does."""
    ctx = ExtractionContext(path=path, graph=NamedNode("https://w3id.org/cscs/doc/test"), doc_key="0" * 64)
    extractor.extract(ctx, Source(path))  # type: ignore[attr-defined]
    return ctx, Facts(ctx)


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    return Writer(tmp_path)


@pytest.fixture(scope="session")
def run():
    """``run(Extractor(), path)`` → (context, facts)."""
    return run_extractor


@pytest.fixture(scope="session")
def choose_name():
    """The name of the extractor the registry picks for a file, by its content."""
    from cscs.extract.registry import choose

    return lambda path: choose(Source(path)).name


def indicator_points_of(path: Path, firm: str, day, indicator: str) -> tuple[float, float, int]:
    """(points, max, records counted) of one rubric indicator for ``firm`` on ``day``, after
    ingesting the shipped rubric and ``path`` (by content, without ``--as``) into a fresh graph."""
    from cscs.api import Graph
    from cscs.demo import shipped_rubric

    graph = Graph(memory=True)
    reports = graph.ingest([shipped_rubric(), path])
    assert [r.error for r in reports if r.status != "added"] == []
    (found,) = [i for i in graph.explain(firm, day).indicators if i.label == indicator]
    return found.points, found.max, found.counted


@pytest.fixture(scope="session")
def indicator_points():
    """``indicator_points(path, firm, day, indicator)`` → (points, max, counted)."""
    return indicator_points_of
