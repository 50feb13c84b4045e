"""The explorer answers from the one scorer: on the demo corpus (``cscs demo``'s 200
firms), every firm page's total, grade, categories and indicator points are
``Graph.score``'s and the population table's; the compare page is ``cscs compare``'s
output, what-if included; and no module under ``cscs/web`` holds a rule of its own."""

from __future__ import annotations

import ast
import csv
import html
import io
import json
import re
from pathlib import Path

import pytest
from web_support import Client

from cscs.api import Graph
from cscs.cli import build_parser
from cscs.compare_command import run_compare
from cscs.demo import DEMO_AS_OF, run_demo
from cscs.population import open_current
from cscs.web import Explorer
from cscs.web.render import firm_url

WEB = Path(__file__).resolve().parents[2] / "cscs" / "web"
QUERIES = Path(__file__).resolve().parents[2] / "queries"
A, B = "zhejiang-2020@2022-06-30", f"zhejiang-2020@{DEMO_AS_OF.isoformat()}"
ROW = re.compile(r'<tr class="ind-row" data-notation="([^"]+)">.*?<td class="num tree-points">([^<]+)</td>', re.S)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Graph:
    """The graph ``cscs demo`` builds (its default 200 firms, seed 7), in memory."""
    graph = Graph(memory=True)
    assert run_demo(graph, 200, 7, tmp_path_factory.mktemp("demo") / "corpus", io.StringIO()) == 0
    return graph


@pytest.fixture(scope="module")
def demo_client(demo, tmp_path_factory) -> Client:
    return Client(Explorer(demo, tables=tmp_path_factory.mktemp("web-tables")))


def population_points(graph: Graph, folder: Path) -> tuple[list[str], dict[tuple[str, str], float]]:
    """Every indicator's notation, and (firm, notation) → points from the population
    table (DuckDB SQL over the SPARQL rule's intervals: not the explanation's path)."""
    population = open_current(graph.store, graph.rubric(None, DEMO_AS_OF), folder)
    info = population.indicators.set_index("indicator")
    moved = population.indicator_points(DEMO_AS_OF)
    points = {(firm, info.at[ind, "notation"]): info.at[ind, "max"] * info.at[ind, "negative"] + delta
              for firm, ind, delta in zip(moved["firm"], moved["indicator"], moved["delta"])}
    empty = {info.at[i, "notation"]: info.at[i, "max"] * info.at[i, "negative"] for i in info.index}
    return sorted(empty), {**{("", n): p for n, p in empty.items()}, **points}


def test_every_demo_firm_page_shows_graph_score(demo, demo_client, tmp_path):
    scores = demo.score(as_of=DEMO_AS_OF)
    assert len(scores) == 212
    notations, table = population_points(demo, tmp_path)
    assert len(notations) > 20
    moved = 0
    for s in scores:
        text = demo_client.get(firm_url(s.firm), as_of=DEMO_AS_OF.isoformat()).text
        assert re.search(r'id="total">([^<]+)<', text).group(1) == f"{s.total:g}", s.firm
        assert re.search(r'id="grade">([^<]+)<', text).group(1) == s.grade, s.firm
        assert re.findall(r'class="num cat-points">([^<]+)<', text) == [f"{c.points:g}" for c in s.categories]
        shown = dict(ROW.findall(text))
        assert sorted(shown) == notations, s.firm
        expected = {n: table.get((s.firm, n), table[("", n)]) for n in notations}
        assert shown == {n: f"{p:g}" for n, p in expected.items()}, s.firm
        moved += any((s.firm, n) in table for n in notations)
    assert moved == 90  # the demo firms with some indicator moved by a record on the day


def test_the_history_table_is_graph_score_on_each_day(demo, demo_client):
    lowest = min(demo.score(as_of=DEMO_AS_OF), key=lambda s: (s.total, s.firm))
    text = demo_client.get(firm_url(lowest.firm), as_of=DEMO_AS_OF.isoformat()).text
    table = re.search(r'<table class="small" id="history".*?</table>', text, re.S).group(0)
    steps = re.findall(r'>(\d{4}-\d\d-\d\d)</a></td><td class="num">([^<]+)</td><td>([^<]*)</td>', table)
    assert len(steps) >= 3
    for day, total, grade in steps[:3] + steps[-3:]:
        (s,) = demo.score(lowest.firm, day)
        assert (total, grade) == (f"{s.total:g}", s.grade or ""), day


def cli(graph: Graph, tables: Path, *options: str, sides: tuple[str, str] = (A, B)) -> str:
    """``cscs compare`` as the command line runs it (its parser and run_compare)."""
    args = build_parser().parse_args(["compare", *sides, "--tables", str(tables), *options])
    out = io.StringIO()
    assert run_compare(graph, args, out) == 0
    return out.getvalue()


