"""严重违法失信名单: parties a market-supervision bureau lists for serious illegal and
dishonest conduct.

Listing, removal and credit repair are dates on one record: a party that drops
off a later edition of the list is not thereby removed.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, party


class SeriousDishonestList(ListExtractor):
    name = "serious_dishonest"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        listed_on = row.date("listed_on", required=True)
        removed_on, repaired_on = row.date("removed_on"), row.date("repaired_on")
        party_type = row.pop("party_type")
        subject, link = party(ctx, row, name, party_type)
        ctx.record(
            "SeriousDishonest", subject, row.anchor, link=link, valid_from=listed_on,
            removed_on=removed_on, repaired_on=repaired_on, issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": name, "partyType": party_type, "reason": row.pop("reason"),
                "removalReason": row.pop("removal_reason"),
                "removedBy": authority(ctx, row.pop("removal_authority")),
            },
        )
