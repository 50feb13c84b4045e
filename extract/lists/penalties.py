"""行政处罚 (双公示): administrative penalty decisions as the departments publish them.

Amounts are published in 万元 (10,000 yuan) unless the header says otherwise and
are kept in yuan. The record applies from the decision date until the end of its
publicity period (公示截止期), or the penalty's validity when that is a date.
"""

from __future__ import annotations

from datetime import timedelta

from cscs.ontology.namespaces import CSCS

from ..context import ExtractionContext
from ..dates import DateError, parse_date
from .base import ListExtractor, Row, authority, checked_code, party


class PenaltyList(ListExtractor):
    name = "penalties"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, category = row.pop("name"), row.pop("party_category")
        decided_on = row.date("decided_on", required=True)
        fine, confiscated = row.amount("fine"), row.amount("confiscated")
        publicity_until, validity = row.last_day("publicity_until"), row.pop("validity")
        try:
            validity_end = parse_date(validity)
        except DateError:
            validity_end = None  # "六个月", "长期": kept as text below
        valid_until = publicity_until or (validity_end + timedelta(days=1) if validity_end else None)
        subject, link = party(ctx, row, name, category)
        issuer_code, source_code = checked_code(ctx, row, "authority_code"), checked_code(ctx, row, "data_source_code")
        node = ctx.record(
            "AdministrativePenalty", subject, row.anchor, link=link, record_class="PenaltyDecision",
            valid_from=decided_on, valid_until=valid_until, issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": name, "partyCategory": category, "decisionNumber": row.pop("decision_number"),
                "violationType": row.pop("violation_type"), "facts": row.pop("facts"),
                "legalBasis": row.pop("legal_basis"), "penaltyType": row.pop("penalty_type"),
                "penaltyContent": row.pop("content"), "fineYuan": fine, "confiscatedYuan": confiscated,
                "licence": row.pop("licence"), "validity": validity,
                "issuerCode": issuer_code[0], "dataSource": row.pop("data_source"),
                "dataSourceCode": source_code[0], "remarks": row.pop("remarks"),
            },
        )
        for code, valid in (issuer_code, source_code):
            if not valid:
                ctx.add(node, CSCS.failsCheck, code)
