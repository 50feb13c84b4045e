"""Wall-clock figures that used to be test assertions (tests fail on behaviour only).

    python bench/timings.py [--skip-analysis] [--skip-disclosures]

- analysis: generate the listed corpus (531 firms) and its effect-free lists, ingest
  both, resolve, run the two analyses (what ``tests/analysis/test_analysis.py`` sets
  up); about 30 s on the project's 2-core machine, the old test allowed 120 s;
- disclosures: the real 296-page Ping An Bank annual report (``../shared/realdata``)
  through the annual-report extractor, and how many pages were read as tables; the old
  test allowed 30 s (all pages as tables would take about a minute).

The machine's load average is printed with the figures: other processes share the cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT.parent / "shared" / "realdata" / "disclosures" / "pingan_bank_2024_annual_report_pdf" / \
    "平安银行_2024年年度报告.pdf"


def analysis_seconds() -> float:
    from pyoxigraph import NamedNode

    from cscs.analysis import analyze
    from cscs.api import Graph
    from cscs.demo import shipped_rubric
    from cscs.graph.ingest import retract
    from cscs.sample.listed_corpus import EXTRACTORS, generate_listed, write_lists_for

    lists = {"donations", "volunteer", "honours", "red_list", "penalties", "dishonest", "abnormal_operations",
             "abnormal_taxpayers"}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        generate_listed(out, effect=0.8)
        write_lists_for(out / "lists-null", effect=0.0)
        graph = Graph(memory=True)
        graph.ingest([shipped_rubric()], resolve=False)
        for folder, extractor in EXTRACTORS.items():
            graph.ingest([out / folder], extractor, resolve=False)
        graph.resolve()
        analyze(graph, date(2021, 7, 1), out_dir=out / "planted")
        for document in graph.documents():
            if document["extractor"] in lists:
                retract(graph.store, NamedNode(document["doc"]))
        graph.ingest([out / "lists-null"])
        analyze(graph, date(2021, 7, 1), out_dir=out / "null")
    return time.perf_counter() - started


def disclosure_seconds() -> tuple[float, int] | None:
    if not PDF.is_file():
        return None
    from cscs.api import Graph
    from cscs.extract.disclosures import officers

    pages: list[int] = []
    real = officers.read_tables

    def spy(path, **options):
        pages.extend(options.get("pages") or [])
        return real(path, **options)

    officers.read_tables = spy
    started = time.perf_counter()
    (report,) = Graph(memory=True).ingest([PDF], "annual_report", resolve=False)
    seconds = time.perf_counter() - started
    officers.read_tables = real
    if report.status != "added":
        raise SystemExit(f"the real report was rejected: {report.error}")
    return seconds, len(pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip-analysis", action="store_true")
    parser.add_argument("--skip-disclosures", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not args.skip_analysis:
        print(f"analysis: generation, ingest and two analyses in {analysis_seconds():.1f} s (the old test allowed 120 s)")
    if not args.skip_disclosures:
        found = disclosure_seconds()
        if found is None:
            print("disclosures: ../shared/realdata is not present")
        else:
            print(f"disclosures: the 296-page real annual report in {found[0]:.1f} s, {found[1]} pages read as "
                  "tables (the old test allowed 30 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
