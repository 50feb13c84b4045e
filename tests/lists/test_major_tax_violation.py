"""重大税收违法失信主体 (major_tax_violation): the published case columns, persons, withdrawal, Tax payment."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.major_tax_violation import MajorTaxViolationList

HEADER = ["纳税人名称", "纳税人识别号或社会信用代码", "注册地址", "法定代表人或者负责人姓名", "法定代表人或者负责人性别",
          "法定代表人或者负责人证件名称", "法定代表人或者负责人证件号码", "负有直接责任的财务负责人姓名",
          "负有直接责任的财务负责人性别", "负有直接责任的财务负责人证件号码", "负有直接责任的中介机构信息", "案件性质",
          "主要违法事实", "相关法律依据及税务处理处罚情况", "实施检查的单位", "列入日期", "撤出日期"]
FACTS = "经国家税务总局杭州市税务局第一稽查局检查，发现其在2019年1月1日至2020年12月31日期间，采取隐匿收入手段少缴增值税"
BASIS = "依照《中华人民共和国税收征收管理法》第六十三条第一款，处以追缴税款1,250.5万元、加收滞纳金并处罚款的处理处罚"
BUREAU = "国家税务总局杭州市税务局第一稽查局"


def case(name, code, rep, nature, listed, withdrawn=""):
    return [name, code, "浙江省杭州市上城区解放路1号", rep, "男", "居民身份证", "3301061975****1234", "钱八", "女",
            "3301021980****5678", "", nature, FACTS, BASIS, BUREAU, listed, withdrawn]


def test_gbk_csv_cases(write, run, choose_name):
    path = write.csv("major.csv", [
        HEADER,
        case("杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "偷税", "2022-03-10"),
        case("杭州丙丁贸易有限公司", "91330102MA27XY122Y", "李四", "虚开增值税专用发票", "2022年3月10日", "2024年3月10日"),
        case("杭州戊己实业有限公司", "913301027258291747", "赵六", "偷税", "2022-03-32"),
    ])
    assert choose_name(path) == "major_tax_violation"
    ctx, facts = run(MajorTaxViolationList(), path)
    first, second = facts.records("MajorTaxViolation")
    assert facts.label(first["subject"]) == "杭州甲乙科技有限公司" and first["linkIdentifierType"] == "uscc"
    assert (first["violationType"], first["facts"], first["legalBasis"]) == ("偷税", FACTS, BASIS)
    assert first["financeOfficer"] == "钱八 女 3301021980****5678"
    assert first["address"] == "浙江省杭州市上城区解放路1号" and first["validFrom"] == "2022-03-10"
    assert facts.label(first["issuedBy"]) == BUREAU and first.get("removedOn") is None
    assert second["removedOn"] == "2024-03-10" and second["violationType"] == "虚开增值税专用发票"
    assert ("张三", "杭州甲乙科技有限公司", "LegalRepresentative", None, None) in facts.roles()
    assert facts.warnings() == ["warning: major.csv, row 4: row skipped: column 列入日期: not a valid date: '2022-03-32'"]
    assert ctx.counts.records == 2


def test_person_on_the_list_and_english_headers(write, run, choose_name):
    path = write.xlsx("major_en.xlsx", [
        ["Taxpayer name", "Party type", "ID number", "Nature of the case", "Main facts", "Legal basis and sanctions",
         "Inspecting bureau", "Listed on"],
        ["王五", "自然人", "3301061975****1234", "逃避追缴欠税", "转移财产", "追缴税款", BUREAU, "2023-05-06"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "企业", "", "tax evasion", "concealed income", "fined", BUREAU,
         "2023-05-06"],
    ], sheet="Sheet1")
    assert choose_name(path) == "major_tax_violation"
    _, facts = run(MajorTaxViolationList(), path)
    person, firm = facts.records()
    assert facts.kind_of(person["subject"]) == "Person" and person["linkIdentifierType"] == "maskedid"
    assert facts.kind_of(firm["subject"]) == "Enterprise" and firm["violationType"] == "tax evasion"


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("major.csv", [HEADER, case("杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "偷税", "2022-03-10",
                                                 "2024-03-10")], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 1, 1), "Tax payment") == (0, 30, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2024, 3, 10), "Tax payment") == (30, 30, 0)


def test_missing_columns_is_an_error(write, run):
    path = write.csv("wrong.csv", [["纳税人名称", "主要违法事实", "列入日期"], ["甲公司", "偷税", "2022-01-01"]])
    with pytest.raises(ExtractionError, match="major tax violation"):
        run(MajorTaxViolationList(), path)
