"""The Shanghai layout of the top-ten table in text: the nature is the last column, after
the numbers, and a long name wraps onto the next line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cscs.extract.disclosures import ownership
from cscs.extract.disclosures.pages import read_pages

TEXT = """（二）截至报告期末前十名股东持股情况
股东名称（全称）        报告期内增减     期末持股数量     比例(%)   质押或冻结情况   股东性质
湖滨城市建设投资集     +12,500,000      410,220,000      28.50     无               国有法人
团有限公司
李秋实                  -300,000         8,000,000        0.56      质押             境内自然人
上述股东关联关系或一致行动的说明
"""


def test_nature_last_numbers_stay_out_of_the_name(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("某某股份有限公司 2019年年度报告\n\f" + TEXT, encoding="utf-8")
    found = ownership.holders_from_text(read_pages(path), path.name)
    assert [(h.name, h.nature, h.percent, h.shares) for h in found] == [
        ("湖滨城市建设投资集团有限公司", "StateOwnedLegalPerson", Decimal("28.50"), 410220000),
        ("李秋实", "DomesticNaturalPerson", Decimal("0.56"), 8000000)]


WRAPPED = """前十名股东持股情况
股东名称                报告期末持股数量   比例(%)   质押或冻结情况   股东性质
长江证券股份有限公      80,000,000         8.00      0
司－睿远混合型证券                                   无               其他
投资基金
洛阳恒通机械制造有      12,300,000         1.23      无               境内非国有法
限责任公司                                                            人
周　敏                  9,800,000          0.98      无               境内自然人
"""


def test_a_row_continues_on_lines_without_amounts(tmp_path: Path) -> None:
    """The nature on a continuation line, a nature cut in two, names over three lines."""
    path = tmp_path / "report.txt"
    path.write_text("某某股份有限公司 2016年年度报告\n\f" + WRAPPED, encoding="utf-8")
    found = ownership.holders_from_text(read_pages(path), path.name)
    assert [(h.name, h.nature, h.shares) for h in found] == [
        ("长江证券股份有限公司－睿远混合型证券投资基金", "OtherHolder", 80000000),
        ("洛阳恒通机械制造有限责任公司", "DomesticNonStateLegalPerson", 12300000),
        ("周敏", "DomesticNaturalPerson", 9800000)]
