"""cscs: China's corporate social credit system as one RDF knowledge graph.

Extract published documents into a graph (one named graph per document, with
PROV-O), compute every firm's public credit score with SPARQL, and explain it.
The Python API lives in :mod:`cscs.api`.
"""

__version__ = "0.1.0"
