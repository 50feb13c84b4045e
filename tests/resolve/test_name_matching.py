"""Former names, English names, legal-form and width variants, typos: through the real
path (registry extract and list documents → ingest → resolve → score and explain)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.extract.identifiers import make_uscc
from cscs.extract.names import english_core, english_key, firm_key, is_english

AS_OF = date(2024, 6, 30)
X = make_uscc("330106", "40000001")
Y = make_uscc("330106", "40000002")
REGISTRY = ["企业名称", "统一社会信用代码", "注册号", "曾用名", "英文名称", "法定代表人", "成立日期", "登记机关"]
DISHONEST = 815 - 120  # the firm is on the dishonest-persons list


def mask(uscc: str) -> str:
    return uscc[:10] + "****" + uscc[14:]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    return path


def dishonest(path: Path, *records: dict) -> Path:
    base = {"caseCode": "(2024)浙0106执1号", "courtName": "杭州市西湖区人民法院", "publishDate": "2024年01月02日",
            "partyTypeName": "1"}
    rows = [{**base, "caseCode": f"(2024)浙0106执{i}号", **r} for i, r in enumerate(records, 1)]
    path.write_text(json.dumps({"data": [{"result": rows}]}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def registry(graph: Graph, tmp_path: Path) -> Graph:
    path = write_csv(tmp_path / "registry.csv", [REGISTRY,
        ["杭州西溪实业有限公司", X, "330106000012345", "杭州西溪贸易有限公司；杭州老西溪商行", "Hangzhou Xixi Industrial Co., Ltd.",
         "王伟", "2010-05-06", "杭州市西湖区市场监督管理局"],
        ["杭州之江科技(集团)有限责任公司", Y, "330106000054321", "", "", "李娜", "2012-01-01", "杭州市西湖区市场监督管理局"]])
    assert [r.status for r in graph.ingest([path])] == ["added"]
    return graph


def total(graph: Graph, uscc: str) -> float:
    return graph.score(uscc, AS_OF)[0].total


def evidence(graph: Graph, uscc: str) -> str:
    (found,) = [e for i in graph.explain(uscc, AS_OF).indicators for e in i.evidence]
    return found.match_evidence or ""


def test_english_keys_ignore_case_punctuation_and_the_legal_form() -> None:
    same = ["Hangzhou Xixi Industrial Co., Ltd.", "HANGZHOU XIXI INDUSTRIAL COMPANY LIMITED",
            "Hangzhou Xi-Xi Industrial Limited", "hangzhou  xixi industrial co ltd", "Ｈａｎｇｚｈｏｕ Xixi Industrial Co.,Ltd."]
    assert len({english_key(n) for n in same}) == 1
    assert english_key("Hangzhou Xixi Industrial Corp.") != english_key(same[0])
    assert english_core("Hangzhou Xixi Industrial Corp.") == english_core(same[0])
    assert is_english(same[0]) and not is_english("TCL科技集团股份有限公司")
    assert firm_key("杭州西溪實業有限公司") == firm_key("杭州西溪实业有限公司")


def test_a_record_naming_a_former_name_reaches_the_renamed_firm(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([dishonest(tmp_path / "d.json", {"iname": "杭州西溪贸易有限公司", "cardNum": mask(X)})])
    assert total(registry, X) == DISHONEST
    assert "former name +0.70 (杭州西溪贸易有限公司 is the firm's former name (曾用名))" in evidence(registry, X)


def test_a_former_name_alone_goes_to_review_like_a_current_name(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        ["杭州老西溪商行", "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])])
    (match,) = registry.review()
    assert match.score == 0.7 and "former name" in match.evidence
    assert total(registry, X) == 815


def test_an_english_name_with_a_masked_code_reaches_the_firm(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([dishonest(tmp_path / "d.json",
                               {"iname": "HANGZHOU XIXI INDUSTRIAL COMPANY LIMITED", "cardNum": mask(X)})])
    assert total(registry, X) == DISHONEST
    assert "the same English name" in evidence(registry, X)


def test_an_english_name_alone_goes_to_review(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        ["Hangzhou Xixi Industrial Limited", "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])])
    (match,) = registry.review()
    assert match.score == 0.7 and "English name" in match.evidence


def test_english_and_chinese_names_never_compare(registry: Graph, tmp_path: Path) -> None:
    """A Chinese name is not contradicted by an English one (and not confirmed either)."""
    from cscs.graph.resolve.firms import FirmNode, compare

    firm = FirmNode.build("f", uscc=[X], names=["杭州西溪实业有限公司"])
    alias = FirmNode.build("a", masked=[mask(X)], names=["Some Other Trading Co., Ltd."])
    match = compare(alias, firm)
    assert not match.contradicted and "name" not in {f.name for f in match.features}


def test_legal_form_width_and_script_variants_with_a_masked_code(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([dishonest(tmp_path / "d.json",
                               {"iname": "杭州之江科技（集团）有限公司", "cardNum": mask(Y)},   # 有限公司 for 有限责任公司
                               {"iname": "杭州西溪實業有限公司", "cardNum": mask(X)})])        # Traditional
    assert total(registry, Y) == DISHONEST and total(registry, X) == DISHONEST
    assert "but for the legal form" in evidence(registry, Y)
    assert "the same full name" in evidence(registry, X)


def test_a_one_character_typo_with_a_masked_code_links_and_alone_does_not(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([dishonest(tmp_path / "d.json", {"iname": "杭州西汉实业有限公司", "cardNum": mask(X)})])
    assert total(registry, X) == DISHONEST
    assert "one character differs (杭州西汉实业有限公司 / 杭州西溪实业有限公司)" in evidence(registry, X)


def test_a_typo_alone_is_not_enough(graph: Graph, tmp_path: Path) -> None:
    from cscs.graph.resolve.firms import FirmNode, compare

    firm = FirmNode.build("f", uscc=[X], names=["杭州西溪实业有限公司"])
    match = compare(FirmNode.build("a", names=["杭州西汉实业有限公司"]), firm)
    assert match.score == 0.4  # below REVIEW: a similar name is not a candidate on its own


def test_two_firms_printing_one_masked_code_stay_apart(registry: Graph, tmp_path: Path) -> None:
    """Extraction keys a masked-code firm by its code and its name, so two firms whose
    masked codes look alike are two nodes: the one whose name agrees reaches the firm,
    the other is contradicted by its name and reaches nothing."""
    registry.ingest([dishonest(tmp_path / "d.json",
                               {"iname": "杭州西溪实业有限公司", "cardNum": mask(X)},
                               {"iname": "宁波东华餐饮管理有限公司", "cardNum": mask(X)})])
    assert total(registry, X) == DISHONEST
    assert registry.review() == []


def test_the_registration_number_links_the_old_identifier(registry: Graph, tmp_path: Path) -> None:
    registry.ingest([write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "注册号", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        ["", "330106000054321", "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])])
    assert total(registry, Y) == 815 - 20
    assert "330106000054321 is registered to this firm" in evidence(registry, Y)


def test_old_and_new_names_under_one_code_are_one_renamed_firm(registry: Graph, tmp_path: Path) -> None:
    """Two lists print the same masked code, one with the former name and one with the
    current one: the registry explains both, so they are not two firms."""
    registry.ingest([dishonest(tmp_path / "d.json",
                               {"iname": "杭州西溪贸易有限公司", "cardNum": mask(X)},
                               {"iname": "杭州西溪实业有限公司", "cardNum": mask(X)})])
    assert total(registry, X) == DISHONEST
    assert registry.review() == []


def test_memberships_through_resolved_nodes_are_copied(registry: Graph, tmp_path: Path) -> None:
    """The legal representative a list names with a masked-code firm holds the role in the
    alias node; once the alias is resolved, the role is copied onto the firm (in the
    machine's graph), so a record against that person reaches the firm by membership."""
    registry.ingest([dishonest(tmp_path / "d.json", {"iname": "杭州西溪实业有限公司", "cardNum": mask(X),
                                                      "businessEntity": "赵六"})])
    rows = registry.query(
        "PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX org: <http://www.w3.org/ns/org#> "
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> SELECT ?firm ?name WHERE { "
        "?copy cscs:copyOf ?membership ; org:organization ?firm ; org:member ?person . ?person foaf:name ?name }").rows
    assert {(str(r["firm"]).rsplit("/", 1)[-1], str(r["name"])) for r in rows} == {(f"oc-{X[8:17]}", "赵六")}


def test_a_name_differing_only_in_its_legal_form_goes_to_review(registry: Graph, tmp_path: Path) -> None:
    """No code, the name of a registry firm but for 股份有限公司 / 有限公司: plausible (a
    user decides, with the evidence), never a link on its own."""
    registry.ingest([write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        ["杭州西溪实业股份有限公司", "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])])
    assert total(registry, X) == 815
    (pair,) = registry.review()
    assert pair.candidate.endswith(f"oc-{X[8:17]}") and pair.score == 0.5
    assert [str(f) for f in pair.features] == ["name +0.50 (the same name but for the legal form (有限公司 / 有限责任公司 …))"]
