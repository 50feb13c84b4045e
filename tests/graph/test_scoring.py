"""Exact scores for hand-built firms: each expected number is worked out by hand from
the Zhejiang 2020 rubric (negative indicators start at their maximum, 815 in all;
positive ones at 0), through real documents and the whole ingest path.

Rules used (ontology/rubrics/zhejiang-2020.toml): all-or-nothing, except
Administrative Penalty (30 per decision, up to 90), Volunteer Service (10 each, up
to 30), Donations (15 each, up to 35), Honours (20 each, up to 60); records count
for 5 years from their date unless they say otherwise.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc

AS_OF = date(2024, 6, 30)
A = make_uscc("330102", "10000001")  # no records
B = make_uscc("330106", "10000002")  # deductions and merits
C = make_uscc("330108", "10000003")  # key personnel on lists
D = make_uscc("330110", "10000004")  # expired, removed and repaired records
_E = make_uscc("330102", "10000005")
E = _E[:17] + ("0" if _E[17] != "0" else "1")  # fails its check character
F = make_uscc("330183", "55269853")  # listed under its old organisation code only
F_ORG = "55269853-" + F[16]



@pytest.fixture
def graph(any_graph: Graph) -> Graph:
    """Every test here runs on the embedded store and on a real Oxigraph server."""
    return any_graph

def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    docs = [
        write_csv(tmp_path / "personnel.csv", ["企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"], [
            ["杭州丙科技有限公司", C, "王五", "3301061975****1234", "法定代表人", "2020-01-01", ""],
            ["杭州丙科技有限公司", C, "赵六", "3301061980****5678", "监事", "2015-03-01", "2022-12-31"],
            ["杭州乙贸易有限公司", B, "孙七", "3301061970****1111", "董事", "2010-01-01", ""],
        ]),
        write_csv(tmp_path / "abnormal.csv", ["企业名称", "统一社会信用代码", "列入经营异常名录原因", "列入日期",
                                               "作出决定机关(列入)", "移出经营异常名录原因", "移出日期", "作出决定机关(移出)"], [
            ["杭州乙贸易有限公司", B, "通过登记的住所或者经营场所无法联系", "2023-01-10", "杭州市拱墅区市场监督管理局", "", "", ""],
            ["杭州丁实业有限公司", D, "未依照规定期限公示年度报告", "2023-05-01", "杭州市余杭区市场监督管理局",
             "补报了年度报告", "2024-01-15", "杭州市余杭区市场监督管理局"],
        ]),
        write_csv(tmp_path / "penalties.csv", ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政处罚决定书文号",
                                                "处罚类别", "罚款金额（万元）", "处罚决定日期", "公示截止期", "处罚机关"], [
            ["杭州乙贸易有限公司", "法人及非法人组织", B, "杭拱市监罚处〔2023〕11号", "罚款", "1.5", "2023-03-01", "2026-02-28", "杭州市拱墅区市场监督管理局"],  # noqa: E501
            ["杭州乙贸易有限公司", "法人及非法人组织", B, "杭拱市监罚处〔2024〕3号", "罚款", "0.2", "2024-01-05", "2027-01-04", "杭州市拱墅区市场监督管理局"],  # noqa: E501
        ], encoding="gbk"),
        write_csv(tmp_path / "honours.csv", ["企业名称", "统一社会信用代码", "荣誉名称", "授予机关", "授予日期", "荣誉级别", "有效期至"], [
            ["杭州乙贸易有限公司", B, "杭州市文明单位", "杭州市文明办", "2023-05-01", "市级", ""],
        ]),
        write_csv(tmp_path / "redlist.csv", ["纳税人识别号", "纳税人名称", "评价年度", "纳税信用级别", "发布日期"], [
            [B, "杭州乙贸易有限公司", "2023", "A", "2024-04-01"],
        ]),
        write_csv(tmp_path / "donations.csv", ["捐赠单位", "统一社会信用代码", "受赠单位", "捐赠金额（元）", "捐赠日期"], [
            ["杭州乙贸易有限公司", B, "浙江省红十字会", "50000", "2022-02-01"],
            ["杭州乙贸易有限公司", B, "杭州市慈善总会", "20000", "2023-02-01"],
            ["杭州乙贸易有限公司", B, "浙江省红十字会", "10000", "2024-02-01"],
        ]),
        write_csv(tmp_path / "serious.csv", ["主体名称", "统一社会信用代码/注册号", "主体类型", "列入日期",
                                              "列入严重违法失信名单原因", "作出决定机关", "移出日期", "信用修复日期"], [
            ["杭州丁实业有限公司", D, "企业", "2022-02-01", "被列入经营异常名录届满3年仍未履行相关义务",
             "杭州市余杭区市场监督管理局", "", "2024-02-01"],
            ["赵六", "3301061980****5678", "个人", "2023-05-01", "严重失信", "杭州市市场监督管理局", "", ""],
        ]),
        write_csv(tmp_path / "tax.csv", ["纳税人名称", "纳税人识别号", "法定代表人(负责人)", "认定日期", "主管税务机关", "解除日期"], [
            ["杭州戊有限公司", E, "钱八", "2024-03-01", "国家税务总局杭州市上城区税务局", ""],
        ]),
    ]
    dishonest = [
        {"iname": "王五", "cardNum": "3301061975****1234", "partyTypeName": "0", "caseCode": "(2023)浙0106执100号",
         "courtName": "杭州市西湖区人民法院", "publishDate": "2023年06月01日", "regDate": "20230301"},
        {"iname": "杭州丁实业有限公司", "cardNum": D, "partyTypeName": "1", "caseCode": "(2018)浙0110执5号",
         "courtName": "杭州市余杭区人民法院", "publishDate": "2018年03月01日", "regDate": "20180101",
         "businessEntity": "周九"},
        {"iname": "杭州己有限公司", "cardNum": F_ORG, "partyTypeName": "1", "caseCode": "(2024)浙0183执7号",
         "courtName": "杭州市富阳区人民法院", "publishDate": "2024年02月01日", "regDate": "20240101"},
    ]
    (tmp_path / "dishonest.json").write_text(json.dumps({"status": "0", "data": [{"result": dishonest}]},
                                                        ensure_ascii=False), encoding="utf-8")
    registry = write_csv(tmp_path / "registry.csv", ["企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"], [
        ["杭州甲有限公司", A, "李四", "3301061965****2222", "法定代表人", "2001-01-01", ""],
        ["杭州己有限公司", F, "吴十", "3301061966****3333", "法定代表人", "2001-01-01", ""],
    ])
    return [*docs, tmp_path / "dishonest.json", registry]


@pytest.fixture
def scored(graph: Graph, corpus: list[Path]) -> Graph:
    reports = graph.ingest(corpus)
    assert [(r.path.name, r.error) for r in reports if r.status != "added"] == []
    return graph


def total(graph: Graph, uscc: str, day: date = AS_OF) -> int:
    (score,) = graph.score(uscc, day)
    return score.total


def categories(graph: Graph, uscc: str, day: date = AS_OF) -> dict[str, int]:
    (score,) = graph.score(uscc, day)
    return {c.label: c.points for c in score.categories}


def test_a_firm_without_records_keeps_every_negative_maximum_and_no_merits(scored: Graph) -> None:
    assert categories(scored, A) == {"Basic Data": 80, "Finance and Taxation": 195,
                                     "Governance Capability": 90, "Compliance": 450,
                                     "Social Responsibility": 0}
    assert total(scored, A) == 815
    (score,) = scored.score(A, AS_OF)
    assert score.grade == "good"


def test_deductions_and_merits_add_up(scored: Graph) -> None:
    # abnormal operations -20; two penalties -60 (30 each); honour +20; red list +60;
    # three donations 3 x 15 = 45, capped at 35
    assert categories(scored, B) == {"Basic Data": 60, "Finance and Taxation": 195,
                                     "Governance Capability": 90, "Compliance": 390,
                                     "Social Responsibility": 115}
    assert total(scored, B) == 815 - 20 - 60 + 20 + 60 + 35 == 850


def test_as_of_dates_move_records_in_and_out(scored: Graph) -> None:
    assert total(scored, B, date(2022, 1, 1)) == 815  # before everything
    # 2023-04-01: abnormal (-20), first penalty (-30), two donations (+30); red list not yet
    assert total(scored, B, date(2023, 4, 1)) == 815 - 20 - 30 + 30
    # the red list entry published 2024-04-01 holds for one year
    assert total(scored, B, date(2025, 4, 2)) == 815 - 20 - 60 + 20 + 35


def test_key_personnel_count_through_the_role_they_hold(scored: Graph) -> None:
    # 王五, legal representative since 2020, on the dishonest list since 2023-06-01: -20.
    # 赵六 left the supervisory board on 2022-12-31 and was listed on 2023-05-01: no effect.
    assert categories(scored, C)["Basic Data"] == 60
    assert total(scored, C) == 795
    assert total(scored, C, date(2023, 5, 31)) == 815
    explanation = scored.explain(C, AS_OF)
    (judgment,) = [i for i in explanation.indicators if i.label == "Key Personnel Failed to Satisfy a Court Judgment"]
    (evidence,) = judgment.evidence
    assert (evidence.status, evidence.via_role, evidence.via_person_name) == ("counted", "LegalRepresentative", "王五")
    assert evidence.case_number == "(2023)浙0106执100号" and evidence.issuer == "杭州市西湖区人民法院"
    (serious,) = [i for i in explanation.indicators if i.label == "Serious Dishonest Key Personnel"]
    assert [(e.status, e.via_role) for e in serious.evidence] == [("role not held", "Supervisor")]
    assert serious.points == 20


def test_expired_removed_and_repaired_records_stop_counting(scored: Graph) -> None:
    # dishonest 2018-03-01 (expires 2023-03-01); abnormal 2023-05-01 removed 2024-01-15;
    # serious dishonest 2022-02-01 repaired 2024-02-01
    assert total(scored, D) == 815
    assert total(scored, D, date(2023, 12, 31)) == 815 - 20 - 120
    assert total(scored, D, date(2022, 6, 1)) == 815 - 120
    statuses = {(e.kind, e.status) for i in scored.explain(D, AS_OF).indicators for e in i.evidence}
    assert statuses == {("DishonestJudgmentDebtor", "expired"), ("AbnormalOperation", "removed"),
                        ("SeriousDishonest", "repaired")}


def test_a_failing_check_character_is_flagged_not_dropped(scored: Graph) -> None:
    assert total(scored, E) == 795  # abnormal taxpayer since 2024-03-01
    (evidence,) = [e for i in scored.explain(E, AS_OF).indicators for e in i.evidence]
    assert (evidence.link_type, evidence.link_identifier, evidence.link_identifier_valid) == ("uscc", E, False)


def test_an_old_organisation_code_reaches_the_firm_registered_by_uscc(scored: Graph) -> None:
    assert total(scored, F) == 815 - 120
    (evidence,) = [e for i in scored.explain(F, AS_OF).indicators for e in i.evidence]
    assert (evidence.link_type, evidence.link_identifier) == ("orgcode", F[8:17])
    assert evidence.document_title == "dishonest.json" and evidence.row == 3


def test_explanation_places_every_record_in_its_document(scored: Graph) -> None:
    explanation = scored.explain(B, AS_OF)
    places = sorted(e.place for i in explanation.indicators for e in i.evidence)
    assert places == ["abnormal.csv, row 2", "donations.csv, row 2", "donations.csv, row 3",
                      "donations.csv, row 4", "honours.csv, row 2", "penalties.csv, row 2",
                      "penalties.csv, row 3", "redlist.csv, row 2"]
    assert sum(i.points for i in explanation.indicators) == explanation.total == 850
    assert any("assumed" in note for note in explanation.assumptions)


def test_a_rubric_added_or_retracted_is_seen_by_the_next_explanation(scored: Graph, tmp_path: Path) -> None:
    """Explanations keep each rubric's indicators between calls; ingesting or retracting
    a rubric must not leave a stale one behind."""
    assert scored.explain(B, AS_OF).indicators[0].validity_months == 60
    table = tmp_path / "zhejiang-2020-short.tsv"
    table.write_bytes(shipped_rubric().read_bytes())
    table.with_suffix(".toml").write_text(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8")
                                          .replace('id = "zhejiang-2020"', 'id = "zhejiang-2020-short"')
                                          .replace('validity = "P5Y"', 'validity = "P3Y"'), encoding="utf-8")
    (report,) = scored.ingest([table])
    assert report.status == "added", report.error
    short = scored.explain(B, AS_OF, rubric="zhejiang-2020-short")
    assert {i.validity_months for i in short.indicators} == {36}
    assert short.total == scored.score(B, AS_OF, rubric="zhejiang-2020-short")[0].total
    scored.retract(table.name)
    with pytest.raises(LookupError):
        scored.explain(B, AS_OF, rubric="zhejiang-2020-short")
    assert scored.explain(B, AS_OF).total == 850
