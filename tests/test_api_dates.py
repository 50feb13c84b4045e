"""The Python API takes a day as a date, a datetime or an ISO string, everywhere."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from cscs.api import as_date

DAY = date(2024, 6, 30)


def test_every_date_argument_takes_an_iso_string_and_a_datetime(graph, tmp_path):
    from cscs.sample import generate

    generate(tmp_path, firms=5, seed=3, as_of=DAY)
    graph.ingest(sorted(p for p in tmp_path.iterdir() if p.name != "truth.json"))
    by_date = graph.score(as_of=DAY)
    assert by_date
    for day in ("2024-06-30", datetime(2024, 6, 30, 15, 0), " 2024-06-30 "):
        assert [s.to_dict() for s in graph.score(as_of=day)] == [s.to_dict() for s in by_date]
    firm = by_date[0].uscc
    assert graph.explain(firm, "2024-06-30").to_dict() == graph.explain(firm, DAY).to_dict()
    assert graph.score(firm, as_of="2024-06-30")[0].to_dict() == graph.score(firm, as_of=DAY)[0].to_dict()
    assert graph.rubric(as_of="2024-06-30") == graph.rubric(as_of=DAY)
    assert graph.category_labels(as_of="2024-06-30") == graph.category_labels(as_of=DAY)
    assert graph.refresh_scores("2024-06-30").firms_scored >= 0
    assert len(list(graph.all_scores("2024-06-30"))) == len(by_date)


def test_a_bad_date_string_is_one_clear_error(graph):
    with pytest.raises(ValueError, match=r"as_of: not a date \(YYYY-MM-DD\): '2024-13-01'"):
        graph.score(as_of="2024-13-01")
    with pytest.raises(TypeError, match="as_of: expected a date"):
        graph.score(as_of=20240630)  # type: ignore[arg-type]
    assert as_date("2024-06-30T10:00:00") == DAY and as_date(None) == date.today()
