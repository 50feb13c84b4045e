"""Scoring readings against hand-checked expectations: precision, recall and F1 per field.

Used by ``bench/judgments_accuracy.py`` (which prints the table) and by the tests (which
assert the targets). A field is compared per document, after the normalisation a user
would apply anyway (half-width characters, case numbers with unified brackets), and
counted over all documents (micro-averaged): single-valued fields count a true positive
when equal, a false positive when a different or unexpected value was read, a false
negative when the expected value was not read; set-valued fields count their members.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .casenumber import normalize_case_number
from .model import Judgment

# -- development and test parts of the real sets ---------------------------------------------
#: Every real set is split into a development part (rules are tuned looking at it) and a test
#: part (only measured), by a hash of the document's id, so the split is fixed before any tuning
#: and does not depend on the order of the file. Ids: LeCaRD ``id``, CJRC ``caseid``, the loan
#: set's line number (``loan-<n>``, from 1).
PARTS = ("dev", "test")


def part(doc_id: object) -> str:
    """``dev`` or ``test`` for a document id (the parity of the first byte of its SHA-1)."""
    return PARTS[hashlib.sha1(str(doc_id).encode("utf-8")).digest()[0] % 2]


def split(items: list, key) -> dict[str, list]:
    """The items of a real set by part, in their order (``key(item)`` is the document id)."""
    out: dict[str, list] = {p: [] for p in PARTS}
    for item in items:
        out[part(key(item))].append(item)
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.errors.extend(other.errors)


def norm(text: str | None) -> str | None:
    return unicodedata.normalize("NFKC", text).strip() if text else None


def single(expected: str | None, read: str | None, where: str) -> Score:
    s = Score()
    if expected is not None and read == expected:
        s.tp = 1
    else:
        if read is not None:
            s.fp = 1
        if expected is not None:
            s.fn = 1
        if read != expected:
            s.errors.append(f"{where}: expected {expected!r}, read {read!r}")
    return s


def multiset(expected: Iterable, read: Iterable, where: str) -> Score:
    e, r = Counter(expected), Counter(read)
    tp = sum((e & r).values())
    s = Score(tp, sum(r.values()) - tp, sum(e.values()) - tp)
    missing, extra = e - r, r - e
    if missing or extra:
        s.errors.append(f"{where}: missing {sorted(map(str, missing.elements()))}, extra {sorted(map(str, extra.elements()))}")
    return s


def fields(j: Judgment) -> dict[str, object]:
    """The compared values of one reading."""
    return {
        "case_number": normalize_case_number(j.case_number.text) if j.case_number else None,
        "court": norm(j.court.text) if j.court else None,
        "document_type": norm(j.doc_type.text) if j.doc_type else None,
        "date": j.date.isoformat() if j.date else None,
        "parties": {(norm(p.name), role) for p in j.parties for role in p.roles},
        "charges": {norm(c.text) for c in j.charges},
        "amounts": [str(m.value) for m in j.money],
        "ordered": [(norm(payer), str(a.value)) for a in j.awards for payer in (a.payers or [""])],
        "outcome": j.outcome,
        "financing": j.financing,
        "legal_representatives": {(norm(p.name), norm(p.legal_rep.name)) for p in j.parties if p.legal_rep},
        "codes": {(norm(p.name), c) for p in j.parties for c in p.codes},
        "basis": normalize_case_number(j.basis_case_number.text) if j.basis_case_number else None,
        "guarantors": {norm(g.text) for g in j.guarantors},
    }


SINGLE = ("case_number", "court", "document_type", "date", "outcome", "basis")
SETS = ("parties", "charges", "amounts", "ordered", "legal_representatives", "codes", "guarantors")


def score(pairs: Iterable[tuple[str, dict, Judgment]], only: tuple[str, ...] | None = None) -> dict[str, Score]:
    """Scores per field over (document id, expectation, reading) triples. An expectation
    scores only the fields it has."""
    totals: dict[str, Score] = {}
    for where, expected, reading in pairs:
        got = fields(reading)
        for name in (*SINGLE, *SETS):
            if name not in expected or (only and name not in only):
                continue
            exp = expected[name]
            if name in {"court", "document_type"}:
                exp = norm(exp)
            if name in {"case_number", "basis"} and exp:
                exp = normalize_case_number(exp)
            if name in SINGLE:
                s = single(exp, got[name], where)  # type: ignore[arg-type]
            elif name == "parties":
                s = multiset({(norm(n), r) for n, r in exp}, got[name], where)  # type: ignore[arg-type]
            elif name in {"legal_representatives", "codes", "ordered"}:
                s = multiset([tuple(map(norm, x)) if name != "ordered" else (norm(x[0]), str(x[1])) for x in exp],
                             got[name], where)  # type: ignore[arg-type]
            elif name in {"charges", "guarantors"}:
                s = multiset({norm(c) for c in exp}, got[name], where)  # type: ignore[arg-type]
            else:
                s = multiset([str(x) for x in exp], got[name], where)  # type: ignore[arg-type]
            totals.setdefault(name, Score()).add(s)
    return totals


def accused_names(pairs: Iterable[tuple[str, set[str], Judgment]]) -> Score:
    """The accused read from texts without a party block (fact sections) vs the expected names."""
    total = Score()
    for where, expected, j in pairs:
        total.add(multiset(expected, {norm(p.name) for p in j.parties if "accused" in p.roles}, where))
    return total


def enforcement_records(pairs: Iterable[tuple[str, list[tuple[str, str, str]], Judgment]]) -> Score:
    """Judgment-default records a reading supports, as (kind, subject name, valid from), vs expected."""
    from .records import planned_records, record_day

    total = Score()
    for where, expected, j in pairs:
        day, _ = record_day(j)
        read = [(r.kind, norm(r.party.name), day.isoformat() if day else "") for r in planned_records(j)
                if r.party is not None and r.kind.endswith("JudgmentDefault") and day is not None]
        total.add(multiset([(k, norm(n), d) for k, n, d in expected], read, where))
    return total


def side_by_side(columns: dict[str, dict[str, Score]]) -> str:
    """One row per field, one column per set (precision, recall, F1 and tp/fp/fn)."""
    def f(x: float | None) -> str:
        return " n/a " if x is None else f"{x:5.3f}"

    names = list(dict.fromkeys(n for scores in columns.values() for n in scores))
    width = max(len(n) for n in names) + 1
    head = f"{'field':<{width}}" + "".join(f" | {c:^32}" for c in columns)
    sub = f"{'':<{width}}" + "".join(f" | {'prec':>5} {'rec':>5} {'F1':>5} {'tp/fp/fn':>14}" for _ in columns)
    lines = [head, sub]
    for name in names:
        row = f"{name:<{width}}"
        for scores in columns.values():
            sc = scores.get(name)
            row += " | " + (f"{f(sc.precision)} {f(sc.recall)} {f(sc.f1)} {f'{sc.tp}/{sc.fp}/{sc.fn}':>14}" if sc
                            else f"{'-':^32}")
        lines.append(row)
    return "\n".join(lines)


def table(scores: dict[str, Score]) -> str:
    """The per-field table the accuracy script prints."""
    def f(x: float | None) -> str:
        return "  n/a" if x is None else f"{x:5.3f}"

    lines = [f"{'field':<22} {'prec':>5} {'rec':>5} {'F1':>5}   {'tp':>5} {'fp':>4} {'fn':>4}"]
    for name, s in scores.items():
        lines.append(f"{name:<22} {f(s.precision)} {f(s.recall)} {f(s.f1)}   {s.tp:>5} {s.fp:>4} {s.fn:>4}")
    return "\n".join(lines)


# -- the CAIL2019 reading-comprehension annotations (CJRC) ----------------------------------
#: Causes and charges of the CJRC sample that concern financing (the gold for the financing flag).
CJRC_FINANCING = {
    "保证保险合同纠纷", "保证合同纠纷", "民间借贷纠纷", "金融借款合同纠纷", "企业借贷纠纷", "融资租赁合同纠纷",
    "借款合同纠纷", "小额借款合同纠纷", "信用卡纠纷", "信用卡诈骗罪", "违法发放贷款罪", "贷款诈骗罪",
    "妨害信用卡管理罪", "骗取贷款罪",
}
_GUARANTOR_Q = re.compile(r"保证人|担保人|反担保")
_LENDER_Q = re.compile(r"向(?:哪个|哪家)?(?:银行|谁|哪个公司)借|在哪个银行借")
_WHO = re.compile(r"谁|哪个|哪家")


def _answer(qa: dict) -> str:
    """The annotators' majority answer (the shortest on a tie)."""
    texts = [a["text"] for a in qa["answers"] if a["text"]]
    if not texts:
        return ""
    counts = Counter(texts)
    return min(texts, key=lambda t: (-counts[t], len(t)))


