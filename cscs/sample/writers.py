"""One writer per file format, each producing byte-identical output for identical input.

Timestamps that libraries stamp on files are pinned: openpyxl's document
properties and the ZIP members' dates (openpyxl takes the clock for both),
reportlab's creation date and document id (``invariant``). Writers know
nothing about lists or truth: they get a header and rows of cell values.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

Cell = str | int | float | date | None
PDF_FONT = "STSong-Light"


def write_xlsx(path: Path, *, sheet: str, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               stamp: datetime, title: str | None = None) -> Path:
    """One worksheet; an optional merged title row above the header. Dates become date cells."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
        ws.cell(1, 1).font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(list(header))
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
    for index, name in enumerate(header, start=1):
        longest = max([len(str(name))] + [len(str(r[index - 1])) for r in rows if r[index - 1] is not None])
        ws.column_dimensions[get_column_letter(index)].width = min(60, 4 + longest * 2)
    workbook.properties.creator = "cscs.sample"
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_pinned_zip(buffer.getvalue(), stamp))
    return path


def _pinned_zip(data: bytes, stamp: datetime) -> bytes:
    """Rewrite an OOXML package with fixed member dates and a fixed ``dcterms:modified``.

    openpyxl sets ``modified`` to the clock while saving and ZIP members get the
    current time, so the package is re-written member by member.
    """
    moment = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + moment + rb"\g<2>", content)
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16
            member.create_system = 3
            target.writestr(member, content)
    return out.getvalue()


def write_csv(path: Path, *, header: Sequence[str], rows: Sequence[Sequence[Cell]], encoding: str) -> Path:
    """Comma-separated, CRLF line ends (as Excel exports); encoding is strict, so a character
    outside e.g. GBK fails here rather than turning into ``?``."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if c is None else c for c in row] for row in rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_json(path: Path, document: Any) -> Path:
    """Compact UTF-8 JSON, keys in the given order, as a portal's API answers."""
    path.write_bytes(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return path


def write_html(path: Path, *, title: str, heading: str, header: Sequence[str], rows: Sequence[Sequence[Cell]],
               note: str = "", nav: Sequence[str] = ("首页", "信息公示")) -> Path:
    """A UTF-8 page whose data table sits inside a layout table, as older government sites do."""
    def cells(tag: str, values: Sequence[Cell]) -> str:
        return "".join(f"<{tag}>{html.escape('' if v is None else str(v))}</{tag}>" for v in values)

    body = "\n".join(f"      <tr>{cells('td', row)}</tr>" for row in rows)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
</head>
<body>
<table class="layout" width="100%" border="0">
  <tr>{cells('td', nav)}</tr>
  <tr><td colspan="{len(nav)}">
    <h1>{html.escape(heading)}</h1>
    <p>{html.escape(note)}</p>
    <table class="list" border="1" cellspacing="0" cellpadding="4">
      <thead><tr>{cells('th', header)}</tr></thead>
      <tbody>
{body}
      </tbody>
    </table>
  </td></tr>
</table>
</body>
</html>
"""
    path.write_bytes(page.encode("utf-8"))
    return path


def write_pdf_table(path: Path, *, title: str, intro: Sequence[str], header: Sequence[str],
                    rows: Sequence[Sequence[str]], wrap: Sequence[int], landscape_page: bool = False,
                    font_size: float = 7.5, repeat_header: bool = True) -> Path:
    """A notice: a title, introductory paragraphs and a ruled table (GRID) that may run over pages.

    Columns not in ``wrap`` are made wide enough for their longest cell, so
    names, codes and dates come back from pdfplumber exactly; the free-text
    columns in ``wrap`` share the remaining width and wrap (pdfplumber gives
    their lines joined by ``\\n``). The header is repeated on every page when
    ``repeat_header``.
    """
    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    page = landscape(A4) if landscape_page else A4
    margin = 36.0
    size = font_size
    while True:
        widths = _column_widths(header, rows, wrap, page[0] - 2 * margin, size)
        if widths or size <= 4:
            break
        size -= 0.5
    if not widths:
        raise ValueError("table does not fit the page width")
    cell_style = ParagraphStyle("cell", fontName=PDF_FONT, fontSize=size, leading=size * 1.25, wordWrap="CJK")
    head_style = ParagraphStyle("head", parent=cell_style, alignment=TA_CENTER)
    data: list[list[Any]] = [[Paragraph(escape(h), head_style) for h in header]]
    for row in rows:
        data.append([Paragraph(escape(v), cell_style) if i in wrap and v else v for i, v in enumerate(row)])
    table = Table(data, colWidths=widths, repeatRows=1 if repeat_header else 0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), PDF_FONT, size),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), size * 0.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), size * 0.6),
    ]))
    title_style = ParagraphStyle("title", fontName=PDF_FONT, fontSize=15, leading=22, alignment=TA_CENTER)
    text_style = ParagraphStyle("text", fontName=PDF_FONT, fontSize=10, leading=16, firstLineIndent=20, wordWrap="CJK")
    story: list[Any] = [Paragraph(escape(title), title_style), Spacer(1, 8)]
    story += [Paragraph(escape(p), text_style) for p in intro]
    story += [Spacer(1, 8), table]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont(PDF_FONT, 8)
        canvas.drawCentredString(page[0] / 2, margin / 2, f"第 {doc.page} 页")

    doc = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin, invariant=1, title=title, author="cscs.sample",
                            creator="cscs.sample", producer="cscs.sample")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return path


_PAD = 3.0


def _column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], wrap: Sequence[int],
                   available: float, size: float) -> list[float] | None:
    """Fixed columns at their longest cell; wrapping columns share the rest (None if it cannot fit)."""
    def width(text: str) -> float:
        return pdfmetrics.stringWidth(text, PDF_FONT, size) + 2 * _PAD + 1

    min_header = [width(h[:2]) for h in header]  # headers wrap; two characters a line at least
    natural = [max([min_header[i]] + [width(r[i]) for r in rows]) for i in range(len(header))]
    fixed = sum(natural[i] for i in range(len(header)) if i not in wrap)
    wanted = sum(natural[i] for i in wrap)
    rest = available - fixed
    if rest < width("字" * 6) * len(wrap):
        return None
    if wanted <= rest:  # everything fits on one line: spread the slack over all columns
        scale = available / (fixed + wanted)
        return [w * scale for w in natural]
    share: dict[int, float] = {}  # water-filling: short texts keep one line, the longest ones wrap
    for done, i in enumerate(sorted(wrap, key=lambda i: natural[i])):
        share[i] = max(width("字" * 6), min(natural[i], rest / (len(wrap) - done)))
        rest -= share[i]
    return [share.get(i, natural[i]) for i in range(len(header))]
