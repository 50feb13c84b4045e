"""The sample corpus: deterministic, well-formed, and saying in truth.json what its documents say.

The documents are read back here with the plain libraries (openpyxl, csv,
lxml, json, pdfplumber), not with cscs's readers, so a fault in either shows
up as a disagreement rather than cancelling out.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import lxml.html
import openpyxl
import pdfplumber
import pytest

from cscs.extract.identifiers import org_code_check_char, uscc_check_char
from cscs.sample import FORMATS, HEADERS, generate
from cscs.sample.__main__ import main

AS_OF = date(2024, 6, 30)
FIRMS = 200
KEY_ROLES = {"LegalRepresentative", "Director", "Chairman", "IndependentDirector", "Supervisor", "ActualController"}
ALL_FILES = set(FORMATS) | {"truth.json"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    return generate(tmp_path_factory.mktemp("sample"), firms=FIRMS, seed=7, as_of=AS_OF)


@pytest.fixture(scope="module")
def out(corpus) -> Path:
    return corpus.out_dir


@pytest.fixture(scope="module")
def truth(out: Path) -> dict[str, Any]:
    return json.loads((out / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def table_rows(out: Path) -> dict[str, list[dict[str, str]]]:
    """Every list document's data rows as header -> cell text, read with the plain libraries."""
    return {name: _read_rows(out / name) for name in FORMATS if name != "key_personnel.xlsx"}


# -- reading the documents back -------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx(path: Path) -> list[list[str]]:
    book = openpyxl.load_workbook(path, data_only=True)
    return [[_cell(v) for v in row] for row in book.active.iter_rows(values_only=True)]


def _pdf(path: Path) -> tuple[list[list[str]], int]:
    """All table rows across pages; the header as the first row once. Returns (rows, pages)."""
    rows: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows.extend([c or "" for c in row] for row in table)
        pages = len(pdf.pages)
    header = rows[0]
    return [header] + [r for r in rows[1:] if r != header], pages


def _read_rows(path: Path) -> list[dict[str, str]]:
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))["data"][0]["result"]
    if path.suffix == ".xlsx":
        grid = _xlsx(path)
        if grid and sum(1 for c in grid[0] if c) == 1:  # a merged title banner above the header
            grid = grid[1:]
    elif path.suffix == ".csv":
        grid = list(csv.reader(io.StringIO(path.read_bytes().decode(FORMATS[path.name][1]), newline="")))
    elif path.suffix == ".html":
        root = lxml.html.fromstring(path.read_bytes())
        table = root.xpath('//table[@class="list"]')[0]
        grid = [[c.text_content() for c in tr.xpath("./th|./td")] for tr in table.xpath(".//tr")]
    else:
        grid, _ = _pdf(path)
        grid = [[re.sub(r"\s+", "", c) if i == 0 else c for c in row] for i, row in enumerate(grid)]
    header = grid[0]
    assert tuple(header) == HEADERS[path.name], path.name
    return [dict(zip(header, row)) for row in grid[1:]]


