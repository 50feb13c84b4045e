"""The bulk path: a list file streamed in batches gives the same graph as the ordinary
path, an interrupted load resumes to the same graph, and bad data leaves nothing."""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc
from cscs.graph.bulk import bulk_ingest, partial_documents, read_checkpoint
from cscs.graph.ingest import ingest_file
from cscs.graph.store import open_store
from cscs.ontology.namespaces import doc_graph

HEADER = ["统一社会信用代码", "企业名称", "法定代表人", "列入经营异常名录原因", "列入日期", "作出决定机关（列入）",
          "移出日期"]


def write_list(path: Path, rows: int, encoding: str = "utf-8") -> Path:
    """An abnormal-operations list with a failing check character and an undated row."""
    with path.open("w", newline="", encoding=encoding) as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            uscc = make_uscc("330102", f"{i:08d}")
            if i == 5:
                uscc = uscc[:-1] + ("0" if uscc[-1] != "0" else "1")  # fails its check character
            listed = "" if i == 9 else f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"
            removed = "2022-03-01" if i % 4 == 0 else ""
            out.writerow([uscc, f"杭州测试{i}贸易有限公司", "张三", "通过登记的住所或者经营场所无法联系的", listed,
                          "杭州市市场监督管理局", removed])
    return path


def facts(store) -> set[str]:
    """Every quad but the extraction's clock times."""
    return {str(q) for q in store.raw.quads_for_pattern(None, None, None, None)
            if "Time>" not in str(q.predicate)}


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    return write_list(tmp_path / "abnormal.csv", 100)


def test_batches_give_the_graph_the_ordinary_path_gives(listing: Path) -> None:
    ordinary, streamed = open_store(memory=True), open_store(memory=True)
    expected = ingest_file(ordinary, listing)
    report = bulk_ingest(streamed, listing, batch_rows=7)
    assert report.status == expected.status == "added"
    assert report.counts.rows == 100 and report.counts.records == 99 and report.counts.skipped_rows == 1
    assert [str(p) for p in report.problems] == [str(p) for p in expected.problems]
    assert any("fails its check character" in str(p) for p in report.problems)
    assert facts(streamed) == facts(ordinary)
    assert bulk_ingest(streamed, listing).status == "unchanged"


class Interrupted(BaseException):  # the process dying, not an error a handler may catch
    pass


