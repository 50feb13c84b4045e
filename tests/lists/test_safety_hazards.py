"""重大事故隐患挂牌督办 (safety_hazards): listing, deadline kept, 销号 ends the record, Safety Hazards."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.safety_hazards import SafetyHazardList

HEADER = ["序号", "单位名称", "统一社会信用代码", "隐患内容", "督办级别", "督办单位", "挂牌日期", "整改期限", "销号日期"]
ROWS = [
    ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "涉爆粉尘作业场所未按规定设置泄爆装置", "市级",
     "杭州市安全生产委员会办公室", "2023年3月1日", "2023年6月30日", "2023年7月15日"],
    ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "危险化学品仓库与员工宿舍未保持安全距离", "市级",
     "杭州市安全生产委员会办公室", "2023-03-01", "2023-09-30", ""],
    ["3", "杭州戊己实业有限公司", "913301027258291747", "有限空间作业未落实审批制度", "县级", "西湖区应急管理局",
     "2023-03-01", "尽快", ""],
]


def test_html_listing_deadline_and_closing(write, run, choose_name):
    path = write.html("hazards.html", [HEADER, *ROWS], title="重大事故隐患挂牌督办名单")
    assert choose_name(path) == "safety_hazards"
    ctx, facts = run(SafetyHazardList(), path)
    closed, open_ = facts.records("SafetyHazard")
    assert facts.label(closed["subject"]) == "杭州甲乙科技有限公司"
    assert (closed["validFrom"], closed["deadline"], closed["removedOn"]) == ("2023-03-01", "2023-06-30", "2023-07-15")
    assert closed["reason"] == "涉爆粉尘作业场所未按规定设置泄爆装置" and closed["supervisionLevel"] == "市级"
    assert facts.label(closed["issuedBy"]) == "杭州市安全生产委员会办公室"
    assert open_.get("removedOn") is None and open_["deadline"] == "2023-09-30"
    assert facts.warnings() == ["warning: hazards.html, row 4: row skipped: column 整改期限: not a date: '尽快'"]
    assert ctx.counts.records == 2


def test_pdf_and_english_headers(write, run, choose_name):
    path = write.pdf("hazards_en.pdf", [
        ["Enterprise name", "USCC", "Hazard", "Supervised by", "Listing date", "Rectification deadline", "Closed on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "dust explosion risk", "Hangzhou Safety Committee",
         "2023-03-01", "2023-06-30", ""],
    ], title="Major hazards under supervision")
    assert choose_name(path) == "safety_hazards"
    _, facts = run(SafetyHazardList(), path)
    (record,) = facts.records()
    assert (record["reason"], record["validFrom"], record["deadline"]) == ("dust explosion risk", "2023-03-01", "2023-06-30")


def test_points_move_until_closed(write, indicator_points):
    path = write.csv("hazards.csv", [HEADER, ROWS[0]], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 7, 1), "Safety Hazards") == (0, 30, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2023, 7, 15), "Safety Hazards") == (30, 30, 0)


def test_missing_hazard_column_is_an_error(write, run):
    path = write.csv("wrong.csv", [["单位名称", "挂牌日期"], ["甲公司", "2023-03-01"]])
    with pytest.raises(ExtractionError, match="safety hazards"):
        run(SafetyHazardList(), path)
