"""Officers who left, listed under a section row or caption of their own, in a table that
has no status column: they are former officers, and those under 现任 stay current."""

from __future__ import annotations

from pathlib import Path

from cscs.extract.disclosures import officers
from cscs.extract.disclosures.pages import read_pages

HTML = """<html><body><h2>第九节 董事、监事、高级管理人员和员工情况</h2>
<table>
<tr><th>姓名</th><th>职务</th><th>性别</th><th>年龄</th><th>任期起始日期</th><th>任期终止日期</th></tr>
<tr><td colspan="6">现任董事、监事和高级管理人员</td></tr>
<tr><td>欧阳明</td><td>董事长</td><td>男</td><td>55</td><td>2019年5月8日</td><td>2025年5月7日</td></tr>
<tr><td colspan="6">报告期内离任董事、监事和高级管理人员</td></tr>
<tr><td>孔繁星</td><td>副总经理</td><td>女</td><td>47</td><td>2016年5月8日</td><td>2022年9月30日</td></tr>
</table>
<p>二、董事、监事、高级管理人员的任职情况</p></body></html>"""


def test_rows_under_a_leavers_section_row_are_former(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(HTML, encoding="utf-8")
    found, _ = officers.from_text(read_pages(path), path.name)
    assert [(o.name, o.current) for o in found] == [("欧阳明", None), ("孔繁星", False)]


def test_tab_separated_leavers_table_after_its_caption(tmp_path: Path) -> None:
    text = ("第八节 董事、监事、高级管理人员和员工情况\n"
            "姓名\t职务\t性别\t年龄\t任期起始日期\t任期终止日期\n"
            "欧阳明\t董事长\t男\t55\t2019年5月8日\t2025年5月7日\n"
            "离任董事、监事和高级管理人员\t\n"
            "孔繁星\t副总经理\t女\t47\t2016年5月8日\t2022年9月30日\n"
            "二、董事、监事、高级管理人员的任职情况\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    found, _ = officers.from_text(read_pages(path), path.name)
    assert [(o.name, o.current) for o in found] == [("欧阳明", None), ("孔繁星", False)]
