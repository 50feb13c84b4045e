"""``cscs demo`` says where its corpus is and what to try next, and every command it
suggests runs as printed."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from cscs.cli import main


def test_the_demo_prints_its_corpus_and_next_commands_that_work(capsys, tmp_path: Path):
    store, corpus = tmp_path / "store", tmp_path / "corpus"
    assert main(["--store", str(store), "demo", "--firms", "40", "--seed", "7", "--corpus", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert f"The demo corpus is in {corpus} (the generator's answers: {corpus}-truth.json)" in out
    assert not (corpus / "truth.json").exists()
    steps = [line.split("   # ")[0].strip() for line in out.split("Try next:\n", 1)[1].splitlines() if line.strip()]
    assert [s.split()[3] for s in steps] == ["score", "explain", "documents", "ingest", "serve"]
    for step in steps[:-1]:  # serve runs until stopped
        words = shlex.split(step)
        assert words[:3] == ["cscs", "--store", str(store)]
        assert main(words[1:]) == 0, step
        printed = capsys.readouterr().out
        if "explain" in words:
            assert json.loads(printed)["as_of"] == "2024-06-30"
        if "ingest" in words:
            assert "0 added, " in printed and " unchanged" in printed
    assert steps[-1] == f"cscs --store {store} serve"
