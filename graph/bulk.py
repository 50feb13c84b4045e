"""Large list files into the store: streamed, written in batches, resumable.

A province's registry or a national list runs to millions of rows, more than one
transaction should hold and more than memory should. The bulk path reads the file
lazily, runs the same list extractor row by row, and appends each batch of rows to
the document's named graph (Oxigraph's bulk loader on the embedded store, a Graph
Store POST on a server).

The graph itself is the checkpoint: while a load is under way the document carries
``cscs:ingestStatus "partial"`` and ``cscs:rowsDone``. Running the same ingest again
resumes after the last finished batch; re-adding a batch that was half written
changes nothing, because a graph is a set and record IRIs count rows
deterministically. Only when the last row is in does the PROV-O account replace the
partial marker, so ``cscs documents`` always tells a finished document from one
that is not.

"Done" is only ever that positive mark, the PROV-O account (:func:`graph.ingest.is_complete`),
written last. The markers are written before the first batch, and every change of
them (move the checkpoint on; swap it for the account at the finish) is one update
request, one transaction: a crash anywhere leaves either a checkpoint to resume from
or a finished document. A graph with neither (left by an older version) is loaded
again from the start.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad

from cscs.extract import registry
from cscs.extract.context import ExtractionContext, ExtractionError
from cscs.extract.lists.base import ListExtractor, Row
from cscs.extract.readers import ReaderError
from cscs.extract.readers.csv import stream_csv
from cscs.extract.source import Source
from cscs.ontology.namespaces import CSCS, XSD, doc_graph

from . import pipeline
from .bindings import bind, then_insert
from .crashpoints import crash_point
from .ingest import IngestReport, internal_error, is_complete, provenance
from .protocol import Store
from .queries import load
from .store import StoreError

#: Formats the bulk path streams; others are read whole by the ordinary path.
STREAMABLE = {".csv", ".tsv", ".txt"}
#: Files at least this large go through the bulk path by default.
BULK_BYTES = 32 * 1024 * 1024
#: Rows per batch: ~1M quads or more, the size at which Oxigraph's loader goes parallel.
DEFAULT_BATCH_ROWS = 50_000

PARTIAL = Literal("partial")

Progress = Callable[[int], None]  # called with the number of rows just written


@dataclass
class Checkpoint:
    """How far an interrupted bulk load of one document got (read from its graph)."""

    rows: int = 0
    records: int = 0
    warnings: int = 0
    started: datetime | None = None
    file: str = ""


def wants_bulk(path: Path) -> bool:
    return path.suffix.lower() in STREAMABLE and path.is_file() and path.stat().st_size >= BULK_BYTES


def unfinished_files(store: Store) -> set[str]:
    """The files (resolved paths) of unfinished bulk loads; empty when the store is
    unreachable (the ordinary path then reports that per document)."""
    try:
        return {file for _, file, _ in partial_loads(store)}
    except StoreError:
        return set()


def is_partial(store: Store, path: Path, unfinished: set[str] | None = None) -> bool:
    """Whether this file's bulk load was started and not finished. Only a file recorded
    as being loaded is hashed (a moved copy is found by its digest on ``--bulk``)."""
    if path.suffix.lower() not in STREAMABLE or not path.is_file():
        return False
    unfinished = unfinished_files(store) if unfinished is None else unfinished
    if str(path.resolve()) not in unfinished:
        return False
    return read_checkpoint(store, doc_graph(file_sha256(path))) is not None


def file_sha256(path: Path, companions: Iterable[Path] = ()) -> str:
    """The same digest as :attr:`Source.sha256`, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    for companion in companions:
        digest.update(b"\0" + companion.read_bytes())
    return digest.hexdigest()


