"""``cscs resolve`` as a user decides pairs: ``--undo`` takes the arguments ``--same`` or
``--not-same`` had, in either order, whatever the judgement linked since; a node is not
judged against itself."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc

X = make_uscc("330106", "40000001")
TYPO = "杭州西汉实业有限公司"  # one character off the registry's 杭州西溪实业有限公司: not even for review


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    return path


@pytest.fixture
def store(tmp_path: Path, capsys) -> Path:
    store = tmp_path / "store"
    registry = write_csv(tmp_path / "registry.csv", [
        ["企业名称", "统一社会信用代码", "法定代表人", "成立日期", "登记机关"],
        ["杭州西溪实业有限公司", X, "王伟", "2010-05-06", "杭州市西湖区市场监督管理局"]])
    listing = write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        [TYPO, "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])
    assert run(capsys, "--store", str(store), "ingest", str(shipped_rubric()), str(registry), str(listing))[0] == 0
    return store


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def total(capsys, store: Path) -> int:
    code, out, _ = run(capsys, "--store", str(store), "explain", X, "--as-of", "2024-06-30", "--format", "json")
    assert code == 0
    return int(json.loads(out)["total"])


@pytest.mark.parametrize("order", ["as given", "reversed"])
def test_undo_takes_the_arguments_of_same(capsys, store: Path, order: str) -> None:
    assert total(capsys, store) == 815
    assert run(capsys, "--store", str(store), "resolve", "--same", TYPO, X, "--note", "same address")[0] == 0
    assert total(capsys, store) == 795  # abnormal operations, now on the firm
    pair = [TYPO, X] if order == "as given" else [X, TYPO]
    code, out, _ = run(capsys, "--store", str(store), "resolve", "--undo", *pair)
    assert (code, out.strip()) == (0, "judgement taken back")
    assert total(capsys, store) == 815
    assert run(capsys, "--store", str(store), "resolve", "--undo", *pair)[:2] == (
        1, "no judgement by a user on that pair\n")


def test_not_same_refuses_a_node_against_itself(capsys, store: Path) -> None:
    # the USCC and the organisation code inside it name one node
    code, out, err = run(capsys, "--store", str(store), "resolve", "--not-same", X, f"{X[8:16]}-{X[16]}")
    assert code == 2 and out == ""
    assert err.strip() == (f"cscs: error: both name the same node https://w3id.org/cscs/id/enterprise/oc-{X[8:17]}: "
                           "a judgement is on two different nodes")
    code, out, _ = run(capsys, "--store", str(store), "resolve", "--format", "json")
    assert '"review": []' in out and total(capsys, store) == 815
