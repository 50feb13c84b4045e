"""The hardening campaign: mutated documents of every format, and crashes, with figures.

    python bench/fuzz_campaign.py [--cases 10000] [--seed 14] [--crashes 12]

Fuzzing (the cases of ``tests/fuzz``, numbered on past the CI suite's): one seed
document per reader format and extractor, mutated by a seeded stream (byte flips,
truncation, NUL bytes, encoding swaps, huge, negative and overflowing numbers, odd
dates, odd names, deep nesting, header shuffles, reshaped JSON, odd spreadsheet cells),
each ingested in-process into a store holding the rubric. Printed per format: cases
tried, clear errors, tracebacks (target 0), unnamed errors (target 0), store changes on
rejection (target 0), accepted garbage (target 0), and accepted plausible graphs.

Crashes: ``cscs ingest`` in a subprocess, killed with SIGKILL at the named crash points
of the ordinary path, the bulk path and resolution, and at seeded random moments; each
rerun must converge to the graph of an uninterrupted run (target: all).

The figures depend on nothing but the seed; the time taken depends on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.harness import FAILURES, Tally, run_cases, write_seeds  # noqa: E402

from cscs.api import Graph  # noqa: E402
from cscs.cli import main as _cli  # noqa: E402
from cscs.demo import shipped_rubric  # noqa: E402
from cscs.graph import bulk  # noqa: E402

CI_CASES = 230  # the CI suite's cases come first; the campaign numbers on from there
POINTS = [("ordinary", p) for p in ("ingest:after-write:1", "ingest:after-write:3", "resolve:after-replace",
                                    "resolve:after-memberships")] + \
         [("bulk", p) for p in ("bulk:after-start", "bulk:after-append:1", "bulk:after-append:3",
                                "bulk:after-checkpoint:2", "bulk:before-finish", "bulk:after-append:6")]


def cli(argv: list[str]) -> int:
    """``cscs`` in-process, its report lines kept out of the figures."""
    with contextlib.redirect_stdout(io.StringIO()):
        return _cli(argv)


def fuzz(cases: int, seed: int) -> Tally:
    with tempfile.TemporaryDirectory() as tmp:
        seeds = write_seeds(Path(tmp) / "seeds")
        tally = Tally()
        done, chunk = 0, 500
        while done < cases:  # in chunks, so a long campaign shows it is alive
            n = min(chunk, cases - done)
            run_cases(seeds, Path(tmp) / "work", n, seed=seed, tally=tally, start=CI_CASES + done)
            done += n
            print(f"  {done} cases", file=sys.stderr)
        return tally


def crashes(count: int, seed: int) -> tuple[int, int, list[str]]:
    """(runs, converged, failures) of ``count`` crash runs: the named points first, then
    random moments."""
    from graph.test_crash_recovery import facts, ingest_args, run, write_lists

    rng = random.Random(seed)
    plan = POINTS[:count] + [(rng.choice(["ordinary", "bulk"]), None) for _ in range(max(0, count - len(POINTS)))]
    converged, failures = 0, []
    bulk.DEFAULT_BATCH_ROWS = 7
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_lists(Path(tmp) / "lists")
        for part in (shipped_rubric(), shipped_rubric().with_suffix(".toml")):
            (corpus / part.name).write_bytes(part.read_bytes())
        want = {}
        for mode in ("ordinary", "bulk"):
            store = Path(tmp) / f"reference-{mode}"
            if mode == "bulk":
                cli(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())])
            run(store, ingest_args(corpus, mode == "bulk"))
            want[mode] = facts(Graph(path=store))
        for index, (mode, point) in enumerate(plan):
            store = Path(tmp) / f"crash{index}"
            if mode == "bulk":
                cli(["--store", str(store), "ingest", "--quiet", str(shipped_rubric())])
            args = ingest_args(corpus, mode == "bulk")
            if point:
                killed = run(store, args, crash_at=point).returncode == -signal.SIGKILL
            else:
                run(store, args, kill_after=rng.uniform(0.8, 3.0))
                killed = True
            graph = Graph(path=store)
            files = [Path(p) for p in args[3 if mode == "bulk" else 2:]]
            graph.ingest(files, bulk=True if mode == "bulk" else None)
            label = f"{mode} {point or 'random'}"
            if killed and facts(graph) == want[mode] and not bulk.partial_documents(graph.store):
                converged += 1
            else:
                failures.append(label + ("" if killed else " (the crash point was not reached)"))
            del graph
    return len(plan), converged, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--crashes", type=int, default=12, help="crash runs (the named points, then random kills)")
    args = parser.parse_args()
    started = time.perf_counter()
    tally = fuzz(args.cases, args.seed)
    fuzz_seconds = time.perf_counter() - started
    columns = ("cases", "error", "placed", "traceback", "unnamed", "store-changed", "garbage", "accepted")
    heads = ("cases", "clear errors", "with place", "tracebacks", "unnamed", "store changed", "garbage", "accepted")
    print(f"{'format':<24}" + "".join(f"{h:>14}" for h in heads))
    for fmt, counts in sorted(tally.by_format.items()):
        row = [sum(counts.values()) - counts["placed"]] + [counts[c] for c in columns[1:]]  # placed: not a case
        print(f"{fmt:<24}" + "".join(f"{v:>14}" for v in row))
    cases = tally.cases()
    print(f"{'all':<24}" + "".join(f"{v:>14}" for v in [cases] + [tally.total(c) for c in columns[1:]]))
    print(f"fuzzing: {cases} cases in {fuzz_seconds:.0f} s (seed {args.seed})")
    for outcome in FAILURES:
        for example in tally.examples.get(outcome, []):
            print(f"  {outcome}: {example[:400]}")
    started = time.perf_counter()
    runs, converged, failures = crashes(args.crashes, args.seed)
    print(f"crash reruns converged: {converged} of {runs} ({time.perf_counter() - started:.0f} s)")
    for failure in failures:
        print(f"  not converged: {failure}")
    bad = sum(tally.total(o) for o in FAILURES) + len(failures)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
