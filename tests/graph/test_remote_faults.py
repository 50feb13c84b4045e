"""Network faults against a remote store give one clear error and leave the server's
graph consistent; rerunning the ingest completes it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc

import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from servers import free_port, oxigraph_graph, oxigraph_server  # noqa: E402


def listing(path: Path, n: int, first: int = 0) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["企业名称", "统一社会信用代码", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"])
        for i in range(first, first + n):
            writer.writerow([f"杭州故障{i}有限公司", make_uscc("330106", f"5{i:07d}"), "无法联系", "2023-01-10", "杭州市市场监督管理局"])
    return path


def test_a_server_that_is_down_gives_one_clear_error(capsys) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    code = main(["--endpoint", f"{url}/query", "--update-endpoint", f"{url}/update", "score"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and err.startswith(f"cscs: error: query failed at {url}/query") and "\n" not in err


def test_a_server_lost_mid_ingest_leaves_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    docs = [listing(tmp_path / f"list{i}.csv", 30, first=30 * i) for i in range(3)]
    data = tmp_path / "server-data"
    with oxigraph_server(data) as base:
        graph = oxigraph_graph(base)
        assert [r.status for r in graph.ingest([shipped_rubric(), docs[0]])] == ["added", "added"]
    # the server is gone: the remaining documents are rejected, each with a clear message
    reports = graph.ingest(docs[1:])
    assert [r.status for r in reports] == ["rejected", "rejected"]
    assert all("failed at" in r.error and r.path.name in r.error for r in reports)
    with oxigraph_server(data) as base:
        graph = oxigraph_graph(base)
        # what was written is whole; a rerun of the same ingest completes the rest
        assert [d["title"] for d in graph.documents()] == ["zhejiang-2020.tsv", "list0.csv"]
        reports = graph.ingest([shipped_rubric(), *docs])
        assert [r.status for r in reports] == ["unchanged", "unchanged", "added", "added"]
        assert sorted(d["title"] for d in graph.documents()) == ["list0.csv", "list1.csv", "list2.csv",
                                                                 "zhejiang-2020.tsv"]
        assert len(graph.score()) == 90
