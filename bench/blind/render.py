"""Blocks (report_layout) to files: PDF through reportlab, HTML of several kinds, text as
pdftotext -layout prints it, and tab-separated text. Each renderer varies what real
conversions vary: grid lines or none, a header repeated after a page break or not, wrapped
cells, page headers and footers between the rows of a table.
"""
from __future__ import annotations

import html
import random
import unicodedata
from pathlib import Path

from bench.blind.report_layout import Blocks, Table

FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


# --- text -------------------------------------------------------------------------

def width(text: str) -> int:
    """Display width: CJK and full-width characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, limit: int) -> list[str]:
    """Cut a cell into lines of at most limit columns (explicit newlines kept)."""
    out: list[str] = []
    for part in text.split("\n"):
        line = ""
        for c in part:
            if width(line + c) > limit and line:
                out.append(line)
                line = ""
            line += c
        out.append(line)
    return out or [""]


def pad(text: str, cols: int) -> str:
    return text + " " * max(0, cols - width(text))


def _numeric(cell: str) -> bool:
    """Figures are never wrapped: a converter widens their column instead."""
    return all(c in "0123456789,.-%－ " for c in cell)


def text_table(rng: random.Random, t: Table, page_header: list[str]) -> list[str]:
    """A table as pdftotext -layout prints it: columns by spaces, wrapped cells continued on
    the next lines in their column, a page break (form feed and running header) inside."""
    columns = list(zip(*[row for row in ([t.header] + t.rows) if len(row) == len(t.header)]))
    limits = [max(width(c) for c in col) if all(_numeric(c) for c in col[1:])
              else min(max(width(c) for c in col), rng.choice((10, 12, 16, 20, 24))) for col in columns]
    gap = rng.choice((2, 3, 4))

    def lines_of(row: list[str]) -> list[str]:
        if len(row) == 1:
            return [row[0]]
        parts = [wrap(c, lim) for c, lim in zip(row, limits)]
        height = max(len(p) for p in parts)
        # pdftotext centres a short cell vertically against a wrapped neighbour now and then
        lifted = [[""] * ((height - len(p)) // 2 if rng.random() < 0.3 else 0) + p for p in parts]
        return [(" " * gap).join(pad(p[i] if i < len(p) else "", lim) for p, lim in zip(lifted, limits)).rstrip()
                for i in range(height)]

    out = [t.caption] if t.caption else []
    out += lines_of(t.header)
    for i, row in enumerate(t.rows):
        out += lines_of(row)
        if t.break_after is not None and i == t.break_after:
            out += ["", "\f" + page_header[0], page_header[1]]
            if t.repeat_header:
                out += lines_of(t.header)
    return out


def to_text(rng: random.Random, blocks: Blocks, title: str) -> str:
    page_header = [f"{title}", f"{rng.choice(('', '   '))}年度报告"]
    out: list[str] = []
    page = 1
    for kind, item in blocks.items:
        if kind == "page":
            page += 1
            out += ["", f"{page - 1} / 200" if rng.random() < 0.5 else str(page - 1), "\f" + page_header[0]]
        elif kind == "table":
            out += text_table(rng, item, page_header)  # type: ignore[arg-type]
        elif kind == "heading":
            out.append(str(item))
        else:
            out += wrap(str(item), rng.choice((70, 80, 90)))
    return "\n".join(out) + "\n"


def to_tsv(rng: random.Random, blocks: Blocks) -> str:
    """Tab-separated conversion: one row a line; a cell's own newline either kept as a
    continuation row (empty cells elsewhere) or flattened."""
    continuation = rng.random() < 0.5
    out: list[str] = []
    for kind, item in blocks.items:
        if kind == "table":
            t: Table = item  # type: ignore[assignment]
            if t.caption:
                out.append(t.caption)
            for row in [t.header] + t.rows:
                if continuation and any("\n" in c for c in row):
                    parts = [c.split("\n") for c in row]
                    for i in range(max(len(p) for p in parts)):
                        out.append("\t".join(p[i] if i < len(p) else "" for p in parts))
                else:
                    out.append("\t".join(c.replace("\n", "") for c in row))
        elif kind == "page":
            out.append("\f")
        else:
            out.append(str(item))
    return "\n".join(out) + "\n"


# --- HTML --------------------------------------------------------------------------

def to_html(rng: random.Random, blocks: Blocks) -> str:
    """One of three conversions: semantic (h tags, table), div soup, or paragraphs only (a table
    row a <p>, cells by spaces); the first line may be the nonstandard <h> tag."""
    style = rng.choice(("semantic", "divs", "paras"))
    first_h = rng.random() < 0.5
    out = ["<html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body>"]
    first = True
    for kind, item in blocks.items:
        if kind == "heading":
            text = html.escape(str(item))
            if first and first_h:
                out.append(f"<h>{text}</h>")
            elif style == "semantic":
                level = rng.choice((1, 2, 3))
                out.append(f"<h{level}>{text}</h{level}>")
            elif style == "divs":
                out.append(f"<div class=\"x{rng.randint(1, 40)}\"><span style=\"font-weight:bold\">{text}</span></div>")
            else:
                out.append(f"<p><b>{text}</b></p>")
            first = False
        elif kind == "para":
            for line in str(item).split("\n"):
                out.append(f"<div>{html.escape(line)}</div>" if style == "divs" else f"<p>{html.escape(line)}</p>")
        elif kind == "table":
            out += _html_table(rng, item, style)  # type: ignore[arg-type]
        elif kind == "page":
            out.append("<div style=\"page-break-after:always\"></div>" if style != "paras" else "<hr/>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_table(rng: random.Random, t: Table, style: str) -> list[str]:
    out = [f"<p>{html.escape(t.caption)}</p>"] if t.caption else []
    rows = [t.header] + t.rows
    if style == "paras":
        for row in rows:
            out.append("<p>" + "  ".join(html.escape(c.replace("\n", "")) for c in row) + "</p>")
        return out
    if style == "divs" and rng.random() < 0.5:
        for row in rows:
            out.append("<div class=\"tr\">" + "".join(f"<div class=\"td\">{html.escape(c)}</div>" for c in row) + "</div>")
        return out
    out.append("<table border=\"1\">")
    for i, row in enumerate(rows):
        tag = "th" if i == 0 and rng.random() < 0.5 else "td"
        if len(row) == 1:
            out.append(f"<tr><td colspan=\"{len(t.header)}\">{html.escape(row[0])}</td></tr>")
            continue
        cells = "".join(f"<{tag}>{html.escape(c).replace(chr(10), '<br/>')}</{tag}>" for c in row)
        out.append(f"<tr>{cells}</tr>")
        if t.break_after is not None and i - 1 == t.break_after:
            out.append("</table><div style=\"page-break-after:always\"></div><table border=\"1\">")
            if t.repeat_header:
                out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in t.header) + "</tr>")
    out.append("</table>")
    return out


# --- PDF ---------------------------------------------------------------------------

def _fonts(rng: random.Random) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT_FILE.exists() and rng.random() < 0.5:
        if "WQY" not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont("WQY", str(FONT_FILE), subfontIndex=0))
        return "WQY"
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def to_pdf(rng: random.Random, blocks: Blocks, path: Path, title: str) -> None:
    """A PDF with a text layer: tables with or without grid lines, cells wrapped inside their
    column, a running header on every page, tables broken across pages."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    font = _fonts(rng)
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    head = ParagraphStyle("h", fontName=font, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=font, fontSize=7.5, leading=9, wordWrap="CJK")
    story: list = []
    for kind, item in blocks.items:
        if kind == "heading":
            story.append(Paragraph(html.escape(str(item)), head))
        elif kind == "para":
            for line in str(item).split("\n"):
                story.append(Paragraph(html.escape(line), body))
        elif kind == "page":
            story.append(PageBreak())
        else:
            t: Table = item  # type: ignore[assignment]
            if t.caption:
                story.append(Paragraph(html.escape(t.caption), body))
            ncol = len(t.header)
            data = [[Paragraph(html.escape(c).replace("\n", "<br/>"), cell) for c in t.header]]
            sections: set[int] = set()
            for row in t.rows:
                if len(row) == 1:
                    sections.add(len(data))
                    row = row + [""] * (ncol - 1)
                data.append([Paragraph(html.escape(c).replace("\n", "<br/>"), cell) for c in row])
            avail = A4[0] - 72
            first = 0.16 if ncol > 4 else 1 / ncol
            widths = [avail * first] + [avail * (1 - first) / (ncol - 1)] * (ncol - 1) if ncol > 1 else [avail]
            order = [list(range(len(data)))]
            if t.break_after is not None and t.break_after + 2 < len(data):
                cut = t.break_after + 2
                order = [list(range(cut)), ([0] if t.repeat_header else []) + list(range(cut, len(data)))]
            for n, rows in enumerate(order):
                st = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                if t.grid:
                    st.append(("GRID", (0, 0), (-1, -1), 0.4, colors.black))
                st += [("SPAN", (0, i), (-1, i)) for i, orig in enumerate(rows) if orig in sections]
                story.append(RLTable([data[i] for i in rows], colWidths=widths, style=TableStyle(st), repeatRows=0))
                if n == 0 and len(order) > 1:
                    story.append(PageBreak())
            story.append(Spacer(1, 6))

    def running(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback signature
        canvas.setFont(font, 8)
        canvas.drawString(36, A4[1] - 24, f"{title}  年度报告")
        canvas.drawRightString(A4[0] - 36, 20, f"{doc.page}")

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40,
                      bottomMargin=36, title=title, invariant=1).build(story, onFirstPage=running, onLaterPages=running)
