"""``ingest --as NAME`` on a document read earlier by another extractor reads it again
with NAME, replacing its graph whole."""

from __future__ import annotations

from pathlib import Path

from cscs.cli import main
from cscs.demo import shipped_rubric

USCC = "91330106MA2EXKL02K"
PREFIX = "PREFIX cscs: <https://w3id.org/cscs/ns#> "


def both_ways(folder: Path) -> Path:
    """A table an abnormal-operations list and a penalty list could both be read from."""
    path = folder / "both.csv"
    path.write_text("企业名称,统一社会信用代码,列入经营异常名录原因,列入日期,作出决定机关,行政相对人名称,行政处罚决定书文号,处罚决定日期\n"
                    f"杭州两读有限公司,{USCC},通过登记的住所或者经营场所无法联系,2023-01-10,"
                    "杭州市西湖区市场监督管理局,杭州两读有限公司,杭西市监罚〔2023〕12号,2023-01-10\n", encoding="utf-8")
    return path


def kinds(graph) -> list[str]:
    rows = graph.query(PREFIX + "SELECT ?kind WHERE { ?r cscs:recordKind ?kind }")
    return sorted(str(r["kind"]).rsplit("#", 1)[-1] for r in rows)


def test_another_extractor_re_reads_the_document(capsys, tmp_path):
    from cscs.api import Graph

    store, table = tmp_path / "store", both_ways(tmp_path)
    assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
    assert main(["--store", str(store), "ingest", "--quiet", str(table), "--as", "abnormal_operations"]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "score", "--all", "--as-of", "2024-06-30"]) == 0
    capsys.readouterr()
    assert main(["--store", str(store), "ingest", "--quiet", str(table), "--as", "penalties"]) == 0
    out = capsys.readouterr().out
    assert "re-extracted both.csv  [penalties] (was [abnormal_operations]) 1 records" in out
    assert "0 added, 1 re-extracted, 0 unchanged" in out
    assert main(["--store", str(store), "ingest", "--quiet", str(table), "--as", "penalties"]) == 0
    assert "0 added, 1 unchanged" in capsys.readouterr().out  # the same extractor again: nothing to do
    assert main(["--store", str(store), "ingest", "--quiet", str(table)]) == 0  # no --as: as it is
    assert "0 added, 1 unchanged" in capsys.readouterr().out
    graph = Graph(path=store)
    assert kinds(graph) == ["AdministrativePenalty"]
    documents = [d for d in graph.documents() if d["title"] == "both.csv"]
    assert len(documents) == 1 and documents[0]["extractor"] == "penalties"
    assert graph.refresh_scores("2024-06-30").mode == "full"  # the old score set was computed from the old graph
