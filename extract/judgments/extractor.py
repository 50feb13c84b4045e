"""The judgment extractor: which files it takes, and reading them in batches.

A file is recognised by its content, not its name: a judgment's header has a
document type (判决书, 裁定书, 调解书, 决定书 …) and a case number, or a court and the
role words of a party block. Plain text, HTML, PDF and JSON Lines are taken; a page
that is mostly a data table is left to the list extractors.
"""

from __future__ import annotations

import re

from ..context import ExtractionContext
from ..readers import ReaderError
from ..readers.pdf import on_page, open_pdf
from ..source import Source
from . import english, lexicon
from .casenumber import find_case_numbers
from .records import add_judgment
from .sources import JudgmentText, read_texts

SUFFIXES = {".txt", ".html", ".htm", ".pdf", ".json", ".jsonl"}
_SAMPLE = 3000
_ROLES = re.compile(r"原告|被告|上诉人|申请执行人|被执行人|公诉机关|申请人|第三人")


def judgment_signal(text: str) -> float:
    """How much a text's beginning looks like a judgment (0 … 0.9)."""
    head = text[:_SAMPLE]
    if lexicon.detect_lang(head) == "en":
        typed = bool(english.DOC_TYPE.search(head[:600]))
        numbered = bool(english.find_case_numbers(head[:800]))
        court = bool(english.COURT.search(head[:600]))
        return 0.9 if typed and (numbered or court) else 0.0
    typed = bool(lexicon.DOC_TYPE.search(head[:600]))
    numbered = bool(find_case_numbers(head, 0, min(len(head), 800)))
    if typed and numbered:
        return 0.9
    if (typed or numbered) and (lexicon.COURT.search(head[:600]) or _ROLES.search(head)):
        return 0.7
    return 0.0


class JudgmentExtractor:
    """Court judgments, rulings, mediation statements and decisions (裁判文书)."""

    name = "judgment"
    version = "1"
    kind = "judgment"

    def accepts(self, source: Source) -> float:
        suffix = source.path.suffix.lower()
        if suffix not in SUFFIXES:
            return 0.0
        try:
            if suffix == ".pdf":
                with open_pdf(source.path) as pdf:
                    sample = on_page(source.path, pdf, 1, lambda page: page.extract_text() or "")
                return judgment_signal(sample)
            texts = read_texts(source.path, _head(source.data) if suffix in {".txt", ".html", ".htm"}
                               else source.data)
        except (ReaderError, ValueError):
            return 0.0
        best = max((judgment_signal(t.text) for t in texts[:20]), default=0.0)
        if best and suffix in {".html", ".htm"} and _has_data_table(source):
            return min(best, 0.4)
        return best

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        texts = read_texts(source.path, source.data)
        usable: list[JudgmentText] = []
        for jt in texts:
            if judgment_signal(jt.text) or jt.row is None:
                usable.append(jt)
            else:
                ctx.warn(ctx.anchor(row=jt.row, json_path=jt.json_path), "record does not look like a judgment "
                                                                         "(no document type or case number); skipped")
        if not usable or not any(t.text.strip() for t in usable):
            raise ctx.fail(ctx.anchor(), "no judgment text found")
        from . import pipeline  # spaCy is loaded only when a judgment is read

        readings = pipeline.read([t.text for t in usable])
        for index, (jt, j) in enumerate(zip(usable, readings), start=1):
            ctx.counts.rows += 1
            add_judgment(ctx, jt, j, index)


def _head(data: bytes, size: int = 200_000) -> bytes:
    """The first ``size`` bytes, without a UTF-8 character cut in half at the end."""
    if len(data) <= size:
        return data
    head = data[:size]
    end = len(head)
    while end > size - 4 and 0x80 <= head[end - 1] < 0xC0:
        end -= 1
    if end > size - 4 and head[end - 1] >= 0xC0:
        end -= 1
    return head[:end]


def _has_data_table(source: Source) -> bool:
    """A page whose content is a table of rows (a published list), not a judgment."""
    try:
        return any(len(t.rows) > 3 and max(len(r.cells) for r in t.rows) > 3 for t in source.tables)
    except (ReaderError, ValueError):
        return False
