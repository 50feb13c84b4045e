"""IRIs of the vocabularies cscs uses, as pyoxigraph terms.

The project's own terms live under ``CSCS``; instances (firms, persons, records,
rubrics) under ``ID``; one named graph per source document under ``DOC``.
W3C vocabularies are reused where they fit: PROV-O for provenance, ORG for
memberships and roles, SKOS for the indicator tree, RegOrg for registered
organisations, DCTERMS for document metadata.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from pyoxigraph import NamedNode

BASE = "https://w3id.org/cscs/"


class Namespace:
    """An IRI prefix whose attributes and items are NamedNodes.

    Not a ``str`` subclass on purpose: ``DCTERMS.title`` must be a term, not
    ``str.title``.
    """

    def __init__(self, base: str):
        self.base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = self.__dict__[name] = NamedNode(self.base + name)  # next time a plain attribute
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self.base + name)

    def __str__(self) -> str:
        return self.base


CSCS = Namespace(BASE + "ns#")
ID = Namespace(BASE + "id/")
DOC = Namespace(BASE + "doc/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
ROV = Namespace("http://www.w3.org/ns/regorg#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "cscs": str(CSCS), "id": str(ID), "doc": str(DOC), "rdf": str(RDF), "rdfs": str(RDFS),
    "xsd": str(XSD), "owl": str(OWL), "prov": str(PROV), "org": str(ORG), "skos": str(SKOS),
    "rov": str(ROV), "dcterms": str(DCTERMS), "foaf": str(FOAF),
}


def key_digest(*parts: str, length: int = 20) -> str:
    """A short stable digest for keys that are not safe or not short in an IRI."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def safe(segment: str) -> str:
    """Percent-encode one IRI path segment (identifiers are ASCII already)."""
    return quote(segment, safe="-_.")


def doc_graph(sha256: str) -> NamedNode:
    """The named graph (and PROV entity) of the document with this content hash."""
    return DOC[sha256]
