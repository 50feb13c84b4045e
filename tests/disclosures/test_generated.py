"""A generated listed population read back: every document recognised by its content,
every field as the truth says, every fact anchored, every graph valid.

60 firms: text reports (tables broken over pages, padded names, wrapped posts, 万元),
three PDF reports, charters, cninfo JSON for ten, three rosters with namesakes.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from cscs.analysis import ROSTERS, match_rosters
from cscs.api import Graph
from cscs.extract.disclosures.pages import read_pages
from cscs.graph.validate import validate_graph
from cscs.ontology.namespaces import doc_graph
from cscs.sample.listed_check import PREFIXES, graph_fields, score_all, truth_fields
from cscs.sample.listed_corpus import generate_listed

FIRMS = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return generate_listed(tmp_path_factory.mktemp("listed"), firms=FIRMS, seed=5, pdf_reports=3, exchange_json=10)


@pytest.fixture(scope="module")
def graph(corpus) -> Graph:
    graph = Graph(memory=True)
    folders = [corpus.folder(f) for f in ("reports", "charters", "exchange", "rosters")]
    reports = graph.ingest(folders)  # recognised by content, no --as
    kinds = {r.path.parent.name: set() for r in reports}
    for r in reports:
        assert r.status == "added", r.error
        kinds[r.path.parent.name].add(r.extractor)
    assert kinds == {"reports": {"annual_report"}, "charters": {"articles_of_association"}, "exchange": {"exchange"},
                     "rosters": {"roster"}}
    match_rosters(graph.store, date(2021, 7, 1))
    return graph


@pytest.fixture(scope="module")
def truth(corpus) -> dict:
    return json.loads(corpus.truth_path.read_text(encoding="utf-8"))


def test_every_field_is_extracted_as_the_truth_says(graph: Graph, truth: dict) -> None:
    for score in score_all(graph_fields(graph), truth_fields(truth), "generated"):
        assert (score.precision, score.recall) == (1.0, 1.0), score


def test_posts_are_anchored_to_their_words(graph: Graph, corpus) -> None:
    rows = graph.query(PREFIXES + """SELECT ?text ?page ?start ?end ?title WHERE {
        GRAPH ?doc { ?m org:organization ?b ; cscs:postText ?text ; cscs:sourcePage ?page .
                     ?b a cscs:PartyStateBody . ?doc dcterms:title ?title .
                     OPTIONAL { ?m cscs:charStart ?start } OPTIONAL { ?m cscs:charEnd ?end } } }""").rows
    texts = [r for r in rows if r["title"].endswith(".txt") and r["start"] is not None]
    assert texts
    exact = 0
    for row in texts:
        page = read_pages(corpus.folder("reports") / row["title"]).text(row["page"])  # offsets are the read text's
        span = page[row["start"]:row["end"]]
        exact += span == row["text"]  # a biography's words; a table row's anchor is its line
        assert set(row["text"]) <= set(span), (row, span)
    assert exact > 0


def test_pdf_rows_keep_page_table_and_row(graph: Graph, truth: dict) -> None:
    pdfs = {f"{f['code']}_{truth['fiscal_year']}_年度报告.pdf" for f in truth["firms"] if f["report_format"] == "pdf"}
    rows = graph.query(PREFIXES + """SELECT ?title ?page ?table ?row WHERE { GRAPH ?doc {
        ?m org:role ?role ; cscs:sourcePage ?page ; cscs:sourceTable ?table ; cscs:sourceRow ?row .
        FILTER(?role IN (cscs:Director, cscs:IndependentDirector, cscs:Supervisor, cscs:SeniorManager))
        ?doc dcterms:title ?title } }""").rows
    assert pdfs <= {r["title"] for r in rows}
    for title in pdfs:  # the officers' table is broken over two pages in every PDF
        assert len({r["page"] for r in rows if r["title"] == title}) == 2, title


def test_charters_say_when_the_chapter_was_added(graph: Graph, truth: dict) -> None:
    rows = graph.query(PREFIXES + """SELECT ?title ?form ?year ?basis WHERE { GRAPH ?doc {
        ?c a cscs:PartyBuildingClause ; cscs:clauseForm ?form ; cscs:yearAddedBasis ?basis . ?doc dcterms:title ?title .
        OPTIONAL { ?c cscs:yearAdded ?year } } }""").rows
    chapters = {r["title"]: r for r in rows if r["form"] == "chapter"}
    for firm in truth["firms"]:
        title = f"{firm['code']}_公司章程.txt"
        assert (title in chapters) == (firm["clause"] == "chapter")
        if firm["clause"] == "chapter":
            assert chapters[title]["year"] == firm["clause_year"]
    assert {r["basis"] for r in chapters.values()} == {"stated", "version"}
    articles = {r["title"] for r in rows if r["form"] == "article"}
    assert articles == {f"{f['code']}_公司章程.txt" for f in truth["firms"] if f["clause"]}


def test_roster_links_need_evidence_beyond_the_name(graph: Graph, truth: dict) -> None:
    judgements = graph.query(PREFIXES + """SELECT ?name ?unit ?score ?evidence ?decision WHERE {
        GRAPH <https://w3id.org/cscs/resolution/rosters> { ?j cscs:matchSubject ?entry ; cscs:matchScore ?score ;
            cscs:matchEvidence ?evidence ; cscs:matchDecision ?decision }
        ?m org:member ?entry ; cscs:workUnit ?unit . ?entry foaf:name ?name }""").rows
    decoys = {(e["name"], e["unit"]) for e in truth["rosters"] if e["decoy_of"]}
    assert decoys, "the generated rosters hold namesakes of officers"
    linked = {(r["name"], r["unit"]) for r in judgements if r["decision"].endswith("#Same")}
    assert not linked & decoys
    assert all("work unit" in r["evidence"] and "birth year" in r["evidence"] for r in judgements)
    assert all(float(r["score"]) >= 0.9 for r in judgements if r["decision"].endswith("#Same"))


def test_a_users_judgement_outranks_the_matcher(graph: Graph) -> None:
    row = graph.query(PREFIXES + """SELECT ?entry ?officer WHERE {
        GRAPH <https://w3id.org/cscs/resolution/rosters> { ?entry cscs:resolvedTo ?officer } } LIMIT 1""").rows[0]
    graph.judge(row["entry"], row["officer"], same=False, by="tester", note="not the same person")
    try:
        match_rosters(graph.store, date(2021, 7, 1))
        links = {(q.subject.value, q.object.value) for q in graph.store.quads(ROSTERS)
                 if q.predicate.value.endswith("#resolvedTo")}
        assert (row["entry"], row["officer"]) not in links
    finally:
        graph.unjudge(row["entry"], row["officer"])
        match_rosters(graph.store, date(2021, 7, 1))


def test_document_graphs_are_valid(graph: Graph, corpus) -> None:
    docs = {d["title"]: d for d in graph.documents()}
    picked = [t for t in docs if t.endswith(".pdf")][:1] + [t for t in docs if t.endswith("年度报告.txt")][:2] \
        + [t for t in docs if t.endswith("公司章程.txt")][:2] + [t for t in docs if t.endswith(".json")][:2] \
        + [t for t in docs if t.endswith((".xlsx", ".csv"))]
    for title in picked:
        violations = [v for v in validate_graph(graph.store, doc_graph(docs[title]["sha256"]))
                      if v.severity == "Violation"]
        assert violations == [], (title, violations[:3])


def test_the_corpus_varies_its_layouts(corpus, truth: dict) -> None:
    """Every variation the extractors must survive is in the 60-firm corpus at least once."""
    layouts = [f["layout"] for f in truth["firms"]]
    assert {f["report_format"] for f in truth["firms"]} == {"pdf", "text", "tabbed", "html"}
    assert {"csrc", "bank"} <= {lay["family"] for lay in layouts}
    assert {"元", "万元", "百万元"} <= {lay["unit"] for lay in layouts}
    assert {"kv", "table", "sentence"} <= {lay["control"] for lay in layouts}
    texts = "\f".join(p.read_text(encoding="utf-8") for p in corpus.folder("reports").iterdir() if p.suffix != ".pdf")
    for words in ("董事总经理", "原", "本行控股股东", "人民币百万元", "与实际控制人关系", "<h>", "\t",
                  "中国人民大学"):
        assert words in texts, words
    assert any(line.startswith("      ") and 0 < len(line.strip()) <= 4 for line in texts.split("\n"))  # a cut cell
