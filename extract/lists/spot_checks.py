"""监督抽查不合格: products that failed a market-supervision spot check of product
quality. A notice names the product, the producer it is labelled with (标称生产单位)
and the unit sampled (被抽样单位, often a shop), the model and batch, the items
that failed and the testing body. The record is about the producer, or the sampled
unit when no producer is named. Notices that list every result give 合格 rows too:
those are not failures and make no record.
"""

from __future__ import annotations

from ..context import ExtractionContext
from .base import ListExtractor, Row, RowError, authority, enterprise


class SpotCheckList(ListExtractor):
    name = "spot_checks"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        listed_only = not row.has("result")  # a list of failures only has no result column
        result = row.pop("result")
        verdict = ["fail"] if listed_only else self.lookup("results", result)
        if not verdict:
            raise RowError(f"column {row.column('result')}: not a spot-check result: {result!r}")
        if verdict == ["pass"]:
            return
        producer, sampled, failed = row.pop("name"), row.pop("sampled"), row.pop("failed_items")
        published_on = row.date("published_on", required=True)
        subject, link = enterprise(ctx, row, producer or sampled)
        ctx.record(
            "SpotCheckFailure", subject, row.anchor, link=link, valid_from=published_on,
            issued_by=authority(ctx, row.pop("authority")),
            properties={
                "subjectName": producer or sampled, "sampledUnit": sampled if producer else "",
                "productName": row.pop("product"), "productModel": row.pop("model"), "batch": row.pop("batch"),
                "failedItems": failed, "testingBody": row.pop("testing_body"), "reason": failed or result,
            },
        )
