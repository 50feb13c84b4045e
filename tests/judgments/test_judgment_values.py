"""Dates and sums of money in running text: Chinese numerals, 万元, separators, approximations."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cscs.extract.judgments.values import cn_number, find_dates, find_money


@pytest.mark.parametrize(("text", "expected", "chinese"), [
    ("二〇二一年三月五日", date(2021, 3, 5), True),
    ("二○二○年七月九日", date(2020, 7, 9), True),          # ○ (U+25CB), as some courts type it
    ("二Ｏ一二年十一月十二日", date(2012, 11, 12), True),   # full-width letter O
    ("二〇一九年十二月三十一日", date(2019, 12, 31), True),
    ("2021年3月5日", date(2021, 3, 5), False),
    ("２０２１年０３月０５日", date(2021, 3, 5), False),
    ("2021-03-05", date(2021, 3, 5), False),
])
def test_dates(text: str, expected: date, chinese: bool) -> None:
    (found,) = find_dates("于" + text + "作出")
    assert found.value == expected and found.chinese_numerals == chinese and found.end - found.start == len(text)


def test_impossible_dates_are_not_dates() -> None:
    assert find_dates("2021年2月30日") == []


def test_english_dates() -> None:
    assert [d.value for d in find_dates("on March 5, 2021 and 6 April 2022", english=True)] == \
        [date(2021, 3, 5), date(2022, 4, 6)]


@pytest.mark.parametrize(("text", "value", "approximate"), [
    ("借款本金1,234,567.89元", "1234567.89", False),
    ("罚款人民币5000元", "5000", False),
    ("人民币１２３４元", "1234", False),
    ("罚金十一万元", "110000", False),
    ("人民币七万四千七百二十四元七角六分", "74724.76", False),
    ("两万元", "20000", False),
    ("12.5万元", "125000", False),
    ("1.3亿余元", "130000000", True),
    ("1千万余元", "10000000", True),
    ("9万余元", "90000", True),
    ("20多万元", "200000", True),
    ("60万元左右", "600000", True),
    ("50000元整", "50000", False),
    ("10万元人民币", "100000", False),
])
def test_money(text: str, value: str, approximate: bool) -> None:
    (found,) = find_money(text)
    assert found.value == Decimal(value) and found.approximate == approximate


@pytest.mark.parametrize("text", ["十几万元", "几千元", "六、七百万元", "十六、七万元", "数万元", "34.8余万", "100美元", "元旦"])
def test_indeterminate_or_foreign_sums_are_not_read(text: str) -> None:
    assert find_money(text) == []


def test_ranges_count_each_end_that_carries_yuan() -> None:
    assert [str(m.value) for m in find_money("由100元至500元不等，租房费6-8000元")] == ["100", "500", "8000"]


def test_english_money() -> None:
    assert [str(m.value) for m in find_money("RMB 12,300 and CNY 1.5 million", english=True)] == ["12300", "1500000"]


def test_chinese_numbers() -> None:
    assert cn_number("一百万零五千") == 1_005_000 and cn_number("十二") == 12 and cn_number("两千") == 2000
    with pytest.raises(ValueError):
        cn_number("十六七")
