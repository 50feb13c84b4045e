"""The SPARQL scores of a whole generated population equal an independent Python
computation from the generator's ground truth (truth.json) and the rubric's data.

This is the end-to-end check: documents in five formats → readers → extractors →
graph → score.rq, against a scorer that shares none of that code.
"""

from __future__ import annotations

import json
import tomllib
from datetime import date

import pytest
from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.graph.queries import load
from cscs.sample import generate

AS_OF = date(2024, 6, 30)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def expected_hits(truth: dict, rubric: dict, day: date) -> dict[str, dict[str, int]]:
    """Firm USCC → indicator → how many records count for it, from the truth file and the rubric TOML."""
    persons_roles: dict[str, list[tuple[str, str, date | None, date | None]]] = {}
    for firm in truth["firms"]:
        for role in firm["roles"]:
            persons_roles.setdefault(role["person"], []).append(
                (firm["uscc"], role["role"], _day(role["start"]), _day(role["end"])))
    assert truth["persons"]  # the population has people
    defaults = rubric["defaults"]
    return {firm["uscc"]: {
        name: sum(1 for r in truth["records"] if r["kind"] in rules["kinds"] and r["counts"]
                  and _in_force(r, day) and _reaches(r, firm["uscc"], rules, persons_roles, day))
        for name, rules in ((n, {**defaults, **r}) for n, r in rubric["indicators"].items())}
        for firm in truth["firms"]}


def expected_scores(truth: dict, rubric: dict, day: date) -> dict[str, int]:
    """Each firm's total, computed directly from the truth file and the rubric TOML."""
    defaults = rubric["defaults"]
    totals = {}
    for uscc, per_indicator in expected_hits(truth, rubric, day).items():
        total = 0
        for name, rules in rubric["indicators"].items():
            rules = {**defaults, **rules}
            hits = per_indicator[name]
            maximum = MAX_POINTS[name]
            moved = min(maximum, hits * rules["points_per_record"]) if rules["rule"] == "per-record" \
                else (maximum if hits else 0)
            total += maximum - moved if rules["polarity"] == "negative" else moved
        totals[uscc] = total
    return totals


def _in_force(record: dict, day: date) -> bool:
    return (_day(record["valid_from"]) <= day < _day(record["valid_until"])
            and not (record["removed_on"] and _day(record["removed_on"]) <= day)
            and not (record["repaired_on"] and _day(record["repaired_on"]) <= day))


def _reaches(record: dict, uscc: str, rules: dict, roles: dict, day: date) -> bool:
    if rules.get("scope", "firm") == "firm":
        return record["subject_type"] == "firm" and record["subject"] == uscc
    if record["subject_type"] != "person":
        return False
    return any(firm == uscc and role in rules["roles"] and (start is None or start <= day)
               and (end is None or day < end)
               for firm, role, start, end in roles.get(record["subject"], []))


MAX_POINTS = {
    "Serious Dishonest Key Personnel": 20, "Key Personnel Failed to Satisfy a Court Judgment": 20,
    "Abnormal Operations": 20, "Abnormal Taxpayer": 20,
    "Failure to Satisfy a Court Judgment Relating to Financing": 50,
    "Criminal Liability Relating to Financing": 60, "Debt Evasion": 15, "Registration of Equity": 10,
    "Social Insurance Payment": 30, "Tax payment": 30, "Supervisory Spot Checks": 30,
    "Safety Hazards": 30, "Environmental Protection (indicator name not published)": 30,
    "Administrative Penalty": 90, "Administrative Enforcement": 60, "Administrative Commitment": 20,
    "Other Non-compliance Records": 30, "Failure to Satisfy a Court Judgment": 50,
    "Other Criminal Records": 60, "Frivolous Litigation": 20,
    "List of Enterprises with Serious Dishonest Acts": 120, "Volunteer Service": 30, "Donations": 35,
    "Red-list": 60, "Honors and Awards": 60,
}


