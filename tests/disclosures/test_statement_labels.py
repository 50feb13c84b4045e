"""Net profit whose label wraps in its cell, and the parent company's statement kept out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cscs.extract.disclosures import finance
from cscs.extract.disclosures.pages import read_pages


def _figures(tmp_path: Path, statements: str) -> dict[str, Decimal]:
    path = tmp_path / "report.txt"
    path.write_text("某某股份有限公司 2020年年度报告\n\f" + statements, encoding="utf-8")
    found, problems = finance.figures(read_pages(path), path.name)
    assert problems == []
    return {f.item: f.value for f in found}


BALANCE = "合并资产负债表\n单位：万元\n资产总计 52,000.00 48,000.00\n负债合计 21,000.00 20,500.00\n\f"


def test_label_cut_before_its_figures(tmp_path: Path) -> None:
    got = _figures(tmp_path, BALANCE + "合并利润表\n单位：万元\n减：所得税费用 310.00 300.00\n"
                                      "四、净利润（净亏损以“－”号填\n1,240.50 1,100.00\n列）\n")
    assert got["NetProfit"] == Decimal("12405000")


def test_label_end_with_the_figures(tmp_path: Path) -> None:
    got = _figures(tmp_path, BALANCE + "合并利润表\n单位：万元\n四、净利润（净亏损以“－”号填\n列） 1,240.50 1,100.00\n")
    assert got["NetProfit"] == Decimal("12405000")


def test_text_layout_label_with_figures_then_its_end(tmp_path: Path) -> None:
    got = _figures(tmp_path, BALANCE + "合并利润表\n单位：万元\n四、净利润（净亏损以          1,240.50     1,100.00\n"
                                      "“－”号填列）\n")
    assert got["NetProfit"] == Decimal("12405000")


def test_parent_company_statement_never_stands_in(tmp_path: Path) -> None:
    """The consolidated line unreadable (its figures missing), the parent's follows: none."""
    got = _figures(tmp_path, BALANCE + "合并利润表\n单位：万元\n四、净利润（净亏损以“－”号填列）\n"
                                      "母公司利润表\n单位：万元\n四、净利润 610.00 580.00\n")
    assert "NetProfit" not in got
