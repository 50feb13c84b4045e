"""The shipped SPARQL queries (``queries/*.rq``), read from package data."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    """The text of ``queries/<name>.rq``."""
    name = name.removesuffix(".rq")
    try:
        return resources.files("cscs.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no shipped query named {name!r}") from None


def names() -> list[str]:
    return sorted(p.name[:-3] for p in resources.files("cscs.queries").iterdir() if p.name.endswith(".rq"))