@pytest.fixture(scope="module")
def population(tmp_path_factory) -> tuple[Graph, dict, dict]:
    corpus = tmp_path_factory.mktemp("corpus")
    generate(corpus, firms=120, seed=11, as_of=AS_OF)
    graph = Graph(memory=True)
    documents = [shipped_rubric(), *sorted(p for p in corpus.iterdir() if p.name != "truth.json")]
    reports = graph.ingest(documents)
    assert [r.error for r in reports if r.status != "added"] == []
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    rubric = tomllib.loads(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8"))
    return graph, truth, rubric


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1), date(2019, 6, 30)])
def test_every_firm_scores_as_computed_from_truth(population, day: date) -> None:
    graph, truth, rubric = population
    expected = expected_scores(truth, rubric, day)
    actual = {s.uscc: s.total for s in graph.score(as_of=day) if s.uscc in expected}
    assert set(actual) == set(expected)
    wrong = {uscc: (actual[uscc], expected[uscc]) for uscc in expected if actual[uscc] != expected[uscc]}
    assert wrong == {}
    assert len(set(expected.values())) > 5  # the population really spreads over scores


def test_categories_sum_to_total_and_indicators_agree(population) -> None:
    graph, _, _ = population
    scores = graph.score(as_of=AS_OF)
    for s in scores:
        assert sum(c.points for c in s.categories) == s.total
    lowest = min(scores, key=lambda s: s.total)
    explanation = graph.explain(lowest.firm, AS_OF)
    assert sum(i.points for i in explanation.indicators) == lowest.total
    assert explanation.total == lowest.total


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1), date(2019, 6, 30)])
def test_every_explanation_equals_the_score(population, day: date) -> None:
    """The explanation and one firm's score are read in parts (cscs.explaining): for
    every firm their total, grade, categories and indicator points equal score.rq and
    indicators.rq, and each indicator's counted records are those it lists as counted."""
    graph, truth, rubric = population
    expected = expected_scores(truth, rubric, day)
    per_indicator = {(str(r["firm"]), str(r["indicator"])): (r["points"], r["records"]) for r in graph.query(
        load("indicators"), rubric=NamedNode(graph.rubric()), asOf=day)}
    for s in graph.score(as_of=day):
        why = graph.explain(s.firm, day)
        assert (why.total, why.grade, why.name, why.uscc) == (s.total, s.grade, s.name, s.uscc), s.firm
        assert [(c.category, c.label, c.points, c.max) for c in why.categories] == \
            [(c.category, c.label, c.points, c.max) for c in s.categories], s.firm
        assert len(why.indicators) == 25
        (one,) = graph.score(s.firm, day)  # one firm's score is read the explanation's way
        assert (one.total, one.grade, one.categories) == (s.total, s.grade, s.categories), s.firm
        for ind in why.indicators:
            assert (ind.points, ind.counted) == per_indicator[(s.firm, ind.indicator)], (s.firm, ind.notation)
            counted = {e.record for e in ind.evidence if e.status == "counted"}
            assert len(counted) == ind.counted, (s.firm, ind.notation)
        if s.uscc in expected:
            assert why.total == expected[s.uscc]


# the indicators that only court judgments reach (tests/judgments generates those)
JUDGMENT_INDICATORS = {"Failure to Satisfy a Court Judgment Relating to Financing",
                       "Criminal Liability Relating to Financing", "Failure to Satisfy a Court Judgment",
                       "Other Criminal Records", "Frivolous Litigation"}


def expected_moved(truth: dict, rubric: dict, day: date) -> dict[str, set[str]]:
    """Indicator → the USCCs of the firms whose records move it on ``day``, by the truth."""
    hits = expected_hits(truth, rubric, day)
    return {name: {uscc for uscc, per in hits.items() if per[name]} for name in rubric["indicators"]}


