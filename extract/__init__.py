"""Extractors: documents in, facts with anchors out.

Readers (``cscs.extract.readers``) know file formats; extractors know what a
document *means* (a dishonest-persons list, a rubric table). Every extractor is
registered by name in ``cscs.extract.registry``.
"""

from .anchor import Anchor
from .context import ExtractionContext, ExtractionError, Problem

__all__ = ["Anchor", "ExtractionContext", "ExtractionError", "Problem"]
