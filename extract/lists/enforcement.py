"""行政强制: administrative compulsory measures (查封、扣押、冻结 …) and administrative
enforcement (强制执行), published by the deciding departments beside 双公示 in the
same shape: the party in the standard's 行政相对人 fields, the decision number, the
kind of measure, its grounds and legal basis, the decision date and the deciding
department. A measure lifted (解除日期) ends the record; a stated end of the measure
(强制期限至) is its last day in force.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, party


class EnforcementList(ListExtractor):
    name = "enforcement"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, category = row.pop("name"), row.pop("party_category")
        decided_on = row.date("decided_on", required=True)
        lifted_on, valid_until = row.date("lifted_on"), row.last_day("valid_until")
        amount = row.amount("amount")
        subject, link = party(ctx, row, name, category)
        ctx.record(
            "AdministrativeEnforcement", subject, row.anchor, link=link, valid_from=decided_on,
            valid_until=valid_until, removed_on=lifted_on, issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": name, "partyCategory": category, "decisionNumber": row.pop("decision_number"),
                "measureType": row.pop("measure_type"), "penaltyContent": row.pop("content"),
                "reason": row.pop("grounds"), "legalBasis": row.pop("legal_basis"), "amountYuan": amount,
                "issuerCode": row.pop("authority_code"), "dataSource": row.pop("data_source"),
                "remarks": row.pop("remarks"),
            },
        )
