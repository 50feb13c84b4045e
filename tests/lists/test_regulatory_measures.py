"""监管措施 / 纪律处分 (regulatory_measures): CSRC and exchange measures, Other Non-compliance Records."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.regulatory_measures import RegulatoryMeasureList

HEADER = ["序号", "当事人", "证券代码", "证券简称", "措施类型", "文号", "标题", "发文日期", "发文机关"]
ROWS = [
    ["1", "杭州甲乙科技股份有限公司", "600001", "甲乙科技", "出具警示函", "〔2023〕12号",
     "关于对杭州甲乙科技股份有限公司采取出具警示函措施的决定", "2023-04-10", "中国证券监督管理委员会浙江监管局"],
    ["2", "张三", "600001", "甲乙科技", "监管谈话", "〔2023〕13号", "关于对张三采取监管谈话措施的决定", "2023-04-10",
     "中国证券监督管理委员会浙江监管局"],
    ["3", "杭州丙丁股份有限公司", "600002", "丙丁股份", "行政处罚", "〔2023〕3号", "行政处罚决定书", "2023-04-11",
     "中国证券监督管理委员会浙江监管局"],
]


def test_xlsx_csrc_measures(write, run, choose_name):
    path = write.xlsx("measures.xlsx", [HEADER, *ROWS], sheet="监管措施")
    assert choose_name(path) == "regulatory_measures"
    ctx, facts = run(RegulatoryMeasureList(), path)
    firm, person = facts.records("OtherNonCompliance")
    assert facts.label(firm["subject"]) == "杭州甲乙科技股份有限公司" and firm["linkIdentifierType"] == "name"
    assert (firm["measureType"], firm["decisionNumber"], firm["security"]) == ("出具警示函", "〔2023〕12号", "600001 甲乙科技")
    assert firm["noticeTitle"] == "关于对杭州甲乙科技股份有限公司采取出具警示函措施的决定"
    assert firm["validFrom"] == "2023-04-10" and facts.label(firm["issuedBy"]) == "中国证券监督管理委员会浙江监管局"
    assert facts.kind_of(person["subject"]) == "Person" and person["measureType"] == "监管谈话"
    assert facts.warnings() == [
        "warning: measures.xlsx, sheet 监管措施, row 4: row skipped: column 措施类型: not a supervisory measure: '行政处罚'"]
    assert ctx.counts.records == 2


def test_exchange_discipline_gbk_english(write, run, choose_name):
    path = write.csv("discipline.csv", [
        ["Party", "USCC", "Disciplinary action", "Document number", "Date issued", "Issued by"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "public censure", "SSE-2023-5", "2023-05-06",
         "Shanghai Stock Exchange"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "通报批评", "上证公监函〔2023〕6号", "2023年5月6日", "上海证券交易所"],
    ])
    assert choose_name(path) == "regulatory_measures"
    _, facts = run(RegulatoryMeasureList(), path)
    first, second = facts.records()
    assert (first["measureType"], first["linkIdentifierType"]) == ("public censure", "uscc")
    assert (second["measureType"], second["validFrom"]) == ("通报批评", "2023-05-06")


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("discipline.csv", [["当事人", "统一社会信用代码", "措施类型", "发文日期", "发文机关"],
                                        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "责令改正", "2023-04-10", "浙江证监局"]],
                     encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 4, 10), "Other Non-compliance Records") == (0, 30, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2028, 4, 10), "Other Non-compliance Records") == (30, 30, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["当事人", "发文日期"], ["甲公司", "2023-01-01"]])
    with pytest.raises(ExtractionError, match="regulatory measures"):
        run(RegulatoryMeasureList(), path)
