"""Write the blind corpus from a seed: documents under docs/, one truth JSON per document
under truth/ (never beside the documents, so that ingesting docs/ cannot read a label),
and manifest.json naming each document's file, set, part (dev or test) and, for the fact
sentences that have no header to be recognised by, the extractor to name.

    python -m bench.blind.corpus OUT [--seed 12] [--reports 56] [--courts 72] [--lists 24]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
from pathlib import Path

from bench.blind import courts, dishonest, render, report_layout, report_model

REPORT_FORMATS = ("pdf", "pdf", "html", "txt", "tsv")


def part(doc_id: str) -> str:
    """dev or test, by a hash of the document id: half and half, stable across runs and
    independent of the order of generation."""
    return "dev" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "test"


def _write_text(path: Path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))


def _court_html(rng: random.Random, lines: list[str]) -> str:
    """Court site pages: the title centred in a div, each paragraph a div or a p."""
    tag = rng.choice(("div", "p"))
    body = [f"<div style=\"text-align:center;font-size:18pt\">{lines[0]}</div>",
            f"<div style=\"text-align:center\">{lines[1]}</div>"]
    body += [f"<{tag} style=\"text-indent:2em\">{line}</{tag}>" for line in lines[2:]]
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + lines[1].replace(" ", "") +
            "</title></head><body><div class=\"content\">" + "\n".join(body) + "</div></body></html>\n")


def reports(rng: random.Random, out: Path, n: int, manifest: list[dict], seed: int = 12) -> None:
    taken_names: set[str] = set()
    taken_codes: set[str] = set()
    kinds = ("bank", "soe", "private", "private")
    for i in range(n):
        kind = kinds[i % len(kinds)]
        year = rng.randint(2012, 2024)
        fmt = REPORT_FORMATS[(i // len(kinds)) % len(REPORT_FORMATS)]
        doc_id = f"ar-{i:03d}-{kind}-{year}-{fmt}"
        suffix = {"pdf": ".pdf", "html": ".html", "txt": ".txt", "tsv": ".txt"}[fmt]
        path = out / "docs" / "reports" / f"{doc_id}{suffix}"
        # The report as the corpus drew it before the variants, written and dropped, so that
        # the main stream leaves this report exactly where it did and no later report moves.
        start = rng.getstate()
        _report(rng, kind, year, fmt, set(taken_names), set(taken_codes), None, path.with_suffix(".old" + suffix))
        after = rng.getstate()
        path.with_suffix(".old" + suffix).unlink()
        rng.setstate(start)
        report, notes = _report(rng, kind, year, fmt, taken_names, taken_codes, (seed, i), path)
        rng.setstate(after)
        _entry(out, manifest, doc_id, path, "annual_report",
               report_model.truth(report, doc_id) | {"format": fmt, "layout": notes})


def _report(rng: random.Random, kind: str, year: int, fmt: str, taken_names: set[str], taken_codes: set[str],
            variant: tuple[int, int] | None, path: Path) -> tuple[report_model.Report, dict]:
    """Draw, lay out and write one report; variant (seed, index) seeds its newer forms. The
    report and the layout's notes (how its officer table was printed)."""
    report = report_model.draw(rng, kind, year, taken_names, taken_codes,
                               variant=random.Random(f"{variant[0]}-variant-{variant[1]}") if variant else None)
    if variant:
        report.layout_seed = f"{variant[0]}-layout-{variant[1]}"
    blocks = report_layout.layout(rng, report)
    if fmt == "pdf":
        render.to_pdf(rng, blocks, path, report.name)
    elif fmt == "html":
        _write_text(path, render.to_html(rng, blocks), "utf-8")
    elif fmt == "txt":
        _write_text(path, render.to_text(rng, blocks, report.name), "utf-8")
    else:
        _write_text(path, render.to_tsv(rng, blocks), "utf-8")
    return report, blocks.notes


