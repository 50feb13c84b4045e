"""Starting the command line or importing the API loads no reader, NLP or statistics
library: those come in with the command that needs them (``cscs --version`` is instant)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "pdfplumber", "openpyxl", "pandas", "statsmodels", "pyarrow", "PIL", "numpy", "zhconv")


def loaded_after(statement: str) -> list[str]:
    probe = f"import sys; {statement}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.split()


def test_the_cli_and_the_api_import_no_heavy_library():
    assert loaded_after("import cscs.cli") == []
    assert loaded_after("import cscs.api") == []
    assert loaded_after("import cscs.report, cscs.explaining") == []


def test_version_runs_without_them():
    probe = ("import sys; from cscs.cli import main\ntry: main(['--version'])\nexcept SystemExit: pass\n"
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("cscs ") and done.stderr.strip() == ""