def cjrc(documents: list[dict], readings: list[Judgment]) -> dict[str, Score]:
    """Guarantors (who guarantees), amounts (how much: recall only, the questions do not ask for
    every sum), lenders (which bank lent) and the financing flag, where the questions apply."""
    from .parties import clean_name
    from .values import find_money

    scores = {k: Score() for k in ("guarantors", "amounts (recall)", "lenders", "financing")}
    for doc, j in zip(documents, readings):
        para = doc["paragraphs"][0]
        where = f"caseid {doc['caseid']}"
        expected_fin = para["casename"] in CJRC_FINANCING
        scores["financing"].add(single("yes" if expected_fin else None, "yes" if j.financing else None, where))
        read_values = {str(m.value) for m in j.money}
        read_guarantors = {g.text for g in j.guarantors}
        for qa in para["qas"]:
            if qa["is_impossible"] == "true":
                continue
            q, a = qa["question"], _answer(qa)
            if _GUARANTOR_Q.search(q) and _WHO.search(q):
                names = [re.sub(r"^(?:被告|原告|由被告|由)", "", x) for x in re.split(r"[、,，和及]", a)]
                names = [re.sub(r"(?:担保|\(乙方\))$", "", clean_name(n)) for n in names if n]
                scores["guarantors"].add(multiset(set(n for n in names if n), read_guarantors, where))
            elif _LENDER_Q.search(q):
                lenders = {x.text for x in j.lenders}
                s = Score(tp=int(any(a in x or x in a for x in lenders)))
                s.fn = 1 - s.tp
                if not s.tp:
                    s.errors.append(f"{where}: lender {a!r} not among {sorted(lenders)}")
                scores["lenders"].add(s)
            elif re.search(r"多少|金额|几", q):
                gold = [m for m in find_money(a) if "元" in m.text]
                if not gold:
                    continue
                s = Score(tp=int(str(gold[0].value) in read_values))
                s.fn = 1 - s.tp
                if not s.tp:
                    s.errors.append(f"{where}: amount {a!r} not read")
                scores["amounts (recall)"].add(s)
    return scores


