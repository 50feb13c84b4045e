"""The sample corpus with judgments: the lists do not change, the scores follow the
judgments' records, and the demo's worst firm loses points to a judgment it can quote."""

from __future__ import annotations

import importlib.util
import json
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.sample import generate

AS_OF = date(2024, 6, 30)
_TRUTH_TEST = Path(__file__).resolve().parents[1] / "graph" / "test_scores_match_truth.py"


def _truth_module():
    """The independent scorer of tests/graph (one truth for both tests)."""
    spec = importlib.util.spec_from_file_location("scores_truth", _TRUTH_TEST)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _expected_scores():
    return _truth_module().expected_scores


def test_list_documents_are_byte_identical_with_judgments(tmp_path: Path) -> None:
    without, with_ = tmp_path / "a", tmp_path / "b"
    generate(without, firms=60, seed=3)
    corpus = generate(with_, firms=60, seed=3, judgments=True)
    for path in without.iterdir():
        assert path.read_bytes() == (with_ / path.name).read_bytes(), path.name
    assert {p.name for p in with_.iterdir()} - {p.name for p in without.iterdir()} == {"judgments"}
    assert corpus.judgments and all((with_ / d.file).is_file() for d in corpus.judgments)


@pytest.fixture(scope="module")
def population(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    corpus = generate(folder, firms=120, seed=11, as_of=AS_OF, judgments=True)
    graph = Graph(memory=True)
    reports = graph.ingest([shipped_rubric(), *sorted(p for p in folder.iterdir() if p.name != "truth.json")])
    assert [r.error for r in reports if r.status != "added"] == []
    assert {r.extractor for r in reports if r.path.parent.name == "judgments"} == {"judgment"}
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return graph, corpus, truth


def _with_judgment_records(truth: dict, corpus) -> dict:
    """truth.json's records plus those the judgments should produce (the rubric's five-year window)."""
    firms = {f["key"]: f for f in truth["firms"]}
    extra = []
    for doc in corpus.judgments:
        for r in doc.records:
            start = date.fromisoformat(r["valid_from"])
            try:
                until = start.replace(year=start.year + 5)
            except ValueError:
                until = start.replace(year=start.year + 5, day=28)
            firm = r["subject_type"] == "firm"
            extra.append({"kind": r["kind"], "subject": firms[r["subject"]]["uscc"] if firm else r["subject"],
                          "subject_type": r["subject_type"], "firm": r["subject"] if firm else None,
                          "valid_from": r["valid_from"], "valid_until": until.isoformat(), "removed_on": None,
                          "repaired_on": None, "counts": True, "key": {}})
    return {**truth, "records": truth["records"] + extra}


def test_judgments_make_exactly_the_records_they_should(population) -> None:
    graph, corpus, _ = population
    expected = sorted(r["kind"] for d in corpus.judgments for r in d.records)
    rows = graph.store.select("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?kind WHERE { "
                              "?r a cscs:JudicialRecord ; cscs:recordKind ?kind }").rows
    assert sorted(str(r["kind"]).rsplit("#", 1)[1] for r in rows) == expected
    assert {"JudgmentDefault", "FinancingJudgmentDefault", "FinancingCrime", "CriminalRecord",
            "FrivolousLitigation"} <= set(expected)


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1), AS_OF - timedelta(days=700)])
def test_scores_follow_the_judgments(population, day: date) -> None:
    graph, corpus, truth = population
    rubric = tomllib.loads(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8"))
    expected = _expected_scores()(_with_judgment_records(truth, corpus), rubric, day)
    actual = {s.uscc: s.total for s in graph.score(as_of=day) if s.uscc in expected}
    assert {u: (actual[u], expected[u]) for u in expected if actual[u] != expected[u]} == {}


def test_worst_firm_loses_points_to_a_judgment_it_can_quote(population) -> None:
    graph, corpus, _ = population
    worst = min(graph.score(as_of=AS_OF), key=lambda s: (s.total, s.uscc or ""))
    explanation = graph.explain(worst.firm, AS_OF)
    from_judgments = [(i, e) for i in explanation.indicators for e in i.evidence
                      if e.status == "counted" and (e.document_title or "").startswith("0")]
    assert from_judgments, "the demo's worst firm should show a deduction explained by a judgment"
    indicator, evidence = from_judgments[0]
    assert evidence.kind == "FinancingJudgmentDefault" and indicator.points == 0
    assert evidence.case_number and "执" in evidence.case_number and evidence.issuer.endswith("人民法院")
    rows = graph.store.select(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?quote ?start ?end WHERE { VALUES ?r { UNDEF } "
        "?r cscs:quote ?quote ; cscs:charStart ?start ; cscs:charEnd ?end }",
        r=__import__("pyoxigraph").NamedNode(evidence.record)).rows
    (row,) = rows
    assert "终结本次执行程序" in row["quote"] and row["end"] > row["start"]


def _moved_and_expected(graph: Graph, corpus, truth: dict, day: date) -> tuple[dict, dict]:
    module = _truth_module()
    rubric = tomllib.loads(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8"))
    moved = module.moved_firms(graph, {f["uscc"] for f in truth["firms"]}, day)
    return moved, module.expected_moved(_with_judgment_records(truth, corpus), rubric, day)


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1)])
def test_every_indicator_moves_the_firms_the_truth_says(population, day: date) -> None:
    graph, corpus, truth = population
    moved, expected = _moved_and_expected(graph, corpus, truth, day)
    assert len(moved) == 25 and moved == expected


def test_the_demo_moves_every_indicator(tmp_path: Path) -> None:
    """The corpus ``cscs demo`` generates (its default firms and seed, with judgments): each of
    the 25 indicators moves at least one firm's score on the demo's day, as the truth says."""
    from cscs.demo import DEMO_AS_OF

    corpus = generate(tmp_path, firms=200, seed=7, as_of=DEMO_AS_OF, judgments=True)
    graph = Graph(memory=True)
    reports = graph.ingest([shipped_rubric(), *sorted(p for p in tmp_path.iterdir() if p.name != "truth.json")])
    assert [r.error for r in reports if r.status != "added"] == []
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    moved, expected = _moved_and_expected(graph, corpus, truth, DEMO_AS_OF)
    assert {name for name, firms in moved.items() if not firms} == set()
    assert moved == expected
