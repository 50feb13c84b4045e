"""Judgments per second through the whole path, beside spaCy's bare tokenizer on the same texts.

    python bench/judgments_bench.py [--docs 1000] [--batch 64]

Texts of about 3,000 characters: the LeCaRD criminal judgments of ../shared/realdata
(those of 2,000 characters or more, cut at a sentence end before 3,300) and generated
civil judgments and enforcement rulings (which also make credit records), each copied
until there are ``--docs`` of them (a copy number appended, so files differ). Paths
timed on the same texts:

  tokenizer        spacy.blank("zh") alone (nlp.pipe): the floor
  pipeline         the judgment pipeline (nlp.pipe, batches), readings only
  ingest jsonl     files of 500 judgments (JSON Lines) into an in-memory graph:
                   read, recognise, extract, write quads, commit
  ingest txt       one .txt file per judgment into an in-memory graph, extractor named
                   (--as judgment), then recognised by content

The machine's load average is printed with the figures: other processes share the two
cores, so each path also reports this process's CPU time (the work is single-threaded),
which is what an idle machine would give.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import spacy

from cscs.api import Graph
from cscs.extract.judgments import pipeline
from cscs.extract.judgments.sources import read_texts
from cscs.sample.judgments import write_judgments
from cscs.sample.population import build_population

LECARD = Path(__file__).resolve().parents[1].parent / "shared/realdata/judgments/lecardv2_criminal_fulltext/" \
    "criminal_judgments_first40.jsonl"


def texts(count: int) -> tuple[list[str], list[str]]:
    """(real, generated) texts of about 3,000 characters, ``count`` each."""
    real = []
    if LECARD.is_file():
        for line in LECARD.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["query"]
            if len(text) >= 2000:
                cut = text.rfind("。", 0, 3300)
                real.append(text[:cut + 1] if cut > 0 else text[:3300])
    with tempfile.TemporaryDirectory() as tmp:
        docs = write_judgments(Path(tmp), build_population(300, 7, date(2024, 6, 30)), 7)
        generated = [read_texts(Path(tmp) / d.file)[0].text for d in docs if d.format == "txt"]
    return _copies(real, count), _copies(generated, count)


def _copies(base: list[str], count: int) -> list[str]:
    return [base[i % len(base)] + f"\n（副本{i}）" for i in range(count)] if base else []


def timed(label: str, n: int, chars: float, work) -> None:
    """Wall-clock and CPU time of one path: on a shared machine the CPU figure (this process's
    own time; the work is single-threaded) is what an idle machine would give."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
    print(f"  {label:<26} {n:>6} docs  {seconds:7.2f} s  {n / seconds:8.1f} docs/s   "
          f"cpu {cpu_seconds:6.2f} s  {n / cpu_seconds:8.1f} docs/cpu-s   (mean {chars:,.0f} chars)")


def run(name: str, docs: list[str], batch: int) -> None:
    chars = sum(map(len, docs)) / len(docs)
    print(f"{name}:")
    nlp = spacy.blank("zh")
    timed("spaCy tokenizer (floor)", len(docs), chars, lambda: list(nlp.pipe(docs, batch_size=batch)))
    timed("pipeline", len(docs), chars, lambda: list(pipeline.read(docs, batch_size=batch)))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for start in range(0, len(docs), 500):
            path = folder / f"part{start // 500:03d}.jsonl"
            path.write_text("".join(json.dumps({"id": i, "query": t}, ensure_ascii=False) + "\n"
                                    for i, t in enumerate(docs[start:start + 500], start=start)), encoding="utf-8")
            files.append(path)
        graph = Graph(memory=True)
        timed("ingest jsonl (whole path)", len(docs), chars, lambda: _check(graph.ingest(files)))
        txt = folder / "txt"
        txt.mkdir()
        few = docs[:max(50, len(docs) // 5)]
        for i, t in enumerate(few):
            (txt / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        graph = Graph(memory=True)
        timed("ingest txt, --as judgment", len(few), chars, lambda: _check(graph.ingest([txt], "judgment")))
        graph = Graph(memory=True)
        timed("ingest txt, recognised", len(few), chars, lambda: _check(graph.ingest([txt])))


def _check(reports) -> None:
    bad = [r.error for r in reports if r.status != "added"]
    if bad:
        raise SystemExit(f"ingest failed: {bad[:3]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args(argv)
    real, generated = texts(args.docs)
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f} (1 min), spaCy {spacy.__version__}")
    pipeline.build("zh")
    if real:
        run("LeCaRD criminal judgments (real, cut before the holding)", real, args.batch)
    run("generated civil judgments and enforcement rulings", generated, args.batch)
    print(f"load average {os.getloadavg()[0]:.2f} (1 min) at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
