"""The labelled pair set (bench/resolution_pairs.py) on a fixed seed: precision of the
links that move a score at least 0.999, recall of decisive cases at least 0.95, no
wrong link in any category, and the ambiguous cases in review. The last tests break
the matcher on purpose and check that the measure notices."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import resolution_pairs as pairs  # noqa: E402

SEED, FIRMS = 11, 400
REAL = Path(__file__).resolve().parents[2].parent / "shared" / "realdata" / "lists" / "shixin_baidu_api_2019" / "res.json"


@pytest.fixture(scope="module")
def result() -> pairs.Result:
    return pairs.run(SEED, FIRMS, None)


def test_targets_on_the_synthetic_pairs(result: pairs.Result) -> None:
    assert result.total().predicted > 250
    assert result.precision >= 0.999, pairs.report(result)
    assert result.recall >= 0.95, pairs.report(result)
    assert {name: t.wrong for name, t in result.tallies.items() if t.wrong} == {}


def test_every_kind_of_case_is_there(result: pairs.Result) -> None:
    assert {"masked USCC", "masked USCC, another firm", "registration number only", "former name", "typo in name",
            "Traditional script", "English name", "same name, two cities", "organisation code", "taxpayer number",
            "person, same mask", "person, other mask style", "homonym, different ID", "homonym, no ID on the list",
            "homonym, no ID in the registry", "same name, two cities, no code", "masked USCC vs org code, same firm",
            "masked USCC vs org code, check fails", "legal form variant, no code"} <= set(result.tallies)


def test_ambiguous_cases_go_to_review_not_to_a_guess(result: pairs.Result) -> None:
    for name in ("same name, two cities, no code", "former name, no code", "English name, no code",
                 "Traditional script, no code", "legal form variant, no code",
                 "masked USCC vs org code, check fails"):
        t = result.tallies[name]
        assert (t.predicted, t.review) == (0, t.records), name
    # people: no ID on one side is no evidence, and not even a candidate
    # a masked USCC against a firm known by its organisation code: linked, new legal representative or not
    t = result.tallies["masked USCC vs org code, same firm"]
    assert (t.correct, t.wrong, t.review) == (t.records, 0, 0)
    t = result.tallies["same person, no ID on the list"]
    assert (t.predicted, t.review) == (0, 0)


def test_the_real_list_against_homonyms_and_co_debtors() -> None:
    if not REAL.is_file():
        pytest.skip("../shared/realdata is not present")
    result = pairs.run(SEED, 80, REAL)
    real = {k: v for k, v in result.tallies.items() if k.startswith("real")}
    assert sum(t.records for t in real.values()) == 50  # every record of the real list is a case
    assert all(t.wrong == 0 for t in real.values()), pairs.report(result)
    assert all(t.correct == t.truth for t in real.values()), pairs.report(result)
    assert real["real person, homonyms only"].records > 0 and real["real co-debtor of a listed firm"].records == 2


def test_the_measure_fails_when_homonyms_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    """Persons matched on the name alone (IDs ignored): homonyms get linked, precision drops."""
    from cscs.graph.resolve import persons

    monkeypatch.setattr(persons, "patterns_agree", lambda a, b: (True, 14))
    broken = pairs.run(SEED, 200, None)
    assert broken.precision < 0.999
    assert broken.tallies["homonym, different ID"].wrong > 0


def test_the_measure_fails_when_masked_codes_are_trusted_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both defences removed — extraction keying a masked-code firm by the code alone (so
    two firms printing one masked code share a node) and resolution's several-firms
    check — and records of two firms get linked to one of them."""
    from cscs.extract import context
    from cscs.graph.resolve import firms

    keyed_by_code = context._enterprise_key

    def code_only(link, name):
        return keyed_by_code(link, "" if link is not None and link.kind == "masked" else name)

    monkeypatch.setattr(context, "_enterprise_key", code_only)
    monkeypatch.setattr(firms, "_several_firms", lambda alias, firm, add: None)
    broken = pairs.run(SEED, 200, None)
    assert broken.precision < 0.999
    assert broken.tallies["one masked code, two firms"].wrong > 0
