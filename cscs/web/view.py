"""How the pages arrange the one scorer's results: presentation only.

Every number a page shows is the API's, the same objects the command line prints
(:class:`cscs.results.Explanation`, :class:`cscs.results.FirmScore`, from
:class:`cscs.api.Graph`; statuses from the SPARQL rule, points from
:mod:`cscs.scoring`). What is here only arranges them: an indicator's points against
its starting value, for the colour of its row, and the explanation's indicators laid on
the rubric's tree of categories and sub-categories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cscs.results import Explanation, IndicatorScore, Number
from cscs.scoring import NEGATIVE, Rule

if TYPE_CHECKING:
    from .rubric_tree import Rubric


def local(iri: object) -> str:
    """The local name of a cscs: term (``...ns#Negative`` -> ``Negative``)."""
    return str(iri).rsplit("#", 1)[-1] if iri else ""


def moved(ind: IndicatorScore) -> Number:
    """Points won (positive) or lost (negative) against the indicator's points with no
    record counted (its maximum for a deduction, 0 for a merit: :class:`cscs.scoring.Rule`)."""
    empty = Rule(ind.max, ind.polarity == NEGATIVE, ind.points_per_record).empty
    return ind.points - empty  # type: ignore[operator]  # both int, or both Decimal for fractional rubrics


def tree(why: Explanation, rubric: Rubric) -> list[dict]:
    """The explanation's categories (their points as the scorer summed them), each with
    its sub-categories and their indicators; a sub-category shows the sum of its
    indicators' points."""
    parent = {n.iri: n.broader for n in rubric.nodes}
    nodes = {n.iri: n for n in rubric.nodes}
    out = []
    for cat in why.categories:
        subs = []
        for sub in sorted(rubric.children(nodes[cat.category]), key=lambda n: n.notation):
            inds = [i for i in why.indicators if parent.get(i.indicator) == sub.iri]
            subs.append({"node": sub, "points": sum(i.points for i in inds), "max": sum(i.max for i in inds),
                         "indicators": inds})
        out.append({"node": nodes[cat.category], "points": cat.points, "max": cat.max, "subs": subs})
    return out


def points_by_node(why: Explanation | None, rubric: Rubric) -> dict[str, Number]:
    """Rubric node IRI → the firm's points there (indicator, sub-category, category)."""
    if why is None:
        return {}
    out: dict[str, Number] = {i.indicator: i.points for i in why.indicators}
    for cat in tree(why, rubric):
        out[cat["node"].iri] = cat["points"]
        out.update({s["node"].iri: s["points"] for s in cat["subs"]})
    return out
