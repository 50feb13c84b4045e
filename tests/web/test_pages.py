"""The explorer's pages over a graph of generated documents: search, firm, provenance,
rubrics, population; the numbers shown are the API's."""

from __future__ import annotations

import html
import io
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from web_support import AS_OF, Client

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.web import Explorer
from cscs.web.render import firm_url

ASOF = AS_OF.isoformat()


def firm_links(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'href="(/firm/[^"]+)"', text)]


def record_links(text: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'class="provenance-link" href="([^"]+)"', text)]


def query_of(link: str) -> dict[str, str]:
    from urllib.parse import parse_qsl, urlsplit

    return dict(parse_qsl(urlsplit(link).query))


@pytest.fixture(scope="module")
def lowest(web_graph):
    """The firm that lost most points: it has deductions to follow."""
    return min(web_graph.score(as_of=AS_OF), key=lambda s: (s.total, s.uscc or ""))


def test_home_and_static(client):
    page = client.get("/")
    assert page.status == 200 and "zhejiang-2020" in page.text
    css = client.get("/static/style.css")
    assert css.status == 200 and css.headers["content-type"] == "text/css"
    assert client.get("/static/../pages.py").status == 404
    assert client.get("/no/such/page").status == 404


def test_search_by_partial_name_uscc_orgcode_and_person(client, web_graph, lowest):
    name = lowest.name
    by_name = client.get("/search", q=name[2:6], as_of=ASOF)
    assert by_name.status == 200 and name in by_name.text
    by_uscc = client.get("/search", q=lowest.uscc, as_of=ASOF)
    assert firm_links(by_uscc.text)[0].startswith(firm_url(lowest.firm))
    assert f">{lowest.total:g}<" in by_uscc.text and f">{lowest.grade}<" in by_uscc.text
    by_code = client.get("/search", q=lowest.uscc[8:17], as_of=ASOF)
    assert firm_url(lowest.firm) in by_code.text
    people = [r for r in web_graph.query(
        "PREFIX org: <http://www.w3.org/ns/org#> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
        "SELECT ?name WHERE { VALUES ?firm { UNDEF } ?m org:organization ?firm ; org:member ?p . ?p foaf:name ?name }",
        firm=__import__("pyoxigraph").NamedNode(lowest.firm))]
    person = people[0]["name"]
    by_person = client.get("/search", q=person, as_of=ASOF)
    assert firm_url(lowest.firm) in by_person.text and f"person {person}" in by_person.text
    assert "No firm matches" in client.get("/search", q="不存在的公司名称XYZ").text


def test_firm_page_numbers_equal_graph_score(client, web_graph, lowest):
    page = client.get(firm_url(lowest.firm), as_of=ASOF)
    assert page.status == 200
    text = page.text
    assert re.search(r'id="total">([^<]+)<', text).group(1) == f"{lowest.total:g}"
    assert re.search(r'id="grade">([^<]+)<', text).group(1) == lowest.grade
    shown = re.findall(r'class="num cat-points">([^<]+)<', text)
    assert shown == [f"{c.points:g}" for c in lowest.categories]
    assert '<svg class="sunburst"' in text and '<svg class="timeline"' in text and '<svg class="history"' in text
    assert "Key personnel" in text and 'id="personnel"' in text
    assert 'id="party-none"' in text  # the sample corpus records no party-state posts
    assert record_links(text), "a firm that lost points links its records"


def test_firm_page_as_of_another_day_and_unknown_firm(client, web_graph, lowest):
    day = date(2019, 6, 30)
    (expected,) = web_graph.score(lowest.firm, day)
    page = client.get(firm_url(lowest.firm), as_of=day.isoformat())
    assert re.search(r'id="total">([^<]+)<', page.text).group(1) == f"{expected.total:g}"
    assert client.get(firm_url(lowest.firm), as_of="2024-13-01").status == 400
    assert client.get("/firm/oc-000000000").status == 404


def test_provenance_of_a_pdf_row(client, web_graph):
    rows = web_graph.query("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?r ?bbox WHERE { "
                           "?r cscs:recordKind cscs:SeriousDishonest ; cscs:bbox ?bbox ; cscs:sourcePage ?p }").rows
    assert rows, "PDF rows carry cscs:bbox"
    record = rows[0]["r"]
    page = client.get("/record", iri=record)
    assert page.status == 200
    text = page.text
    assert "serious_dishonest.pdf" in text and 'id="page-image"' in text
    assert 'id="source-row"' in text and "serious_dishonest" in text  # the extractor
    assert re.search(r'id="doc-ingested">\d{4}-\d{2}-\d{2}T', text)
    image = client.get("/record/page.png", iri=record)
    assert image.status == 200 and image.headers["content-type"] == "image/png"
    picture = Image.open(io.BytesIO(image.body)).convert("RGB")
    x0, top, x1, bottom = (float(v) for v in rows[0]["bbox"].split())
    scale = picture.width / 842  # landscape A4 at the rendering resolution
    assert scale * 72 >= 199  # 10-pt CJK text is ~28 px high: legible
    column = [picture.getpixel((int((x0 + x1) / 2 * scale), int(y * scale)))
              for y in range(int(top) - 8, int(top) + 3)]
    assert any(r > 150 and g < 90 and b < 90 for r, g, b in column), column  # the box's red edge
    assert 'id="row-image"' in text
    band = client.get("/record/page.png", iri=record, crop="row")
    assert band.status == 200 and band.headers["content-type"] == "image/png"
    strip = Image.open(io.BytesIO(band.body)).convert("RGB")
    band_scale = strip.width / 842
    assert band_scale * 72 >= 299 and strip.height < picture.height / 3  # the row's band, enlarged
    middle = int(strip.width * ((x0 + x1) / 2) / 842)
    assert any(r > 150 and g < 90 and b < 90 for r, g, b in
               (strip.getpixel((middle, y)) for y in range(strip.height)))  # the box is in the band


