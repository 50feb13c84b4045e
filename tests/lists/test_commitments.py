"""信用承诺未履行 (commitments): the commitment, its type, the breach, Administrative Commitment."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.commitments import CommitmentBreachList

HEADER = ["序号", "承诺主体", "统一社会信用代码", "承诺事项", "承诺类型", "承诺日期", "失信行为", "认定日期", "认定单位",
          "公示截止日期"]
ROWS = [
    ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "食品经营许可告知承诺", "审批替代型", "2022-01-05",
     "承诺具备的经营场所条件与实际不符", "2022-06-01", "杭州市上城区市场监督管理局", "2025-05-31"],
    ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "信用修复承诺", "信用修复型", "2022-02-01", "修复后再次违法",
     "2022/6/31", "杭州市西湖区发展和改革局", ""],
]


def test_xlsx_breaches(write, run, choose_name):
    path = write.xlsx("commitments.xlsx", [HEADER, *ROWS], title="信用承诺未履行信息")
    assert choose_name(path) == "commitments"
    ctx, facts = run(CommitmentBreachList(), path)
    (record,) = facts.records("CommitmentBreach")
    assert facts.label(record["subject"]) == "杭州甲乙科技有限公司"
    assert (record["commitment"], record["commitmentType"]) == ("食品经营许可告知承诺", "审批替代型")
    assert record["reason"] == "承诺具备的经营场所条件与实际不符" and record["committedOn"] == "2022-01-05"
    assert (record["validFrom"], record["validUntil"]) == ("2022-06-01", "2025-06-01")  # 公示截止日期 is the last day
    assert facts.label(record["issuedBy"]) == "杭州市上城区市场监督管理局"
    assert facts.warnings() == [
        "warning: commitments.xlsx, sheet 名单, row 4: row skipped: column 认定日期: not a valid date: '2022/6/31'"]
    assert ctx.counts.records == 1


def test_english_gbk(write, run, choose_name):
    path = write.csv("commitments_en.csv", [
        ["Committing party", "USCC", "Commitment", "Breach", "Established on", "Established by"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "licence by notification", "false statement", "2022-06-01",
         "Shangcheng AMR"],
    ])
    assert choose_name(path) == "commitments"
    _, facts = run(CommitmentBreachList(), path)
    (record,) = facts.records()
    assert (record["commitment"], record["reason"]) == ("licence by notification", "false statement")


def test_points_move_within_publicity(write, indicator_points):
    path = write.csv("commitments.csv", [HEADER, ROWS[0]], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2025, 5, 31), "Administrative Commitment") == (0, 20, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2025, 6, 1), "Administrative Commitment") == (20, 20, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["承诺主体", "认定日期"], ["甲公司", "2022-01-01"]])
    with pytest.raises(ExtractionError, match="credit commitment"):
        run(CommitmentBreachList(), path)
