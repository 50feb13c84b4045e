"""Charitable donations (捐赠), as recipients (Red Cross, civil-affairs bureaus,
charities) publish them. A donation is money, goods or both.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, enterprise


class DonationList(ListExtractor):
    name = "donations"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        donated_on = row.date("donated_on", required=True)
        amount, goods = row.amount("amount"), row.pop("goods")
        if amount is None and not goods:
            raise RowError("neither an amount nor goods donated")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "Donation", subject, row.anchor, link=link, record_class="DonationRecord", valid_from=donated_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "amountYuan": amount, "goods": goods,
                        "recipient": row.pop("recipient"), "purpose": row.pop("purpose")},
        )
