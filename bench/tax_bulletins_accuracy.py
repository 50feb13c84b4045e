"""Precision, recall and F1 per field of the tax-bulletin reader, on hand-labelled articles.

    python bench/tax_bulletins_accuracy.py [--errors]

The 819 real case bulletins of ../shared/realdata/lists/chinatax_case_bulletins_2023_2025
are split once, before any rule was written, into a development part and a test part by
a hash of the article id (``part`` below). From each part 40 articles were drawn (the
first by that hash: 15 from the templated batch dated 2023-04-15 and 25 from the rest)
plus the few that name a 失信 listing, and labelled by hand in
tests/bulletins/expected/chinatax_labels.json (labels only, no text). The rules were
written on dev articles only; test is the measurement.

Fields, compared per (article, party): the firm (full legal name), the person of a case
that names no firm, the bureau (equal once 国家税务总局 and a province before a city are
dropped, or one form ending the other), the under-paid amount and the total (exact, in
yuan), and the 失信 listing and police referral (as positives). A party the labels mark
as masked (某) is expected to give nothing.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from decimal import Decimal
from pathlib import Path

from cscs.extract.bulletins.cases import bureau_core, read_article
from cscs.extract.identifiers import normalize_name
from cscs.extract.judgments.evaluate import Score

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests/bulletins/expected/chinatax_labels.json"
CSV = ROOT.parent / "shared/realdata/lists/chinatax_case_bulletins_2023_2025/chinatax_cases_before_2025-07.csv"
FIELDS = ("firm", "person", "bureau", "underpaid", "total", "dishonest", "police")


def part(article_id: str) -> str:
    """dev or test, fixed by the article id (the split the rules were written under)."""
    return "dev" if int(hashlib.sha256(article_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "test"


def cell(score: Score) -> str:
    """P, R, F1 and the counts behind them (tp/read/labelled); 1.00 where nothing was due."""
    p = 1.0 if score.precision is None else score.precision
    r = 1.0 if score.recall is None else score.recall
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f} R {r:.2f} F1 {f:.2f} ({score.tp}/{score.tp + score.fp}/{score.tp + score.fn})"


def same_bureau(a: str, b: str) -> bool:
    a, b = bureau_core(a), bureau_core(b)
    return a == b or a.endswith(b) or b.endswith(a)


def facts_expected(case: dict) -> dict[str, object] | None:
    if case.get("masked"):
        return None
    party = case["firm"] or (case["persons"][0] if case["persons"] else None)
    return {"party": party, "firm": case["firm"], "person": None if case["firm"] else party,
            "bureau": case["bureau"], "underpaid": _dec(case["underpaid"]), "total": _dec(case["total"]),
            "dishonest": case["dishonest"] or None, "police": case["police"] or None}


def facts_read(case) -> dict[str, object]:
    party = normalize_name(case.party)
    return {"party": party, "firm": party if case.firm else None, "person": None if case.firm else party,
            "bureau": case.bureau.text if case.bureau else None, "underpaid": case.underpaid,
            "total": case.total, "dishonest": bool(case.dishonest) or None, "police": case.police or None}


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def evaluate(rows: dict[str, dict], labels: dict[str, dict]) -> dict[str, dict[str, Score]]:
    scores = {p: {f: Score() for f in FIELDS} for p in ("dev", "test")}
    for article_id, label in labels.items():
        assert part(article_id) == label["part"], article_id
        row = rows[article_id]
        got = [facts_read(c) for c in read_article(row["content_text"], row["title"]).cases
               if c.firm is not None or c.persons]
        want = [f for f in map(facts_expected, label["cases"]) if f is not None]
        for name in FIELDS:
            score = scores[label["part"]][name]
            _compare(score, article_id, name, [g for g in got if g[name] is not None],
                     [w for w in want if w[name] is not None], got)
    return scores


def _compare(score: Score, article_id: str, name: str, got: list[dict], want: list[dict], all_got) -> None:
    matched: set[int] = set()
    for w in want:
        for i, g in enumerate(got):
            if i in matched or normalize_name(w["party"]) != g["party"]:
                continue
            if w[name] == g[name] or name == "bureau" and same_bureau(w[name], g[name]) \
                    or name in {"firm", "person"} and normalize_name(w[name]) == g[name]:
                matched.add(i)
                score.tp += 1
                break
        else:
            score.fn += 1
            read = next((g[name] for g in all_got if g["party"] == normalize_name(w["party"])), None)
            score.errors.append(f"{article_id} {name}: want {w[name]!r} for {w['party']}, read {read!r}")
    for i, g in enumerate(got):
        if i not in matched:
            score.fp += 1
            score.errors.append(f"{article_id} {name}: read {g[name]!r} for {g['party']}, not in the labels")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    if not CSV.is_file():
        print(f"{CSV} is not present", file=sys.stderr)
        return 1
    with CSV.open(encoding="utf-8", newline="") as handle:
        rows = {r["article_id"]: r for r in csv.DictReader(handle)}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["articles"]
    counts = {p: sum(1 for a in rows if part(a) == p) for p in ("dev", "test")}
    labelled = {p: sum(1 for lab in labels.values() if lab["part"] == p) for p in ("dev", "test")}
    scores = evaluate(rows, labels)
    print(f"tax bulletins: {len(rows)} articles, dev {counts['dev']} ({labelled['dev']} labelled), "
          f"test {counts['test']} ({labelled['test']} labelled); (tp/read/labelled)")
    print(f"{'field':<10} {'dev':<40} test")
    for name in FIELDS:
        print(f"{name:<10} {cell(scores['dev'][name]):<40} {cell(scores['test'][name])}")
    if args.errors:
        for p in ("dev", "test"):
            for name in FIELDS:
                for error in scores[p][name].errors:
                    print(f"{p}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
