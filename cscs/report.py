"""Rendering scores and explanations for people (text) and programs (CSV, JSON)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import IO, Sequence

from .api import Explanation, FirmScore
from .results import Number
from .tables import FORMATS, firm_score_rows, score_columns, write_table

STATUS_MARK = {"counted": "●", "expired": "○", "removed": "○", "repaired": "○",
               "not yet in force": "○", "role not held": "○"}


def width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, cols: int) -> str:
    return text + " " * max(cols - width(text), 0)


def fmt(number: Number | None) -> str:
    if number is None:
        return "-"
    return f"{number:g}" if isinstance(number, float) else str(number)


def score_rows(scores: Sequence[FirmScore]) -> tuple[list[str], list[list[str]]]:
    """The terminal table: identifier, name, categories, total, grade."""
    labels = [c.label for c in scores[0].categories] if scores else []
    header = ["identifier", "name", *labels, "total", "grade"]
    rows = [[s.identifier or s.uscc or "", s.name or "", *(fmt(c.points) for c in s.categories), fmt(s.total),
             s.grade or ""] for s in scores]
    return header, rows


def write_scores(scores: Sequence[FirmScore], out: IO[str], fmt_name: str = "table",
                 path: Path | None = None) -> None:
    """A terminal table, JSON, or the score table (:mod:`cscs.tables`: csv, jsonl,
    parquet) that ``score --all`` writes too."""
    if fmt_name == "json":
        json.dump([s.to_dict() for s in scores], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt_name in FORMATS:
        labels = {c.category: c.label for c in scores[0].categories} if scores else {}
        whole = all(float(v).is_integer() for s in scores for v in (s.total, *(c.points for c in s.categories)))
        write_table(firm_score_rows(scores, labels), score_columns(labels), fmt_name, out=out, path=path,
                    whole=whole)
        return
    header, rows = score_rows(scores)
    widths = [max([width(h)] + [width(r[i]) for r in rows]) for i, h in enumerate(header)]
    for line in [header, *rows]:
        out.write("  ".join(pad(cell, w) for cell, w in zip(line, widths)).rstrip() + "\n")
    out.write(f"{len(scores)} firm(s), as of {scores[0].as_of.isoformat() if scores else '-'}\n")


def write_explanation(e: Explanation, out: IO[str], fmt_name: str = "text") -> None:
    if fmt_name == "json":
        json.dump(e.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    w = out.write
    w(f"{e.name or e.firm}  {e.uscc or ''}\n")
    w(f"score {fmt(e.total)} ({e.grade or 'no grade'}{', grade cut-offs assumed' if e.grade_assumed else ''})"
      f" under {e.rubric.rsplit('/', 1)[-1]}, as of {e.as_of.isoformat()}\n")
    for warning in e.warnings:
        w(f"warning: the rubric does not fit: {warning}\n")
    w("\n")
    for category in e.categories:
        w(f"{category.label}: {fmt(category.points)} / {fmt(category.max)}\n")
        for ind in (i for i in e.indicators if i.category == category.category):
            # points and maximum are both int or both Decimal (the rubric's datatype), never a float
            moved = ind.points - (ind.max if ind.polarity == "Negative" else 0)  # type: ignore[operator]
            mark = "" if moved == 0 else f"  ({'+' if moved > 0 else ''}{fmt(moved)})"
            flag = " [assumed rule]" if ind.assumption else ""
            w(f"  {ind.notation:<6} {pad(ind.label, 58)} {fmt(ind.points):>4} / {fmt(ind.max):<4}{mark}{flag}\n")
            for ev in ind.evidence:
                read_by = f" (read by {ev.extractor} {ev.extractor_version})" if ev.extractor else ""
                w(f"         {STATUS_MARK.get(ev.status, '?')} {ev.status}: {ev.kind} from "
                  f"{ev.valid_from}{_dates(ev)}; {ev.place}{read_by}\n")
                detail = [x for x in (ev.issuer, ev.case_number, ev.decision_number, ev.reason) if x]
                if detail:
                    w(f"           {' · '.join(detail)}\n")
                if ev.quote:
                    w(f"           “{ev.quote}”\n")
                w(f"           linked {_link(ev)}\n")
        w("\n")
    if e.assumptions:
        w("Assumptions (not verified in a primary source):\n")
        for note in e.assumptions:
            w(f"  - {note}\n")


def _dates(ev) -> str:
    parts = []
    if ev.valid_until:
        parts.append(f" until {ev.valid_until}")
    if ev.removed_on:
        parts.append(f", removed {ev.removed_on}")
    if ev.repaired_on:
        parts.append(f", repaired {ev.repaired_on}")
    return "".join(parts)


def _link(ev) -> str:
    if not ev.match_by:
        return _route(ev)
    if ev.match_by.startswith("user:"):
        return f"{_route(ev)}, judged the same party by {ev.match_by[5:]}"
    return f"{_route(ev)}, matched to this party (score {ev.match_score:.2f}): {ev.match_evidence}"


def _route(ev) -> str:
    if ev.via_role:
        return (f"through {ev.via_person_name or ev.via_person} as {ev.via_role} "
                f"(person identified by {ev.link_type or 'name'}"
                f"{' ' + ev.link_identifier if ev.link_identifier else ''})")
    if ev.link_type == "name" or not ev.link_identifier:
        return "by name only"
    valid = "" if ev.link_identifier_valid in (None, True) else ", fails its check"
    return f"by {ev.link_type} {ev.link_identifier}{valid}"
