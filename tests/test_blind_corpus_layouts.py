"""The blind corpus's newer layouts (bench/blind/LAYOUTS.md): the generator is deterministic for
a seed, every new family appears in the default corpus, and its truth is complete and agrees
with what the documents print."""
from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from bench.blind import control_forms, corpus, dishonest, report_model, variants
from bench.blind.report_layout import Blocks

STATE = ("CentralStateController", "LocalStateController")


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def default(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict], dict[str, dict]]:
    root = tmp_path_factory.mktemp("blind") / "corpus"
    manifest = corpus.generate(root)
    truths = {m["id"]: json.loads((root / "truth" / f"{m['id']}.json").read_text(encoding="utf-8")) for m in manifest}
    return root, manifest, truths


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((a, 5), (b, 5), (c, 6)):
        corpus.generate(out, seed=seed, n_reports=8, n_courts=2, n_lists=6)
    assert _files(a) == _files(b)
    assert _files(a) != _files(c)
    assert not any(".old" in name for name in _files(a))  # the dropped draw leaves no file


def test_variants_leave_the_other_documents_of_a_seed_where_they_were(tmp_path: Path) -> None:
    """Courts are untouched by the variants, and more reports do not move the first ones."""
    small, large = tmp_path / "s", tmp_path / "l"
    corpus.generate(small, n_reports=8, n_courts=6, n_lists=3)
    corpus.generate(large, n_reports=12, n_courts=6, n_lists=3)
    s, big = _files(small), _files(large)
    assert all(big[name] == data for name, data in s.items() if name != "manifest.json")


