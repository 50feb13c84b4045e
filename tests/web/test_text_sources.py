"""The record page quotes a judgment's sentence from the text its extractor read:
for an HTML judgment the visible text, not the markup its offsets do not refer to."""

from __future__ import annotations

import html
import re

import pytest
from web_support import AS_OF, Client

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.sample import generate
from cscs.web import Explorer

SPANS = ("PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX prov: <http://www.w3.org/ns/prov#> "
         "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?record ?title ?quote WHERE { "
         "?record cscs:charStart ?s ; prov:wasDerivedFrom ?doc . ?doc dcterms:title ?title . "
         "OPTIONAL { ?record cscs:quote ?quote } }")


@pytest.fixture(scope="module")
def judgments(tmp_path_factory) -> tuple[Graph, Client]:
    folder = tmp_path_factory.mktemp("judgments")
    generate(folder, firms=40, seed=7, as_of=AS_OF, judgments=True)
    graph = Graph(memory=True)
    graph.ingest([shipped_rubric(), *sorted(p for p in folder.iterdir() if p.name != "truth.json")])
    return graph, Client(Explorer(graph))


def shown(page: str) -> tuple[str, str]:
    block = re.search(r'<blockquote id="source-text">(.*?)</blockquote>', page, re.S).group(1)
    span = re.search(r'<mark class="span">(.*?)</mark>', block, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", block)), html.unescape(span)


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_the_quoted_span_is_the_records_text(judgments, suffix):
    graph, client = judgments
    rows = [r for r in graph.query(SPANS) if str(r["title"]).endswith(suffix)]
    assert rows, f"the sample judgments give records from {suffix} files"
    for row in rows:
        page = client.get("/record", iri=row["record"])
        assert page.status == 200
        sentence, span = shown(page.text)
        assert "<" not in span and "style=" not in span and "</p>" not in sentence
        assert span.strip(), row
        if row["quote"]:
            assert span in str(row["quote"]) or str(row["quote"]) in sentence, (span, row["quote"])
