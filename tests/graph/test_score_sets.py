"""The materialised score graph: equal to score.rq for every firm, versioned with its
inputs, re-scored incrementally when documents are added, recomputed when one goes."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.graph import scores
from cscs.graph.queries import load
from cscs.sample import generate

RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
AS_OF = date(2024, 6, 30)
DAYS = [AS_OF, date(2022, 1, 1), date(2019, 6, 30)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, firms=120, seed=11, as_of=AS_OF)
    return sorted(p for p in folder.iterdir() if p.name != "truth.json")


def reference(g: Graph, day: date) -> dict[str, tuple]:
    """score.rq's answer, firm → (total, grade, {category: points})."""
    out: dict[str, tuple] = {}
    for row in g.store.select(load("score"), rubric=NamedNode(RUBRIC), asOf=day).rows:
        entry = out.setdefault(str(row["firm"]), (row["total"], row["grade"], {}))
        entry[2][str(row["category"])] = row["categoryPoints"]
    return out


def materialised(g: Graph, day: date) -> dict[str, tuple]:
    return {r["firm"]: (r["total"], r["grade"], r["categories"]) for r in scores.read_all(g.store, RUBRIC, day)}


@pytest.fixture(scope="module")
def population(corpus) -> Graph:
    g = Graph(memory=True)
    reports = g.ingest([shipped_rubric(), *corpus])
    assert [r.error for r in reports if r.status != "added"] == []
    return g


def computed(g: Graph, day: date) -> dict[str, tuple]:
    """compute_all's rows, with the baseline's categories filled in as read_all does."""
    (base,) = g.store.select(load("score-baseline"), rubric=NamedNode(RUBRIC)).rows
    baseline = scores._categories(base["baseCategories"])
    return {r["firm"]: (r["total"], r["grade"], {**baseline, **scores._categories(r["movedCategories"])})
            for r in scores.compute_all(g.store, RUBRIC, day)}


@pytest.mark.parametrize("day", DAYS)
def test_computed_from_the_records_equals_score_rq(population: Graph, day: date) -> None:
    """The all-firms score (moved firms and the firm list, two queries at once)."""
    expected = reference(population, day)
    assert computed(population, day) == expected
    assert any(total != 815 for total, _, _ in expected.values())


@pytest.mark.parametrize("day", DAYS)
def test_every_firm_equals_score_rq(population: Graph, day: date) -> None:
    done = scores.refresh(population.store, RUBRIC, day)
    assert done.mode in ("full", "current")
    expected = reference(population, day)
    assert len(expected) == 120
    assert materialised(population, day) == expected
    moved = {firm for firm, (total, _, _) in expected.items() if total != 815}
    assert moved  # the population is not all baseline: the test can fail


def test_only_moved_firms_have_entries(population: Graph) -> None:
    scores.refresh(population.store, RUBRIC, AS_OF)
    graph = scores.score_graph(RUBRIC, AS_OF)
    entries = population.store.select(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT (COUNT(*) AS ?n) WHERE { VALUES ?g { UNDEF } "
        "GRAPH ?g { ?firm cscs:scoreTotal ?t } }", g=graph).rows[0]["n"]
    firms = {r["firm"] for r in population.store.select(load("firms")).rows}
    moved = [r for r in scores.moved_firms(population.store, RUBRIC, AS_OF) if str(r["firm"]) in firms]
    assert 0 < entries == len(moved) < 120


def test_added_documents_rescore_only_the_firms_they_touch(corpus: list[Path]) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *corpus[:-2]])
    first = scores.refresh(g.store, RUBRIC, AS_OF)
    assert (first.mode, first.version, first.firms_scored) == ("full", 1, 120)
    assert scores.refresh(g.store, RUBRIC, AS_OF).mode == "current"

    g.ingest(corpus[-2:], resolve=False)  # resolution re-links nothing: incremental applies
    second = scores.refresh(g.store, RUBRIC, AS_OF)
    assert second.mode == "incremental" and second.version == 2
    assert 0 < second.firms_scored < 60 and len(second.documents_added) == 2
    assert materialised(g, AS_OF) == reference(g, AS_OF)

    state = scores.read_state(g.store, scores.score_graph(RUBRIC, AS_OF))
    assert state.version == 2 and len(state.documents) == len(corpus) + 1
    assert state.query_hash == scores.query_hash()
    activities = g.store.select(
        "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX cscs: <https://w3id.org/cscs/ns#> "
        "SELECT ?mode WHERE { VALUES ?g { UNDEF } GRAPH ?g { ?a a cscs:Scoring ; cscs:mode ?mode } } ORDER BY ?mode",
        g=scores.score_graph(RUBRIC, AS_OF)).rows
    assert [a["mode"] for a in activities] == ["full", "incremental"]

    g.retract(g.find_document(corpus[-1].name))  # something went: recompute everything
    third = scores.refresh(g.store, RUBRIC, AS_OF)
    assert third.mode == "full" and third.version == 3
    assert materialised(g, AS_OF) == reference(g, AS_OF)


