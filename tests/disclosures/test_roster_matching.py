"""Roster entries and officers: which evidence links them, which rules a pair out."""

from __future__ import annotations

from cscs.analysis.rosters import Entry, Officer, compare
from cscs.graph.resolve.model import decide


def officer(**kw) -> Officer:
    o = Officer("603001", "王伟", nodes={"urn:officer"}, roles={"Chairman", "Director"}, sexes={"male"},
                firm_names={"浙江华鑫科技股份有限公司", "华鑫科技"})
    for k, v in kw.items():
        setattr(o, k, v)
    return o


def entry(unit: str, born: int | None = 1965, sex: str | None = "male") -> Entry:
    return Entry("urn:entry", "王伟", sex, born, unit, "浙江省人民代表大会")


def test_the_firm_and_the_birth_year_link_an_entry() -> None:
    match = compare(entry("浙江华鑫科技股份有限公司董事长"), officer(born={1965}), 2020)
    assert match.score == 1.0
    assert decide([match]) == ([match], [])
    assert "work unit" in match.evidence and "birth year" in match.evidence


def test_the_short_name_and_an_age_are_enough() -> None:
    match = compare(entry("华鑫科技董事长"), officer(ages={56}), 2020)
    assert match.score >= 0.9


def test_a_shared_name_alone_is_not_enough() -> None:
    match = compare(entry("浙江丽华实业有限公司总经理"), officer(born={1965}), 2020)
    assert match.score < 0.5
    assert decide([match]) == ([], [])


def test_a_different_birth_year_or_sex_rules_a_pair_out() -> None:
    assert compare(entry("浙江华鑫科技股份有限公司董事长", born=1971), officer(born={1965}), 2020).score == 0.0
    assert compare(entry("浙江华鑫科技股份有限公司董事长", sex="女"), officer(born={1965}), 2020).score == 0.0


def test_two_plausible_officers_go_to_review() -> None:
    a = compare(entry("浙江华鑫科技股份有限公司董事长"), officer(born={1965}), 2020)
    other = officer(born={1965}, nodes={"urn:other"}, code="603002")
    b = compare(entry("浙江华鑫科技股份有限公司董事长"), other, 2020)
    assert decide([a, b]) == ([], [a, b])