def bulk_ingest(store: Store, path: Path, extractor_name: str | None = None,
                batch_rows: int | None = None, progress: Progress | None = None) -> IngestReport:
    """Stream one list file into its named graph in batches (of ``DEFAULT_BATCH_ROWS``
    rows unless given); resume a partial load."""
    batch_rows = batch_rows or DEFAULT_BATCH_ROWS
    if not path.is_file():
        return IngestReport(path, "rejected", error=f"{path}: no such file")
    extractor: registry.Extractor | None = None
    ctx: ExtractionContext | None = None
    graph: NamedNode | None = None
    try:
        sha = file_sha256(path)
        graph = doc_graph(sha)
        checkpoint = read_checkpoint(store, graph)
        if checkpoint is None and is_complete(store, graph):
            return IngestReport(path, "unchanged", extractor_name, graph.value)
        head, raws = stream_csv(path)
        source = _head_source(path, sha, head)
        extractor = registry.get(extractor_name) if extractor_name else registry.choose(source)
        if not isinstance(extractor, ListExtractor):
            raise ValueError(f"the {extractor.name} extractor does not read list rows; "
                             "bulk ingest takes published lists (CSV/TSV)")
        layout = extractor.layout(head)
        if layout is None:
            needs = " or ".join(", ".join(s) for s in extractor.required_sets)
            raise ValueError(f"{path}: no header with the columns of a {extractor.title} (needs {needs})")
        if checkpoint is None:  # a new load (or one that left no checkpoint: start again)
            store.drop_graph(graph)
            checkpoint = Checkpoint(started=datetime.now(timezone.utc), file=str(path.resolve()))
            write_checkpoint(store, graph, checkpoint)
            crash_point("bulk:after-start")
        earlier_warnings = checkpoint.warnings
        ctx = ExtractionContext(path=path, graph=graph, doc_key=sha)
        ctx.restore(checkpoint.records)
        _load_rows(store, ctx, extractor, extractor.rows(ctx, head, layout, raws), checkpoint,
                   batch_rows, progress, unknown=layout.unknown, earlier_warnings=earlier_warnings,
                   size=path.stat().st_size)
        if ctx.counts.rows and ctx.counts.skipped_rows == ctx.counts.rows and not checkpoint.records:
            raise ctx.fail(ctx.anchor(), "every row was rejected; nothing ingested")
        ctx.counts.records = checkpoint.records
        finish(store, graph, ctx, source, extractor, checkpoint)
        return IngestReport(path, "added", extractor.name, graph.value, ctx.counts, ctx.problems)
    except (ExtractionError, ReaderError, registry.NoExtractorError, KeyError, ValueError) as exc:
        message = str(exc).strip("'\"")
        if path.name not in message:
            message = f"{path}: {message}"
        if graph is not None and read_checkpoint(store, graph) is not None:
            store.drop_graph(graph)  # bad data: a rerun would stop at the same place
        return IngestReport(path, "rejected", extractor.name if extractor else None, error=message,
                            problems=ctx.problems if ctx else [])
    except StoreError:
        raise  # the store, not the document: the ingest stops there
    except pipeline.ExtractionProcessDied as exc:  # not the data: the checkpoint stays to resume from
        return IngestReport(path, "rejected", extractor.name if extractor else None,
                            error=f"{path}: {exc}; rerun the same ingest to resume the load")
    except Exception as exc:  # an extractor bug: no half graph, one line
        if graph is not None and read_checkpoint(store, graph) is not None:
            store.drop_graph(graph)
        return IngestReport(path, "rejected", extractor.name if extractor else None,
                            error=internal_error(path, extractor, exc))


def _head_source(path: Path, sha: str, head) -> Source:
    """A :class:`Source` that knows the file's digest and head without reading it all."""
    source = Source(path)
    source.__dict__["sha256"] = sha
    source.__dict__["tables"] = [head]
    return source


def _load_rows(store: Store, ctx: ExtractionContext, extractor: ListExtractor, rows: Iterator[Row],
               checkpoint: Checkpoint, batch_rows: int, progress: Progress | None,
               unknown: tuple[str, ...], earlier_warnings: int, size: int) -> None:
    """Run the extractor over the rows after the checkpoint (in a second process for a
    large file, :mod:`graph.pipeline`), each batch written while the next is extracted,
    and the checkpoint moved past it once it is written."""
    skip = checkpoint.rows

    def job(ctx: ExtractionContext, emit: pipeline.Emit) -> None:
        for column in unknown if not skip else ():
            ctx.warn(ctx.anchor(), f"unknown column {column!r} is not read by the {extractor.name} extractor")
        done = in_batch = 0
        for row in rows:
            done += 1
            if done <= skip:
                continue
            extractor.read_row(ctx, row)
            in_batch += 1
            if in_batch == batch_rows:
                emit(ctx.drain(), (done, ctx.record_counter, len(ctx.problems), in_batch))
                in_batch = 0
        emit(ctx.drain(), (done, ctx.record_counter, len(ctx.problems), in_batch))

    def after(mark: Any) -> pipeline.Step:  # the tuple the job emitted, back through the pipe
        return _checkpoint_step(store, ctx.graph, checkpoint, mark, earlier_warnings, progress)

    pipeline.run(store, ctx, job, size=size, after=after)


