"""The Jinja2 environment of the explorer: templates from package data, autoescaped.

Autoescaping is on for every template, so a value is HTML-escaped unless it is
``Markup`` (only the SVG charts, which escape their own labels, are).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined

from cscs.graph.namespaces import ID

from .charts import fmt

ENTERPRISE = f"{ID}enterprise/"


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


def environment() -> Environment:
    env = Environment(loader=PackageLoader("cscs.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(firm_url=firm_url, url=url, short=short, fmt=fmt)
    return env
