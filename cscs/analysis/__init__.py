"""Lin & Milhaupt's analysis on the graph: do politically connected firms score higher,
and through which category?

- :func:`study_table` — one row per listed firm, every variable from a shipped query
  (roster entries are matched to officers first, :func:`match_rosters`);
- :func:`fit_all` — OLS of the total and each category on the variables, robust SEs;
- :func:`analyze` — both, plus the text report, CSV files and a plot (``cscs analyze``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cscs.api import DateLike, Graph, as_date

from .models import OUTCOMES, REGRESSORS, Coefficient, Fit, fit, fit_all
from .report import descriptives, write_outputs, write_text
from .rosters import ROSTERS, RosterMatches, match_rosters
from .table import StudyTable, study_table

__all__ = ["Analysis", "analyze", "study_table", "fit", "fit_all", "match_rosters", "descriptives", "write_text",
           "write_outputs", "StudyTable", "Fit", "Coefficient", "RosterMatches", "OUTCOMES", "REGRESSORS", "ROSTERS"]


@dataclass
class Analysis:
    table: StudyTable
    fits: list[Fit]
    outputs: dict[str, Path] = field(default_factory=dict)

    def fit_of(self, outcome: str) -> Fit:
        return next(f for f in self.fits if f.outcome == outcome)


def analyze(graph: Graph, as_of: DateLike, rubric: str | None = None, min_level: str = "municipal",
            rosters: bool = True, cov_type: str = "HC1", out_dir: Path | None = None) -> Analysis:
    table = study_table(graph, as_date(as_of), rubric, min_level, rosters)
    fits = fit_all(table.frame, cov_type=cov_type)
    outputs = write_outputs(table, fits, out_dir) if out_dir is not None else {}
    return Analysis(table, fits, outputs)
