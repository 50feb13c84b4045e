"""Real SPARQL servers for tests, started on loopback: never a mock of the store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from cscs.api import Graph


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path | None = None) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port, in memory or on disk at ``location``;
    yields its base URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    where = ["--location", str(location)] if location else []
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", *where],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read()!r}")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def oxigraph_graph(base: str, graph_store: bool = True) -> Graph:
    return Graph(endpoint=f"{base}/query", update_endpoint=f"{base}/update",
                 store_endpoint=f"{base}/store" if graph_store else None)
