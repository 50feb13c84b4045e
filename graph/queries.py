"""The shipped SPARQL queries (``queries/*.rq``), read from package data.

SPARQL has no includes, and the counting rule should be written once. So a query
file may hold a line ``#include <name>.rq``: :func:`load` replaces it with the text
of ``queries/<name>.rq`` (itself expanded), indented like the line. To SPARQL the
line is a comment, so a file that includes is not a complete query until expanded:
what a user runs or copies is :func:`load`'s text (``cscs query --show NAME``
prints it; ``cscs query FILE`` expands the includes of a file it is given). A
fragment (``rule-*.rq``) is a group graph pattern's contents, not a query, and is
never run on its own.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

_INCLUDE = re.compile(r"^(?P<indent>[ \t]*)#include[ \t]+<(?P<name>[A-Za-z0-9_.-]+)>[ \t]*$", re.MULTILINE)
FRAGMENT_PREFIX = "rule-"


@cache
def load(name: str) -> str:
    """The text of ``queries/<name>.rq``, its includes expanded."""
    return expand(_raw(name.removesuffix(".rq")), _raw)


def _raw(name: str) -> str:
    name = name.removesuffix(".rq")
    try:
        return resources.files("cscs.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KeyError(f"no shipped query named {name!r}") from None


def expand(text: str, read=_raw, seen: tuple[str, ...] = ()) -> str:
    """``text`` with every ``#include <name>.rq`` line replaced by that file's expanded
    text (``read(name)``), indented like the line; an include cycle is an error."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"].removesuffix(".rq")
        if name in seen:
            raise ValueError(f"queries include each other: {' -> '.join([*seen, name])}")
        body = expand(read(name), read, (*seen, name)).rstrip("\n")
        return "\n".join(match["indent"] + line if line else line for line in body.split("\n"))

    return _INCLUDE.sub(replace, text)


def load_file(path: Path) -> str:
    """A user's query file, its includes expanded from the shipped queries (so a copy
    of ``queries/score.rq`` kept elsewhere still runs)."""
    return expand(path.read_text(encoding="utf-8"))


def names() -> list[str]:
    """The shipped queries, without the fragments they include."""
    return sorted(p.name[:-3] for p in resources.files("cscs.queries").iterdir()
                  if p.name.endswith(".rq") and not p.name.startswith(FRAGMENT_PREFIX))
