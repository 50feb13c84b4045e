"""The blind corpus generator: deterministic for a seed, valid files, truth that names its
documents, consistent codes. Not a test of the extractors' accuracy (that is
bench/blind_accuracy.py, which measures and reports, never asserts)."""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.blind import corpus, names  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    for out in (a, b):
        corpus.generate(out, seed=5, n_reports=10, n_courts=24, n_lists=6)
    return a, b


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes(generated: tuple[Path, Path]) -> None:
    a, b = generated
    fa, fb = _files(a), _files(b)
    assert len(fa) == 10 + 24 + 6 + (10 + 24 + 6) + 1  # documents, truths, manifest
    assert fa == fb


def test_other_seed_other_documents(generated: tuple[Path, Path], tmp_path: Path) -> None:
    corpus.generate(tmp_path, seed=6, n_reports=10, n_courts=24, n_lists=6)
    same = _files(generated[0]).keys() & _files(tmp_path).keys()
    assert sum(_files(generated[0])[k] == _files(tmp_path)[k] for k in same if k.startswith("docs")) == 0


def test_manifest_and_truth_match(generated: tuple[Path, Path]) -> None:
    root = generated[0]
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert [m["set"] for m in manifest].count("annual_report") == 10
    assert [m["set"] for m in manifest].count("court") == 24
    assert [m["set"] for m in manifest].count("dishonest") == 6
    assert len({m["id"] for m in manifest}) == 40
    for m in manifest:
        assert (root / m["file"]).is_file()
        truth = json.loads((root / "truth" / f"{m['id']}.json").read_text(encoding="utf-8"))
        assert truth["id"] == m["id"] and truth["set"] == m["set"]
        assert m["part"] == corpus.part(m["id"])
    assert {p.stem for p in (root / "truth").iterdir()} == {m["id"] for m in manifest}
    assert not list((root / "docs").rglob("*truth*"))


def test_part_is_a_stable_half() -> None:
    ids = [f"doc-{i}" for i in range(2000)]
    dev = sum(corpus.part(i) == "dev" for i in ids)
    assert 900 < dev < 1100
    assert corpus.part("ar-000-bank-2021-pdf") == corpus.part("ar-000-bank-2021-pdf")


def test_pdfs_open_and_carry_their_firm(generated: tuple[Path, Path]) -> None:
    root = generated[0]
    pdfs = sorted((root / "docs" / "reports").glob("*.pdf"))
    assert len(pdfs) >= 3
    for pdf in pdfs:
        truth = json.loads((root / "truth" / f"{pdf.stem}.json").read_text(encoding="utf-8"))
        with pdfplumber.open(pdf) as doc:
            text = "".join(page.extract_text() or "" for page in doc.pages)
        assert truth["firm"] in text and truth["stock_code"] in text


def test_text_files_decode_as_declared(generated: tuple[Path, Path]) -> None:
    root = generated[0]
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["documents"]
    gbk = [m for m in manifest if m["id"].endswith("gbk")]
    assert gbk
    for m in gbk:
        data = (root / m["file"]).read_bytes()
        text = data.decode("gbk")
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        truth = json.loads((root / "truth" / f"{m['id']}.json").read_text(encoding="utf-8"))
        for party in truth.get("parties", []):
            assert party["name"] in text
    for m in manifest:
        if not m["id"].endswith(("gbk", "pdf")):
            (root / m["file"]).read_bytes().decode("utf-8")


def _valid_uscc(code: str) -> bool:
    total = sum(names.USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(code[:17]))
    return names.USCC_ALPHABET[(31 - total % 31) % 31] == code[17] and names.org_code(code[8:16]) == code[8:17]


def test_list_codes_are_one_firms(generated: tuple[Path, Path]) -> None:
    root = generated[0]
    for truth_file in (root / "truth").glob("ls-*.json"):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        code = truth["uscc"]
        assert _valid_uscc(code) and _valid_uscc(truth["namesake_uscc"])
        assert truth["namesake_uscc"][8:17] != code[8:17]
        for rec in truth["records"]:
            if rec["entity"] == "firm":
                # as printed: full-width, lower-case, padded, hyphenated, masked by a run of stars
                card = unicodedata.normalize("NFKC", rec["card"]).strip().upper().replace("-", "")
                mine = rec.get("uscc", code)  # a returning firm of an earlier file keeps its own code
                head, _, tail = re.sub(r"\*+", "*", card).partition("*")
                assert card in (mine, mine[8:17]) or (bool(tail) and mine.startswith(head) and mine.endswith(tail)), card
