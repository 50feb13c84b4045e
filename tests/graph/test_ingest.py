"""Ingest is one named graph per document, idempotent, atomic and retractable, and
bad input is rejected with one clear message naming the file and the place."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from cscs.api import Graph
from cscs.extract.identifiers import make_uscc
from cscs.extract.lists.abnormal_operations import AbnormalOperationsList
from cscs.graph.store import open_store

HEADER = ["企业名称", "统一社会信用代码", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"]
USCC = make_uscc("330106", "20000001")


def abnormal_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


ROW = ["杭州测试有限公司", USCC, "通过登记的住所或者经营场所无法联系", "2023-01-10", "杭州市西湖区市场监督管理局"]


def snapshot(graph: Graph) -> set[str]:
    return {str(q) for q in graph.store.raw}


def test_one_named_graph_per_document_with_provenance(graph: Graph, tmp_path: Path) -> None:
    path = abnormal_csv(tmp_path / "list.csv", [ROW])
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.extractor == "abnormal_operations"
    (doc,) = [d for d in graph.documents() if d["title"] == "list.csv"]
    assert doc["extractor"] == "abnormal_operations" and doc["records"] == 1
    assert report.graph == doc["doc"] and doc["doc"].endswith(doc["sha256"])
    ask = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX cscs: <https://w3id.org/cscs/ns#>
        ASK { GRAPH ?g { ?r cscs:recordKind cscs:AbnormalOperation ; prov:wasDerivedFrom ?g ; cscs:sourceRow 2 .
                         ?g prov:wasGeneratedBy ?a . ?a prov:wasAssociatedWith ?agent ; prov:used ?g .
                         ?agent cscs:extractorName "abnormal_operations" } }"""
    assert graph.store.ask(ask)


def test_reingesting_the_same_bytes_changes_nothing(graph: Graph, tmp_path: Path) -> None:
    path = abnormal_csv(tmp_path / "list.csv", [ROW])
    graph.ingest([path])
    before = snapshot(graph)
    copy = tmp_path / "renamed.csv"
    copy.write_bytes(path.read_bytes())
    reports = graph.ingest([path, copy])
    assert [r.status for r in reports] == ["unchanged", "unchanged"]
    assert snapshot(graph) == before


def test_retract_removes_the_document_and_its_score_effect(graph: Graph, tmp_path: Path) -> None:
    before = snapshot(graph)
    path = abnormal_csv(tmp_path / "list.csv", [ROW])
    graph.ingest([path])
    from datetime import date
    assert graph.score(USCC, date(2024, 1, 1))[0].total == 795
    graph.retract("list.csv")
    assert snapshot(graph) == before
    with pytest.raises(LookupError):
        graph.find_firm(USCC)


def test_a_failing_extractor_leaves_the_store_as_it_was(graph: Graph, tmp_path: Path, monkeypatch) -> None:
    before = snapshot(graph)
    path = abnormal_csv(tmp_path / "list.csv", [ROW, ROW])
    calls = []

    def crash_on_second_row(self, ctx, row):
        calls.append(row)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return original(self, ctx, row)

    original = AbnormalOperationsList.row
    monkeypatch.setattr(AbnormalOperationsList, "row", crash_on_second_row)
    (report,) = graph.ingest([path])
    assert report.status == "rejected" and "internal error" in report.error and "list.csv" in report.error
    assert snapshot(graph) == before


def test_a_write_interrupted_midway_writes_nothing() -> None:
    store = open_store(memory=True)
    g = NamedNode("https://w3id.org/cscs/doc/x")

    def quads():
        for i in range(1000):
            if i == 500:
                raise RuntimeError("interrupted")
            yield Quad(NamedNode(f"urn:s{i}"), NamedNode("urn:p"), Literal(str(i)), g)

    with pytest.raises(RuntimeError):
        store.write_graph(g, quads())
    assert len(store) == 0 and not store.has_graph(g)


