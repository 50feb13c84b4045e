"""What kind of SPARQL request a text is, and a syntax error said once, plainly.

Oxigraph reports an update sent as a query as a syntax error at its first keyword
(``expected CONSTRUCT``), so a reader who made a typo and one who sent ``INSERT`` got
the same message. The request's form is its first keyword after the prologue (BASE
and PREFIX declarations, comments); that is all it takes to tell them apart.
"""

from __future__ import annotations

import re

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_FORMS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

_PROLOGUE = re.compile(r"""(?:\s+|\#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*""", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+):\s*")


def form(text: str) -> str | None:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE``, ``ASK``, ``UPDATE``, or None when the
    text starts with neither (a typo)."""
    prologue = _PROLOGUE.match(text)  # it matches the empty string: never None
    rest = text[prologue.end() if prologue else 0:]
    word = re.match(r"[A-Za-z]+", rest)
    keyword = word.group(0).upper() if word else ""
    if keyword in QUERY_FORMS:
        return keyword
    return "UPDATE" if keyword in UPDATE_FORMS else None


def syntax_message(text: str, error: Exception) -> str:
    """One line: an update refused, or where the syntax breaks (line and column, with
    the line itself when the engine gives the place)."""
    if form(text) == "UPDATE":
        return "this is a SPARQL update; only queries (SELECT, CONSTRUCT, DESCRIBE, ASK) are run here"
    detail = str(error).strip()
    place = _POSITION.match(detail)
    if not place:
        return f"SPARQL syntax error: {detail}"
    line, column = int(place.group(1)), int(place.group(2))
    lines = text.splitlines() or [""]
    shown = lines[line - 1].strip() if 0 < line <= len(lines) else ""
    return (f"SPARQL syntax error at line {line}, column {column}: {detail[place.end():]}"
            + (f" (in: {shown[:80]})" if shown else ""))
