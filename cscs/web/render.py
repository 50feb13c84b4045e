"""The Jinja2 environment of the explorer: templates from package data, autoescaped.

Autoescaping is on for every template, so a value is HTML-escaped unless it is
``Markup`` (only the SVG charts, which escape their own labels, are).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from importlib import resources
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from cscs.ontology.namespaces import ID

from .charts import fmt
from .view import moved

ENTERPRISE = f"{ID}enterprise/"
CSCS_NS = "https://w3id.org/cscs/ns#"
PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def firm_url(iri: str, **query: object) -> str:
    """``/firm/<key>``: the firm's IRI after ``.../id/enterprise/``, percent-encoded."""
    key = iri[len(ENTERPRISE):] if iri.startswith(ENTERPRISE) else iri
    params = {k: v for k, v in query.items() if v not in (None, "")}
    return f"/firm/{quote(key, safe='')}" + (f"?{urlencode(params)}" if params else "")


def url(path: str, **query: object) -> str:
    params = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in query.items() if v not in (None, "")}
    return path + (f"?{urlencode(params)}" if params else "")


def short(iri: object) -> str:
    """The last part of an IRI, for display."""
    text = str(iri or "")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if "://" in text else text


@cache
def chinese_labels() -> dict[str, str]:
    """Local name of each ontology term (record kinds, roles, rules …) → its Chinese
    label (skos:prefLabel@zh, else rdfs:label@zh), from the packaged cscs.ttl."""
    import pyoxigraph as ox

    data = resources.files("cscs.ontology").joinpath("cscs.ttl").read_bytes()
    found: dict[str, dict[str, str]] = {}
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        if isinstance(t.object, ox.Literal) and t.object.language == "zh" and \
                t.predicate.value in (PREF_LABEL, RDFS_LABEL) and t.subject.value.startswith(CSCS_NS):
            found.setdefault(t.subject.value[len(CSCS_NS):], {})[t.predicate.value] = t.object.value
    return {name: labels.get(PREF_LABEL) or labels[RDFS_LABEL] for name, labels in found.items()}


def zh(term: object) -> str:
    """A CamelCase kind or role with its Chinese label beside it: ``AdministrativePenalty
    (行政处罚)``; as it is when the ontology has none."""
    name = short(term)
    label = chinese_labels().get(name)
    return f"{name} ({label})" if label else name


def environment() -> Environment:
    env = Environment(loader=PackageLoader("cscs.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(firm_url=firm_url, url=url, short=short, fmt=fmt, zh=zh, moved=moved)
    return env
