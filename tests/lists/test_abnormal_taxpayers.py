"""非正常户 (abnormal_taxpayers): taxpayer numbers, recognition and release dates."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.abnormal_taxpayers import AbnormalTaxpayerList

HEADER = ["纳税人名称", "纳税人识别号", "法定代表人(负责人)", "认定日期", "主管税务机关", "解除日期"]


def test_pdf_across_pages(write, run, choose_name):
    """A long notice: the table continues on later pages without repeating its header."""
    rows = [[f"杭州测试{i:02d}贸易有限公司", "91330102MA2B3C4D17" if i == 0 else f"3301021430661{i:02d}",
             f"负责人{i:02d}", f"2021-03-{i % 28 + 1:02d}", "国家税务总局杭州市上城区税务局",
             "2022-01-10" if i == 1 else ""] for i in range(60)]
    path = write.pdf("nonnormal.pdf", [HEADER, *rows], title="关于认定非正常户的公告")
    assert choose_name(path) == "abnormal_taxpayers"
    ctx, facts = run(AbnormalTaxpayerList(), path)
    records = facts.records("AbnormalTaxpayer")
    assert len(records) == 60 and ctx.counts.skipped_rows == 0
    assert {r["sourcePage"] for r in records} >= {"1", "2"}
    first, second = records[:2]
    assert facts.label(first["subject"]) == "杭州测试00贸易有限公司"
    assert first["linkIdentifier"] == "91330102MA2B3C4D17" and first["validFrom"] == "2021-03-01"
    assert facts.label(first["issuedBy"]) == "国家税务总局杭州市上城区税务局"
    assert second["removedOn"] == "2022-01-10"
    assert ("负责人00", "杭州测试00贸易有限公司", "LegalRepresentative", None, None) in facts.roles()
    assert records[-1]["subjectName"] == "杭州测试59贸易有限公司"


def test_old_taxpayer_number_links_by_organisation_code(write, run):
    """A 15-character taxpayer number is area code + organisation code: the record links by the latter."""
    path = write.csv("nonnormal.csv", [
        ["序号", "纳税人名称", "纳税人识别号", "法定代表人", "身份证件种类", "身份证件号码", "经营地址", "认定日期",
         "主管税务机关", "欠税金额"],
        ["1", "杭州丙丁贸易有限公司", "330102725829174", "李四", "居民身份证", "330102198001011234",
         "杭州市上城区某路1号", "2020年11月30日", "国家税务总局杭州市上城区税务局", "100"],
        ["2", "杭州戊己贸易有限公司", "330102999999999", "赵六", "居民身份证", "", "某路2号", "2020-11-31",
         "国家税务总局杭州市上城区税务局", ""],
    ])
    ctx, facts = run(AbnormalTaxpayerList(), path)
    (record,) = facts.records()
    assert record["linkIdentifier"] == "725829174" and record["linkIdentifierType"] == "orgcode"
    assert record["address"] == "杭州市上城区某路1号" and record["validFrom"] == "2020-11-30"
    rep = [n for n in facts.of_type("Person") if n["name"] == "李四"]
    assert rep and rep[0]["idNumber"] == "330102198001011234"
    assert facts.warnings() == [
        "warning: nonnormal.csv, row 1: unknown column '欠税金额' is not read by the abnormal_taxpayers extractor",
        "warning: nonnormal.csv, row 3: row skipped: column 认定日期: not a valid date: '2020-11-31'",
    ]


def test_english_headers(write, run, choose_name):
    path = write.csv("nonnormal_en.csv", [
        ["Taxpayer name", "Taxpayer ID", "Legal representative", "Recognised on", "Tax authority", "Released on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "Zhang San", "2021-03-01",
         "Shangcheng District Tax Bureau", "2021-09-01"],
    ], encoding="utf-8")
    assert choose_name(path) == "abnormal_taxpayers"
    _, facts = run(AbnormalTaxpayerList(), path)
    (record,) = facts.records()
    assert (record["validFrom"], record["removedOn"]) == ("2021-03-01", "2021-09-01")
    assert facts.roles() == [("Zhang San", "Hangzhou Jiayi Technology Co., Ltd.", "LegalRepresentative", None, None)]


def test_wrong_file_is_an_error(write, run):
    path = write.xlsx("wrong.xlsx", [["纳税人名称", "纳税人识别号", "评价年度"], ["甲公司", "91330102MA2B3C4D17", "2022"]])
    with pytest.raises(ExtractionError, match="abnormal taxpayers"):
        run(AbnormalTaxpayerList(), path)
