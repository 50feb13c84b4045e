"""The disclosure vocabulary (``vocabulary.toml``): published words → canonical values.

Kept as data so that a post, a shareholder nature or a place that a new report uses
is one line in a TOML file, not a code change; lookups compare published words
after width, spacing and bracket normalisation.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from ..identifiers import halfwidth

_NOISE = re.compile(r"[\s　()（）\[\]【】]")


def key(text: str) -> str:
    """Comparable form of a published word: half-width, no spaces or brackets."""
    return _NOISE.sub("", halfwidth(text or "")).upper()


@cache
def vocabulary() -> dict:
    return tomllib.loads(Path(__file__).with_name("vocabulary.toml").read_text(encoding="utf-8"))


@cache
def _index(section: str) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for canonical, words in vocabulary()[section].items():
        if canonical in {"ignored", "words"}:
            continue
        for word in words:
            index.setdefault(key(word), []).append(canonical)
    return {k: tuple(v) for k, v in index.items()}


def roles_of_post(post: str) -> tuple[str, ...] | None:
    """The key-personnel roles a firm post carries; ``()`` for a known post with no role
    (核心技术人员); None for a post nobody listed."""
    found = _index("roles").get(key(post))
    if found is not None:
        return found
    if key(post) in {key(w) for w in vocabulary()["roles"].get("ignored", [])}:
        return ()
    return None


def holder_nature(text: str) -> str | None:
    found = _index("holder_natures").get(key(text))
    return found[0] if found else None


def controller_nature(text: str) -> str | None:
    found = _index("controller_natures").get(key(text))
    return found[0] if found else None


def provinces() -> frozenset[str]:
    return frozenset(vocabulary()["places"]["provinces"])


def county_cities() -> frozenset[str]:
    return frozenset(vocabulary()["places"]["county_cities"])


@cache
def _headers() -> frozenset[str]:
    return frozenset(key(w).replace("、", "") for w in vocabulary()["headers"]["words"])


def is_header_word(text: str) -> bool:
    """A column header (与实际控制人关系, 股东性质 …) or a filler (不适用): never a value."""
    plain = re.sub(r"[(（][^()（）]*[)）]", "", text or "")
    return key(plain).replace("、", "") in _headers()


def controller_by_name(name: str) -> str | None:
    """A controller's nature from the words of its name (国资委, 财政部 …), or None."""
    for nature, words in vocabulary()["controller_names"].items():
        if any(w in (name or "") for w in words):
            return nature
    return None
