"""A process that answers the explorer's SPARQL queries, so that a query cannot take the
explorer down: a crash (pyoxigraph overflows its stack on some queries), a timeout or a
memory blow-up ends this process, and the explorer starts another.

Run as a script (``python worker.py``: it imports nothing of cscs, so it starts in a
fraction of a second), it opens the store read-only (``--store``) or loads an N-Quads
dump of an in-memory store (``--dump``), then answers requests on stdin, one JSON line
each, with a JSON line on stdout followed by ``length`` bytes of body.

With ``--no-network`` it first moves into its own user and network namespaces (Linux),
where no socket can reach any host, loopback included: pyoxigraph's ``Store.query`` has
a built-in HTTP client for ``SERVICE`` and no option to turn it off, so this is the
second guard behind the lexical refusal of ``SERVICE`` (:func:`cscs.graph.sparql_lexer.check`).

Results are written row by row, and stop at ``max_rows`` rows or ``max_bytes`` bytes
(at a row's end, so the document stays valid); the reply says when that happened.
"""

from __future__ import annotations

import argparse
import ctypes
import io
import json
import sys
from typing import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000
XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN = (XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def end_with_parent() -> None:
    """Exit when the explorer does, even in the middle of a query (a killed explorer must
    not leave a cross product running)."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def isolate_network() -> bool:
    """Leave every network: true when this process is now in an empty network namespace."""
    try:
        return ctypes.CDLL(None, use_errno=True).unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0
    except (OSError, AttributeError):
        return False


# -- SPARQL results, row by row ------------------------------------------------------
def _json_term(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value not in _PLAIN:
        out["datatype"] = term.datatype.value
    return out


def _xml_term(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value not in _PLAIN:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def _csv_field(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    text = f"_:{term.value}" if isinstance(term, ox.BlankNode) else str(term) if isinstance(term, ox.Triple) \
        else term.value
    return '"' + text.replace('"', '""') + '"' if any(c in text for c in '",\r\n') else text


def _tsv_field(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value == XSD + "integer" and term.value.lstrip("+-").isdigit():
        return term.value
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Solutions:
    """One SPARQL results format as a head, rows and a tail."""

    def __init__(self, media: str, variables: list[str]):
        self.media, self.variables = media, variables

    def head(self) -> str:
        v = self.variables
        if self.media == "text/csv":
            return ",".join(v) + "\r\n"
        if self.media == "text/tab-separated-values":
            return "\t".join("?" + n for n in v) + "\n"
        if "xml" in self.media:
            return ('<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
                    + "".join(f"<variable name={quoteattr(n)}/>" for n in v) + "</head><results>")
        return json.dumps({"head": {"vars": v}}, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"results":{"bindings":['

    def row(self, solution, first: bool) -> str:
        values = [solution[n] for n in self.variables]
        if self.media == "text/csv":
            return ",".join(_csv_field(t) for t in values) + "\r\n"
        if self.media == "text/tab-separated-values":
            return "\t".join(_tsv_field(t) for t in values) + "\n"
        if "xml" in self.media:
            return "<result>" + "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                                        for n, t in zip(self.variables, values) if t is not None) + "</result>"
        row = {n: _json_term(t) for n, t in zip(self.variables, values) if t is not None}
        return ("" if first else ",") + json.dumps(row, ensure_ascii=False, separators=(",", ":"))

    def tail(self) -> str:
        if self.media in ("text/csv", "text/tab-separated-values"):
            return ""
        return "</results></sparql>" if "xml" in self.media else "]}}"


def write_solutions(results, media: str, max_rows: int, max_bytes: int) -> tuple[bytes, str | None]:
    """The results as ``media``, cut at a row's end when a cap is reached."""
    shape = Solutions(media, [v.value for v in results.variables])
    out = bytearray(shape.head().encode())
    tail = shape.tail().encode()
    rows = 0
    for solution in results:
        if rows >= max_rows:
            return bytes(out + tail), f"the first {max_rows:,} rows (the row cap)"
        chunk = shape.row(solution, rows == 0).encode()
        if len(out) + len(chunk) + len(tail) > max_bytes:
            return bytes(out + tail), f"the first {rows:,} rows (the cap of {max_bytes:,} bytes)"
        out += chunk
        rows += 1
    return bytes(out + tail), None


def write_triples(triples: Iterable, media: str, max_rows: int, max_bytes: int) -> tuple[bytes, str | None]:
    """A graph result, serialised by pyoxigraph from at most ``max_rows`` triples and stopped
    (at a triple's end) once ``max_bytes`` are written."""
    import pyoxigraph as ox

    buffer, seen, why = io.BytesIO(), [0], []
    source = iter(triples)

    def capped() -> Iterator:
        for triple in source:
            if seen[0] >= max_rows or buffer.tell() >= max_bytes:
                why.append(f"the first {seen[0]:,} triples (the {'row' if seen[0] >= max_rows else 'byte'} cap)")
                return
            seen[0] += 1
            yield triple

    ox.serialize(capped(), buffer, ox.RdfFormat.from_media_type(media))
    return buffer.getvalue(), (why[0] if why else None)


# -- the request loop ------------------------------------------------------------------
def answer(store, request: dict) -> tuple[dict, bytes]:
    """One query: its reply header and body."""
    import pyoxigraph as ox

    options: dict[str, object] = {}
    if request.get("default_graphs"):
        options["default_graph"] = [ox.NamedNode(g) for g in request["default_graphs"]]
    else:
        options["use_default_graph_as_union"] = True
    if request.get("named_graphs"):
        options["named_graphs"] = [ox.NamedNode(g) for g in request["named_graphs"]]
    try:
        results = store.query(request["query"], **options)
        rows, size = request["max_rows"], request["max_bytes"]
        kind = ("boolean" if isinstance(results, ox.QueryBoolean)
                else "graph" if isinstance(results, ox.QueryTriples) else "solutions")
        media = request["graph_media" if kind == "graph" else "results_media"]
        if media is None:
            return {"error": "accept", "kind": kind}, b""
        if kind == "boolean":
            body, truncated = results.serialize(format=ox.QueryResultsFormat.from_media_type(media)), None
        elif kind == "graph":
            body, truncated = write_triples(results, media, rows, size)
        else:
            body, truncated = write_solutions(results, media, rows, size)
    except SyntaxError as exc:
        return {"error": "syntax", "message": str(exc)}, b""
    except OSError as exc:
        return {"error": "store", "message": str(exc)}, b""
    except (ValueError, TypeError, RuntimeError) as exc:
        return {"error": "query", "message": f"{type(exc).__name__}: {exc}"}, b""
    return {"media": media, "kind": kind, "truncated": truncated, "length": len(body)}, body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", help="the store's folder, opened read-only")
    parser.add_argument("--dump", help="an N-Quads file to load into memory")
    parser.add_argument("--no-network", action="store_true", help="run in an empty network namespace")
    args = parser.parse_args(argv)
    isolated = isolate_network() if args.no_network else False  # before any thread starts
    end_with_parent()
    import pyoxigraph as ox

    store = ox.Store.read_only(args.store) if args.store else ox.Store()
    if args.dump:
        store.bulk_load(path=args.dump, format=ox.RdfFormat.N_QUADS)
    out = sys.stdout.buffer
    out.write(json.dumps({"ready": True, "isolated": isolated}).encode() + b"\n")
    out.flush()
    for line in sys.stdin.buffer:
        header, body = answer(store, json.loads(line))
        out.write(json.dumps(header).encode() + b"\n" + body)
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
