"""重大税收违法失信主体 (formerly 重大税收违法案件 "黑名单"): parties a tax inspection
bureau lists after a major tax violation. The list names the taxpayer, its legal
representative and the finance officer directly responsible, the nature of the
case (偷税, 虚开增值税专用发票 …), the main facts and the legal basis with the
taxes, late fees and fines, and the inspecting bureau. A listing applies from its
date until it is withdrawn (撤出) or the credit is repaired (信用修复).
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, authority, party


class MajorTaxViolationList(ListExtractor):
    name = "major_tax_violation"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, party_type = row.pop("name"), row.pop("party_type")
        listed_on = row.date("listed_on", required=True)
        removed_on, repaired_on = row.date("removed_on"), row.date("repaired_on")
        subject, link = party(ctx, row, name, party_type)
        officer = " ".join(t for t in (row.pop("finance_officer"), row.pop("finance_officer_sex"),
                                       row.pop("finance_officer_id")) if t)
        row.pop("legal_rep_sex")  # read for the audit; a person's sex is not a fact cscs keeps from lists
        ctx.record(
            "MajorTaxViolation", subject, row.anchor, link=link, valid_from=listed_on,
            removed_on=removed_on, repaired_on=repaired_on, issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": name, "partyType": party_type, "address": row.pop("address"),
                "violationType": row.pop("case_nature"), "facts": row.pop("facts"),
                "legalBasis": row.pop("legal_basis"), "financeOfficer": officer, "agency": row.pop("agency"),
            },
        )