def _entry(out: Path, manifest: list[dict], doc_id: str, path: Path, kind: str, truth: dict,
           extractor: str | None = None) -> None:
    truth["id"] = doc_id
    (out / "truth" / f"{doc_id}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    manifest.append({"id": doc_id, "file": str(path.relative_to(out)), "set": kind, "part": part(doc_id),
                     "extractor": extractor})


COURT_MIX = ("termination_firm", "termination_firm", "termination_person", "termination_firm_cut", "not_termination",
             "criminal", "facts", "loan", "termination_firm", "loan", "criminal", "facts")


def court_docs(rng: random.Random, out: Path, n: int, manifest: list[dict]) -> None:
    taken: set[str] = set()
    for i in range(n):
        what = COURT_MIX[i % len(COURT_MIX)]
        if what.startswith("termination"):
            doc = courts.termination(rng, taken, firm_debtor="firm" in what, cut=what.endswith("cut"))
        elif what == "not_termination":
            doc = courts.not_termination(rng, taken)
        elif what == "criminal":
            doc = courts.criminal(rng, taken)
        elif what == "facts":
            doc = courts.facts(rng)
        else:
            doc = courts.loan(rng, taken)
        fmt = rng.choice(("utf8", "gbk", "html")) if what != "facts" else rng.choice(("utf8", "gbk"))
        doc_id = f"ct-{i:03d}-{what}-{fmt}"
        path = out / "docs" / "courts" / f"{doc_id}{'.html' if fmt == 'html' else '.txt'}"
        if fmt == "html":
            _write_text(path, _court_html(rng, doc.lines), "utf-8")
        else:
            _write_text(path, "\n".join(doc.lines) + "\n", "gbk" if fmt == "gbk" else "utf-8")
        _entry(out, manifest, doc_id, path, "court", doc.truth | {"format": fmt},
               extractor="judgment" if what == "facts" else None)


def lists(rng: random.Random, out: Path, n: int, manifest: list[dict], seed: int = 12) -> None:
    """List files; a firm of an earlier file of the same part may come back (cross-file pairs
    are measured within a part)."""
    taken: set[str] = set()
    earlier: dict[str, list[dict]] = {"dev": [], "test": []}
    for i in range(n):
        fmt = ("json", "csv_utf8", "csv_gbk")[i % 3]
        doc_id = f"ls-{i:03d}-{fmt}"
        records, truth = dishonest.cluster(rng, taken, random.Random(f"{seed}-list-variant-{i}"), earlier[part(doc_id)])
        path = out / "docs" / "lists" / f"{doc_id}{'.json' if fmt == 'json' else '.csv'}"
        path.write_bytes(dishonest.as_json(records) if fmt == "json"
                         else dishonest.as_csv(records, "gbk" if fmt == "csv_gbk" else "utf-8"))
        _entry(out, manifest, doc_id, path, "dishonest", truth | {"format": fmt})


def generate(out: Path, seed: int = 12, n_reports: int = 56, n_courts: int = 72, n_lists: int = 24) -> list[dict]:
    """Write the corpus into out (made if missing) and return the manifest. The same seed and
    counts give the same files, byte for byte (PDFs are written invariant: no date, no
    random document id)."""
    for sub in ("docs/reports", "docs/courts", "docs/lists", "truth"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    manifest: list[dict] = []
    reports(random.Random(f"{seed}-reports"), out, n_reports, manifest, seed)
    court_docs(random.Random(f"{seed}-courts"), out, n_courts, manifest)
    lists(random.Random(f"{seed}-lists"), out, n_lists, manifest, seed)
    (out / "manifest.json").write_text(json.dumps({"seed": seed, "documents": manifest}, ensure_ascii=False, indent=1),
                                       encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--reports", type=int, default=56)
    ap.add_argument("--courts", type=int, default=72)
    ap.add_argument("--lists", type=int, default=24)
    a = ap.parse_args()
    manifest = generate(a.out, a.seed, a.reports, a.courts, a.lists)
    print(f"{len(manifest)} documents in {a.out} "
          f"({sum(m['part'] == 'dev' for m in manifest)} dev, {sum(m['part'] == 'test' for m in manifest)} test)")


if __name__ == "__main__":
    main()
