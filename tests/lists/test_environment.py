"""环境信用评价 and environmental violation lists (environment): only bad grades are records."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.environment import EnvironmentalList

HEADER = ["序号", "企业名称", "统一社会信用代码", "所在地区", "评价年度", "评价等级", "评价机关", "发布日期"]
ROWS = [
    ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "上城区", "2022年度", "黄牌", "杭州市生态环境局", "2023年5月20日"],
    ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "西湖区", "2022年度", "绿牌", "杭州市生态环境局", "2023年5月20日"],
    ["3", "杭州戊己实业有限公司", "913301027258291747", "西湖区", "2022年度", "环保不良企业", "杭州市生态环境局",
     "2023-05-20"],
    ["4", "杭州庚辛有限公司", "91330102MA2B3C4D17", "西湖区", "2022年度", "紫牌", "杭州市生态环境局", "2023-05-20"],
    ["5", "杭州壬癸有限公司", "91330102MA2B3C4D17", "西湖区", "二〇二二", "黑牌", "杭州市生态环境局", "2023-05-20"],
]


def test_html_grades_bad_are_records_good_are_facts(write, run, choose_name):
    path = write.html("env.html", [HEADER, *ROWS], title="2022年度企业环境信用评价结果")
    assert choose_name(path) == "environment"
    ctx, facts = run(EnvironmentalList(), path)
    yellow, bad = facts.records("EnvironmentalViolation")
    assert facts.label(yellow["subject"]) == "杭州甲乙科技有限公司"
    assert (yellow["creditGrade"], yellow["evaluationYear"], yellow["validFrom"]) == ("黄牌", "2022", "2023-05-20")
    assert yellow["reason"] == "环境信用评价：黄牌" and facts.label(yellow["issuedBy"]) == "杭州市生态环境局"
    assert facts.label(bad["subject"]) == "杭州戊己实业有限公司" and bad["creditGrade"] == "环保不良企业"
    (green,) = facts.of_type("CreditRating")
    assert facts.label(green["ratedFirm"]) == "杭州丙丁贸易有限公司"
    assert (green["creditGrade"], green["validFrom"], green["sourceRow"]) == ("绿牌", "2023-05-20", "3")
    assert green.get("recordKind") is None
    assert facts.warnings() == [
        "warning: env.html, row 5: row skipped: column 评价等级: not an environmental credit grade: '紫牌'",
        "warning: env.html, row 6: row skipped: column 评价年度: not a year: '二〇二二'"]
    assert ctx.counts.records == 2


def test_violation_list_gbk_with_fine_in_wan(write, run, choose_name):
    path = write.csv("env_violations.csv", [
        ["企业名称", "统一社会信用代码", "环境违法行为", "处理情况", "罚款金额（万元）", "查处单位", "查处日期"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "超标排放水污染物", "责令改正并处罚款", "12.5", "杭州市生态环境局",
         "2023-02-03"],
    ])
    assert choose_name(path) == "environment"
    _, facts = run(EnvironmentalList(), path)
    (record,) = facts.records()
    assert (record["violationType"], record["fineYuan"], record["validFrom"]) == ("超标排放水污染物", "125000", "2023-02-03")
    assert record["penaltyContent"] == "责令改正并处罚款"


def test_english_word_grades(write, run, choose_name):
    path = write.xlsx("env_en.xlsx", [
        ["Enterprise name", "USCC", "Evaluation year", "Environmental credit grade", "Published on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "2022", "red", "2023-05-20"],
        ["Hangzhou Bingding Trading Co., Ltd.", "91330102MA27XY122Y", "2022", "blue", "2023-05-20"],
    ], sheet="Sheet1")
    assert choose_name(path) == "environment"
    _, facts = run(EnvironmentalList(), path)
    (record,) = facts.records()
    assert record["creditGrade"] == "red" and len(facts.of_type("CreditRating")) == 1


def test_points_move_only_for_the_bad_grade(write, indicator_points):
    path = write.csv("env.csv", [HEADER, *ROWS[:2]], encoding="utf-8")
    indicator = "Environmental Protection (indicator name not published)"
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 6, 1), indicator) == (0, 30, 1)
    assert indicator_points(path, "91330102MA27XY122Y", date(2023, 6, 1), indicator) == (30, 30, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "发布日期"], ["甲公司", "2023-01-01"]])
    with pytest.raises(ExtractionError, match="environmental credit"):
        run(EnvironmentalList(), path)


def test_a_graded_list_conforms_to_the_shapes(write):
    """Good grades are facts, not records: the extraction's record count stays the records'
    (a rating marked prov:wasDerivedFrom made `cscs validate` fail on the demo corpus)."""
    from cscs.graph.ingest import ingest
    from cscs.graph.store import open_store
    from cscs.graph.validate import validate

    store = open_store(memory=True)
    (report,) = ingest(store, [write.html("env.html", [HEADER, *ROWS], title="2022年度企业环境信用评价结果")])
    assert (report.status, report.counts.records) == ("added", 2)
    assert [str(v) for v in validate(store).violations] == []
