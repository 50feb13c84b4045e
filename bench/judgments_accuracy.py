"""Precision, recall and F1 per field of the judgment pipeline, on labelled judgments.

    python bench/judgments_accuracy.py [--errors]
    python bench/judgments_accuracy.py --write-generated   # refresh the generated expectations

Three sets:

* the 40 LeCaRDv2 criminal judgments of ../shared/realdata, against the hand-checked
  expectations in tests/judgments/expected/lecardv2_criminal.json (case number, court,
  document type, date, parties and roles, charges, sums of money);
* judgments generated from the sample population (300 firms, seed 7), against what the
  generator says they mean (tests/judgments/expected/generated-300-seed7.json): also
  sums ordered and who pays, outcome, legal representatives, codes, basis documents;
* the CAIL2019 reading-comprehension annotations (CJRC), where a question applies:
  who the guarantors are, how much (recall: the questions do not ask for every sum),
  which bank lent, and whether the case concerns financing (from its cause or charge).

Targets: case numbers, courts, dates >= 0.99; parties with roles >= 0.95; amounts >= 0.95.
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
GENERATED = EXPECTED / "generated-300-seed7.json"
TARGETS = {"case_number": 0.99, "court": 0.99, "date": 0.99, "parties": 0.95, "amounts": 0.95}


def lecard() -> dict[str, evaluate.Score]:
    expected = json.loads((EXPECTED / "lecardv2_criminal.json").read_text(encoding="utf-8"))["documents"]
    texts = [json.loads(line)["query"] for line in LECARD.read_text(encoding="utf-8").splitlines() if line.strip()]
    readings = pipeline.read(texts[e["line"] - 1] for e in expected)
    return evaluate.score((f"line {e['line']}", e, j) for e, j in zip(expected, readings))


def generated_documents(folder: Path) -> list[dict]:
    """Generate the sample judgments into ``folder``; their expectations, with the file."""
    from cscs.sample import generate

    corpus = generate(folder, firms=300, seed=7, judgments=True)
    return [{"file": d.file, "format": d.format, **d.expected, "records": d.records} for d in corpus.judgments]


def generated() -> dict[str, evaluate.Score]:
    with tempfile.TemporaryDirectory() as tmp:
        documents = generated_documents(Path(tmp))
        frozen = json.loads(GENERATED.read_text(encoding="utf-8"))["documents"]
        if frozen != json.loads(json.dumps(documents, ensure_ascii=False)):
            raise SystemExit(f"{GENERATED.name} is not what the generator writes now: "
                             "run bench/judgments_accuracy.py --write-generated")
        texts = [read_texts(Path(tmp) / d["file"])[0].text for d in documents]
    return evaluate.score((d["file"], d, j) for d, j in zip(documents, pipeline.read(texts)))


def cjrc() -> dict[str, evaluate.Score]:
    documents = json.loads(CJRC.read_text(encoding="utf-8"))["data"]
    readings = list(pipeline.read(d["paragraphs"][0]["context"] for d in documents))
    return evaluate.cjrc(documents, readings)


def write_generated() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        documents = generated_documents(Path(tmp))
    note = ("What the judgments generated from the sample population (cscs.sample.generate(firms=300, seed=7, "
            "judgments=True)) say, as the generator wrote them: scored by bench/judgments_accuracy.py and "
            "tests/judgments/test_judgment_accuracy.py. Regenerate with bench/judgments_accuracy.py --write-generated.")
    GENERATED.write_text(json.dumps({"note": note, "documents": documents}, ensure_ascii=False, indent=0) + "\n",
                         encoding="utf-8")
    print(f"wrote {GENERATED} ({len(documents)} documents)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--write-generated", action="store_true", help="rewrite the generated expectations")
    args = parser.parse_args(argv)
    if args.write_generated:
        write_generated()
        return 0
    missed = []
    sets = [("generated judgments (300 firms, seed 7)", generated)]
    if LECARD.is_file():
        sets.insert(0, ("LeCaRDv2 criminal judgments (40, real)", lecard))
    if CJRC.is_file():
        sets.append(("CJRC annotations (62 fact sections, real)", cjrc))
    for title, run in sets:
        scores = run()
        print(f"\n{title}\n{evaluate.table(scores)}")
        for name, target in TARGETS.items():
            s = scores.get(name)
            if s is not None and s.f1 is not None and s.f1 < target:
                missed.append(f"{title}: {name} F1 {s.f1:.3f} < {target}")
        if args.errors:
            for name, s in scores.items():
                for error in s.errors:
                    print(f"  {name}: {error}")
    print("\ntargets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    print("all met" if not missed else "missed:\n  " + "\n  ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
