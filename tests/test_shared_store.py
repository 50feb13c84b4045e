"""A store held by a running explorer: reading commands and notebooks run beside it,
a writing command says what holds the store."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.graph.store import StoreError, server_marker


@pytest.fixture
def served(tmp_path: Path):
    store = tmp_path / "store"
    assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
    server = subprocess.Popen([sys.executable, "-m", "cscs", "--store", str(store), "serve", "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        assert "cscs explorer on http://" in line, line
        for _ in range(100):  # the marker is written before the server starts listening
            if server_marker(store).exists():
                break
            time.sleep(0.05)
        yield store, server.pid
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_reading_commands_run_beside_the_explorer(served, capsys, tmp_path):
    store, pid = served
    assert main(["--store", str(store), "rubrics"]) == 0
    assert "zhejiang-2020" in capsys.readouterr().out
    assert main(["--store", str(store), "documents"]) == 0
    assert "zhejiang-2020" in capsys.readouterr().out
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert main(["--store", str(store), "query", str(query)]) == 0
    assert capsys.readouterr().out == "true\n"
    notebook = Graph(path=store, read_only=True)
    assert [r["id"] for r in notebook.rubrics()] == ["zhejiang-2020"]
    listing = tmp_path / "abnormal.csv"
    listing.write_text("企业名称,统一社会信用代码,列入经营异常名录原因,列入日期,作出决定机关(列入)\n"
                       "杭州只读有限公司,91330106MA2EXKL02K,无法联系,2023-01-10,杭州市西湖区市场监督管理局\n",
                       encoding="utf-8")
    with pytest.raises(StoreError, match="open read-only"):
        notebook.ingest([listing])


def test_a_writing_command_names_the_running_explorer(served, capsys):
    store, pid = served
    assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cscs: error: the store at {store} is in use by the explorer (cscs serve, pid {pid}, "
                          "http://127.0.0.1:0/)")
    assert "commands that only read" in err and err.count("\n") == 1
    with pytest.raises(StoreError, match=f"pid {pid}"):
        Graph(path=store)


def test_the_marker_goes_with_the_explorer(served):
    store, _ = served
    assert server_marker(store).exists()
