"""Tables printed without ruling lines in PDF reports: read from where their words stand.

A report's board table and its top-ten table are often drawn with no grid at all. Its
cells wrap inside their column (the header ``任期起始日`` / ``期``, the post ``独立非执行`` /
``董事``, the date ``2019年06月18`` / ``日``), either from the top of the row or centred
on the row's tallest cell, and rows are set apart by padding or not at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from borderless_pdf import draw_table, save_pdf, text_lines

from cscs.extract.disclosures import officers, ownership
from cscs.extract.disclosures.pages import read_pages

pytest.importorskip("reportlab")

XS = [50, 110, 190, 235, 265, 295, 360, 425, 490]
HEADER = [["姓名"], ["职务"], ["任职", "状态"], ["性别"], ["年龄"], ["任期起始日", "期"], ["任期终止日", "期"],
          ["年初持股", "数（股）"], ["年末持股", "数（股）"]]
ROWS = [
    [["董事会成员"], [], [], [], [], [], [], [], []],
    [["周立新"], ["董事长，非", "执行董事"], ["现任"], ["男"], ["57"], ["2019年06月18", "日"], ["2025年06月17", "日"],
     ["12,000"], ["12,000"]],
    [["郑  岚"], ["独立非执行", "董事"], ["现任"], ["女"], ["61"], ["2020年03月02", "日"], ["2025年06月17", "日"],
     ["0"], ["0"]],
    [["何志远"], ["执行董事、", "副总经理、", "董事会秘书"], ["离任"], ["男"], ["49"], ["2016年05月20", "日"],
     ["2023年04月11", "日"], ["3,500"], ["0"]],
]


def _report(path: Path, valign: str, padding: float) -> Path:
    # Without padding a one-cell group row cannot be told from a wrapped first cell: none then.
    rows = ROWS if padding else ROWS[1:]

    def page(canvas) -> None:
        top = text_lines(canvas, 60, ["第八节 董事、监事、高级管理人员和员工情况", "一、董事、监事和高级管理人员持股变动及报酬情况"])
        draw_table(canvas, top + 10, XS, [HEADER, *rows], valign=valign, padding=padding)

    return save_pdf(path, [page])


@pytest.mark.parametrize(("valign", "padding"), [("top", 6), ("middle", 6), ("middle", 0)])
def test_board_table_without_rules_is_read_with_wrapped_cells(tmp_path: Path, valign: str, padding: float) -> None:
    path = _report(tmp_path / "report.pdf", valign, padding)
    found, first = officers.from_pdf(path, read_pages(path), path.name)
    assert first == 1
    assert [(o.name, o.posts.posts, o.current, o.sex, o.age) for o in found] == [
        ("周立新", ["董事长", "非执行董事"], True, "男", 57),
        ("郑岚", ["独立非执行董事"], True, "女", 61),
        ("何志远", ["执行董事", "副总经理", "董事会秘书"], False, "男", 49),
    ]
    assert [(o.start, o.end) for o in found][2] == (date(2016, 5, 20), date(2023, 4, 12))
    assert all(not o.posts.leftovers for o in found)


def test_top_ten_without_rules_beside_a_ruled_table_on_its_page(tmp_path: Path) -> None:
    """The controller's key-value table is ruled, the holders' table below it is not; names,
    natures and numbers wrap in their cells, and a row's wrapped parts stay in their row."""
    padding = 7
    from reportlab.platypus import Table, TableStyle

    def page(canvas) -> None:
        top = text_lines(canvas, 60, ["（二）控股股东情况"])
        table = Table([["名称", "远江控股集团有限公司"], ["法定代表人", "冯启"]], colWidths=[120, 220])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                                   ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        _, height = table.wrapOn(canvas, 400, 200)
        table.drawOn(canvas, 50, canvas._pagesize[1] - top - height)
        top = text_lines(canvas, top + height + 20, ["三、前十名股东持股情况"])
        header = [["股东名称"], ["股东性质"], ["持股比例", "（%）"], ["持股总数"], ["质押或冻结的", "股份数量"]]
        rows = [[["远江控股集团有限", "公司"], ["国有法人"], ["41.20"], ["820,000,000"], ["0"]],
                [["香港中央结算有限", "公司"], ["境外法人"], ["3.05"], ["60,700,000"], ["0"]],
                [["梁淑芬"], ["境内自然人"], ["0.51"], ["10,150,000"], ["0"]],
                [["青禾农业发展有限", "责任公司"], ["境内非国有", "法人"], ["0.20"], ["4,000,00", "0"], ["0"]]]
        draw_table(canvas, top + 6, [50, 160, 230, 290, 380], [header, *rows], valign="top", padding=padding)

    path = save_pdf(tmp_path / "holders.pdf", [page])
    found = ownership.holders_from_pdf(path, read_pages(path), path.name)
    assert [(h.name, h.nature, str(h.percent), h.shares) for h in found] == [
        ("远江控股集团有限公司", "StateOwnedLegalPerson", "41.20", 820000000),
        ("香港中央结算有限公司", "ForeignLegalPerson", "3.05", 60700000),
        ("梁淑芬", "DomesticNaturalPerson", "0.51", 10150000),
        ("青禾农业发展有限责任公司", "DomesticNonStateLegalPerson", "0.20", 4000000),
    ]
