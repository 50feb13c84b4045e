"""Odd values met by the hardening campaign (issue 14): each is one clear warning or
error naming the file and place; no value rejects a whole list, no traceback reaches
the user, and no implausible value is stored unflagged."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract import registry
from cscs.extract.amounts import AmountError, parse_amount
from cscs.extract.dates import DateError, parse_date
from cscs.extract.identifiers import make_uscc
from cscs.extract.rubric import RubricExtractor
from cscs.extract.source import Source

PENALTY_HEADER = ["行政相对人名称", "统一社会信用代码", "行政处罚决定书文号", "罚款金额（万元）", "处罚决定日期", "处罚机关"]


def penalties(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A 双公示 penalty list: (name, fine in 万元, decision date) per row."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(PENALTY_HEADER)
        for i, (name, fine, day) in enumerate(rows):
            writer.writerow([name, make_uscc("330102", f"{i:08d}"), f"杭罚〔2021〕{i}号", fine, day,
                             "杭州市市场监督管理局"])
    return path


@pytest.fixture
def graph() -> Graph:
    g = Graph(memory=True)
    g.ingest([shipped_rubric()], resolve=False)
    return g


def test_odd_values_skip_their_row_with_a_warning_naming_row_and_column(graph: Graph, tmp_path: Path) -> None:
    path = penalties(tmp_path / "penalties.csv", [
        ("杭州正常有限公司", "5", "2021-01-05"),
        ("杭州甲有限公司", "1" * 26, "2021-01-05"),
        ("杭州乙有限公司", "-5", "2021-01-05"),
        ("杭州丙有限公司", "5", "0001-01-01"),
        ("杭州丁有限公司", "5", "9999999999"),
        ("杭州戊\x00有限公司", "5", "2021-01-05"),
        ("杭州己\ufffd有限公司", "5", "2021-01-05"),
        ("名" * 100_000, "5", "2021-01-05"),
    ])
    (report,) = graph.ingest([path], resolve=False)
    assert report.status == "added" and report.counts.records == 1 and report.counts.skipped_rows == 7
    warnings = [str(p) for p in report.warnings]
    assert warnings[:4] == [
        "warning: penalties.csv, row 3: row skipped: column 罚款金额（万元）: implausible amount "
        "'11111111111111111111111111' (plausible: 0 to 1,000,000,000,000 yuan)",
        "warning: penalties.csv, row 4: row skipped: column 罚款金额（万元）: implausible amount '-5' "
        "(plausible: 0 to 1,000,000,000,000 yuan)",
        "warning: penalties.csv, row 5: row skipped: column 处罚决定日期: implausible date '0001-01-01' "
        f"(plausible: 1949-10-01 to {parse_latest()})",
        "warning: penalties.csv, row 6: row skipped: column 处罚决定日期: implausible date '9999999999' "
        f"(plausible: 1949-10-01 to {parse_latest()})"]
    assert "U+0000" in warnings[4] and "U+FFFD" in warnings[5] and "100,000 characters" in warnings[6]
    assert all(len(w) < 300 for w in warnings)  # a 100,000-character value is not repeated whole


def parse_latest() -> str:
    from cscs.extract.dates import latest_date

    return latest_date().isoformat()


@pytest.mark.parametrize("value", ["0001-01-01", "1900-01-01", "2099-12-31", "3000-01-01", "9999999999"])
def test_implausible_dates_are_errors(value: str) -> None:
    with pytest.raises(DateError, match="implausible date"):
        parse_date(value)


def test_plausible_dates_and_amounts_still_parse() -> None:
    assert str(parse_date("1949-10-01")) == "1949-10-01" and str(parse_date("1600000000")) == "2020-09-13"
    assert parse_amount("12.5万元") == 125000 and parse_amount("0") == 0
    for value in ["-5", "1" * 26, "9" * 500, float("inf"), 1e308]:
        with pytest.raises(AmountError, match="implausible amount"):
            parse_amount(value, "万元")


def test_a_500_digit_taxpayer_number_does_not_reject_the_list(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "abnormal_taxpayers.csv"
    path.write_text("纳税人名称,纳税人识别号,认定日期,主管税务机关\n"
                    f"杭州甲有限公司,{'9' * 500},2021-01-01,国家税务总局杭州市税务局\n"
                    f"杭州乙有限公司,{make_uscc('330102', '00000001')},2021-01-01,国家税务总局杭州市税务局\n",
                    encoding="utf-8")
    assert RubricExtractor().accepts(Source(path)) == 0.0  # was OverflowError
    (report,) = graph.ingest([path], resolve=False)
    assert report.status == "added" and report.extractor == "abnormal_taxpayers" and report.counts.records == 2


def test_an_extractor_whose_accepts_fails_says_no(tmp_path: Path, monkeypatch) -> None:
    path = penalties(tmp_path / "penalties.csv", [("杭州正常有限公司", "5", "2021-01-05")])

    def broken(self, source):
        raise AttributeError("a bug in one extractor")

    monkeypatch.setattr(RubricExtractor, "accepts", broken)
    assert registry.choose(Source(path)).name == "penalties"


@pytest.mark.parametrize("name, data, expected", [
    ("deep.json", b"[" * 200_000 + b"]" * 200_000, "JSON nested too deeply"),
    ("broken.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100, "not a readable PDF"),
])
def test_format_errors_are_one_error_naming_the_file(graph: Graph, tmp_path: Path, name: str, data: bytes,
                                                     expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = len(graph.store)
    (report,) = graph.ingest([path], resolve=False)
    assert report.status == "rejected" and name in report.error and expected in report.error
    assert "\n" not in report.error and len(graph.store) == before


@pytest.mark.parametrize("shape", [
    {"data": [{"F002V": "陈波"}]},
    {"data": {"records": [[]]}},
    {"data": {"records": [{"F002V": ["x"], "F009V": {"a": 1}}]}},
])
def test_reshaped_exchange_json_is_a_clear_error(graph: Graph, tmp_path: Path, shape: dict) -> None:
    path = tmp_path / "600000_executives.json"
    path.write_text(json.dumps({"path": "/companyOverview/getCompanyExecutives", **shape}), encoding="utf-8")
    (report,) = graph.ingest([path], extractor="exchange", resolve=False)
    assert report.status in ("rejected", "added")
    assert "internal error" not in (report.error or "") and "Traceback" not in (report.error or "")
    if report.status == "rejected":
        assert path.name in report.error
