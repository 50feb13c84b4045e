"""A crash anywhere in an ingest, and the rerun converges to the graph an uninterrupted
ingest gives: the ordinary path, the bulk path and the resolution after them.

The crashes are real: a subprocess running ``cscs ingest`` kills itself with SIGKILL at
a named point (``CSCS_CRASH_AT``, see :mod:`graph.crashpoints`) or is killed from here
at a seeded random moment. The rerun runs in-process; graphs are compared quad by quad
without the clock times.
"""

from __future__ import annotations

import csv
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.extract.identifiers import make_uscc
from cscs.graph import bulk
from cscs.graph.resolve import MACHINE

BATCH_ROWS = 7  # small batches: a 30-row list is five of them
CLOCK = ("startedAtTime", "endedAtTime", "dc/terms/created", "bulkStarted")
#: The crashing runs extract every document in a second process, as large files are
#: (graph.pipeline); the reruns extract these small ones in-process: both give one graph.
DRIVER = ("import sys; from cscs.graph import bulk, pipeline; bulk.DEFAULT_BATCH_ROWS = %d; "
          "pipeline.PROCESS_BYTES = 0; from cscs.cli import main; sys.exit(main(sys.argv[1:]))" % BATCH_ROWS)


def write_lists(folder: Path) -> Path:
    """Two abnormal-operations lists: one with codes, one naming half the firms by name
    and registration number only (resolution links them)."""
    folder.mkdir()
    header = ["列入经营异常名录原因", "列入日期", "作出决定机关（列入）"]
    with (folder / "coded.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["统一社会信用代码", "企业名称", *header])
        for i in range(30):
            writer.writerow([make_uscc("330102", f"{i:08d}"), f"杭州崩溃{i}贸易有限公司", "无法联系",
                             f"2020-01-0{1 + i % 9}", "杭州市市场监督管理局"])
    with (folder / "named.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["企业名称", "注册号", *header])
        for i in range(0, 30, 2):
            writer.writerow([f"杭州崩溃{i}贸易有限公司", f"3301020000{i:05d}", "无法联系",
                             f"2021-02-0{1 + i % 9}", "杭州市市场监督管理局"])
    return folder


def facts(graph: Graph) -> set[str]:
    """Every quad but the clock times of extractions, judgements and bulk loads."""
    return {str(q) for q in graph.store.raw.quads_for_pattern(None, None, None, None)
            if not any(c in q.predicate.value for c in CLOCK)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = write_lists(tmp_path_factory.mktemp("crash") / "lists")
    rubric = shipped_rubric()
    for part in (rubric, rubric.with_suffix(".toml")):  # the table and its companion
        (folder / part.name).write_bytes(part.read_bytes())
    return folder


def ingest_args(corpus: Path, bulk_load: bool) -> list[str]:
    if bulk_load:  # every file streamed: lists only
        return ["ingest", "--quiet", "--bulk", str(corpus / "coded.csv"), str(corpus / "named.csv")]
    return ["ingest", "--quiet", str(corpus)]


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory) -> dict[bool, set[str]]:
    """The reference graphs, ordinary and bulk, from a run nobody interrupts."""
    out = {}
    for bulk_load in (False, True):
        store = tmp_path_factory.mktemp("reference") / "store"
        if bulk_load:
            assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
        assert run(store, ingest_args(corpus, bulk_load)).returncode == 0
        graph = Graph(path=store)
        assert graph.store.quads(MACHINE), "the corpus must give resolution something to link"
        out[bulk_load] = facts(graph)
    return out


def run(store: Path, args: list[str], crash_at: str | None = None,
        kill_after: float | None = None) -> subprocess.CompletedProcess | subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "CSCS_CRASH_AT"}
    if crash_at:
        env["CSCS_CRASH_AT"] = crash_at
    command = [sys.executable, "-c", DRIVER, "--store", str(store), *args]
    if kill_after is None:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return process


def rerun_converges(store: Path, corpus: Path, bulk_load: bool, want: set[str], monkeypatch) -> list[str]:
    """Rerun the same ingest in-process; the graph must be the uninterrupted one, and a
    second rerun must find nothing left to do. Returns the first rerun's statuses."""
    monkeypatch.setattr(bulk, "DEFAULT_BATCH_ROWS", BATCH_ROWS)
    if bulk_load:
        assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
    graph = Graph(path=store)
    argv = ingest_args(corpus, bulk_load)
    reports = graph.ingest([Path(p) for p in argv[3 if bulk_load else 2:]], resolve=True,
                           bulk=True if bulk_load else None)
    assert all(r.status != "rejected" for r in reports), [r.error for r in reports]
    assert facts(graph) == want
    assert not bulk.partial_documents(graph.store)
    again = graph.ingest([Path(p) for p in argv[3 if bulk_load else 2:]], bulk=True if bulk_load else None)
    assert {r.status for r in again} == {"unchanged"} and facts(graph) == want
    return [r.status for r in reports]


@pytest.mark.parametrize("point", ["ingest:after-write:1", "ingest:after-write:3", "resolve:after-replace",
                                   "resolve:after-memberships", "ingest:after-data:1", "ingest:after-data:2"])
def test_a_crash_in_the_ordinary_ingest_is_repaired_by_a_rerun(point: str, corpus: Path, uninterrupted,
                                                               tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "store"
    assert run(store, ingest_args(corpus, False), crash_at=point).returncode == -signal.SIGKILL
    statuses = rerun_converges(store, corpus, False, uninterrupted[False], monkeypatch)
    if point.startswith("ingest:after-data"):  # its facts were in, not its done mark: loaded again
        assert "added" in statuses
    elif point != "ingest:after-write:1":  # every document was in: only resolution was missing
        assert set(statuses) == {"unchanged"}


@pytest.mark.parametrize("point", ["bulk:after-start", "bulk:after-append:1", "bulk:after-append:3",
                                   "bulk:after-checkpoint:2", "bulk:before-finish",
                                   "bulk:after-append:6"])
def test_a_crash_in_a_bulk_load_is_resumed_by_a_rerun(point: str, corpus: Path, uninterrupted,
                                                      tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "store"
    assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
    assert run(store, ingest_args(corpus, True), crash_at=point).returncode == -signal.SIGKILL
    graph = Graph(path=store)
    assert graph.store.graphs(), "the crash left something to repair"
    assert bulk.partial_documents(graph.store), "a crash mid-load is an unfinished load, never a done one"
    del graph
    rerun_converges(store, corpus, True, uninterrupted[True], monkeypatch)


@pytest.mark.parametrize(("bulk_load", "point"), [(False, "extract:batch:1"), (True, "extract:batch:3")])
def test_the_extraction_process_dying_leaves_no_half_graph(bulk_load: bool, point: str, corpus: Path,
                                                            uninterrupted, tmp_path: Path, monkeypatch) -> None:
    """The child killed before it sends a batch: the ingesting process lives to name the
    file; the ordinary path leaves no graph of it, the bulk path its checkpoint."""
    store = tmp_path / "store"
    if bulk_load:
        assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
    done = run(store, ingest_args(corpus, bulk_load), crash_at=point)
    assert done.returncode not in (0, -signal.SIGKILL), done
    assert "coded.csv" in done.stderr + done.stdout and "extraction process ended" in done.stderr + done.stdout
    graph = Graph(path=store)
    if bulk_load:
        assert sorted(Path(file).name for _, file, _ in bulk.partial_loads(graph.store)) == ["coded.csv", "named.csv"]
        assert {rows for _, _, rows in bulk.partial_loads(graph.store)} == {14}  # two batches of 7 in each
    else:
        assert not [g for g in graph.store.graphs() if g.value.startswith("https://w3id.org/cscs/id/doc/")]
    del graph
    rerun_converges(store, corpus, bulk_load, uninterrupted[bulk_load], monkeypatch)


@pytest.mark.parametrize("bulk_load", [False, True])
def test_kills_at_random_moments_converge(bulk_load: bool, corpus: Path, uninterrupted, tmp_path: Path,
                                          monkeypatch) -> None:
    rng = random.Random(14 + bulk_load)
    for attempt in range(2):
        store = tmp_path / f"store{attempt}"
        if bulk_load:
            assert main(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())]) == 0
        run(store, ingest_args(corpus, bulk_load), kill_after=rng.uniform(0.8, 3.0))
        rerun_converges(store, corpus, bulk_load, uninterrupted[bulk_load], monkeypatch)
