"""荣誉表彰: honours and awards granted to firms. The rubric counts those of county
level or above, so the level is required and looked up in the TOML's
``[lookups.levels]``; lower or unknown levels are skipped with a warning.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, enterprise

COUNTED = ("national", "provincial", "municipal", "county")


class HonourList(ListExtractor):
    name = "honours"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, honour, level = row.pop("name"), row.pop("honour"), row.pop("level")
        awarded_on = row.date("awarded_on", required=True)
        valid_until = row.last_day("valid_until")
        if not honour:
            raise RowError("no honour name")
        if not level:
            raise RowError("no honour level; only honours of county level or above count")
        rank = next(iter(self.lookup("levels", level)), None)
        if rank not in COUNTED:
            why = "is below county level" if rank else "is not a known level (add it to honours.toml)"
            raise RowError(f"honour level {level!r} {why}; only honours of county level or above count")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "Honour", subject, row.anchor, link=link, record_class="HonourRecord", valid_from=awarded_on,
            valid_until=valid_until, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "honourName": honour, "honourLevel": level, "honourLevelRank": rank},
        )
