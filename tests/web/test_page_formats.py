"""The explorer's data pages as JSON and CSV beside them, shareable query links,
chart legends and axis labels, merits not earned drawn apart from deductions, and
Chinese labels beside the ontology's CamelCase kinds and roles."""

from __future__ import annotations

import csv
import html
import io
import json
import re

from web_support import AS_OF

from cscs.tables import score_columns
from cscs.web.charts import LOST, NOT_EARNED
from cscs.web.render import firm_url

ASOF = AS_OF.isoformat()


def formats_of(page: str) -> dict[str, str]:
    return {fmt: html.unescape(link) for link, fmt in re.findall(r'href="([^"]+)" id="as-(json|csv)"', page)}


def get_link(client, link: str):
    from urllib.parse import parse_qsl, urlsplit

    parts = urlsplit(link)
    return client.get(parts.path, **dict(parse_qsl(parts.query)))


def test_the_firm_page_as_json_and_csv(client, web_graph):
    lowest = min(web_graph.score(as_of=AS_OF), key=lambda s: (s.total, s.uscc or ""))
    page = client.get(firm_url(lowest.firm), as_of=ASOF).text
    links = formats_of(page)
    assert links["json"].startswith(firm_url(lowest.firm) + ".json?") and "as_of=2024-06-30" in links["json"]
    data = get_link(client, links["json"])
    assert data.headers["content-type"].startswith("application/json")
    assert data.json() == json.loads(json.dumps(web_graph.explain(lowest.firm, AS_OF).to_dict()))
    rows = list(csv.DictReader(io.StringIO(get_link(client, links["csv"]).text)))
    assert len(rows) == len(web_graph.explain(lowest.firm, AS_OF).indicators)
    assert sum(float(r["points"]) for r in rows) == lowest.total
    moved = client.get(f"/firm/{lowest.uscc}.json", as_of=ASOF)  # a code redirects to the same data
    assert moved.status == 303 and moved.headers["location"] == firm_url(lowest.firm) + ".json?as_of=2024-06-30"


def test_search_and_population_as_json_and_csv(client, web_graph):
    page = client.get("/search", q="有限公司", as_of=ASOF, page="2").text
    data = get_link(client, formats_of(page)["json"]).json()
    assert data["page"] == 2 and data["count"] > 25 and len(data["results"]) == data["count"] - 25
    shown = re.findall(r'class="firm-link" href="(/firm/[^"?]+)', page)
    assert [firm_url(r["firm"]) for r in data["results"]] == [html.unescape(h) for h in shown]
    table = list(csv.DictReader(io.StringIO(get_link(client, formats_of(page)["csv"]).text)))
    assert [r["firm"] for r in table] == [r["firm"] for r in data["results"]]

    scores = web_graph.score(as_of=AS_OF)
    grade = scores[0].grade
    page = client.get("/population", as_of=ASOF, grade=grade).text
    data = get_link(client, formats_of(page)["json"]).json()
    assert data["count"] == sum(s.grade == grade for s in scores) and {r["grade"] for r in data["firms"]} == {grade}
    text = get_link(client, formats_of(page)["csv"]).text
    assert text.splitlines()[0] == ",".join(score_columns(web_graph.category_labels(as_of=AS_OF)))
    assert len(text.splitlines()) == data["count"] + 1


def test_a_query_has_a_shareable_address(client):
    text = "SELECT (1 AS ?one) WHERE {}"
    page = client.post("/query", f"query={text}".encode(), "application/x-www-form-urlencoded").text
    link = html.unescape(re.search(r'href="([^"]+)" id="query-link"', page).group(1))
    again = get_link(client, link)
    assert again.status == 200 and 'id="query-results"' in again.text and "SELECT (1 AS ?one)" in again.text


def test_charts_have_legends_and_axis_labels_and_merits_are_not_red(client, web_graph):
    lowest = min(web_graph.score(as_of=AS_OF), key=lambda s: (s.total, s.uscc or ""))
    page = client.get(firm_url(lowest.firm), as_of=ASOF).text
    sunburst = re.search(r'<svg class="sunburst".*?</svg>', page, re.S).group(0)
    for label in ("points held", "deducted", "merit not earned", "Social Responsibility"):
        assert f'class="legend">{label}<' in sunburst, label
    not_earned = re.findall(r'fill="([^"]+)" fill-opacity="0.8" stroke="#fff" stroke-width="0.5" class="not-earned">'
                            r'<title>(5\.[^<]*)', sunburst)
    assert not_earned and all(colour == NOT_EARNED for colour, _ in not_earned)  # 5.x: social responsibility
    assert not re.search(rf'fill="{LOST}"[^>]*class="lost"><title>5\.', sunburst)
    timeline = re.search(r'<svg class="timeline".*?</svg>', page, re.S).group(0)
    assert ">year<" in timeline and "negative record" in timeline and "positive record" in timeline
    history = re.search(r'<svg class="history".*?</svg>', page, re.S).group(0)
    assert ">total points<" in history and "date (" in history
    population = client.get("/population", as_of=ASOF).text
    assert ">number of firms<" in population and "% of the category&#39;s maximum<" in population


def test_kinds_and_roles_carry_their_chinese_labels(client, web_graph):
    lowest = min(web_graph.score(as_of=AS_OF), key=lambda s: (s.total, s.uscc or ""))
    page = client.get(firm_url(lowest.firm), as_of=ASOF).text
    assert re.search(r"<td>[A-Z][A-Za-z]+ \([\u4e00-\u9fff]+\)</td>", page)  # a kind, e.g. AdministrativePenalty (行政处罚)
    assert "LegalRepresentative (法定代表人)" in page
    rubric = client.get("/rubric/zhejiang-2020").text
    assert "AdministrativePenalty (行政处罚)" in rubric
