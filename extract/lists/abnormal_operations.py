"""经营异常名录: firms a market-supervision bureau lists for irregular operation
(annual report not filed, information not disclosed or false, unreachable at the
registered address). Three years on the list moves a firm to the serious list,
which is a separate record from a separate list.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class AbnormalOperationsList(ListExtractor):
    name = "abnormal_operations"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        listed_on = row.date("listed_on", required=True)
        removed_on = row.date("removed_on")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "AbnormalOperation", subject, row.anchor, link=link, valid_from=listed_on,
            removed_on=removed_on, issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": name, "reason": row.pop("reason"), "removalReason": row.pop("removal_reason"),
                "removedBy": authority(ctx, row.pop("removal_authority")),
            },
        )