def moved_firms(graph: Graph, usccs: set[str], day: date) -> dict[str, set[str]]:
    """Indicator → the USCCs (of ``usccs``) whose points the graph's records move on ``day`` (indicators.rq)."""
    uscc_of = {s.firm: s.uscc for s in graph.score(as_of=day)}
    label_of = {i.indicator: i.label for i in graph.explain(next(iter(uscc_of)), day).indicators}
    moved: dict[str, set[str]] = {name: set() for name in label_of.values()}
    for row in graph.query(load("indicators"), rubric=NamedNode(graph.rubric()), asOf=day):
        if row["records"] and uscc_of.get(str(row["firm"])) in usccs:
            moved[label_of[str(row["indicator"])]].add(uscc_of[str(row["firm"])])
    return moved


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1)])
def test_every_list_indicator_moves_some_firm_as_the_truth_says(population, day: date) -> None:
    """Each indicator moves exactly the firms the truth says; on the corpus's day each of the
    20 indicators the lists reach moves at least one firm (the other five: judgments only)."""
    graph, truth, rubric = population
    moved = moved_firms(graph, {f["uscc"] for f in truth["firms"]}, day)
    assert set(moved) == set(MAX_POINTS)
    assert moved == expected_moved(truth, rubric, day)
    if day == AS_OF:
        assert {name for name, firms in moved.items() if not firms} == JUDGMENT_INDICATORS


def test_a_firms_history_from_its_intervals_is_its_score_on_every_day(population) -> None:
    """One query for the firm's intervals (record-intervals.rq), then arithmetic: the
    history's value on each change day, and on days between them, is the firm's score."""
    graph, _, _ = population
    first, last = date(2018, 1, 1), AS_OF
    moved = [s for s in graph.score(as_of=AS_OF) if s.total != graph.score(as_of=date(2000, 1, 1))[0].total]
    checked = 0
    for s in sorted(moved, key=lambda s: s.firm)[:12]:
        points = graph.history(s.firm, first, last)
        assert points[0][0] == first and points[-1][0] == last
        days = [d for d, _, _ in points]
        assert days == sorted(set(days))
        for (day, total, grade), following in zip(points, [*days[1:], None]):
            (one,) = graph.score(s.firm, day)
            assert (total, grade) == (one.total, one.grade), (s.firm, day)
            if following is not None and (following - day).days > 1:  # unchanged until the next change
                between = day + (following - day) / 2
                assert graph.score(s.firm, between)[0].total == total, (s.firm, between)
            checked += 1
    assert checked > 24  # the histories really change


# -- the population table (cscs.population): intervals in Parquet, scored by DuckDB ----------
@pytest.fixture(scope="module")
def table(population, tmp_path_factory):
    from cscs.population import Population, materialise

    graph, _, _ = population
    return Population(materialise(graph.store, graph.rubric(), tmp_path_factory.mktemp("population")))


@pytest.mark.parametrize("day", [AS_OF, date(2022, 1, 1), date(2019, 6, 30)])
def test_the_population_table_scores_every_firm_as_sparql_and_the_truth(population, table, day: date) -> None:
    graph, truth, rubric = population
    frame = table.scores(day, categories=True).set_index("firm")
    sparql = graph.score(as_of=day)
    assert set(frame.index) == {s.firm for s in sparql}
    for s in sparql:
        row = frame.loc[s.firm]
        assert (row["total"], row["grade"], row["identifier"]) == (s.total, s.grade, s.uscc), s.firm
        assert {c.category: c.points for c in s.categories} == {c: row[c] for c in table.categories()}, s.firm
    expected = expected_scores(truth, rubric, day)
    by_uscc = frame.set_index("identifier")["total"]
    assert {u: by_uscc[u] for u in expected} == expected


