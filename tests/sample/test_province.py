"""The province generator: deterministic, flat in memory, unique and valid codes, a
realistic record density, every row accepted by its extractor, and SPARQL scores
equal to an independent computation from ``truth.csv``, ``roles.csv`` and the rubric.

The independent scorer reads only the truth files and the rubric's TOML and TSV;
it shares no code with the extractors, the graph or ``score.rq``.
"""

from __future__ import annotations

import csv
import tomllib
import tracemalloc
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc, org_code_check_char, person_id_checks, uscc_check_char
from cscs.extract.registry import NoExtractorError, choose
from cscs.extract.source import Source
from cscs.sample.__main__ import main
from cscs.sample.province import LISTS, TRUTH_FILES, ProvinceSummary, write_province

AS_OF = date(2024, 6, 30)
FIRMS = 1_500
SEED = 5


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> ProvinceSummary:
    return write_province(tmp_path_factory.mktemp("province"), FIRMS, seed=SEED, as_of=AS_OF)


@pytest.fixture(scope="module")
def truth(province: ProvinceSummary) -> list[dict[str, str]]:
    return _rows(province.out / "truth.csv")


# -- determinism and memory ------------------------------------------------------------------------
def test_same_seed_same_bytes_other_seed_differs(province: ProvinceSummary, tmp_path: Path) -> None:
    again = write_province(tmp_path / "again", FIRMS, seed=SEED, as_of=AS_OF)
    for name in (*LISTS, *TRUTH_FILES):
        assert (again.out / name).read_bytes() == (province.out / name).read_bytes(), name
    other = write_province(tmp_path / "other", FIRMS, seed=SEED + 1, as_of=AS_OF)
    for name in ("registry.csv", "key-personnel.csv", "truth.csv"):
        assert (other.out / name).read_bytes() != (province.out / name).read_bytes(), name


def test_a_firm_does_not_depend_on_how_many_follow(province: ProvinceSummary, tmp_path: Path) -> None:
    """Firm i is a function of (seed, i): a smaller province is a prefix of a larger one."""
    small = write_province(tmp_path / "small", 400, seed=SEED, as_of=AS_OF)
    for name in ("registry.csv", "key-personnel.csv", "roles.csv", "truth.csv", "penalties.csv"):
        assert (province.out / name).read_bytes().startswith((small.out / name).read_bytes()), name


def _peak(out: Path, firms: int) -> int:
    tracemalloc.start()
    try:
        write_province(out, firms, seed=2, as_of=AS_OF)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_province_grows(tmp_path: Path) -> None:
    write_province(tmp_path / "warm", 10, seed=2, as_of=AS_OF)  # module-level caches filled once
    small, large = _peak(tmp_path / "small", 2_000), _peak(tmp_path / "large", 20_000)
    assert large <= 1.5 * small, (small, large)


