"""重大事故隐患挂牌督办: major production-safety hazards the emergency-management
authorities put under supervision (挂牌督办) until rectified. The record applies
from the listing (挂牌) until the hazard is rectified and closed (销号); a deadline
for rectification (整改期限) is kept as published, it does not end the record.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, enterprise


class SafetyHazardList(ListExtractor):
    name = "safety_hazards"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        listed_on = row.date("listed_on", required=True)
        closed_on = row.date("closed_on")
        deadline = row.date("deadline")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "SafetyHazard", subject, row.anchor, link=link, valid_from=listed_on, removed_on=closed_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "reason": row.pop("hazard"), "deadline": deadline,
                        "supervisionLevel": row.pop("level"), "address": row.pop("address"),
                        "remarks": row.pop("measures")},
        )