def test_the_compare_page_is_cscs_compare(demo, demo_client, tmp_path):
    expected = cli(demo, tmp_path, "--format", "csv", "--migration", str(tmp_path / "moves.csv"))
    page_csv = demo_client.get("/compare.csv", a=A, b=B)
    assert page_csv.status == 200 and page_csv.text == expected
    rows = list(csv.DictReader(io.StringIO(expected)))
    assert len(rows) == 212 and sum(r["difference"] not in ("0", "") for r in rows) > 10
    data = demo_client.get("/compare.json", a=A, b=B).json()
    assert data["firms"] == json.loads(cli(demo, tmp_path, "--format", "json")) and data["count"] == 212
    moves = list(csv.reader((tmp_path / "moves.csv").open(encoding="utf-8")))
    assert {g: {c: str(n) for c, n in cols.items()} for g, cols in data["migration"].items()} == \
        {r[0]: dict(zip(moves[0][1:], r[1:])) for r in moves[1:]}

    page = demo_client.get("/compare", a="zhejiang-2020", a_day="2022-06-30", b="zhejiang-2020",
                           b_day=DEMO_AS_OF.isoformat(), sort="difference")
    assert page.status == 200
    matrix = re.search(r'<table class="small" id="migration".*?</table>', page.text, re.S).group(0)
    assert [int(n) for n in re.findall(r'<td class="num[^"]*">(\d+)</td>', matrix)] == \
        [int(n) for r in moves[1:] for n in r[1:]]
    by_difference = sorted(rows, key=lambda r: (float(r["difference"]), r["firm"]))
    shown = re.findall(r'<tr class="compare-row" data-firm="([^"]+)">.*?href="([^"]+)"', page.text, re.S)
    assert [f for f, _ in shown] == [r["firm"] for r in by_difference[:50]]
    assert all(html.unescape(link).startswith(firm_url(f) + "?") for f, link in shown)
    last = demo_client.get("/compare", a=A, b=B, sort="difference", page="5").text
    assert re.findall(r'data-firm="([^"]+)"', last) == [r["firm"] for r in by_difference[200:]]
    assert demo_client.get("/compare", a=A, b=B, sort="sideways").status == 400
    assert demo_client.get("/compare", a="zhejiang-2020@2024-13-01", b=B).status == 400


def test_what_if_on_the_compare_page_is_the_command_lines(demo, demo_client, tmp_path):
    lowest = min(demo.score(as_of=DEMO_AS_OF), key=lambda s: (s.total, s.firm))
    why = demo.explain(lowest.firm, DEMO_AS_OF)
    record = next(e.record for i in why.indicators for e in i.evidence if e.status == "counted")
    repaired = f"{record}@2024-01-01"
    page = demo_client.get("/compare.csv", a=B, b=B, changed="1", repaired=repaired)
    assert page.status == 200
    assert page.text == cli(demo, tmp_path, "--format", "csv", "--changed-only", "--assume-repaired", repaired,
                            sides=(B, B))
    (row,) = list(csv.DictReader(io.StringIO(page.text)))
    assert row["firm"] == lowest.firm and float(row["difference"]) > 0
    added = demo_client.get("/compare.json", a=B, b=B, changed="1", add_kind="AdministrativePenalty",
                            add_firm=lowest.firm, add_day="2024-02-01").json()
    assert added["firms"] == json.loads(cli(demo, tmp_path, "--format", "json", "--changed-only", "--add-record",
                                            "AdministrativePenalty", lowest.firm, "2024-02-01", sides=(B, B)))
    assert len(added["firms"]) == 1
    shown = demo_client.get("/compare", a=B, b=B, repaired=repaired).text
    assert f"--assume-removed {repaired}" in html.unescape(shown)
    assert demo_client.get("/compare", a=B, b=B, repaired="https://example.org/none@2024-01-01").status == 400
    assert demo.score(lowest.firm, DEMO_AS_OF)[0].total == lowest.total  # the store is untouched


def web_modules() -> list[Path]:
    return sorted(WEB.rglob("*.py"))


def test_no_module_under_cscs_web_holds_a_score_rule():
    assert not (WEB / "scoring.py").exists()
    result_types = {node.name for node in ast.parse((WEB.parent / "results.py").read_text()).body
                    if isinstance(node, ast.ClassDef)}
    arithmetic = {"day_number", "first_day", "Interval", "counted", "change_days", "history", "grade", "total",
                  "indicator_points"}
    for path in web_modules():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        classes = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        assert not classes & result_types, (path.name, classes & result_types)  # no second result model
        assert not {c for c in classes if c.endswith(("Score", "Points", "Evidence"))}, path.name
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module not in ("cscs.explaining", "cscs.graph.scores", "cscs.population"), path.name
                if node.module == "cscs.scoring":
                    assert not {a.name for a in node.names} & arithmetic, path.name
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & {"cscs.scoring", "cscs.explaining"}, path.name
        for word in ("validityMonths", "validity_months", "* 31", "31 *", "relativedelta", "not yet in force", "role not held"):
            assert word not in text, (path.name, word)  # no validity window, no status of its own
    for query in sorted(QUERIES.glob("web-*.rq")):
        text = query.read_text(encoding="utf-8")
        assert "#include" not in text and "YEAR(" not in text and "?status" not in text, query.name


def test_a_counted_record_links_to_its_what_if(demo, demo_client):
    lowest = min(demo.score(as_of=DEMO_AS_OF), key=lambda s: (s.total, s.firm))
    text = demo_client.get(firm_url(lowest.firm), as_of=DEMO_AS_OF.isoformat()).text
    link = html.unescape(re.search(r'class="what-if" href="([^"]+)"', text).group(1))
    from urllib.parse import parse_qsl, urlsplit

    reply = demo_client.get(urlsplit(link).path + ".json", **dict(parse_qsl(urlsplit(link).query)))
    (row,) = reply.json()["firms"]
    assert row["firm"] == lowest.firm and row["total_a"] == lowest.total and row["difference"] > 0
