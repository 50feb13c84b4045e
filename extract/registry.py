"""Extractors registered by name, and the choice of one for a document.

A document names its extractor explicitly (``cscs ingest --as dishonest``) or
is matched by content: every extractor says how well it fits (its columns,
its format) and the best clear fit wins. Two equal fits are an error, not a
guess.
"""

from __future__ import annotations

import logging
from typing import Protocol

from .context import ExtractionContext
from .readers import ReaderError
from .source import Source

log = logging.getLogger(__name__)


class Extractor(Protocol):
    # read-only: extractors declare them as class constants
    @property
    def name(self) -> str: ...

    @property
    def version(self) -> str: ...

    @property
    def kind(self) -> str: ...

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
    scored = sorted(((_fit(e, source), e.name) for e in _REGISTRY.values()), reverse=True)
    if not scored or scored[0][0] <= 0:
        raise NoExtractorError(f"{source.path}: no extractor recognises this document "
                               f"(try --as with one of: {', '.join(sorted(_REGISTRY))})")
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        raise NoExtractorError(f"{source.path}: ambiguous document, fits both "
                               f"{scored[0][1]} and {scored[1][1]} equally; choose with --as")
    return _REGISTRY[scored[0][1]]


def _fit(extractor: Extractor, source: Source) -> float:
    """``extractor.accepts(source)``; an extractor that fails to judge a document says no
    to it (logged at debug level) instead of taking the choice down with it. A reader's
    error is the document's, not the extractor's: it propagates."""
    try:
        return float(extractor.accepts(source))
    except ReaderError:
        raise
    except Exception as exc:  # noqa: BLE001 - one extractor's bug is that extractor's "no"
        log.debug("%s: the %s extractor's accepts() failed: %r", source.path, extractor.name, exc)
        return 0.0


def _load_builtin() -> None:
    """Import the built-in extractors (they register themselves on import)."""
    from . import judgments, lists, rubric  # noqa: F401
    from .bulletins import registered as _bulletins  # noqa: F401
    from .disclosures import registered  # noqa: F401