@pytest.mark.parametrize("name,content,message", [
    ("empty.csv", b"", "empty.csv: empty file"),
    ("blank.csv", b"  \n\n", "blank.csv: empty file"),
    ("truncated.pdf", None, "truncated.pdf"),
    ("noise.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 4, "noise.pdf"),
    ("broken.xlsx", b"PK\x03\x04" + b"\x00" * 100, "broken.xlsx"),
    ("bad.json", b'{"data": [1, 2,', "bad.json"),
])
def test_bad_files_are_rejected_with_their_name(graph: Graph, tmp_path: Path, name: str,
                                                content: bytes | None, message: str) -> None:
    if content is None:
        from reportlab.pdfgen import canvas
        full = tmp_path / "full.pdf"
        c = canvas.Canvas(str(full))
        c.drawString(100, 700, "list")
        c.save()
        content = full.read_bytes()[: len(full.read_bytes()) * 6 // 10]
    path = tmp_path / name
    path.write_bytes(content)
    before = snapshot(graph)
    (report,) = graph.ingest([path], extractor="abnormal_operations")
    assert report.status == "rejected"
    assert report.error.startswith(str(path)) or report.error.startswith(name), report.error
    assert message in report.error
    assert snapshot(graph) == before


def test_wrong_encoding_is_named_with_its_place(graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(",".join(HEADER).encode("utf-8") + b"\n\xff\xfe\xfa\xfb,x\n")
    (report,) = graph.ingest([path], extractor="abnormal_operations")
    assert report.status == "rejected"
    assert "latin.csv" in report.error and "byte" in report.error


def test_unknown_columns_are_warned_not_dropped_silently(graph: Graph, tmp_path: Path) -> None:
    path = abnormal_csv(tmp_path / "extra.csv", [ROW + ["备注文字"]], HEADER + ["神秘列"])
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.counts.records == 1
    assert [str(p) for p in report.warnings] == [
        "warning: extra.csv, row 1: unknown column '神秘列' is not read by the abnormal_operations extractor"]


def test_rows_with_bad_values_are_skipped_with_a_warning(graph: Graph, tmp_path: Path) -> None:
    bad_date = ROW[:3] + ["2023-13-45"] + ROW[4:]
    path = abnormal_csv(tmp_path / "dates.csv", [ROW, bad_date])
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.counts.records == 1
    assert any("dates.csv, row 3" in str(p) and "列入日期" in str(p) for p in report.warnings)


def test_invalid_codes_are_flagged_and_kept(graph: Graph, tmp_path: Path) -> None:
    bad = USCC[:17] + ("1" if USCC[17] != "1" else "2")
    path = abnormal_csv(tmp_path / "codes.csv", [ROW[:1] + [bad] + ROW[2:]])
    (report,) = graph.ingest([path])
    assert report.counts.records == 1
    assert [str(p) for p in report.warnings] == [
        f"warning: codes.csv, row 2: USCC {bad} fails its check character; kept and flagged"]
    assert graph.store.ask("PREFIX cscs: <https://w3id.org/cscs/ns#> ASK { ?f cscs:failsCheck ?c }")


def test_a_document_no_extractor_recognises(graph: Graph, tmp_path: Path) -> None:
    path = abnormal_csv(tmp_path / "other.csv", [["a", "b"]], ["颜色", "形状"])
    (report,) = graph.ingest([path])
    assert report.status == "rejected" and "no extractor recognises" in report.error
    assert "other.csv" in report.error


def test_folders_are_ingested_file_by_file(graph: Graph, tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    abnormal_csv(folder / "a.csv", [ROW])
    (folder / "broken.json").write_text("{", encoding="utf-8")
    reports = graph.ingest([folder])
    assert sorted((r.path.name, r.status) for r in reports) == [("a.csv", "added"), ("broken.json", "rejected")]


def test_a_document_is_retracted_by_the_path_of_its_file(graph: Graph, tmp_path: Path) -> None:
    """A user names the file they ingested (any path to the same bytes), not its title."""
    before = snapshot(graph)
    path = abnormal_csv(tmp_path / "list.csv", [ROW])
    graph.ingest([path])
    moved = tmp_path / "elsewhere" / "renamed.csv"
    moved.parent.mkdir()
    moved.write_bytes(path.read_bytes())
    graph.retract(str(moved))
    assert snapshot(graph) == before
