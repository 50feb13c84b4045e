"""The rubric is data: the shipped Zhejiang 2020 rubric and the seed's table as pasted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract.context import ExtractionContext
from cscs.extract.rubric import RubricExtractor, parse_tree
from cscs.extract.source import Source

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
PREFIX = "PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "


def tree(path: Path):
    ctx = ExtractionContext(path=path, graph=NamedNode("urn:test"), doc_key="0" * 64)
    return parse_tree(RubricExtractor().rows(Source(path)), ctx), ctx


def test_shipped_rubric_totals(graph: Graph) -> None:
    rows = graph.query(PREFIX + """SELECT ?label ?points WHERE { VALUES ?rubric { UNDEF }
        ?c cscs:inRubric ?rubric ; cscs:level 1 ; cscs:maxPoints ?points ; skos:prefLabel ?label ;
           skos:notation ?n . FILTER(LANG(?label) = "en") } ORDER BY ?n""", rubric=NamedNode(RUBRIC))
    assert [(r["label"], r["points"]) for r in rows] == [
        ("Basic Data", 80), ("Finance and Taxation", 195), ("Governance Capability", 90),
        ("Compliance", 450), ("Social Responsibility", 185)]
    (row,) = graph.query(PREFIX + """SELECT (COUNT(?i) AS ?n) (SUM(?p) AS ?total) WHERE {
        VALUES ?rubric { UNDEF } ?i cscs:inRubric ?rubric ; cscs:level 3 ; cscs:maxPoints ?p }""",
                         rubric=NamedNode(RUBRIC)).rows
    assert (row["n"], row["total"]) == (25, 1000)
    (info,) = graph.rubrics().rows
    assert (info["id"], info["jurisdiction"], info["version"], info["total"]) == ("zhejiang-2020", "Zhejiang", "2020", 1000)


def test_every_indicator_carries_its_rule_and_kinds(graph: Graph) -> None:
    rows = graph.query(PREFIX + """SELECT ?i (COUNT(DISTINCT ?k) AS ?kinds) (SAMPLE(?rule) AS ?r) (SAMPLE(?pol) AS ?p)
        WHERE { VALUES ?rubric { UNDEF } ?i cscs:inRubric ?rubric ; cscs:level 3 ; cscs:rule ?rule ;
        cscs:polarity ?pol . OPTIONAL { ?i cscs:countsKind ?k } } GROUP BY ?i""", rubric=NamedNode(RUBRIC)).rows
    assert len(rows) == 25 and all(r["kinds"] >= 1 for r in rows)
    positive = sorted(r["i"].rsplit("/", 1)[1] for r in rows if r["p"].endswith("Positive"))
    assert positive == ["donations", "honors-and-awards", "red-list", "volunteer-service"]


def test_assumptions_are_marked_in_the_data(graph: Graph) -> None:
    rows = graph.query(PREFIX + """SELECT ?label WHERE { ?i cscs:assumption true ; skos:prefLabel ?label ;
        cscs:level 3 }""").rows
    assert "Environmental Protection (indicator name not published)" in {r["label"] for r in rows}
    bands = graph.query(PREFIX + "SELECT ?b WHERE { ?b a cscs:GradeBand ; cscs:assumption true }").rows
    assert len(bands) == 4


def test_seed_table_as_pasted() -> None:
    seed = SHARED / "seed" / "000_bf7b7fd26c7749aa.txt"
    if not seed.exists():
        pytest.skip("../shared/seed is not present")
    categories, ctx = tree(seed)
    # the seed's table has four of the five categories; Governance Capability (90) is
    # not in it, which is why the shipped rubric adds it
    assert [(c.name, c.points, len(list(c.leaves()))) for c in categories] == [
        ("Basic Data", 80, 4), ("Finance and Taxation", 195, 6), ("Compliance", 450, 8),
        ("Social Responsibility", 185, 4)]
    assert [str(p.message) for p in ctx.problems] == [
        "row without points ignored (a stray header?): Indicator | Indicator"]
    shipped, _ = tree(shipped_rubric())
    seed_leaves = {(leaf.name, leaf.points, leaf.description) for c in categories for leaf in c.leaves()}
    shipped_leaves = {(leaf.name, leaf.points, leaf.description) for c in shipped for leaf in c.leaves()}
    assert seed_leaves < shipped_leaves and len(shipped_leaves - seed_leaves) == 3
    honesty = categories[3].children[1]
    assert (honesty.name, honesty.points, [leaf.name for leaf in honesty.children]) == (
        "Honesty Records", 120, ["Red-list", "Honors and Awards"])


def test_points_that_do_not_add_up_reject_the_rubric(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("Basic Data\t80\tKey Personnel\t40\tA\t20\tx\ty\n\t\t\t\tB\t10\tx\ty\n"
                   "\tBusiness\t40\tC\t20\tx\ty\n\t\t\tD\t20\tx\ty\n", encoding="utf-8")
    graph = Graph(memory=True)
    (report,) = graph.ingest([bad], extractor="rubric")
    assert report.status == "rejected"
    assert report.error == "bad.tsv, row 1: 'Key Personnel' has 40 points but its indicators sum to 30"
    assert len(graph.store) == 0


def test_rubric_from_xlsx_and_pdf_read_the_same_tree(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    lines = [line.split("\t") for line in shipped_rubric().read_text(encoding="utf-8").splitlines() if "\t" in line]
    width = max(len(line) for line in lines)
    cells = [line + [""] * (width - len(line)) for line in lines]
    book = Workbook()
    for line in cells:
        book.active.append(line)
    book.save(tmp_path / "rubric.xlsx")
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    short = [[c[:40].strip() for c in line] for line in cells]
    table = Table(short, style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                           ("FONT", (0, 0), (-1, -1), "STSong-Light", 5)]))
    SimpleDocTemplate(str(tmp_path / "rubric.pdf"), pagesize=landscape(A4)).build([table])
    expected = [(c.name, c.points, [(leaf.name[:40].strip(), leaf.points) for leaf in c.leaves()]) for c in tree(shipped_rubric())[0]]
    for name in ("rubric.xlsx", "rubric.pdf"):
        got, _ = tree(tmp_path / name)
        assert [(c.name, c.points, [(leaf.name[:40].strip(), leaf.points) for leaf in c.leaves()]) for c in got] == expected, name


GOVERNANCE = ("Supervisory Spot Checks", "Safety Hazards", "Environmental Protection (indicator name not published)")


def test_rows_not_in_the_seed_table_are_marked_assumed_with_the_reason(graph: Graph) -> None:
    """The Governance Capability rows are not in the seed table: each is an assumption whose note
    says so and names what is assumed; the rubric's source says which rows come from where."""
    rows = graph.query(PREFIX + """SELECT ?label ?note WHERE { VALUES ?rubric { UNDEF }
        ?i cscs:inRubric ?rubric ; cscs:level 3 ; skos:prefLabel ?label ; cscs:assumption true ;
           cscs:assumptionNote ?note }""", rubric=NamedNode(RUBRIC)).rows
    notes = {r["label"]: r["note"] for r in rows}
    for name in GOVERNANCE:
        assert notes[name].startswith("Not in the seed table:"), name
        assert "supplying department" in notes[name] and "record kind" in notes[name], name
    seed = SHARED / "seed" / "000_bf7b7fd26c7749aa.txt"
    if seed.exists():  # every other indicator is a row of the seed table, and none of them says otherwise
        seeded = {leaf.name for c in tree(seed)[0] for leaf in c.leaves()}
        assert seeded.isdisjoint(GOVERNANCE) and len(seeded) == 22
        assert not any(n.startswith("Not in the seed table") for label, n in notes.items() if label in seeded)
    (source,) = graph.query(PREFIX + """PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?s WHERE { VALUES ?rubric { UNDEF } ?rubric dcterms:source ?s }""", rubric=NamedNode(RUBRIC)).rows
    assert "seed discussion paper" in source["s"] and "Governance Capability (3 indicators)" in source["s"]
    assert "descriptions, supplying departments and record kinds assumed" in source["s"]


def test_explanations_list_the_rows_assumed(tmp_path: Path) -> None:
    """What rubric-indicators.rq and rubric-notes.rq carry reaches ``cscs explain``: the notes of
    the assumed rows, once each, beside the rubric's own assumptions."""
    firm = tmp_path / "hazards.csv"
    firm.write_text("单位名称,统一社会信用代码,隐患内容,挂牌日期\n杭州甲乙科技有限公司,91330102MA2B3C4D17,粉尘涉爆,2023-03-01\n",
                    encoding="utf-8")
    graph = Graph(memory=True)
    assert [r.status for r in graph.ingest([shipped_rubric(), firm])] == ["added", "added"]
    explanation = graph.explain("91330102MA2B3C4D17", date(2023, 6, 1))
    hazards = next(i for i in explanation.indicators if i.label == "Safety Hazards")
    assert (hazards.points, hazards.assumption) == (0, True)
    listed = [a for a in explanation.assumptions if a.split(":")[0] in GOVERNANCE]
    assert sorted(a.split(":")[0] for a in listed) == sorted(GOVERNANCE)
    assert "The effective date is assumed." in explanation.assumptions
