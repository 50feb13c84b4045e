"""Identifiers as resolution uses them: masked codes agree only where both show
characters, both real ID mask styles, taxpayer numbers carrying old and new codes,
and the blocking that keeps all of it near-linear."""

from __future__ import annotations

from datetime import date

from cscs.extract.anchor import Anchor
from cscs.extract.identifiers import id_pattern, make_uscc, parse_person_id, patterns_agree
from cscs.extract.lists.base import Row, pop_codes
from cscs.graph.resolve import persons
from cscs.graph.resolve.firms import FirmIndex, FirmNode, compare
from cscs.graph.resolve.persons import PersonNode, _age_fits

X = make_uscc("140823", "06ABCD33")


def masked(uscc: str) -> str:
    return uscc[:10] + "****" + uscc[14:]


def test_both_real_mask_styles_map_onto_the_same_positions() -> None:
    """3208191960****6833 shows ten and four; 14010419670****1714 shows eleven and four
    (four stars for three digits). The same person under both agrees in 14 positions."""
    assert parse_person_id("14010419670****1714").kind == "maskedid"
    nineteen, eighteen = id_pattern("14010419670****1714"), id_pattern("1401041967****1714")
    assert nineteen == "14010419670???1714" and eighteen == "1401041967????1714"
    assert patterns_agree(nineteen, eighteen) == (True, 14)
    assert patterns_agree(nineteen, id_pattern("140104196701011714")) == (True, 15)
    assert patterns_agree(nineteen, id_pattern("14010419671****1714"))[0] is False  # born in Oct-Dec
    assert patterns_agree(id_pattern("3208191960****6833"), id_pattern("3208191960****6834"))[0] is False


def test_a_masked_code_matches_only_where_its_visible_characters_agree() -> None:
    firm = FirmNode.build("f", uscc=[X], names=["山西立博房地产开发有限公司"])
    same = compare(FirmNode.build("a", masked=[masked(X)], names=["山西立博房地产开发有限公司"]), firm)
    assert same.score == 1.0 and "agrees with the USCC in all 14 visible characters" in same.evidence
    wrong_tail = masked(X)[:-1] + ("0" if X[-1] != "0" else "1")
    other = compare(FirmNode.build("a", masked=[wrong_tail], names=["山西立博房地产开发有限公司"]), firm)
    assert other.contradicted and other.score == 0.0
    # agreeing characters and a different name: contradicted by the name
    stranger = compare(FirmNode.build("a", masked=[masked(X)], names=["太原颐高数码市场有限公司"]), firm)
    assert stranger.contradicted


def test_a_masked_code_against_a_firm_known_only_by_its_organisation_code() -> None:
    firm = FirmNode.build("f", orgcode=[X[8:17]], names=["山西立博房地产开发有限公司"])
    match = compare(FirmNode.build("a", masked=[masked(X)], names=["山西立博房地产开发有限公司"]), firm)
    assert "agrees with the organisation code" in match.evidence and match.score >= 0.9
    masked_org = X[8:10] + "****" + X[14:17]
    assert "agrees with the organisation code" in compare(FirmNode.build("a", masked=[masked_org]), firm).evidence


def test_blocking_finds_the_firm_by_its_visible_characters_only() -> None:
    firms = [FirmNode.build(f"f{i}", uscc=[make_uscc("140823", f"06AB{i:04d}")], names=[f"企业{i}有限公司"])
             for i in range(200)]
    index = FirmIndex(firms)
    target = firms[57]
    assert index.candidates(FirmNode.build("a", masked=[masked(target.uscc[0])])) == [target]
    # another mask shape (six shown at the end) builds its own index the first time
    odd = target.uscc[0][:8] + "****" + target.uscc[0][12:]
    assert target in index.candidates(FirmNode.build("a", masked=[odd]))
    # too little shown to block on: only the name can find candidates
    assert index.candidates(FirmNode.build("a", masked=["91**************" + target.uscc[0][16:]])) == []
    assert index.candidates(FirmNode.build("a", names=["企业57有限责任公司"])) == [target]


def row(**values: str) -> Row:
    return Row(dict(values), Anchor(file="t.csv"))


def test_taxpayer_numbers_link_old_and_new_identifiers() -> None:
    # 15 characters: the area and the organisation code, which keys the firm as its USCC does
    assert pop_codes(row(taxpayer_id="140823" + X[8:17])) == [f"{X[8:16]}-{X[16]}"]
    # 18 characters: the USCC itself
    assert pop_codes(row(taxpayer_id=X)) == [X]
    # 15 digits whose organisation-code part fails its check: kept as published
    bad = "140823" + X[8:16] + ("0" if X[16] != "0" else "1")
    assert pop_codes(row(taxpayer_id=bad)) == [bad]


def test_ages_are_undated_snapshots() -> None:
    today = date(2030, 1, 1)
    assert _age_fits(43, 1974, today)        # 43 in 2017: fits whatever year it is now
    assert not _age_fits(70, 1974, today)    # never 70 before 2030
    assert not _age_fits(20, 1974, today)    # 20 in 1994, before any published list


def test_person_blocking_pairs_only_what_could_reach_review() -> None:
    """Many people share a common name: pairs come from a shared firm or ID digits, not
    from the name alone."""
    nodes: dict[str, PersonNode] = {}
    for i in range(300):
        node = PersonNode(f"p{i:03d}")
        node.values["name"].add("王伟")
        node.values["id"].add(f"{110101 + i:06d}19{i % 90 + 10:02d}****123{i % 10}")
        nodes[node.iri] = node
    alone = PersonNode("q-alone")
    alone.values["name"].add("王伟")
    nodes[alone.iri] = alone
    with_firm = PersonNode("q-firm")
    with_firm.values["name"].add("王伟")
    with_firm.roles.add(("firmA", "LegalRepresentative"))
    nodes[with_firm.iri] = with_firm
    other = PersonNode("q-firm2")
    other.values["name"].add("王伟")
    other.roles.add(("firmB", "Director"))
    nodes[other.iri] = other
    twin = PersonNode("p999")
    twin.values["name"].add("王伟")
    twin.values["id"].add("11010119751****1230")  # same first six as p000
    nodes[twin.iri] = twin
    pairs = {(a.iri, b.iri) for a, b in persons.pairs(nodes)}
    assert len(pairs) < 10  # not 304 * 303 / 2
    assert ("p000", "p999") in pairs
    # firmB was resolved to firmA: its director and firmA's representative are a candidate pair
    pairs = {(a.iri, b.iri) for a, b in persons.pairs(nodes, {"firmB": "firmA"})}
    assert ("q-firm", "q-firm2") in pairs
    match = persons.compare(with_firm, other, date(2024, 1, 1), {"firmB": "firmA"})
    assert "(once the firm nodes are resolved)" in match.evidence and match.score == 0.9
