"""What ``cscs analyze`` prints and writes: descriptives, coefficient tables, CSV, a plot.

The descriptives are the ones Lin & Milhaupt report (share of SOEs, share rated
excellent or good, each category's mean as a share of its maximum), so a user sees at
once whether the graph holds a population like theirs before reading coefficients.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import pandas as pd

from .models import REGRESSORS, Fit
from .table import CATEGORIES, StudyTable


def descriptives(table: StudyTable) -> dict[str, Any]:
    frame = table.frame
    n = len(frame)
    grades = frame["grade"].fillna("none").value_counts(normalize=True).to_dict() if n else {}
    shares = {column: float(frame[column].mean() / table.maxima[column])
              for column in ["total", *CATEGORIES.values()] if column in frame and table.maxima.get(column)}
    return {
        "firms": n, "soe_share": float(frame["soe"].mean()) if n else None,
        "connected_share": float(frame["connected"].mean()) if n else None,
        "excellent_or_good": float(sum(grades.get(g, 0.0) for g in ("excellent", "good"))),
        "grades": {k: float(v) for k, v in grades.items()}, "mean_share_of_maximum": shares,
        "party_chapter_share": float(frame["party_chapter"].mean()) if n else None,
        "independent_share_mean": float(frame["independent_share"].mean()) if n else None,
        "missing": {c: int(frame[c].isna().sum()) for c in REGRESSORS if c in frame and frame[c].isna().any()},
    }


def write_text(table: StudyTable, fits: list[Fit], out: IO[str]) -> None:
    d = descriptives(table)
    out.write(f"Lin & Milhaupt's regressions on {d['firms']} listed firms, scores as of {table.as_of} "
              f"under {table.rubric.rsplit('/', 1)[-1]}\n")
    out.write(f"connected = a chairman, director or general manager holds or held a post at {table.min_level} "
              f"level or above")
    if table.rosters is not None:
        out.write(f" (rosters: {len(table.rosters.linked)} of {table.rosters.entries} entries matched to officers, "
                  f"{len(table.rosters.review)} left for review)")
    out.write("\n\n")
    out.write(f"  SOEs {d['soe_share']:.1%}   connected {d['connected_share']:.1%}   "
              f"party-building chapter {d['party_chapter_share']:.1%}   "
              f"independent directors {d['independent_share_mean']:.1%} of boards\n")
    out.write(f"  rated excellent or good {d['excellent_or_good']:.1%} ("
              + ", ".join(f"{k} {v:.1%}" for k, v in sorted(d["grades"].items(), key=lambda kv: -kv[1])) + ")\n")
    out.write("  mean score as a share of the maximum: "
              + ", ".join(f"{k} {v:.1%}" for k, v in d["mean_share_of_maximum"].items()) + "\n")
    if d["missing"]:
        out.write("  missing values (firms left out of the fits): "
                  + ", ".join(f"{k} {v}" for k, v in d["missing"].items()) + "\n")
    for result in fits:
        out.write(f"\n{result.label} (OLS, n = {result.n}"
                  + (f", R² = {result.r2:.3f}" if result.r2 is not None else "") + f", {result.cov_type} robust SE)\n")
        for note in result.notes:
            out.write(f"  note: {note}\n")
        if not result.coefficients:
            continue
        out.write(f"  {'':<36}{'coef':>10}{'SE':>9}{'t':>8}{'p':>8}   95% CI\n")
        for c in result.coefficients:
            label = "constant" if c.term == "const" else REGRESSORS.get(c.term, c.term)
            out.write(f"  {label:<36}{c.coef:>10.3f}{c.se:>9.3f}{c.t:>8.2f}{c.p:>8.3f}   "
                      f"[{c.low:.2f}, {c.high:.2f}] {c.stars}\n")
    out.write("\n* p < 0.05, ** p < 0.01, *** p < 0.001\n")


def coefficients_frame(fits: list[Fit]) -> pd.DataFrame:
    return pd.DataFrame([{"outcome": f.outcome, "term": c.term, "coef": c.coef, "se": c.se, "t": c.t, "p": c.p,
                          "ci_low": c.low, "ci_high": c.high, "n": f.n, "r2": f.r2, "cov_type": f.cov_type}
                         for f in fits for c in f.coefficients])


def write_outputs(table: StudyTable, fits: list[Fit], out_dir: Path) -> dict[str, Path]:
    """``table.csv``, ``coefficients.csv`` and ``scores_by_connection.png`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"table": out_dir / "table.csv", "coefficients": out_dir / "coefficients.csv",
             "plot": out_dir / "scores_by_connection.png"}
    table.frame.to_csv(paths["table"], index=False, encoding="utf-8")
    coefficients_frame(fits).to_csv(paths["coefficients"], index=False)
    plot(table, paths["plot"])
    return paths


def plot(table: StudyTable, path: Path) -> Path:
    """Score distributions of connected and other firms: total and each category."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    frame = table.frame
    columns = [c for c in ["total", "social", "compliance", "basic"] if c in frame]
    figure, axes = plt.subplots(1, len(columns), figsize=(4 * len(columns), 3.6))
    for axis, column in zip(list(axes) if len(columns) > 1 else [axes], columns):
        groups = [frame.loc[frame["connected"] == flag, column].dropna() for flag in (0, 1)]
        axis.boxplot(groups, showmeans=True)
        axis.set_xticks([1, 2], [f"not connected\n(n={len(groups[0])})", f"connected\n(n={len(groups[1])})"])
        axis.set_title(f"{column} (max {table.maxima.get(column, 0):g})")
    figure.suptitle(f"Scores by political connection, as of {table.as_of}")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
    return path
