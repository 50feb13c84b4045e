"""What the graph says about listed firms, field by field, against what a labelled set says.

Shared by ``bench/disclosure_accuracy.py`` (which prints precision and recall per field)
and the tests (which hold them to thresholds), so that both measure the same thing.
Fields are sets of comparable tuples: a found tuple that is in the labels is correct;
numbers are compared within a tolerance (``close``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from cscs.api import Graph
from cscs.extract.names import simplified
from cscs.graph.queries import load

# the prefixes of the check-*.rq queries, for tests that ask the graph more
PREFIXES = """PREFIX cscs: <https://w3id.org/cscs/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_LEVELS = {"NationalLevel": "national", "ProvincialLevel": "provincial", "MunicipalLevel": "municipal",
           "CountyLevel": "county"}


@dataclass
class Score:
    field: str
    source: str
    labelled: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def compare(field: str, source: str, found: Iterable[tuple], labelled: Iterable[tuple]) -> Score:
    found_set, labelled_set = set(found), set(labelled)
    return Score(field, source, len(labelled_set), len(found_set), len(found_set & labelled_set))


def close(found: dict[str, float], labelled: dict[str, float], field: str, source: str,
          tolerance: float) -> Score:
    """Per-firm numbers: correct when within ``tolerance`` (absolute) of the label."""
    correct = sum(1 for k, v in found.items() if k in labelled and abs(v - labelled[k]) <= tolerance)
    return Score(field, source, len(labelled), len(found), correct)


def close_relative(found: dict[str, float], labelled: dict[str, float], field: str, source: str,
                   tolerance: float) -> Score:
    """Per-item amounts: correct when within ``tolerance`` of the label, relative to it (a
    figure off by a unit is off by a factor of 1,000 or more)."""
    correct = sum(1 for k, v in found.items() if k in labelled
                  and abs(v - labelled[k]) <= tolerance * max(abs(labelled[k]), 1.0))
    return Score(field, source, len(labelled), len(found), correct)


def _name(text: object) -> str:
    return simplified("".join(str(text).split()))


def _title(row: dict) -> str:
    return str(row["title"])


# -- what the graph says, per document title -------------------------------------------------

def independent_directors(graph: Graph) -> set[tuple[str, str]]:
    rows = graph.query(load("check-independent-directors"))
    return {(_title(r), _name(r["name"])) for r in rows}


OFFICER_ROLES = ("Chairman", "Director", "IndependentDirector", "Supervisor", "GeneralManager", "SeniorManager")


def officers(graph: Graph) -> set[tuple[str, str, str]]:
    """(document, person, role) of every officer's role in a firm, current or former."""
    rows = graph.query(load("check-officers"))
    return {(_title(r), _name(r["name"]), str(r["role"]).rsplit("#", 1)[-1]) for r in rows
            if str(r["role"]).rsplit("#", 1)[-1] in OFFICER_ROLES}


def soe_status(graph: Graph) -> dict[str, float]:
    """1.0 where the document's controller is a state body, 0.0 where it is not."""
    return {title: float(nature in {"CentralStateController", "LocalStateController"})
            for title, nature in controllers(graph)}


def figures(graph: Graph) -> dict[str, float]:
    """Every stated total in yuan, by ``document|item``."""
    rows = graph.query(load("check-figures"))
    return {f"{_title(r)}|{str(r['item']).rsplit('#', 1)[-1]}": float(r["value"]) for r in rows}


def political_posts(graph: Graph) -> set[tuple[str, str, str, str]]:
    """(document, person, body, level) of posts in party-state bodies with a level, from
    firms' own disclosures (roster documents excluded)."""
    rows = graph.query(load("check-political-posts"))
    return {(_title(r), _name(r["name"]), str(r["bodyName"]), _LEVELS[str(r["level"]).rsplit("#", 1)[-1]])
            for r in rows}


def shareholders(graph: Graph) -> set[tuple[str, str, str, str]]:
    """(document, holder, nature, percent) of every disclosed shareholding."""
    rows = graph.query(load("check-shareholders"))
    return {(_title(r), str(r["holder"]), str(r["nature"]).rsplit("#", 1)[-1] if r["nature"] else "",
             f"{float(r['pct']):.2f}" if r["pct"] is not None else "") for r in rows}


def state_shares(graph: Graph) -> dict[str, float]:
    """The state's share (percent) by document: holders of nature 国家 or 国有法人."""
    out: dict[str, float] = {}
    for title, _holder, nature, pct in shareholders(graph):
        out.setdefault(title, 0.0)
        if nature in {"StateHolder", "StateOwnedLegalPerson"} and pct:
            out[title] += float(pct)
    return out


def ratios(graph: Graph) -> tuple[dict[str, float], dict[str, float]]:
    """Leverage and ROA by document, from its figures."""
    rows = graph.query(load("check-figures"))
    figures: dict[str, dict[str, float]] = {}
    for r in rows:
        figures.setdefault(_title(r), {})[str(r["item"]).rsplit("#", 1)[-1]] = float(r["value"])
    leverage = {t: f["TotalLiabilities"] / f["TotalAssets"] for t, f in figures.items()
                if {"TotalAssets", "TotalLiabilities"} <= set(f) and f["TotalAssets"]}
    roa = {t: f["NetProfit"] / f["TotalAssets"] for t, f in figures.items()
           if {"TotalAssets", "NetProfit"} <= set(f) and f["TotalAssets"]}
    return leverage, roa


