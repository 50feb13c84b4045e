"""Facts written as N-Triples text are the very quads pyoxigraph's terms make: the text
path of the extraction context changes the speed of ingest, never its graph."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from cscs.extract.context import ExtractionContext, lit
from cscs.graph.store import open_store
from cscs.ontology.namespaces import CSCS, ID, XSD, doc_graph

VALUES: list[object] = [
    "plain", "杭州某某贸易有限公司", 'a "quoted" name', "back\\slash", "two\nlines", "cr\rhere",
    "tab\tand\x00nul\x1f\x7fdel", "emoji 😀 and 𠀀", " spaced ", True, False, 0, -12, 10**20,
    Decimal("1.50"), Decimal("-0.1"), Decimal("1E+3"), 2.5, date(2020, 2, 29), datetime(2021, 3, 4, 5, 6, 7),
    Literal("法人", language="zh"), Literal("7", datatype=XSD.integer), ID["enterprise/oc-123456789"],
]


def context() -> tuple[ExtractionContext, list[Quad]]:
    graph = doc_graph("0" * 64)
    ctx = ExtractionContext(path=Path("x.csv"), graph=graph, doc_key="0" * 64)
    expected = []
    for n, value in enumerate(VALUES):
        subject = ID[f"record/test/{n}"]
        ctx.add(subject, CSCS.remarks, value)
        term = value if isinstance(value, (NamedNode, Literal)) else lit(value)
        expected.append(Quad(subject, CSCS.remarks, term, graph))
    ctx.add(ID["record/test/none"], CSCS.remarks, None)  # nothing, as before
    ctx.add(ID["record/test/none"], CSCS.remarks, "")
    return ctx, expected


def test_each_value_is_the_quad_its_pyoxigraph_term_makes() -> None:
    ctx, expected = context()
    assert ctx.quads == expected


def test_the_store_holds_the_same_quads_from_text_as_from_terms() -> None:
    ctx, expected = context()
    from_text, from_terms = open_store(memory=True), open_store(memory=True)
    from_text.append(ctx.graph, ctx.drain())
    from_terms.write_graph(ctx.graph, expected)
    # (the store keeps a decimal in canonical form, 1.50 as 1.5, whichever way it came in)
    assert set(from_text.quads(ctx.graph)) == set(from_terms.quads(ctx.graph))
    assert len(from_text) == len(expected)
    assert ctx.quads == []  # drained
