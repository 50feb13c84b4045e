"""环境信用评价 and environmental violation lists, from the ecology and environment
departments.

An environmental credit evaluation grades every firm it covers, in colours (绿 / 蓝 /
黄 / 红 / 黑) or words (环保诚信 / 良好 / 警示 / 不良). Only the bad grades are
records (cscs:EnvironmentalViolation); which grades are bad is data in the TOML
(``[lookups.grades]``). A good grade is kept as a fact, a cscs:CreditRating of the firm,
so that a firm rated green is known to have been rated. A violation list (环境违法
企业名单) gives the violation instead of a grade; every row is a record.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

from cscs.ontology.namespaces import CSCS, ID, RDF

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, enterprise


class EnvironmentalList(ListExtractor):
    name = "environment"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        if row.has("grade"):
            self._rating(ctx, row)
        else:
            self._violation(ctx, row)

    def _rating(self, ctx: ExtractionContext, row: Row) -> None:
        name, grade = row.pop("name"), row.pop("grade")
        meaning = self.lookup("grades", grade)
        if not meaning:
            raise RowError(f"column {row.column('grade')}: not an environmental credit grade: {grade!r}")
        evaluation_year = row.year("year")
        published_on = row.date("published_on", required=True)
        subject, link = enterprise(ctx, row, name)
        issued_by = authority(ctx, row.pop("authority"))
        if meaning == ["good"]:
            self._good_grade(ctx, row, subject, grade, published_on, evaluation_year, issued_by)
            return
        ctx.record(
            "EnvironmentalViolation", subject, row.anchor, link=link, valid_from=published_on,
            valid_until=row.last_day("valid_until"), issued_by=issued_by,
            properties={"subjectName": name, "creditGrade": grade, "evaluationYear": evaluation_year,
                        "reason": f"环境信用评价：{grade}"},
        )

    @staticmethod
    def _good_grade(ctx: ExtractionContext, row: Row, firm: NamedNode, grade: str, published_on, year,
                    issued_by: NamedNode | None) -> None:
        """A grade that is not a negative record: a fact about the firm, with its anchor (no
        prov:wasDerivedFrom, which marks records: the extraction counts those)."""
        row.pop("valid_until")
        node = ID[f"rating/{ctx.doc_key[:16]}/{row.anchor.row}-{row.anchor.table or 0}"]
        ctx.add(node, RDF.type, CSCS.CreditRating)
        ctx.add(node, CSCS.ratedFirm, firm)
        ctx.add(node, CSCS.creditGrade, grade)
        ctx.add(node, CSCS.evaluationYear, year)
        ctx.add(node, CSCS.validFrom, published_on)
        ctx.add(node, CSCS.issuedBy, issued_by)
        ctx._anchor(node, row.anchor)

    def _violation(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        found_on = row.date("published_on", required=True)
        removed_on, fine = row.date("removed_on"), row.amount("fine")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "EnvironmentalViolation", subject, row.anchor, link=link, valid_from=found_on, removed_on=removed_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "violationType": row.pop("violation"),
                        "penaltyContent": row.pop("handling"), "fineYuan": fine,
                        "decisionNumber": row.pop("decision_number")},
        )
