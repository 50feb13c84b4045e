"""Hostile SPARQL for the explorer's ``/sparql``, and a served explorer to aim it at.

Shared by ``tests/web/test_hostile.py`` (which asserts the outcome of each) and
``bench/hostile_queries.py`` (which prints the figures). Every query is one that took the
explorer down, locked it, made it call out or grow without bound before the explorer ran
queries in worker processes (issue 14, items 6-10); ``expect`` is the set of statuses a
guarded explorer may answer it with. Everything stays on loopback: the SERVICE targets
are a :class:`~cscs.sample.loopback.Listener` that counts the connections it receives (there must be none).
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .loopback import Listener, free_port, stop, wait_until_answering

__all__ = ["Hostile", "Listener", "alive", "ask", "children", "hostile_queries", "served_explorer", "tree_rss"]


@dataclass(frozen=True)
class Hostile:
    name: str
    query: str
    expect: frozenset[int]
    headers: dict[str, str] = field(default_factory=dict)


def hostile_queries(listener_port: int) -> list[Hostile]:
    """The set: SSRF (6), crashes (7), lock-ups (8), memory (9), foreign pages (10)."""
    target = f"http://127.0.0.1:{listener_port}"
    refused, stopped = frozenset({400}), frozenset({503})
    patterns = " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(20_000))
    return [
        Hostile("service to a loopback port", f"SELECT * WHERE {{ SERVICE <{target}/sparql> {{ ?s ?p ?o }} }}",
                refused),
        Hostile("service, lower case, a comment before the IRI",
                f"select * where {{ service # who?\n <{target}/> {{ ?s ?p ?o }} }}", refused),
        Hostile("service silent to a variable",
                f"SELECT * WHERE {{ BIND(<{target}/> AS ?u) SERVICE SILENT ?u {{ ?s ?p ?o }} }}", refused),
        Hostile("service to a prefixed name",
                f"PREFIX e: <{target}/> SELECT * WHERE {{ SERVICE e:x {{ ?s ?p ?o }} }}", refused),
        Hostile("service to a closed port (port scan)",
                "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", refused),
        Hostile("20,000 triple patterns", f"SELECT * WHERE {{ {patterns} }}", refused),
        Hostile("5,000 nested braces", "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000, refused),
        Hostile("20,000 nested parentheses",
                "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 20_000 + "?o" + ")" * 20_000 + ") }", refused),
        Hostile("20,000 unions", "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 20_000) + " }", refused),
        Hostile("cross product, counted (1)",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i) }", stopped),
        Hostile("cross product, counted (2)",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?f != ?i) }", stopped),
        Hostile("cross product, every row", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", frozenset({200})),
        Hostile("cross product, sorted (held in memory)",
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i", stopped),
        Hostile("a rebound host name", "ASK {}", frozenset({403}), {"Host": "attacker.example:8765"}),
        Hostile("a foreign page's fetch", "ASK {}", frozenset({403}), {"Origin": "http://attacker.example"}),
        Hostile("a foreign page's image", "ASK {}", frozenset({403}),
                {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors"}),
    ]


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def ask(base: str, query: str, headers: dict[str, str] | None = None, timeout: float = 120.0,
        accept: str = "application/sparql-results+json") -> Answer:
    """POST one query to ``base``/sparql; any HTTP status is an answer, not an error."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(f"{base}/sparql", data=data, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": accept, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read())


@contextmanager
def served_explorer(store: Path, *options: str, start_timeout: float = 120.0) -> Iterator[tuple[str, subprocess.Popen]]:
    """``cscs serve`` over the store folder on a free loopback port; yields its base URL
    and process."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "cscs", "--store", str(store), "serve", "--port", str(port),
                                *options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_answering(f"{base}/static/style.css", process, start_timeout):
            raise RuntimeError(f"cscs serve did not start (exit status {process.poll()})")
        yield base, process
    finally:
        stop(process)


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie waiting to be reaped does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its children (Linux /proc; 0 when unreadable)."""
    total, page = 0, os.sysconf("SC_PAGE_SIZE")
    for proc in [pid, *children(pid)]:
        try:
            with open(f"/proc/{proc}/statm") as statm:
                total += int(statm.read().split()[1]) * page
        except (OSError, ValueError, IndexError):
            pass
    return total


def children(pid: int) -> list[int]:
    """Every descendant of a process."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            direct = [int(p) for p in f.read().split()]
    except OSError:
        return []
    return direct + [c for p in direct for c in children(p)]
