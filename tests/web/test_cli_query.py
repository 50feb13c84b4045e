"""``cscs query`` runs every query form and says a syntax error in one line; the web's
SPARQL page tells a typo from an update."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from cscs.cli import main
from cscs.demo import shipped_rubric
from cscs.graph.query_forms import form, syntax_message

PREFIX = "PREFIX cscs: <https://w3id.org/cscs/ns#>\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("query")
    assert main(["--store", str(folder / "store"), "ingest", "--quiet", str(shipped_rubric())]) == 0
    return folder / "store"


def query(capsys, store: Path, tmp_path: Path, text: str, *args: str) -> tuple[int, str, str]:
    file = tmp_path / "q.rq"
    file.write_text(text, encoding="utf-8")
    code = main(["--store", str(store), "query", str(file), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_syntax_error_is_one_line_with_its_place(capsys, store, tmp_path):
    code, out, err = query(capsys, store, tmp_path, PREFIX + "SELECT ?r WHERE {\n  ?r a cscs:Rubric .\n  ?r ?? ?x }\n")
    assert code == 2 and out == ""
    assert err.startswith(f"cscs: error: {tmp_path / 'q.rq'}: SPARQL syntax error at line 4, column ")
    assert "(in: ?r ?? ?x })" in err and "Traceback" not in err and err.count("\n") == 1
    code, _, err = query(capsys, store, tmp_path, "SELEC ?x WHERE { ?x ?p ?o }")
    assert code == 2 and "SPARQL syntax error at line 1" in err


def test_construct_and_describe_print_triples_ask_prints_a_truth(capsys, store, tmp_path):
    construct = PREFIX + "CONSTRUCT { ?r a cscs:Rubric } WHERE { ?r a cscs:Rubric }"
    code, out, err = query(capsys, store, tmp_path, construct)
    assert code == 0, err
    triples = list(ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == 1 and triples[0].object.value.endswith("#Rubric")
    code, out, _ = query(capsys, store, tmp_path, construct, "--format", "turtle")
    assert code == 0 and len(list(ox.parse(out.encode(), format=ox.RdfFormat.TURTLE))) == 1
    rubric = triples[0].subject.value
    code, out, _ = query(capsys, store, tmp_path, f"DESCRIBE <{rubric}>")
    assert code == 0 and len(list(ox.parse(out.encode(), format=ox.RdfFormat.N_TRIPLES))) > 3
    assert query(capsys, store, tmp_path, PREFIX + "ASK { ?r a cscs:Rubric }")[1] == "true\n"
    assert query(capsys, store, tmp_path, PREFIX + "ASK { ?r a cscs:Nothing }")[1] == "false\n"
    assert query(capsys, store, tmp_path, PREFIX + "ASK { ?r a cscs:Rubric }", "--format", "json")[1] == \
        '{"boolean": true}\n'


def test_updates_are_told_from_typos():
    assert form("# c\nPREFIX a: <http://a/>\nBASE <http://b/>\n insert data { }") == "UPDATE"
    assert form("PREFIX : <http://a/> construct {} where {}") == "CONSTRUCT"
    assert form("SELEC ?x") is None
    update = "PREFIX a: <http://a/> DELETE WHERE { ?s ?p ?o }"
    assert "is a SPARQL update" in syntax_message(update, SyntaxError("error at 1:23: expected CONSTRUCT"))
    assert syntax_message("SELEC ?x", SyntaxError("error at 1:1: expected CONSTRUCT")) == \
        "SPARQL syntax error at line 1, column 1: expected CONSTRUCT (in: SELEC ?x)"


def test_the_sparql_page_says_typo_or_update(client):
    typo = client.post("/query", b"query=SELEC+%3Fx+WHERE+%7B%7D", "application/x-www-form-urlencoded")
    assert "SPARQL syntax error at line 1" in typo.text and "update" not in typo.text.split('id="query-error"')[1][:200]
    update = client.post("/query", b"query=INSERT+DATA+%7B%7D", "application/x-www-form-urlencoded")
    assert "is a SPARQL update" in update.text


def test_every_query_form_on_every_store(any_graph):
    construct = PREFIX + "CONSTRUCT { ?r a cscs:Rubric } WHERE { ?r a cscs:Rubric }"
    (triple,) = any_graph.run(construct)
    assert triple.object.value.endswith("#Rubric")
    assert any_graph.run(PREFIX + "ASK { ?r a cscs:Rubric }") is True
    assert any_graph.run(PREFIX + "SELECT ?r WHERE { ?r a cscs:Rubric }").variables == ["r"]
