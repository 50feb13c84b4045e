"""行政强制 (enforcement): 双公示-shaped columns, lifted measures, persons, Administrative Enforcement."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.enforcement import EnforcementList

HEADER = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "法定代表人", "行政强制决定书文号", "行政强制类别",
          "行政强制内容", "行政强制事由", "行政强制依据", "涉及金额（万元）", "决定日期", "解除日期", "实施机关",
          "实施机关统一社会信用代码", "数据来源单位", "备注"]
AUTHORITY = ["杭州市上城区市场监督管理局", "11330102MB0000000X", "杭州市上城区市场监督管理局"]


def measure(name, category, code, rep, number, kind, amount, decided, lifted):
    return [name, category, code, rep, number, kind, f"{kind}涉案物品", "涉嫌生产销售不合格产品",
            "《中华人民共和国产品质量法》第十八条", amount, decided, lifted, *AUTHORITY, ""]


ROWS = [
    measure("杭州甲乙科技有限公司", "法人及非法人组织", "91330102MA2B3C4D17", "张三", "杭上市监强制〔2023〕1号", "查封", "2.5",
            "2023/03/01", "2023/04/01"),
    measure("王五", "自然人", "", "", "杭上市监强制〔2023〕2号", "扣押", "", "2023-03-02", ""),
    measure("杭州丙丁贸易有限公司", "法人及非法人组织", "91330102MA27XY122Y", "李四", "杭上市监强制〔2023〕3号", "冻结", "",
            "", ""),
]


def test_html_double_publicity_shape(write, run, choose_name):
    path = write.html("enforcement.html", [HEADER, *ROWS], title="行政强制信息公示")
    assert choose_name(path) == "enforcement"
    ctx, facts = run(EnforcementList(), path)
    firm, person = facts.records("AdministrativeEnforcement")
    assert facts.label(firm["subject"]) == "杭州甲乙科技有限公司" and firm["linkIdentifierType"] == "uscc"
    assert (firm["measureType"], firm["decisionNumber"]) == ("查封", "杭上市监强制〔2023〕1号")
    assert (firm["validFrom"], firm["removedOn"], firm["amountYuan"]) == ("2023-03-01", "2023-04-01", "25000")
    assert firm["legalBasis"] == "《中华人民共和国产品质量法》第十八条" and firm["reason"] == "涉嫌生产销售不合格产品"
    assert firm["issuerCode"] == "11330102MB0000000X" and facts.label(firm["issuedBy"]) == "杭州市上城区市场监督管理局"
    assert facts.kind_of(person["subject"]) == "Person" and person["measureType"] == "扣押"
    assert facts.warnings() == ["warning: enforcement.html, row 4: row skipped: column 决定日期: no date"]
    assert ctx.counts.records == 2


def test_english_headers_xlsx(write, run, choose_name):
    path = write.xlsx("enforcement_en.xlsx", [
        ["Party name", "USCC", "Enforcement decision number", "Compulsory measure", "Decision date", "Lifted on",
         "Enforcing authority"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "HZ-E-1", "freezing of deposits", "2023-03-01",
         "", "Hangzhou Tax Bureau"],
    ], sheet="Sheet1")
    assert choose_name(path) == "enforcement"
    _, facts = run(EnforcementList(), path)
    (record,) = facts.records()
    assert (record["measureType"], record["validFrom"]) == ("freezing of deposits", "2023-03-01")


def test_penalty_files_stay_penalties(write, choose_name):
    path = write.csv("penalty.csv", [["行政相对人名称", "统一社会信用代码", "行政处罚决定书文号", "处罚决定日期", "处罚机关"],
                                     ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭罚〔2023〕1号", "2023-01-01", "杭州市局"]])
    assert choose_name(path) == "penalties"


def test_points_move_until_lifted(write, indicator_points):
    path = write.csv("enforcement.csv", [HEADER, ROWS[0]], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 3, 15), "Administrative Enforcement") == (0, 60, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 4, 1), "Administrative Enforcement") == (60, 60, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["行政相对人名称", "决定日期"], ["甲公司", "2023-01-01"]])
    with pytest.raises(ExtractionError, match="administrative enforcement"):
        run(EnforcementList(), path)
