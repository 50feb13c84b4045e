"""cscs sensitivity on the generated listed population (a planted effect: connected firms
earn more soft merits): variant 0 is the analysis itself, and the planted effect on
social responsibility survives every variant of the rubric's assumed values."""

from __future__ import annotations

import csv
import gc
from datetime import date
from pathlib import Path

import pytest

from cscs import sensitivity
from cscs.analysis import analyze
from cscs.analysis.table import study_table
from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.population import Population, materialise
from cscs.sample.listed_corpus import EXTRACTORS, generate_listed

AS_OF = date(2021, 7, 1)


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store of a 240-firm listed population, closed (each test opens it: an
    embedded store is locked to one open handle)."""
    out = tmp_path_factory.mktemp("listed")
    generate_listed(out, firms=240, effect=0.8)
    store = out / "store"
    graph = Graph(path=store)
    graph.ingest([shipped_rubric()], resolve=False)
    for folder, extractor in EXTRACTORS.items():
        reports = graph.ingest([out / folder], extractor, resolve=False)
        assert all(r.status == "added" for r in reports), [r.error for r in reports if r.error]
    graph.resolve()
    del graph
    gc.collect()
    return store


def test_variant_zero_is_the_analysis_and_the_planted_effect_survives_every_variant(listed, tmp_path) -> None:
    graph = Graph(path=listed)
    rubric = graph.rubric(None, AS_OF)
    population = Population(materialise(graph.store, rubric, tmp_path))
    table = study_table(graph, AS_OF, rubric)
    assumed = sensitivity.Assumed.of(population)
    assert assumed.per_record and assumed.months and len(assumed.bands) == 4
    results = sensitivity.run(table, population, graph.category_labels(rubric, AS_OF), AS_OF,
                              sensitivity.draws(assumed, 6, seed=3))
    assert list(results["variant"]) == list(range(7))
    analysis = analyze(graph, AS_OF)
    for outcome in ("total", "social", "compliance"):
        assert results.loc[0, f"connected_{outcome}"] == pytest.approx(
            analysis.fit_of(outcome).coefficient("connected").coef)
    assert (results["connected_social"] > 0).all() and (results["p_social"] < 0.05).all()
    assert results[["scale", "months", "shift"]].drop_duplicates().shape[0] == 7  # the draws really differ
    assert len(set(results["connected_total"].round(6))) > 1  # and move the coefficients
    shares = results[[c for c in results if c.startswith("share_")]].sum(axis=1)
    assert shares.round(6).eq(1).all()
    assert sensitivity.plot(results, tmp_path / "s.png").stat().st_size > 10_000
    del graph, population
    gc.collect()


def test_the_command_writes_every_variant_and_a_plot(listed, tmp_path, capsys) -> None:
    code = main(["--store", str(listed), "sensitivity", "--as-of", AS_OF.isoformat(), "--draws", "3",
                 "--out-dir", str(tmp_path / "s"), "--tables", str(tmp_path / "t")])
    text = capsys.readouterr().out
    assert code == 0 and "4 variants" in text and "social" in text
    rows = list(csv.DictReader((tmp_path / "s" / "variants.csv").open(encoding="utf-8")))
    assert len(rows) == 4 and (tmp_path / "s" / "sensitivity.png").exists()
