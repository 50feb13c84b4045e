"""The one SPARQL tokenizer: code told from strings, IRIs and comments, for the
explorer's lexical checks and the Virtuoso dialect's rewrites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cscs.graph.remote import DIALECTS, _is_ask
from cscs.graph.sparql_lexer import Limits, QueryShapeError, check, code_tokens, query_form, sub_code, tokens

QUERIES = Path(__file__).resolve().parents[2] / "queries"
TRAP = '"… FILTER(?a <= ?b) …"'


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in code_tokens(text)]


def test_tokens_cover_every_shipped_query_and_pass_its_checks():
    for path in sorted(QUERIES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        assert "".join(t.text for t in tokens(text)) == text, path.name
        assert not [t for t in tokens(text) if t.kind == "other"], path.name
        check(text)  # the shipped queries are well inside the bounds


def test_strings_iris_and_comments_are_single_tokens():
    text = ('SELECT ?x WHERE { ?x <urn:p> """a "quoted" \\""" FILTER""" . ?x <urn:q> \'it\\\'s\' } '
            '# SERVICE <http://x/> { }\n')
    assert kinds(text) == [("name", "SELECT"), ("var", "?x"), ("name", "WHERE"), ("punct", "{"),
                           ("var", "?x"), ("iri", "<urn:p>"), ("string", '"""a "quoted" \\""" FILTER"""'),
                           ("punct", "."), ("var", "?x"), ("iri", "<urn:q>"), ("string", "'it\\'s'"),
                           ("punct", "}")]
    assert kinds("FILTER(?a <= ?b && ?c<?d)")[3:7] == [("punct", "<="), ("var", "?b"), ("punct", "&&"),
                                                        ("var", "?c")]
    assert kinds("?s cscs:resolvedTo? ?o") == [("var", "?s"), ("name", "cscs:resolvedTo"), ("punct", "?"),
                                              ("var", "?o")]


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * where { service\n# a comment\n<http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT ?endpoint { ?s ?p ?o } }",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e:x { ?s ?p ?o } }",
    "SELECT * WHERE { Service<http://127.0.0.1:9/>{ ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "unterminated SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }',
])
def test_service_is_refused_however_it_is_written(query):
    with pytest.raises(QueryShapeError, match="federated queries are off"):
        check(query)


def test_service_in_literals_iris_and_comments_is_not_a_service():
    check('SELECT * WHERE { ?s <http://example.org/SERVICE> "SERVICE <http://x/> {}" } # SERVICE <http://x/>')
    check("SELECT ?service WHERE { ?service a <urn:Service> }")


def test_an_allowed_endpoint_passes_only_as_written():
    allowed = frozenset({"https://query.wikidata.org/sparql"})
    check("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }", allowed_services=allowed)
    with pytest.raises(QueryShapeError, match="not an allowed endpoint"):
        check("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql?x> { ?s ?p ?o } }",
              allowed_services=allowed)


def test_size_and_nesting_limits():
    limits = Limits(max_chars=1000, max_tokens=50, max_depth=5)
    check("SELECT * WHERE {{{{ ?s ?p ?o }}}}", limits)
    with pytest.raises(QueryShapeError, match="nests brackets more than 5 deep"):
        check("SELECT * WHERE {{{ ?s ?p ?o FILTER(((?o))) }}}", limits)
    check('SELECT * WHERE { ?s ?p "((((((((((((" }', limits)  # brackets in a string do not nest
    with pytest.raises(QueryShapeError, match="more than 50 tokens"):
        check("SELECT * WHERE { " + "?s ?p ?o . " * 20 + "}", limits)
    with pytest.raises(QueryShapeError, match="1,001 characters"):
        check("#" * 1001, limits)


def test_query_form_skips_comments_and_literals():
    assert query_form("# ASK is what this is not\nPREFIX a: <urn:ASK> SELECT ?x WHERE { ?x ?p 'ASK' }") == "SELECT"
    assert query_form("ASK { ?s ?p ?o }") == "ASK" and _is_ask("ask where { ?s ?p ?o }")
    assert not _is_ask("SELECT * WHERE { ?s ?p 'ASK {' } # ASK {")


def test_rewrites_change_code_never_literals_iris_or_comments():
    virtuoso = DIALECTS["virtuoso"]
    text = (f"SELECT ?a WHERE {{ ?a <urn:p> ?b . ?a <urn:label> {TRAP} FILTER(?a <= ?b) "
            "VALUES ?firm { UNDEF } } # FILTER(?a >= ?b)")
    assert virtuoso.rewrite(text) == (f"SELECT ?a WHERE {{ ?a <urn:p> ?b . ?a <urn:label> {TRAP} "
                                      "FILTER(!(?a > ?b))  } # FILTER(?a >= ?b)")
    bound = "SELECT * WHERE { VALUES ?name { \"VALUES ?firm { UNDEF }\" } ?f <urn:name> ?name }"
    assert virtuoso.rewrite(bound) == bound
    assert sub_code(re.compile("x"), "y", "x \ue000 'x'") == "x \ue000 'x'"  # not SPARQL: as is


def test_virtuoso_gets_literals_and_bound_values_unchanged(virtuoso_base):
    """On a live Virtuoso: the text of a literal that looks like a rewritten pattern, and
    of a value bound into a slot, comes back as written (ASCII: Virtuoso mangles inline
    non-ASCII strings, see Dialect)."""
    from servers import virtuoso_graph

    store = virtuoso_graph(virtuoso_base).store
    literal = "x FILTER(?a <= ?b) VALUES ?f { UNDEF } y"
    rows = store.select(f'SELECT ?x WHERE {{ BIND("{literal}" AS ?x) }}').rows
    assert rows == [{"x": literal}]
    rows = store.select("SELECT ?x WHERE { VALUES ?x { UNDEF } }", x="FILTER(?c >= ?d)").rows
    assert rows == [{"x": "FILTER(?c >= ?d)"}]
