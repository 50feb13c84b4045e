"""The spaCy pipeline that reads judgments, assembled in code.

``spacy.blank("zh")`` (its character segmenter: nothing to download) or
``spacy.blank("en")`` for English translations, followed by rule components that
each add one layer of findings: case numbers, the parts of the judgment (with the
court, document type and header case number), parties, money, the date, charges and
the cause of action, and what the holding decides. Components find their patterns
with compiled regular expressions over ``doc.text`` and record them as spaCy spans
(``doc.spans["case_numbers"]``, ``["sections"]``, ``["parties"]``, ``["money"]`` …)
through ``doc.char_span``: that works with any tokenizer and is faster than Matcher
patterns, which would have to be written per segmenter (stack notes). The assembled
reading is ``doc._.judgment`` (a :class:`~.model.Judgment`).

A user with a trained Chinese pipeline may add its NER after these components; nothing
here depends on one.

The Chinese tokenizer is spaCy's character segmentation computed in one pass
(:class:`CharSegmenter`): the shipped ``ChineseTokenizer`` realigns every character
with a fresh slice of the rest of the text, which is quadratic in the text's length and
took most of the time on 3,000-character judgments. The tokens are the same (tested).
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import english, findings, guarantees, lexicon, parties
from .casenumber import LOOSE, find_case_numbers
from .lexicon import detect_lang
from .model import Judgment, Span
from .segment import segment
from .values import find_money

if not Doc.has_extension("judgment"):
    Doc.set_extension("judgment", default=None)

COMPONENTS = ("cscs_case_numbers", "cscs_sections", "cscs_parties", "cscs_money", "cscs_date",
              "cscs_charges", "cscs_holding", "cscs_checks")
_GARBLED = re.compile(r"[\ufffd\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\ua000-\ua4cf\ue000-\uf8ff\u2170-\u217f"
                      r"\x00-\x08\x0b\x0c\x0e-\x1f]|[ÃÂÅÆæåâãäçèéêëìíîïðñòóôõöøùúûüýþÿ]{2,}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def lexicon_for(lang: str) -> ModuleType:
    return english if lang == "en" else lexicon


def _spans(doc: Doc, key: str, items: Iterable[tuple[int, int, str]]) -> None:
    spans = []
    for start, end, label in items:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans


class _Component:
    def __init__(self, nlp: Language, name: str):
        if nlp.lang is None:
            raise ValueError(f"{name}: the pipeline has no language")
        self.lex = lexicon_for(nlp.lang)
        self.lang: str = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        if doc._.judgment is None:  # called as nlp(text): doc.text rebuilds the text from its tokens (slow)
            doc._.judgment = Judgment(doc.text, lang=self.lang)
        self.read(doc, doc._.judgment)
        return doc

    def read(self, doc: Doc, j: Judgment) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


@Language.factory("cscs_case_numbers")
class CaseNumbers(_Component):
    """Every case number, parsed (year, court code and level, type code, sequence)."""

    def read(self, doc: Doc, j: Judgment) -> None:
        j.case_numbers = find_case_numbers(j.text) if self.lang != "en" else self.lex.find_case_numbers(j.text)
        _spans(doc, "case_numbers", ((c.start, c.end, "CASE_NUMBER") for c in j.case_numbers))


@Language.factory("cscs_sections")
class Sections(_Component):
    """The header (court, document type, own case number) and the parts of the judgment."""

    def read(self, doc: Doc, j: Judgment) -> None:
        header, sections = segment(j.text, self.lex, j.case_numbers)
        j.sections = [(s.label, s.start, s.end) for s in sections]
        if header.court:
            j.court = Span(j.text[header.court[0]:header.court[1]], *header.court)
        if header.doc_type:
            published = j.text[header.doc_type[0]:header.doc_type[1]]
            if self.lang != "en":
                published = re.sub(r"\s+", "", published)  # 执 行 裁 定 书 is 执行裁定书
            j.doc_type = Span(published, *header.doc_type)
            j.case_kind, j.doc_kind = self.lex.DOC_TYPES.get(self.lex.doc_type_key(published), (None, None))
        if header.case_number:
            j.case_number = next(c for c in j.case_numbers if c.start == header.case_number[0])
            j.case_kind = j.case_kind or j.case_number.kind
            if j.case_kind in {None, "civil"} and j.case_number.kind == "enforcement":
                j.case_kind = "enforcement"
        j.related_case_numbers = [c for c in j.case_numbers if j.case_number is None or c.start != j.case_number.start]
        _spans(doc, "sections", ((s.start, s.end, s.label.upper()) for s in sections))
        header_spans = [(s.start, s.end, lab) for s, lab in ((j.court, "COURT"), (j.doc_type, "DOC_TYPE")) if s]
        _spans(doc, "header", header_spans)


@Language.factory("cscs_parties")
class Parties(_Component):
    """Parties with roles, codes, legal representatives and agents."""

    def read(self, doc: Doc, j: Judgment) -> None:
        lex = self.lex
        block = j.section("parties")
        found = parties.parse_block(j.text, *block, lex, j.problems) if block else []
        if block and not found and j.text[block[0]:block[1]].strip():
            j.problems.append((block[0], block[1], "the party block could not be read"))
        if self.lang != "en":
            claims = j.section("claims")
            start = block[1] if block else (j.section("claims") or (0, 0))[0]
            facts = j.section("facts")
            end = facts[0] if facts else (claims[1] if claims else len(j.text))
            found += parties.parse_procedure(j.text, start, end, lex, found)
            criminal = j.case_kind == "criminal" or j.case_kind is None and parties.CRIMINAL_TEXT.search(j.text)
            if criminal and not any({"accused", "accused-unit"} & set(p.roles) and p.source != "sentence"
                                    for p in found):
                have = {p.name for p in found if "accused" in p.roles}
                found += [p for p in parties.parse_text_accused(j.text, lex, [p.name for p in found])
                          if p.name not in have]
        j.parties = found
        _spans(doc, "parties", ((p.start, p.end, p.roles[0].upper()) for p in found))


@Language.factory("cscs_money")
class Money(_Component):
    """Every sum of money, in yuan."""

    def read(self, doc: Doc, j: Judgment) -> None:
        j.money = find_money(j.text, english=self.lang == "en")
        _spans(doc, "money", ((m.start, m.end, "MONEY") for m in j.money))


@Language.factory("cscs_date")
class JudgmentDate(_Component):
    """The judgment's own date, from its signature block."""

    def read(self, doc: Doc, j: Judgment) -> None:
        j.date, j.date_span = findings.judgment_date(j, english=self.lang == "en")
        _spans(doc, "date", [(*j.date_span, "DATE")] if j.date_span else [])


