"""The analysis's test: a 531-firm listed population with a planted effect — connected
firms earn more soft merits (donations, volunteer service, honours), not fewer
deductions — must be recovered by the analysis with the right signs and significance,
and with the effect switched off it must find none.

Both populations share every disclosure (reports, charters, exchange data, rosters);
only their credit lists differ, so the disclosures are ingested once and the planted
lists are retracted before the null ones are ingested. Generation, ingest and both
analyses take some 30 s.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from pyoxigraph import NamedNode

from cscs.analysis import Analysis, analyze, descriptives, write_text
from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.graph.ingest import retract
from cscs.sample.listed_corpus import EXTRACTORS, generate_listed, write_lists_for

AS_OF = date(2021, 7, 1)
LISTS = {"donations", "volunteer", "honours", "red_list", "penalties", "dishonest", "abnormal_operations",
         "abnormal_taxpayers"}


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("listed")
    generate_listed(out, effect=0.8)
    write_lists_for(out / "lists-null", effect=0.0)
    graph = Graph(memory=True)
    graph.ingest([shipped_rubric()], resolve=False)
    for folder, extractor in EXTRACTORS.items():
        reports = graph.ingest([out / folder], extractor, resolve=False)
        assert all(r.status == "added" for r in reports), [r.error for r in reports if r.error]
    graph.resolve()
    planted = analyze(graph, AS_OF, out_dir=out / "planted")
    for document in graph.documents():
        if document["extractor"] in LISTS:
            retract(graph.store, NamedNode(document["doc"]))
    graph.ingest([out / "lists-null"])
    null = analyze(graph, AS_OF, out_dir=out / "null")
    return {"planted": planted, "null": null}  # how long this takes: bench/timings.py


def connected(analysis: Analysis, outcome: str):
    return analysis.fit_of(outcome).coefficient("connected")


def test_the_planted_effect_is_recovered(analyses) -> None:
    planted = analyses["planted"]
    for outcome in ("total", "social"):
        c = connected(planted, outcome)
        assert c.coef > 10 and c.p < 0.05, (outcome, c)
    assert connected(planted, "compliance").p > 0.05  # not through better compliance


def test_with_the_effect_switched_off_nothing_is_found(analyses) -> None:
    null = analyses["null"]
    for outcome in ("total", "social", "compliance"):
        assert connected(null, outcome).p > 0.05, outcome


def test_the_studys_other_findings_hold(analyses) -> None:
    total = analyses["planted"].fit_of("total")
    assert total.coefficient("leverage").coef < 0 and total.coefficient("leverage").p < 0.05
    assert total.coefficient("independent_share").p > 0.05
    assert total.coefficient("roa").p > 0.05


def test_descriptives_are_near_the_studys(analyses) -> None:
    for name in ("planted", "null"):
        d = descriptives(analyses[name].table)
        assert d["firms"] == 531
        assert 0.12 <= d["soe_share"] <= 0.18
        assert 0.85 <= d["excellent_or_good"] <= 0.95
        shares = d["mean_share_of_maximum"]
        assert 0.33 <= shares["social"] <= 0.43
        assert all(shares[c] > 0.96 for c in ("basic", "finance", "governance", "compliance"))


def test_the_table_has_every_variable_for_every_firm(analyses) -> None:
    frame = analyses["planted"].table.frame
    assert len(frame) == 531 and frame["code"].is_unique
    for column in ("total", "social", "compliance", "connected", "soe", "state_share", "party_chapter",
                   "independent_share", "leverage", "roa", "log_assets"):
        assert frame[column].notna().all(), column
    assert set(frame["connection_source"].dropna().str.split().sum()) >= {"disclosure", "roster"}
    assert frame.loc[frame["soe"] == 1, "state_share"].min() > 0.2


def test_outputs_are_written(analyses) -> None:
    outputs = analyses["planted"].outputs
    assert pd.read_csv(outputs["table"]).shape[0] == 531
    coefficients = pd.read_csv(outputs["coefficients"])
    assert {"total", "social", "compliance"} <= set(coefficients["outcome"])
    assert outputs["plot"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = io.StringIO()
    write_text(analyses["planted"].table, analyses["planted"].fits, text)
    assert "Politically connected" in text.getvalue() and "HC1 robust SE" in text.getvalue()


def test_cscs_analyze(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = generate_listed(tmp_path / "corpus", firms=80, seed=5, pdf_reports=0, exchange_json=5)
    store = str(tmp_path / "store")
    assert main(["--store", store, "ingest", "--quiet", str(shipped_rubric()), str(corpus.out_dir / "reports"),
                 str(corpus.out_dir / "charters"), str(corpus.out_dir / "exchange"), str(corpus.out_dir / "rosters"),
                 str(corpus.out_dir / "lists")]) == 0
    capsys.readouterr()
    out = tmp_path / "analysis"
    assert main(["--store", store, "analyze", "--as-of", "2021-07-01", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "on 80 listed firms" in printed and "Politically connected" in printed and "Social responsibility" in printed
    assert {p.name for p in out.iterdir()} == {"table.csv", "coefficients.csv", "scores_by_connection.png"}
    assert main(["--store", store, "analyze", "--as-of", "2021-07-01", "--out", str(out), "--format", "json",
                 "--min-level", "provincial", "--no-rosters"]) == 0
    assert '"outcome": "social"' in capsys.readouterr().out
