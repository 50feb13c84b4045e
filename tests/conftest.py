"""Shared fixtures: where the real documents are, and graphs to run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REALDATA = SHARED / "realdata"


@pytest.fixture
def realdata() -> Path:
    if not REALDATA.is_dir():
        pytest.skip("../shared/realdata is not present")
    return REALDATA


@pytest.fixture
def graph() -> Graph:
    """An in-memory graph holding the shipped Zhejiang 2020 rubric."""
    g = Graph(memory=True)
    (report,) = g.ingest([shipped_rubric()])
    assert report.status == "added", report.error
    return g


@pytest.fixture(params=["embedded", "oxigraph-server"])
def any_graph(request) -> Graph:
    """The shipped rubric in a graph on each kind of store: the same tests must give
    the same scores and explanations on all of them."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from servers import oxigraph_graph, oxigraph_server

    if request.param == "embedded":
        g = Graph(memory=True)
    else:
        server = oxigraph_server()
        base = server.__enter__()
        request.addfinalizer(lambda: server.__exit__(None, None, None))
        g = oxigraph_graph(base)
    (report,) = g.ingest([shipped_rubric()])
    assert report.status == "added", report.error
    return g
