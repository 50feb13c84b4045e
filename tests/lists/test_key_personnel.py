"""主要人员 (key_personnel): posts become roles; no records."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.key_personnel import KeyPersonnelList

HEADER = ["企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"]
FIRM = "杭州甲乙科技有限公司"
USCC = "91330102MA2B3C4D17"


def test_xlsx_posts_to_roles(write, run, choose_name):
    path = write.xlsx("personnel.xlsx", [
        HEADER,
        [FIRM, USCC, "张三", "330102198001011234", "董事长、总经理", "2018-01-01", ""],
        [FIRM, USCC, "李四", "", "独立非执行董事", "2019-06-01", "2022-05-31"],
        [FIRM, USCC, "王五", "", "监事会主席，职工监事", "2018-01-01", ""],
        [FIRM, USCC, "赵六", "", "副总经理/财务负责人/董事会秘书", "2020-03-01", ""],
        [FIRM, USCC, "钱七", "", "实际控制人", "", ""],
        [FIRM, USCC, "孙八", "", "法定代表人", "2018-01-01", ""],
        [FIRM, USCC, "周九", "", "董事、党委书记", "2018-01-01", ""],
        [FIRM, USCC, "吴十", "", "副董事长", "2018-13-01", ""],
        ["", "", "郑十一", "", "董事", "", ""],
    ])
    assert choose_name(path) == "key_personnel"
    ctx, facts = run(KeyPersonnelList(), path)
    assert ctx.counts.records == 0 and not facts.records()
    assert facts.roles() == sorted([
        ("张三", FIRM, "Chairman", "2018-01-01", None),
        ("张三", FIRM, "Director", "2018-01-01", None),
        ("张三", FIRM, "GeneralManager", "2018-01-01", None),
        ("张三", FIRM, "SeniorManager", "2018-01-01", None),
        ("李四", FIRM, "IndependentDirector", "2019-06-01", "2022-05-31"),
        ("王五", FIRM, "Supervisor", "2018-01-01", None),
        ("赵六", FIRM, "SeniorManager", "2020-03-01", None),
        ("钱七", FIRM, "ActualController", None, None),
        ("孙八", FIRM, "LegalRepresentative", "2018-01-01", None),
    ])
    zhang = next(n for n in facts.of_type("Person") if n["name"] == "张三")
    assert zhang["idNumber"] == "330102198001011234"
    (firm,) = facts.of_type("Enterprise")
    assert firm["uscc"] == USCC
    assert facts.warnings() == [
        "warning: personnel.xlsx, sheet 名单, row 8: row skipped: unknown post '党委书记' (add it to key_personnel.toml)",
        "warning: personnel.xlsx, sheet 名单, row 9: row skipped: column 任职日期: not a valid date: '2018-13-01'",
        "warning: personnel.xlsx, sheet 名单, row 10: row skipped: no firm name or code",
    ]
    assert not any(n.get("name") == "周九" for n in facts.nodes.values())


def test_same_name_in_two_firms_are_two_people(write, run):
    path = write.csv("personnel.csv", [
        HEADER,
        [FIRM, USCC, "张三", "", "董事", "", ""],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "张三", "", "监事", "", ""],
    ])
    _, facts = run(KeyPersonnelList(), path)
    assert len(facts.of_type("Person")) == 2 and len(facts.of_type("Membership")) == 2


def test_english_headers_and_unknown_column(write, run, choose_name):
    path = write.html("personnel_en.html", [
        ["USCC", "Name", "Position", "Start date", "Nationality"],
        [USCC, "Zhang San", "Chairman and General Manager", "2018-01-01", "CN"],
        [USCC, "Li Si", "Independent director", "2019-06-01", "CN"],
    ])
    assert choose_name(path) == "key_personnel"
    _, facts = run(KeyPersonnelList(), path)
    roles = {(facts.label(m["member"]), m["role"].rsplit("#", 1)[-1]) for m in facts.of_type("Membership")}
    assert roles == {("Zhang San", "Chairman"), ("Zhang San", "Director"), ("Zhang San", "GeneralManager"),
                     ("Zhang San", "SeniorManager"), ("Li Si", "IndependentDirector")}
    assert facts.warnings() == [
        "warning: personnel_en.html, row 1: unknown column 'Nationality' is not read by the key_personnel extractor"]


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["企业名称", "姓名"], [FIRM, "张三"]])
    with pytest.raises(ExtractionError, match="key personnel"):
        run(KeyPersonnelList(), path)
