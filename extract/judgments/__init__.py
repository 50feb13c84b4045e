"""Court judgments into the graph: a spaCy pipeline for Chinese judicial documents.

``pipeline`` reads texts (``spacy.blank("zh")``, or ``"en"`` for English
translations, plus rule components) into :class:`~.model.Judgment` objects: court,
document type, case number and its parts, date, parties with roles and codes, cause of
action and charges, financing, sums ordered and who pays, outcome, an enforcement
ruling's basis, the parts of the judgment. ``sources`` gets the texts out of plain
text, HTML, PDF and JSON Lines; ``graph`` writes a reading as a ``cscs:CourtDecision``
and the credit records it supports (its docstring gives the mapping to record kinds);
``extractor`` is the registered ``judgment`` extractor; ``evaluate`` scores readings
against hand-checked expectations.
"""

from ..registry import register
from .extractor import JudgmentExtractor
from .model import Judgment, Party

register(JudgmentExtractor())

__all__ = ["JudgmentExtractor", "Judgment", "Party", "build", "read"]


def __getattr__(name: str):
    """``build`` and ``read`` load spaCy, which only reading judgments needs (the registry
    imports this package for every ingest)."""
    if name in {"build", "read"}:
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
