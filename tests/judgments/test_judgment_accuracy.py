"""Accuracy on labelled judgments meets the targets (these fail when extraction regresses).

Targets (issue 7): case numbers, courts, dates >= 0.99 F1; parties with roles >= 0.95;
amounts >= 0.95. Scored on the 40 real LeCaRD criminal judgments against the
hand-checked expectations in expected/lecardv2_criminal.json, on the judgments
generated from the sample population against expected/generated-300-seed7.json, and
on the CJRC annotations where their questions apply (at the levels measured when this
was written, less a margin). ``python bench/judgments_accuracy.py --errors`` prints the
same tables with every disagreement.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from cscs.extract.judgments import evaluate, pipeline
from cscs.extract.judgments.sources import read_texts
from cscs.sample import generate

EXPECTED = Path(__file__).resolve().parent / "expected"
TARGETS = {"case_number": 0.99, "court": 0.99, "date": 0.99, "parties": 0.95, "amounts": 0.95}


def assert_targets(scores: dict[str, evaluate.Score], extra: dict[str, float] | None = None) -> None:
    for name, target in {**TARGETS, **(extra or {})}.items():
        s = scores[name]
        if s.tp + s.fn == 0:  # nothing expected (the real texts have no dates): nothing may be invented
            assert s.fp == 0, (name, s.errors)
            continue
        assert s.f1 is not None and s.f1 >= target, (name, round(s.f1 or 0, 3), s.errors[:5])


def test_real_lecard_judgments(realdata: Path) -> None:
    expected = json.loads((EXPECTED / "lecardv2_criminal.json").read_text(encoding="utf-8"))["documents"]
    path = realdata / "judgments/lecardv2_criminal_fulltext/criminal_judgments_first40.jsonl"
    texts = [json.loads(line)["query"] for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(expected) == len(texts) == 40
    scores = evaluate.score((f"line {e['line']}", e, j) for e, j in zip(expected, pipeline.read(texts)))
    assert_targets(scores, {"document_type": 0.99, "charges": 0.95})


@pytest.fixture(scope="module")
def generated() -> tuple[list[dict], list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = generate(Path(tmp), firms=300, seed=7, judgments=True)
        documents = [{"file": d.file, "format": d.format, **d.expected, "records": d.records} for d in corpus.judgments]
        texts = [read_texts(Path(tmp) / d["file"])[0].text for d in documents]
    return documents, texts


def test_generated_expectations_file_is_what_the_generator_writes(generated) -> None:
    frozen = json.loads((EXPECTED / "generated-300-seed7.json").read_text(encoding="utf-8"))["documents"]
    assert frozen == json.loads(json.dumps(generated[0], ensure_ascii=False)), \
        "regenerate with: python bench/judgments_accuracy.py --write-generated"


def test_generated_judgments(generated) -> None:
    documents, texts = generated
    assert {d["format"] for d in documents} == {"txt", "html", "pdf"}
    scores = evaluate.score((d["file"], d, j) for d, j in zip(documents, pipeline.read(texts)))
    assert_targets(scores, {"document_type": 0.99, "ordered": 0.95, "outcome": 0.95, "basis": 0.95,
                            "legal_representatives": 0.95, "codes": 0.95, "charges": 0.95})


def test_cjrc_annotations(realdata: Path) -> None:
    path = realdata / "judgments/cail2019_cjrc_reading_comprehension/cjrc_subset_even.json"
    documents = json.loads(path.read_text(encoding="utf-8"))["data"]
    scores = evaluate.cjrc(documents, list(pipeline.read(d["paragraphs"][0]["context"] for d in documents)))
    assert scores["amounts (recall)"].recall >= 0.95
    g = scores["guarantors"]  # counter-guarantors written as 乙方 are read by their place in the contract
    assert (g.tp, g.fp, g.fn) == (15, 0, 0), g.errors
    assert scores["lenders"].recall >= 0.8
    assert scores["financing"].f1 >= 0.88


# -- issue 12: the real sets split into development and test parts; the generated corpus varied ---------
def _facts(realdata: Path, part: str) -> evaluate.Score:
    expected = json.loads((EXPECTED / "lecardv2_criminal.json").read_text(encoding="utf-8"))["documents"]
    path = realdata / "judgments/lecardv2_criminal_fulltext/criminal_judgments_first40.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    chosen = [(e, lines[e["line"] - 1]) for e in expected if evaluate.part(lines[e["line"] - 1]["id"]) == part]
    return evaluate.accused_names(
        (str(e["line"]), {n for n, r in e["parties"] if r == "accused" and n in d["fact"]}, j)
        for (e, d), j in zip(chosen, pipeline.read(d["fact"] for _, d in chosen)))


def test_accused_of_sentence_level_texts(realdata: Path) -> None:
    """The fact sections alone (no header, no party block): measured F1 0.988 on dev (41/0/1),
    0.951 on test (39/3/1); the issue's target is 0.9."""
    dev, test = _facts(realdata, "dev"), _facts(realdata, "test")
    assert dev.f1 >= 0.97 and dev.precision == 1.0, dev.errors
    assert test.f1 >= 0.92, test.errors


