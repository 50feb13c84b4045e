"""Entity resolution: records reach a firm or person only on evidence a user can see
and overrule; homonyms stay apart; ambiguous pairs go to review, not to a guess."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.extract.identifiers import make_uscc

AS_OF = date(2024, 6, 30)
X = make_uscc("330106", "40000001")
Y = make_uscc("330108", "40000002")
Z1 = make_uscc("330102", "40000003")
Z2 = make_uscc("330203", "40000004")
PERSONNEL = ["企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"]



@pytest.fixture
def graph(any_graph: Graph) -> Graph:
    """Every test here runs on the embedded store and on a real Oxigraph server."""
    return any_graph

def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def dishonest(path: Path, records: list[dict]) -> Path:
    defaults = {"caseCode": "(2024)浙0106执1号", "courtName": "杭州市西湖区人民法院", "publishDate": "2024年01月02日"}
    path.write_text(json.dumps({"data": [{"result": [{**defaults, **r} for r in records]}]}, ensure_ascii=False),
                    encoding="utf-8")
    return path


@pytest.fixture
def firms(graph: Graph, tmp_path: Path) -> Graph:
    registry = write_csv(tmp_path / "registry.csv", PERSONNEL, [
        ["杭州西溪实业有限公司", X, "王伟", "3301061975****1234", "法定代表人", "2015-01-01", ""],
        ["杭州之江贸易有限公司", Y, "李娜", "3301081980****5678", "法定代表人", "2015-01-01", ""],
        ["杭州同名科技有限公司", Z1, "赵一", "3301021970****0001", "法定代表人", "2015-01-01", ""],
        ["杭州同名科技有限公司", Z2, "钱二", "3302031971****0002", "法定代表人", "2015-01-01", ""],
    ])
    assert [r.status for r in graph.ingest([registry])] == ["added"]
    return graph


def total(graph: Graph, uscc: str) -> int:
    return graph.score(uscc, AS_OF)[0].total


def test_a_masked_code_reaches_the_firm_whose_code_and_name_agree(firms: Graph, tmp_path: Path) -> None:
    masked_x = X[:10] + "****" + X[14:]
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "杭州西溪实业有限公司", "cardNum": masked_x, "partyTypeName": "1"}])])
    assert total(firms, X) == 815 - 120
    (evidence,) = [e for i in firms.explain(X, AS_OF).indicators for e in i.evidence]
    assert evidence.match_by == "machine:resolver/v1" and evidence.match_score == 1
    assert "masked code" in evidence.match_evidence and "the same full name" in evidence.match_evidence


def test_a_masked_code_that_contradicts_stays_apart(firms: Graph, tmp_path: Path) -> None:
    wrong = X[:10] + "****" + ("1" if X[14] != "1" else "2") + X[15:]
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "杭州西溪实业有限公司", "cardNum": wrong, "partyTypeName": "1"}])])
    assert total(firms, X) == 815
    assert firms.review() == []


def test_homonyms_are_different_people(firms: Graph, tmp_path: Path) -> None:
    # another 王伟, born elsewhere: same name, different ID where both are visible
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "王伟", "cardNum": "3205021990****4321", "partyTypeName": "0"}])])
    assert total(firms, X) == 815


def test_the_same_person_under_the_other_mask_style(firms: Graph, tmp_path: Path) -> None:
    # 19-character style: eleven visible, four stars for three digits
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "王伟", "cardNum": "33010619750****1234", "partyTypeName": "0"}])])
    assert total(firms, X) == 815 - 20  # key personnel failed to satisfy a court judgment
    (indicator,) = [i for i in firms.explain(X, AS_OF).indicators if i.evidence]
    (evidence,) = indicator.evidence
    assert (evidence.via_role, evidence.via_person_name) == ("LegalRepresentative", "王伟")
    assert "ID number" in evidence.match_evidence


def test_two_firms_of_one_name_go_to_review_and_a_user_decides(firms: Graph, tmp_path: Path) -> None:
    listing = write_csv(tmp_path / "abnormal.csv", ["企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"], [
        ["杭州同名科技有限公司", "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])
    firms.ingest([listing])
    assert (total(firms, Z1), total(firms, Z2)) == (815, 815)
    review = firms.review()
    assert len(review) == 2 and {m.score for m in review} == {0.7}
    alias = review[0].subject
    firms.judge(alias, Z2, same=True, by="analyst", note="address matches the Ningbo firm")
    assert (total(firms, Z1), total(firms, Z2)) == (815, 795)
    (evidence,) = [e for i in firms.explain(Z2, AS_OF).indicators for e in i.evidence]
    assert evidence.match_by == "user:analyst"
    assert firms.unjudge(alias, Z2)
    assert (total(firms, Z1), total(firms, Z2)) == (815, 815)


def test_a_users_not_same_outranks_the_machine(firms: Graph, tmp_path: Path) -> None:
    masked_y = Y[:10] + "****" + Y[14:]
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "杭州之江贸易有限公司", "cardNum": masked_y, "partyTypeName": "1"}])])
    assert total(firms, Y) == 695
    alias = next(m.subject for m in firms.resolve().linked if m.candidate.endswith(Y[8:17]))
    firms.judge(alias, Y, same=False, by="analyst")
    assert total(firms, Y) == 815
    assert firms.resolve().links == {}


def test_taking_back_a_users_same_returns_the_pair_to_the_machine_not_to_its_own_copies(
        firms: Graph, tmp_path: Path) -> None:
    """A 王伟 without an ID on a list is nobody in particular. A user says it is firm X's
    legal representative, and the role is copied onto that node; once the user takes it
    back, the machine decides as it would have, not from the copy it made then."""
    firms.ingest([dishonest(tmp_path / "d.json", [{"iname": "王伟", "cardNum": "", "partyTypeName": "0"}])])
    assert total(firms, X) == 815 and firms.review() == []
    people = {str(r["p"]): r["id"] for r in firms.query(
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX cscs: <https://w3id.org/cscs/ns#> "
        "SELECT ?p ?id WHERE { ?p foaf:name '王伟'@zh OPTIONAL { ?p cscs:idNumber ?id } }")}
    (listed,) = [p for p, pid in people.items() if pid is None]
    (known,) = [p for p, pid in people.items() if pid is not None]
    firms.judge(listed, known, same=True, by="analyst")
    assert total(firms, X) == 795  # key personnel failed to satisfy a court judgment
    assert firms.unjudge(known, listed)
    assert total(firms, X) == 815 and firms.resolve().links == {}
