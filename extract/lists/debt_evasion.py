"""逃废债名单: parties that evaded or cancelled debts owed to financial institutions
(恶意逃废金融债务), as financial departments and bank associations publish them.

Amounts are in yuan unless the header or the value names 万元 or 亿元. A party that
settles with its creditors is removed (移出日期); the listing applies until then.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, party


class DebtEvasionList(ListExtractor):
    name = "debt_evasion"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, party_type = row.pop("name"), row.pop("party_type")
        listed_on = row.date("listed_on", required=True)
        removed_on, evaded = row.date("removed_on"), row.amount("evaded")
        subject, link = party(ctx, row, name, party_type)
        ctx.record(
            "DebtEvasion", subject, row.anchor, link=link, valid_from=listed_on, removed_on=removed_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "partyType": party_type, "creditor": row.pop("creditor"),
                        "owedYuan": evaded, "reason": row.pop("facts"), "removalReason": row.pop("removal_reason")},
        )
