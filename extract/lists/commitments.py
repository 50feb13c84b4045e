"""信用承诺未履行 (失信承诺): parties that broke a credit commitment made to an
administrative body (告知承诺, 容缺受理, 信用修复承诺 …), as the credit portals
publish them: the party, what was promised and of what type, the dishonest act, the
date it was established and the department that established it.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, party


class CommitmentBreachList(ListExtractor):
    name = "commitments"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, party_type = row.pop("name"), row.pop("party_type")
        found_on = row.date("found_on", required=True)
        removed_on, valid_until = row.date("removed_on"), row.last_day("valid_until")
        subject, link = party(ctx, row, name, party_type)
        ctx.record(
            "CommitmentBreach", subject, row.anchor, link=link, valid_from=found_on, valid_until=valid_until,
            removed_on=removed_on, issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "partyType": party_type, "commitment": row.pop("commitment"),
                        "commitmentType": row.pop("commitment_type"), "reason": row.pop("breach"),
                        "committedOn": row.date("committed_on")},
        )
