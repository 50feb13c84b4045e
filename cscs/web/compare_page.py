"""The compare page: two sides, ``RUBRIC@DATE`` each, as ``cscs compare A B`` shows them.

Every firm's total and grade on each side, the difference and the indicators whose
points differ, and the grade-migration table, from the same code as the command line
(:func:`cscs.compare.compare_sides` over the population tables, :func:`cscs.compare.migration`;
as ``.csv`` and ``.json``, :func:`cscs.compare_command.write_frame`'s output). A
what-if overlay (records assumed repaired or removed, records added) applies to side B,
as the command line's options do. Below, the two rubrics' trees side by side, with one
firm's points under each (:meth:`cscs.api.Graph.explain`).
"""

from __future__ import annotations

import io
import json
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

from cscs.api import NotFound
from cscs.compare import Side, compare_sides, migration, what_if
from cscs.compare_command import changed_only, write_frame

from . import formats, view
from .app import Explorer, HTTPError, Request, Response, route
from .pages import _day, _notation_key, _page, describe_firm, rubric_by_id

PAGE_ROWS = 50
SORTS = {"firm": ("firm", True), "difference": ("difference", True), "-difference": ("difference", False)}
_TABLES_LOCK = threading.Lock()  # one materialisation of a population table at a time


@dataclass(frozen=True)
class Sides:
    """The page's two sides and what-if, as the request gives them."""

    a: Side
    b: Side
    ended: tuple[str, ...]
    added: tuple[tuple[str, str, str], ...]
    changed: bool

    @property
    def texts(self) -> tuple[str, str]:
        return tuple(f"{s.rubric}@{s.day.isoformat()}" for s in (self.a, self.b))  # type: ignore[return-value]


def side(request: Request, name: str, rubric: str, day: date) -> Side:
    """``a=RUBRIC@DATE``, or ``a=RUBRIC`` with ``a_day=DATE`` (the form), else the page's date."""
    text = request.arg(name).strip() or rubric
    if "@" in text:
        try:
            return Side.parse(text)
        except ValueError as exc:
            raise HTTPError(400, str(exc)) from None
    return Side(text, _day(request, f"{name}_day") if request.arg(f"{name}_day").strip() else day)


def sides(app: Explorer, request: Request) -> Sides:
    rows = app.graph.rubrics().rows
    if not rows:
        raise HTTPError(404, "no rubric in the graph")
    day = _day(request)
    added = list(zip(request.query.get("add_kind", []), request.query.get("add_firm", []),
                     request.query.get("add_day", [])))
    return Sides(side(request, "a", str(rows[0]["id"]), day), side(request, "b", str(rows[-1]["id"]), day),
                 tuple(t.strip() for key in ("repaired", "removed") for t in request.query.get(key, []) if t.strip()),
                 tuple((k.strip(), f.strip(), d.strip()) for k, f, d in added if k.strip() and f.strip()),
                 request.arg("changed") == "1")


def tables(app: Explorer) -> Path:
    """Where the population tables are kept: the server's folder, else one per explorer."""
    if app.tables is None:
        app.tables = Path(tempfile.mkdtemp(prefix="cscs-population-"))
    return app.tables


def comparison(app: Explorer, chosen: Sides) -> pd.DataFrame:
    """The command line's rows for the two sides (kept until the graph changes)."""
    def make() -> pd.DataFrame:
        try:
            overlay = what_if(app.graph, list(chosen.ended), list(chosen.added))
            with _TABLES_LOCK:
                rows = compare_sides(app.graph, chosen.a, chosen.b, tables(app), overlay)
        except (ValueError, KeyError) as exc:
            raise HTTPError(400, str(exc).strip('"')) from None
        return changed_only(rows) if chosen.changed else rows

    return app.cached(("compare", chosen), make)


def sorted_rows(rows: pd.DataFrame, sort: str) -> pd.DataFrame:
    if sort not in SORTS:
        raise HTTPError(400, f"sort by firm, difference or -difference, not {sort!r}")
    column, ascending = SORTS[sort]
    if column == "firm":
        return rows
    return rows.sort_values([column, "firm"], ascending=[ascending, True], na_position="last", kind="stable")


def plain_records(rows: pd.DataFrame) -> list[dict]:
    """The rows as ``cscs compare --format json`` writes them."""
    out = io.StringIO()
    write_frame(rows, "json", None, out)
    return json.loads(out.getvalue())


def migration_table(rows: pd.DataFrame) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """The grade-migration table's column grades and (row grade, counts) rows."""
    if rows.empty:
        return [], []
    moves = migration(rows)
    return [str(c) for c in moves.columns], [(str(g), [int(n) for n in moves.loc[g]]) for g in moves.index]


@route(r"/compare(?:\.(?P<fmt>json|csv))?")
def compare_page(app: Explorer, request: Request) -> Response:
    chosen = sides(app, request)
    sort = request.arg("sort", "firm")
    rows = sorted_rows(comparison(app, chosen), sort)
    fmt = request.params.get("fmt")
    columns, matrix = migration_table(rows)
    if fmt == "csv":
        out = io.StringIO()
        write_frame(rows, "csv", None, out)
        return Response(out.getvalue(), content_type="text/csv; charset=utf-8",
                        headers=[("Content-Disposition", 'inline; filename="compare.csv"')])
    if fmt == "json":
        return formats.as_json({"a": chosen.texts[0], "b": chosen.texts[1], "count": len(rows),
                                "migration": {g: dict(zip(columns, counts)) for g, counts in matrix},
                                "firms": plain_records(rows)})
    page = _page(request)
    pages = max((len(rows) + PAGE_ROWS - 1) // PAGE_ROWS, 1)
    shown = plain_records(rows.iloc[(page - 1) * PAGE_ROWS:page * PAGE_ROWS])
    a, b = rubric_by_id(app, chosen.a.rubric), rubric_by_id(app, chosen.b.rubric)
    firm_text = request.arg("firm").strip()
    firm = score_a = score_b = None
    if firm_text:
        try:
            iri = app.graph.find_firm(firm_text)
        except NotFound as exc:
            raise HTTPError(404, str(exc)) from None
        firm = describe_firm(app, iri)[0]
        score_a, score_b = app.graph.explain(iri, chosen.a.day, a.iri), app.graph.explain(iri, chosen.b.day, b.iri)
    pa, pb = view.points_by_node(score_a, a), view.points_by_node(score_b, b)
    by_a, by_b = {n.notation: n for n in a.nodes}, {n.notation: n for n in b.nodes}
    pairs = [(by_a.get(k), by_b.get(k)) for k in sorted(set(by_a) | set(by_b), key=_notation_key)]
    return app.render(
        "compare.html", a=a, b=b, chosen=chosen, rubrics=app.graph.rubrics().rows, pairs=pairs, firm=firm,
        firm_text=firm_text, score_a=score_a, score_b=score_b, rows=shown, count=len(rows), page=page,
        pages=pages, first=(page - 1) * PAGE_ROWS + 1, sort=sort, link=lambda **kw: link(request, **kw),
        page_link=lambda n: link(request, page=n), columns=columns, matrix=matrix,
        left_pts=lambda n: (n, pa.get(n.iri) if n else None), right_pts=lambda n: (n, pb.get(n.iri) if n else None),
        formats=formats.links("/compare", request))


def link(request: Request, **changes: object) -> str:
    """This page's address with some parameters changed (repeated ones kept)."""
    pairs = [(k, v) for k, values in request.query.items() if k not in changes for v in values if v != ""]
    return "/compare?" + urlencode(pairs + [(k, str(v)) for k, v in changes.items()])
