"""Loading a document's batches while the next ones are extracted.

Extraction is Python; Oxigraph's bulk loader parses N-Triples text in Rust and
releases the GIL while it does, so the two can run at once, one per core: the
extractor hands each batch to a :class:`Loader`, whose one thread writes the batches
in order, each followed by its step (the bulk path moves its checkpoint there, so a
checkpoint never runs ahead of the data it counts). At most one batch waits while
another loads, so memory holds about two batches.

An error in the thread (the store failing, a test's simulated crash) is raised again
in the extracting thread at its next hand-over, or at :meth:`Loader.close`.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable

from pyoxigraph import NamedNode

from cscs.extract.ntriples import Triples

from .protocol import Store

Step = Callable[[], None]


class Loader:
    """One background thread appending batches to one graph of ``store``, in order."""

    def __init__(self, store: Store, graph: NamedNode):
        self._store, self._graph = store, graph
        self._queue: queue.Queue[tuple[Triples, Step | None] | None] = queue.Queue(maxsize=1)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="cscs-loader", daemon=True)
        self._thread.start()

    def put(self, triples: Triples, then: Step | None = None) -> None:
        """Queue a batch (and what to do once it is written); waits while one is queued."""
        self._raise()
        self._queue.put((triples, then))

    def close(self) -> None:
        """Wait for every queued batch to be written; raise what the thread met."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self._raise()

    def abandon(self) -> None:
        """Wait for the thread to stop, keeping quiet about its error (the caller is
        already handling one of its own, and drops the graph after)."""
        try:
            self.close()
        except BaseException:  # noqa: BLE001 - the caller's error is the one reported
            pass

    def _raise(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is not None:
                continue  # keep taking batches so the extracting thread never blocks
            triples, then = item
            try:
                self._store.append(self._graph, triples)
                if then is not None:
                    then()
            except BaseException as exc:  # noqa: BLE001 - handed to the extracting thread
                self._error = exc
