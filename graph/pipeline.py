"""Extraction in a second process, pipelined with the store's loader.

Extraction is Python and holds the GIL; the store's bulk loader is Rust. Run in one
process, the two share one interpreter: the extractor's time and the loader's
hand-overs add up. So a document of any size worth it (``PROCESS_BYTES``) is read and
extracted in a forked child process, which sends its facts as N-Triples text, a batch
at a time, through a pipe; this process receives each batch and hands it to a
:class:`graph.loader.Loader`, whose thread loads it while the child extracts the next
one. Wall time tends to max(extraction, load) instead of their sum. The store is
only ever opened and written here: the child never touches it, and leaves with
``os._exit`` (multiprocessing's fork start), so no store handle is closed twice.

What stays as in one process:

- the steps are the same (:func:`run` runs the very job in this process for a small
  document), and the caller's bookkeeping after each batch (the bulk path's
  checkpoint) runs here, in the loader's thread, after its batch is written;
- an error in the child travels back as itself (pickled; an exception that cannot be
  is sent as a ``RuntimeError`` naming its type) and is raised here, so the document
  is rejected with the message naming file and place, and the caller drops the graph;
- a child that dies (killed, out of memory, crash point ``extract:batch``) is
  :class:`ExtractionProcessDied`; the ordinary path drops the graph, the bulk path keeps
  its checkpoint to resume from;
- this process killed: the child's next send fails (the pipe is broken) and it exits.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import traceback
from dataclasses import dataclass
from typing import Callable

from cscs.extract.context import Counts, ExtractionContext, Problem
from cscs.extract.ntriples import Triples

from .crashpoints import crash_point
from .loader import Loader, Step

__all__ = ["Emit", "ExtractionProcessDied", "Job", "PROCESS_BYTES", "Step", "run"]

log = logging.getLogger(__name__)

#: Documents (file bytes) at least this large are extracted in a second process; a
#: smaller one is extracted here, where a fork would cost more than it saves.
PROCESS_BYTES = 1 << 20

Mark = object  # what the job says about a batch (the bulk path: rows, records, warnings done)
Emit = Callable[..., None]  # emit(triples, mark=None)
Job = Callable[[ExtractionContext, Emit], None]
AfterBatch = Callable[[Mark], "Step | None"]


class ExtractionProcessDied(RuntimeError):
    """The extraction process ended without finishing or reporting an error."""


@dataclass
class Outcome:
    """What the child's context knows at the end, copied into this process's context."""

    counts: Counts
    problems: list[Problem]
    records: int


def run(store, ctx: ExtractionContext, job: Job, size: int, after: AfterBatch | None = None) -> None:
    """Run ``job(ctx, emit)`` (in a child process when the document has ``size`` >=
    :data:`PROCESS_BYTES` bytes) and load every batch it emits into ``ctx.graph`` while it
    goes on; ``after(mark)`` gives the step to run once that batch is written. Returns when
    everything is written, ``ctx`` holding the counts and problems; raises what went wrong."""
    in_child = size >= PROCESS_BYTES and "fork" in multiprocessing.get_all_start_methods()
    child = _start(ctx, job) if in_child else None  # forked before the loader's thread exists
    loader = Loader(store, ctx.graph)
    try:
        if child is None:
            job(ctx, lambda triples, mark=None: loader.put(triples, after(mark) if after else None))
        else:
            _receive(ctx, child, loader, after)
        loader.close()
    except BaseException:
        loader.abandon()
        raise
    finally:
        if child is not None:
            _stop(child)


@dataclass
class _Child:
    process: multiprocessing.process.BaseProcess
    receiver: multiprocessing.connection.Connection


def _start(ctx: ExtractionContext, job: Job) -> _Child:
    fork = multiprocessing.get_context("fork")
    receiver, sender = fork.Pipe(duplex=False)
    process = fork.Process(target=_child_main, args=(ctx, job, sender), name="cscs-extract", daemon=True)
    process.start()
    sender.close()  # the child's end: EOF here once the child is gone
    return _Child(process, receiver)


def _receive(ctx: ExtractionContext, child: _Child, loader: Loader, after: AfterBatch | None) -> None:
    """Take the child's messages until it is done: batches to the loader, then the outcome."""
    while True:
        try:
            kind, payload = child.receiver.recv()
            if kind == "batch":
                data = child.receiver.recv_bytes()
        except EOFError:
            child.process.join()
            raise ExtractionProcessDied(f"the extraction process ended (exit code {child.process.exitcode}) "
                                        "before the document was read") from None
        if kind == "batch":
            loader.put(Triples(ctx.graph, data=data), after(payload) if after else None)
        elif kind == "done":
            ctx.counts, ctx.problems = payload.counts, payload.problems
            ctx.restore(payload.records)
            return
        else:  # "error": the child's exception, and its traceback for the debug log
            error, trace = payload
            log.debug("%s: in the extraction process:\n%s", ctx.path, trace)
            raise error


def _stop(child: _Child) -> None:
    child.receiver.close()
    if child.process.is_alive():  # this process's error: the child's work is not wanted
        child.process.terminate()
    child.process.join()


def _child_main(ctx: ExtractionContext, job: Job, sender) -> None:
    """The child: run the job, sending each batch as text, then the outcome or the error."""
    def emit(triples: Triples, mark: Mark = None) -> None:
        crash_point("extract:batch")
        sender.send(("batch", mark))
        sender.send_bytes(triples.text())

    try:
        job(ctx, emit)
        message: tuple = ("done", Outcome(ctx.counts, ctx.problems, ctx.record_counter))
    except BaseException as exc:  # noqa: BLE001 - every error goes to the ingesting process
        message = ("error", (_portable(exc), traceback.format_exc()))
    try:
        sender.send(message)
        sender.close()
    except OSError:  # the ingesting process is gone: nobody to tell
        pass


def _portable(exc: BaseException) -> BaseException:
    """The exception itself if it survives pickling, else a RuntimeError naming it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001 - any failure to round-trip means: send a description
        return RuntimeError(f"{type(exc).__name__}: {exc}")