# -- the CAIL2019 loan-element set (sentences labelled LN1 … LN20) ---------------------------
#: Labels that mark a sentence about a guarantee (连带保证, 订立保证合同).
GUARANTEE_LABELS = {"LN7", "LN10"}


def loan_text(sentences: list[dict]) -> tuple[str, list[tuple[int, int, list[str]]]]:
    """One document's text (its sentences in order, one a line) and each sentence's span and labels."""
    parts, spans, pos = [], [], 0
    for s in sentences:
        text = s["sentence"]
        parts.append(text)
        spans.append((pos, pos + len(text), s["labels"]))
        pos += len(text) + 1
    return "\n".join(parts), spans


def loan_elements(documents: list[tuple[str, list[dict]]], readings: list[Judgment]) -> dict[str, Score]:
    """Per sentence, against the sentences labelled LN7/LN10 (连带保证, 订立保证合同): a guarantee
    statement read in it (:func:`.guarantees.statements`); such a statement that names its
    guarantor (many labelled sentences cite a guarantee contract without naming anyone, so the
    recall of this one is capped); any guarantor mention read in it (``Judgment.guarantors``: a
    guarantor is also named where no guarantee is stated, 担保人许慧彬 in a transfer of debts). Per
    document: a lender that is a financial institution read vs any sentence labelled LN4, a firm
    borrower read vs any sentence labelled LN6 (公司、单位或其他组织借款), and the financing flag
    (every document is a loan dispute)."""
    scores = {k: Score() for k in ("guarantee sentences", "guarantee sentences naming a guarantor",
                                   "guarantor mentions by sentence", "lender is a financial institution",
                                   "borrower is a firm", "financing")}
    for (doc_id, sentences), j in zip(documents, readings):
        _, spans = loan_text(sentences)
        for n, (s, e, labels) in enumerate(spans, start=1):
            gold = "yes" if GUARANTEE_LABELS & set(labels) else None
            stated = [g for g in j.guarantees if s <= g.start < e]
            named = [x.text for g in stated for x in g.names]
            mentioned = [g.text for g in j.guarantors if s <= g.start < e]
            for name, read in (("guarantee sentences", [g.kind for g in stated]),
                               ("guarantee sentences naming a guarantor", named),
                               ("guarantor mentions by sentence", mentioned)):
                scores[name].add(single(gold, "yes" if read else None, f"{doc_id} sentence {n} {read}"))
        lender = any("LN4" in labels for _, _, labels in spans)
        scores["lender is a financial institution"].add(single("yes" if lender else None,
                                                               "yes" if j.lenders else None, doc_id))
        firm = any("LN6" in labels for _, _, labels in spans)
        scores["borrower is a firm"].add(single("yes" if firm else None, "yes" if j.firm_borrowers else None,
                                                f"{doc_id} {[b.text for b in j.firm_borrowers]}"))
        scores["financing"].add(single("yes", "yes" if j.financing else None, doc_id))
    return scores
