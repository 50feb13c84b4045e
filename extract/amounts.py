"""Money as published: ``1,657,330元``, ``12.5万元``, ``人民币5000元``, and bare numbers whose
unit is given by the column header (双公示 fines are published in 万元)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .identifiers import halfwidth

_UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "万": Decimal(10_000), "亿元": Decimal(100_000_000),
          "亿": Decimal(100_000_000), "千元": Decimal(1000)}
_AMOUNT = re.compile(r"(?:人民币|RMB|CNY|¥|￥)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|千元|元|万|亿)?")


class AmountError(ValueError):
    """A value in an amount column that is not an amount."""


def parse_amount(value: str | float | int | None, default_unit: str = "元") -> Decimal | None:
    """Amount in yuan. ``default_unit`` applies when the text names no unit (e.g. a 万元 column)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return _plain(Decimal(str(value)) * _UNITS[default_unit])
    text = halfwidth(str(value)).strip().replace(" ", "")
    if text in {"", "-", "--", "无", "暂无", "/"}:
        return None
    m = _AMOUNT.fullmatch(text)
    if not m:
        raise AmountError(f"not an amount: {value!r}")
    try:
        number = Decimal(m[1].replace(",", ""))
    except InvalidOperation as exc:
        raise AmountError(f"not an amount: {value!r}") from exc
    return _plain(number * _UNITS[m[2] or default_unit])


def _plain(amount: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1.65733E+6)."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()
