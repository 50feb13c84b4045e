"""The graph against its SHACL shapes, one document graph at a time.

Every named graph is one source document, so every problem found names the
document it came from. A graph is validated on its own, with the ontology mixed
in: the shapes (``ontology/shapes.ttl``) only require what one document's graph
holds by itself, and the ontology supplies the class tree that ``sh:targetClass``
and ``sh:class`` follow (a ``cscs:ListEntry`` is a ``cscs:Record``, a
``cscs:Court`` a ``cscs:Department``, ``cscs:AdministrativePenalty`` a
``cscs:RecordKind``).

Inference is off (``inference="none"``): SHACL already follows
``rdfs:subClassOf`` for targets and ``sh:class`` by itself, which is all the
shapes need; RDFS or OWL-RL inference would materialise every entailed triple of
every graph (each record typed ``prov:Entity``, every property's domain and
range) and multiply the run time for no extra check.

The ontology is mixed in by adding its class tree (``rdfs:subClassOf`` between
named classes, and the types of its named individuals: record kinds, roles,
polarities) to the graph before validation, rather than through pyshacl's
``ont_graph``: pyshacl's ontology "inoculation" deep-clones every
``owl:NamedIndividual`` by following its links, and the SKOS scheme of record
kinds (``skos:hasTopConcept`` one way, ``skos:topConceptOf`` back) sends that
clone round in circles for minutes. Even with the class tree alone, the
inoculation costs more than the validation itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from cscs.ontology.namespaces import DCTERMS, DOC, PREFIXES, XSD

from .protocol import Store

_XSD_STRING = XSD.string.value
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class Violation:
    """One SHACL result, named by the document whose graph it was found in."""

    document_title: str
    document_iri: str
    focus_node: str
    path: str | None
    message: str
    severity: str = "Violation"  # "Violation" | "Warning" | "Info"
    value: str | None = None

    def __str__(self) -> str:
        """``<title>: <focus> <path>: <message>`` (no path for a node-level result;
        ``warning:`` before the message of a result that is not a violation)."""
        place = f"{compact(self.focus_node)} {compact(self.path)}" if self.path else compact(self.focus_node)
        tag = "" if self.severity == "Violation" else f"{self.severity.lower()}: "
        return f"{self.document_title}: {place}: {tag}{self.message}"


@dataclass
class ValidationReport:
    """``conforms`` is false when any graph has a result of severity Violation;
    warnings are listed in ``violations`` too but do not break conformance."""

    conforms: bool
    graphs: int
    violations: list[Violation] = field(default_factory=list)


def compact(iri: str | None) -> str:
    """``https://w3id.org/cscs/ns#uscc`` → ``cscs:uscc`` (the longest known prefix wins);
    other IRIs in angle brackets, anything else (blank nodes) as it is."""
    if not iri:
        return ""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is not None:
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        return f"{prefix}:{iri[len(best):]}"
    return f"<{iri}>" if _IRI.fullmatch(iri) else iri


@cache
def _package_graph(name: str) -> Graph:
    text = resources.files("cscs.ontology").joinpath(name).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def shapes_graph() -> Graph:
    """The shipped SHACL shapes (parsed once per process)."""
    return _package_graph("shapes.ttl")


def ontology_graph() -> Graph:
    """The shipped ontology (parsed once per process)."""
    return _package_graph("cscs.ttl")


@cache
def class_tree() -> tuple[tuple[Node, Node, Node], ...]:
    """What of the ontology SHACL needs: subclass links between named classes and
    the rdf:types of named individuals (``cscs:AdministrativePenalty a cscs:RecordKind``)."""
    ont = ontology_graph()
    triples: set[tuple[Node, Node, Node]] = {(s, RDFS.subClassOf, o) for s, o in ont.subject_objects(RDFS.subClassOf)
               if isinstance(s, URIRef) and isinstance(o, URIRef)}
    for individual in ont.subjects(RDF.type, OWL.NamedIndividual):
        triples.update((individual, RDF.type, t) for t in ont.objects(individual, RDF.type)
                       if t != OWL.NamedIndividual)
    return tuple(sorted(triples))


def validate(store: Store) -> ValidationReport:
    """Validate every document graph of the store against the shapes (derived graphs,
    such as entity resolution's, hold no document and are checked by their own tests)."""
    graphs = [g for g in store.graphs() if g.value.startswith(str(DOC))]
    violations: list[Violation] = []
    for name in sorted(graphs, key=lambda g: g.value):
        violations.extend(validate_graph(store, name))
    conforms = not any(v.severity == "Violation" for v in violations)
    return ValidationReport(conforms, len(graphs), violations)


def validate_graph(store: Store, graph: ox.NamedNode) -> list[Violation]:
    """The SHACL results of one document graph."""
    data = Graph()
    for quad in store.quads(graph):
        data.add((_term(quad.subject), _term(quad.predicate), _term(quad.object)))
    title = _title(data, graph)
    for triple in class_tree():
        data.add(triple)
    # inplace: ``data`` is our own copy, so pyshacl need not clone it.
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph(), inference="none", abort_on_first=False,
        allow_warnings=True, meta_shacl=False, advanced=False, inplace=True,
    )
    found = [_violation(results, r, title, graph.value)
             for r in results.subjects(RDF.type, SH.ValidationResult)]
    return sorted(found, key=lambda v: (v.focus_node, v.path or "", v.message, v.value or ""))


def _term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        # xsd:string literals are plain literals in RDF 1.1; rdflib keeps them apart.
        return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))
    raise TypeError(f"RDF-star triple terms are not validated: {term}")


def _title(data: Graph, graph: ox.NamedNode) -> str:
    """The document's dcterms:title (its file name), else the graph IRI."""
    titles = sorted(str(t) for t in data.objects(URIRef(graph.value), URIRef(DCTERMS.title.value)))
    return titles[0] if titles else graph.value


def _violation(results: Graph, result: Node, title: str, document: str) -> Violation:
    def one(predicate: URIRef) -> Node | None:
        return next(iter(results.objects(result, predicate)), None)

    path = one(SH.resultPath)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    value = one(SH.value)
    focus = one(SH.focusNode)
    return Violation(
        document_title=title,
        document_iri=document,
        focus_node=_show(focus),
        path=_show(path) if isinstance(path, URIRef) else ("(complex path)" if path is not None else None),
        # IRIs that a SPARQL constraint put into its message, in their short form
        message=_IRI.sub(lambda m: compact(m[0]), " ".join(messages))
        or f"fails {compact(_show(one(SH.sourceConstraintComponent)))}",
        severity=_SEVERITIES.get(one(SH.resultSeverity), "Violation"),  # type: ignore[call-overload]
        value=None if value is None else _show(value),
    )


def _show(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)
