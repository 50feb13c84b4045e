"""社保费欠费公告 (social_insurance): arrears in yuan or 万元, paid-up dates, Social Insurance Payment."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.social_insurance import SocialInsuranceArrearsList

HEADER = ["序号", "用人单位名称", "统一社会信用代码", "法定代表人", "单位地址", "欠费险种", "欠费所属期", "欠费金额（元）",
          "主管税务机关", "公告日期", "缴清日期"]
ROWS = [
    ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "杭州市上城区解放路1号", "基本养老保险费",
     "2023年1月-2023年6月", "125,300.50", "国家税务总局杭州市上城区税务局", "2023-08-01", ""],
    ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "李四", "杭州市西湖区文化路2号", "失业保险费",
     "2023年3月", "1.2万元", "国家税务总局杭州市西湖区税务局", "2023年8月1日", "2023年10月9日"],
    ["3", "杭州戊己实业有限公司", "9133010272582917", "赵六", "", "工伤保险费", "2023年3月", "800",
     "国家税务总局杭州市西湖区税务局", "2023-08-01", ""],
    ["4", "杭州庚辛有限公司", "91330102MA2B3C4D17", "孙七", "", "医疗保险费", "2023年3月", "-800",
     "国家税务总局杭州市西湖区税务局", "2023-08-01", ""],
]


def test_gbk_csv_amount_units_and_paid_up(write, run, choose_name):
    path = write.csv("si.csv", [HEADER, *ROWS])
    assert choose_name(path) == "social_insurance"
    ctx, facts = run(SocialInsuranceArrearsList(), path)
    first, second, third = facts.records("SocialInsuranceArrears")
    assert facts.label(first["subject"]) == "杭州甲乙科技有限公司" and first["owedYuan"] == "125300.5"
    assert (first["levyType"], first["period"]) == ("基本养老保险费", "2023年1月-2023年6月")
    assert first["address"] == "杭州市上城区解放路1号" and first["validFrom"] == "2023-08-01"
    assert facts.label(first["issuedBy"]) == "国家税务总局杭州市上城区税务局"
    assert second["owedYuan"] == "12000" and second["removedOn"] == "2023-10-09"
    assert third["linkIdentifierType"] == "other"  # a 16-character code is kept, and flagged as no known kind
    assert facts.warnings() == [
        "warning: si.csv, row 4: unrecognised firm identifier '9133010272582917'; kept as a plain identifier",
        "warning: si.csv, row 5: row skipped: column 欠费金额（元）: not an amount: '-800'"]
    assert ctx.counts.records == 3


def test_html_english_headers(write, run, choose_name):
    path = write.html("si.html", [
        ["Employer", "USCC", "Contribution type", "Arrears", "Announced on", "Collecting authority"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "pension", "3,000", "2023-08-01",
         "Shangcheng District Tax Bureau"],
    ], title="Social insurance arrears")
    assert choose_name(path) == "social_insurance"
    _, facts = run(SocialInsuranceArrearsList(), path)
    (record,) = facts.records()
    assert (record["owedYuan"], record["levyType"], record["validFrom"]) == ("3000", "pension", "2023-08-01")


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("si.csv", [HEADER, ROWS[1]], encoding="utf-8")
    assert indicator_points(path, "91330102MA27XY122Y", date(2023, 9, 1), "Social Insurance Payment") == (0, 30, 1)
    assert indicator_points(path, "91330102MA27XY122Y", date(2023, 10, 9), "Social Insurance Payment") == (30, 30, 0)


def test_every_row_rejected_writes_nothing(write, run):
    path = write.csv("bad.csv", [HEADER, ROWS[3]])
    with pytest.raises(ExtractionError, match="every row was rejected"):
        run(SocialInsuranceArrearsList(), path)
