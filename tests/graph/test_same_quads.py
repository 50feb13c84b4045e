"""The graph an ingest writes, quad for quad, against what the ordinary path wrote before
issue 15's faster N-Triples writing (``golden/*.nt``, made with the code of main at
8254f3a): a lost, added or altered quad fails here, on every path (in this process, in
the extraction process, streamed in batches).

Graph and record IRIs carry the document's digest, and xlsx files carry the time they
were written, so the digest is replaced by ``SHA``; the PROV-O account (file name,
path, clock times) is left out, as it is written by :func:`graph.ingest.provenance`,
which the change did not touch.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cscs.graph import pipeline
from cscs.graph.bulk import bulk_ingest
from cscs.graph.ingest import ingest_file
from cscs.graph.store import open_store
from cscs.sample.corpus import generate

GOLDEN = Path(__file__).parent / "golden"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def corpus_files(out: Path) -> dict[str, Path]:
    """The sample corpus (every list layout: CSV, TSV-like, xlsx, HTML, JSON, PDF rows with
    boxes) and the ingest bench's penalties CSV."""
    from ingest_bench import write_penalties

    files = dict(generate(out / "corpus", firms=25, seed=7).files)
    files["bench_penalties.csv"] = write_penalties(out / "bench_penalties.csv", 40)
    return files


def document_quads(store, graph: str) -> list[str]:
    """The document's quads as sorted N-Triples lines, its digest as ``SHA``, without
    the PROV-O account of the document, its extraction and the extractor."""
    sha = graph.rsplit("/", 1)[1]
    lines = []
    for quad in store.raw.quads_for_pattern(None, None, None, None):
        if quad.graph_name.value != graph:
            continue
        subject = quad.subject.value
        if subject == graph or "/id/extraction/" in subject or "/id/extractor/" in subject:
            continue
        line = f"{quad.subject} {quad.predicate} {quad.object} ."
        lines.append(line.replace(sha, "SHA").replace(sha[:16], "SHA16"))
    return sorted(lines)


def _key(name: str) -> str:
    """A file's golden name: its name with the dot (dishonest.json and dishonest.xlsx both)."""
    return name.replace(".", "_")


def golden(name: str) -> list[str]:
    return (GOLDEN / f"{name}.nt").read_text(encoding="utf-8").splitlines()


NAMES = sorted(p.stem for p in GOLDEN.glob("*.nt"))


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return {_key(n): p for n, p in corpus_files(tmp_path_factory.mktemp("same-quads")).items()}


def test_every_golden_document_is_checked() -> None:
    assert len(NAMES) == 23  # the corpus's 22 documents and the bench's penalties list


@pytest.mark.parametrize("process_bytes", [1 << 30, 0], ids=["in-process", "child-process"])
@pytest.mark.parametrize("name", NAMES)
def test_the_ordinary_path_writes_the_quads_it_wrote_before(name: str, files, monkeypatch, process_bytes) -> None:
    monkeypatch.setattr(pipeline, "PROCESS_BYTES", process_bytes)
    store = open_store(memory=True)
    report = ingest_file(store, files[name])
    assert report.status == "added", report.error
    assert document_quads(store, report.graph) == golden(name)


@pytest.mark.parametrize("name", [n for n in NAMES if n.endswith("_csv")])
def test_the_bulk_path_writes_the_same_quads(name: str, files) -> None:
    """In one batch, the very quads; in batches of 3 rows, none lost (a node met again in
    a later batch is described again there: a membership gets the later row too)."""
    whole, batched = open_store(memory=True), open_store(memory=True)
    report = bulk_ingest(whole, files[name], batch_rows=100_000)
    assert report.status == "added", report.error
    assert document_quads(whole, report.graph) == golden(name)
    report = bulk_ingest(batched, files[name], batch_rows=3)
    assert set(golden(name)) <= set(document_quads(batched, report.graph))


def write_golden(out: Path) -> None:
    """Regenerate ``golden/`` (only with the code whose output is the reference)."""
    for name, path in corpus_files(out).items():
        store = open_store(memory=True)
        report = ingest_file(store, path)
        assert report.status == "added", (name, report.error)
        (GOLDEN / f"{_key(name)}.nt").write_text("\n".join(document_quads(store, report.graph)) + "\n",
                                                     encoding="utf-8")


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        write_golden(Path(tmp))
