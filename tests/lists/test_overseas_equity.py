"""境外直接投资存量权益登记 未登记 (overseas_equity): SAFE branch notices, late registration, Registration of Equity."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.overseas_equity import OverseasEquityList

HEADER = ["序号", "境内投资主体名称", "统一社会信用代码", "境外企业名称", "未登记年度", "所属外汇局", "公布日期", "补办登记日期"]


def test_xlsx_notice_with_late_registration(write, run, choose_name):
    path = write.xlsx("equity.xlsx", [
        HEADER,
        ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "JIAYI HOLDINGS (HK) LIMITED", "2020年度",
         "国家外汇管理局浙江省分局", date(2021, 11, 15), ""],
        ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "BINGDING TRADING PTE. LTD.", "2020年度",
         "国家外汇管理局浙江省分局", "2021年11月15日", "2022年1月20日"],
        ["3", "杭州戊己实业有限公司", "913301027258291747", "WUJI INC.", "2020年度", "国家外汇管理局浙江省分局",
         "", ""],
    ], title="未按规定办理境外直接投资存量权益登记的企业名单")
    assert choose_name(path) == "overseas_equity"
    ctx, facts = run(OverseasEquityList(), path)
    first, second = facts.records("OverseasEquityUnregistered")
    assert facts.label(first["subject"]) == "杭州甲乙科技有限公司" and first["linkIdentifierType"] == "uscc"
    assert (first["validFrom"], first.get("removedOn"), first["period"]) == ("2021-11-15", None, "2020年度")
    assert first["overseasEnterprise"] == "JIAYI HOLDINGS (HK) LIMITED"
    assert facts.label(first["issuedBy"]) == "国家外汇管理局浙江省分局"
    assert second["removedOn"] == "2022-01-20" and second["sourceRow"] == "4"
    assert facts.warnings() == ["warning: equity.xlsx, sheet 名单, row 5: row skipped: column 公布日期: no date"]
    assert ctx.counts.records == 2


def test_english_headers_and_bad_code(write, run, choose_name):
    path = write.csv("equity_en.csv", [
        ["Domestic investor", "USCC", "Overseas enterprise", "Registration year", "SAFE branch", "Published on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D18", "Jiayi HK", "2021", "SAFE Zhejiang",
         "2022-10-31"],
    ], encoding="utf-8")
    assert choose_name(path) == "overseas_equity"
    _, facts = run(OverseasEquityList(), path)
    (record,) = facts.records()
    assert record["linkIdentifier"] == "91330102MA2B3C4D18" and record["linkIdentifierValid"] == "false"
    assert record["validFrom"] == "2022-10-31"


def test_points_move_for_the_firm(write, indicator_points):
    path = write.xlsx("equity.xlsx", [HEADER, ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "JIAYI HK", "2020年度",
                                               "国家外汇管理局浙江省分局", "2021-11-15", "2022-01-20"]])
    assert indicator_points(path, "91330102MA2B3C4D17", date(2021, 12, 1), "Registration of Equity") == (0, 10, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2022, 1, 20), "Registration of Equity") == (10, 10, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "公布日期"], ["甲公司", "2021-01-01"]])
    with pytest.raises(ExtractionError, match="overseas direct investment"):
        run(OverseasEquityList(), path)