def test_provenance_of_a_csv_row_and_linking(client, web_graph, lowest):
    firm_page = client.get(firm_url(lowest.firm), as_of=ASOF).text
    for link in record_links(firm_page):
        page = client.get("/record", **query_of(link))
        assert page.status == 200
        assert 'id="source-row"' in page.text or 'id="source-text"' in page.text
        assert "How it reached the firm" in page.text
    assert client.get("/record", iri="https://w3id.org/cscs/id/record/none/1").status == 404


def test_provenance_when_the_file_is_gone(tmp_path, corpus):
    moved = tmp_path / "penalties.csv"
    shutil.copy(corpus / "penalties.csv", moved)
    graph = Graph(memory=True)
    graph.ingest([shipped_rubric(), moved])
    moved.unlink()
    record = graph.query("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?r WHERE { ?r cscs:sourceRow ?row } "
                         "LIMIT 1").rows[0]["r"]
    page = Client(Explorer(graph)).get("/record", iri=record)
    assert page.status == 200
    assert 'id="file-missing"' in page.text and str(moved) in page.text
    assert "no longer at" in page.text


def test_rubric_pages(client):
    listing = client.get("/rubrics")
    assert listing.status == 200 and "/rubric/zhejiang-2020" in listing.text
    tree = client.get("/rubric/zhejiang-2020")
    assert tree.status == 200
    for expected in ("Basic Data", "4.3.1", "Market Supervision Administration", "all or nothing", "per record"):
        assert expected in tree.text
    assert client.get("/rubric/nowhere-1999").status == 404


def second_rubric(folder: Path) -> Path:
    """The shipped rubric under another id, counting records for three years, not five."""
    src = shipped_rubric()
    table = folder / "zhejiang-2020-short.tsv"
    shutil.copy(src, table)
    toml = src.with_suffix(".toml").read_text(encoding="utf-8")
    toml = toml.replace('id = "zhejiang-2020"', 'id = "zhejiang-2020-short"').replace('validity = "P5Y"', 'validity = "P3Y"')
    table.with_suffix(".toml").write_text(toml, encoding="utf-8")
    return table


def test_two_rubrics_side_by_side_with_a_firm(tmp_path, corpus):
    graph = Graph(memory=True)
    graph.ingest([shipped_rubric(), second_rubric(tmp_path), corpus / "penalties.csv", corpus / "abnormal_taxpayers.csv"])
    scores = {r: {s.firm: s for s in graph.score(as_of=AS_OF, rubric=r)} for r in ("zhejiang-2020", "zhejiang-2020-short")}
    firm = next(f for f, s in scores["zhejiang-2020"].items() if s.total != scores["zhejiang-2020-short"][f].total)
    page = Client(Explorer(graph)).get("/compare", a="zhejiang-2020", b="zhejiang-2020-short",
                                       firm=scores["zhejiang-2020"][firm].uscc, as_of=ASOF)
    assert page.status == 200
    totals = re.findall(r'<div class="total">([^<]+)</div>', page.text)
    assert totals == [f"{scores['zhejiang-2020'][firm].total:g}", f"{scores['zhejiang-2020-short'][firm].total:g}"]
    assert "60 mo" in page.text and "36 mo" in page.text


def test_population_page(client, web_graph):
    scores = web_graph.score(as_of=AS_OF)
    page = client.get("/population", as_of=ASOF)
    assert page.status == 200
    assert re.search(r'id="population-count"><strong>(\d+)</strong>', page.text).group(1) == str(len(scores))
    for grade in {s.grade for s in scores}:
        assert f"{grade}: {sum(s.grade == grade for s in scores)}" in page.text
    connected = client.get("/population", as_of=ASOF, connected="yes")
    assert re.search(r'id="population-count"><strong>(\d+)</strong>', connected.text).group(1) == "0"
    area = scores[0].uscc[2:6]
    by_area = client.get("/population", as_of=ASOF, area=area)
    count = sum((s.uscc or "")[2:6] == area for s in scores)
    assert re.search(r'id="population-count"><strong>(\d+)</strong>', by_area.text).group(1) == str(count)


def test_documents_page(client):
    page = client.get("/documents")
    assert page.status == 200 and "serious_dishonest.pdf" in page.text and "key_personnel.xlsx" in page.text
