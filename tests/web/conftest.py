"""Fixtures for the web explorer: a graph of real generated documents, a WSGI test client."""

from __future__ import annotations

from pathlib import Path

import pytest
from web_support import AS_OF, Client, write_evil_list

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.sample import generate
from cscs.web import Explorer


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web-corpus")
    generate(folder, firms=60, seed=11, as_of=AS_OF)
    write_evil_list(folder)
    return folder


@pytest.fixture(scope="session")
def web_graph(corpus: Path) -> Graph:
    graph = Graph(memory=True)
    documents = [shipped_rubric(), *sorted(p for p in corpus.iterdir() if p.name != "truth.json")]
    reports = graph.ingest(documents)
    assert all(r.status == "added" for r in reports), [r.error for r in reports if r.error]
    return graph


@pytest.fixture(scope="session")
def client(web_graph: Graph) -> Client:
    return Client(Explorer(web_graph, query_timeout=5.0))
