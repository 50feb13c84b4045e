"""失信被执行人名单 (dishonest): a fixture in the published Chinese headers, and the real
Baidu API dump of July 2019 (read from ../shared/realdata, never copied into the repo)."""

from collections import Counter
from pathlib import Path

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.dishonest import DishonestList

REAL = Path(__file__).resolve().parents[2].parent / "shared/realdata/lists/shixin_baidu_api_2019/res.json"


@pytest.fixture(scope="module")
def real(run):
    if not REAL.exists():
        pytest.skip(f"real data not present: {REAL}")
    return run(DishonestList(), REAL)


def test_real_dump_records(real, choose_name):
    ctx, facts = real
    assert choose_name(REAL) == "dishonest"
    records = facts.records("DishonestJudgmentDebtor")
    assert len(records) == 50 and ctx.counts.skipped_rows == 0
    for record in records:
        assert record["caseNumber"]
        assert facts.kind_of(record["issuedBy"]) == "Court"
        assert facts.label(record["issuedBy"]).endswith("法院")
        assert record["filedOn"]
    # published on two days (the folder's README says only 2019-07-13)
    assert Counter(r["validFrom"] for r in records) == {"2019-07-13": 30, "2019-07-12": 20}
    kinds = [facts.kind_of(r["subject"]) for r in records]
    assert kinds.count("Enterprise") == 9 and kinds.count("Person") == 41


def test_real_dump_identifiers(real):
    _, facts = real
    firm = next(n for n in facts.of_type("Enterprise") if "552698531" in n.all("organizationCode"))
    linked = [r for r in facts.records() if r["subject"] == firm.iri]
    assert linked and all(r["linkIdentifier"] == "552698531" and r["linkIdentifierType"] == "orgcode"
                          for r in linked)
    masked = [n for n in facts.of_type("Enterprise") if "9114082306****333G" in n.all("maskedCode")]
    assert len(masked) == 1
    (record,) = [r for r in facts.records() if r["subject"] == masked[0].iri]
    assert record["linkIdentifierType"] == "masked"


def test_xlsx_published_headers(write, run, choose_name):
    path = write.xlsx("shixin.xlsx", [
        ["被执行人姓名/名称", "身份证号码/组织机构代码", "法定代表人或者负责人姓名", "执行法院", "省份", "案号",
         "执行依据文号", "做出执行依据单位", "生效法律文书确定的义务", "被执行人的履行情况", "失信被执行人行为具体情形",
         "立案时间", "发布时间", "涉案金额"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "杭州市上城区人民法院", "浙江", "(2021)浙0102执123号",
         "(2020)浙0102民初45号", "杭州市上城区人民法院", "支付货款100000元", "全部未履行",
         "有履行能力而拒不履行生效法律文书确定义务", "20210105", "2021年03月01日", "100000"],
        ["王五", "3301021980****1234", "", "杭州市中级人民法院", "浙江", "(2021)浙01执9号", "(2020)浙01民终8号",
         "杭州市中级人民法院", "偿还借款", "全部未履行", "违反财产报告制度", "20210110", "2021年2月30日", ""],
    ])
    assert choose_name(path) == "dishonest"
    ctx, facts = run(DishonestList(), path)
    (record,) = facts.records()
    assert record["caseNumber"] == "(2021)浙0102执123号" and record["filedOn"] == "2021-01-05"
    assert record["validFrom"] == "2021-03-01" and record["linkIdentifier"] == "91330102MA2B3C4D17"
    assert facts.label(record["issuedBy"]) == "杭州市上城区人民法院"
    assert facts.roles() == [("张三", "杭州甲乙科技有限公司", "LegalRepresentative", None, None)]
    warnings = facts.warnings()
    assert warnings[0] == ("warning: shixin.xlsx, sheet 名单, row 1: unknown column '涉案金额' is not read by "
                           "the dishonest extractor")
    assert warnings[1].startswith("warning: shixin.xlsx, sheet 名单, row 3: row skipped: column ")
    assert "2021年2月30日" in warnings[1]


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["被执行人姓名/名称", "执行法院"], ["王五", "杭州市中级人民法院"]])
    with pytest.raises(ExtractionError, match="dishonest persons"):
        run(DishonestList(), path)
