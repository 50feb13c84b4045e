"""非正常户: taxpayers a tax office has declared abnormal (typically no filing for
three consecutive months). Release (解除) is the removal date.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class AbnormalTaxpayerList(ListExtractor):
    name = "abnormal_taxpayers"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        recognised_on = row.date("recognised_on", required=True)
        released_on = row.date("released_on")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "AbnormalTaxpayer", subject, row.anchor, link=link, valid_from=recognised_on,
            removed_on=released_on, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "reason": row.pop("reason"), "address": row.pop("address")},
        )
