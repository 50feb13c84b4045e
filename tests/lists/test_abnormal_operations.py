"""经营异常名录 (abnormal_operations): listing and removal with their own deciding authorities."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.abnormal_operations import AbnormalOperationsList

HEADER = ["企业名称", "统一社会信用代码", "注册号", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)",
          "移出经营异常名录原因", "移出日期", "作出决定机关(移出)"]


def test_html_listing_and_removal(write, run, choose_name):
    path = write.html("abnormal.html", [
        HEADER,
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "", "未按照规定报送年度报告", "2019年7月9日",
         "杭州市西湖区市场监督管理局", "补报未报年份的年度报告并公示", "2020年09月08日", "杭州市西湖区市场监督管理局"],
        ["杭州丙丁贸易有限公司", "", "330106000054321", "通过登记的住所或者经营场所无法联系", "2020-05-06",
         "杭州市西湖区市场监督管理局", "", "", ""],
        ["暂无数据", "", "", "", "", "", "", "", ""],
        ["", "", "", "未按照规定报送年度报告", "2020-05-06", "杭州市西湖区市场监督管理局", "", "", ""],
    ], title="经营异常名录")
    assert choose_name(path) == "abnormal_operations"
    ctx, facts = run(AbnormalOperationsList(), path)
    removed, listed = facts.records("AbnormalOperation")
    assert facts.label(removed["subject"]) == "杭州甲乙科技有限公司"
    assert (removed["validFrom"], removed["removedOn"]) == ("2019-07-09", "2020-09-08")
    assert removed["reason"] == "未按照规定报送年度报告"
    assert removed["removalReason"] == "补报未报年份的年度报告并公示"
    assert facts.label(removed["issuedBy"]) == "杭州市西湖区市场监督管理局"
    assert removed["removedBy"] == removed["issuedBy"]
    assert removed["linkIdentifierType"] == "uscc" and removed["sourceRow"] == "2"
    assert listed["linkIdentifier"] == "330106000054321" and listed["linkIdentifierType"] == "regno"
    assert listed.get("removedOn") is None and listed.get("removedBy") is None
    assert ctx.counts.records == 2
    assert facts.warnings() == ["warning: abnormal.html, row 5: row skipped: no firm name or code"]


def test_gbk_csv_with_bad_date_and_unknown_column(write, run):
    path = write.csv("abnormal.csv", [
        ["序号", "企业名称", "统一社会信用代码", "列入原因", "列入日期", "作出决定机关", "公示状态"],
        ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "未按照规定报送年度报告", "2019/07/09",
         "杭州市市场监督管理局", "公示中"],
        ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "未按照规定报送年度报告", "去年", "杭州市市场监督管理局",
         "公示中"],
    ])
    ctx, facts = run(AbnormalOperationsList(), path)
    (record,) = facts.records()
    assert record["validFrom"] == "2019-07-09" and record["reason"] == "未按照规定报送年度报告"
    assert facts.warnings() == [
        "warning: abnormal.csv, row 1: unknown column '公示状态' is not read by the abnormal_operations extractor",
        "warning: abnormal.csv, row 3: row skipped: column 列入日期: not a date: '去年'",
    ]


def test_english_headers(write, run, choose_name):
    path = write.xlsx("abnormal_en.xlsx", [
        ["Enterprise name", "USCC", "Reason for abnormal operations listing", "Listing date", "Listed by",
         "Removal date", "Removed by"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "annual report not filed", "2019-07-09",
         "Xihu District AMR", "2020-09-08", "Xihu District AMR"],
    ], sheet="Sheet1")
    assert choose_name(path) == "abnormal_operations"
    _, facts = run(AbnormalOperationsList(), path)
    (record,) = facts.records()
    assert (record["validFrom"], record["removedOn"], record["reason"]) == (
        "2019-07-09", "2020-09-08", "annual report not filed")


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["纳税人名称", "认定日期"], ["甲公司", "2020-01-01"]])
    with pytest.raises(ExtractionError, match="abnormal operations list"):
        run(AbnormalOperationsList(), path)
