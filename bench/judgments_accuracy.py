"""Precision, recall and F1 per field of the judgment pipeline: real sets (dev and test parts) and
the generated corpus, side by side, with the counts.

    python bench/judgments_accuracy.py [--errors dev|test|generated]
    python bench/judgments_accuracy.py --write-generated   # refresh the generated expectations

Every real set is split once into a development part (rules were tuned looking at it) and a test
part (only measured), by a hash of the document id (``evaluate.part``); the test column is the
figure to quote. The sets:

* the 40 LeCaRDv2 criminal judgments of ../shared/realdata: the full texts against the
  hand-checked expectations in tests/judgments/expected/lecardv2_criminal.json (case number,
  court, document type, parties and roles, charges, sums); their fact sections alone (no header,
  no party block: sentence-level texts) for the accused named in them;
* the CAIL2019 reading-comprehension annotations (CJRC), where a question applies: who the
  guarantors are, how much (recall), which bank lent, whether the case concerns financing;
* the CAIL2019 loan-element set: against the sentences labelled LN7/LN10 (连带保证, 订立保证合同),
  the guarantee statements read, those that name their guarantor, and any guarantor mention;
  a financial-institution lender (LN4) per document, financing;
* judgments generated from the sample population (300 firms, seed 7; varied layouts: spaced and
  decorated titles, code brackets, agents, GBK, rulings cut before the signature, 终本 wordings),
  against what the generator says they mean (guarantors among them), with the judgment-default
  records of the enforcement rulings.

Targets: case numbers, courts, dates >= 0.99; parties with roles >= 0.95; amounts >= 0.95;
enforcement rulings -> records recall >= 0.9 at precision >= 0.98; accused names on
sentence-level texts F1 >= 0.9 (issue 12).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from cscs.extract.judgments import evaluate, pipeline
from cscs.extract.judgments.sources import read_texts

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = ROOT / "tests/judgments/expected"
REALDATA = ROOT.parent / "shared/realdata/judgments"
LECARD = REALDATA / "lecardv2_criminal_fulltext/criminal_judgments_first40.jsonl"
CJRC = REALDATA / "cail2019_cjrc_reading_comprehension/cjrc_subset_even.json"
LOAN = REALDATA / "cail2019_loan_elements/loan_even.jsonl"
GENERATED = EXPECTED / "generated-300-seed7.json"
TARGETS = {"case_number": 0.99, "court": 0.99, "date": 0.99, "parties": 0.95, "amounts": 0.95,
           "accused (sentence-level)": 0.9}
RECORD_TARGET = (0.98, 0.9)  # precision, recall of enforcement rulings -> records


def lecard(part: str) -> dict[str, evaluate.Score]:
    expected = json.loads((EXPECTED / "lecardv2_criminal.json").read_text(encoding="utf-8"))["documents"]
    lines = [json.loads(line) for line in LECARD.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = [(e, lines[e["line"] - 1]) for e in expected if evaluate.part(lines[e["line"] - 1]["id"]) == part]
    scores = evaluate.score((f"line {e['line']}", e, j)
                            for (e, _), j in zip(chosen, pipeline.read(d["query"] for _, d in chosen)))
    facts = pipeline.read(d["fact"] for _, d in chosen)
    scores["accused (sentence-level)"] = evaluate.accused_names(
        (f"line {e['line']} fact", {evaluate.norm(n) for n, r in e["parties"] if r == "accused" and n in d["fact"]}, j)
        for (e, d), j in zip(chosen, facts))
    return scores


def cjrc(part: str) -> dict[str, evaluate.Score]:
    documents = [d for d in json.loads(CJRC.read_text(encoding="utf-8"))["data"] if evaluate.part(d["caseid"]) == part]
    readings = list(pipeline.read(d["paragraphs"][0]["context"] for d in documents))
    return {f"cjrc {k}": v for k, v in evaluate.cjrc(documents, readings).items()}


def loan(part: str) -> dict[str, evaluate.Score]:
    lines = [json.loads(line) for line in LOAN.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [(f"loan-{n}", d) for n, d in enumerate(lines, start=1) if evaluate.part(f"loan-{n}") == part]
    readings = list(pipeline.read(evaluate.loan_text(d)[0] for _, d in documents))
    return {f"loan {k}": v for k, v in evaluate.loan_elements(documents, readings).items()}


def generated_documents(folder: Path) -> list[dict]:
    """Generate the sample judgments into ``folder``; their expectations, with the file."""
    from cscs.sample import generate

    corpus = generate(folder, firms=300, seed=7, judgments=True)
    return [{"file": d.file, "format": d.format, **d.expected, "records": d.records} for d in corpus.judgments]


def expected_defaults(document: dict) -> list[tuple[str, str, str]]:
    """The judgment-default records a generated document should make, as (kind, subject name, from)."""
    debtors = [n for n, role in document["parties"] if role == "enforcement-debtor"]
    return [(r["kind"], debtors[0], r["valid_from"]) for r in document["records"]
            if r["kind"].endswith("JudgmentDefault") and debtors]


def generated() -> dict[str, evaluate.Score]:
    with tempfile.TemporaryDirectory() as tmp:
        documents = generated_documents(Path(tmp))
        frozen = json.loads(GENERATED.read_text(encoding="utf-8"))["documents"]
        if frozen != json.loads(json.dumps(documents, ensure_ascii=False)):
            raise SystemExit(f"{GENERATED.name} is not what the generator writes now: "
                             "run bench/judgments_accuracy.py --write-generated")
        texts = [read_texts(Path(tmp) / d["file"])[0].text for d in documents]
    readings = list(pipeline.read(texts))
    scores = evaluate.score((d["file"], d, j) for d, j in zip(documents, readings))
    rulings = [(d, j) for d, j in zip(documents, readings) if d["document_type"] == "执行裁定书"]
    scores["enforcement rulings -> records"] = evaluate.enforcement_records(
        (d["file"], expected_defaults(d), j) for d, j in rulings)
    return scores


def write_generated() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        documents = generated_documents(Path(tmp))
    note = ("What the judgments generated from the sample population (cscs.sample.generate(firms=300, seed=7, "
            "judgments=True)) say, as the generator wrote them: scored by bench/judgments_accuracy.py and "
            "tests/judgments/test_judgment_accuracy.py. Regenerate with bench/judgments_accuracy.py --write-generated.")
    GENERATED.write_text(json.dumps({"note": note, "documents": documents}, ensure_ascii=False, indent=0) + "\n",
                         encoding="utf-8")
    print(f"wrote {GENERATED} ({len(documents)} documents)")


def real(part: str) -> dict[str, evaluate.Score]:
    scores: dict[str, evaluate.Score] = {}
    for path, run in ((LECARD, lecard), (CJRC, cjrc), (LOAN, loan)):
        if path.is_file():
            scores.update(run(part))
    return scores


def missed_targets(title: str, scores: dict[str, evaluate.Score]) -> list[str]:
    missed = []
    for name, target in TARGETS.items():
        s = scores.get(name)
        if s is not None and s.f1 is not None and s.f1 < target:
            missed.append(f"{title}: {name} F1 {s.f1:.3f} < {target}")
    s = scores.get("enforcement rulings -> records")
    if s is not None and ((s.precision or 0) < RECORD_TARGET[0] or (s.recall or 0) < RECORD_TARGET[1]):
        missed.append(f"{title}: enforcement rulings -> records P {s.precision} R {s.recall}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "test", "generated"], help="list every disagreement of one set")
    parser.add_argument("--write-generated", action="store_true", help="rewrite the generated expectations")
    args = parser.parse_args(argv)
    if args.write_generated:
        write_generated()
        return 0
    columns = {}
    if REALDATA.is_dir():
        columns["real: dev"] = real("dev")
        columns["real: test"] = real("test")
    columns["generated (300 firms, seed 7)"] = generated()
    print(evaluate.side_by_side(columns))
    if args.errors:
        title = next(c for c in columns if args.errors in c)
        for name, s in columns[title].items():
            for error in s.errors:
                print(f"  {name}: {error}")
    missed = [m for title, scores in columns.items() if "dev" not in title for m in missed_targets(title, scores)]
    print("\ntargets (test and generated): " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items())
          + f", enforcement rulings -> records P >= {RECORD_TARGET[0]} R >= {RECORD_TARGET[1]}")
    print("all met" if not missed else "missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