#: tp/fp/fn measured on 2026-12-04 (dev: 41 judgments, 1,434 sentences, 95 labelled; test: 34 judgments, 1,056 sentences, 72
#: labelled): test guarantee sentences P 0.819 R 0.819, naming a guarantor P 0.895 R 0.472; per document,
#: a financial-institution lender (LN4) P 0.630 R 1.000, a firm borrower (LN6) P 0.667 R 0.632.
MEASURED_LOAN_GUARANTEES = {
    "dev": {"guarantee sentences": (94, 6, 1), "guarantee sentences naming a guarantor": (86, 4, 9),
            "guarantor mentions by sentence": (73, 14, 22), "lender is a financial institution": (30, 6, 0),
            "borrower is a firm": (22, 3, 2)},
    "test": {"guarantee sentences": (59, 13, 13), "guarantee sentences naming a guarantor": (42, 5, 30),
             "guarantor mentions by sentence": (35, 19, 37), "lender is a financial institution": (17, 10, 0),
             "borrower is a firm": (12, 6, 7)},
}


def test_guarantee_sentences_of_the_loan_set(realdata: Path) -> None:
    """Sentences labelled LN7/LN10 (连带保证, 订立保证合同) against the guarantee statements read, and
    those of them that name the guarantor, any guarantor mention (the measure before guarantee
    statements); per document, lenders (LN4) and firm borrowers (LN6). See docs/judgments.md."""
    path = realdata / "judgments/cail2019_loan_elements/loan_even.jsonl"
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    measured = {}
    for part in ("dev", "test"):
        documents = [(f"loan-{n}", d) for n, d in enumerate(lines, start=1) if evaluate.part(f"loan-{n}") == part]
        readings = list(pipeline.read(evaluate.loan_text(d)[0] for _, d in documents))
        scores = evaluate.loan_elements(documents, readings)
        measured[part] = {k: (s.tp, s.fp, s.fn) for k, s in scores.items() if k != "financing"}
    assert measured == MEASURED_LOAN_GUARANTEES, measured


def test_enforcement_rulings_of_the_generated_corpus_make_their_records(generated) -> None:
    """Target (issue 12): recall >= 0.9 at precision >= 0.98, over the varied layouts."""
    documents, texts = generated
    rulings = [(d, t) for d, t in zip(documents, texts) if d["document_type"] == "执行裁定书"]
    expected = [[(r["kind"], next(n for n, role in d["parties"] if role == "enforcement-debtor"), r["valid_from"])
                 for r in d["records"]] for d, _ in rulings]
    s = evaluate.enforcement_records(
        (d["file"], e, j) for (d, _), e, j in zip(rulings, expected, pipeline.read(t for _, t in rulings)))
    assert s.tp >= 8 and s.precision >= 0.98 and s.recall >= 0.9, s.errors
    assert any(d["date"] is None for d, _ in rulings)  # a ruling cut before its signature is among them
    assert any(" " in t[:60] for _, t in rulings)  # and a spaced title
