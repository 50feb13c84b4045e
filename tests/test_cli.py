"""The command line on an on-disk store: ingest → score → explain → query → export → retract."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc
from cscs.graph.queries import load as load_query

USCC = make_uscc("330106", "30000001")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    path = tmp_path / "abnormal.csv"
    path.write_text("企业名称,统一社会信用代码,列入经营异常名录原因,列入日期,作出决定机关(列入)\n"
                    f"杭州命令行有限公司,{USCC},通过登记的住所或者经营场所无法联系,2023-01-10,杭州市西湖区市场监督管理局\n",
                    encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_score_explain(capsys, store: Path, listing: Path) -> None:
    code, out, _ = run(capsys, "--store", str(store), "ingest", str(shipped_rubric()), str(listing))
    assert code == 0 and "2 added, 0 unchanged" in out
    code, out, _ = run(capsys, "--store", str(store), "ingest", str(listing))
    assert code == 0 and "0 added, 1 unchanged" in out

    code, out, _ = run(capsys, "--store", str(store), "score", "--as-of", "2024-06-30", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["identifier"], row["name"], row["Basic Data"], row["total"], row["grade"]) == (
        USCC, "杭州命令行有限公司", "60", "795", "good")

    code, out, _ = run(capsys, "--store", str(store), "explain", "杭州命令行", "--as-of", "2024-06-30",
                       "--format", "json")
    data = json.loads(out)
    assert set(data) == {"firm", "name", "uscc", "rubric", "as_of", "total", "grade", "grade_assumed", "warnings",
                         "categories", "indicators", "assumptions"}
    (abnormal,) = [i for i in data["indicators"] if i["label"] == "Abnormal Operations"]
    assert (abnormal["points"], abnormal["max"], abnormal["counted"]) == (0, 20, 1)
    (evidence,) = abnormal["evidence"]
    assert (evidence["document_title"], evidence["row"], evidence["valid_from"], evidence["link_type"]) == (
        "abnormal.csv", 2, "2023-01-10", "uscc")
    assert evidence["extractor"] == "abnormal_operations" and evidence["extractor_version"]

    code, out, _ = run(capsys, "--store", str(store), "explain", USCC, "--as-of", "2024-06-30")
    assert "Abnormal Operations" in out and "abnormal.csv, row 2" in out and "linked by uscc" in out
    assert f"abnormal.csv, row 2 (read by abnormal_operations {evidence['extractor_version']})" in out


def test_query_export_retract(capsys, store: Path, listing: Path, tmp_path: Path) -> None:
    run(capsys, "--store", str(store), "ingest", str(shipped_rubric()), str(listing))
    query = tmp_path / "names.rq"
    query.write_text("PREFIX rov: <http://www.w3.org/ns/regorg#> SELECT ?name WHERE { VALUES ?firm { UNDEF } "
                     "?firm rov:legalName ?name }", encoding="utf-8")
    firm = "https://w3id.org/cscs/id/enterprise/oc-" + USCC[8:17]
    code, out, _ = run(capsys, "--store", str(store), "query", str(query), "-p", f"firm=<{firm}>", "--format", "json")
    assert code == 0 and json.loads(out) == [{"name": "杭州命令行有限公司"}]

    export = tmp_path / "graph.trig"
    assert run(capsys, "--store", str(store), "export", "--format", "trig", "-o", str(export))[0] == 0
    dataset = rdflib.Dataset()
    dataset.parse(export, format="trig")
    assert len(list(dataset.graphs())) >= 3  # default + rubric + list

    code, out, _ = run(capsys, "--store", str(store), "retract", "abnormal.csv")
    assert code == 0 and out.startswith("retracted https://w3id.org/cscs/doc/")
    code, _, err = run(capsys, "--store", str(store), "explain", USCC)
    assert code == 2 and "no firm matches" in err


def test_errors_are_one_line_and_a_nonzero_exit(capsys, store: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--store", str(store), "score")
    assert code == 2 and err.strip().startswith(f"cscs: error: no store at {store}: nothing was ingested there")
    assert not store.exists()  # a reading command on a mistyped --store leaves nothing behind
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "--store", str(store), "ingest", "--quiet", str(empty))
    assert code == 1 and f"rejected  {empty}: empty file" in err and "1 rejected" in out
    code, _, err = run(capsys, "--store", str(store), "score")
    assert code == 2 and err.strip() == ("cscs: error: no rubric in the graph; ingest one first "
                                         "(cscs ingest RUBRIC.tsv), or run cscs demo")


def test_console_script_is_installed() -> None:
    result = subprocess.run([sys.executable, "-m", "cscs", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("cscs ")


def test_query_show_prints_the_expanded_query_and_a_shipped_name_runs(capsys, store: Path, listing: Path) -> None:
    code, out, _ = run(capsys, "--store", str(store), "query", "score", "--show")
    assert code == 0 and "#include" not in out
    assert "cscs:validityMonths ?months" in out and out == load_query("score")
    run(capsys, "--store", str(store), "ingest", str(shipped_rubric()), str(listing))
    code, out, _ = run(capsys, "--store", str(store), "query", "queries/score.rq", "-p",
                       "rubric=<https://w3id.org/cscs/id/rubric/zhejiang-2020>", "-p", "asOf=2024-06-30",
                       "--format", "json")
    assert code == 0 and {row["category"] for row in json.loads(out)}


def test_compare_two_dates_with_a_what_if_and_a_migration_table(capsys, store: Path, listing: Path,
                                                               tmp_path: Path) -> None:
    run(capsys, "--store", str(store), "ingest", str(shipped_rubric()), str(listing))
    tables, moves = tmp_path / "tables", tmp_path / "moves.csv"
    common = ("--store", str(store), "compare", "--tables", str(tables))
    code, out, _ = run(capsys, *common, "zhejiang-2020@2022-06-30", "zhejiang-2020@2024-06-30", "--format", "csv",
                       "--migration", str(moves))
    assert code == 0
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert (row["identifier"], row["name"], row["total_a"], row["total_b"], row["difference"], row["changed"]) == \
        (USCC, "杭州命令行有限公司", "815", "795", "-20", "Abnormal Operations")
    assert (row["grade_a"], row["grade_b"]) == ("good", "good")
    assert list(csv.reader(moves.open(encoding="utf-8"))) == [["grade_a", "good"], ["good", "1"]]

    why = json.loads(run(capsys, "--store", str(store), "explain", USCC, "--as-of", "2024-06-30",
                         "--format", "json")[1])
    (record,) = [e["record"] for i in why["indicators"] for e in i["evidence"] if e["status"] == "counted"]
    code, out, _ = run(capsys, *common, "zhejiang-2020@2024-06-30", "zhejiang-2020@2024-06-30", "--format", "json",
                       "--assume-repaired", f"{record}@2024-01-01")
    assert code == 0 and [(r["total_a"], r["total_b"], r["changed"]) for r in json.loads(out)] == \
        [(795, 815, "Abnormal Operations")]
    code, out, _ = run(capsys, *common, "zhejiang-2020@2024-06-30", "zhejiang-2020@2024-06-30", "--format", "json",
                       "--add-record", "AdministrativePenalty", USCC, "2024-02-01")
    assert [(r["total_b"], r["changed"]) for r in json.loads(out)] == [(765, "Administrative Penalty")]
    assert json.loads(run(capsys, "--store", str(store), "explain", USCC, "--as-of", "2024-06-30",
                          "--format", "json")[1])["total"] == 795  # the store is untouched

    code, _, err = run(capsys, *common, "zhejiang-2020", "zhejiang-2020@2024-06-30")
    assert code == 2 and "expected RUBRIC@YYYY-MM-DD" in err
    code, _, err = run(capsys, *common, "zhejiang-2020@2024-06-30", "zhejiang-2020@2024-06-30",
                       "--assume-removed", "https://example.org/nothing@2024-01-01")
    assert code == 2 and "no record https://example.org/nothing" in err
    out_file = tmp_path / "cmp.parquet"
    assert run(capsys, *common, "zhejiang-2020@2022-06-30", "zhejiang-2020@2024-06-30", "--format", "parquet",
               "-o", str(out_file))[0] == 0
    import pandas as pd
    assert pd.read_parquet(out_file)["difference"].tolist() == [-20]
