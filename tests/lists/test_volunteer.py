"""志愿服务 (volunteer): projects, hours, recognising body."""

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.volunteer import VolunteerList

HEADER = ["单位名称", "统一社会信用代码", "服务项目", "服务时长（小时）", "服务日期", "认定单位"]


def test_pdf(write, run, choose_name):
    path = write.pdf("volunteer.pdf", [
        HEADER,
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "西湖环保志愿行", "120.5", "2021-03-12", "杭州市文明办"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "社区助老", "36小时", "2021年10月9日", "共青团杭州市委员会"],
        ["杭州戊己实业有限公司", "913301027258291747", "社区助老", "很多", "2021-10-09", "共青团杭州市委员会"],
    ], title="2021年度企业志愿服务认定名单")
    assert choose_name(path) == "volunteer"
    ctx, facts = run(VolunteerList(), path)
    first, second = facts.records("VolunteerService")
    assert first["type"].endswith("#VolunteerRecord")
    assert (first["project"], first["hours"], first["validFrom"]) == ("西湖环保志愿行", "120.5", "2021-03-12")
    assert facts.label(first["issuedBy"]) == "杭州市文明办" and first["sourcePage"] == "1"
    assert (second["hours"], second["validFrom"]) == ("36", "2021-10-09")
    assert facts.label(second["issuedBy"]) == "共青团杭州市委员会"
    assert facts.warnings() == [
        "warning: volunteer.pdf, page 1, row 4: row skipped: column 服务时长（小时）: not a number: '很多'"]


def test_gbk_csv_unknown_column_and_english(write, run, choose_name):
    path = write.csv("volunteer.csv", [
        [*HEADER, "参与人数", "服务地点"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "西湖环保志愿行", "8", "2021-03-12", "杭州市文明办", "12", "西湖"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "社区助老", "8", "2021/3/32", "杭州市文明办", "5", "上城"],
    ])
    _, facts = run(VolunteerList(), path)
    (record,) = facts.records()
    assert record["volunteers"] == "12"
    assert facts.warnings() == [
        "warning: volunteer.csv, row 1: unknown column '服务地点' is not read by the volunteer extractor",
        "warning: volunteer.csv, row 3: row skipped: column 服务日期: not a valid date: '2021/3/32'"]

    english = write.csv("volunteer_en.csv", [
        ["Organisation", "USCC", "Service project", "Service hours", "Service date", "Recognised by"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "Lake clean-up", "4", "2021-03-12",
         "Hangzhou Civilization Office"],
    ], encoding="utf-8")
    assert choose_name(english) == "volunteer"
    _, facts = run(VolunteerList(), english)
    (record,) = facts.records()
    assert (record["project"], record["hours"]) == ("Lake clean-up", "4")


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["单位名称", "服务日期"], ["甲公司", "2021-03-12"]])
    with pytest.raises(ExtractionError, match="volunteer service"):
        run(VolunteerList(), path)