def controllers(graph: Graph) -> set[tuple[str, str]]:
    rows = graph.query(load("check-controllers"))
    return {(_title(r), str(r["nature"]).rsplit("#", 1)[-1]) for r in rows}


def party_chapters(graph: Graph) -> set[tuple[str, int | None]]:
    rows = graph.query(load("check-party-chapters"))
    return {(_title(r), r["year"]) for r in rows}


def roster_links(graph: Graph) -> set[tuple[str, str, str]]:
    """(roster entry's name, its work unit, the linked officer's firm code) for every link."""
    rows = graph.query(load("check-roster-links"))
    return {(_name(r["name"]), str(r["unit"]), str(r["code"])) for r in rows}


# -- the same fields from a generated corpus's truth ----------------------------------------

_NATURES = {"国家": "StateHolder", "国有法人": "StateOwnedLegalPerson", "境内非国有法人": "DomesticNonStateLegalPerson",
            "境内自然人": "DomesticNaturalPerson", "境外法人": "ForeignLegalPerson", "其他": "OtherHolder"}
_CONTROLLERS = {"地方国资管理机构": "LocalStateController", "中央国资管理机构": "CentralStateController",
                "境内自然人": "NaturalPersonController", "不存在": "NoController"}


def report_title(firm: dict, year: int) -> str:
    suffix = {"pdf": "pdf", "html": "html"}.get(firm["report_format"], "txt")
    return f"{firm['code']}_{year}_年度报告.{suffix}"


def truth_fields(truth: dict) -> dict[str, object]:
    year = truth["fiscal_year"]
    fields: dict[str, Any] = {"officers": set(), "independent directors": set(), "political posts": set(),
                                 "SOE status": {}, "financial figures": {}, "top shareholders": set(),
                                 "state share": {}, "leverage": {}, "ROA": {}, "actual controller": set(),
                                 "party chapter": set(), "roster links": set()}
    keys = {}
    for firm in truth["firms"]:
        title = report_title(firm, year)
        for officer in firm["officers"]:
            keys[officer["key"]] = (officer["name"], firm["code"])
            for role in set(officer["roles"]) & set(OFFICER_ROLES):
                fields["officers"].add((title, officer["name"], role))
                if firm["exchange_json"] and officer["current"]:
                    fields["officers"].add((f"{firm['code']}_executives.json", officer["name"], role))
            if "独立董事" in officer["posts"]:
                fields["independent directors"].add((title, officer["name"]))
                if firm["exchange_json"] and officer["current"]:
                    fields["independent directors"].add((f"{firm['code']}_executives.json", officer["name"]))
            for post in officer["body_posts"]:
                if post["via"] != "roster":
                    fields["political posts"].add((title, officer["name"], post["body"], post["level"]))
        for h in firm["holders"]:
            fields["top shareholders"].add((title, h["name"], _NATURES[h["nature"]], f"{h['percent']:.2f}"))
        fields["state share"][title] = firm["state_share"]
        fields["SOE status"][title] = float(firm["soe"])
        for item, key in (("TotalAssets", "assets"), ("TotalLiabilities", "liabilities"), ("NetProfit", "net_profit")):
            fields["financial figures"][f"{title}|{item}"] = firm[key]
        fields["leverage"][title] = firm["leverage"]
        fields["ROA"][title] = firm["roa"]
        fields["actual controller"].add((title, _CONTROLLERS[firm["controller_nature"]]))
        if firm["clause"] == "chapter":
            fields["party chapter"].add((f"{firm['code']}_公司章程.txt", firm["clause_year"]))
    units = {}
    for entry in truth["rosters"]:
        if entry["matches"]:
            name, code = keys[entry["matches"]]
            units[(entry["name"], entry["unit"])] = code
    fields["roster links"] = {(name, unit, code) for (name, unit), code in units.items()}
    return fields


def graph_fields(graph: Graph) -> dict[str, object]:
    leverage, roa = ratios(graph)
    return {"officers": officers(graph), "independent directors": independent_directors(graph),
            "political posts": political_posts(graph), "SOE status": soe_status(graph), "financial figures": figures(graph),
            "top shareholders": shareholders(graph), "state share": state_shares(graph), "leverage": leverage,
            "ROA": roa, "actual controller": controllers(graph), "party chapter": party_chapters(graph),
            "roster links": roster_links(graph)}


TOLERANCES = {"state share": 0.011, "leverage": 0.0005, "ROA": 0.0005, "SOE status": 0.0}
RELATIVE = {"financial figures": 0.01}  # printed in 百万元 to two places; a unit off is a factor 10+


def score_all(found: dict[str, object], labelled: dict[str, object], source: str) -> list[Score]:
    scores = []
    for field, expected in labelled.items():
        got = found.get(field, set() if isinstance(expected, set) else {})
        if field in RELATIVE:
            scores.append(close_relative(got, expected, field, source, RELATIVE[field]))  # type: ignore[arg-type]
        elif isinstance(expected, dict):
            scores.append(close(got, expected, field, source, TOLERANCES[field]))  # type: ignore[arg-type]
        else:
            scores.append(compare(field, source, got, expected))  # type: ignore[arg-type]
    return scores