@Language.factory("cscs_charges")
class Charges(_Component):
    """Cause of action, charges, lenders, guarantors and guarantees, and whether the case concerns financing."""

    def read(self, doc: Doc, j: Judgment) -> None:
        lex = self.lex
        known = [p.name for p in j.parties]
        title_end = j.court.start if j.court and j.court.start < 80 else 0
        j.charges = findings.charges(j.text, lex, known, title_end) if self.lang != "en" else lex.charges(j.text)
        region = j.section("claims") or j.section("header") or (0, len(j.text))
        j.cause = (findings.cause(j.text, 0, region[1], lex, j.parties) if self.lang != "en"
                   else lex.cause(j.text, 0, region[1]))
        j.lenders = findings.lenders(j.text)
        j.firm_borrowers = findings.firm_borrowers(j.text, lex) if self.lang != "en" else []
        j.guarantors = guarantees.guarantors(j.text, lex)
        j.guarantees = guarantees.statements(j.text, lex, j.guarantors)
        j.financing, j.financing_ground = findings.financing(j, lex)
        items = [(c.start, c.end, "CHARGE") for c in j.charges] + [(g.start, g.end, "GUARANTOR") for g in j.guarantors]
        if j.cause:
            items.append((j.cause.start, j.cause.end, "CAUSE"))
        _spans(doc, "findings", items)


