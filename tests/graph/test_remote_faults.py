"""Network faults against a remote store give one clear error and leave the server's
graph consistent; rerunning the ingest completes it."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc
from cscs.graph.store import StoreError

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
    # the server is gone: the ingest stops at the first file, with one clear message
    with pytest.raises(StoreError, match=r"^list1\.csv: .*failed at .*stopped after 0 of 2 files"):
        graph.ingest(docs[1:])
    with oxigraph_server(data) as base:
        graph = oxigraph_graph(base)
        # what was written is whole; a rerun of the same ingest completes the rest
        assert [d["title"] for d in graph.documents()] == ["zhejiang-2020.tsv", "list0.csv"]
        reports = graph.ingest([shipped_rubric(), *docs])
        assert [r.status for r in reports] == ["unchanged", "unchanged", "added", "added"]
        assert sorted(d["title"] for d in graph.documents()) == ["list0.csv", "list1.csv", "list2.csv",
                                                                 "zhejiang-2020.tsv"]
        assert len(graph.score()) == 90


def test_a_server_lost_mid_ingest_prints_one_line_and_stops(tmp_path: Path, capsys, monkeypatch) -> None:
    """The CLI: no traceback and no line per remaining file, one error and exit 2."""
    from cscs.graph import ingest as ingest_mod

    docs = [listing(tmp_path / f"list{i}.csv", 5, first=5 * i) for i in range(4)]
    server = oxigraph_server(tmp_path / "server-data")
    base = server.__enter__()
    real, alive = ingest_mod.ingest_file, [True]

    def stop() -> None:
        if alive.pop() if alive else False:
            server.__exit__(None, None, None)

    def then_the_server_dies(*args, **kwargs):
        report = real(*args, **kwargs)
        stop()
        return report

    monkeypatch.setattr(ingest_mod, "ingest_file", then_the_server_dies)
    endpoint = ["--endpoint", f"{base}/query", "--update-endpoint", f"{base}/update",
                "--store-endpoint", f"{base}/store"]
    try:
        assert main([*endpoint, "ingest", "--quiet", *map(str, docs)]) == 2
    finally:
        stop()
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.startswith("cscs: error: list1.csv: ") and "stopped after 1 of 4 files" in err, err
    assert "\n" not in err and "Traceback" not in captured.out + captured.err
