"""Precision, recall and F1 per field on the blind corpus (bench/blind), dev and test side by
side, with the counts, through the public path only: the documents are ingested with
cscs.api.Graph into a temporary store, and every figure is read back out of the graph with
SPARQL (the queries below use the ontology's terms, as queries/*.rq do).

    python bench/blind_accuracy.py [--seed 12] [--corpus DIR] [--store DIR] [--errors dev]
    python bench/blind_accuracy.py --json figures.json

The corpus was written without reading the extractors or the project's generators; it is
split into dev and test by a hash of the document id (bench.blind.corpus.part). Show
extractor owners the dev errors only (``--errors dev``; FINDINGS.md); quote test.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.blind import corpus  # noqa: E402
from cscs.api import Graph  # noqa: E402

PREFIXES = """PREFIX cscs: <https://w3id.org/cscs/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rov: <http://www.w3.org/ns/regorg#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

Q_FIRMS = PREFIXES + """
SELECT ?title ?firm ?name ?code WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?firm a cscs:Enterprise ; cscs:stockCode ?code . OPTIONAL { ?firm rov:legalName ?name } } }"""

Q_OFFICERS = PREFIXES + """
SELECT ?title ?name ?role ?current WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?firm cscs:stockCode ?code . ?m org:organization ?firm ; org:member ?p ; org:role ?role . ?p foaf:name ?name .
  OPTIONAL { ?m cscs:currentPost ?current }
  FILTER(?role IN (cscs:Chairman, cscs:Director, cscs:IndependentDirector, cscs:Supervisor, cscs:GeneralManager,
                   cscs:SeniorManager)) } }"""

Q_CONTROL = PREFIXES + """
SELECT ?title ?nature ?controller WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?c a cscs:ControlStatement ; cscs:controllerNature ?nature . OPTIONAL { ?c cscs:controllerName ?controller } } }"""

Q_HOLDERS = PREFIXES + """
SELECT ?title ?holder ?nature WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?h a cscs:Shareholding ; cscs:holderName ?holder . OPTIONAL { ?h cscs:holderNature ?nature } } }"""

Q_POSTS = PREFIXES + """
SELECT ?title ?name ?kind ?level ?session ?role ?current ?inFirm WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?m org:organization ?body ; org:member ?p ; org:role ?role . ?body a cscs:PartyStateBody . ?p foaf:name ?name .
  OPTIONAL { ?body cscs:bodyKind ?kind } OPTIONAL { ?body cscs:bodyLevel ?level } OPTIONAL { ?m cscs:bodySession ?session }
  OPTIONAL { ?m cscs:currentPost ?current } BIND(EXISTS { ?body cscs:withinEnterprise ?f } AS ?inFirm) } }"""

Q_FIGURES = PREFIXES + """
SELECT ?title ?item ?year ?value WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?f a cscs:FinancialFigure ; cscs:financialItem ?item ; cscs:valueYuan ?value . OPTIONAL { ?f cscs:fiscalYear ?year } } }"""

Q_DECISIONS = PREFIXES + """
SELECT ?title ?number ?court ?financing WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?j a cscs:CourtDecision . OPTIONAL { ?j dcterms:identifier ?number }
  OPTIONAL { ?j cscs:court ?c . ?c skos:prefLabel ?court } OPTIONAL { ?j cscs:relatesToFinancing ?financing } } }"""

Q_PARTIES = PREFIXES + """
SELECT ?title ?name ?role ?rep WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?j a cscs:CourtDecision ; cscs:hasParty ?cp . ?cp cscs:partyName ?name . OPTIONAL { ?cp cscs:litigationRole ?role }
  OPTIONAL { ?cp cscs:representedBy ?r . ?r foaf:name ?rep } } }"""

Q_JOINT = PREFIXES + """
SELECT ?title ?name WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?a a cscs:MonetaryAward ; cscs:jointlyLiable ?cp . ?cp cscs:partyName ?name } }"""

Q_RECORDS = PREFIXES + """
SELECT ?title ?case ?subject ?name ?kind ?isFirm WHERE { GRAPH ?d { ?d a cscs:SourceDocument ; dcterms:title ?title .
  ?r cscs:recordKind ?kind ; cscs:subject ?subject . OPTIONAL { ?r cscs:caseNumber ?case } OPTIONAL { ?r cscs:subjectName ?name }
  BIND(EXISTS { ?subject a cscs:Enterprise } AS ?isFirm) } }"""

