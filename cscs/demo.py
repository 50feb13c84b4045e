"""``cscs demo``: the whole path on generated documents, on the embedded store.

Generates a small deterministic corpus of Zhejiang-like list documents (XLSX,
GBK CSV, HTML, PDF, JSON), ingests them with the shipped Zhejiang 2020 rubric,
prints the score table and the explanation of the firm that lost most points.
Running it again changes nothing: the documents are the same bytes.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path
from typing import IO

from .api import Graph
from .graph.store import default_store_path
from .report import write_explanation, write_scores

DEMO_AS_OF = date(2024, 6, 30)


def shipped_rubric(name: str = "zhejiang-2020") -> Path:
    """The rubric table shipped as package data (its .toml companion sits beside it)."""
    return Path(str(resources.files("cscs.ontology") / "rubrics" / f"{name}.tsv"))


def run_demo(graph: Graph, firms: int, seed: int, corpus: Path | None, out: IO[str]) -> int:
    from .sample import generate

    store_dir = graph.store.path or default_store_path()
    corpus = corpus or Path(store_dir).parent / f"demo-corpus-{firms}-{seed}"
    out.write(f"generating {firms} firms into {corpus}\n")
    generate(corpus, firms=firms, seed=seed, as_of=DEMO_AS_OF, judgments=True)
    # the generator's answers go beside the folder, so that the folder holds documents
    # only and `cscs ingest CORPUS` (the first thing a user tries) reads all of it
    (corpus / "truth.json").replace(truth_path(corpus))
    reports = graph.ingest([shipped_rubric(), corpus])
    for report in reports:
        detail = report.error if report.status == "rejected" else \
            f"{report.counts.records} records, {len(report.warnings)} warnings"
        out.write(f"  {report.status:<9} {report.path.name:<28} {detail}\n")
    rejected = [r for r in reports if r.status == "rejected"]
    out.write(f"store: {graph.store}\n\n")
    scores = sorted(graph.score(as_of=DEMO_AS_OF), key=lambda s: (s.total, s.uscc or ""))
    write_scores(scores[:15], out, "table")
    out.write(f"(the 15 lowest of {len(scores)}; all: cscs score --as-of {DEMO_AS_OF})\n\n")
    if scores:
        out.write(f"$ cscs explain {scores[0].uscc or scores[0].firm} --as-of {DEMO_AS_OF}\n")
        write_explanation(graph.explain(scores[0].firm, DEMO_AS_OF), out, "text")
        out.write("\n" + next_steps(graph, corpus, scores[0].uscc or scores[0].firm))
    return 1 if rejected else 0


def truth_path(corpus: Path) -> Path:
    """Where the demo keeps the generator's truth.json: beside the corpus folder."""
    return corpus.parent / f"{corpus.name}-truth.json"


def next_steps(graph: Graph, corpus: Path, firm: str) -> str:
    """Where the corpus is and the commands to try next, runnable as printed (with
    ``--store`` when the store is not the default one)."""
    path = graph.store.path
    store = "" if path is None or Path(path) == default_store_path() else f" --store {path}"
    steps = [
        (f"cscs{store} score --as-of {DEMO_AS_OF} --format csv", "every firm's score as CSV"),
        (f"cscs{store} explain {firm} --as-of {DEMO_AS_OF} --format json", "the explanation above, as JSON"),
        (f"cscs{store} documents", "what was ingested, by which extractor"),
        (f"cscs{store} ingest {corpus}", "the corpus again: nothing changes (same bytes)"),
        (f"cscs{store} serve", "the web explorer on http://127.0.0.1:8765/"),
    ]
    width = max(len(command) for command, _ in steps)
    lines = [f"The demo corpus is in {corpus} (the generator's answers: {truth_path(corpus)}).",
             "Try next:"] + [f"  {command:<{width}}   # {why}" for command, why in steps]
    return "\n".join(lines) + "\n"
