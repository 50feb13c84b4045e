"""Parameters into SPARQL without string formatting of user input.

Every parameter of a shipped query is declared where it is used as a slot,
``VALUES ?asOf { UNDEF }``, which is valid SPARQL on its own (an unbound
parameter constrains nothing). Binding replaces the slot's ``UNDEF`` with the
term serialised by the RDF library (N-Triples escaping), so a value can never
change the shape of the query. Slots inside sub-queries are filled too, which
``initBindings`` and a trailing VALUES clause cannot do.

The one SPARQL text built in Python is here too (:func:`insert_data`,
:func:`drop_graph` and the updates made of them): ``INSERT DATA`` and ``DROP GRAPH``
take no variables, so there is no slot to bind — their terms (our own quads and graph
names) are serialised by pyoxigraph, with N-Triples escaping, and nothing else goes
into the text. Every other query is a file in ``queries/`` (a test keeps it so).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from cscs.ontology.namespaces import XSD

Term = NamedNode | Literal

_SLOT = re.compile(r"VALUES\s+\?(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\{\s*UNDEF\s*\}")
# a slot for rows of several variables, ``VALUES (?a ?b) { (UNDEF UNDEF) }``: its
# parameter is named by the variables joined with "_" (``a_b``) and takes tuples
_ROW_SLOT = re.compile(r"VALUES\s*\((?P<vars>\s*\?[A-Za-z_]\w*(?:\s+\?[A-Za-z_]\w*)+)\s*\)"
                       r"\s*\{\s*\(\s*UNDEF(?:\s+UNDEF)*\s*\)\s*\}")


class BindingError(ValueError):
    pass


def term(value: object) -> Term:
    """A term for a Python value: NamedNode and Literal pass through, dates become
    xsd:date, numbers xsd:integer/decimal, strings plain literals."""
    if isinstance(value, (NamedNode, Literal)):
        return value
    if isinstance(value, BlankNode):
        raise BindingError("blank nodes cannot be bound")
    if isinstance(value, bool):
        return Literal(str(value).lower(), datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(format(value, "f"), datatype=XSD.decimal)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value))


def slots(query: str) -> set[str]:
    return {m["name"] for m in _SLOT.finditer(query)} | {_row_name(m) for m in _ROW_SLOT.finditer(query)}


def _row_name(match: re.Match[str]) -> str:
    return "_".join(v.lstrip("?") for v in match["vars"].split())


def bind(query: str, values: dict[str, object | None]) -> str:
    """Fill the query's ``VALUES ?x { UNDEF }`` slots; None leaves a slot unbound, a
    list (or set) binds the slot to each of its values."""
    declared = slots(query)
    unknown = set(values) - declared
    if unknown:
        raise BindingError(f"query has no slot for {', '.join(sorted(unknown))}")
    singles = {m["name"] for m in _SLOT.finditer(query)}
    serialised = {name: " ".join(str(term(x)) for x in v) if isinstance(v, (list, tuple, set, frozenset))
                  else str(term(v)) for name, v in values.items() if v is not None and name in singles}

    def fill(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in serialised:
            return match[0]
        return f"VALUES ?{name} {{ {serialised[name]} }}"

    def fill_rows(match: re.Match[str]) -> str:
        name = _row_name(match)
        if values.get(name) is None:
            return match[0]
        return f"VALUES ({match['vars'].strip()}) {{ {_rows(values[name], len(match['vars'].split()))} }}"

    return _ROW_SLOT.sub(fill_rows, _SLOT.sub(fill, query))


def _rows(rows: object, width: int) -> str:
    """Tuples as VALUES rows, ``(t1 t2) (t3 t4)``; each tuple fills every variable."""
    if not isinstance(rows, (list, tuple, set, frozenset)) or any(
            not isinstance(row, tuple) or len(row) != width for row in rows):
        raise BindingError(f"a slot of {width} variables takes a list of {width}-tuples")
    return " ".join("(" + " ".join(str(term(x)) for x in row) + ")" for row in rows)


def insert_data(quads: Iterable[Quad]) -> str:
    """``INSERT DATA`` for quads, every term serialised by pyoxigraph (N-Triples escaping)."""
    body = " ".join(f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads)
    return f"INSERT DATA {{ {body} }}"


def drop_graph(graph: NamedNode) -> str:
    """``DROP SILENT GRAPH`` of one graph (a NamedNode: its IRI serialised by pyoxigraph)."""
    if not isinstance(graph, NamedNode):
        raise BindingError(f"a graph to drop is a NamedNode, not {type(graph).__name__}")
    return f"DROP SILENT GRAPH {graph}"


def then_insert(update: str, quads: Iterable[Quad]) -> str:
    """One update request (one transaction): ``update`` (its slots already bound, so no
    value inside the data can be taken for a slot), then ``INSERT DATA`` of ``quads``."""
    return f"{update} ;\n{insert_data(quads)}"


def replace_graph_update(graph: NamedNode, quads: Iterable[Quad]) -> str:
    """One update request (one transaction) that drops a graph and writes it anew."""
    return then_insert(drop_graph(graph), quads)
