"""The study's regressions: total and per-category scores on connection, ownership,
party fealty, governance and financial condition (OLS, heteroskedasticity-robust SEs).

Scores are bounded and lumpy (records move points in steps), so the errors are not
homoskedastic; robust standard errors (HC1 by default, Stata's "robust") are reported.
A regressor without variation in the sample (no firm with a party chapter, say) is left
out and the fit says so; an outcome without variation (every firm keeps the full 195
points of Finance and Taxation when no list publishes those records) is not fitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import statsmodels.api as sm

OUTCOMES = {"total": "Total score", "social": "Social responsibility", "compliance": "Compliance",
            "basic": "Basic data", "finance": "Finance and taxation", "governance": "Governance capability"}
REGRESSORS = {"connected": "Politically connected", "soe": "State-owned (SOE)", "state_share": "State equity share",
              "party_chapter": "Party-building chapter in charter", "independent_share": "Independent directors (share)",
              "leverage": "Leverage", "roa": "ROA", "log_assets": "Size (log total assets)"}


@dataclass
class Coefficient:
    term: str
    coef: float
    se: float
    t: float
    p: float
    low: float
    high: float

    @property
    def stars(self) -> str:
        return "***" if self.p < 0.001 else "**" if self.p < 0.01 else "*" if self.p < 0.05 else ""


@dataclass
class Fit:
    outcome: str
    n: int
    r2: float | None
    cov_type: str
    coefficients: list[Coefficient] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def coefficient(self, term: str) -> Coefficient | None:
        return next((c for c in self.coefficients if c.term == term), None)

    @property
    def label(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)


def fit(frame: pd.DataFrame, outcome: str, regressors: list[str] | None = None, cov_type: str = "HC1") -> Fit:
    """OLS of ``outcome`` on the regressors (firms with a missing value are left out)."""
    wanted = list(regressors or REGRESSORS)
    data = frame[[outcome, *[r for r in wanted if r in frame]]].apply(pd.to_numeric, errors="coerce").dropna()
    result = Fit(outcome, len(data), None, cov_type)
    missing = [r for r in wanted if r not in frame]
    if missing:
        result.notes.append(f"not in the table: {', '.join(missing)}")
    if data.empty or data[outcome].nunique() <= 1:
        constant = data[outcome].iloc[0] if not data.empty else None
        result.notes.append(f"not estimated: every firm has the same {outcome} ({constant})")
        return result
    used = []
    for name in (r for r in wanted if r in data):
        if data[name].nunique() <= 1:
            result.notes.append(f"{name} left out: it does not vary in the sample")
        else:
            used.append(name)
    model = sm.OLS(data[outcome].astype(float), sm.add_constant(data[used].astype(float), has_constant="add"))
    estimate = model.fit(cov_type=cov_type)
    interval = estimate.conf_int()
    result.r2 = float(estimate.rsquared)
    for term in estimate.params.index:
        result.coefficients.append(Coefficient(
            term, float(estimate.params[term]), float(estimate.bse[term]), float(estimate.tvalues[term]),
            float(estimate.pvalues[term]), float(interval.loc[term, 0]), float(interval.loc[term, 1])))
    return result


def fit_all(frame: pd.DataFrame, outcomes: list[str] | None = None, cov_type: str = "HC1") -> list[Fit]:
    return [fit(frame, o, cov_type=cov_type) for o in (outcomes or list(OUTCOMES)) if o in frame]
