"""Documents into the store: one named graph per document, atomic, idempotent.

The graph of a document is named by the SHA-256 of its bytes (and of the
companion files read with it), so ingesting the same file twice changes
nothing. The extractor's facts are collected first (a bad file leaves the store
exactly as it was), then written by the store's bulk loader as N-Triples text
(:mod:`extract.ntriples`), and the PROV-O account of the extraction, the mark of
a finished document, is written last in one transaction: a crash in between
leaves a graph without it, which the next ingest drops and loads again.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Literal, NamedNode, Quad

import cscs
from cscs.extract import registry
from cscs.extract.context import Counts, ExtractionContext, ExtractionError, Problem
from cscs.extract.readers import ReaderError
from cscs.extract.source import Source
from cscs.ontology.namespaces import CSCS, DCTERMS, ID, PROV, RDF, XSD, doc_graph

from . import pipeline
from .crashpoints import crash_point
from .protocol import Store
from .queries import load
from .store import StoreError

log = logging.getLogger(__name__)

#: Facts per batch handed to the loader while a document is still being read: small
#: enough that loading starts early, large enough for the loader (100k-1M lines per
#: call load at the same rate; 25k lines cost ~1.5x, measured 2026-12-04).
SPILL_LINES = 250_000

SUPPORTED = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".html", ".htm", ".pdf", ".json", ".jsonl"}


@dataclass
class IngestReport:
    path: Path
    status: str  # "added" | "re-extracted" | "unchanged" | "rejected"
    extractor: str | None = None
    graph: str | None = None
    counts: Counts = field(default_factory=Counts)
    problems: list[Problem] = field(default_factory=list)
    error: str | None = None
    replaced: str | None = None  # re-extracted: the extractor whose graph this one replaced

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside folders (sorted, companions skipped)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED))
        else:
            out.append(path)
    return out


def ingest_file(store: Store, path: Path, extractor_name: str | None = None) -> IngestReport:
    """Extract one document and write it as one named graph, or reject it whole."""
    if not path.is_file():
        return IngestReport(path, "rejected", error=f"{path}: no such file")
    extractor: registry.Extractor | None = None
    ctx: ExtractionContext | None = None
    try:
        source = Source(path)
        extractor = registry.get(extractor_name) if extractor_name else registry.choose(source)
        source.companions = getattr(extractor, "companions", lambda p: [])(path)
        graph = doc_graph(source.sha256)
        complete = is_complete(store, graph)
        earlier = stored_extractor(store, graph) if complete else None
        if complete and (extractor_name is None or earlier == extractor.name):
            return IngestReport(path, "unchanged", extractor.name, graph.value)
        ctx = ExtractionContext(path=path, graph=graph, doc_key=source.sha256)
        started = datetime.now(timezone.utc)
        if earlier is None:
            if store.has_graph(graph):  # an unfinished load of the same bytes: this one replaces it
                store.drop_graph(graph)
            _extract_and_load(store, ctx, extractor, source)
            crash_point("ingest:after-data")
            store.insert(provenance(ctx, source, extractor, started))  # the done mark, last
            crash_point("ingest:after-write")
            return IngestReport(path, "added", extractor.name, graph.value, ctx.counts, ctx.problems)
        # named another extractor: its graph is replaced whole, in one transaction, and
        # the score sets computed from the old one are dropped (the graph keeps its name)
        extractor.extract(ctx, source)
        store.replace_graph(graph, [*ctx.quads, *provenance(ctx, source, extractor, started)])
        forget_scores(store, graph)
        return IngestReport(path, "re-extracted", extractor.name, graph.value, ctx.counts, ctx.problems,
                            replaced=earlier)
    except (ExtractionError, ReaderError, registry.NoExtractorError, KeyError, ValueError) as exc:
        message = str(exc).strip("'\"")
        if path.name not in message:
            message = f"{path}: {message}"
        return IngestReport(path, "rejected", extractor.name if extractor else None,
                            error=message, problems=ctx.problems if ctx else [])
    except StoreError:
        raise  # the store, not the document: :func:`ingest` stops there
    except pipeline.ExtractionProcessDied as exc:  # killed or out of memory: no graph was left
        return IngestReport(path, "rejected", extractor.name if extractor else None, error=f"{path}: {exc}")
    except Exception as exc:  # an extractor bug must not take the other documents with it
        return IngestReport(path, "rejected", extractor.name if extractor else None,
                            error=internal_error(path, extractor, exc))


def _extract_and_load(store: Store, ctx: ExtractionContext, extractor: registry.Extractor,
                      source: Source) -> None:
    """Extract the document (in a second process when it is large, :mod:`graph.pipeline`)
    while its facts are loaded, a batch at a time, by the store's bulk loader. Whatever
    goes wrong, no fact of it stays behind: the graph is dropped before the error goes on."""
    def job(ctx: ExtractionContext, emit: pipeline.Emit) -> None:
        ctx.spill, ctx.spill_lines = emit, SPILL_LINES
        extractor.extract(ctx, source)
        emit(ctx.drain())

    try:
        pipeline.run(store, ctx, job, size=source.path.stat().st_size)
    except BaseException:
        if store.has_graph(ctx.graph):
            store.drop_graph(ctx.graph)
        raise


def internal_error(path: Path, extractor: registry.Extractor | None, exc: BaseException) -> str:
    """One line for a bug met on a document (the traceback goes to the debug log): the
    user sees which file and which extractor, never a traceback."""
    log.debug("%s: internal error\n%s", path, traceback.format_exc())
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    text = text if len(text) <= 200 else text[:200] + "…"
    return (f"{path}: internal error in the {extractor.name if extractor else 'ingest'} extractor: {text} "
            "(a bug: please report it with the file)")


def stored_extractor(store: Store, graph: NamedNode) -> str | None:
    """The extractor a document in the store was read with (its ``cscs:documentKind``)."""
    rows = store.select(load("document-kind"), g=graph).rows
    return str(rows[0]["kind"]) if rows else ""


def forget_scores(store: Store, document: NamedNode) -> None:
    """Drop the materialised score sets computed from a document whose graph changed
    under the same name: their next refresh is then a full one."""
    rows = store.select(load("score-sets-from"), doc=document).rows
    for row in rows:
        store.drop_graph(NamedNode(str(row["set"])))


def ingest(store: Store, paths: Iterable[Path], extractor_name: str | None = None,
           on_done: Callable[[IngestReport], None] | None = None, bulk: bool | None = None,
           on_rows: Callable[[Path, int], None] | None = None) -> list[IngestReport]:
    """Ingest files one by one. Large list files (or all, with ``bulk=True``; none with
    ``bulk=False``) are streamed in batches by :mod:`graph.bulk`, as is any file whose
    earlier bulk load was interrupted; ``on_rows`` hears of each batch written."""
    from .bulk import bulk_ingest, is_partial, unfinished_files, wants_bulk

    reports: list[IngestReport] = []
    unfinished = unfinished_files(store) if bulk is None else set()
    files = expand(paths)
    for path in files:
        streamed = bulk if bulk is not None else wants_bulk(path)
        try:
            if streamed or (unfinished and is_partial(store, path, unfinished)):
                report = bulk_ingest(store, path, extractor_name,
                                     progress=partial(on_rows, path) if on_rows else None)
            else:
                report = ingest_file(store, path, extractor_name)
        except StoreError as exc:  # every later file would fail the same way: stop here
            raise StoreError(f"{path.name}: {exc}; stopped after {len(reports)} of {len(files)} files "
                             "(what was written is whole: rerun the same ingest to complete it)") from exc
        reports.append(report)
        if on_done:
            on_done(report)
    store.flush()
    return reports


def is_complete(store: Store, graph: NamedNode) -> bool:
    """Whether a document is in whole. Its PROV-O account is the positive mark, written
    last (with the rest in one transaction, or at the end of a bulk load): a graph
    without it is an unfinished load, never a reason to skip the file."""
    return bool(store.select(load("finished-documents"), g=graph).rows)


def provenance(ctx: ExtractionContext, source: Source, extractor: registry.Extractor,
               started: datetime, warnings: int | None = None) -> list[Quad]:
    """PROV-O account of the document and the extraction, inside the document's graph
    (``warnings``: the count over every run of a resumed bulk load)."""
    g, doc = ctx.graph, ctx.graph
    activity = ID[f"extraction/{source.sha256}"]
    agent = ID[f"extractor/{extractor.name}/{extractor.version}"]
    ended = datetime.now(timezone.utc)

    def q(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> Quad:
        return Quad(s, p, o, g)

    quads = [
        q(doc, RDF.type, CSCS.SourceDocument), q(doc, RDF.type, PROV.Entity),
        q(doc, DCTERMS.title, Literal(source.path.name)),
        q(doc, DCTERMS["format"], Literal(source.media_type)),
        q(doc, CSCS.sha256, Literal(source.sha256)),
        q(doc, CSCS.fileSize, Literal(str(source.path.stat().st_size), datatype=XSD.integer)),
        q(doc, CSCS.originalPath, Literal(str(source.path.resolve()))),
        q(doc, CSCS.documentKind, Literal(extractor.name)),
        q(activity, RDF.type, PROV.Activity), q(activity, RDF.type, CSCS.Extraction),
        q(activity, PROV.used, doc),
        q(activity, PROV.wasAssociatedWith, agent),
        q(activity, PROV.startedAtTime, Literal(started.isoformat(), datatype=XSD.dateTime)),
        q(activity, PROV.endedAtTime, Literal(ended.isoformat(), datatype=XSD.dateTime)),
        q(activity, CSCS.recordCount, Literal(str(ctx.counts.records), datatype=XSD.integer)),
        q(activity, CSCS.warningCount, Literal(str(len(ctx.problems) if warnings is None else warnings), datatype=XSD.integer)),
        q(doc, PROV.wasGeneratedBy, activity),
        q(agent, RDF.type, PROV.SoftwareAgent),
        q(agent, CSCS.extractorName, Literal(extractor.name)),
        q(agent, CSCS.extractorVersion, Literal(extractor.version)),
        q(agent, CSCS.softwareVersion, Literal(f"cscs {cscs.__version__}")),
    ]
    for companion in source.companions:
        quads.append(q(doc, CSCS.companionFile, Literal(companion.name)))
    return quads


def retract(store: Store, graph: NamedNode) -> None:
    """Remove a document and everything derived from it (its named graph)."""
    store.drop_graph(graph)
