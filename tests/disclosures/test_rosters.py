"""Rosters: the body from the title row, a 机构 column or each official's unit and post."""

from __future__ import annotations

from pathlib import Path

from cscs.api import Graph
from cscs.sample.listed_check import PREFIXES


def members(graph: Graph) -> set[tuple]:
    rows = graph.query(PREFIXES + """SELECT ?name ?body ?level ?role ?unit ?born WHERE {
        ?m org:member ?p ; org:organization ?b ; org:role ?role . ?p foaf:name ?name .
        ?b skos:prefLabel ?body ; cscs:bodyLevel ?level .
        OPTIONAL { ?m cscs:workUnit ?unit } OPTIONAL { ?p cscs:birthYear ?born } }""")
    return {(r["name"], r["body"], r["level"].rsplit("#")[-1], r["role"].rsplit("#")[-1], r["unit"], r["born"])
            for r in rows}


def ingest(path: Path, text: str) -> tuple[Graph, object]:
    path.write_text(text, encoding="utf-8")
    graph = Graph(memory=True)
    (report,) = graph.ingest([path], resolve=False)
    return graph, report


def test_the_title_row_names_the_body(tmp_path: Path) -> None:
    graph, report = ingest(tmp_path / "roster.csv", "浙江省第十三届人民代表大会代表名单\n"
                           "姓名,性别,民族,出生年月,籍贯,党派,工作单位及职务\n"
                           "王 伟,男,汉族,1965.03,浙江绍兴,中共,浙江华鑫科技股份有限公司董事长\n")
    assert report.extractor == "roster" and report.status == "added"
    assert members(graph) == {("王伟", "浙江省人民代表大会", "ProvincialLevel", "Deputy",
                               "浙江华鑫科技股份有限公司董事长", 1965)}


def test_a_body_column_and_a_role_column(tmp_path: Path) -> None:
    graph, _ = ingest(tmp_path / "members.csv", "姓名,性别,出生年月,机构,身份,工作单位及职务\n"
                      "李红,女,1970.01,政协杭州市委员会,常委,杭州某某集团有限公司总经理\n")
    assert members(graph) == {("李红", "政协杭州市委员会", "MunicipalLevel", "StandingCommitteeMember",
                               "杭州某某集团有限公司总经理", 1970)}


def test_officials_are_members_of_their_governments(tmp_path: Path) -> None:
    graph, report = ingest(tmp_path / "officials.csv", "姓名,性别,出生年月,工作单位,职务\n"
                           "张强,男,1968.05,杭州市人民政府,副市长\n"
                           "赵敏,女,1972.11,杭州市经济和信息化局,局长\n"
                           "钱多,男,1975.01,某某公司,经理\n")
    assert {(m[0], m[1], m[3]) for m in members(graph)} == {
        ("张强", "杭州市人民政府", "GovernmentLeader"), ("赵敏", "杭州市经济和信息化局", "Official")}
    assert any("no party-state post" in str(p) for p in report.warnings)  # 钱多's row is skipped, named
