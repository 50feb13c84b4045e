"""The scale bench's check (bench/scale_check.py) agrees with the scorer on a synthetic
population, and finds a firm whose score the store gets wrong."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import scale_check as check  # noqa: E402
from synthetic import planted, write_nquads  # noqa: E402

from cscs.api import Graph  # noqa: E402
from cscs.demo import shipped_rubric  # noqa: E402
from cscs.graph import scores  # noqa: E402

AS_OF = date(2024, 6, 30)
RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
FIRMS = 3_000


def _check(g: Graph) -> check.Checked:
    rubric = check.read_rubric(g.store.raw, RUBRIC)
    baseline = rubric.baseline()
    every, moved = check.expected(rubric, FIRMS, {}, AS_OF)
    return check.compare(check.from_compute_all(scores.compute_all(g.store, RUBRIC, AS_OF), baseline),
                         every, moved, baseline, rubric.grade(sum(baseline.values())))


def test_the_check_agrees_and_catches_a_wrong_score(tmp_path: Path) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric()], resolve=False)
    write_nquads(tmp_path / "p.nq", FIRMS)
    g.store.raw.bulk_load(path=str(tmp_path / "p.nq"), format=ox.RdfFormat.N_QUADS)
    found = _check(g)
    assert (found.firms, found.mismatches, found.missing, found.extra) == (FIRMS, 0, 0, 0)
    assert 200 < found.moved < FIRMS / 2

    # a removal the store forgets: that record counts again, and its firm's score is wrong
    removed = next(r for f in planted(FIRMS) for r in f.records
                   if r.removed_on and r.valid_from <= r.removed_on <= AS_OF and r.kind == "AdministrativePenalty"
                   and r.subject == f.firm and len(f.records) == 1)
    for quad in list(g.store.raw.quads_for_pattern(ox.NamedNode(removed.record),
                                                   ox.NamedNode(check.CSCS + "removedOn"), None, None)):
        g.store.raw.remove(quad)
    wrong = _check(g)
    assert (wrong.firms, wrong.mismatches, wrong.missing, wrong.extra) == (FIRMS, 1, 0, 0)
    assert wrong.examples[0].startswith(removed.subject)
