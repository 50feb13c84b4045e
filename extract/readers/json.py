"""JSON / JSON Lines reader: finds the array of records and flattens it to a table.

API dumps wrap their records in envelopes (``{"data":[{"result":[...]}]}``),
so the reader looks for the array of objects instead of requiring a fixed
path, and reports where it found it (``json_path``) so an extractor can check
it got the array it expected. Only the top level of each record becomes
columns; nested values are kept as compact JSON text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._text import clean_cell, decode_text
from .model import RawRow, RawTable, ReaderError

Record = dict[str, Any]


def read_json(path: Path) -> list[RawTable]:
    """Read ``.json`` (record array located automatically) or ``.jsonl`` (one object per line).

    A ``.json`` file that is really JSON Lines is read as such.
    """
    text, encoding = decode_text(path.read_bytes(), path)
    try:
        if path.suffix.lower() == ".jsonl":
            numbered, json_path = _json_lines(text, path), ""
        else:
            numbered, json_path = _json_document(text, path)
        return [RawTable(source=path, format="json", rows=_rows(numbered), encoding=encoding,
                         json_path=json_path)]
    except RecursionError:  # 200,000 nested brackets: no record is that deep
        raise ReaderError(path, None, "JSON nested too deeply to read (over a thousand levels)") from None


def load_json(text: str, path: Path) -> Any:
    """``json.loads`` with its failures as one ReaderError naming the file and place: a
    syntax error, and nesting too deep to parse (200,000 brackets)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _syntax_error(path, exc) from exc
    except RecursionError:
        raise ReaderError(path, None, "JSON nested too deeply to read (over a thousand levels)") from None


def _json_document(text: str, path: Path) -> tuple[list[tuple[int, Record]], str]:
    """Records of a whole-file JSON document, numbered 1.. in array order, and their path."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.colno == 1:  # a second value starting a new line
            try:
                return _json_lines(text, path), ""
            except ReaderError:
                pass
        raise _syntax_error(path, exc) from exc
    records, json_path = find_records(document, path)
    return list(enumerate(records, start=1)), json_path


def _json_lines(text: str, path: Path) -> list[tuple[int, Record]]:
    """One object per non-blank line, numbered by physical line."""
    numbered: list[tuple[int, Record]] = []
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ReaderError(path, f"line {line_number}, column {exc.colno}", exc.msg) from exc
        if not isinstance(value, dict):
            raise ReaderError(path, f"line {line_number}", "JSON Lines record is not an object")
        numbered.append((line_number, value))
    return numbered


def _syntax_error(path: Path, exc: json.JSONDecodeError) -> ReaderError:
    return ReaderError(path, f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")


def find_records(document: Any, path: Path) -> tuple[list[Record], str]:
    """The record array and its path.

    A top-level array of objects (even an empty one) wins; otherwise the
    largest array of objects anywhere; on a tie, the array whose objects hold the
    most plain values (a portal's ``data: [{result: [...]}]`` envelope holds
    arrays, its records hold fields), then the first depth-first.
    A lone object with no such array is a single record. Anything else ->
    ReaderError.
    """
    if isinstance(document, list) and all(isinstance(item, dict) for item in document):
        return document, ""
    found = list(_record_arrays(document, ""))
    if found:
        json_path, records = max(found, key=lambda item: (len(item[1]), _flatness(item[1])))
        return records, json_path
    if isinstance(document, dict):
        return [document], ""
    raise ReaderError(path, None, "no JSON object or array of objects found")


def _flatness(records: list[Record]) -> float:
    """Share of scalar values in the objects: records are flat, envelopes are not."""
    values = [v for record in records for v in record.values()]
    return sum(not isinstance(v, (dict, list)) for v in values) / max(len(values), 1)


def _is_record_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _record_arrays(node: Any, json_path: str) -> Iterator[tuple[str, list[Record]]]:
    """Every non-empty array of objects under ``node``, depth-first in document order."""
    if _is_record_array(node):
        yield json_path, node
    if isinstance(node, list):
        for position, item in enumerate(node):
            yield from _record_arrays(item, f"{json_path}[{position}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _record_arrays(value, _child_path(json_path, key))


def _child_path(parent: str, key: str) -> str:
    """``parent.key``, or ``parent["odd key"]`` when the key is not identifier-like."""
    if key.isidentifier():
        return f"{parent}.{key}" if parent else key
    return f"{parent}[{json.dumps(key, ensure_ascii=False)}]"


def _rows(numbered: list[tuple[int, Record]]) -> tuple[RawRow, ...]:
    """A synthesised header (row 0: union of keys in first-seen order), then one row per record.

    No records -> no rows at all (not even a header).
    """
    if not numbered:
        return ()
    header = list(dict.fromkeys(key for _, record in numbered for key in record))
    rows = [RawRow(cells=tuple(clean_cell(key) for key in header), row=0)]
    rows.extend(
        RawRow(cells=tuple(value_text(record.get(key)) for key in header), row=number)
        for number, record in numbered
    )
    return tuple(rows)


def value_text(value: Any) -> str:
    """Scalars as text (JSON spelling for booleans), null -> ``""``, nested values as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return clean_cell(str(value))
