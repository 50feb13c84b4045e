"""The population table kept current incrementally: after a document is added, one is
retracted, or resolution changes, a refresh reads again only the firms the change
reaches, and the table is then the one a whole rebuild writes, file for file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.graph.queries import load
from cscs.population import TABLES, Population, is_current, open_current, refresh
from cscs.sample import generate

RUBRIC = "https://w3id.org/cscs/id/rubric/zhejiang-2020"
AS_OF = date(2024, 6, 30)
HEADER = "企业名称,统一社会信用代码,列入日期,列入原因,作出决定机关\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("corpus")
    generate(folder, firms=120, seed=11, as_of=AS_OF)
    return sorted(p for p in folder.iterdir() if p.name != "truth.json")


def tables(folder: Path) -> dict[str, list[dict]]:
    """Every file of a table, row for row (the generation mark aside)."""
    return {name: pq.read_table(folder / f"{name}.parquet").to_pylist() for name in TABLES}


def assert_as_rebuilt(g: Graph, folder: Path, tmp_path: Path) -> None:
    whole = refresh(g.store, RUBRIC, tmp_path / "whole", full=True)
    assert whole.mode == "full"
    assert tables(folder) == tables(whole.folder)
    assert is_current(g.store, folder)
    fresh = Population(folder).scores(AS_OF)
    expected = {s.firm: s.total for s in g.score(as_of=AS_OF)}
    assert dict(zip(fresh["firm"], fresh["total"])) == expected


def firms_with_uscc(g: Graph, count: int) -> list[tuple[str, str]]:
    rows = g.store.select("PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?firm ?uscc WHERE { ?firm a "
                          "cscs:Enterprise ; cscs:uscc ?uscc } ORDER BY ?uscc").rows
    return [(str(r["firm"]), str(r["uscc"])) for r in rows[:count]]


def test_a_new_list_then_its_retraction_recompute_only_the_firms_it_names(corpus, tmp_path) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *corpus])
    built = refresh(g.store, RUBRIC, tmp_path / "tables")
    assert built.mode == "full" and built.firms_recomputed == 120
    assert refresh(g.store, RUBRIC, tmp_path / "tables").mode == "current"

    named = firms_with_uscc(g, 3)
    listing = tmp_path / "abnormal-extra.csv"
    listing.write_text(HEADER + "".join(f"企业{n},{uscc},2024-01-0{n + 1},无法联系,杭州市市场监督管理局\n"
                                        for n, (_, uscc) in enumerate(named)), encoding="utf-8")
    g.ingest([listing])
    assert not is_current(g.store, built.folder)
    before = Population(built.folder).scores(AS_OF).set_index("firm")["total"]
    again = refresh(g.store, RUBRIC, tmp_path / "tables")
    assert (again.mode, again.firms_recomputed, len(again.documents_added)) == ("incremental", 3, 1)
    after = Population(again.folder).scores(AS_OF).set_index("firm")["total"]
    assert sorted(f for f in after.index if after[f] != before[f]) == sorted(f for f, _ in named)
    assert_as_rebuilt(g, again.folder, tmp_path / "one")

    g.retract(str(listing))
    gone = refresh(g.store, RUBRIC, tmp_path / "tables")
    assert (gone.mode, gone.firms_recomputed, len(gone.documents_removed)) == ("incremental", 3, 1)
    assert Population(gone.folder).scores(AS_OF).set_index("firm")["total"].to_dict() == before.to_dict()
    assert_as_rebuilt(g, gone.folder, tmp_path / "two")


def test_a_retracted_registry_and_a_changed_link_are_seen(corpus, tmp_path) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *corpus])
    first = refresh(g.store, RUBRIC, tmp_path / "tables")
    links = len(g.store.select(load("resolution-links")).rows)
    (a, _), (b, _) = firms_with_uscc(g, 2)
    g.judge(a, b, same=True, by="test")  # a user says two firms are one: a new link
    assert len(g.store.select(load("resolution-links")).rows) == links + 1
    changed = refresh(g.store, RUBRIC, tmp_path / "tables")
    assert (changed.mode, changed.firms_recomputed) == ("incremental", 2)
    assert len(set(Population(changed.folder).firms["firm"]) & {a, b}) == 1  # the alias is scored as the other
    assert_as_rebuilt(g, changed.folder, tmp_path / "one")
    assert first.folder == changed.folder

    documents = {str(r["doc"]): str(r["title"]) for r in g.documents()}
    small = min((d for d, t in documents.items() if t.endswith(".csv")),
                key=lambda d: len(g.store.select(load("population-parties"), g=NamedNode(d)).rows))
    g.retract(small)
    shrunk = refresh(g.store, RUBRIC, tmp_path / "tables")
    assert shrunk.mode in ("incremental", "full") and shrunk.documents_removed == (small,)
    assert_as_rebuilt(g, shrunk.folder, tmp_path / "two")


def test_a_table_caught_half_replaced_is_built_again(corpus, tmp_path) -> None:
    g = Graph(memory=True)
    g.ingest([shipped_rubric(), *corpus[:3]])
    folder = refresh(g.store, RUBRIC, tmp_path).folder
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    (folder / "meta.json").write_text(json.dumps({**meta, "generation": "0" * 16}), encoding="utf-8")
    assert not is_current(g.store, folder)
    with pytest.raises(ValueError, match="half-replaced"):
        Population(folder)
    assert open_current(g.store, RUBRIC, tmp_path).meta["mode"] == "full"