def test_default_corpus_size(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    _, manifest, _ = default
    assert Counter(m["set"] for m in manifest) == {"annual_report": 56, "court": 72, "dishonest": 24}


def test_every_new_controller_form_appears(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    _, _, truths = default
    forms = Counter(t["controller_form"] for t in truths.values() if t["set"] == "annual_report")
    assert set(variants.NEW_FORMS) <= set(forms)


def test_controller_truth_is_complete(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    root, manifest, truths = default
    for m in manifest:
        t = truths[m["id"]]
        if t["set"] != "annual_report":
            continue
        none = t["controller_nature"] == "NoController"
        assert (t["controllers"] == []) == none, m["id"]
        assert t["soe"] == (t["controller_nature"] in STATE), m["id"]
        assert len(t["controllers"]) == (2 if t["controller_form"] == "family" else 0 if none else 1), m["id"]
        if t["controllers"]:
            assert t["controller"] == t["controllers"][0]
        if t["format"] in ("html", "tsv"):  # cells never wrapped (pdftotext -layout text wraps them in place)
            text = (root / m["file"]).read_text(encoding="utf-8")
            for name in t["controllers"]:
                assert name in text, (m["id"], name)


def _text(path: Path) -> str:
    """A generated report's text: a PDF's by pdfplumber (its one bank report with no
    controller is a PDF in the default corpus)."""
    if path.suffix != ".pdf":
        return path.read_text(encoding="utf-8")
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_diagram_names_the_controller_only_in_its_boxes(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    root, manifest, truths = default
    diagrams = [m for m in manifest if truths[m["id"]].get("controller_form") == "diagram"
                and truths[m["id"]]["format"] in ("html", "tsv")]
    assert diagrams
    for m in diagrams:
        text = (root / m["file"]).read_text(encoding="utf-8")
        assert "产权及控制关系" in text and "实际控制人为" not in text, m["id"]


KINDS_OF_FORM = {"none_bank": ("bank",), "none_short": ("bank", "private"), "none_kv": ("bank", "private"),
                 "combined": ("private",), "family": ("private",), "colon": ("bank", "soe", "private"),
                 "unchanged_kv": ("bank", "soe", "private"), "combined_state": ("soe",), "bank_combined": ("bank",),
                 "state_line": ("bank", "soe"), "diagram": ("bank", "soe")}


@pytest.mark.parametrize("form", sorted(variants.NEW_FORMS))
def test_each_new_form_prints_its_controllers(form: str) -> None:
    """Every form, laid out for a bank, a state firm and a private firm as its nature allows,
    prints each controller's name (and 无 for none)."""
    kinds = KINDS_OF_FORM[form]
    laid_out: set[str] = set()
    for kind in kinds:
        for i in range(40):
            rng = random.Random(f"{form}-{kind}-{i}")
            r = report_model.draw(rng, kind, 2020, set(), set())
            none = form.startswith("none")
            if (r.controller_nature == "NoController") != none:
                continue
            r.controller_form = form
            r.controllers = [] if none else ([r.controller, "李四海"] if form == "family" else [r.controller])
            b = Blocks()
            control_forms.blocks(random.Random(i), r, b)
            text = "\n".join(str(x) for kind_, x in b.items if kind_ != "table") + "".join(
                "".join(t.header) + "".join("".join(row) for row in t.rows) for kind_, t in b.items if kind_ == "table")
            if none:
                assert "无实际控制人" in text or "不存在实际控制人" in text or "实际控制人：无" in text \
                    or "实际控制人:无" in text.replace(" ", "") or "不存在控股股东及实际控制人" in text, (form, kind, text)
            else:
                assert all(c in text for c in r.controllers), (form, kind, text)
            laid_out.add(kind)
            break
    assert laid_out == set(kinds)


def test_officer_table_variants_and_dotted_names(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    _, _, truths = default
    reports = [t for t in truths.values() if t["set"] == "annual_report"]
    varied = [t for t in reports if t["layout"]["officer_variant"]]
    assert len(varied) >= 5
    assert any("任职状态" not in t["layout"]["officer_columns"] for t in varied)
    assert any(t["layout"]["officer_columns"][0] != "姓名" for t in varied)
    assert {t["layout"]["officer_header_repeated"] for t in varied if t["layout"]["officer_break"]} == {True, False}
    dotted = [o["name"] for t in reports for o in t["officers"] if "·" in o["name"]]
    assert len(dotted) >= 5
    for t in reports:  # every officer labelled with a role, distinct names in a report
        names = [o["name"] for o in t["officers"]]
        assert len(names) == len(set(names)) and all(o["roles"] for o in t["officers"])


def test_list_code_forms_and_truth(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    root, manifest, truths = default
    forms: Counter = Counter()
    both_widths = 0
    for m in manifest:
        t = truths[m["id"]]
        if t["set"] != "dishonest":
            continue
        raw = (root / m["file"]).read_bytes().decode("gbk" if "gbk" in m["id"] else "utf-8")
        for r in t["records"]:
            assert set(r) >= {"case", "entity", "form", "card", "name", "uscc"}, m["id"]
            assert r["card"] == dishonest.card(r["uscc"], r["form"])
            assert r["case"] in raw and r["card"] in raw and r["name"] in raw
            assert (r["uscc"] == t["uscc"]) == (r["entity"] == "firm")
            forms[r["form"]] += 1
            forms[r["entity"]] += 1
        printed = {r["name"] for r in t["records"] if r["entity"] == "firm"}
        both_widths += any("（" in n for n in printed) and any("(" in n for n in printed)
    assert set(dishonest.NEW_CODE_FORMS) <= set(forms)
    assert forms["returning"] >= 2 and both_widths >= 1


def test_returning_firms_stay_in_their_part(default: tuple[Path, list[dict], dict[str, dict]]) -> None:
    """A firm back in a later file comes from a file of the same part, so that the cross-file
    pairs are all measured (and none crosses from dev into test)."""
    _, manifest, truths = default
    home = {truths[m["id"]]["uscc"]: m["part"] for m in manifest if m["set"] == "dishonest"}
    back = [(r["uscc"], m["part"]) for m in manifest if m["set"] == "dishonest"
            for r in truths[m["id"]]["records"] if r["entity"] == "returning"]
    assert back and all(home[u] == p for u, p in back)
