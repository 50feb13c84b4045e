"""企业登记信息: what a registry says about a firm — its codes, legal name, former names
(曾用名), English name, legal representative, registered address (住所), founding date
and registration authority.

No record is made: a registry is what records are resolved against. A firm's former
and English names let a list that prints an old or an English name reach it (see
``graph/resolve/firms.py``); its 注册号 beside its USCC lets a list that gives only the
old registration number reach it; its legal representative is a role.
"""

from __future__ import annotations

import re

from pyoxigraph import Literal

from cscs.ontology.namespaces import CSCS

from ..context import ExtractionContext
from ..identifiers import normalize_name
from .base import ListExtractor, Row, enterprise

#: Former names are published several to a cell: 杭州甲有限公司；杭州乙有限公司 (or ; or 、).
_SEPARATORS = re.compile(r"[；;、\n]+")


def former_names(cell: str) -> list[str]:
    """The names in a 曾用名 cell, in order, without blanks or repeats."""
    names = [normalize_name(n) for n in _SEPARATORS.split(cell or "")]
    return list(dict.fromkeys(n for n in names if n and n not in {"-", "无", "暂无"}))


class BusinessRegisterList(ListExtractor):
    name = "business_register"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        former, english = former_names(row.pop("former_names")), normalize_name(row.pop("english_name"))
        firm, _ = enterprise(ctx, row, name)
        current = normalize_name(name) if name else ""
        for old in former:
            if old != current:
                ctx.add(firm, CSCS.formerName, Literal(old, language="zh"))
        if english and english not in {"-", "无", "暂无"}:
            ctx.add(firm, CSCS.englishName, Literal(english, language="en"))
        ctx.add(firm, CSCS.address, normalize_name(row.pop("address")))
        ctx.add(firm, CSCS.foundedOn, row.date("founded_on"))
        ctx.add(firm, CSCS.registeredBy, ctx.department(row.pop("registration_authority")))
