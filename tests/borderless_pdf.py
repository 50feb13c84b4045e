"""Draw tables without ruling lines into PDFs, as Word exports and many reports print them.

Each cell is a list of printed lines; a row is as tall as its tallest cell, and a cell
shorter than that is set at the top or in the middle of the row (``valign``). Rows are
separated by ``padding`` points of white (0: rows set as close as a cell's own lines).
"""

from __future__ import annotations

from pathlib import Path

FONT = "STSong-Light"


def register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def draw_table(canvas, top: float, xs: list[float], rows: list[list[list[str]]], *, size: float = 8,
               leading: float = 9.5, padding: float = 7, valign: str = "middle") -> float:
    """Draw ``rows`` (cells as lists of lines) from ``top`` (points from the page's top);
    returns the y (from the top) below the table."""
    height = canvas._pagesize[1]
    y = top
    for row in rows:
        lines = max(len(cell) for cell in row) or 1
        for x, cell in zip(xs, row):
            offset = (lines - len(cell)) * leading / 2 if valign == "middle" else 0
            for k, text in enumerate(cell):
                canvas.setFont(FONT, size)
                canvas.drawString(x, height - (y + offset + k * leading + size), text)
        y += lines * leading + padding
    return y


def text_lines(canvas, top: float, lines: list[str], size: float = 10, x: float = 50) -> float:
    height = canvas._pagesize[1]
    for text in lines:
        canvas.setFont(FONT, size)
        canvas.drawString(x, height - (top + size), text)
        top += size * 1.6
    return top


def save_pdf(path: Path, pages: list) -> Path:
    """``pages``: callables drawing one page each on the canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    register_font()
    canvas = Canvas(str(path), pagesize=A4)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return path
