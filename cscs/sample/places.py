"""Zhejiang places and the public bodies named after them.

A firm's area code (USCC positions 3-8) decides its city, the court that hears
its cases, its tax bureau and market-supervision bureau, so every document
names authorities that fit the firm, as real publications do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from cscs.extract.identifiers import make_uscc

PROVINCE = "浙江"


@dataclass(frozen=True)
class Area:
    code: str          # six-digit administrative division code used in USCCs and IDs
    city: str          # 杭州
    district: str      # 西湖区
    street: str        # one 街道 of the district (for township-level honours)
    court_code: str    # 浙0106: the basic court's code in case numbers

    @property
    def court(self) -> str:
        return f"{self.city}市{self.district}人民法院"

    @property
    def court_short(self) -> str:
        """The abbreviated form some basis documents use (杭州西湖法院)."""
        return f"{self.city}{self.district[:-1]}法院"

    @property
    def city_court_code(self) -> str:
        """The intermediate court (浙01) that hears appeals from this district."""
        return self.court_code[:3]

    @property
    def city_court(self) -> str:
        return f"浙江省{self.city}市中级人民法院"

    @property
    def tax_bureau(self) -> str:
        return f"国家税务总局{self.city}市{self.district}税务局"

    @property
    def market_bureau(self) -> str:
        return f"{self.city}市{self.district}市场监督管理局"

    @property
    def abbreviation(self) -> str:
        """City and district initials as used in decision numbers (杭西)."""
        return self.city[0] + self.district[0]


AREAS: tuple[Area, ...] = (
    Area("330102", "杭州", "上城区", "湖滨街道", "浙0102"),
    Area("330105", "杭州", "拱墅区", "米市巷街道", "浙0105"),
    Area("330106", "杭州", "西湖区", "转塘街道", "浙0106"),
    Area("330108", "杭州", "滨江区", "长河街道", "浙0108"),
    Area("330109", "杭州", "萧山区", "城厢街道", "浙0109"),
    Area("330110", "杭州", "余杭区", "仓前街道", "浙0110"),
    Area("330183", "杭州", "富阳区", "富春街道", "浙0111"),
    Area("330203", "宁波", "海曙区", "鼓楼街道", "浙0203"),
    Area("330212", "宁波", "鄞州区", "首南街道", "浙0212"),
    Area("330302", "温州", "鹿城区", "五马街道", "浙0302"),
    Area("330402", "嘉兴", "南湖区", "建设街道", "浙0402"),
    Area("330502", "湖州", "吴兴区", "飞英街道", "浙0502"),
    Area("330602", "绍兴", "越城区", "府山街道", "浙0602"),
    Area("330702", "金华", "婺城区", "城东街道", "浙0702"),
    Area("330802", "衢州", "柯城区", "信安街道", "浙0802"),
    Area("330902", "舟山", "定海区", "昌国街道", "浙0902"),
    Area("331002", "台州", "椒江区", "海门街道", "浙1002"),
    Area("331102", "丽水", "莲都区", "万象街道", "浙1102"),
)
AREA_BY_CODE = {a.code: a for a in AREAS}
# Hangzhou dominates Zhejiang's register; the weights only shape the sample.
AREA_WEIGHTS = tuple(3 if a.city == "杭州" else 1 for a in AREAS)
# Birthplaces outside Zhejiang for some key personnel (Anhui, Jiangxi, Jiangsu, Henan, Fujian).
OTHER_BIRTH_AREAS = ("340102", "342401", "360102", "320583", "410102", "350102")


def authority_uscc(name: str, area: str = "330000") -> str:
    """A stable, well-formed USCC for a public body (registration authority 1, kind 1 = 机关).

    Derived from the body's name so the same authority always has the same code.
    """
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    org8 = "0" + str(int(digest[:12], 16))[-7:].rjust(7, "0")
    return make_uscc(area, org8, authority="1", kind="1")
