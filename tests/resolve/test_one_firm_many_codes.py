"""One firm, its code written four ways (issue 12): a full USCC, the masked USCC the court
list prints (``9114082374****9272``), and its organisation code with and without the
hyphen (``74419092-7``, ``744190927``), across the rows of a dishonest-persons list in
the court portal's JSON as Baidu serves it. Every record reaches one firm node, with
the resolution link and its features as evidence; a second firm of the same name whose
codes contradict stays apart. The real 2019 list is checked the same way."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.extract.identifiers import make_uscc
from cscs.graph.resolve.firms import FirmNode, compare
from cscs.ontology.namespaces import ID, key_digest, safe

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from resolution_pairs import fill_mask  # noqa: E402

AS_OF = date(2019, 12, 31)
NAME = "山西立博煤业有限公司"
USCC = make_uscc("140823", "74419092")            # 911408237441909272
MASKED = USCC[:10] + "****" + USCC[14:]            # 9114082374****9272
FORMS = [USCC, MASKED, "74419092-7", "744190927"]
OTHER = make_uscc("140105", "55269853")            # another firm of the same name
OTHER_FORMS = [OTHER[:10] + "****" + OTHER[14:], "55269853-1"]
FIRM, OTHER_FIRM = ID["enterprise/oc-744190927"].value, ID["enterprise/oc-552698531"].value

RECORDS = """
PREFIX cscs: <https://w3id.org/cscs/ns#>
SELECT ?record ?case ?firm WHERE {
  ?record cscs:recordKind cscs:DishonestJudgmentDebtor ; cscs:subject ?subject ; cscs:caseNumber ?case .
  OPTIONAL { ?subject cscs:resolvedTo ?resolved }
  BIND(COALESCE(?resolved, ?subject) AS ?firm)
}
"""


def masked_node(code: str) -> str:
    """The node extraction keys a masked code by (with the name: masked codes are not unique)."""
    return ID[f"enterprise/masked-{safe(code)}-{key_digest(NAME, length=10)}"].value


def baidu_record(name: str, code: str, case: str, rep: str, published: str = "2019年07月13日") -> dict:
    """A record with every key the Baidu aladdin API (resource 6899) serves."""
    return {
        "StdStg": 6899, "StdStl": 8, "_update_time": "1563185224", "cambrian_appid": "0", "changefreq": "always",
        "age": "0", "areaName": "山西", "areaNameNew": "山西", "businessEntity": rep, "cardNum": code,
        "caseCode": case, "courtName": "闻喜县人民法院", "disruptTypeName": "有履行能力而拒不履行生效法律文书确定义务",
        "duty": "支付货款及利息", "focusNumber": "0", "gistId": case.replace("执", "民初"), "gistUnit": "闻喜县人民法院",
        "iname": name, "partyTypeName": "1", "performance": "全部未履行", "performedPart": "暂无",
        "publishDate": published, "publishDateStamp": "1562947200", "regDate": "20190114", "sexy": "",
        "sitelink": "http://zxgk.court.gov.cn/", "type": "失信被执行人名单", "unperformPart": "暂无",
        "lastmod": "2019-07-15T03:23:52", "loc": "http://shixin.court.gov.cn/detail?id=707091552",
        "priority": "1.0", "SiteId": 2015330, "_version": 269, "_select_time": 1563179424,
    }


def baidu_list(path: Path, records: list[dict]) -> Path:
    body = {"status": "0", "t": "", "set_cache_time": "",
            "data": [{"result": records, "dispNum": len(records), "resNum": len(records)}]}
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(params=["four forms", "no full USCC"])
def listed(request, graph: Graph, tmp_path: Path) -> Graph:
    """29 records of the firm, the code forms in turn (the four, or all but the full USCC,
    as the issue's list printed them); the records printing the masked USCC (the newer
    ones) name a new legal representative. Three of the namesake."""
    forms = FORMS if request.param == "four forms" else FORMS[1:]
    records = [baidu_record(NAME, forms[i % len(forms)], f"(2019)晋0823执{i + 1}号",
                            "郭瑞峰" if "*" in forms[i % len(forms)] else "郭建国") for i in range(29)]
    records += [baidu_record(NAME, OTHER_FORMS[i % 2], f"(2019)晋0105执{i + 1}号", "温孝诚") for i in range(3)]
    assert [r.status for r in graph.ingest([baidu_list(tmp_path / "res.json", records)])] == ["added"]
    return graph


def test_an_organisation_code_with_or_without_its_hyphen_and_a_uscc_key_one_node(listed: Graph) -> None:
    subjects = {str(r["subject"]) for r in listed.query(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT DISTINCT ?subject WHERE { ?r cscs:subject ?subject ; "
        "cscs:linkIdentifierType ?t FILTER(?t IN ('uscc', 'orgcode')) }")}
    assert subjects == {FIRM, OTHER_FIRM}


def test_every_record_of_the_firm_reaches_one_node(listed: Graph) -> None:
    reached: dict[str, set[str]] = {}
    for row in listed.query(RECORDS):
        reached.setdefault(str(row["firm"]), set()).add(str(row["case"]))
    assert {firm: len(cases) for firm, cases in reached.items()} == {FIRM: 29, OTHER_FIRM: 3}
    assert all(case.startswith("(2019)晋0823") for case in reached[FIRM])


def test_the_link_keeps_its_evidence(listed: Graph) -> None:
    (link,) = [m for m in listed.resolve().linked if m.candidate == FIRM]
    assert link.subject.startswith(ID["enterprise/masked-"].value) and link.score == 1.0
    if any(f.name == "registration area" for f in link.features):  # against the full USCC
        assert [f.name for f in link.features] == ["masked code", "registration area", "name", "legal representative"]
        assert "agrees with the USCC in all 14 visible characters" in link.evidence
    else:  # against the organisation code: the USCC they make must check
        assert [f.name for f in link.features] == ["masked code", "check character", "name", "legal representative"]
        assert f"make the USCC {USCC}, whose check character 2" in link.evidence
    assert "different legal representatives" in link.evidence  # the rep changed; the codes settle it
    # the namesake's masked code is linked to its own firm, never to the other one
    assert {(m.subject, m.candidate) for m in listed.resolve().linked if m.kind == "firm"} == {
        (masked_node(MASKED), FIRM), (masked_node(OTHER_FORMS[0]), OTHER_FIRM)}
    assert listed.review() == []


def test_the_score_counts_every_record_on_the_one_firm(listed: Graph) -> None:
    (dishonest,) = [i for i in listed.explain("744190927", AS_OF).indicators
                    if {e.kind for e in i.evidence} == {"DishonestJudgmentDebtor"}]
    assert len(dishonest.evidence) == 29
    via_mask = [e for e in dishonest.evidence if e.link_type == "masked"]
    assert len(via_mask) in (7, 10) and {e.match_by for e in via_mask} == {"machine:resolver/v1"}
    assert all("masked code +0.30" in (e.match_evidence or "") for e in via_mask)


def test_a_check_character_that_fails_weighs_against() -> None:
    """The masked code's visible head and the firm's organisation code make a USCC whose
    check character the masked code must show; a namesake whose code agrees in the five
    visible characters of the organisation code but not in the check character goes to
    review, never to a link."""
    firm = FirmNode.build("f", orgcode=["744190927"], names=[NAME], reps=["郭建国"])
    same = compare(FirmNode.build("a", masked=[MASKED], names=[NAME], reps=["郭瑞峰"]), firm)
    assert same.score == 1.0  # 0.3 + 0.2 + 0.7 - 0.2: a new legal representative does not undo the codes
    wrong = MASKED[:-1] + ("3" if MASKED[-1] != "3" else "4")
    other = compare(FirmNode.build("a", masked=[wrong], names=[NAME], reps=["郭瑞峰"]), firm)
    assert not other.contradicted and other.score == 0.5
    assert "whose check character is 2, not" in other.evidence


def _real_firms(realdata: Path) -> list[dict]:
    path = realdata / "lists" / "shixin_baidu_api_2019" / "res.json"
    if not path.is_file():
        pytest.skip("the real 2019 list is not present")
    return [r for r in json.loads(path.read_text(encoding="utf-8"))["data"][0]["result"] if r["partyTypeName"] == "1"]


def test_the_real_list_under_its_other_code_forms(graph: Graph, realdata: Path, tmp_path: Path) -> None:
    """The real 2019 list unchanged, and a later list naming each of its nine firms by its
    code's other forms (a code consistent with the one published: an organisation code
    without its hyphen and the masked USCC it makes; the organisation code, with and
    without hyphen, that a masked USCC's visible characters fit), under a new legal
    representative: one node per firm."""
    firms = _real_firms(realdata)
    later = []
    for i, r in enumerate(firms):
        code = r["cardNum"]
        if "*" in code:
            org = fill_mask(code)[8:17]
            forms = [f"{org[:8]}-{org[8]}", org]
        else:
            org = code.replace("-", "")
            uscc = make_uscc("140105", org[:8])
            forms = [org, uscc[:10] + "****" + uscc[14:]]
        later += [{**r, "cardNum": form, "caseCode": f"(2020)晋0105执{10 * i + j}号", "businessEntity": "王新民"}
                  for j, form in enumerate(forms)]
    reports = graph.ingest([realdata / "lists" / "shixin_baidu_api_2019" / "res.json",
                            baidu_list(tmp_path / "later.json", later)])
    assert [r.status for r in reports] == ["added", "added"]
    names: dict[str, set[str]] = {}
    for row in graph.query(RECORDS):
        if str(row["firm"]).startswith(ID["enterprise/"].value):
            names.setdefault(str(row["firm"]), set()).add(str(row["case"]))
    assert len(names) == len(firms) == 9
    assert sorted(len(cases) for cases in names.values()) == [3] * 9
    assert all(firm.startswith(ID["enterprise/oc-"].value) for firm in names)
    assert graph.review() == []


def test_the_name_finds_two_firms_not_four_nodes(listed: Graph) -> None:
    """Looked up by its name, the firm is one firm beside its namesake: the masked-code
    nodes are aliases of the firms they were resolved to."""
    from cscs.api import NotFound

    with pytest.raises(NotFound, match="^2 firms match"):
        listed.find_firm(NAME)
    assert listed.find_firm(MASKED) == FIRM and listed.find_firm("74419092-7") == FIRM


@pytest.mark.parametrize("code", ["74419092-7", "744190927", "74419092－7", "74419092—7", "74419092–7", "74419092‐7",
                                  "74419092−7", "74419092 - 7", USCC, USCC.lower()])
def test_every_way_of_printing_the_organisation_code_keys_the_firm(code: str, tmp_path: Path) -> None:
    """Dashes of every width (typeset documents print ``—`` or ``–`` for the hyphen) are a
    hyphen: otherwise the code is unrecognised and makes a node of its own."""
    from pyoxigraph import NamedNode

    from cscs.extract.anchor import Anchor
    from cscs.extract.context import ExtractionContext

    ctx = ExtractionContext(path=tmp_path / "d.txt", graph=NamedNode("https://w3id.org/cscs/doc/test"), doc_key="0" * 64)
    node, link = ctx.enterprise(Anchor(file="d.txt"), NAME, [code])
    assert node.value == FIRM and link.kind in {"orgcode", "uscc"} and ctx.problems == []
