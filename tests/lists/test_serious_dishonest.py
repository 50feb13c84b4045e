"""严重违法失信名单 (serious_dishonest): firms and persons, removal and repair dates."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.serious_dishonest import SeriousDishonestList

HEADER = ["主体名称", "统一社会信用代码/注册号", "证件号码", "主体类型", "法定代表人", "列入日期",
          "列入严重违法失信名单原因", "作出决定机关", "移出日期", "移出原因", "信用修复日期", "联系电话"]
ROWS = [
    ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "", "企业", "张三", date(2021, 3, 5),
     "被列入经营异常名录届满3年仍未履行相关义务", "杭州市市场监督管理局", "", "", "", "0571-1234"],
    ["王五", "", "330102198001011234", "个人", "", "2020年6月1日", "提供虚假材料取得登记",
     "杭州市上城区市场监督管理局", "2023-06-01", "期满移出", "", ""],
    ["杭州丙丁贸易有限公司", "330102000012345", "", "企业", "李四", "20190315", "隐瞒真实情况、弄虚作假",
     "杭州市市场监督管理局", "2022/3/20", "信用修复", "2022-03-18", ""],
    ["杭州戊己有限公司", "91330102MA27XY122Y", "", "企业", "赵六", "2021-13-45", "理由",
     "杭州市市场监督管理局", "", "", "", ""],
]


def test_xlsx_firms_and_persons(write, run, choose_name):
    path = write.xlsx("serious.xlsx", [HEADER, *ROWS], title="严重违法失信名单")
    assert choose_name(path) == "serious_dishonest"
    ctx, facts = run(SeriousDishonestList(), path)
    firm, person, repaired = facts.records("SeriousDishonest")
    assert firm["type"].endswith("#ListEntry")
    assert facts.label(firm["subject"]) == "杭州甲乙科技有限公司"
    assert firm["validFrom"] == "2021-03-05"
    assert firm["linkIdentifier"] == "91330102MA2B3C4D17" and firm["linkIdentifierType"] == "uscc"
    assert firm["reason"] == "被列入经营异常名录届满3年仍未履行相关义务"
    assert facts.label(firm["issuedBy"]) == "杭州市市场监督管理局"
    assert facts.kind_of(firm["issuedBy"]) == "Department"
    assert firm["sourceSheet"] == "名单" and firm["sourceRow"] == "3"  # banner row, header row, then data
    assert firm.get("removedOn") is None

    assert facts.kind_of(person["subject"]) == "Person"
    assert facts.label(person["subject"]) == "王五"
    assert facts.nodes[person["subject"]]["idNumber"] == "330102198001011234"
    assert person["linkIdentifierType"] == "personid"
    assert (person["validFrom"], person["removedOn"], person["removalReason"]) == ("2020-06-01", "2023-06-01", "期满移出")

    assert repaired["linkIdentifier"] == "330102000012345" and repaired["linkIdentifierType"] == "regno"
    assert (repaired["validFrom"], repaired["removedOn"], repaired["repairedOn"]) == (
        "2019-03-15", "2022-03-20", "2022-03-18")

    assert facts.roles() == [("张三", "杭州甲乙科技有限公司", "LegalRepresentative", None, None),
                             ("李四", "杭州丙丁贸易有限公司", "LegalRepresentative", None, None)]
    warnings = facts.warnings()
    assert "warning: serious.xlsx, sheet 名单, row 2: unknown column '联系电话' is not read by the " \
           "serious_dishonest extractor" in warnings
    assert any(w.startswith("warning: serious.xlsx, sheet 名单, row 6: row skipped: column 列入日期")
               and "2021-13-45" in w for w in warnings)
    assert ctx.counts.records == 3 and ctx.counts.skipped_rows == 1
    assert "赵六" not in str(ctx.quads)  # the skipped row left nothing behind


def test_pdf_table(write, run, choose_name):
    path = write.pdf("serious.pdf", [HEADER[:-1], *[[str(c) for c in r[:-1]] for r in ROWS[:3]]])
    assert choose_name(path) == "serious_dishonest"
    ctx, facts = run(SeriousDishonestList(), path)
    records = facts.records("SeriousDishonest")
    assert [r["validFrom"] for r in records] == ["2021-03-05", "2020-06-01", "2019-03-15"]
    assert records[0]["sourcePage"] == "1"
    assert not facts.warnings()


def test_english_headers_and_person_guess(write, run, choose_name):
    path = write.csv("serious_en.csv", [
        ["Name", "USCC", "ID number", "Listing date", "Reason for serious dishonesty listing", "Deciding authority"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "", "2021-03-05", "false filing",
         "Hangzhou Administration for Market Regulation"],
        ["钱七", "", "3301021980****1234", "2021-04-01", "false filing", "杭州市中级人民法院"],
    ], encoding="utf-8")
    assert choose_name(path) == "serious_dishonest"
    _, facts = run(SeriousDishonestList(), path)
    firm, person = facts.records()
    assert firm["linkIdentifier"] == "91330102MA2B3C4D17"
    assert facts.kind_of(person["subject"]) == "Person" and person["linkIdentifierType"] == "maskedid"
    assert facts.kind_of(person["issuedBy"]) == "Court"


def test_wrong_file_is_an_error(write, run):
    path = write.html("other.html", [["项目", "金额"], ["工程", "100"]])
    with pytest.raises(ExtractionError, match="needs name, reason"):
        run(SeriousDishonestList(), path)


def test_ambiguous_document_is_an_error(write):
    """A GSXT-style page carrying both a serious-dishonest and an abnormal-operations table."""
    from cscs.extract.registry import NoExtractorError, choose
    from cscs.extract.source import Source

    path = write.html(
        "both.html",
        [["企业名称", "列入严重违法失信名单原因", "列入日期"], ["甲公司", "理由", "2021-01-01"]],
        [["企业名称", "列入经营异常名录原因", "列入日期"], ["甲公司", "未年报", "2020-01-01"]],
    )
    with pytest.raises(NoExtractorError, match="ambiguous"):
        choose(Source(path))
