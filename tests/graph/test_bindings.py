"""Parameters are bound as terms, never formatted into the query text."""

from __future__ import annotations

from datetime import date

import pytest
from pyoxigraph import Literal, NamedNode

from cscs.api import Graph
from cscs.graph.bindings import BindingError, bind, slots


def test_every_slot_is_filled_including_inside_subqueries() -> None:
    query = "SELECT * WHERE { VALUES ?asOf { UNDEF } { SELECT ?x WHERE { VALUES ?asOf { UNDEF } } } }"
    bound = bind(query, {"asOf": date(2024, 6, 30)})
    assert bound.count('"2024-06-30"^^<http://www.w3.org/2001/XMLSchema#date>') == 2
    assert "UNDEF" not in bound


def test_unbound_parameters_stay_open_and_unknown_ones_are_errors() -> None:
    query = "SELECT * WHERE { VALUES ?firm { UNDEF } VALUES ?asOf { UNDEF } }"
    assert slots(query) == {"firm", "asOf"}
    assert bind(query, {"firm": None, "asOf": date(2020, 1, 1)}).count("UNDEF") == 1
    with pytest.raises(BindingError):
        bind(query, {"rubric": NamedNode("urn:x")})


def test_hostile_text_stays_a_literal(graph: Graph) -> None:
    hostile = '"} } DELETE WHERE { ?s ?p ?o } #'
    before = len(graph.store)
    rows = graph.query("PREFIX rov: <http://www.w3.org/ns/regorg#> SELECT ?f WHERE { VALUES ?text { UNDEF } "
                       "?f rov:legalName ?n . FILTER(STR(?n) = ?text) }", text=hostile)
    assert len(rows) == 0 and len(graph.store) == before
    assert str(Literal(hostile)) in bind("SELECT * WHERE { VALUES ?t { UNDEF } }", {"t": hostile})
    with pytest.raises(LookupError):
        graph.find_firm(hostile)


def test_row_slots_take_tuples_of_terms() -> None:
    query = "SELECT * WHERE { VALUES (?indicator ?record) { (UNDEF UNDEF) } }"
    assert slots(query) == {"indicator_record"}
    hostile = '") } DELETE WHERE { ?s ?p ?o } #'
    bound = bind(query, {"indicator_record": [(NamedNode("urn:i"), NamedNode("urn:r")), (NamedNode("urn:j"), hostile)]})
    assert bound == f"SELECT * WHERE {{ VALUES (?indicator ?record) {{ (<urn:i> <urn:r>) (<urn:j> {Literal(hostile)}) }} }}"
    assert bind(query, {"indicator_record": []}).count("UNDEF") == 0  # no rows: nothing matches
    assert bind(query, {"indicator_record": None}) == query
    with pytest.raises(BindingError):
        bind(query, {"indicator_record": [(NamedNode("urn:i"),)]})