def test_a_variant_of_the_points_scores_as_the_truth_with_that_rubric(population, table) -> None:
    from cscs.population import Change, Variant

    graph, truth, rubric = population
    notation = {str(r["label"]): str(r["indicator"]) for _, r in table.indicators.iterrows()}
    changed = {**rubric, "indicators": {**rubric["indicators"], "Administrative Penalty": {
        **rubric["indicators"]["Administrative Penalty"], "points_per_record": 45}, "Abnormal Operations": {
        **rubric["indicators"]["Abnormal Operations"], "rule": "per-record", "points_per_record": 5}}}
    changes = {notation["Administrative Penalty"]: Change(per_record=45),
               notation["Abnormal Operations"]: Change(per_record=5, all_or_nothing=False)}
    cut = float(table.scores(AS_OF, Variant(changes))["total"].median())
    frame = table.scores(AS_OF, Variant(changes, bands=[("top", cut, 1001), ("rest", -1000, cut)])
                         ).set_index("identifier")
    expected = expected_scores(truth, changed, AS_OF)
    assert {u: frame.loc[u, "total"] for u in expected} == expected
    assert expected != expected_scores(truth, rubric, AS_OF)  # the variant moved some firms
    assert set(frame["grade"]) == {"top", "rest"}
    assert all((g == "top") == (t >= cut) for g, t in zip(frame["grade"], frame["total"]))


def test_a_what_if_overlay_moves_only_its_firm_and_leaves_the_store_alone(population, table) -> None:
    from cscs.population import Overlay

    graph, _, _ = population
    before = table.scores(AS_OF).set_index("firm")["total"]
    moved = table.indicator_points(AS_OF)
    one = moved[(moved["counted"] == 1) & (moved["delta"] < 0)].sort_values(["firm", "indicator"]).iloc[0]
    why = graph.explain(one["firm"], AS_OF)
    (indicator,) = [i for i in why.indicators if i.indicator == one["indicator"]]
    (record,) = [e.record for e in indicator.evidence if e.status == "counted"]
    repaired = table.scores(AS_OF, overlay=Overlay(ended={record: date(2024, 1, 1)})).set_index("firm")["total"]
    assert repaired[one["firm"]] == before[one["firm"]] - one["delta"]
    assert (repaired.drop(one["firm"]) == before.drop(one["firm"])).all()
    assert table.scores(AS_OF, overlay=Overlay(ended={record: date(2025, 1, 1)}))["total"].tolist() == \
        before.tolist()  # repaired after the date: still counted on it
    clean = before[before == before.max()].index[0]
    added = table.scores(AS_OF, overlay=Overlay(added=[("AbnormalOperation", clean, date(2024, 1, 1))]))
    assert added.set_index("firm").loc[clean, "total"] == before[clean] - 20
    assert graph.score(clean, AS_OF)[0].total == before[clean]  # the store is untouched


def test_the_table_knows_when_the_store_changed(population, table, tmp_path) -> None:
    from cscs.population import is_current

    graph, _, _ = population
    assert is_current(graph.store, table.folder)
    other = Graph(memory=True)
    other.ingest([shipped_rubric()])
    from cscs.population import materialise
    folder = materialise(other.store, other.rubric(), tmp_path)
    extra = tmp_path / "extra.csv"
    extra.write_text("企业名称,统一社会信用代码,列入日期,列入原因,作出决定机关\n"
                     "杭州过期有限公司,91330100MA2XXXXX0X,2023-01-01,无法联系,杭州市市场监督管理局\n", encoding="utf-8")
    assert is_current(other.store, folder)
    other.ingest([extra])
    assert not is_current(other.store, folder)


def test_a_validity_window_variant_ends_the_intervals_there(population, table) -> None:
    from cscs.population import Change, Variant

    windowed = table.indicators[table.indicators["months"].notna()]
    assert len(windowed) > 10
    same = Variant({r["indicator"]: Change(months=int(r["months"])) for _, r in windowed.iterrows()})
    assert table.scores(AS_OF, same)["total"].tolist() == table.scores(AS_OF)["total"].tolist()
    none = Variant({r["indicator"]: Change(months=0) for _, r in windowed.iterrows()})
    moved = table.indicator_points(AS_OF)
    kept = moved[~moved["indicator"].isin(set(windowed["indicator"]))].groupby("firm")["delta"].sum()
    base = float((table.indicators["max"] * table.indicators["negative"]).sum())
    totals = table.scores(AS_OF, none).set_index("firm")["total"]
    assert totals.to_dict() == {f: base + kept.get(f, 0.0) for f in totals.index}
    assert len(kept) < len(moved["firm"].unique())  # the windowed indicators moved some firms
