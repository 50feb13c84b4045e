"""欠税公告: taxpayers in arrears, announced each quarter by the tax bureaus in the form
the 欠税公告办法 prescribes (name, taxpayer number, legal representative and ID,
place of business, tax kind, balance owed and the arrears newly incurred in the
period). Amounts are in yuan unless the header or the value says otherwise; a
paid-up date (缴清日期) ends the record.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class TaxArrearsList(ListExtractor):
    name = "tax_arrears"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        announced_on = row.date("announced_on", required=True)
        paid_on, owed, new = row.date("paid_on"), row.amount("owed"), row.amount("new_owed")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "TaxArrears", subject, row.anchor, link=link, valid_from=announced_on, removed_on=paid_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "levyType": row.pop("tax_type"), "owedYuan": owed,
                        "newOwedYuan": new, "period": row.pop("period"), "address": row.pop("address")},
        )
