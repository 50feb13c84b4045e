"""Extractors registered by name, and the choice of one for a document.

A document names its extractor explicitly (``cscs ingest --as dishonest``) or
is matched by content: every extractor says how well it fits (its columns,
its format) and the best clear fit wins. Two equal fits are an error, not a
guess.
"""

from __future__ import annotations

from typing import Protocol

from .context import ExtractionContext
from .source import Source


class Extractor(Protocol):
    name: str
    version: str
    kind: str

    def accepts(self, source: Source) -> float: ...

    def extract(self, ctx: ExtractionContext, source: Source) -> None: ...


_REGISTRY: dict[str, Extractor] = {}


def register(extractor: Extractor) -> Extractor:
    _REGISTRY[extractor.name] = extractor
    return extractor


def names() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def get(name: str) -> Extractor:
    _load_builtin()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no extractor named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


class NoExtractorError(ValueError):
    pass


def choose(source: Source) -> Extractor:
    """The extractor that fits this document best, or a clear error."""
    _load_builtin()
    scored = sorted(((e.accepts(source), e.name) for e in _REGISTRY.values()), reverse=True)
    if not scored or scored[0][0] <= 0:
        raise NoExtractorError(f"{source.path}: no extractor recognises this document "
                               f"(try --as with one of: {', '.join(sorted(_REGISTRY))})")
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        raise NoExtractorError(f"{source.path}: ambiguous document, fits both "
                               f"{scored[0][1]} and {scored[1][1]} equally; choose with --as")
    return _REGISTRY[scored[0][1]]


def _load_builtin() -> None:
    """Import the built-in extractors (they register themselves on import)."""
    from . import judgments, lists, rubric  # noqa: F401
    from .bulletins import registered as _bulletins  # noqa: F401
    from .disclosures import registered  # noqa: F401
