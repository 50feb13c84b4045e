"""失信被执行人名单: parties who did not perform a court judgment.

A firm on the list is a record against the firm; its legal representative is
named with it (a role, not a record). A natural person on the list is a record
against the person, which counts against a firm only through a role the person
holds there (the rubric's key-personnel indicators decide).
"""

from __future__ import annotations

from ..context import ExtractionContext
from ..identifiers import parse_person_id
from .base import ListExtractor, Row, RowError, looks_like_person


class DishonestList(ListExtractor):
    name = "dishonest"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name, code = row.pop("name"), row.pop("code")
        if not name:
            raise RowError("no party name")
        party_type = row.pop("party_type")
        is_person = party_type in {"0", "个人", "自然人", "person"} or (
            party_type not in {"1", "企业", "法人", "单位", "organisation"} and looks_like_person(name, code))
        published = row.date("published_on") or row.date("filed_on")
        sex, age = row.pop("sex"), row.pop("age")
        if is_person:
            subject = ctx.person(name, code or None, sex=sex or None,
                                 age=int(age) if age.isdigit() and age != "0" else None)
            link = parse_person_id(code) if code else None
        else:
            found = ctx.enterprise(row.anchor, name, [code])
            assert found is not None
            subject, link = found
            if rep := row.pop("legal_rep"):
                ctx.role(ctx.person(rep, firm=subject), subject, "LegalRepresentative", row.anchor)
        court = ctx.department(row.pop("court"), "Court")
        ctx.record(
            "DishonestJudgmentDebtor", subject, row.anchor, link=link,
            valid_from=published, removed_on=row.date("removed_on"), issued_by=court,
            properties={
                "caseNumber": row.pop("case_number"), "basisDocument": row.pop("basis_number"),
                "basisIssuer": row.pop("basis_issuer"), "obligation": row.pop("duty"),
                "performance": row.pop("performance"), "conduct": row.pop("conduct"),
                "filedOn": row.date("filed_on"), "province": row.pop("province"),
                "subjectName": name,
            },
        )
