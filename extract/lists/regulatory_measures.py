"""监管措施 and 纪律处分: non-compliance sanctioned by other means than an administrative
penalty, such as the CSRC's and its bureaus' administrative supervisory measures
(警示函, 责令改正, 监管谈话, 责令公开说明 …) and the exchanges' self-regulatory measures
and disciplinary actions (通报批评, 公开谴责). The kinds of measure a list may hold
are data in the TOML (``[lookups.measures]``): an unknown kind is a warning, since a
penalty published on such a list would otherwise be counted twice.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, party


class RegulatoryMeasureList(ListExtractor):
    name = "regulatory_measures"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, party_type, measure = row.pop("name"), row.pop("party_type"), row.pop("measure_type")
        kinds = self.lookup("measures", measure)
        if not kinds:
            raise RowError(f"column {row.column('measure_type')}: not a supervisory measure: {measure!r}")
        issued_on = row.date("issued_on", required=True)
        subject, link = party(ctx, row, name, party_type)
        security = " ".join(t for t in (row.pop("security_code"), row.pop("security_name")) if t)
        ctx.record(
            "OtherNonCompliance", subject, row.anchor, link=link, valid_from=issued_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "partyType": party_type, "measureType": measure,
                        "decisionNumber": row.pop("number"), "facts": row.pop("facts"),
                        "security": security, "noticeTitle": row.pop("title")},
        )
