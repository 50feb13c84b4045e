"""Everything a document contributes is escaped: a firm named
``<script>alert(1)</script>有限公司`` (and a legal representative and an authority with
markup in their names) appear as text on every page."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

from web_support import AS_OF, EVIL, EVIL_USCC

from cscs.web.render import firm_url

ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;有限公司"


def assert_safe(text: str) -> None:
    assert "<script>" not in text
    assert "<img src=x" not in text and "<b>张三" not in text


def test_search_and_firm_page_escape_the_name(client, web_graph):
    search = client.get("/search", q="alert(1)")
    assert search.status == 200 and ESCAPED in search.text
    assert_safe(search.text)
    firm = web_graph.find_firm(EVIL_USCC)
    page = client.get(firm_url(firm), as_of=AS_OF.isoformat())
    assert page.status == 200 and ESCAPED in page.text
    assert "&lt;title&gt;" not in page.text  # the title element itself is real
    assert_safe(page.text)
    assert "content-security-policy" in page.headers and "script-src 'self'" in page.headers["content-security-policy"]


def test_provenance_and_query_pages_escape(client, web_graph):
    firm = web_graph.find_firm(EVIL_USCC)
    page = client.get(firm_url(firm), as_of=AS_OF.isoformat()).text
    link = re.search(r'class="provenance-link" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    record = client.request("GET", link.split("?")[0], dict(parse_qsl(urlsplit(link).query)))
    assert record.status == 200 and ESCAPED in record.text
    assert "&lt;img src=x onerror=alert(2)&gt;" in record.text
    assert_safe(record.text)
    query = client.post("/query", urlencode({"query": "PREFIX rov: <http://www.w3.org/ns/regorg#> "
                                                      "SELECT ?n WHERE { ?f rov:legalName ?n FILTER(CONTAINS(?n, 'alert')) }"}).encode(),
                        "application/x-www-form-urlencoded")
    assert ESCAPED in query.text
    assert_safe(query.text)


def test_population_and_errors_escape(client):
    population = client.get("/population", as_of=AS_OF.isoformat())
    assert_safe(population.text)
    error = client.get("/firm/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert error.status == 404 and "<script>alert" not in error.text
    assert EVIL not in client.get("/search", q=EVIL).text
