"""Write the listed population's documents and a ``truth.json`` that says what they mean.

``generate_listed(out, firms=531, seed=11, effect=0.8)`` writes, under ``out``::

    reports/    one annual report per firm (text; PDF for the first few)
    charters/   one articles of association per firm (text)
    exchange/   cninfo JSON (executives + profile) for some firms
    rosters/    the provincial NPC and CPPCC rosters, the national NPC's Zhejiang delegation
    lists/      the credit lists the rubric scores
    truth.json  firms, officers and their posts, owners, figures, clauses, roster entries

The same arguments give the same bytes. ``python -m cscs.sample.listed_corpus OUT``
does it from the command line.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .listed import CONNECTING_ROLES, LEVEL_RANK, ListedPopulation, build_listed
from .listed_conversions import report_html, report_tabbed
from .listed_docs import charter_text, cninfo_executives, cninfo_introduction, report_text, write_json, write_report_pdf
from .listed_layouts import layout_of
from .listed_lists import write_lists, write_rosters

FOLDERS = ("reports", "charters", "exchange", "rosters", "lists")
#: The extractor each folder's documents are read with (``cscs ingest --as``).
EXTRACTORS = {"reports": "annual_report", "charters": "articles_of_association", "exchange": "exchange",
              "rosters": "roster", "lists": None}


@dataclass
class ListedCorpus:
    out_dir: Path
    truth_path: Path
    population: ListedPopulation

    def folder(self, name: str) -> Path:
        return self.out_dir / name


SUFFIXES = {"pdf": ".pdf", "html": ".html", "text": ".txt", "tabbed": ".txt"}


def generate_listed(out_dir: Path, firms: int = 531, seed: int = 13, effect: float = 0.8,
                    as_of: date = date(2021, 7, 1), pdf_reports: int = 4, exchange_json: int = 40,
                    family: str | None = None) -> ListedCorpus:
    """``family`` forces every report's layout family (``heldout``: the family the rules are
    measured on only, see ``listed_layouts``)."""
    out = Path(out_dir)
    for folder in FOLDERS:
        (out / folder).mkdir(parents=True, exist_ok=True)
    pop = build_listed(firms, seed, effect, as_of, pdf_reports, exchange_json)
    year = pop.fiscal_year
    stated: dict[str, bool] = {}
    layouts = {}
    for firm in pop.firms:
        report = (out / "reports" / f"{firm.code}_{year}_年度报告").with_suffix(SUFFIXES[firm.report_format])
        layout = layout_of(firm, seed, family)
        layouts[firm.key] = layout
        if firm.report_format == "pdf":
            write_report_pdf(report, firm, year, seed, layout)
        else:
            writer = {"html": report_html, "tabbed": report_tabbed}.get(firm.report_format, report_text)
            report.write_text(writer(firm, year, seed, layout), encoding="utf-8")
        charter = charter_text(firm, seed)
        stated[firm.key] = "增加第五章" in charter
        (out / "charters" / f"{firm.code}_公司章程.txt").write_text(charter, encoding="utf-8")
        if firm.exchange_json:
            write_json(out / "exchange" / f"{firm.code}_executives.json", cninfo_executives(firm, seed))
            write_json(out / "exchange" / f"{firm.code}_introduction.json", cninfo_introduction(firm))
    write_lists(pop, out / "lists")
    write_rosters(pop, out / "rosters")
    truth_path = out / "truth.json"
    truth_path.write_text(json.dumps(truth(pop, stated, layouts), ensure_ascii=False, indent=1), encoding="utf-8")
    return ListedCorpus(out, truth_path, pop)


def write_lists_for(out_dir: Path, firms: int = 531, seed: int = 13, effect: float = 0.0,
                    as_of: date = date(2021, 7, 1)) -> Path:
    """Only the credit lists of the population with another ``effect`` (every other document
    is the same as :func:`generate_listed` writes for these arguments): the null population
    for a corpus already ingested, without ingesting its disclosures again."""
    write_lists(build_listed(firms, seed, effect, as_of), Path(out_dir))
    return Path(out_dir)


def truth(pop: ListedPopulation, stated: dict[str, bool], layouts: dict | None = None) -> dict:
    firms = []
    for f in pop.firms:
        clause_year = None
        if f.clause == "chapter":
            clause_year = f.clause_year if stated[f.key] else f.charter_version.year
        firms.append({
            "key": f.key, "code": f.code, "name": f.name, "short": f.short, "uscc": f.uscc, "soe": f.soe,
            "state_share": float(f.state_share), "controller": f.controller, "controller_nature": f.controller_nature,
            "clause": f.clause, "clause_year": clause_year, "assets": float(f.assets),
            "liabilities": float(f.liabilities), "net_profit": float(f.net_profit), "leverage": f.leverage,
            "roa": f.roa, "connected": f.connected(), "report_format": f.report_format, "exchange_json": f.exchange_json,
            "layout": _layout(layouts.get(f.key)) if layouts else None,
            "records": f.records, "troubled": f.troubled,
            "holders": [{"name": h.name, "nature": h.nature, "percent": float(h.percent)} for h in f.holders],
            "officers": [{
                "key": o.key, "name": o.name, "sex": o.sex, "born": o.born, "posts": list(o.posts),
                "roles": sorted(o.roles), "current": o.current,
                "body_posts": [{"body": p.body, "kind": p.kind, "level": p.level, "role": p.role, "current": p.current,
                                "via": p.via, "connects": o.current and bool(o.roles & CONNECTING_ROLES)
                                and LEVEL_RANK[p.level] <= LEVEL_RANK["municipal"]} for p in o.body_posts],
            } for o in f.officers],
        })
    return {
        "generator": "cscs.sample.listed_corpus", "seed": pop.seed, "effect": pop.effect,
        "as_of": pop.as_of.isoformat(), "fiscal_year": pop.fiscal_year, "firms": firms,
        "rosters": [{"roster": e.roster, "name": e.name, "born": e.born, "unit": e.unit, "matches": e.matches,
                     "decoy_of": e.decoy_of} for e in pop.rosters],
    }


def _layout(layout) -> dict | None:
    return None if layout is None else {"family": layout.family, "unit": layout.unit, "control": layout.control,
                                        "joiner": layout.joiner, "groups": layout.groups}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cscs.sample.listed_corpus", description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--firms", type=int, default=531)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--effect", type=float, default=0.8)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    corpus = generate_listed(args.out, args.firms, args.seed, args.effect)
    connected = sum(f.connected() for f in corpus.population.firms)
    print(f"{len(corpus.population.firms)} firms ({connected} connected), {len(corpus.population.rosters)} roster "
          f"entries, written to {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
