"""The firm pages' score (the one scorer's explanation laid on the rubric's tree) equals
the API's SPARQL score and explanation, for firms of a generated corpus on several dates."""

from __future__ import annotations

from datetime import date

import pytest

from cscs.web import scoring

DAYS = [date(2018, 1, 1), date(2020, 7, 1), date(2022, 3, 15), date(2024, 6, 30), date(2027, 1, 1)]


@pytest.fixture(scope="module")
def rubric(web_graph) -> scoring.Rubric:
    return scoring.load_rubric(web_graph, web_graph.rubric())


@pytest.mark.parametrize("day", DAYS)
def test_scores_equal_graph_score(web_graph, rubric, day):
    expected = web_graph.score(as_of=day)
    assert len(expected) > 50
    for s in expected[::4]:  # every fourth firm: an explanation each
        mine = scoring.score(web_graph, rubric, s.firm, scoring.firm_records(web_graph, s.firm), day, evidence=False)
        assert (mine.total, mine.grade) == (s.total, s.grade), s.firm
        assert [c.points for c in mine.categories] == [c.points for c in s.categories], s.firm
        assert [c.max for c in mine.categories] == [c.max for c in s.categories], s.firm


def test_evidence_equals_explain(web_graph, rubric):
    day = date(2024, 6, 30)
    ranked = sorted(web_graph.score(as_of=day), key=lambda s: (s.total, s.firm))
    firms = [s.firm for s in ranked[:6] + ranked[-2:]]  # the most evidence, and some without (explain is slow)
    checked = 0
    for firm in firms:
        why = web_graph.explain(firm, day)
        mine = scoring.score(web_graph, rubric, firm, scoring.firm_records(web_graph, firm), day)
        by_notation = {i.node.notation: i for i in mine.indicators}
        for ind in why.indicators:
            got = by_notation[ind.notation]
            assert (got.points, got.counted) == (ind.points, ind.counted), (firm, ind.notation)
            assert {(e.record.record, e.status) for e in got.evidence} == \
                {(e.record, e.status) for e in ind.evidence}, (firm, ind.notation)
            checked += len(ind.evidence)
    assert checked > 20


def test_history_steps_are_scores(web_graph, rubric):
    firm = min(web_graph.score(as_of=date(2024, 6, 30)), key=lambda s: s.total).firm
    records = scoring.firm_records(web_graph, firm)
    points = scoring.history(web_graph, rubric, firm, records, date(2026, 1, 1))
    assert len(points) >= 3
    for day, total, grade in points[:3] + points[-3:]:
        (s,) = web_graph.score(firm, day)
        assert (total, grade) == (s.total, s.grade), day