Q_LINKS = PREFIXES + "SELECT ?s ?t WHERE { GRAPH ?g { ?s cscs:resolvedTo ?t } }"

NS = "https://w3id.org/cscs/ns#"
LEVELS = {"NationalLevel": "national", "ProvincialLevel": "provincial", "MunicipalLevel": "municipal",
          "CountyLevel": "county"}


def local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1]


def norm(name: object) -> str:
    """Names compared as a reader would: bracket width and spaces do not matter."""
    return re.sub(r"\s+", "", str(name)).replace("（", "(").replace("）", ")")


def court_norm(name: object) -> str:
    return re.sub(r"^[^省]{2,3}省", "", norm(name))


def truthy(value: object) -> bool | None:
    if value is None:
        return None
    return str(value).lower() in ("true", "1")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (doc id, "missed"/"spurious", item)

    def add(self, doc: str, expected: set, found: set) -> None:
        self.tp += len(expected & found)
        for item in sorted(map(str, found - expected)):
            self.fp += 1
            self.errors.append((doc, "spurious", item))
        for item in sorted(map(str, expected - found)):
            self.fn += 1
            self.errors.append((doc, "missed", item))

    def prf(self) -> tuple[float | None, float | None, float | None]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        return p, r, f


class Scores:
    """Tallies per (field, part)."""

    def __init__(self) -> None:
        self.t: dict[tuple[str, str], Tally] = defaultdict(Tally)
        self.order: list[str] = []

    def add(self, fld: str, part: str, doc: str, expected: set, found: set) -> None:
        if fld not in self.order:
            self.order.append(fld)
        self.t[(fld, part)].add(doc, expected, found)


def by_title(rows: object) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:  # type: ignore[attr-defined]
        out[str(row["title"])].append(row)
    return out


# --- annual reports ------------------------------------------------------------------

