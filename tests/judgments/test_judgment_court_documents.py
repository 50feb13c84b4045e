"""Court documents in their real variety (issue 12): an enforcement ruling against two firms and a
person, each firm with its code and legal representative in its own layout, an agent that is no
party, a reasoning worded as courts word it; financing causes told apart, each with the record
kind it makes. The texts follow published rulings; names and codes are invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from judgment_graph import points, records

from cscs.api import Graph
from cscs.extract.judgments import pipeline

AS_OF = date(2021, 1, 1)
FIRM_A, FIRM_B = "91330782MA2EXXT12K", "913307815665432109"

TWO_FIRMS = """浙江省义乌市人民法院
【执 行 裁 定 书】
（2020）浙0782执5678号
申请执行人：义乌市鸿运纺织品有限公司，住所地浙江省义乌市稠城街道工人北路88号，统一社会信用代码913307826923456781。
法定代表人：何志强，该公司董事长。
委托诉讼代理人：鲍丽，浙江某某律师事务所律师。
被执行人：义乌市天顺工贸有限公司（统一社会信用代码：91330782MA2EXXT12K；法定代表人：楼伟），住所地浙江省义乌市北苑街道。
被执行人：兰溪市鼎盛电器有限公司（统一社会信用代码913307815665432109），住所地浙江省兰溪市兰江街道。
法定代表人：吴燕，该公司经理。
被执行人：吴燕，女，1982年7月3日出生，汉族，住浙江省兰溪市，公民身份号码330781198207031221。
委托诉讼代理人：朱明，男，该公司员工。
本院在执行申请执行人义乌市鸿运纺织品有限公司与被执行人义乌市天顺工贸有限公司、兰溪市鼎盛电器有限公司、吴燕买卖合同纠纷一案中，依据本院（2019）浙0782民初999号民事判决，被执行人应支付货款1,280,000元及利息。本院于2020年4月8日立案执行。
本院认为，本院已穷尽财产调查措施，未发现被执行人有其他可供执行的财产，申请执行人亦不能提供被执行人可供执行的财产线索，本案符合终结本次执行程序的条件。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十九条的规定，裁定如下：
终结本院（2020）浙0782执5678号案件的本次执行程序。
本裁定送达后立即生效。
审判员　金晓
二〇二〇年九月二十一日
书记员　陈琳
"""




def test_two_firms_and_a_person_subject_to_enforcement_are_read_with_their_codes() -> None:
    j = next(pipeline.read([TWO_FIRMS]))
    assert (j.doc_type.text, j.outcome) == ("执行裁定书", "enforcement terminated: no assets")
    debtors = j.parties_with("enforcement-debtor")
    assert [(p.name, p.kind, p.codes, p.legal_rep.name if p.legal_rep else None) for p in debtors] == [
        ("义乌市天顺工贸有限公司", "firm", [FIRM_A], "楼伟"),
        ("兰溪市鼎盛电器有限公司", "firm", [FIRM_B], "吴燕"),
        ("吴燕", "person", [], None)]
    names = [p.name for p in j.parties]
    assert "鲍丽" not in names and "朱明" not in names  # agents are not parties
    assert j.date == date(2020, 9, 21)


def test_every_firm_subject_to_enforcement_gets_a_default_and_its_representative_counts(
        graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "two-firms.txt"
    path.write_bytes(TWO_FIRMS.encode("gbk"))
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.counts.records == 3, report.error
    assert records(graph) == [("JudgmentDefault", "义乌市天顺工贸有限公司"), ("JudgmentDefault", "兰溪市鼎盛电器有限公司"),
                              ("JudgmentDefault", "吴燕")]
    for firm in (FIRM_A, FIRM_B):  # the rubric's 50 points for the indicator, lost by both firms
        assert points(graph, firm, "Failure to Satisfy a Court Judgment", AS_OF) == 0
        assert points(graph, firm, "Failure to Satisfy a Court Judgment Relating to Financing", AS_OF) == 50
    # 吴燕 is the legal representative of the second firm and subject to enforcement herself
    assert points(graph, FIRM_B, "Key Personnel Failed to Satisfy a Court Judgment", AS_OF) == 0
    # 楼伟 is named only as the first firm's representative: no default of his own
    assert points(graph, FIRM_A, "Key Personnel Failed to Satisfy a Court Judgment", AS_OF) == 20


CAUSES = {  # cause of action → (financing, record kind of a 终本 ruling in that case)
    "借款合同纠纷": (True, "FinancingJudgmentDefault"),
    "金融借款合同纠纷": (True, "FinancingJudgmentDefault"),
    "民间借贷纠纷": (True, "FinancingJudgmentDefault"),
    "融资租赁合同纠纷": (True, "FinancingJudgmentDefault"),
    "追偿权纠纷": (True, "FinancingJudgmentDefault"),  # a guarantor's recourse against the borrower
    "买卖合同纠纷": (False, "JudgmentDefault"),
    "房屋租赁合同纠纷": (False, "JudgmentDefault"),
}


@pytest.mark.parametrize("cause", list(CAUSES))
def test_financing_causes_are_told_apart(cause: str, tmp_path: Path) -> None:
    text = TWO_FIRMS.replace("买卖合同纠纷", cause).replace("货款", "款项")
    j = next(pipeline.read([text]))
    assert (j.cause.text, j.financing) == (cause, CAUSES[cause][0])
    if j.financing:
        assert j.financing_ground == f"cause of action: {cause}"
    path = tmp_path / "ruling.txt"
    path.write_text(text, encoding="utf-8")
    g = Graph(memory=True)
    (report,) = g.ingest([path])
    assert report.status == "added", report.error
    assert {kind for kind, _ in records(g)} == {CAUSES[cause][1]}


UNIT_CRIME = """杭州市拱墅区人民法院
刑 事 判 决 书
（2021）浙0105刑初321号
公诉机关杭州市拱墅区人民检察院。
被告单位杭州汇金财富投资管理有限公司（统一社会信用代码：91330105MA27Y0QX3B），住所地浙江省杭州市拱墅区莫干山路100号（以下简称汇金公司）。
诉讼代表人孙颖，该公司行政主管。
被告人钱坤，男，1975年4月2日出生，汉族，汇金公司法定代表人，公民身份号码330105197504021234。
辩护人林涛，浙江某某律师事务所律师。
杭州市拱墅区人民检察院以杭拱检刑诉〔2021〕210号起诉书指控被告单位汇金公司、被告人钱坤犯非法吸收公众存款罪，于2021年6月1日向本院提起公诉。
经审理查明：2017年至2019年，被告单位汇金公司以高额利息为诱饵，向社会公众吸收资金共计人民币3,500万元。
本院认为，被告单位汇金公司违反国家金融管理法律规定，变相吸收公众存款，数额巨大，其行为已构成非法吸收公众存款罪。判决如下：
一、被告单位杭州汇金财富投资管理有限公司（统一社会信用代码：91330105MA27Y0QX3B）犯非法吸收公众存款罪，判处罚金人民币五十万元。
二、被告人钱坤犯非法吸收公众存款罪，判处有期徒刑三年，并处罚金人民币十万元。
审判长　郑华
二〇二一年九月十五日
书记员　赵倩
"""
UNIT = "91330105MA27Y0QX3B"


@pytest.mark.parametrize("holding", ["full name and code", "abbreviation"])
def test_a_unit_convicted_of_a_financing_crime_loses_the_points(holding: str, graph: Graph, tmp_path: Path) -> None:
    text = UNIT_CRIME if holding == "full name and code" else UNIT_CRIME.replace(
        "被告单位杭州汇金财富投资管理有限公司（统一社会信用代码：91330105MA27Y0QX3B）犯", "被告单位汇金公司犯")
    j = next(pipeline.read([text]))  # the abbreviation in 指控被告单位汇金公司 is the unit, not another party
    assert [(p.name, p.roles, p.codes) for p in j.parties] == [
        ("杭州市拱墅区人民检察院", ["prosecutor"], []), ("杭州汇金财富投资管理有限公司", ["accused-unit"], [UNIT]),
        ("钱坤", ["accused"], [])]
    path = tmp_path / "unit.txt"
    path.write_text(text, encoding="utf-8")
    (report,) = graph.ingest([path])
    assert report.status == "added", report.error
    assert records(graph) == [("FinancingCrime", "杭州汇金财富投资管理有限公司"), ("FinancingCrime", "钱坤")]
    assert not [w for w in report.warnings if "not among the parties" in w.message]
    label = "Criminal Liability Relating to Financing"
    assert points(graph, UNIT, label, AS_OF) == 60  # 2021-01-01: before the judgment
    (indicator,) = [i for i in graph.explain(UNIT, date(2021, 12, 1)).indicators if i.label == label]
    assert indicator.points == 0
