"""Shared fixtures: where the real documents are, and graphs to run on."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REALDATA = SHARED / "realdata"

sys.path.insert(0, str(Path(__file__).parent))


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


@pytest.fixture(scope="session")
def virtuoso_base() -> Iterator[str]:
    """One Virtuoso for the whole session (it takes seconds to start); tests using it
    get it emptied first (see ``any_graph``)."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (virtuoso-t and isql-vt from Debian's "
                    "virtuoso-opensource; .ci/run installs it)")
    from servers import virtuoso_server

    with virtuoso_server() as base:
        yield base


@pytest.fixture(params=["embedded", "oxigraph-server", "virtuoso"])
def any_graph(request) -> Graph:
    """The shipped rubric in a graph on each kind of store: the same tests must give
    the same scores and explanations on all of them."""
    from servers import oxigraph_graph, oxigraph_server, virtuoso_graph

    if request.param == "embedded":
        g = Graph(memory=True)
    elif request.param == "oxigraph-server":
        server = oxigraph_server()
        base = server.__enter__()
        request.addfinalizer(lambda: server.__exit__(None, None, None))
        g = oxigraph_graph(base)
    else:  # one server per session: drop every graph a previous test left
        g = virtuoso_graph(request.getfixturevalue("virtuoso_base"))
        for name in g.store.graphs():
            g.store.drop_graph(name)
        assert len(g.store) == 0, "the Virtuoso store could not be emptied"
    (report,) = g.ingest([shipped_rubric()])
    assert report.status == "added", report.error
    return g