def _sha256(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# -- determinism ------------------------------------------------------------------------------
def test_same_seed_gives_identical_files(out: Path, tmp_path: Path) -> None:
    again = generate(tmp_path / "again", firms=FIRMS, seed=7, as_of=AS_OF)
    first, second = _sha256(out), _sha256(again.out_dir)
    assert set(first) == ALL_FILES
    assert first == second


def test_another_seed_gives_another_corpus(out: Path, tmp_path: Path) -> None:
    other = generate(tmp_path / "other", firms=FIRMS, seed=8, as_of=AS_OF)
    first, second = _sha256(out), _sha256(other.out_dir)
    assert all(first[name] != second[name] for name in first)


# -- identifiers ----------------------------------------------------------------------------------
def test_every_uscc_checks_except_the_planted_ones(truth: dict[str, Any]) -> None:
    failing = [f for f in truth["firms"] if uscc_check_char(f["uscc"][:17]) != f["uscc"][17]]
    assert len(failing) == 2  # about 1 % of 200
    assert {f["key"] for f in failing} == set(truth["planted"]["invalid_uscc"])
    assert all(not f["uscc_valid"] for f in failing)
    assert sum(f["uscc_valid"] for f in truth["firms"]) == FIRMS - 2
    for firm in truth["firms"]:
        assert re.fullmatch(r"91\d{6}[0-9A-HJ-NPQRTUWXY]{10}", firm["uscc"]), firm
        assert firm["uscc"][2:8] == firm["area"]
        org = firm["org_code"]  # the organisation code inside always checks, also in planted codes
        assert org == f"{firm['uscc'][8:16]}-{firm['uscc'][16]}"
        assert org_code_check_char(org[:8]) == org[9]
        assert firm["regno"] is None or re.fullmatch(firm["area"] + r"\d{9}", firm["regno"])
    assert len({f["uscc"] for f in truth["firms"]}) == FIRMS
    assert len({f["name"] for f in truth["firms"]}) == FIRMS


def test_persons_have_masked_ids_consistent_everywhere(out: Path, truth: dict[str, Any]) -> None:
    ids = {p["key"]: p["id"] for p in truth["persons"]}
    assert len(set(ids.values())) == len(ids)
    for person in truth["persons"]:
        assert re.fullmatch(r"\d{10}\*{4}\d{3}[\dX]", person["id"]), person
        assert int(person["id"][16]) % 2 == (1 if person["sex"] == "男" else 0)
        assert person["id"][6:10] == str(person["birth_year"])
    name_and_id = {(p["name"], p["id"]) for p in truth["persons"]}
    grid = _xlsx(out / "key_personnel.xlsx")
    assert grid[0][0] == "企业主要人员信息" and tuple(grid[1]) == HEADERS["key_personnel.xlsx"]
    assert all((row[2], row[3]) in name_and_id for row in grid[2:])


# -- encodings and shapes -------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["abnormal_taxpayers.csv", "penalties.csv"])
def test_gbk_csv_really_is_gbk(out: Path, name: str) -> None:
    data = (out / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("gb18030")
    assert text.startswith(",".join(HEADERS[name][:2]))
    assert data.decode("gbk") == text


def test_utf8_documents_are_utf8(out: Path) -> None:
    for name, (_, encoding) in FORMATS.items():
        if encoding == "utf-8":
            (out / name).read_bytes().decode("utf-8")


def test_dishonest_json_has_the_portal_shape(out: Path, truth: dict[str, Any]) -> None:
    document = json.loads((out / "dishonest.json").read_text(encoding="utf-8"))
    assert document["status"] == "0"
    assert isinstance(document["data"], list) and len(document["data"]) == 1
    result = document["data"][0]["result"]
    assert result and isinstance(result, list)
    uscc_of_name = {f["name"]: f for f in truth["firms"]}
    ids = {p["id"] for p in truth["persons"]}
    for item in result:
        for key in ("iname", "cardNum", "partyTypeName", "age", "sexy", "businessEntity", "courtName", "areaName",
                    "caseCode", "gistId", "gistUnit", "duty", "performance", "disruptTypeName", "regDate",
                    "publishDate"):
            assert isinstance(item[key], str), key
        assert re.fullmatch(r"\d{8}", item["regDate"])
        assert re.fullmatch(r"\d{4}年\d{2}月\d{2}日", item["publishDate"])
        assert re.fullmatch(r"\(\d{4}\)浙\d{4}执恢?\d+号", item["caseCode"])
        assert re.fullmatch(r"\(\d{4}\)浙\d{2}(\d{2})?民[初终]\d+号", item["gistId"])
        assert item["areaName"] == "浙江"
        if item["partyTypeName"] == "0":
            assert item["cardNum"] in ids and item["sexy"] in {"男性", "女性"} and int(item["age"]) > 17
            assert item["businessEntity"] == ""
        else:
            assert item["partyTypeName"] == "1" and item["age"] == "0" and item["sexy"] == ""
            firm = uscc_of_name[item["iname"]]
            assert item["cardNum"] in {firm["uscc"], firm["org_code"]}
            assert item["businessEntity"]
    assert Counter(i["partyTypeName"] for i in result).keys() == {"0", "1"}
    assert any(re.fullmatch(r"[0-9A-Z]{8}-[0-9X]", i["cardNum"]) for i in result)  # an old organisation code


# -- PDFs -------------------------------------------------------------------------------------------
def test_serious_dishonest_pdf_reads_back_as_truth(out: Path, truth: dict[str, Any]) -> None:
    grid, pages = _pdf(out / "serious_dishonest.pdf")
    assert pages >= 2
    with pdfplumber.open(out / "serious_dishonest.pdf") as pdf:  # the header is repeated on page 2
        assert [re.sub(r"\s+", "", c) for c in pdf.pages[1].extract_tables()[0][0]] == \
            list(HEADERS["serious_dishonest.pdf"])
    rows = grid[1:]
    records = [r for r in truth["records"] if r["file"] == "serious_dishonest.pdf"]
    assert len(rows) == len(records) == truth["files"]["serious_dishonest.pdf"]["rows"]
    firms = {f["uscc"]: f for f in truth["firms"]}
    persons = {p["key"]: p for p in truth["persons"]}
    checked = Counter()
    for record in records:
        row = dict(zip(HEADERS["serious_dishonest.pdf"], rows[record["row"] - 1]))
        assert {k: row[k] for k in record["key"]} == record["key"]  # names, codes, dates: exact
        if record["subject_type"] == "person":
            person = persons[record["subject"]]
            assert (row["主体名称"], row["统一社会信用代码/注册号"], row["主体类型"]) == (person["name"], person["id"], "个人")
        else:
            firm = firms[record["subject"]]
            assert row["主体名称"] == firm["name"] and row["主体类型"] == "企业"
            assert row["统一社会信用代码/注册号"] in {firm["uscc"], firm["regno"]}
        assert _parse(row["列入日期"]) == record["valid_from"]
        assert _parse(row["移出日期"]) == record["removed_on"]
        assert _parse(row["信用修复日期"]) == record["repaired_on"]
        reason = row["列入严重违法失信名单原因"].replace("\n", "")  # wrapped free text: lines joined
        assert reason and "\n" not in row["主体名称"] + row["统一社会信用代码/注册号"] + row["列入日期"]
        checked[record["subject_type"]] += 1
    assert checked["firm"] and checked["person"]
    assert any(re.fullmatch(r"\d{15}", r["key"]["统一社会信用代码/注册号"]) for r in records)  # a registration number


def test_honours_pdf_reads_back_as_truth(out: Path, truth: dict[str, Any], table_rows) -> None:
    rows = table_rows["honours.pdf"]
    records = [r for r in truth["records"] if r["file"] == "honours.pdf"]
    assert len(rows) == len(records)
    assert not any("\n" in cell for row in rows for cell in row.values())  # landscape: nothing wraps
    for record in records[:: max(1, len(records) // 8)] + records[-1:]:
        row = rows[record["row"] - 1]
        assert {k: row[k] for k in record["key"]} == record["key"]
        until = _parse(row["有效期至"])
        if record["valid_until_stated"]:
            assert (date.fromisoformat(until) + timedelta(days=1)).isoformat() == record["valid_until"]
        else:
            assert until is None


# -- truth against the documents --------------------------------------------------------------------
def test_every_record_is_the_row_truth_names(truth: dict[str, Any], table_rows) -> None:
    per_file = Counter(r["file"] for r in truth["records"])
    for name, rows in table_rows.items():
        assert per_file[name] == len(rows) == truth["files"][name]["rows"], name
    for record in truth["records"]:
        row = table_rows[record["file"]][record["row"] - 1]
        assert {k: row[k].replace("\n", "") for k in record["key"]} == record["key"], record


def test_subjects_and_dates_in_documents_match_truth(truth: dict[str, Any], table_rows) -> None:
    """Spot the meaning, not only the key: subject codes and the dates that decide a score."""
    firms = {f["key"]: f for f in truth["firms"]}
    date_columns = {  # file -> (code column, from column, removed column)
        "dishonest.xlsx": ("身份证号码/组织机构代码", "发布时间", "撤销日期"),
        "abnormal_operations.html": ("统一社会信用代码", "列入日期", "移出日期"),
        "abnormal_taxpayers.csv": ("纳税人识别号", "认定日期", "解除日期"),
        "red_list.xlsx": ("纳税人识别号", "发布日期", None),
        "penalties.csv": ("统一社会信用代码", "处罚决定日期", None),
        "donations.csv": ("统一社会信用代码", "捐赠日期", None),
        "volunteer.html": ("统一社会信用代码", "服务日期", None),
        "debt_evasion.xlsx": ("统一社会信用代码", "认定日期", "移出日期"),
        "overseas_equity.html": ("统一社会信用代码", "公布日期", "补办登记日期"),
        "social_insurance.csv": ("统一社会信用代码", "公告日期", "缴清日期"),
        "tax_arrears.pdf": ("纳税人识别号", "公告日期", "缴清日期"),
        "major_tax_violation.csv": ("纳税人识别号或社会信用代码", "列入日期", "撤出日期"),
        "spot_checks.xlsx": ("统一社会信用代码", "公布日期", None),
        "safety_hazards.html": ("统一社会信用代码", "挂牌日期", "销号日期"),
        "environment.csv": ("统一社会信用代码", "发布日期", None),
        "enforcement.xlsx": ("行政相对人代码_1（统一社会信用代码）", "决定日期", "解除日期"),
        "commitments.html": ("统一社会信用代码", "认定日期", None),
        "regulatory_measures.xlsx": ("统一社会信用代码", "发文日期", None),
    }
    for record in truth["records"]:
        if record["file"] not in date_columns:
            continue
        code_column, from_column, removed_column = date_columns[record["file"]]
        row = table_rows[record["file"]][record["row"] - 1]
        assert _parse(row[from_column]) == record["valid_from"], record
        if removed_column:
            assert _parse(row[removed_column]) == record["removed_on"], record
        if record["subject_type"] == "firm":
            firm = firms[record["firm"]]
            assert record["subject"] == firm["uscc"]
            assert row[code_column] in {firm["uscc"], firm["org_code"]}
        if record["file"] == "penalties.csv":
            last = date.fromisoformat(_parse(row["公示截止期"]))
            assert (last + timedelta(days=1)).isoformat() == record["valid_until"]


def test_all_three_date_styles_appear(table_rows) -> None:
    cells = [v for rows in table_rows.values() for row in rows for v in row.values() if isinstance(v, str)]
    assert any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", c) for c in cells)
    assert any(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", c) for c in cells)
    assert any(re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", c) for c in cells)


def test_active_flags_follow_the_stated_semantics(truth: dict[str, Any]) -> None:
    as_of = truth["as_of"]
    for r in truth["records"]:
        active = (r["valid_from"] <= as_of < r["valid_until"]
                  and (r["removed_on"] is None or as_of < r["removed_on"])
                  and (r["repaired_on"] is None or as_of < r["repaired_on"]))
        assert r["active"] == active, r


# -- population ----------------------------------------------------------------------------------------
def test_record_density_most_firms_have_none(truth: dict[str, Any]) -> None:
    per_firm = Counter(r["firm"] for r in truth["records"] if r["subject_type"] == "firm")
    without = FIRMS - len(per_firm)
    assert without > FIRMS / 2
    assert max(per_firm.values()) >= 5  # a long tail
    assert Counter(per_firm.values())[1] > Counter(per_firm.values())[5]
    assert set(Counter(r["kind"] for r in truth["records"])) == {
        "DishonestJudgmentDebtor", "SeriousDishonest", "AbnormalOperation", "AbnormalTaxpayer", "RedList",
        "AdministrativePenalty", "Honour", "Donation", "VolunteerService", "DebtEvasion",
        "OverseasEquityUnregistered", "SocialInsuranceArrears", "TaxArrears", "MajorTaxViolation",
        "SpotCheckFailure", "SafetyHazard", "EnvironmentalViolation", "CreditRating", "AdministrativeEnforcement",
        "CommitmentBreach", "OtherNonCompliance"}


def test_every_kind_a_rubric_counts_is_in_force_for_some_firm(truth: dict[str, Any]) -> None:
    """Each kind the lists publish has a record in force on as_of (planted when the draw gave none)."""
    active = {r["kind"] for r in truth["records"] if r["active"] and r["counts"] and r["subject_type"] == "firm"}
    assert active == set(Counter(r["kind"] for r in truth["records"])) - {"CreditRating"}
    ratings = [r for r in truth["records"] if r["kind"] == "CreditRating"]
    assert ratings and all(not r["counts"] and r["file"] == "environment.csv" for r in ratings)


def test_planted_situations_are_there(truth: dict[str, Any]) -> None:
    records, as_of = truth["records"], truth["as_of"]
    negative = {"DishonestJudgmentDebtor", "SeriousDishonest", "AbnormalOperation", "AbnormalTaxpayer"}
    assert any(r["removed_on"] and r["removed_on"] <= as_of for r in records if r["kind"] in negative)
    assert any(r["repaired_on"] and r["repaired_on"] <= as_of for r in records)
    assert any(r["valid_until"] <= as_of for r in records)  # expired
    assert any(r["valid_from"] > as_of for r in records)  # dated after as_of
    assert all("2017-01-01" <= r["valid_from"] for r in records)
    township = [r for r in records if not r["counts"] and r["kind"] != "CreditRating"]  # good grades: no record
    assert len(township) >= 2 and all(r["kind"] == "Honour" for r in township)
    assert {r["id"] for r in township} == set(truth["planted"]["township_honours"])
    for r in records:
        if r["repaired_on"]:
            assert date.fromisoformat(r["repaired_on"]) - date.fromisoformat(r["valid_from"]) >= timedelta(days=365)


def test_roles_replaced_legal_representative_and_shared_persons(truth: dict[str, Any]) -> None:
    firms_of_person = defaultdict(set)
    for firm in truth["firms"]:
        roles = firm["roles"]
        assert sum(r["role"] in {"Director", "Chairman"} and r["end"] is None for r in roles) >= 1
        assert any(r["role"] == "Supervisor" for r in roles)
        assert any(r["role"] == "GeneralManager" for r in roles)
        reps = sorted((r for r in roles if r["role"] == "LegalRepresentative"), key=lambda r: r["start"])
        assert reps[0]["start"] == firm["founded"] and reps[-1]["end"] is None
        assert all(a["end"] == b["start"] for a, b in zip(reps, reps[1:]))  # never without one, never two
        for r in roles:
            assert r["end"] is None or r["start"] < r["end"] <= truth["as_of"]
            firms_of_person[r["person"]].add(firm["key"])
    replaced = [f for f in truth["firms"] if sum(r["role"] == "LegalRepresentative" for r in f["roles"]) > 1]
    assert {f["key"] for f in replaced} == set(truth["planted"]["replaced_legal_rep"]) and replaced
    assert sum(len(firms) > 1 for firms in firms_of_person.values()) >= 2


def test_key_personnel_listed_while_holding_and_after_leaving(truth: dict[str, Any]) -> None:
    """Each person listing counts for the firms where a key role is held, the same at listing and as_of."""
    roles = defaultdict(list)
    for firm in truth["firms"]:
        for r in firm["roles"]:
            roles[r["person"]].append((firm["key"], r))
    situations = Counter()
    for record in (r for r in truth["records"] if r["subject_type"] == "person"):
        def holding(day: str) -> set[str]:
            return {f for f, r in roles[record["subject"]]
                    if r["role"] in KEY_ROLES and r["start"] <= day and (r["end"] is None or day < r["end"])}

        at_listing, at_as_of = holding(record["valid_from"]), holding(truth["as_of"])
        assert at_listing == at_as_of, record
        left = {f for f, r in roles[record["subject"]] if r["end"] and r["end"] <= record["valid_from"]}
        situations[(record["kind"], "holding" if at_listing else "left" if left else "no key role")] += 1
        situations["two firms"] += len(at_listing) > 1
    for kind in ("DishonestJudgmentDebtor", "SeriousDishonest"):
        assert situations[(kind, "holding")] >= 1 and situations[(kind, "left")] >= 1, situations
    assert situations["two firms"] >= 1


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "cli"), "--firms", "20", "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    assert set(p.name for p in (tmp_path / "cli").iterdir()) == ALL_FILES
    assert all(name in printed for name in ALL_FILES)


def _parse(text: str) -> str | None:
    """A document date as ISO (the three styles the generator writes), None for an empty cell."""
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?", text.strip())
    assert m, text
    return date(int(m[1]), int(m[2]), int(m[3])).isoformat()


def test_every_list_is_recognised_by_its_own_extractor(out: Path) -> None:
    """By content, without --as: each document goes to the extractor of its list."""
    from cscs.extract.registry import choose
    from cscs.extract.source import Source

    expected = {"key_personnel.xlsx": "key_personnel", "dishonest.json": "dishonest", "dishonest.xlsx": "dishonest",
                "serious_dishonest.pdf": "serious_dishonest", "honours.pdf": "honours", "red_list.xlsx": "red_list",
                "abnormal_operations.html": "abnormal_operations", "abnormal_taxpayers.csv": "abnormal_taxpayers",
                "penalties.csv": "penalties", "donations.csv": "donations", "volunteer.html": "volunteer",
                "debt_evasion.xlsx": "debt_evasion", "overseas_equity.html": "overseas_equity",
                "social_insurance.csv": "social_insurance", "tax_arrears.pdf": "tax_arrears",
                "major_tax_violation.csv": "major_tax_violation", "spot_checks.xlsx": "spot_checks",
                "safety_hazards.html": "safety_hazards", "environment.csv": "environment",
                "enforcement.xlsx": "enforcement", "commitments.html": "commitments",
                "regulatory_measures.xlsx": "regulatory_measures"}
    assert set(expected) == set(FORMATS)
    assert {name: choose(Source(out / name)).name for name in FORMATS} == expected
