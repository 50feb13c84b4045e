"""荣誉表彰 (honours): level looked up; below county level skipped."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.honours import HonourList

HEADER = ["企业名称", "统一社会信用代码", "荣誉名称", "授予机关", "授予日期", "荣誉级别", "有效期至"]


def test_html_levels(write, run, choose_name):
    path = write.html("honours.html", [
        HEADER,
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "浙江省守合同重信用企业", "浙江省市场监督管理局", "2021-12-01",
         "省级", "2023-11-30"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "全国文明单位", "中央精神文明建设指导委员会", "2020年11月10日",
         "国家级", ""],
        ["杭州戊己实业有限公司", "913301027258291747", "上城区纳税大户", "杭州市上城区人民政府", "2022-02-01",
         "县(区)级", ""],
        ["杭州庚辛有限公司", "91330102MA2H0K1L91", "街道先进企业", "清波街道办事处", "2022-02-01", "街道级", ""],
        ["杭州壬癸有限公司", "91330102MA28QWE14B", "优秀企业", "某协会", "2022-02-01", "行业级", ""],
        ["杭州子丑有限公司", "91330102577722104T", "优秀企业", "杭州市人民政府", "2022-02-01", "", ""],
    ])
    assert choose_name(path) == "honours"
    ctx, facts = run(HonourList(), path)
    provincial, national, county = facts.records("Honour")
    assert provincial["type"].endswith("#HonourRecord")
    assert provincial["honourName"] == "浙江省守合同重信用企业"
    assert (provincial["honourLevel"], provincial["honourLevelRank"]) == ("省级", "provincial")
    assert (provincial["validFrom"], provincial["validUntil"]) == ("2021-12-01", "2023-12-01")  # 有效期至 2023-11-30 is the last day in force  # noqa: E501
    assert facts.label(provincial["issuedBy"]) == "浙江省市场监督管理局"
    assert (national["honourLevelRank"], national["validFrom"]) == ("national", "2020-11-10")
    assert county["honourLevelRank"] == "county"
    assert facts.warnings() == [
        "warning: honours.html, row 5: row skipped: honour level '街道级' is below county level; "
        "only honours of county level or above count",
        "warning: honours.html, row 6: row skipped: honour level '行业级' is not a known level (add it to "
        "honours.toml); only honours of county level or above count",
        "warning: honours.html, row 7: row skipped: no honour level; only honours of county level or above count",
    ]
    assert ctx.counts.records == 3


def test_xlsx_bad_date_and_unknown_column(write, run):
    path = write.xlsx("honours.xlsx", [
        [*HEADER, "证书编号"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭州市文明单位", "杭州市人民政府", "2021-12-01", "市级", "", "A-1"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "杭州市文明单位", "杭州市人民政府", "2021-12-00", "市级", "", "A-2"],
    ])
    _, facts = run(HonourList(), path)
    (record,) = facts.records()
    assert record["honourLevelRank"] == "municipal"
    assert facts.warnings() == [
        "warning: honours.xlsx, sheet 名单, row 1: unknown column '证书编号' is not read by the honours extractor",
        "warning: honours.xlsx, sheet 名单, row 3: row skipped: column 授予日期: not a valid date: '2021-12-00'",
    ]


def test_english_headers(write, run, choose_name):
    path = write.csv("honours_en.csv", [
        ["Enterprise name", "USCC", "Honour", "Awarded by", "Awarded on", "Level"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "Model enterprise", "Zhejiang Province",
         "2021-12-01", "Provincial"],
        ["Hangzhou Bingding Trading Co., Ltd.", "91330102MA27XY122Y", "Model enterprise", "Village committee",
         "2021-12-01", "Village"],
    ], encoding="utf-8")
    assert choose_name(path) == "honours"
    _, facts = run(HonourList(), path)
    (record,) = facts.records()
    assert record["honourLevelRank"] == "provincial" and record["validFrom"] == "2021-12-01"


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "授予日期"], ["甲公司", "2021-12-01"]])
    with pytest.raises(ExtractionError, match="honours and awards"):
        run(HonourList(), path)
