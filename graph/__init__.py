"""The graph layer: vocabularies, the store (embedded Oxigraph or in memory),
atomic per-document ingest, parameter binding and the shipped SPARQL queries."""
