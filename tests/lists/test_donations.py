"""捐赠 (donations): money in 元 or 万元, goods."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.donations import DonationList


def test_xlsx_in_wan_yuan(write, run, choose_name):
    path = write.xlsx("donations.xlsx", [
        ["捐赠单位", "统一社会信用代码", "受赠单位", "捐赠金额（万元）", "捐赠物资", "捐赠日期"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭州市红十字会", 12.5, "", "2020-02-03"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "杭州市慈善总会", "", "口罩10000只", "2020年2月5日"],
        ["杭州戊己实业有限公司", "913301027258291747", "杭州市慈善总会", "", "", "2020-02-06"],
        ["杭州庚辛有限公司", "91330102MA2H0K1L91", "杭州市慈善总会", "若干", "", "2020-02-07"],
    ], title="抗击疫情捐赠公示")
    assert choose_name(path) == "donations"
    ctx, facts = run(DonationList(), path)
    money, goods = facts.records("Donation")
    assert money["type"].endswith("#DonationRecord")
    assert money["amountYuan"] == "125000" and money["recipient"] == "杭州市红十字会"
    assert money["validFrom"] == "2020-02-03" and money["linkIdentifier"] == "91330102MA2B3C4D17"
    assert goods.get("amountYuan") is None and goods["goods"] == "口罩10000只"
    assert goods["validFrom"] == "2020-02-05"
    assert facts.warnings() == [
        "warning: donations.xlsx, sheet 名单, row 5: row skipped: neither an amount nor goods donated",
        "warning: donations.xlsx, sheet 名单, row 6: row skipped: column 捐赠金额（万元）: not an amount: '若干'",
    ]


def test_gbk_csv_in_yuan(write, run, choose_name):
    path = write.csv("donations.csv", [
        ["序号", "捐赠单位", "统一社会信用代码", "受赠单位", "捐赠金额（元）", "捐赠日期", "联系人"],
        ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭州市红十字会", "50,000.50", "2021-07-20", "张三"],
        ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "杭州市红十字会", "1000", "七月", "李四"],
    ])
    assert choose_name(path) == "donations"
    _, facts = run(DonationList(), path)
    (record,) = facts.records()
    assert record["amountYuan"] == "50000.5"
    assert facts.warnings() == [
        "warning: donations.csv, row 1: unknown column '联系人' is not read by the donations extractor",
        "warning: donations.csv, row 3: row skipped: column 捐赠日期: not a date: '七月'"]


def test_english_headers(write, run, choose_name):
    path = write.html("donations_en.html", [
        ["Donor", "USCC", "Recipient", "Amount (10,000 yuan)", "Donation date"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "Red Cross", "3", "2021-07-20"],
    ])
    assert choose_name(path) == "donations"
    _, facts = run(DonationList(), path)
    (record,) = facts.records()
    assert record["amountYuan"] == "30000" and record["recipient"] == "Red Cross"


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["捐赠单位", "捐赠金额（元）"], ["甲公司", "100"]])
    with pytest.raises(ExtractionError, match="donations"):
        run(DonationList(), path)