@Language.factory("cscs_holding")
class Holding(_Component):
    """What the holding decides: outcome, sums and payers, convictions; an enforcement ruling's basis."""

    def read(self, doc: Doc, j: Judgment) -> None:
        resolver = findings.Resolver(j.parties, self.lex)
        j.outcome, j.outcome_span = findings.outcome(j, self.lex)
        j.awards = findings.awards(j, resolver, self.lex)
        j.convictions = findings.convictions(j, resolver)
        if j.case_kind == "enforcement" or j.related_case_numbers:
            j.basis_case_number, j.basis = findings.basis(j, j.related_case_numbers)
        j.frivolous = findings.frivolous(j, self.lex)
        items = [(a.start, a.end, "AWARD") for a in j.awards]
        if j.outcome_span:
            items.append((*j.outcome_span, "OUTCOME"))
        _spans(doc, "holding", items)


@Language.factory("cscs_checks")
class Checks(_Component):
    """Problems worth a warning: no case number, garbled text, unparsed case numbers, no court."""

    def read(self, doc: Doc, j: Judgment) -> None:
        text = j.text
        if j.case_number is None:
            j.problems.append((0, 0, "no case number found"))
        for m in LOOSE.finditer(text):
            if not any(c.start <= m.start() < c.end for c in j.case_numbers):
                j.problems.append((m.start(), m.end(), f"{m.group(0)!r} looks like a case number but does not parse"))
        if j.court is None:
            j.problems.append((0, 0, "no court named in the header"))
        if j.date is None:
            j.problems.append((0, 0, "no judgment date (no signature block: the text may be cut short)"))
        garbled = list(_GARBLED.finditer(text))
        if garbled and (self.lang == "en" or _CJK.search(text)):
            first = garbled[0]
            j.problems.append((first.start(), first.end(),
                               f"{len(garbled)} garbled character run(s), first {first.group(0)!r}: "
                               f"wrong encoding or a damaged copy; read around them"))


class CharSegmenter:
    """spaCy's Chinese ``char`` segmentation (every non-space character a token, runs of
    whitespace a token, one following space a token's trailing space), in linear time."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch.isspace():
                j = i + 1
                while j < n and text[j].isspace():
                    j += 1
                words.append(text[i:j])
                spaces.append(False)
                i = j
                continue
            words.append(ch)
            i += 1
            if i < n and text[i] == " ":
                spaces.append(True)
                i += 1
            else:
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)


@lru_cache(maxsize=4)
def build(lang: str = "zh") -> Language:
    """A blank pipeline with the judgment components (no model is downloaded)."""
    nlp = spacy.blank(lang)
    if lang == "zh":
        nlp.tokenizer = CharSegmenter(nlp.vocab)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def _doc(nlp: Language, text: str, lang: str) -> Doc:
    """A tokenized doc that already carries its text: ``doc.text`` would rebuild it from
    the tokens, which costs more than all the components together."""
    doc = nlp.make_doc(text)
    doc._.judgment = Judgment(text, lang=lang)
    return doc


def read(texts: Iterable[str], lang: str | None = None, batch_size: int = 64) -> Iterator[Judgment]:
    """Judgments read from texts, in order, through ``nlp.pipe`` in batches."""
    texts = list(texts)
    langs = [lang or detect_lang(t) for t in texts]
    results: list[Judgment | None] = [None] * len(texts)
    for code in dict.fromkeys(langs):
        index = [i for i, lang in enumerate(langs) if lang == code]
        nlp = build(code)
        docs = nlp.pipe((_doc(nlp, texts[i], code) for i in index), batch_size=batch_size)
        for i, doc in zip(index, docs):
            results[i] = doc._.judgment
    for j in results:
        assert j is not None
        yield j
