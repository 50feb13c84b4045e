"""HTML reader: tables, colspan, &nbsp;, encodings, fragments, and never inventing rows."""

from __future__ import annotations

import pytest

from cscs.extract.readers import RawRow, read_tables

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>公示</title></head><body>
<table id="people">
  <tr><th colspan="3">主要人员信息</th></tr>
  <tr><th>序号</th><th>姓名</th><th>职务</th></tr>
  <tr><td>1</td><td>&nbsp;张三&nbsp;</td><td>董事<br>总经理</td></tr>
  <tr></tr>
  <tr><td>2</td><td colspan="2">李四 <!-- 备注 --><script>var x = "不是数据";</script></td></tr>
</table>
<p>说明</p>
<table><thead><tr><th>案号</th><th>详情</th></tr></thead>
  <tbody><tr><td>(2019)浙0111执286号</td>
    <td>见下表<table><tr><td>内层</td></tr></table></td></tr></tbody>
</table>
</body></html>"""


def cells(table):
    return tuple(row.cells for row in table.rows)


def test_every_table_with_colspan_nbsp_and_tr_numbering(write):
    path = write("page.html", PAGE)
    people, cases, inner = read_tables(path)
    assert (people.format, people.index, people.encoding, people.source) == ("html", 1, "utf-8", path)
    assert people.rows == (
        RawRow(("主要人员信息", "", ""), 1),
        RawRow(("序号", "姓名", "职务"), 2),
        RawRow(("1", "张三", "董事 总经理"), 3),
        RawRow(("2", "李四", ""), 5),  # the empty <tr> 4 has no cells; comments and scripts are not text
    )
    # the nested table is its own table and its text is not repeated in the parent cell
    assert (cases.index, cells(cases)) == (2, (("案号", "详情"), ("(2019)浙0111执286号", "见下表")))
    assert (inner.index, cells(inner)) == (3, (("内层",),))


def test_header_only_and_empty_tables_yield_no_invented_rows(write):
    html = "<table><tr><th>列入日期</th><th>作出决定机关</th></tr></table><table>\n</table>"
    header_only, empty = read_tables(write("frag.htm", html))
    assert header_only.rows == (RawRow(("列入日期", "作出决定机关"), 1),)
    assert empty.rows == ()


def test_cells_directly_in_table_form_one_implicit_row(write):
    [table] = read_tables(write("loose.html", "<table><th colspan=2>&lt;&lt; 1 &gt;&gt;</th></table>"))
    assert table.rows == (RawRow(("<< 1 >>", ""), 1),)


def test_gbk_page_with_meta_charset(write):
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           "<body><table><tr><td>被执行人</td><td>杭州富阳法院</td></tr></table></body></html>"
    [table] = read_tables(write("gbk.html", html.encode("gbk")))
    assert table.encoding == "gb18030"
    assert cells(table) == (("被执行人", "杭州富阳法院"),)


def test_gbk_page_without_declaration_falls_back_to_gb18030(write):
    [table] = read_tables(write("gbk.htm", "<table><tr><td>黔西南州</td></tr></table>".encode("gbk")))
    assert (table.encoding, cells(table)) == ("gb18030", (("黔西南州",),))


def test_xhtml_with_xml_declaration(write):
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">' \
            "<body><table><tr><td>绥中</td></tr></table></body></html>"
    [table] = read_tables(write("x.html", xhtml))
    assert cells(table) == (("绥中",),)


# --- real GSXT pages -------------------------------------------------------

GSXT = ("lists", "gsxt_company_pages_html")


def test_guangxi_abnormal_list_table_is_header_only(realdata):
    tables = read_tables(realdata(*GSXT, "guangxi_company_detail.html"))
    assert len(tables) == 15  # ten more "<table" strings live inside <script> and are not tables
    [abnormal] = [t for t in tables if t.rows and t.rows[0].cells[0] == "经营异常信息"]
    assert abnormal.rows == (
        RawRow(("经营异常信息",) + ("",) * 8, 1),
        RawRow(("序号", "列入经营异常名录原因", "列入日期", "移出经营异常名录原因", "移出日期", "作出决定机关"), 2),
    )
    following = tables[abnormal.index]  # the AJAX target table right after it
    assert following.rows == ()
    all_cells = [cell for table in tables for row in table.rows for cell in row.cells]
    assert all_cells.count("列入经营异常名录原因") == 1


def test_heilongjiang_page_is_flagged_but_has_no_abnormal_rows(realdata):
    path = realdata(*GSXT, "heilongjiang_company_detail.html")
    assert "该企业被列入经营异常名录" in path.read_text(encoding="utf-8")
    tables = read_tables(path)
    assert len(tables) == 25
    assert not [cell for table in tables for row in table.rows for cell in row.cells if "经营异常" in cell]


def test_tianjin_fragment_with_bom_and_broken_attribute(realdata):
    people, branches, liquidation = read_tables(realdata(*GSXT, "tianjin_fragment.html"))
    assert people.encoding == "utf-8-sig"
    assert people.rows[0] == RawRow(("主要人员信息", "", "", "", "", ""), 1)
    assert people.rows[2] == RawRow(("1", "高峰", "董事", "2", "黄玉功", "董事"), 3)
    assert people.rows[-1] == RawRow(("13", "刘焕虎", "监事会主席"), 9)
    assert len(people.rows) == 9
    assert cells(branches)[1:] == (
        ("序号", "注册号", "名称", "登记机关"),
        ("1", "120224000057628", "天津南环铁路有限公司黄万运管分公司", "天津市宝坻区市场和质量监督管理局"),
        ("2", "120224000057610", "天津南环铁路有限公司机务分公司", "天津市宝坻区市场和质量监督管理局"),
    )
    assert cells(liquidation)[1:] == (("清算组负责人", "无", "", "", ""), ("清算组成员", "无", "", "", ""))


@pytest.mark.parametrize("name", ["guangxi_company_detail.html", "heilongjiang_company_detail.html"])
def test_real_pages_have_no_nbsp_or_padding_left(realdata, name):
    for table in read_tables(realdata(*GSXT, name)):
        for row in table.rows:
            assert all(cell == cell.strip() and "\xa0" not in cell for cell in row.cells)