class DiesAfter:
    """The real store, until the ``n``-th batch: then the process 'dies'."""

    def __init__(self, store, n: int):
        self._store, self._left = store, n

    def append(self, graph, quads) -> None:
        self._left -= 1
        if self._left < 0:
            raise Interrupted
        if self._left == 0:  # half of this batch reaches the disk before the crash
            quads = list(quads)
            self._store.append(graph, quads[: len(quads) // 2])
            raise Interrupted
        self._store.append(graph, quads)

    def __getattr__(self, name: str):
        return getattr(self._store, name)


def test_an_interrupted_load_resumes_to_the_same_graph(listing: Path, tmp_path: Path) -> None:
    whole = open_store(memory=True)
    bulk_ingest(whole, listing, batch_rows=7)
    store = open_store(tmp_path / "store")
    with pytest.raises(Interrupted):
        bulk_ingest(DiesAfter(store, 5), listing, batch_rows=7)
    graph = doc_graph(hashlib.sha256(listing.read_bytes()).hexdigest())
    checkpoint = read_checkpoint(store, graph)
    assert checkpoint is not None and checkpoint.rows == 28  # four whole batches of 7
    assert partial_documents(store) == [graph.value]
    report = bulk_ingest(store, listing, batch_rows=7)
    assert report.status == "added" and report.counts.rows == 100 - 28
    assert partial_documents(store) == [] and read_checkpoint(store, graph) is None
    assert facts(store) == facts(whole)


def test_the_ordinary_ingest_resumes_a_partial_load(listing: Path, tmp_path: Path) -> None:
    g = Graph(path=tmp_path / "store")
    with pytest.raises(Interrupted):
        bulk_ingest(DiesAfter(g.store, 2), listing, batch_rows=10)
    from cscs.cli import main

    assert main(["--store", str(tmp_path / "store-other"), "documents"]) == 2  # another store: not there
    assert not (tmp_path / "store-other").exists()
    del g
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--store", str(tmp_path / "store"), "documents"]) == 0
    assert "(unfinished load)" in out.getvalue() and str(listing.resolve()) in out.getvalue()
    assert "10 rows in" in out.getvalue()
    g = Graph(path=tmp_path / "store")
    (report,) = g.ingest([listing], resolve=False)  # small file, but partial: streamed again
    assert report.status == "added" and report.counts.rows == 90  # one batch was in
    assert partial_documents(g.store) == []


def test_bad_data_leaves_no_graph(tmp_path: Path) -> None:
    path = write_list(tmp_path / "broken.csv", 1200)
    data = path.read_bytes()
    cut = data.index("杭州测试1100".encode())
    path.write_bytes(data[:cut] + b"\xff\xfe" + data[cut:])  # not UTF-8, far past the head
    store = open_store(memory=True)
    report = bulk_ingest(store, path, batch_rows=50)
    assert report.status == "rejected", report.error
    assert "broken.csv: line 1102, byte offset" in report.error and "0xFF" in report.error
    assert store.graphs() == []  # the batches before it are gone too


def test_gbk_lists_stream(tmp_path: Path) -> None:
    path = write_list(tmp_path / "gbk.csv", 30, encoding="gbk")
    report = bulk_ingest(open_store(memory=True), path, batch_rows=8)
    assert report.status == "added" and report.counts.records == 29


def test_only_lists_are_streamed(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("甲,乙\n1,2\n", encoding="utf-8")
    report = bulk_ingest(open_store(memory=True), path)
    assert report.status == "rejected" and "notes.csv" in report.error
    rubric = bulk_ingest(open_store(memory=True), shipped_rubric(), extractor_name="rubric")
    assert rubric.status == "rejected" and "list rows" in rubric.error


def test_streamed_lists_score_on_every_store(any_graph: Graph, listing: Path) -> None:
    """Scores from a streamed list equal those from the ordinary path, on servers too."""
    (report,) = any_graph.ingest([listing], bulk=True, resolve=False)
    assert report.status == "added", report.error
    reference = Graph(memory=True)
    reference.ingest([shipped_rubric(), listing], bulk=False, resolve=False)
    day = date(2021, 6, 30)
    for code in (make_uscc("330102", f"{i:08d}") for i in (0, 1, 2)):
        (got,), (want,) = any_graph.score(code, day), reference.score(code, day)
        assert (got.total, got.grade) == (want.total, want.grade) and got.total < 1000


@pytest.mark.parametrize("path", ["bulk", "ordinary"])
def test_a_graph_without_its_account_is_loaded_again_not_taken_as_done(listing: Path, path: str) -> None:
    """The states an older version's crash left (rows in, no checkpoint, no PROV-O
    account): a rerun must load the document again, never report it unchanged."""
    whole = open_store(memory=True)
    bulk_ingest(whole, listing, batch_rows=7)
    store = open_store(memory=True)
    bulk_ingest(store, listing, batch_rows=7)
    graph = doc_graph(hashlib.sha256(listing.read_bytes()).hexdigest())
    store.update("""PREFIX prov: <http://www.w3.org/ns/prov#>
        DELETE { GRAPH ?g { ?g prov:wasGeneratedBy ?a } } WHERE { VALUES ?g { UNDEF } GRAPH ?g { ?g prov:wasGeneratedBy ?a } }""",
                 g=graph)
    assert read_checkpoint(store, graph) is None and store.has_graph(graph)
    report = bulk_ingest(store, listing, batch_rows=7) if path == "bulk" else ingest_file(store, listing)
    assert report.status == "added" and report.counts.records == 99
    assert facts(store) == facts(whole)


#: Where the extraction runs: this process (a small file), or the second process a large
#: file gets (graph.pipeline.PROCESS_BYTES set to 0 makes every file "large").
WHERE = pytest.mark.parametrize("process_bytes", [1 << 30, 0], ids=["in-process", "child-process"])


@WHERE
def test_the_ordinary_path_loads_in_batches_to_the_same_graph(listing: Path, monkeypatch, process_bytes) -> None:
    from cscs.graph import ingest as ingest_mod
    from cscs.graph import pipeline

    whole = open_store(memory=True)
    expected = ingest_file(whole, listing)
    monkeypatch.setattr(ingest_mod, "SPILL_LINES", 50)  # a batch every few rows, loaded meanwhile
    monkeypatch.setattr(pipeline, "PROCESS_BYTES", process_bytes)
    batched = open_store(memory=True)
    report = ingest_file(batched, listing)
    assert report.status == "added" and (report.counts, report.problems) == (expected.counts, expected.problems)
    assert report.counts.records == 99 and len(report.problems) == 2
    assert facts(batched) == facts(whole)


@WHERE
def test_the_bulk_path_gives_the_same_graph_from_either_process(listing: Path, monkeypatch, process_bytes) -> None:
    from cscs.graph import pipeline

    whole = open_store(memory=True)
    expected = ingest_file(whole, listing)
    monkeypatch.setattr(pipeline, "PROCESS_BYTES", process_bytes)
    streamed = open_store(memory=True)
    report = bulk_ingest(streamed, listing, batch_rows=25)
    assert report.status == "added" and (report.counts, report.problems) == (expected.counts, expected.problems)
    assert facts(streamed) == facts(whole)


@WHERE
def test_an_error_in_the_extraction_names_file_and_row(tmp_path: Path, monkeypatch, process_bytes) -> None:
    from cscs.extract.lists.base import ListExtractor
    from cscs.graph import pipeline

    monkeypatch.setattr(pipeline, "PROCESS_BYTES", process_bytes)
    listing = write_list(tmp_path / "list.csv", 40)
    read_row = ListExtractor.read_row

    def fails_at_row_31(self, ctx, row) -> None:
        if row.anchor.row == 31:
            raise ctx.fail(row.anchor, "a row no rule can read")
        read_row(self, ctx, row)

    monkeypatch.setattr(ListExtractor, "read_row", fails_at_row_31)
    for ingest in (ingest_file, lambda store, path: bulk_ingest(store, path, batch_rows=10)):
        store = open_store(memory=True)
        report = ingest(store, listing)
        assert report.status == "rejected" and report.error == "list.csv, row 31: a row no rule can read"
        assert store.graphs() == []


@WHERE
def test_a_document_failing_after_its_first_batches_leaves_no_graph(listing: Path, monkeypatch, process_bytes) -> None:
    from cscs.extract.lists.base import ListExtractor
    from cscs.graph import ingest as ingest_mod
    from cscs.graph import pipeline

    monkeypatch.setattr(ingest_mod, "SPILL_LINES", 50)
    monkeypatch.setattr(pipeline, "PROCESS_BYTES", process_bytes)
    extract = ListExtractor.extract

    def fails_at_the_end(self, ctx, source) -> None:
        extract(self, ctx, source)
        raise ValueError("the last table is broken")

    monkeypatch.setattr(ListExtractor, "extract", fails_at_the_end)
    store = open_store(memory=True)
    report = ingest_file(store, listing)
    assert report.status == "rejected" and "the last table is broken" in report.error
    assert store.graphs() == []  # the batches loaded before the error are gone
