"""The same annual reports as conversions give them: HTML with the converter's own tags,
and plain text with tab-separated cells (what saving that HTML as text does).

The HTML is what PDF-to-HTML tools and saved pages look like: the title page in
non-standard ``<h>`` elements, pages as ``<page>`` elements with a CSS page break,
every table a ``<table>`` whose cells break lines with ``<br/>`` (a post cell with one
post a line), section rows as one cell spanning the row. Tab-separated text keeps every
cell, empty ones too, so that columns are told by position.
"""

from __future__ import annotations

import random
from xml.sax.saxutils import escape

from .listed import ListedFirm
from .listed_docs import ReportContent, report_content
from .listed_layouts import Layout


def _cells(line: str) -> list[str]:
    return [c for c in line.split("  ") if c]


def _sections(c: ReportContent) -> list[tuple[str, list]]:
    """The report's parts in order: ("lines", [...]) or ("table", [[cells], ...])."""
    rows: list[list[str]] = []
    for index, (officer, cells) in enumerate(c.officers):
        if index in c.groups:
            rows.append([c.groups[index]])
        at = 3 if c.layout.family == "heldout" else 1
        name = cells[0].replace("\u3000", "").replace(" ", "")
        posts = "\n".join(c.layout.post(p) for p in officer.posts) if c.layout.joiner == "、" else cells[at]
        rows.append([name, *cells[1:at], posts, *cells[at + 1:]])
    units = [["任职人员姓名", "其他单位名称", "在其他单位担任的职务", "任期起始日期", "任期终止日期"],
             *[list(u) for u in c.units]]
    return [("title", c.front), ("page", []), ("lines", c.info), ("page", []), ("lines", c.governance),
            ("table", [c.officer_header, *rows]),
            ("lines", ["2、任职情况", "公司现任董事、监事、高级管理人员专业背景、主要工作经历以及目前在公司的主要职责",
                       *c.bios, "在其他单位任职情况"]),
            ("table", units), ("lines", c.remuneration), ("page", []), ("lines", c.ownership),
            ("table", [c.holder_header, *c.holders]), ("lines", c.control), ("page", []),
            ("lines", c.balance_sheet[:5]), ("table", [_cells(line) for line in c.balance_sheet[5:]]), ("page", []),
            ("lines", c.income_statement[:2]), ("table", [_cells(line) for line in c.income_statement[2:]])]


def report_html(firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> str:
    c = report_content(firm, year, seed, layout)
    rng = random.Random(f"cscs.sample.listed.html/{seed}/{firm.key}")
    width = len(c.officer_header)
    out: list[str] = []
    for kind, body in _sections(c):
        if kind == "title":
            out += [f"<h>{escape(line)}</h>" for line in body]
        elif kind == "page":
            out.append('</page>\n<page style="page-break-before: always">')
        elif kind == "lines":
            tag = rng.choice(("p", "div", "span1"))
            out += [f"<{tag}>{escape(line)}</{tag}>" for line in body]
        else:
            out.append("<table border=\"1\">")
            for row in body:
                if len(row) == 1:
                    out.append(f'<tr><td colspan="{width}">{escape(row[0])}</td></tr>')
                else:
                    cells = "".join(f"<td>{escape(cell).replace(chr(10), '<br/>')}</td>" for cell in row)
                    out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
    return "<page>\n" + "\n".join(out) + "\n</page>\n"


def report_tabbed(firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> str:
    """Plain text with tab-separated cells and form feeds between pages."""
    c = report_content(firm, year, seed, layout)
    width = len(c.officer_header)
    pages: list[list[str]] = [[]]
    for kind, body in _sections(c):
        if kind == "page":
            pages.append([])
        elif kind in {"title", "lines"}:
            pages[-1] += body
        else:
            for row in body:
                cells = [cell.replace("\n", "") for cell in row]
                pages[-1].append("\t".join(cells + [""] * (width - len(cells)) if len(cells) == 1 else cells))
    return "\f".join("\n".join(page) + "\n" for page in pages)
