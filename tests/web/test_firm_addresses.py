"""``/firm/<key>`` opens every firm the search links to, masked codes included, and
takes a USCC, organisation code or name typed into the address to the firm's page."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from masked_lists import masked_list
from web_support import Client

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.web import Explorer
from cscs.web.render import firm_url

REAL_LIST = Path("lists/shixin_baidu_api_2019/res.json")


def explorer(*documents: Path) -> tuple[Graph, Client]:
    graph = Graph(memory=True)
    reports = graph.ingest([shipped_rubric(), *documents])
    assert all(r.status == "added" for r in reports), [r.error for r in reports]
    return graph, Client(Explorer(graph))


def opens_every_firm(graph: Graph, client: Client) -> int:
    names = graph.firm_names()
    for iri, (name, _) in names.items():
        found = client.get("/search", q=name)
        links = {html.unescape(h) for h in re.findall(r'href="(/firm/[^"?]+)', found.text)}
        assert firm_url(iri) in links, (name, links)
        page = client.get(firm_url(iri))
        assert page.status == 200, (iri, page.text[:300])
        assert html.escape(name) in page.text
    return len(names)


def test_firms_known_by_a_masked_code_open(tmp_path):
    graph, client = explorer(masked_list(tmp_path))
    assert any("masked-" in iri for iri in graph.firm_names())
    assert opens_every_firm(graph, client) == 2


def test_every_firm_of_the_real_2019_list_opens(realdata):
    path = realdata / REAL_LIST
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    graph, client = explorer(path)
    masked = [iri for iri in graph.firm_names() if "/masked-" in iri]
    assert len(masked) == 6
    assert opens_every_firm(graph, client) == 9


def test_a_code_or_name_in_the_address_redirects_to_the_firm(client, web_graph):
    score = min(web_graph.score(), key=lambda s: s.uscc or "")
    for key in (score.uscc, score.uscc[8:17], score.name):
        reply = client.get(f"/firm/{key}", as_of="2024-06-30")
        assert reply.status == 303, key
        assert reply.headers["location"] == firm_url(score.firm, as_of="2024-06-30")
    assert client.get(firm_url(score.firm)).status == 200
    assert client.get("/firm/91330000000000000X").status == 404
    assert client.get("/firm/不存在的公司").status == 404
