"""监督抽查不合格 (spot_checks): producer or sampled unit, 合格 rows make no record, Supervisory Spot Checks."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.spot_checks import SpotCheckList

HEADER = ["序号", "产品名称", "标称生产单位", "统一社会信用代码", "被抽样单位", "规格型号", "生产日期/批号", "不合格项目",
          "抽查结果", "检验机构", "公布日期"]
ROWS = [
    ["1", "电热水壶", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭州某某超市有限公司", "JY-1500", "2023-05-01/230501",
     "泄漏电流和电气强度", "不合格", "浙江省产品质量安全科学研究院", "2023年9月1日"],
    ["2", "电热水壶", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "杭州某某超市有限公司", "BD-800", "2023-04-02",
     "", "合格", "浙江省产品质量安全科学研究院", "2023年9月1日"],
    ["3", "电热水壶", "杭州戊己实业有限公司", "913301027258291747", "杭州某某超市有限公司", "WJ-1", "2023-04-02",
     "标志和说明", "待定", "浙江省产品质量安全科学研究院", "2023年9月1日"],
]


def test_pdf_results_notice(write, run, choose_name):
    path = write.pdf("spot.pdf", [HEADER, *ROWS], title="2023年电热水壶产品质量监督抽查结果")
    assert choose_name(path) == "spot_checks"
    ctx, facts = run(SpotCheckList(), path)
    (record,) = facts.records("SpotCheckFailure")
    assert facts.label(record["subject"]) == "杭州甲乙科技有限公司" and record["linkIdentifier"] == "91330102MA2B3C4D17"
    assert (record["productName"], record["productModel"], record["batch"]) == ("电热水壶", "JY-1500", "2023-05-01/230501")
    assert record["failedItems"] == record["reason"] == "泄漏电流和电气强度"
    assert record["sampledUnit"] == "杭州某某超市有限公司" and record["testingBody"] == "浙江省产品质量安全科学研究院"
    assert record["validFrom"] == "2023-09-01" and record["sourcePage"] == "1"
    assert facts.warnings() == ["warning: spot.pdf, page 1, row 4: row skipped: column 抽查结果: not a spot-check result: '待定'"]
    assert ctx.counts.records == 1 and ctx.counts.rows == 3


def test_failures_only_list_by_sampled_unit(write, run, choose_name):
    path = write.xlsx("spot.xlsx", [
        ["被抽样单位名称", "统一社会信用代码", "样品名称", "主要不合格项目", "发布日期", "组织抽查单位"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "童装", "纤维含量", date(2023, 6, 1), "浙江省市场监督管理局"],
    ], title="不合格产品信息")
    assert choose_name(path) == "spot_checks"
    _, facts = run(SpotCheckList(), path)
    (record,) = facts.records()
    assert facts.label(record["subject"]) == "杭州甲乙科技有限公司" and record.get("sampledUnit") is None
    assert (record["validFrom"], record["failedItems"]) == ("2023-06-01", "纤维含量")
    assert facts.label(record["issuedBy"]) == "浙江省市场监督管理局"


def test_english_headers(write, run, choose_name):
    path = write.csv("spot_en.csv", [
        ["Product", "Manufacturer", "USCC", "Failed items", "Result", "Published on"],
        ["kettle", "Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "leakage current", "unqualified",
         "2023-09-01"],
        ["kettle", "Hangzhou Bingding Trading Co., Ltd.", "91330102MA27XY122Y", "", "qualified", "2023-09-01"],
    ], encoding="utf-8")
    assert choose_name(path) == "spot_checks"
    _, facts = run(SpotCheckList(), path)
    (record,) = facts.records()
    assert record["failedItems"] == "leakage current"


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("spot.csv", [HEADER, *ROWS[:2]], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2024, 1, 1), "Supervisory Spot Checks") == (0, 30, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 8, 31), "Supervisory Spot Checks") == (30, 30, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "抽查结果"], ["甲公司", "不合格"]])
    with pytest.raises(ExtractionError, match="spot-check"):
        run(SpotCheckList(), path)