def test_all_firms_score_agrees_on_every_store(any_graph: Graph, corpus: list[Path]) -> None:
    any_graph.ingest(corpus)
    day = date(2022, 1, 1)
    scores.refresh(any_graph.store, RUBRIC, day)
    expected = reference(any_graph, day)
    assert materialised(any_graph, day) == expected
    assert computed(any_graph, day) == expected


def test_cli_streams_every_firm(tmp_path: Path, corpus: list[Path], capsys) -> None:
    store = ["--store", str(tmp_path / "store")]
    assert main([*store, "ingest", "--quiet", str(shipped_rubric()), *map(str, corpus)]) == 0
    capsys.readouterr()
    assert main([*store, "score", "--all", "--as-of", "2024-06-30"]) == 0
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 120
    assert text.splitlines()[0] == ("firm,name,identifier,total,grade,Basic Data,Finance and Taxation,"
                                    "Governance Capability,Compliance,Social Responsibility")
    for row in rows:  # the categories add up to the total, in whole points
        assert sum(int(row[c]) for c in list(row)[5:]) == int(row["total"])
        assert row["name"] and row["identifier"] and "." not in row["total"]
    # score without --all writes the same table
    assert main([*store, "score", "--as-of", "2024-06-30", "--format", "csv"]) == 0
    assert sorted(csv.DictReader(io.StringIO(capsys.readouterr().out)), key=lambda r: r["firm"]) == \
        sorted(rows, key=lambda r: r["firm"])
    out = tmp_path / "scores.parquet"
    assert main([*store, "score", "--all", "--as-of", "2024-06-30", "--format", "parquet",
                 "--output", str(out)]) == 0
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 120 and table.column_names == list(rows[0])
    assert table.schema.field("total").type == pa.int64() and table.schema.field("name").type == pa.string()
    by_firm = {r["firm"]: r for r in rows}
    for record in table.to_pylist():
        assert record["total"] == int(by_firm[record["firm"]]["total"])
        assert record["identifier"] == by_firm[record["firm"]]["identifier"]
    one = tmp_path / "one.parquet"  # --format parquet without --all, as --help offers
    assert main([*store, "score", "--as-of", "2024-06-30", "--format", "parquet", "--output", str(one)]) == 0
    assert sorted(pq.read_table(one).to_pylist(), key=lambda r: r["firm"]) == \
        sorted(table.to_pylist(), key=lambda r: r["firm"])
    assert main([*store, "score", "--all", "--format", "parquet"]) == 2  # needs --output
    capsys.readouterr()
    assert main([*store, "score", "--all", "--as-of", "2024-06-30", "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert list(first) == list(rows[0]) and isinstance(first["total"], int)


def test_a_full_recompute_writes_only_what_changed(corpus: list[Path]) -> None:
    """A full refresh compares each firm's new entry with the graph's and writes only
    the changed ones; firms back at the baseline lose theirs."""
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *corpus])
    scores.refresh(g.store, RUBRIC, AS_OF)
    written: list = []
    append = g.store.append
    g.store.append = lambda graph, quads: (written.extend(q for q in quads if q.predicate == scores.CSCS.scoreTotal),
                                           append(graph, quads))
    again = scores.refresh(g.store, RUBRIC, AS_OF, full=True)
    assert again.mode == "full" and written == []
    assert materialised(g, AS_OF) == reference(g, AS_OF)

    g.retract(g.find_document(corpus[0].name))  # some firms move, some fall back to the baseline
    written.clear()
    third = scores.refresh(g.store, RUBRIC, AS_OF)
    assert third.mode == "full" and 0 < len(written) < 120
    assert materialised(g, AS_OF) == reference(g, AS_OF)
    entries = g.store.select(load("score-entries"), set=scores.score_graph(RUBRIC, AS_OF)).rows
    assert len(entries) == len({r["firm"] for r in entries})  # one entry per firm, none left over


def test_a_firm_known_by_a_masked_code_is_named_by_it(tmp_path: Path, capsys) -> None:
    from masked_lists import masked_list

    store = ["--store", str(tmp_path / "store")]
    assert main([*store, "ingest", "--quiet", str(shipped_rubric()), str(masked_list(tmp_path))]) == 0
    capsys.readouterr()
    assert main([*store, "score", "--all", "--as-of", "2024-06-30"]) == 0
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["杭州另一遮蔽有限公司"]["identifier"] == "9133010612****567X"
