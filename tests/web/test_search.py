"""Search by partial name: every matching firm, in pages of 25, from a name index
that follows the documents in the store."""

from __future__ import annotations

import html
import re

from web_support import Client

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.web import Explorer
from cscs.web.pages import SEARCH_LIMIT

ALL_NAMES = ("PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX rov: <http://www.w3.org/ns/regorg#> "
             "SELECT DISTINCT ?firm ?name WHERE { ?f a cscs:Enterprise ; rov:legalName ?name . "
             "OPTIONAL { ?f cscs:resolvedTo ?c } BIND(COALESCE(?c, ?f) AS ?firm) }")


def listed(page: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(r'class="firm-link" href="(/firm/[^"?]+)', page)]


def test_every_match_in_pages(client, web_graph):
    from cscs.web.render import firm_url

    expected = {firm_url(str(r["firm"])) for r in web_graph.query(ALL_NAMES) if "有限公司" in str(r["name"])}
    assert len(expected) > SEARCH_LIMIT + 1  # two pages at least
    pages = -(-len(expected) // SEARCH_LIMIT)
    seen: list[str] = []
    for number in range(1, pages + 1):
        reply = client.get("/search", q="有限公司", as_of="2024-06-30", page=str(number))
        assert reply.status == 200
        shown = listed(reply.text)
        assert len(shown) == (SEARCH_LIMIT if number < pages else len(expected) - SEARCH_LIMIT * (pages - 1))
        assert f"{len(expected)} firm(s) for “有限公司”: {len(seen) + 1}–{len(seen) + len(shown)} shown " \
               f"(page {number} of {pages})" in html.unescape(reply.text)
        assert ('rel="next"' in reply.text) == (number < pages) and ('rel="prev"' in reply.text) == (number > 1)
        seen += shown
    assert len(seen) == len(set(seen)) and set(seen) == expected
    assert client.get("/search", q="有限公司", page="0").status == 400
    assert client.get("/search", q="有限公司", page=str(pages + 1)).status == 200


def test_the_index_follows_ingest(tmp_path):
    graph = Graph(memory=True)
    graph.ingest([shipped_rubric()])
    client = Client(Explorer(graph))
    assert "No firm matches" in client.get("/search", q="新来").text
    path = tmp_path / "abnormal.csv"
    path.write_text("企业名称,统一社会信用代码,列入经营异常名录原因,列入日期,作出决定机关(列入)\n"
                    "杭州新来有限公司,91330106MA2EXKL02K,无法联系,2023-01-10,杭州市西湖区市场监督管理局\n",
                    encoding="utf-8")
    graph.ingest([path])
    found = client.get("/search", q="新来").text
    assert "杭州新来有限公司" in found and "1 firm(s) for" in found
