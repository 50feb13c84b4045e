"""Red lists (red_list): A-level taxpayer lists and general red lists."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.red_list import RedList


def test_a_level_taxpayers_xlsx(write, run, choose_name):
    path = write.xlsx("a_level.xlsx", [
        ["序号", "纳税人识别号", "纳税人名称", "评价年度", "纳税信用级别", "发布日期"],
        [1, "91330102MA2B3C4D17", "杭州甲乙科技有限公司", "2022", "A", ""],
        [2, "91330102MA27XY122Y", "杭州丙丁贸易有限公司", "2022年度", "Ａ级", "2023-04-20"],
        [3, "913301027258291747", "杭州戊己实业有限公司", "2022", "B", ""],
        [4, "91330102MA2H0K1L91", "杭州庚辛有限公司", "二〇二二", "A", ""],
        [5, "91330102MA28QWE14B", "杭州壬癸有限公司", "2020", "A", "2021-02-29"],
    ], title="2022年度纳税信用A级纳税人名单")
    assert choose_name(path) == "red_list"
    ctx, facts = run(RedList(), path)
    plain, published = facts.records("RedList")
    assert plain["type"].endswith("#ListEntry")
    assert (plain["validFrom"], plain["validUntil"]) == ("2023-01-01", "2024-01-01")
    assert plain["taxCreditGrade"] == "A" and plain["evaluationYear"] == "2022"
    assert plain["reason"] == "2022年度纳税信用A级纳税人"
    assert plain["linkIdentifier"] == "91330102MA2B3C4D17"
    assert (published["validFrom"], published["validUntil"]) == ("2023-04-20", "2024-04-20")
    assert ctx.counts.skipped_rows == 3
    assert facts.warnings() == [
        "warning: a_level.xlsx, sheet 名单, row 5: row skipped: tax credit grade 'B' is not A; "
        "only A-level taxpayers are on the red list",
        "warning: a_level.xlsx, sheet 名单, row 6: row skipped: column 评价年度: not a year: '二〇二二'",
        "warning: a_level.xlsx, sheet 名单, row 7: row skipped: column 发布日期: not a valid date: '2021-02-29'",
    ]


def test_general_red_list_gbk_csv(write, run, choose_name):
    path = write.csv("red.csv", [
        ["主体名称", "统一社会信用代码", "列入事由", "认定部门", "列入日期", "有效期至"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "守合同重信用企业", "杭州市市场监督管理局", "2021-06-30",
         "2023-06-29"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "海关高级认证企业", "杭州海关", "2022-01-15", ""],
    ])
    assert choose_name(path) == "red_list"
    _, facts = run(RedList(), path)
    first, second = facts.records("RedList")
    assert (first["validFrom"], first["validUntil"], first["reason"]) == ("2021-06-30", "2023-06-30", "守合同重信用企业")
    assert facts.label(first["issuedBy"]) == "杭州市市场监督管理局"
    assert second.get("validUntil") is None and facts.label(second["issuedBy"]) == "杭州海关"
    assert not facts.warnings()


def test_english_headers(write, run, choose_name):
    path = write.html("a_level_en.html", [
        ["Taxpayer ID", "Taxpayer name", "Evaluation year", "Tax credit grade", "Region"],
        ["91330102MA2B3C4D17", "Hangzhou Jiayi Technology Co., Ltd.", "2021", "A", "Hangzhou"],
    ])
    assert choose_name(path) == "red_list"
    _, facts = run(RedList(), path)
    (record,) = facts.records()
    assert (record["validFrom"], record["validUntil"]) == ("2022-01-01", "2023-01-01")
    assert facts.warnings() == ["warning: a_level_en.html, row 1: unknown column 'Region' is not read by the "
                                "red_list extractor"]


def test_only_lower_grades_is_an_error(write, run):
    path = write.csv("b_level.csv", [["纳税人识别号", "纳税人名称", "评价年度", "纳税信用级别"],
                                     ["91330102MA2B3C4D17", "杭州甲乙科技有限公司", "2022", "B"]])
    with pytest.raises(ExtractionError, match="every row was rejected"):
        run(RedList(), path)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["纳税人识别号", "纳税人名称", "认定日期"], ["91330102MA2B3C4D17", "甲", "2022-01-01"]])
    with pytest.raises(ExtractionError, match="needs name, year, grade or name, reason"):
        run(RedList(), path)
