"""志愿服务: volunteer service by firms, as recognised by a civilization office,
the Youth League or a volunteer federation. Hours are kept as a quantity.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, enterprise


class VolunteerList(ListExtractor):
    name = "volunteer"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, project = row.pop("name"), row.pop("project")
        served_on = row.date("served_on", required=True)
        hours, volunteers = row.number("hours", "小时"), row.number("volunteers", "人")
        if not project:
            raise RowError("no service project")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "VolunteerService", subject, row.anchor, link=link, record_class="VolunteerRecord",
            valid_from=served_on, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "project": project, "hours": hours,
                        "volunteers": int(volunteers) if volunteers is not None else None},
        )
