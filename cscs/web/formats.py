"""Each data page also as ``.json`` and ``.csv`` beside it (datasette's convention):
``/search.json?q=…``, ``/population.csv?grade=poor``, ``/firm/<key>.json``. The
query string is the page's, so a link to a view is a link to its data."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from urllib.parse import urlencode

from .app import Request, Response

SUFFIXES = ("json", "csv")


def split_key(key: str) -> tuple[str, str | None]:
    """``X.json`` → (``X``, ``json``); a key without a format suffix is the HTML page."""
    for fmt in SUFFIXES:
        if key.endswith("." + fmt):
            return key[: -len(fmt) - 1], fmt
    return key, None


def links(path: str, request: Request) -> dict[str, str]:
    """The page's JSON and CSV addresses, with its query string."""
    query = [(k, value) for k, values in request.query.items() for value in values if value != ""]
    tail = f"?{urlencode(query)}" if query else ""
    return {fmt: f"{path}.{fmt}{tail}" for fmt in SUFFIXES}


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def as_json(data: object) -> Response:
    return Response(json.dumps(data, ensure_ascii=False, indent=1, default=_plain),
                    content_type="application/json; charset=utf-8")


def as_csv(columns: list[str], rows: list[dict[str, object]], name: str) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _plain(v) for k, v in row.items()})
    return Response(out.getvalue(), content_type="text/csv; charset=utf-8",
                    headers=[("Content-Disposition", f'inline; filename="{name}.csv"')])
