"""Joint liability in the holding, read by its grammar (issue 12): in ``SUBJECTS 对 OBJECT
承担连带…责任`` the jointly liable are the parties named before 对, never the debtor named
inside the object; a clause without a sum (对上述第一项债务…) makes them liable for the sums of
the items it refers to. Co-debtors (共同还款责任) and a supplementary liability (补充赔偿责任)
are not joint and several. The texts follow published loan judgments; names are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.extract.judgments import pipeline

PREFIXES = "PREFIX cscs: <https://w3id.org/cscs/ns#> "

HEAD = """四川省绵阳市涪城区人民法院
民事判决书
（2021）川0703民初4521号
原告：绵阳市科创小额贷款有限公司，住所地四川省绵阳市涪城区。
法定代表人：杜明，该公司董事长。
被告：四川恒泰建材有限公司（以下简称恒泰公司），住所地四川省绵阳市游仙区。
法定代表人：罗志刚，该公司总经理。
被告：绵阳鑫源包装有限公司（以下简称鑫源公司），住所地四川省绵阳市安州区。
法定代表人：龚敏，该公司执行董事。
被告：谭晓峰，男，1979年3月2日出生，汉族，住四川省绵阳市涪城区。
被告：严丽，女，1981年6月9日出生，汉族，住四川省绵阳市涪城区。
原告绵阳市科创小额贷款有限公司与被告四川恒泰建材有限公司、绵阳鑫源包装有限公司、谭晓峰、严丽借款合同纠纷一案，本院于2021年5月6日立案后，依法适用普通程序，公开开庭进行了审理。
本院认为，原告与被告恒泰公司签订的《借款合同》合法有效，被告鑫源公司、谭晓峰与原告签订《保证合同》，应依约承担保证责任。依照《中华人民共和国合同法》第二百零六条的规定，判决如下：
一、被告四川恒泰建材有限公司于本判决生效之日起十日内偿还原告绵阳市科创小额贷款有限公司借款本金1200000元及利息；
"""
TAIL = """案件受理费15600元，由被告四川恒泰建材有限公司、绵阳鑫源包装有限公司、谭晓峰、严丽负担。
审判长　陈立
审判员　何静
二〇二一年九月十六日
书记员　李悦
"""
BORROWER = "四川恒泰建材有限公司"

#: (second item of the holding, the jointly liable on the sums it names)
CLAUSES = [
    # a clause that refers back to the sum, with the guarantor's right of recourse against the borrower
    ("二、被告绵阳鑫源包装有限公司、谭晓峰对上述第一项债务承担连带清偿责任，其承担保证责任后，有权向被告四川恒泰建材有限公司追偿；",
     {"1200000": ["绵阳鑫源包装有限公司", "谭晓峰"]}),
    # the borrower named inside the object, the guarantors by abbreviation
    ("二、被告鑫源公司、谭晓峰对被告恒泰公司的上述借款本息承担连带保证责任；",
     {"1200000": ["绵阳鑫源包装有限公司", "谭晓峰"]}),
    ("二、被告谭晓峰对上述债务承担连带还款责任；", {"1200000": ["谭晓峰"]}),
    # an amount range inside the clause: liable up to it, the borrower of item one is not
    ("二、被告绵阳鑫源包装有限公司、谭晓峰对本判决第一项确定的四川恒泰建材有限公司的债务在800000元范围内承担连带清偿责任；",
     {"1200000": [], "800000": ["绵阳鑫源包装有限公司", "谭晓峰"]}),
    ("二、被告谭晓峰就被告恒泰公司的上述债务向原告承担连带清偿责任；", {"1200000": ["谭晓峰"]}),
    # co-debtors and a supplementary liability are not joint and several
    ("二、被告严丽对上述第一项债务承担共同还款责任；", {"1200000": []}),
    ("二、被告鑫源公司在未出资范围内对本判决第一项确定的债务承担补充赔偿责任；", {"1200000": []}),
]


def joint_by_sum(text: str) -> dict[str, list[str]]:
    j = next(pipeline.read([text]))
    return {str(a.value): a.joint for a in j.awards if a.kind != "costs"}


@pytest.mark.parametrize(("clause", "expected"), CLAUSES, ids=[c[:14] for c, _ in CLAUSES])
def test_the_jointly_liable_are_the_subjects_of_the_clause(clause: str, expected: dict[str, list[str]]) -> None:
    assert joint_by_sum(HEAD + clause + "\n" + TAIL) == expected


def test_a_clause_names_the_items_it_refers_to() -> None:
    holding = ("二、被告恒泰公司于本判决生效之日起十日内支付原告律师费30000元；\n"
               "三、被告鑫源公司对本判决第一、二项确定的债务承担连带清偿责任；\n"
               "四、被告谭晓峰对本判决第二项确定的债务承担连带清偿责任；\n")
    assert joint_by_sum(HEAD + holding + TAIL) == {
        "1200000": ["绵阳鑫源包装有限公司"], "30000": ["绵阳鑫源包装有限公司", "谭晓峰"]}


def test_the_graph_marks_the_guarantors_not_the_borrower(tmp_path: Path) -> None:
    path = tmp_path / "loan.txt"
    path.write_text(HEAD + CLAUSES[3][0] + "\n" + CLAUSES[0][0].replace("二、", "三、") + "\n" + TAIL, encoding="utf-8")
    g = Graph(memory=True)
    (report,) = g.ingest([path])
    assert report.error is None
    rows = g.store.select(PREFIXES + "SELECT ?yuan ?name WHERE { ?a a cscs:MonetaryAward ; cscs:awardYuan ?yuan ; "
                                     "cscs:jointlyLiable ?p . ?p cscs:partyName ?name } ORDER BY ?yuan ?name").rows
    assert sorted((str(r["yuan"]), str(r["name"])) for r in rows) == [
        ("1200000", "绵阳鑫源包装有限公司"), ("1200000", "谭晓峰"),
        ("800000", "绵阳鑫源包装有限公司"), ("800000", "谭晓峰")]
    assert BORROWER not in {str(r["name"]) for r in rows}
