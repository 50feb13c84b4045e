"""A document's facts as N-Triples text, the input Oxigraph's bulk loader reads fastest.

Building a pyoxigraph ``Quad`` per fact, then handing millions of them back to the
store, cost more than the store's own load of the same facts (issue 15): the loader
parses text in Rust, in parallel for large inputs. So the extraction context writes
each fact as one N-Triples line, the document's graph given once, at load time
(``bulk_load(..., to_graph=graph)``). Terms are written as pyoxigraph writes them
(:func:`literal` gives the very literal :func:`cscs.extract.context.lit` builds), and
the loader validates every IRI and literal as it reads, so nothing unchecked gets in.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Iterator

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f]')
_ESCAPES = str.maketrans({**{i: f"\\u{i:04X}" for i in range(32)}, 0x7F: "\\u007F",
                          ord('"'): '\\"', ord("\\"): "\\\\", ord("\n"): "\\n", ord("\r"): "\\r"})
_TRUE, _FALSE = f'"true"^^<{_XSD}boolean>', f'"false"^^<{_XSD}boolean>'


def quoted(text: str) -> str:
    """A string in N-Triples quotes, escaped as the grammar requires."""
    if _NEEDS_ESCAPE.search(text) is None:
        return f'"{text}"'
    return f'"{text.translate(_ESCAPES)}"'


def literal(value: object) -> str:
    """The N-Triples form of ``lit(value)``: dates, decimals, ints, bools, strings, terms."""
    kind = type(value)
    if kind is str:
        return quoted(value)  # type: ignore[arg-type]
    if kind is NamedNode:
        return f"<{value.value}>"  # type: ignore[attr-defined]
    if kind is Literal:
        return str(value)
    if isinstance(value, bool):
        return _TRUE if value else _FALSE
    if isinstance(value, int):
        return f'"{value}"^^<{_XSD}integer>'
    if isinstance(value, Decimal):
        return f'"{format(value, "f")}"^^<{_XSD}decimal>'
    if isinstance(value, float):
        return f'"{value!r}"^^<{_XSD}double>'
    if isinstance(value, date):
        return f'"{value.isoformat()}"^^<{_XSD}date>'
    return quoted(str(value))


class Triples:
    """One document's facts (or a batch of them) as N-Triples lines, for one graph.

    The store loads the text (:meth:`EmbeddedStore.append`); iterating gives the
    pyoxigraph quads, for tests and for the few callers that want terms. A batch that
    came from the extraction process (:mod:`graph.pipeline`) is its text as received
    (``data``), never split into lines again."""

    def __init__(self, graph: NamedNode, lines: list[str] | None = None, data: bytes | None = None):
        self.graph = graph
        self.lines: list[str] = lines if lines is not None else []
        self._data = data

    def __len__(self) -> int:
        return self._data.count(b"\n") if self._data is not None else len(self.lines)

    def __bool__(self) -> bool:
        return bool(self._data) if self._data is not None else bool(self.lines)

    def text(self) -> bytes:
        return self._data if self._data is not None else "".join(self.lines).encode("utf-8")

    def __iter__(self) -> Iterator[Quad]:
        if not self:
            return iter(())
        return (Quad(t.subject, t.predicate, t.object, self.graph)
                for t in parse(self.text(), RdfFormat.N_TRIPLES))
