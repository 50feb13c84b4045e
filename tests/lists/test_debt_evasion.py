"""逃废债名单 (debt_evasion): firms and persons, amounts with units, removal, the Debt Evasion points."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.debt_evasion import DebtEvasionList

HEADER = ["序号", "企业名称", "统一社会信用代码", "法定代表人", "逃废债金额（万元）", "债权银行", "逃废债情形", "认定日期",
          "认定单位", "移出日期"]
ROWS = [
    ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "1,250.5", "中国工商银行杭州分行", "恶意转移资产逃避银行债务",
     "2021年3月5日", "杭州市地方金融监督管理局", ""],
    ["2", "王五", "", "", "80", "杭州银行西湖支行", "拒不归还贷款", "2021/4/6",
     "杭州市地方金融监督管理局", "2022-01-10"],
    ["3", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "李四", "五十万", "浙商银行", "逃废债", "2021-05-06",
     "杭州市地方金融监督管理局", ""],
    ["4", "杭州戊己实业有限公司", "91330102MA27XY122Y", "赵六", "12", "浙商银行", "逃废债", "2021-13-01",
     "杭州市地方金融监督管理局", ""],
]


def test_gbk_csv_firms_persons_units(write, run, choose_name):
    path = write.csv("debt.csv", [HEADER, *ROWS])
    assert choose_name(path) == "debt_evasion"
    ctx, facts = run(DebtEvasionList(), path)
    firm, person = facts.records("DebtEvasion")
    assert facts.label(firm["subject"]) == "杭州甲乙科技有限公司" and firm["linkIdentifier"] == "91330102MA2B3C4D17"
    assert firm["owedYuan"] == "12505000" and firm["creditor"] == "中国工商银行杭州分行"
    assert (firm["validFrom"], firm.get("removedOn")) == ("2021-03-05", None)
    assert firm["reason"] == "恶意转移资产逃避银行债务"
    assert facts.label(firm["issuedBy"]) == "杭州市地方金融监督管理局"
    assert facts.kind_of(person["subject"]) == "Person" and person["removedOn"] == "2022-01-10"
    assert person["owedYuan"] == "800000"
    assert facts.roles() == [("张三", "杭州甲乙科技有限公司", "LegalRepresentative", None, None)]
    assert facts.warnings() == [
        "warning: debt.csv, row 4: row skipped: column 逃废债金额（万元）: not an amount: '五十万'",
        "warning: debt.csv, row 5: row skipped: column 认定日期: not a valid date: '2021-13-01'"]
    assert ctx.counts.records == 2 and not any(n.get("legalName") == "杭州戊己实业有限公司"
                                               for n in facts.nodes.values())


def test_english_xlsx_value_units(write, run, choose_name):
    path = write.xlsx("debt_en.xlsx", [
        ["Debtor name", "USCC", "Amount evaded", "Creditor", "Listing date", "Listed by", "Removed on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "1.2亿元", "ICBC Hangzhou", "2021-03-05",
         "Zhejiang Banking Association", "2023-03-01"],
    ], sheet="Sheet1", title="Debt evaders")
    assert choose_name(path) == "debt_evasion"
    _, facts = run(DebtEvasionList(), path)
    (record,) = facts.records()
    assert (record["owedYuan"], record["removedOn"], record["sourceRow"]) == ("120000000", "2023-03-01", "3")
    assert not facts.warnings()


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("debt.csv", [HEADER, *ROWS[:1]], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2022, 1, 1), "Debt Evasion") == (0, 15, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2021, 3, 4), "Debt Evasion") == (15, 15, 0)


def test_missing_required_column_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "认定日期"], ["杭州甲乙科技有限公司", "2021-03-05"]])
    with pytest.raises(ExtractionError, match="debt evasion list"):
        run(DebtEvasionList(), path)
