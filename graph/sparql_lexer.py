"""One lexical pass over SPARQL text: tokens that tell code from strings, IRIs and comments.

Two things need to see a query's syntax without its literals, and both use this one
tokenizer:

- the explorer's ``/sparql`` checks a query before any parser sees it (:func:`check`):
  its size and nesting (pyoxigraph's recursive parser overflows its stack at a few
  thousand nested brackets and takes the process with it), and its ``SERVICE`` clauses
  (federated queries make the server fetch a URL, so they are refused unless the
  endpoint was allowed);
- the Virtuoso dialect rewrites a few syntax patterns (:func:`sub_code`): a rewrite must
  change ``FILTER(?a <= ?b)`` in the query, never the same characters inside a string
  literal, an IRI or a comment.

The token rules are SPARQL 1.1's terminals (section 19.8): strings (short and long, both
quotes, with escapes), ``<IRIs>``, ``#`` comments to the end of the line, variables,
prefixed names and keywords, numbers, and punctuation. A ``<`` that does not start an
IRI (no closing ``>`` before a space or a forbidden character) is the less-than operator.
Anything else is one ``other`` character: text this pass cannot read is left to the
parser to refuse, and is never taken for a string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*''' | \"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
             | '(?:[^'\\\n\r]|\\.)*' | "(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F\u2040]+)
  | (?P<name>(?:[^\W\d][\w\-.\u00B7]*)?:(?:[\w:%\-\u00B7]|\\[_~.\-!$&'()*+,;=/?\#@%]|\.(?=[\w:%\-\\]))*
           | [^\W\d][\w\-]*)
  | (?P<number>\d*\.\d+(?:[eE][+-]?\d+)? | \d+\.\d*[eE][+-]?\d+ | \d+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<punct>\^\^|<=|>=|!=|&&|\|\||[{}()\[\].,;=<>!+\-*/^|?])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

PROTECTED = frozenset({"string", "iri", "comment"})  # what a rewrite must never touch
OPENING, CLOSING = frozenset("{(["), frozenset("})]")


@dataclass(frozen=True)
class Token:
    kind: str  # ws, comment, string, iri, var, name, number, lang, punct, other
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """Every token of ``text``, whitespace and comments included (they cover it exactly)."""
    for match in _TOKEN.finditer(text):
        yield Token(match.lastgroup or "other", match.group(), match.start())


def code_tokens(text: str) -> Iterator[Token]:
    """The tokens a parser acts on: without whitespace and comments."""
    return (t for t in tokens(text) if t.kind not in ("ws", "comment"))


@dataclass(frozen=True)
class Limits:
    """How large a query may be before it is refused unparsed. Generous: the largest
    shipped queries have about 1,000 tokens (score.rq) and nest 12 deep (score-moved.rq); pyoxigraph crashes
    at some thousands of nested brackets and stalls on a few hundred joined patterns."""

    max_chars: int = 100_000
    max_tokens: int = 20_000
    max_depth: int = 64


class QueryShapeError(ValueError):
    """A query refused by the lexical pass (too large, too deep, or a SERVICE clause)."""


def check(text: str, limits: Limits = Limits(), allowed_services: frozenset[str] = frozenset()) -> None:
    """Refuse a query that is too large or too deep, or that calls an endpoint not allowed.

    ``SERVICE`` is found as a keyword token, so a string, IRI or comment that says
    SERVICE does not count, and neither ``service`` in lower case nor a comment between
    the keyword and its IRI hides one. Only an endpoint written as a full ``<IRI>`` that
    is in ``allowed_services`` passes; ``SERVICE ?var`` and prefixed names never do.
    """
    if len(text) > limits.max_chars:
        raise QueryShapeError(f"the query has {len(text):,} characters; at most {limits.max_chars:,} are accepted")
    depth = count = 0
    pending_service = False
    for token in code_tokens(text):
        count += 1
        if count > limits.max_tokens:
            raise QueryShapeError(f"the query has more than {limits.max_tokens:,} tokens")
        if token.kind == "punct" and token.text in OPENING:
            depth += 1
            if depth > limits.max_depth:
                raise QueryShapeError(f"the query nests brackets more than {limits.max_depth} deep")
        elif token.kind == "punct" and token.text in CLOSING:
            depth -= 1
        if pending_service:
            if token.kind == "name" and token.text.upper() == "SILENT":
                continue
            endpoint = token.text[1:-1] if token.kind == "iri" else None
            if endpoint is None or endpoint not in allowed_services:
                raise QueryShapeError(f"federated queries are off: SERVICE {token.text} is not an allowed endpoint"
                                      + (" (allowed: " + ", ".join(sorted(allowed_services)) + ")"
                                         if allowed_services else ""))
            pending_service = False
        elif token.kind == "name" and token.text.upper() == "SERVICE":
            pending_service = True
    if pending_service:
        raise QueryShapeError("federated queries are off: SERVICE without an endpoint")


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword of the query's code
    (comments and literals, which may say anything, are skipped)."""
    for token in code_tokens(text):
        if token.kind == "name" and token.text.upper() in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
            return token.text.upper()
    return None


_HOLE = re.compile("\ue000(\\d+)\ue001")


def sub_code(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub(replacement, text)`` on the query's code only.

    Strings, IRIs and comments are swapped out for numbered holes (private-use
    characters, which SPARQL allows only inside literals) while the pattern runs, then
    put back unchanged. A text whose code already holds those characters is not valid
    SPARQL; it is returned unchanged for the server to refuse.
    """
    saved: list[str] = []
    parts: list[str] = []
    for token in tokens(text):
        if token.kind in PROTECTED:
            parts.append(f"\ue000{len(saved)}\ue001")
            saved.append(token.text)
        elif "\ue000" in token.text or "\ue001" in token.text:
            return text
        else:
            parts.append(token.text)
    rewritten = pattern.sub(replacement, "".join(parts))
    return _HOLE.sub(lambda m: saved[int(m.group(1))], rewritten)
