"""Matches that explain themselves: each candidate pair carries the features that
decided it, with their weights, like a credit score (nomenklatura's idea)."""

from __future__ import annotations

from dataclasses import dataclass, field

ACCEPT = 0.9   # at or above: the machine judges the pair the same, if nothing contradicts
REVIEW = 0.5   # at or above (and below ACCEPT, or ambiguous): a user decides


@dataclass(frozen=True)
class Feature:
    name: str
    weight: float      # contribution to the score; negative for evidence against
    why: str
    contradicts: bool = False  # evidence that rules the pair out whatever the score

    def __str__(self) -> str:
        sign = "✗" if self.contradicts else f"{self.weight:+.2f}"
        return f"{self.name} {sign} ({self.why})"


@dataclass
class Match:
    subject: str    # the node a record names (an alias: masked code, registration number, name)
    candidate: str  # the node it may be (a firm known by its USCC, a person known by ID)
    kind: str       # "firm" | "person"
    features: list[Feature] = field(default_factory=list)

    @property
    def contradicted(self) -> bool:
        return any(f.contradicts for f in self.features)

    @property
    def score(self) -> float:
        if self.contradicted:
            return 0.0
        return round(max(0.0, min(1.0, sum(f.weight for f in self.features))), 3)

    @property
    def evidence(self) -> str:
        return "; ".join(str(f) for f in self.features)


def decide(matches: list[Match]) -> tuple[list[Match], list[Match]]:
    """Accepted and for-review matches among one subject's candidates.

    A subject is linked only to a single candidate at or above ACCEPT with no rival
    at or above REVIEW: two plausible firms for one record go to review, never to a
    guess (a record pinned on the wrong party is the worst failure there is)."""
    plausible = sorted((m for m in matches if m.score >= REVIEW), key=lambda m: -m.score)
    if not plausible:
        return [], []
    best = plausible[0]
    if best.score >= ACCEPT and len(plausible) == 1:
        return [best], []
    return [], plausible
