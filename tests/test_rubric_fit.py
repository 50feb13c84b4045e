"""Scores say when the rubric does not fit: a date before it took effect, a firm
registered (or published) outside its jurisdiction; in the CLI, the JSON and the web."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from masked_lists import masked_list
from web.web_support import Client

from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc
from cscs.web import Explorer
from cscs.web.render import firm_url

HOME = make_uscc("330106", "MA2EXKL0")  # Hangzhou, Zhejiang
AWAY = make_uscc("140100", "MA0K1234")  # Taiyuan, Shanxi
BEFORE = "is before zhejiang-2020 took effect (2020-01-01): scored under it anyway"
OUTSIDE = "outside zhejiang-2020's jurisdiction, Zhejiang (浙江, 33)"


def listing(folder: Path) -> Path:
    path = folder / "abnormal.csv"
    path.write_text("企业名称,统一社会信用代码,列入经营异常名录原因,列入日期,作出决定机关(列入)\n"
                    f"杭州本地有限公司,{HOME},无法联系,2021-01-10,杭州市西湖区市场监督管理局\n"
                    f"太原外地有限公司,{AWAY},无法联系,2021-01-10,杭州市西湖区市场监督管理局\n"
                    "无码外省有限公司,,无法联系,2021-01-10,山西省太原市市场监督管理局\n"
                    "无码本省有限公司,,无法联系,2021-01-10,浙江省杭州市市场监督管理局\n", encoding="utf-8")
    return path


@pytest.fixture
def graph(tmp_path) -> Graph:
    g = Graph(memory=True)
    reports = g.ingest([shipped_rubric(), listing(tmp_path), masked_list(tmp_path)])
    assert all(r.status == "added" for r in reports), [r.error for r in reports]
    return g


def warnings_by_name(graph: Graph, day: str) -> dict[str, list[str]]:
    return {s.name: s.warnings for s in graph.score(as_of=day)}


def test_a_firm_outside_the_jurisdiction_is_said_to_be(graph):
    found = warnings_by_name(graph, "2024-06-30")
    assert found["杭州本地有限公司"] == [] and found["无码本省有限公司"] == []
    assert found["太原外地有限公司"] == [f"registered in area 140100, Shanxi (山西, 14): {OUTSIDE}"]
    assert found["无码外省有限公司"] == [
        f"its records were published in Shanxi (山西, 14) (by 山西省太原市市场监督管理局): {OUTSIDE}"]
    assert found["杭州测试遮蔽有限公司"] == []  # a masked USCC keeps its area code: 330106
    assert graph.explain(AWAY, "2024-06-30").warnings == found["太原外地有限公司"]
    assert graph.score(AWAY, "2024-06-30")[0].warnings == found["太原外地有限公司"]


def test_a_date_before_the_rubric_is_said_to_be(graph):
    found = warnings_by_name(graph, "2019-06-30")
    assert found["杭州本地有限公司"] == [f"2019-06-30 {BEFORE}"]
    assert graph.explain(HOME, "2019-06-30").warnings == [f"2019-06-30 {BEFORE}"]
    assert graph.explain(HOME, "2020-01-01").warnings == []


def test_the_cli_and_its_json_say_it(tmp_path, capsys):
    store = ["--store", str(tmp_path / "store")]
    assert main([*store, "ingest", "--quiet", str(shipped_rubric()), str(listing(tmp_path))]) == 0
    capsys.readouterr()
    assert main([*store, "explain", AWAY, "--as-of", "2019-06-30"]) == 0
    out = capsys.readouterr().out
    assert f"warning: the rubric does not fit: 2019-06-30 {BEFORE}\n" in out
    assert f"warning: the rubric does not fit: registered in area 140100, Shanxi (山西, 14): {OUTSIDE}\n" in out
    assert main([*store, "explain", AWAY, "--as-of", "2024-06-30", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"] == [f"registered in area 140100, Shanxi (山西, 14): {OUTSIDE}"]
    assert main([*store, "score", "--as-of", "2019-06-30", "--format", "json"]) == 0
    result = capsys.readouterr()
    assert all(f"2019-06-30 {BEFORE}" in s["warnings"] for s in json.loads(result.out))
    assert result.err.count(f"2019-06-30 {BEFORE}") == 1 and "— 太原外地有限公司" in result.err
    assert main([*store, "score", "--all", "--as-of", "2019-06-30"]) == 0
    assert f"warning: the rubric does not fit: 2019-06-30 {BEFORE}" in capsys.readouterr().err


def test_the_firm_page_says_it(graph):
    client = Client(Explorer(graph))
    firm = graph.find_firm(AWAY)
    page = client.get(firm_url(firm), as_of="2019-06-30").text
    assert 'id="fit-warnings"' in page and BEFORE in page and "registered in area 140100" in page
    home = client.get(firm_url(graph.find_firm(HOME)), as_of="2024-06-30").text
    assert 'id="fit-warnings"' not in home