def narrowest(roles: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """A chairman is a director and a general manager a senior manager: the wider role beside
    the narrower one is neither required nor an error (in the truth and in the graph alike)."""
    chairs = {n for n, role in roles if role == "Chairman"}
    heads = {n for n, role in roles if role == "GeneralManager"}
    return {(n, role) for n, role in roles
            if not (role == "Director" and n in chairs) and not (role == "SeniorManager" and n in heads)}


def score_report(s: Scores, part: str, t: dict, q: dict[str, dict[str, list[dict]]], title: str) -> None:
    doc = t["id"]
    firms = q["firms"].get(title, [])
    s.add("report: stock code", part, doc, {t["stock_code"]}, {str(r["code"]) for r in firms})
    s.add("report: firm name", part, doc, {norm(t["firm"])}, {norm(r["name"]) for r in firms if r.get("name")})
    officers = q["officers"].get(title, [])
    found_roles = narrowest({(norm(r["name"]), local(r["role"])) for r in officers})
    exp_roles = narrowest({(norm(o["name"]), role) for o in t["officers"] for role in o["roles"]})
    s.add("report: officer (name)", part, doc, {norm(o["name"]) for o in t["officers"]}, {n for n, _ in found_roles})
    s.add("report: officer role", part, doc, exp_roles, found_roles)
    s.add("report: independent director", part, doc, {norm(o["name"]) for o in t["officers"] if o["independent"]},
          {n for n, role in found_roles if role == "IndependentDirector"})
    current: dict[str, bool] = {}
    for r in officers:  # a person is current when any of his posts in the firm is
        flag = truthy(r.get("current"))
        name = norm(r["name"])
        current[name] = current.get(name, False) or flag is not False
    s.add("report: current/former", part, doc, {(norm(o["name"]), o["current"]) for o in t["officers"]},
          set(current.items()))
    control = q["control"].get(title, [])
    natures = {local(r["nature"]) for r in control}
    s.add("report: controller nature", part, doc, {t["controller_nature"]}, natures)
    controllers = t.get("controllers", [t["controller"]] if t["controller"] else [])
    if controllers:  # a family is two controllers, in one controllerName each or in one joined by 、
        s.add("report: controller name", part, doc, {norm(c) for c in controllers},
              {norm(n) for r in control if r.get("controller") for n in re.split(r"[、，,；;]", str(r["controller"]))
               if n.strip()})
    soe = {n in ("CentralStateController", "LocalStateController") for n in natures}
    s.add("report: SOE", part, doc, {t["soe"]}, soe)
    s.add("report: top-ten holder (name, nature)", part, doc, {(norm(h["name"]), h["nature"]) for h in t["holders"]},
          {(norm(r["holder"]), local(r["nature"]) if r.get("nature") else None) for r in q["holders"].get(title, [])})
    posts = q["posts"].get(title, [])
    outside = [r for r in posts if not truthy(r.get("inFirm"))]
    s.add("report: political post (person, body kind, level)", part, doc,
          {(norm(p["person"]), p["kind"], p["level"]) for p in t["political_posts"]},
          {(norm(r["name"]), local(r.get("kind")), LEVELS.get(local(r.get("level")), None)) for r in outside})
    s.add("report: political post current/former", part, doc,
          {(norm(p["person"]), p["kind"], p["level"], p["current"]) for p in t["political_posts"]},
          {(norm(r["name"]), local(r.get("kind")), LEVELS.get(local(r.get("level")), None), truthy(r.get("current")))
           for r in outside})
    s.add("report: political post session", part, doc,
          {(norm(p["person"]), p["kind"], p["session"]) for p in t["political_posts"] if p["session"]},
          {(norm(r["name"]), local(r.get("kind")), int(r["session"])) for r in outside if r.get("session") is not None})
    s.add("report: firm party secretary", part, doc, {norm(n) for n in t["party_secretary"]},
          {norm(r["name"]) for r in posts if truthy(r.get("inFirm")) and local(r["role"]) == "PartySecretary"})
    figures = q["figures"].get(title, [])
    for item, value in t["financials"].items():
        s.add(f"report: {item} (yuan)", part, doc, {round(Decimal(str(value)), 2)},
              {round(Decimal(str(r["value"])), 2) for r in figures if local(r["item"]) == item
               and (r.get("year") is None or int(r["year"]) == t["year"])})


# --- court documents -------------------------------------------------------------------

def score_court(s: Scores, part: str, t: dict, q: dict[str, dict[str, list[dict]]], title: str) -> None:
    doc = t["id"]
    kind = t["doc_kind"]
    decisions = q["decisions"].get(title, [])
    if t["case_number"]:
        s.add("court: case number", part, doc, {norm(t["case_number"])}, {norm(r["number"]) for r in decisions
                                                                           if r.get("number")})
        s.add("court: court", part, doc, {court_norm(t["court"])}, {court_norm(r["court"]) for r in decisions
                                                                     if r.get("court")})
    parties = q["parties"].get(title, [])
    if kind != "facts":
        s.add("court: party (name, role)", part, doc, {(norm(p["name"]), p["role"]) for p in t["parties"]},
              {(norm(r["name"]), str(r.get("role"))) for r in parties})
        s.add("court: legal representative (firm, person)", part, doc,
              {(norm(x["firm"]), norm(x["person"])) for x in t["legal_reps"]},
              {(norm(r["name"]), norm(r["rep"])) for r in parties if r.get("rep")})
    if t["financing"] is not None:
        s.add("court: relates to financing", part, doc, {t["financing"]},
              {truthy(r["financing"]) for r in decisions if r.get("financing") is not None})
    records = [r for r in q["records"].get(title, []) if truthy(r.get("isFirm"))]
    defaults = {(norm(r.get("name")), local(r["kind"])) for r in records
                if local(r["kind"]) in ("JudgmentDefault", "FinancingJudgmentDefault")}
    expected = {(norm(f), t["record_kind"]) for f in t["default_firms"]}
    s.add("court: judgment-default record of a firm (firm, kind)", part, doc, expected, defaults)
    s.add("court: judgment-default record of a firm (firm)", part, doc, {f for f, _ in expected}, {f for f, _ in defaults})
    crimes = {(norm(r.get("name")), local(r["kind"])) for r in records if local(r["kind"]) in ("CriminalRecord", "FinancingCrime")}
    s.add("court: criminal record of a firm (firm, kind)", part, doc,
          {(norm(f), t["record_kind"]) for f in t["crime_firms"]}, crimes)
    if kind in ("criminal", "facts"):
        s.add("court: accused", part, doc, {norm(a) for a in t["accused"]},
              {norm(r["name"]) for r in parties if str(r.get("role")) == "accused"})
    if kind == "loan":
        s.add("court: guarantor (jointly liable)", part, doc, {norm(g) for g in t["guarantors"]},
              {norm(r["name"]) for r in q["joint"].get(title, [])})


# --- dishonest lists -------------------------------------------------------------------

def canonical(links: dict[str, str], node: str) -> str:
    seen = set()
    while node in links and node not in seen:
        seen.add(node)
        node = links[node]
    return node


def same_firm(a: dict, b: dict) -> bool:
    """Two labelled records are one firm when the truth gives them one USCC (older truth: both
    are the file's firm)."""
    if "uscc" in a and "uscc" in b:
        return a["uscc"] == b["uscc"]
    return a["entity"] == b["entity"] == "firm"


def score_across(s: Scores, lists: list[tuple[str, dict]], q: dict[str, dict[str, list[dict]]],
                 links: dict[str, str]) -> None:
    """Same-firm pairs between list files of one part: a firm of one file that comes back in
    another under another form of its code (pairs straddling dev and test are not counted)."""
    cases = {}
    for title, t in lists:
        cases[t["id"]] = {norm(r["case"]): canonical(links, str(r["subject"])) for r in q["records"].get(title, [])
                          if r.get("case")}
    for i, (_, ta) in enumerate(lists):
        for _, tb in lists[i + 1:]:
            if corpus.part(ta["id"]) != corpus.part(tb["id"]):
                continue
            expected, found = set(), set()
            for a in ta["records"]:
                for b in tb["records"]:
                    pair = (a["case"], b["case"])
                    if same_firm(a, b):
                        expected.add(pair)
                    ca, cb = cases[ta["id"]].get(norm(a["case"])), cases[tb["id"]].get(norm(b["case"]))
                    if ca is not None and ca == cb:
                        found.add(pair)
            s.add("list: same-firm pairs across files", corpus.part(ta["id"]), f"{ta['id']}|{tb['id']}", expected, found)


def score_list(s: Scores, part: str, t: dict, q: dict[str, dict[str, list[dict]]], title: str,
               links: dict[str, str]) -> None:
    doc = t["id"]
    by_case = {norm(r["case"]): canonical(links, str(r["subject"])) for r in q["records"].get(title, []) if r.get("case")}
    labels = t["records"]
    s.add("list: firm record read", part, doc, {norm(r["case"]) for r in labels}, {c for c in by_case if c in
                                                                                   {norm(r["case"]) for r in labels}})
    expected, found = set(), set()
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            pair = tuple(sorted((a["case"], b["case"])))
            if same_firm(a, b):
                expected.add(pair)
            ca, cb = by_case.get(norm(a["case"])), by_case.get(norm(b["case"]))
            if ca is not None and ca == cb:
                found.add(pair)
    s.add("list: same-firm pairs", part, doc, expected, found)


# --- running ----------------------------------------------------------------------------

def ingest(graph: Graph, root: Path, manifest: list[dict]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Ingest every document; the fact sentences (no header) name their extractor. Returns
    each document's outcome (ok, rejected, or nothing: added, but not one fact) and the
    warnings ingest gave for it."""
    outcome: dict[str, str] = {}
    warnings: dict[str, list[str]] = {}
    plain = [root / m["file"] for m in manifest if not m["extractor"]]
    named = [root / m["file"] for m in manifest if m["extractor"]]
    reports = graph.ingest(plain, resolve=False) + graph.ingest(named, extractor="judgment", resolve=False)
    graph.resolve()
    ids = {Path(m["file"]).name: m["id"] for m in manifest}
    for r in reports:
        c = r.counts
        empty = (c.records + c.enterprises + c.persons) == 0
        outcome[ids[r.path.name]] = ("rejected" if r.status == "rejected" else
                                     "nothing" if empty and r.status != "unchanged" else "ok")
        warnings[ids[r.path.name]] = [str(p) for p in r.problems] + ([r.error] if r.error else [])
    return outcome, warnings


def measure(root: Path, store: Path) -> tuple[Scores, dict[str, str], dict[str, list[str]], list[dict]]:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))["documents"]
    graph = Graph(path=store)
    outcome, warnings = ingest(graph, root, manifest)
    q = {"firms": Q_FIRMS, "officers": Q_OFFICERS, "control": Q_CONTROL, "holders": Q_HOLDERS, "posts": Q_POSTS,
         "figures": Q_FIGURES, "decisions": Q_DECISIONS, "parties": Q_PARTIES, "joint": Q_JOINT, "records": Q_RECORDS}
    rows = {k: by_title(graph.query(v)) for k, v in q.items()}
    links = {str(r["s"]): str(r["t"]) for r in graph.query(Q_LINKS)}
    scores = Scores()
    lists: list[tuple[str, dict]] = []
    for m in manifest:
        truth = json.loads((root / "truth" / f"{m['id']}.json").read_text(encoding="utf-8"))
        title = Path(m["file"]).name
        if m["set"] == "annual_report":
            score_report(scores, m["part"], truth, rows, title)
        elif m["set"] == "court":
            score_court(scores, m["part"], truth, rows, title)
        else:
            score_list(scores, m["part"], truth, rows, title, links)
            lists.append((title, truth))
    score_across(scores, lists, rows, links)
    return scores, outcome, warnings, manifest


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def table(scores: Scores, outcome: dict[str, str], manifest: list[dict]) -> str:
    lines = [f"{'field':58} | {'dev P':>5} {'R':>5} {'F1':>5} {'tp/fp/fn':>10} | {'test P':>6} {'R':>5} {'F1':>5} "
             f"{'tp/fp/fn':>10}"]
    for fld in scores.order:
        cells = []
        for part in ("dev", "test"):
            t = scores.t[(fld, part)]
            p, r, f = t.prf()
            cells.append(f"{fmt(p):>5} {fmt(r):>5} {fmt(f):>5} {f'{t.tp}/{t.fp}/{t.fn}':>10}")
        lines.append(f"{fld:58} | {cells[0]} | {cells[1]}")
    lines.append("")
    for part in ("dev", "test"):
        docs = [m for m in manifest if m["part"] == part]
        per_set = {k: sum(m["set"] == k for m in docs) for k in ("annual_report", "court", "dishonest")}
        bad = {k: sum(outcome.get(m["id"]) == k for m in docs) for k in ("rejected", "nothing")}
        lines.append(f"{part}: {len(docs)} documents ({per_set['annual_report']} annual reports, {per_set['court']} court "
                     f"documents, {per_set['dishonest']} list files); rejected {bad['rejected']}, "
                     f"produced nothing {bad['nothing']}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--corpus", type=Path, help="an existing corpus (else one is generated from --seed)")
    ap.add_argument("--store", type=Path, help="store directory (else a temporary one)")
    ap.add_argument("--errors", choices=("dev", "test"), help="list the failures of one part")
    ap.add_argument("--json", type=Path, help="write the figures as JSON")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="cscs-blind-") as tmp:
        root = a.corpus or Path(tmp) / "corpus"
        if a.corpus is None:
            corpus.generate(root, seed=a.seed)
        store = a.store or Path(tmp) / "store"
        scores, outcome, warnings, manifest = measure(root, store)
        print(f"blind corpus {root} (seed {a.seed if a.corpus is None else 'as given'})")
        print(table(scores, outcome, manifest))
        if a.errors:
            print(f"\nfailures, {a.errors} part:")
            for fld in scores.order:
                for doc, what, item in scores.t[(fld, a.errors)].errors:
                    print(f"{fld}\t{doc}\t{what}\t{item}")
            for doc, what in sorted(outcome.items()):
                if corpus.part(doc) == a.errors:
                    if what != "ok":
                        print(f"document\t{doc}\t{what}")
                    for w in warnings.get(doc, []):
                        print(f"warning\t{doc}\t{w}")
        if a.json:
            a.json.write_text(json.dumps({fld: {part: dict(zip(("tp", "fp", "fn"), (scores.t[(fld, part)].tp,
                                                                                   scores.t[(fld, part)].fp,
                                                                                   scores.t[(fld, part)].fn)))
                                                for part in ("dev", "test")} for fld in scores.order},
                                         ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
