"""境外直接投资存量权益登记: firms the People's Bank of China / State Administration of
Foreign Exchange names for not registering their overseas direct investment equity
(存量权益登记) by the yearly deadline. A later registration (补登记) removes the firm.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class OverseasEquityList(ListExtractor):
    name = "overseas_equity"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        listed_on = row.date("listed_on", required=True)
        removed_on = row.date("removed_on")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "OverseasEquityUnregistered", subject, row.anchor, link=link, valid_from=listed_on,
            removed_on=removed_on, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "period": row.pop("year"),
                        "overseasEnterprise": row.pop("overseas_enterprise"), "reason": row.pop("reason")},
        )
