"""Precision and recall of the disclosure extractors, field by field.

Two labelled sets:

* the real documents in ``../shared/realdata/disclosures`` (skipped when absent): the
  2024 annual report of 平安银行 (296-page PDF) and cninfo's executives answer for 万科A,
  labelled by hand from the folder's README and the report's pages 65-75, 104-107,
  122-126 (labels below);
* a generated population of listed firms (``cscs.sample.listed_corpus``), labelled by
  its ``truth.json``: text and PDF reports, charters, rosters with namesakes.

Run: ``python bench/disclosure_accuracy.py [--firms 531] [--seed 13]``. Prints one line
per (field, source) with the counts, precision and recall, and the time taken.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from cscs.analysis import match_rosters
from cscs.api import Graph
from cscs.sample.listed_check import Score, graph_fields, score_all, truth_fields
from cscs.sample.listed_corpus import EXTRACTORS, generate_listed

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "realdata" / "disclosures"
PDF = "平安银行_2024年年度报告.pdf"
CNINFO = "company_executives.json"
# Hand labels (README of the folder; report pp. 66-67, 69, 72, 74, 104, 107, 122-126).
REAL_LABELS: dict[str, object] = {
    "independent directors": {(PDF, n) for n in ("杨军", "艾春荣", "吴志攀", "刘峰", "潘敏", "郭田勇")}
    | {(CNINFO, n) for n in ("林明彦", "张懿宸", "廖子彬", "沈向洋")},
    "political posts": {(PDF, "郭建", "政协深圳市委员会", "municipal"), (PDF, "王春汉", "武汉市人民政府", "municipal"),
                        (PDF, "车国宝", "深圳市蛇口区管理局", "county")},
    "top shareholders": {(PDF, name, nature, pct) for name, nature, pct in (
        ("中国平安保险（集团）股份有限公司－集团本级－自有资金", "DomesticLegalPerson", "49.56"),
        ("中国平安人寿保险股份有限公司－自有资金", "DomesticLegalPerson", "6.11"),
        ("香港中央结算有限公司", "ForeignLegalPerson", "3.85"),
        ("中国平安人寿保险股份有限公司－传统－普通保险产品", "DomesticLegalPerson", "2.27"),
        ("中国证券金融股份有限公司", "DomesticLegalPerson", "2.21"),
        ("中国工商银行股份有限公司－华泰柏瑞沪深300交易型开放式指数证券投资基金", "DomesticLegalPerson", "0.86"),
        ("中国建设银行股份有限公司－易方达沪深300交易型开放式指数发起式证券投资基金", "DomesticLegalPerson", "0.60"),
        ("中国工商银行股份有限公司－华夏沪深300交易型开放式指数证券投资基金", "DomesticLegalPerson", "0.40"),
        ("中国银行股份有限公司－嘉实沪深300交易型开放式指数证券投资基金", "DomesticLegalPerson", "0.38"),
        ("深圳中电投资有限公司", "DomesticLegalPerson", "0.32"))},
    "state share": {PDF: 0.0},
    "leverage": {PDF: 5_274_428 / 5_769_270},
    "ROA": {PDF: 44_508 / 5_769_270},
    "actual controller": {(PDF, "NoController")},
}


def real_scores() -> list[Score]:
    if not REAL.is_dir():
        print(f"(real documents not found at {REAL}: skipped)", file=sys.stderr)
        return []
    graph = Graph(memory=True)
    graph.ingest([REAL / "pingan_bank_2024_annual_report_pdf" / PDF], "annual_report", resolve=False)
    graph.ingest([REAL / "cninfo_api_json" / CNINFO], resolve=False)
    found = graph_fields(graph)
    return score_all({k: v for k, v in found.items() if k in REAL_LABELS}, REAL_LABELS, "real")


def generated_scores(firms: int, seed: int) -> list[Score]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate_listed(Path(tmp), firms=firms, seed=seed)
        truth = json.loads(corpus.truth_path.read_text(encoding="utf-8"))
        graph = Graph(memory=True)
        for folder in ("reports", "charters", "exchange", "rosters"):
            graph.ingest([corpus.folder(folder)], EXTRACTORS[folder], resolve=False)
        graph.resolve()
        match_rosters(graph.store, date.fromisoformat(truth["as_of"]))
        return score_all(graph_fields(graph), truth_fields(truth), "generated")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=531)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    scores = real_scores()
    real_time = time.perf_counter() - started
    scores += generated_scores(args.firms, args.seed)
    print(f"{'field':<24}{'source':<11}{'labelled':>9}{'found':>7}{'correct':>8}{'precision':>11}{'recall':>8}")
    for s in scores:
        print(f"{s.field:<24}{s.source:<11}{s.labelled:>9}{s.found:>7}{s.correct:>8}{s.precision:>11.3f}{s.recall:>8.3f}")
    print(f"\nreal documents {real_time:.1f} s; generated population of {args.firms} firms "
          f"{time.perf_counter() - started - real_time:.1f} s (generate, ingest, resolve, match rosters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
