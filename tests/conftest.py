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
