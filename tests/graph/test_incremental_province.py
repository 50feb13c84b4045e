"""An incremental re-score equals a full one, on every firm of a generated province.

The province (``cscs.sample.province``) is ingested without three of its lists and
scored in full; the three lists then arrive (as a new list does at scale) and the
score graph is refreshed incrementally. Every firm's total, grade and category points
must then equal a full recompute of the same store, and only the firms the new lists
reach may have been scored again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.graph import scores
from cscs.sample.province import LISTS, write_province

AS_OF = date(2024, 6, 30)
FIRMS = 900
RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
LATE = ("abnormal-operations.csv", "dishonest.csv", "red-list.csv")  # firm, key-person and positive records


def _all(g: Graph) -> dict[str, tuple]:
    return {str(r["firm"]): (r["total"], r["grade"], dict(r["categories"]))
            for r in scores.read_all(g.store, RUBRIC, AS_OF)}


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_province(tmp_path_factory.mktemp("province"), FIRMS, seed=3, as_of=AS_OF).out


def test_incremental_rescore_equals_a_full_one_on_every_firm(province: Path) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *(province / name for name in LISTS if name not in LATE)])
    assert scores.refresh(g.store, RUBRIC, AS_OF).mode == "full"
    before = _all(g)

    g.ingest([province / name for name in LATE], resolve=False)  # resolution re-links nothing
    done = scores.refresh(g.store, RUBRIC, AS_OF)
    incremental = _all(g)
    assert done.mode == "incremental" and len(done.documents_added) == len(LATE)
    assert done.firms_scored == 38  # only the firms the new lists reach (seed 3)

    assert scores.refresh(g.store, RUBRIC, AS_OF, full=True).mode == "full"
    full = _all(g)
    assert len(full) == FIRMS
    assert incremental == full
    changed = {f for f in full if full[f] != before[f]}
    assert len(changed) == 20  # the new lists moved 20 of the 38 firms' scores (the rest already had such records)
    assert any(full[f][0] > before[f][0] for f in changed)  # the red list raises some
    assert any(full[f][0] < before[f][0] for f in changed)
