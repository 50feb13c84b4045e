"""Red lists (红名单): firms commended for keeping faith. Two layouts are published:

* the A-level taxpayer list (纳税信用A级纳税人名单) by evaluation year. Only grade A
  is on the red list; it applies for one year from its publication, or, when the
  list gives no date, from 1 January after the evaluation year (when the tax
  authorities publish the grades);
* general red lists with a reason, the recognising department and a validity.
"""

from __future__ import annotations

import re
from datetime import date

from ..context import ExtractionContext
from ..identifiers import halfwidth
from .base import ListExtractor, Row, RowError, add_years, authority, enterprise

_GRADE = re.compile(r"\s*([A-D][+-]?|M)\s*(?:级|LEVEL|GRADE)?\s*")


class RedList(ListExtractor):
    name = "red_list"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        if row.has("grade") or row.has("year"):
            self._a_level(ctx, row)
        else:
            self._general(ctx, row)

    def _a_level(self, ctx: ExtractionContext, row: Row) -> None:
        name, grade_text = row.pop("name"), row.pop("grade")
        grade = _GRADE.fullmatch(halfwidth(grade_text).upper())
        if grade is None:
            raise RowError(f"column {row.column('grade')}: not a tax credit grade: {grade_text!r}")
        if grade[1] != "A":
            raise RowError(f"tax credit grade {grade_text!r} is not A; only A-level taxpayers are on the red list")
        year = row.year("year")
        if year is None:
            raise RowError(f"column {row.column('year')}: not a year: ''")
        valid_from = row.date("published_on") or date(year + 1, 1, 1)
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "RedList", subject, row.anchor, link=link, valid_from=valid_from,
            valid_until=add_years(valid_from, 1), issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "reason": f"{year}年度纳税信用A级纳税人",
                        "taxCreditGrade": "A", "evaluationYear": year},
        )

    def _general(self, ctx: ExtractionContext, row: Row) -> None:
        name = row.pop("name")
        listed_on = row.date("listed_on", required=True)
        valid_until = row.last_day("valid_until")
        subject, link = enterprise(ctx, row, name)
        ctx.record(
            "RedList", subject, row.anchor, link=link, valid_from=listed_on, valid_until=valid_until,
            issued_by=authority(ctx, row.pop("authority")),
            properties={"subjectName": name, "reason": row.pop("reason")},
        )
