"""Money as published: ``1,657,330元``, ``12.5万元``, ``人民币5000元``, and bare numbers whose
unit is given by the column header (双公示 fines are published in 万元)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .identifiers import halfwidth

_UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "万": Decimal(10_000), "亿元": Decimal(100_000_000),
          "亿": Decimal(100_000_000), "千元": Decimal(1000)}
_AMOUNT = re.compile(r"(?:人民币|RMB|CNY|¥|￥)?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|千元|元|万|亿)?")


#: The plausible range of a published amount (a fine, a confiscation, a donation): not
#: below zero, and at most a trillion yuan (the largest fines are some 10^10). A fine of
#: ``-5`` (万元) or a 26-digit one is an error, not -50,000 or 10^29 yuan.
MAX_AMOUNT = Decimal(10) ** 12
_MAX_DIGITS = 20  # longer digit strings are refused before any arithmetic on them


class AmountError(ValueError):
    """A value in an amount column that is not an amount."""


def plausible_amount(amount: Decimal, value: object) -> Decimal:
    """``amount`` if it lies in the plausible range, else AmountError naming the value."""
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        raise _implausible(value)
    return amount


def _implausible(value: object) -> AmountError:
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:40] + "…"
    return AmountError(f"implausible amount {shown} (plausible: 0 to {MAX_AMOUNT:,} yuan)")


def parse_amount(value: str | float | int | None, default_unit: str = "元") -> Decimal | None:
    """Amount in yuan. ``default_unit`` applies when the text names no unit (e.g. a 万元 column)."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
        if not number.is_finite() or abs(number) > MAX_AMOUNT:
            raise _implausible(value)
        return plausible_amount(_plain(number * _UNITS[default_unit]), value)
    text = halfwidth(str(value)).strip().replace(" ", "")
    if text in {"", "-", "--", "无", "暂无", "/"}:
        return None
    m = _AMOUNT.fullmatch(text)
    if not m:
        raise AmountError(f"not an amount: {value!r}")
    digits = m[1].replace(",", "")
    if len(digits.lstrip("-").split(".")[0]) > _MAX_DIGITS:
        raise _implausible(value)
    try:
        number = Decimal(digits)
    except InvalidOperation as exc:
        raise AmountError(f"not an amount: {value!r}") from exc
    return plausible_amount(_plain(number * _UNITS[m[2] or default_unit]), value)


def _plain(amount: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (1.65733E+6)."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.normalize()
