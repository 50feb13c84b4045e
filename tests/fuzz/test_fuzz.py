"""The seeded fuzz suite (bounded for CI; ``bench/fuzz_campaign.py`` runs ten thousand
and more): mutated documents of every reader and extractor give one clear message
naming the file, or a graph without implausible values; never a traceback, and a
rejection leaves the store as it was. See :mod:`fuzz.harness`."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from cscs.cli import main

from .harness import FAILURES, run_cases, write_case, write_seeds

CASES = 230  # ten per seed


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> list[Path]:
    return write_seeds(tmp_path_factory.mktemp("fuzz") / "seeds")


def test_mutated_documents_are_clear_errors_or_plausible_graphs(seeds: list[Path], tmp_path: Path) -> None:
    tally = run_cases(seeds, tmp_path, CASES)
    assert tally.cases() == CASES
    failures = {k: tally.examples[k] for k in FAILURES if tally.total(k)}
    assert not failures, "\n".join(f"{k}: {e}" for k, examples in failures.items() for e in examples)
    assert tally.total("error") > CASES // 4 and tally.total("accepted") > CASES // 4  # the mutations bite, not all


def test_the_cli_prints_no_traceback_for_a_folder_of_mutants(seeds: list[Path], tmp_path: Path) -> None:
    """One ``cscs ingest`` over a folder of mutants: one line per rejected file, no traceback."""
    folder = tmp_path / "mutants"
    paths = [write_case(seeds, folder / f"case{n}", 1000 + n)[0] for n in range(len(seeds))]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--store", str(tmp_path / "store"), "ingest", str(folder)])
    text = out.getvalue() + err.getvalue()
    assert code in (0, 1) and "Traceback" not in text and "internal error" not in text, text
    rejected = [line for line in err.getvalue().splitlines() if line.startswith("rejected")]
    assert all(any(p.name in line for p in paths) for line in rejected), rejected
    assert out.getvalue().rstrip().endswith(f"{len(rejected)} rejected")  # one line per rejected file
