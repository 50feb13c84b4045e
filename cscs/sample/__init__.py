"""Deterministic sample corpus: Zhejiang-like firms, their key personnel and the
published lists about them, in the formats real publishers use, with a
``truth.json`` that says what every row means.

``generate(out_dir, firms=200, seed=7, as_of=date(2024, 6, 30))`` writes the
documents; the same arguments give byte-identical files. ``judgments=True`` adds court
judgments consistent with them (``cscs.sample.judgments``). Command line:
``python -m cscs.sample OUT --firms 200 --seed 7``.

``write_province(out, firms, seed)`` streams a whole province (up to about 3 million
firms) as CSV lists for benchmarks (``cscs.sample.province``); command line:
``python -m cscs.sample province OUT --firms 3000000 --seed 1``.
"""

from .corpus import FORMATS, HEADERS, KEY_COLUMNS, Corpus, generate
from .judgments import JudgmentDocument, write_judgments
from .population import Firm, Person, Population, Record, Role, build_population
from .province import ProvinceSummary, write_province

__all__ = [
    "generate", "Corpus", "Population", "Firm", "Person", "Role", "Record", "build_population",
    "HEADERS", "KEY_COLUMNS", "FORMATS", "JudgmentDocument", "write_judgments", "ProvinceSummary", "write_province",
]
