"""SPARQL lives in ``queries/*.rq``: no query or update is written in Python.

A query in a file is one a reader finds, ``cscs query --show`` prints and the tests run
on an empty store; a string in a module is none of that, and invites formatting values
into the text. This test reads every module of the package (as Python, so comments,
docstrings and SQL are told apart from SPARQL) and fails on a string literal that is
a SPARQL query or update. The allowed places are listed with their reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from cscs.graph.queries import load

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIRS = ("cscs", "extract", "graph", "ontology", "queries")
ALLOWED = {
    "cscs/sample/hostile.py": "the hostile-query set: queries sent to the explorer to be refused, data",
    "graph/bindings.py": "INSERT DATA and DROP GRAPH take no variables: built from serialised terms, here only",
}

_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*")
_FORM = re.compile(r"(?:\A|\n|;)\s*(?:SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|DROP|CLEAR|LOAD|CREATE|COPY|MOVE|ADD|WITH)\b")
# what SQL (DuckDB's, in cscs.population) and prose lack: a ?variable, a group, GRAPH
_SPARQL = re.compile(r"\?[A-Za-z_]|\{|\bGRAPH\b")


def is_sparql(text: str) -> bool:
    """Whether a string is a SPARQL query or update: after its prologue (PREFIX and BASE
    declarations, comments), at its start, a line's or after a ``;``, a query or update
    form, and SPARQL syntax in it."""
    match = _PROLOGUE.match(text)
    code = text[match.end():] if match else text
    return bool(_FORM.search(code)) and bool(_SPARQL.search(code))


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal with its line: an f-string with its values as ``X``."""
    docs, inner = _docstrings(tree), set()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            inner.update(id(v) for v in node.values)
            out.append((node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "X" for v in node.values)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs | inner:
            out.append((node.lineno, node.value))
    return out


def sparql_strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    return [f"{name}:{line}: {text.strip()[:60]!r}" for line, text in sorted(_strings(tree)) if is_sparql(text)]


def test_no_sparql_is_written_in_python_outside_the_allowed_places() -> None:
    found = [hit for folder in PACKAGE_DIRS for path in sorted((ROOT / folder).rglob("*.py"))
             if path.relative_to(ROOT).as_posix() not in ALLOWED for hit in sparql_strings(path)]
    assert found == [], "move these to queries/*.rq and load them (graph.queries.load):\n" + "\n".join(found)


def test_the_allowed_places_still_hold_sparql() -> None:
    """An allowed place that holds no SPARQL any more comes off the list."""
    assert [name for name in ALLOWED if not sparql_strings(ROOT / name)] == []


@pytest.mark.parametrize("text", [
    load("score"), load("score-set-clear"), "ASK {}", 'PREFIX cscs: <https://w3id.org/cscs/ns#> SELECT ?c WHERE { '
    '?f cscs:resolvedTo ?c }', "DROP SILENT GRAPH X", "X ;\nINSERT DATA { GRAPH X { X } }", "INSERT DATA { GRAPH X { X X X } }",
    "# a comment\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_queries_and_updates_are_recognised(text: str) -> None:
    assert is_sparql(text)


@pytest.mark.parametrize("text", [
    "SELECT * FROM indicators_base ORDER BY iid", "CREATE VIEW X_base AS SELECT * FROM read_parquet('X')",
    "SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a query", "PREFIX cscs: <https://w3id.org/cscs/ns#>\n",
    "select a firm", "run a SPARQL query file (SELECT, ASK, CONSTRUCT, DESCRIBE)",
])
def test_sql_prose_and_prefixes_alone_are_not(text: str) -> None:
    assert not is_sparql(text)


def test_a_module_with_a_query_string_is_found(tmp_path: Path) -> None:
    module = tmp_path / "probe.py"
    module.write_text('def f(store):\n    return store.select(\n        "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")\n'
                      'X = f"DELETE {{ GRAPH {1} {{ ?s ?p ?o }} }} WHERE {{ ?s ?p ?o }}"\n', encoding="utf-8")
    assert [h.split(": ", 1)[0] for h in sparql_strings(module)] == ["probe.py:3", "probe.py:4"]
