"""The explorer's side of its query processes (:mod:`cscs.web.worker`): a small pool.

Oxigraph cannot interrupt a query, and some queries crash it; in a thread of the server,
an expensive query kept its CPU and memory after its request had timed out, and a crash
took the explorer down. Here each query runs in a worker process, and the request thread
waits for the reply with a deadline and a memory bound: past either, the worker is
killed (the work stops with it) and a new one is started for the next query. At most
``size`` queries run at once; a further one is refused as busy rather than queued.

Workers open the store read-only (``Store.read_only``: the explorer never writes it);
an in-memory store is handed over as an N-Quads dump, taken again when its documents
change.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from cscs.graph.protocol import Store
from cscs.graph.store import EmbeddedStore

WORKER = Path(__file__).with_name("worker.py")


class WorkerError(Exception):
    """A query that ended its worker: ``why`` is "timeout", "memory" or "crash"."""

    def __init__(self, why: str, message: str):
        super().__init__(message)
        self.why = why


class NoWorker(Exception):
    """Every worker is busy."""


@dataclass
class Reply:
    header: dict
    body: bytes


class Worker:
    """One worker process and its pipes."""

    def __init__(self, source: list[str], no_network: bool, start_timeout: float = 120.0):
        args = [sys.executable, str(WORKER), *source] + (["--no-network"] if no_network else [])
        self.process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        self.buffer = b""
        ready = json.loads(self._line(time.monotonic() + start_timeout, None))
        self.isolated = bool(ready.get("isolated"))

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss(self) -> int:
        """Resident memory in bytes (0 when it cannot be read)."""
        try:
            with open(f"/proc/{self.pid}/statm") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def ask(self, request: dict, timeout: float, max_memory: int | None) -> Reply:
        """Send one request and wait for its reply, killing the worker past the bounds."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            self.process.stdin.flush()
        except OSError:
            self.kill()
            raise WorkerError("crash", "the query process had ended") from None
        deadline = time.monotonic() + timeout
        header = json.loads(self._line(deadline, max_memory))
        body = self._exact(header.get("length", 0), deadline, max_memory)
        return Reply(header, body)

    def _fill(self, deadline: float, max_memory: int | None) -> None:
        """Read what the worker has written, or fail at the deadline or the memory bound."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                raise WorkerError("timeout", "the query ran out of time")
            try:  # the pool's close() may have ended this worker meanwhile
                fd = self.process.stdout.fileno()  # type: ignore[union-attr]
                ready, _, _ = select.select([fd], [], [], min(left, 0.1))
                chunk = os.read(fd, 1 << 16) if ready else None
            except (OSError, ValueError):
                self.kill()
                raise WorkerError("crash", "the query process was stopped") from None
            if ready:
                if not chunk:
                    code = self.kill()
                    raise WorkerError("crash", "the query ended its process"
                                      + (f" ({signal.Signals(-code).name})" if code and code < 0 else ""))
                self.buffer += chunk
                return
            if max_memory and self.rss() > max_memory:
                self.kill()
                raise WorkerError("memory", f"the query used more than {max_memory >> 20} MB")

    def _line(self, deadline: float, max_memory: int | None) -> bytes:
        while b"\n" not in self.buffer:
            self._fill(deadline, max_memory)
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def _exact(self, length: int, deadline: float, max_memory: int | None) -> bytes:
        while len(self.buffer) < length:
            self._fill(deadline, max_memory)
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return body

    def kill(self) -> int | None:
        """End the process (all its work stops) and return its exit status."""
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            try:
                pipe.close()  # type: ignore[union-attr]
            except OSError:
                pass
        return code


class Pool:
    """Up to ``size`` workers over one store; ``generation`` says when the store changed."""

    def __init__(self, store: Store, size: int = 2, no_network: bool = True):
        self.store, self.size, self.no_network = store, size, no_network
        self.idle: list[Worker] = []
        self.started: set[Worker] = set()  # every live worker, busy or idle: close() ends them
        self.running = 0
        self.lock = threading.Lock()
        self.generation: object = None
        self._dump: tempfile.TemporaryDirectory | None = None
        self.isolated: bool | None = None  # whether the last worker started had no network
        atexit.register(self.close)

    def run(self, request: dict, timeout: float, max_memory: int | None, generation: object = None) -> Reply:
        worker = self._take(generation)
        try:
            reply = worker.ask(request, timeout, max_memory)
        except WorkerError:
            with self.lock:
                self.running -= 1
            raise
        except BaseException:
            worker.kill()
            with self.lock:
                self.running -= 1
            raise
        with self.lock:
            self.running -= 1
            if generation == self.generation:
                self.idle.append(worker)
                return reply
        worker.kill()
        return reply

    def _take(self, generation: object) -> Worker:
        with self.lock:
            if self.running >= self.size:
                raise NoWorker()
            self.running += 1
            stale = generation != self.generation
            if stale:
                self.generation, old, self.idle = generation, self.idle, []
            worker = self.idle.pop() if self.idle else None
        if stale:
            for w in old:
                w.kill()
        if worker is None:
            try:
                worker = Worker(self._source(stale), self.no_network)
                self.isolated = worker.isolated
                with self.lock:
                    self.started = {w for w in self.started if w.process.poll() is None} | {worker}
            except BaseException:
                with self.lock:
                    self.running -= 1
                raise
        return worker

    def _source(self, fresh: bool) -> list[str]:
        """How a new worker finds the data: the store's folder, or a dump of a memory store."""
        path = getattr(self.store, "path", None)
        if path is not None:
            return ["--store", str(path)]
        if not isinstance(self.store, EmbeddedStore):  # /sparql refuses a remote store before this
            raise TypeError(f"query workers read an embedded store, not {self.store!r}")
        with self.lock:
            if fresh or self._dump is None:
                self._dump = tempfile.TemporaryDirectory(prefix="cscs-explorer-")
                import pyoxigraph as ox

                target = os.path.join(self._dump.name, "store.nq")
                self.store.raw.dump(output=target, format=ox.RdfFormat.N_QUADS)
            return ["--dump", os.path.join(self._dump.name, "store.nq")]

    def close(self) -> None:
        """End every worker, running queries included."""
        with self.lock:
            workers, self.idle, self.started = self.started, [], set()
        for worker in workers:
            worker.kill()
