"""欠缴社会保险费 (社保费欠费公告): employers in arrears with social-insurance
contributions, announced by the tax bureaus that collect them (or the social
insurance agencies). Amounts are in yuan unless the header or the value says
otherwise; a paid-up date (缴清日期) ends the record.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class SocialInsuranceArrearsList(ListExtractor):
    name = "social_insurance"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        announced_on = row.date("announced_on", required=True)
        paid_on, owed = row.date("paid_on"), row.amount("owed")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "SocialInsuranceArrears", subject, row.anchor, link=link, valid_from=announced_on,
            removed_on=paid_on, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "levyType": row.pop("insurance"), "owedYuan": owed,
                        "period": row.pop("period"), "address": row.pop("address")},
        )
