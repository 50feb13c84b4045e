"""``cscs sensitivity``: does a finding survive every plausible rubric?

A rubric's published table leaves values unknown, which the shipped rubrics fill in and
flag (``assumption = true``): grade cut-offs, per-record points, validity windows. Here
the listed population's study table (:mod:`cscs.analysis.table`) is built once, and for
each variant of those values (random draws around the assumed ones, or a grid of
multipliers) its scores are taken from the population table (:mod:`cscs.population`, a
DuckDB query each) and the analysis's regressions fitted again
(:mod:`cscs.analysis.models`): the coefficient on political connection for the total
and for each category, per variant. Variant 0 is the rubric as shipped, whose
coefficients are the analysis's own.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import product
from pathlib import Path

import pandas as pd

from cscs.analysis.models import OUTCOMES, fit
from cscs.analysis.table import CATEGORIES, StudyTable
from cscs.population import Change, Population, Variant

MONTHS = (12, 24, 36, 60, 84)  # plausible validity windows: one to seven years
SCALES = (0.5, 0.75, 1.0, 1.25, 1.5)  # per-record points as a share of the assumed value
SHIFT = 50  # grade cut-offs moved by up to this many points


@dataclass(frozen=True)
class Assumed:
    """The parameters a variant may change: the assumed per-record indicators (IRI →
    assumed points), the indicators with a validity window (IRI → months) and the
    assumed grade bands."""

    per_record: dict[str, float]
    months: dict[str, int]
    bands: list[tuple[str, float, float]]

    @classmethod
    def of(cls, population: Population) -> Assumed:
        ind = population.indicators
        per_record = {r["indicator"]: float(r["per_record"]) for _, r in ind.iterrows()
                      if r["assumption"] and not r["all_or_nothing"] and r["per_record"] == r["per_record"]}
        months = {r["indicator"]: int(r["months"]) for _, r in ind.iterrows() if r["months"] == r["months"]}
        bands = [(str(b["grade"]), float(b["low"]), float(b["high"])) for _, b in population.bands.iterrows()]
        return cls(per_record, months, bands)


def draws(assumed: Assumed, n: int, seed: int) -> Iterator[tuple[dict[str, object], Variant]]:
    """The shipped rubric, then ``n`` random variants: each assumed per-record value scaled
    by a factor in SCALES, one validity window from MONTHS for every windowed indicator,
    and the cut-offs between grades moved by a common shift in [-SHIFT, SHIFT]."""
    yield {"scale": 1.0, "months": "as shipped", "shift": 0}, Variant()
    rng = random.Random(seed)
    for _ in range(n):
        scales = {iri: rng.choice(SCALES) for iri in assumed.per_record}
        yield _variant(assumed, scales, rng.choice(MONTHS), rng.randint(-SHIFT, SHIFT))


def grid(assumed: Assumed) -> Iterator[tuple[dict[str, object], Variant]]:
    """Every combination of one per-record scale (for all assumed indicators at once), one
    window and a cut-off shift of -SHIFT, 0 or +SHIFT: the shipped rubric first."""
    yield {"scale": 1.0, "months": "as shipped", "shift": 0}, Variant()
    for scale, months, shift in product(SCALES, MONTHS, (-SHIFT, 0, SHIFT)):
        yield _variant(assumed, {iri: scale for iri in assumed.per_record}, months, shift)


def _variant(assumed: Assumed, scales: dict[str, float], months: int, shift: int
             ) -> tuple[dict[str, object], Variant]:
    changes = {iri: Change(per_record=round(points * scales[iri]), months=None) for iri, points in
               assumed.per_record.items()}
    for iri in assumed.months:
        old = changes.get(iri, Change())
        changes[iri] = Change(per_record=old.per_record, months=months)
    lowest = min(b[1] for b in assumed.bands) if assumed.bands else None
    bands = [(g, low if low == lowest else low + shift, high if high == max(b[2] for b in assumed.bands)
              else high + shift) for g, low, high in assumed.bands]
    scale = sorted(set(scales.values()))
    return ({"scale": scale[0] if len(scale) == 1 else " ".join(map(str, scale)), "months": months,
             "shift": shift}, Variant(changes, bands))


def run(table: StudyTable, population: Population, labels: dict[str, str], day: date,
        variants: Sequence[tuple[dict[str, object], Variant]] | Iterator[tuple[dict[str, object], Variant]]
        ) -> pd.DataFrame:
    """One row per variant: its parameters, each grade's share of the listed firms, and
    the coefficient on ``connected`` (with its p-value) for the total and each category."""
    columns = {iri: CATEGORIES.get(label, label) for iri, label in labels.items()}
    base = table.frame.drop(columns=[c for c in ("total", "grade", *columns.values()) if c in table.frame])
    rows = []
    for number, (params, variant) in enumerate(variants):
        scores = population.scores(day, variant, categories=True).rename(columns=columns)
        frame = base.merge(scores[["firm", "total", "grade", *columns.values()]], on="firm", how="inner")
        row: dict[str, object] = {"variant": number, **params}
        for grade, share in frame["grade"].fillna("(none)").value_counts(normalize=True).sort_index().items():
            row[f"share_{grade}"] = round(float(share), 4)
        for outcome in OUTCOMES:
            if outcome not in frame:
                continue
            coefficient = fit(frame, outcome).coefficient("connected")
            row[f"connected_{outcome}"] = coefficient.coef if coefficient else None
            row[f"p_{outcome}"] = coefficient.p if coefficient else None
        rows.append(row)
    return pd.DataFrame(rows)


def plot(results: pd.DataFrame, path: Path) -> Path:
    """The coefficient on political connection per outcome across the variants, the
    shipped rubric's marked: a finding that survives keeps its sign in every column."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    outcomes = [o for o in OUTCOMES if f"connected_{o}" in results]
    fig, ax = plt.subplots(figsize=(1.4 * len(outcomes) + 2, 4))
    for x, outcome in enumerate(outcomes):
        values = results[f"connected_{outcome}"].astype(float)
        significant = results[f"p_{outcome}"].astype(float) < 0.05
        jitter = [x + (i % 7 - 3) * 0.03 for i in range(len(values))]
        ax.scatter([j for j, s in zip(jitter, significant) if s], values[significant], s=10, color="tab:blue",
                   label="p < 0.05" if x == 0 else None)
        ax.scatter([j for j, s in zip(jitter, significant) if not s], values[~significant], s=10, color="tab:gray",
                   label="p ≥ 0.05" if x == 0 else None)
        ax.scatter([x], [values.iloc[0]], marker="D", s=40, color="tab:red",
                   label="rubric as shipped" if x == 0 else None)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(range(len(outcomes)), [OUTCOMES[o] for o in outcomes], rotation=20, ha="right")
    ax.set_ylabel("coefficient on political connection (points)")
    ax.set_title(f"{len(results)} rubric variants")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def summary(results: pd.DataFrame) -> pd.DataFrame:
    """Per outcome: the shipped rubric's coefficient on connection, the least and greatest
    across the variants, and the share of variants where it keeps its sign with p < 0.05."""
    rows = []
    for outcome in (o for o in OUTCOMES if f"connected_{o}" in results):
        values, p = results[f"connected_{outcome}"].astype(float), results[f"p_{outcome}"].astype(float)
        shipped = values.iloc[0]
        same = ((values * shipped > 0) & (p < 0.05)).mean() if shipped == shipped else float("nan")
        rows.append({"outcome": outcome, "shipped": round(shipped, 3), "least": round(values.min(), 3),
                     "greatest": round(values.max(), 3), "same_sign_significant": round(float(same), 3)})
    return pd.DataFrame(rows)
