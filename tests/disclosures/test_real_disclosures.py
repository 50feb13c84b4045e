"""The real disclosures in ``../shared/realdata/disclosures``: the facts its README names
are found, with their places in the documents.

平安银行's 2024 annual report (296 pages) breaks its officers' table between pages 66 and
67 without repeating the header, wraps merged cells and states one CPPCC post in a
biography (p. 69) and in the table of other posts (p. 74); cninfo's executives answer for
万科A names its firm only by stock code, with the profile answer beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.sample.listed_check import PREFIXES

DISCLOSURES = Path(__file__).resolve().parents[2].parent / "shared" / "realdata" / "disclosures"
PDF = DISCLOSURES / "pingan_bank_2024_annual_report_pdf" / "平安银行_2024年年度报告.pdf"
CNINFO = DISCLOSURES / "cninfo_api_json"
INDEPENDENT = {"杨军", "艾春荣", "吴志攀", "刘峰", "潘敏"}
DEPARTED_INDEPENDENT = "郭田勇"


@pytest.fixture(scope="module")
def report() -> tuple[Graph, list[int]]:
    """The graph of the real report, and the pages that were read as tables (timing is
    bench/timings.py's)."""
    if not PDF.is_file():
        pytest.skip("../shared/realdata/disclosures is not present")
    from cscs.extract.disclosures import officers

    graph, table_pages = Graph(memory=True), []
    real = officers.read_tables

    def spy(path, **options):
        table_pages.extend(options.get("pages") or [])
        return real(path, **options)

    from cscs.graph import pipeline

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(officers, "read_tables", spy)
        patch.setattr(pipeline, "PROCESS_BYTES", 1 << 40)  # extracted here, where the spy is
        (result,) = graph.ingest([PDF], "annual_report", resolve=False)
    assert result.status == "added", result.error
    return graph, table_pages


def roles(graph: Graph, role: str) -> dict[str, dict]:
    rows = graph.query(PREFIXES + f"""SELECT ?name ?current ?page ?table ?row ?end WHERE {{
        ?m org:role cscs:{role} ; org:member ?p . ?p foaf:name ?name .
        OPTIONAL {{ ?m cscs:currentPost ?current }} OPTIONAL {{ ?m cscs:sourcePage ?page }}
        OPTIONAL {{ ?m cscs:sourceTable ?table }} OPTIONAL {{ ?m cscs:sourceRow ?row }} OPTIONAL {{ ?m cscs:endDate ?end }} }}""")
    return {str(r["name"]): r for r in rows}


def test_the_independent_directors_named_in_the_readme_are_found(report) -> None:
    graph, _ = report
    found = roles(graph, "IndependentDirector")
    assert set(found) == INDEPENDENT | {DEPARTED_INDEPENDENT}
    assert all(found[n]["current"] for n in INDEPENDENT)
    assert found[DEPARTED_INDEPENDENT]["current"] is False
    assert str(found[DEPARTED_INDEPENDENT]["end"]) == "2022-09-01"  # 2016.8-2022.8: out of office from September


def test_the_table_broken_across_pages_is_read_as_one(report) -> None:
    graph, _ = report
    found = roles(graph, "IndependentDirector")
    assert (found["刘峰"]["page"], found["潘敏"]["page"], found["潘敏"]["row"]) == (66, 67, 1)
    supervisors = roles(graph, "Supervisor")
    assert "叶望春" in supervisors and supervisors["叶望春"]["page"] == 67  # 监事长\n职工监事, a merged cell
    assert {"谢永林", "冀光恒", "郭建", "项有志", "杨志群"} <= set(roles(graph, "Director"))
    assert "冀光恒" in roles(graph, "GeneralManager")  # 行长 is the bank's general manager


def test_the_cppcc_post_named_in_the_readme_is_found(report) -> None:
    graph, _ = report
    rows = graph.query(PREFIXES + """SELECT ?body ?level ?role ?current ?text ?page ?start ?end WHERE {
        ?m org:member ?p ; org:organization ?b ; org:role ?role . ?p foaf:name "郭建"@zh .
        ?b a cscs:PartyStateBody ; skos:prefLabel ?body ; cscs:bodyLevel ?level .
        OPTIONAL { ?m cscs:currentPost ?current } OPTIONAL { ?m cscs:postText ?text }
        OPTIONAL { ?m cscs:sourcePage ?page } OPTIONAL { ?m cscs:charStart ?start } OPTIONAL { ?m cscs:charEnd ?end } }""").rows
    assert len(rows) == 1
    post = rows[0]
    assert (post["body"], post["level"].rsplit("#")[-1], post["role"].rsplit("#")[-1]) == (
        "政协深圳市委员会", "MunicipalLevel", "CommitteeMember")
    assert (post["current"], post["text"], post["page"]) == (True, "深圳市政协委员", 69)
    assert post["start"] < post["end"]


def test_government_posts_in_biographies_are_former_and_levelled(report) -> None:
    graph, _ = report
    rows = graph.query(PREFIXES + """SELECT ?name ?body ?current WHERE {
        ?m org:member ?p ; org:organization ?b ; org:role cscs:Official . ?p foaf:name ?name .
        ?b skos:prefLabel ?body . OPTIONAL { ?m cscs:currentPost ?current } }""")
    assert {(r["name"], r["body"], r["current"]) for r in rows} == {
        ("王春汉", "武汉市人民政府", False), ("车国宝", "深圳市蛇口区管理局", False)}


def test_owners_controller_and_figures(report) -> None:
    graph, _ = report
    holders = graph.query(PREFIXES + """SELECT ?name ?nature ?pct ?page ?row WHERE { ?h a cscs:Shareholding ;
        cscs:holderName ?name ; cscs:holderNature ?nature ; cscs:sharePercent ?pct ; cscs:sourcePage ?page ;
        cscs:sourceRow ?row } ORDER BY DESC(?pct)""").rows
    assert len(holders) == 10
    assert holders[0]["name"] == "中国平安保险（集团）股份有限公司－集团本级－自有资金"  # a wrapped cell joined
    assert (holders[0]["pct"], holders[0]["nature"].rsplit("#")[-1], holders[0]["page"]) == (
        Decimal("49.56"), "DomesticLegalPerson", 104)
    assert {h["nature"].rsplit("#")[-1] for h in holders} == {"DomesticLegalPerson", "ForeignLegalPerson"}
    control = graph.query(PREFIXES + "SELECT ?nature WHERE { ?c a cscs:ControlStatement ; cscs:controllerNature ?nature }")
    assert [r["nature"].rsplit("#")[-1] for r in control] == ["NoController"]
    figures = {r["item"].rsplit("#")[-1]: r for r in graph.query(PREFIXES + """SELECT ?item ?value ?page ?year WHERE {
        ?f a cscs:FinancialFigure ; cscs:financialItem ?item ; cscs:valueYuan ?value ; cscs:sourcePage ?page ;
        cscs:fiscalYear ?year }""")}
    assert {k: (v["value"], v["page"], v["year"]) for k, v in figures.items()} == {
        "TotalAssets": (Decimal("5769270000000"), 122, 2024), "TotalLiabilities": (Decimal("5274428000000"), 123, 2024),
        "NetProfit": (Decimal("44508000000"), 126, 2024)}
    firm = graph.query(PREFIXES + "SELECT ?code ?uscc WHERE { ?f cscs:stockCode ?code ; cscs:uscc ?uscc }").rows
    assert firm == [{"code": "000001", "uscc": "91440300192185379H"}]


def test_only_the_pages_that_matter_are_read_as_tables(report) -> None:
    _, table_pages = report
    assert sorted(table_pages) == [66, 67]  # the officers' tables, of 296 pages (all would take a minute)


def test_cninfo_executives_with_the_profile_beside_them() -> None:
    if not CNINFO.is_dir():
        pytest.skip("../shared/realdata/disclosures is not present")
    graph = Graph(memory=True)
    reports = graph.ingest([CNINFO / "company_executives.json", CNINFO / "company_introduction.json"], resolve=False)
    assert [r.extractor for r in reports] == ["exchange", "exchange"] and all(r.status == "added" for r in reports)
    assert set(roles(graph, "IndependentDirector")) == {"林明彦", "张懿宸", "廖子彬", "沈向洋"}
    assert "王蕴" in roles(graph, "Director")        # 职工董事
    assert "田钧" in roles(graph, "SeniorManager")   # 董秘
    assert "黄力平" in roles(graph, "Chairman") and "黄力平" in roles(graph, "LegalRepresentative")
    firms = graph.query(PREFIXES + """PREFIX rov: <http://www.w3.org/ns/regorg#>
        SELECT DISTINCT ?firm ?name ?code WHERE { ?firm cscs:stockCode ?code ; rov:legalName ?name }""").rows
    assert [(r["name"], r["code"]) for r in firms] == [("万科企业股份有限公司", "000002")]  # one firm for both answers
    born = graph.query(PREFIXES + 'SELECT ?y WHERE { ?p foaf:name "郁亮"@zh ; cscs:birthYear ?y }').rows
    assert born == [{"y": 1965}]
