"""Fixture builders for reader tests: real formats with Chinese text, made in tmp_path.

Real public documents are read from ``../shared/realdata`` (next to the repo),
never copied into the repo; tests that need them skip when it is absent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
REALDATA = REPO_ROOT.parent / "shared" / "realdata"


@pytest.fixture
def realdata() -> Callable[..., Path]:
    """``realdata("lists", "x.json")`` -> path of a real document, or skip the test."""

    def locate(*parts: str) -> Path:
        path = REALDATA.joinpath(*parts)
        if not path.is_file():
            pytest.skip(f"real data not available: {path}")
        return path

    return locate


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """``write("a.csv", data)`` -> path; str data is written as UTF-8."""

    def write_file(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return write_file


@pytest.fixture
def two_sheet_xlsx(tmp_path: Path) -> Path:
    """Workbook: sheet 失信名单 (title row, header, date/datetime/int/float cells, styled
    empty trailing row) and sheet 备注 (one cell)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "失信名单"
    sheet.append(["2019年失信被执行人名单"])
    sheet.append(["被执行人", "执行案号", "立案时间", "标的金额", "比例"])
    sheet.append(["杭州某某科技有限公司", "(2019)浙0111执286号", dt.date(2019, 1, 14), 1402260, 0.25])
    sheet.append(["张\u00a0三 ", "(2018)黔03执12号", dt.datetime(2018, 7, 13, 9, 30), 3.0, None])
    sheet.cell(row=8, column=2).font = Font(bold=True)  # styled but empty: a trailing empty row
    notes = workbook.create_sheet("备注")
    notes["A1"] = "数据来源：最高人民法院"
    path = tmp_path / "名单.xlsx"
    workbook.save(path)
    return path


@pytest.fixture
def two_page_pdf(tmp_path: Path) -> Path:
    """PDF with a ruled table on each of two pages (STSong-Light, so the text is real Chinese)."""
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ])
    directors = Table([["姓名", "职务"], ["张三", "董事长"], ["李四", "独立董事"]], style=style)
    cases = Table([["执行案号", "义务"], ["(2019)浙0111执286号", "承担连带\n清偿责任"]], style=style)
    path = tmp_path / "报告.pdf"
    SimpleDocTemplate(str(path)).build([directors, PageBreak(), cases])
    return path


@pytest.fixture
def text_aligned_pdf(tmp_path: Path) -> Path:
    """One page with three text columns and no ruling lines."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "对齐.pdf"
    page = canvas.Canvas(str(path))
    page.setFont("STSong-Light", 12)
    lines = [("姓名", "职务", "任期"), ("张三", "董事长", "2021-2024"), ("李四", "独立董事", "2022-2025")]
    for number, columns in enumerate(lines):
        for x, text in zip((72, 200, 330), columns):
            page.drawString(x, 700 - number * 20, text)
    page.save()
    return path
