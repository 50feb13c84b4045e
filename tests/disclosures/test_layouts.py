"""Annual reports in the layouts other publishers use, one small hand-written report per
way the extractors failed on unseen reports (issue 12): combined titles, the 原 prefix,
cells wrapped over lines, section rows, a header taken for a value, a bank's sentence
on its controller, a session before a body, a table in 人民币百万元, columns run
together, an HTML conversion with non-standard tags.

Every report is ingested without ``--as``: recognising it is part of each test.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cscs.api import Graph
from cscs.graph.queries import load
from cscs.sample.listed_check import PREFIXES

NAME = "浙江示例科技股份有限公司"
HEADER = "姓名  职务  任职状态  性别  年龄  任期起始日期  任期终止日期"
HOLDERS = ("前10名股东持股情况\n股东名称  股东性质  持股比例  报告期末持股数量\n"
           "王一  境内自然人  35.10%  351,000,000\n香港中央结算有限公司  境外法人  2.10%  21,000,000\n")
CONTROL = "实际控制人性质：境内自然人\n实际控制人姓名  王一\n"
STATEMENTS = ("合并资产负债表\n单位：元\n资产总计  1,000,000.00  900,000.00\n负债合计  400,000.00  380,000.00\n"
              "\f合并利润表\n单位：元\n五、净利润  50,000.00  40,000.00\n")
BIOS = "王一先生，1965年出生，中国国籍，现任公司董事长。\n"


def report(tmp_path: Path, rows: str, *, bios: str = BIOS, holders: str = HOLDERS, control: str = CONTROL,
           statements: str = STATEMENTS, name: str = "report.txt") -> Path:
    pages = [f"{NAME}\n2019年年度报告\n",
             f"第二节 公司简介\n股票简称  示例科技  股票代码  603999\n公司的中文名称  {NAME}\n",
             f"第四节 公司治理\n二、董事、监事和高级管理人员情况\n1、基本情况\n{HEADER}\n{rows}",
             f"2、任职情况\n{bios}三、董事、监事、高级管理人员报酬情况\n",
             f"第七节 股份变动及股东情况\n{holders}{control}",
             statements]
    path = tmp_path / name
    path.write_text("\f".join(pages), encoding="utf-8")
    return path


def ingest(path: Path) -> tuple[Graph, list[str]]:
    graph = Graph(memory=True)
    (result,) = graph.ingest([path], resolve=False)
    assert (result.status, result.extractor) == ("added", "annual_report"), result.error
    return graph, [p.message for p in result.warnings]


def roles(graph: Graph, controller: bool = False) -> dict[str, set[tuple[str, bool | None]]]:
    """Officers' roles in the firm (the actual controller's role only if asked)."""
    rows = graph.query(PREFIXES + """SELECT ?name ?role ?current WHERE { ?m org:role ?role ; org:member ?p .
        ?p foaf:name ?name . ?m org:organization ?firm . ?firm a cscs:Enterprise .
        OPTIONAL { ?m cscs:currentPost ?current } }""")
    found: dict[str, set[tuple[str, bool | None]]] = {}
    for r in rows:
        if str(r["role"]).endswith("#ActualController") and not controller:
            continue
        found.setdefault(str(r["name"]), set()).add((str(r["role"]).rsplit("#", 1)[-1], r["current"]))
    return found


def row(name: str, post: str, status: str = "现任") -> str:
    return f"{name}  {post}  {status}  男  55  2017年05月10日  2020年05月09日\n"


def test_combined_titles_are_read_word_by_word(tmp_path: Path) -> None:
    graph, warnings = ingest(report(tmp_path, row("王一", "董事长非执行董事") + row("李二", "执行董事副行长")
                                    + row("赵三", "监事长股东代表监事")))
    found = roles(graph)
    assert {r for r, _ in found["王一"]} == {"Chairman", "Director"}
    assert {r for r, _ in found["李二"]} == {"Director", "SeniorManager"}
    assert {r for r, _ in found["赵三"]} == {"Supervisor"}
    assert not [w for w in warnings if "post" in w]


def test_a_former_post_is_out_of_office(tmp_path: Path) -> None:
    graph, _ = ingest(report(tmp_path, row("王一", "董事长") + row("钱四", "原独立非执行董事", "离任")
                             + row("孙七", "董事、原副总经理（2019年3月离任）")))
    found = roles(graph)
    assert found["钱四"] == {("IndependentDirector", False)}
    assert found["孙七"] == {("Director", True), ("SeniorManager", False)}
    end = graph.query(PREFIXES + """SELECT ?end WHERE { ?m org:role cscs:SeniorManager ; org:member ?p ;
        cscs:endDate ?end . ?p foaf:name "孙七"@zh }""").rows
    assert [str(r["end"]) for r in end] == ["2019-04-01"]


def test_cells_wrapped_in_a_text_layout_are_joined_by_column(tmp_path: Path) -> None:
    rows = (row("王一", "董事长")
            + "孙五  独立董  现任  男  50  2017年05月10日  2020年05月09日\n"
            + "      事\n"
            + "周六  董事、副总经  现任  女  47  2017年05月10日  2020年05月09日\n"
            + "      理\n")
    graph, warnings = ingest(report(tmp_path, rows))
    found = roles(graph)
    assert found["孙五"] == {("IndependentDirector", True)}
    assert found["周六"] == {("Director", True), ("SeniorManager", True)}
    assert not [w for w in warnings if "vocabulary" in w or "known post" in w]


def test_an_unknown_fragment_is_warned_with_its_whole_cell(tmp_path: Path) -> None:
    _, warnings = ingest(report(tmp_path, row("王一", "董事长") + row("吴八", "总经理助理")))
    assert [w for w in warnings if "总经理助理" in w] == ["post cell '总经理助理': '助理' is no known post"]


def test_a_section_row_starts_a_group(tmp_path: Path) -> None:
    rows = "董事\n" + row("王一", "董事长") + row("郑九", "董事") + "监事\n" + row("冯十", "职工代表监事") \
        + "高级管理人员\n" + row("陈一", "财务总监")
    graph, _ = ingest(report(tmp_path, rows))
    found = roles(graph)
    assert {r for r, _ in found["郑九"]} == {"Director"}  # 监事 is not a wrapped part of his post
    assert {r for r, _ in found["冯十"]} == {"Supervisor"}
    assert set(found) == {"王一", "郑九", "冯十", "陈一"}


def test_a_column_header_is_never_the_controller(tmp_path: Path) -> None:
    control = ("实际控制人性质：境内自然人\n实际控制人姓名  与实际控制人关系  国籍  是否取得其他国家或地区居留权\n"
               "王一  本人  中国  否\n")
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), control=control))
    names = graph.query(PREFIXES + "SELECT ?name WHERE { ?c a cscs:ControlStatement ; cscs:controllerName ?name }")
    assert [str(r["name"]) for r in names] == ["王一"]
    assert "ActualController" in {r for r, _ in roles(graph, controller=True)["王一"]}
    assert not graph.query(PREFIXES + 'SELECT ?p WHERE { ?p foaf:name "与实际控制人关系"@zh }').rows


def test_a_banks_sentence_names_a_state_controller(tmp_path: Path) -> None:
    holders = ("截至报告期末前十名普通股股东持股情况\n股东名称  股东性质  持股比例  期末持股数量\n"
               "中国邮政集团有限公司  国有法人  67.38%  58,244,196,291\n香港中央结算有限公司  境外法人  1.01%  870,000,000\n")
    control = "三、控股股东及实际控制人情况\n本行控股股东、实际控制人为邮政集团。\n"
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), holders=holders, control=control))
    (owned,) = graph.query(load("state-ownership")).rows
    assert (owned["controllerNature"].rsplit("#", 1)[-1], owned["soe"], owned["controllerName"]) == (
        "CentralStateController", True, "邮政集团")
    assert owned["stateShare"] == Decimal("67.38")


def test_no_controller_in_the_banks_wording(tmp_path: Path) -> None:
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), control="本行不存在控股股东、实际控制人。\n"))
    (owned,) = graph.query(load("state-ownership")).rows
    assert (owned["controllerNature"].rsplit("#", 1)[-1], owned["soe"]) == ("NoController", False)


def test_a_session_before_the_body(tmp_path: Path) -> None:
    bios = "王一先生，1965年出生，十二届全国人大代表，现任公司董事长。曾任中国人民大学教授，全国钢标准化技术委员会委员。\n"
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), bios=bios))
    rows = graph.query(PREFIXES + """SELECT ?body ?text ?session WHERE { ?m org:organization ?b ; cscs:postText ?text .
        ?b a cscs:PartyStateBody ; skos:prefLabel ?body . OPTIONAL { ?m cscs:bodySession ?session } }""").rows
    assert [(r["body"], r["text"], r["session"]) for r in rows] == [("全国人民代表大会", "十二届全国人大代表", 12)]


def figures(graph: Graph) -> dict[str, Decimal]:
    return {r["item"].rsplit("#", 1)[-1]: r["value"] for r in graph.query(PREFIXES + """SELECT ?item ?value WHERE {
        ?f a cscs:FinancialFigure ; cscs:financialItem ?item ; cscs:valueYuan ?value }""")}


def test_a_table_in_millions_of_yuan(tmp_path: Path) -> None:
    statements = ("合并资产负债表\n2019年12月31日\n人民币百万元\n项目  附注  2019年12月31日  2018年12月31日\n"
                  "资产总计  10,216,706  9,516,211\n负债合计  9,540,958  8,819,575\n"
                  "\f合并利润表\n（人民币百万元）\n净利润  61,036  52,311\n")
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), statements=statements))
    assert figures(graph) == {"TotalAssets": Decimal("10216706000000"), "TotalLiabilities": Decimal("9540958000000"),
                              "NetProfit": Decimal("61036000000")}


def test_columns_run_together(tmp_path: Path) -> None:
    statements = ("合并资产负债表\n单位：元\n资产总计  1,000,000.00900,000.00\n"
                  "负债合计  4000001234567890123456789012345678\n\f合并利润表\n单位：元\n五、净利润  50,000.00  40,000.00\n")
    graph, warnings = ingest(report(tmp_path, row("王一", "董事长"), statements=statements))
    assert figures(graph) == {"TotalAssets": Decimal("1000000.00"), "NetProfit": Decimal("50000.00")}
    assert any("TotalLiabilities on page 6" in w and "4000001234567890123456789012345678" in w for w in warnings)


HTML = f"""<h>{NAME}</h>
<h>2019年年度报告</h>
<page>
<p>第二节 公司简介</p>
<table><tr><td>股票简称</td><td>示例科技</td><td>股票代码</td><td>603999</td></tr></table>
</page>
<page style="page-break-before: always">
<p>二、董事、监事和高级管理人员情况</p>
<table>
<tr><th>姓名</th><th>职务</th><th>任职状态</th><th>性别</th><th>年龄</th><th>任期起始日期</th><th>任期终止日期</th></tr>
<tr><td>王一</td><td>董事长<br/>总经理</td><td>现任</td><td>男</td><td>55</td><td>2017年05月10日</td><td>2020年05月09日</td></tr>
<tr><td>监事</td><td></td><td></td><td></td><td></td><td></td><td></td></tr>
<tr><td>冯十</td><td>监事会主席</td><td>现任</td><td>男</td><td>50</td><td>2017年05月10日</td><td>2020年05月09日</td></tr>
</table>
<p>三、董事、监事、高级管理人员报酬情况</p>
</page>
<page style="page-break-before: always">{HOLDERS.replace(chr(10), '<br/>')}<p>{CONTROL}</p></page>
"""


def test_an_html_conversion_with_its_own_tags(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(HTML, encoding="utf-8")
    graph, _ = ingest(path)
    firm = graph.query(PREFIXES + """PREFIX rov: <http://www.w3.org/ns/regorg#>
        SELECT ?name ?code WHERE { ?f cscs:stockCode ?code ; rov:legalName ?name }""").rows
    assert [(r["name"], r["code"]) for r in firm] == [(NAME, "603999")]
    found = roles(graph)
    assert {r for r, _ in found["王一"]} >= {"Chairman", "Director", "GeneralManager"}
    assert {r for r, _ in found["冯十"]} == {"Supervisor"}


def test_numbered_section_rows_and_a_header_without_status(tmp_path: Path) -> None:
    rows = ("（一）董事\n王一  董事长/总经理  男  1965  2017年05月10日  2020年05月09日  否\n"
            "（二）监事\n冯十  监事会主席  男  1970  2017年05月10日  2020年05月09日  否\n")
    path = report(tmp_path, rows)
    path.write_text(path.read_text(encoding="utf-8").replace(
        HEADER, "姓名  职务  性别  出生年份  任期起始日期  任期终止日期  是否在公司关联方获取报酬"), encoding="utf-8")
    found = roles(ingest(path)[0])
    assert {r for r, _ in found["王一"]} == {"Chairman", "Director", "GeneralManager", "SeniorManager"}
    assert {r for r, _ in found["冯十"]} == {"Supervisor"}


def test_a_biography_of_somebody_not_in_the_table_gives_nobody_a_post(tmp_path: Path) -> None:
    bios = ("王一先生，1965年出生，现任公司董事长。\n"
            "\f黎忠水先生，1956年出生，现任公司顾问，浙江省人大代表。\n")
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), bios=bios))
    assert not graph.query(PREFIXES + """SELECT ?m WHERE { ?m org:organization ?b . ?b a cscs:PartyStateBody ;
        cscs:bodyLevel ?level }""").rows


def test_a_holders_name_wrapped_onto_the_next_line(tmp_path: Path) -> None:
    holders = ("前十名股东持股情况\n股东名称  股东性质  持股比例(%)  期末持股数量\n"
               "王一  境内自然人  35.10  351,000,000\n中国工商银行股份有限公司－  其他  1.10  11,000,000\n"
               "华夏成长混合型证券投资基金\n香港中央结算有限公司  境外法人  0.90  9,000,000\n"
               "2、公司控股股东情况\n")
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), holders=holders))
    names = graph.query(PREFIXES + """SELECT ?name ?pct WHERE { ?h a cscs:Shareholding ; cscs:holderName ?name ;
        cscs:sharePercent ?pct } ORDER BY DESC(?pct)""").rows
    assert [r["name"] for r in names] == ["王一", "中国工商银行股份有限公司－华夏成长混合型证券投资基金", "香港中央结算有限公司"]


def test_a_row_centred_on_its_wrapped_cell(tmp_path: Path) -> None:
    rows = (row("王一", "董事长")
            + "      独立董\n"
            + "孙五  事  现任  男  50  2017年05月10日  2020年05月09日\n"
            + row("周六", "董事"))
    found = roles(ingest(report(tmp_path, rows))[0])
    assert (found["王一"], found["孙五"], found["周六"]) == (
        {("Chairman", True), ("Director", True)}, {("IndependentDirector", True)}, {("Director", True)})


def test_a_header_repeated_on_the_next_page_and_the_remuneration_table_after(tmp_path: Path) -> None:
    rows = (row("王一", "董事长") + f"\f{HEADER}\n" + row("郑九", "独立董事")
            + "姓名  职务  性别  年龄  任职状态  从公司获得的税前报酬总额\n吴八  董事长  男  55  现任  120.5\n")
    found = roles(ingest(report(tmp_path, rows))[0])
    assert set(found) == {"王一", "郑九"}


def test_kangxi_radicals_read_as_the_ideographs_they_stand_for(tmp_path: Path) -> None:
    statements = ("合并资产负债表\n\u2f08民币百万元\n资产总计  10,216,706  9,516,211\n负债合计  9,540,958  8,819,575\n"
                  "\f合并利润表\n（\u2f08民币百万元）\n净利润  61,036  52,311\n")  # ⼈民币百万元
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), statements=statements))
    assert figures(graph)["TotalAssets"] == Decimal("10216706000000")


def test_a_state_legal_person_controls_and_the_holders_nature_column_says_type(tmp_path: Path) -> None:
    holders = ("前十名股东持股情况\n股东名称  股东类型  持股比例  报告期末持股数量\n"
               "中国华能集团有限公司  国有法人  45.10%  451,000,000\n香港中央结算有限公司  境外法人  2.10%  21,000,000\n")
    graph, _ = ingest(report(tmp_path, row("王一", "董事长"), holders=holders, control="控股股东性质：国有法人\n"))
    (owned,) = graph.query(load("state-ownership")).rows
    assert (owned["controllerNature"].rsplit("#", 1)[-1], owned["soe"], owned["stateShare"]) == (
        "CentralStateController", True, Decimal("45.10"))