def test_command_line_province_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["province", str(tmp_path), "--firms", "300", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "300 firms" in out and "firms/s" in out and "MB/s" in out
    assert {p.name for p in tmp_path.iterdir()} == {*LISTS, *TRUTH_FILES}
    assert len(_rows(tmp_path / "registry.csv")) == 300


# -- identities ------------------------------------------------------------------------------------
def test_codes_names_and_id_numbers_are_unique_and_valid(province: ProvinceSummary) -> None:
    registry = _rows(province.out / "registry.csv")
    assert len(registry) == FIRMS
    codes = [r["统一社会信用代码"] for r in registry]
    assert len(set(codes)) == FIRMS
    assert len({c[8:17] for c in codes}) == FIRMS  # organisation codes: firms are keyed by them
    assert len({r["企业名称"] for r in registry}) == FIRMS
    for code in codes:
        assert code[:2] == "91" and code[2:4] == "33"  # enterprises registered in Zhejiang
        assert code == make_uscc(code[2:8], code[8:16])
        assert code[16] == org_code_check_char(code[8:16]) and code[17] == uscc_check_char(code[:17])

    personnel = _rows(province.out / "key-personnel.csv")
    ids = Counter(r["证件号码"] for r in personnel)
    assert all(person_id_checks(i) for i in ids)
    assert max(ids.values()) == 1  # one row per person: nobody holds posts in two firms
    current = {(r["统一社会信用代码"], r["证件号码"], r["姓名"]) for r in personnel
               if r["职务"].startswith("法定代表人") and not r["离任日期"]}
    assert {(r["统一社会信用代码"], r["法定代表人证件号码"], r["法定代表人"]) for r in registry} == current
    assert any(r["离任日期"] for r in personnel)  # some legal representatives were replaced

    listed = {r["subject"] for r in _rows(province.out / "truth.csv") if r["subject_type"] == "person"}
    assert listed & set(ids) and listed - set(ids)  # key personnel and individuals holding no post
    assert all(person_id_checks(i) for i in listed)


# -- density ----------------------------------------------------------------------------------------
def test_records_are_sparse_with_a_long_tail(province: ProvinceSummary, truth: list[dict[str, str]]) -> None:
    per_firm = Counter(r["subject"] for r in truth if r["subject_type"] == "firm")
    assert 0.08 <= len(per_firm) / FIRMS <= 0.16
    assert province.firms_with_records == len(per_firm)
    assert province.firm_records == sum(per_firm.values())
    assert max(per_firm.values()) >= 6
    assert Counter(per_firm.values())[1] > Counter(per_firm.values())[3] > 0
    kinds = Counter(r["kind"] for r in truth)
    assert set(kinds) == {"AbnormalOperation", "AbnormalTaxpayer", "AdministrativePenalty", "SeriousDishonest",
                          "DishonestJudgmentDebtor", "RedList", "Honour", "Donation", "VolunteerService",
                          "DebtEvasion", "OverseasEquityUnregistered", "SocialInsuranceArrears", "TaxArrears",
                          "MajorTaxViolation", "SpotCheckFailure", "SafetyHazard", "EnvironmentalViolation",
                          "AdministrativeEnforcement", "CommitmentBreach", "OtherNonCompliance"}
    assert any(r["removed_on"] for r in truth) and any(r["repaired_on"] for r in truth)
    assert any(_day(r["valid_from"]) > AS_OF for r in truth)  # published ahead, not yet counted
    assert any(_day(r["valid_until"]) <= AS_OF for r in truth)  # expired
    assert all(date(2017, 1, 1) <= _day(r["valid_from"]) for r in truth)


# -- extraction and scoring ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def graph(province: ProvinceSummary) -> tuple[Graph, list]:
    graph = Graph(memory=True)
    reports = graph.ingest([shipped_rubric(), *province.lists])
    return graph, reports


def test_every_list_is_read_by_its_extractor_without_a_warning(
        province: ProvinceSummary, graph: tuple[Graph, list], truth: list[dict[str, str]]) -> None:
    _, reports = graph
    lists = {r.path.name: r for r in reports if r.path.name in LISTS}
    assert set(lists) == set(LISTS)
    assert {name: r.status for name, r in lists.items()} == dict.fromkeys(LISTS, "added")
    assert {name: r.extractor for name, r in lists.items()} == LISTS
    assert [(name, str(p)) for name, r in lists.items() for p in r.problems] == []
    assert {name: (r.counts.rows, r.counts.skipped_rows) for name, r in lists.items()} == \
        {name: (province.rows[name], 0) for name in LISTS}
    records = Counter(r["document"] for r in truth)
    assert {name: r.counts.records for name, r in lists.items() if r.counts.records} == dict(records)


def test_truth_files_are_not_taken_for_lists(province: ProvinceSummary) -> None:
    """Ingesting the whole folder rejects truth.csv and roles.csv rather than misreading them."""
    for name in TRUTH_FILES:
        with pytest.raises(NoExtractorError):
            choose(Source(province.out / name))


def _max_points(rubric: dict) -> dict[str, int]:
    """Each indicator's points from the rubric's TSV: the cell after its name."""
    points = {}
    for line in shipped_rubric().read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        for k, cell in enumerate(cells[:-1]):
            if cell in rubric["indicators"]:
                points[cell] = int(cells[k + 1])
    assert set(points) == set(rubric["indicators"]) and sum(points.values()) == 1000
    return points


def expected_scores(province: ProvinceSummary, rubric: dict, day: date) -> dict[str, int]:
    """Each firm's total from truth.csv, roles.csv and the rubric's data alone."""
    maxima = _max_points(rubric)
    in_force = [r for r in _rows(province.out / "truth.csv")
                if _day(r["valid_from"]) <= day < _day(r["valid_until"])
                and not (r["removed_on"] and _day(r["removed_on"]) <= day)
                and not (r["repaired_on"] and _day(r["repaired_on"]) <= day)]
    by_firm: dict[str, list[str]] = {}  # USCC → kinds of the firm's records in force
    by_person: dict[str, list[str]] = {}
    for r in in_force:
        (by_firm if r["subject_type"] == "firm" else by_person).setdefault(r["subject"], []).append(r["kind"])
    roles: dict[str, list[tuple[str, str]]] = {}  # USCC → (person, role) held on the day
    for r in _rows(province.out / "roles.csv"):
        if _day(r["start"]) <= day and not (r["end"] and _day(r["end"]) <= day):
            roles.setdefault(r["uscc"], []).append((r["person_id"], r["role"]))
    totals = {}
    for firm in (r["统一社会信用代码"] for r in _rows(province.out / "registry.csv")):
        total = 0
        for name, rules in rubric["indicators"].items():
            rules = {**rubric["defaults"], **rules}
            if rules["scope"] == "firm":
                hits = sum(1 for kind in by_firm.get(firm, []) if kind in rules["kinds"])
            else:
                persons = {p for p, role in roles.get(firm, []) if role in rules["roles"]}
                hits = sum(1 for p in persons for kind in by_person.get(p, []) if kind in rules["kinds"])
            moved = min(maxima[name], hits * rules["points_per_record"]) if rules["rule"] == "per-record" \
                else (maxima[name] if hits else 0)
            total += maxima[name] - moved if rules["polarity"] == "negative" else moved
        totals[firm] = total
    return totals


@pytest.mark.parametrize("day", [AS_OF, date(2021, 3, 1)])
def test_every_firm_scores_as_computed_from_truth(province: ProvinceSummary, graph: tuple[Graph, list],
                                                  day: date) -> None:
    rubric = tomllib.loads(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8"))
    expected = expected_scores(province, rubric, day)
    actual = {s.uscc: s.total for s in graph[0].score(as_of=day)}
    assert set(actual) == set(expected)
    wrong = {uscc: (actual[uscc], expected[uscc]) for uscc in expected if actual[uscc] != expected[uscc]}
    assert wrong == {}
    moved = Counter(total for total in expected.values() if total != 815)  # 815: no record in force
    assert sum(moved.values()) > 60 and len(moved) > 10  # the records really move scores


def test_bulk_ingest_and_materialised_scores_equal_truth(province: ProvinceSummary,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The provincial path end to end: every list streamed through the bulk loader in
    small batches, then every firm's score read from the materialised score graph."""
    from cscs.graph import bulk

    monkeypatch.setattr(bulk, "DEFAULT_BATCH_ROWS", 97)  # many batches per list
    g = Graph(memory=True)
    g.ingest([shipped_rubric()])
    reports = g.ingest(province.lists, bulk=True)
    assert {r.path.name: r.status for r in reports} == dict.fromkeys(LISTS, "added")
    rubric = tomllib.loads(shipped_rubric().with_suffix(".toml").read_text(encoding="utf-8"))
    names = {iri: uscc for iri, (_, uscc) in g.firm_names().items()}
    for day in (AS_OF, date(2021, 3, 1)):
        expected = expected_scores(province, rubric, day)
        actual = {names[row["firm"]]: row["total"] for row in g.all_scores(day)}
        assert actual == expected