def _checkpoint_step(store: Store, graph: NamedNode, checkpoint: Checkpoint, mark: tuple[int, int, int, int],
                     earlier_warnings: int, progress: Progress | None) -> pipeline.Step:
    """The move of the checkpoint past a batch, run after the batch is written (in the
    loader's thread: a crash between the two only means the batch is written twice)."""
    rows_done, records, warnings, rows = mark
    checkpoint.rows, checkpoint.records = rows_done, records
    checkpoint.warnings = earlier_warnings + warnings
    moved = replace(checkpoint)

    def step() -> None:
        crash_point("bulk:after-append")
        write_checkpoint(store, graph, moved)
        crash_point("bulk:after-checkpoint")
        if progress and rows:
            progress(rows)

    return step


def read_checkpoint(store: Store, graph: NamedNode) -> Checkpoint | None:
    rows = store.select(load("bulk-checkpoint"), g=graph).rows
    if not rows:
        return None
    row = rows[0]
    started = datetime.fromisoformat(str(row["started"]))
    return Checkpoint(int(row["rows"]), int(row["records"]), int(row["warnings"]), started, str(row["file"]))


def write_checkpoint(store: Store, graph: NamedNode, checkpoint: Checkpoint) -> None:
    """Swap the markers for new ones in one update request (one transaction)."""
    store.update(_swap_markers(graph, _marker_quads(graph, checkpoint)))


def _swap_markers(graph: NamedNode, quads: list[Quad]) -> str:
    """One update that clears the graph's markers and inserts ``quads`` (the slot is bound
    before the data is appended, so no value inside the data can be taken for a slot)."""
    return then_insert(bind(load("bulk-markers-clear"), {"g": graph}), quads)


def _marker_quads(graph: NamedNode, checkpoint: Checkpoint) -> list[Quad]:
    def integer(n: int) -> Literal:
        return Literal(str(n), datatype=XSD.integer)

    started = checkpoint.started or datetime.now(timezone.utc)
    return [Quad(graph, CSCS.ingestStatus, PARTIAL, graph),
            Quad(graph, CSCS.partialFile, Literal(checkpoint.file), graph),
            Quad(graph, CSCS.rowsDone, integer(checkpoint.rows), graph),
            Quad(graph, CSCS.recordsDone, integer(checkpoint.records), graph),
            Quad(graph, CSCS.warningsDone, integer(checkpoint.warnings), graph),
            Quad(graph, CSCS.bulkStarted, Literal(started.isoformat(), datatype=XSD.dateTime), graph)]


def finish(store: Store, graph: NamedNode, ctx: ExtractionContext, source: Source,
           extractor: registry.Extractor, checkpoint: Checkpoint) -> None:
    """Replace the partial marker by the document's PROV-O account, in one update: the
    account is the mark of a finished document, so it must not appear before, nor the
    markers vanish without it."""
    started = checkpoint.started or datetime.now(timezone.utc)
    crash_point("bulk:before-finish")
    store.update(_swap_markers(graph, provenance(ctx, source, extractor, started, warnings=checkpoint.warnings)))
    store.flush()


def partial_documents(store: Store) -> list[str]:
    """Documents whose bulk load has not finished (rerun the ingest to complete them)."""
    return [graph for graph, _, _ in partial_loads(store)]


def partial_loads(store: Store) -> list[tuple[str, str, int]]:
    """(graph, file, rows done) of every unfinished bulk load."""
    rows = store.select(load("bulk-partials")).rows
    return [(str(r["g"]), str(r["file"]), int(r["rows"])) for r in rows]

