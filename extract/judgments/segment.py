"""A judgment's parts: header, parties, claims, facts, reasoning, holding, costs, signature.

Chinese judgments follow one order, announced by stock phrases: the party block
opens with role words (原告：, 被告人…), the procedural history and the claims with
``一案`` or ``起诉书指控``, the facts with ``经审理查明``, the reasoning with
``本院认为``, the holding with ``判决如下``, the costs with ``案件受理费`` and the
signature with ``审判长``. Each part is found by its cue *after* the previous one,
so a quoted first-instance holding inside the facts of an appeal (``原审法院认为 …
判决如下``) is not taken for this court's holding: without this court's reasoning
(``本院认为``) there is no holding, except in a mediation statement, which has none.

Texts cut short (the public LeCaRD sample stops before the reasoning) simply have
fewer parts. Offsets are absolute character positions in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import ModuleType

LABELS = ("header", "parties", "claims", "facts", "reasoning", "holding", "costs", "signature")
_SENTENCE_END = re.compile(r"[。\n；;]")
_HEADER_SPAN = 600  # the court, document type and case number sit at the very start


@dataclass(frozen=True)
class Section:
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Header:
    """Where the header's court, document type and case number were found."""

    court: tuple[int, int] | None
    doc_type: tuple[int, int] | None
    case_number: tuple[int, int] | None
    end: int


def find_header(text: str, lex: ModuleType, case_numbers: list) -> Header:
    """The court + document type + case number that head the judgment.

    The document type directly followed by a case number wins (LeCaRD texts start
    with a case title that itself ends in 判决书); failing that, the first type on a
    line of its own (a title; ``执行通知书`` cited in the first sentences is not one),
    failing that the first type.
    """
    window = min(len(text), _HEADER_SPAN)
    types = [m for m in lex.DOC_TYPE.finditer(text, 0, window)]
    early = [c for c in case_numbers if c.start < window]
    chosen, number = None, None
    for m in types:
        follower = next((c for c in early if 0 <= c.start - m.end() <= 12), None)
        if follower is not None:
            chosen, number = m, follower
            break
    if chosen is None and types:  # a title line, else a type before the first sentence ends (not one cited)
        chosen = next((m for m in types if _own_line(text, m.start(), m.end())), None)
        first = types[0]
        cited = re.search(r"号\s*$|作出|依据|根据|的\s*$", text[max(0, first.start() - 20):first.start()])
        if chosen is None and "。" not in text[:first.start()] and not cited:
            chosen = first
    if number is None and early:  # a number near the top, not one cited in the body
        limit = chosen.end() + 80 if chosen is not None else 200
        number = next((c for c in early if c.start < limit), None)
    court = None
    if chosen is not None:
        before = [c for c in lex.COURT.finditer(text, 0, chosen.start())
                  if c.end("court") >= chosen.start() - 2]
        if before:
            court = (before[-1].start("court"), before[-1].end("court"))
    if court is None:
        first = lex.COURT.search(text, 0, window)
        if first and (number is None or first.start() < number.start):
            court = (first.start("court"), first.end("court"))
    ends = [e for e in ((chosen.end() if chosen else None), (number.end if number else None),
                        (court[1] if court else None)) if e is not None]
    return Header(court, (chosen.start(), chosen.end()) if chosen else None,
                  (number.start, number.end) if number else None, max(ends) if ends else 0)


def _own_line(text: str, start: int, end: int) -> bool:
    """The span stands on a line of its own, give or take brackets, stars and spaces."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    return not re.search(r"[\u4e00-\u9fff\d]", text[left:start] + text[end:right])


def _sentences(text: str, start: int, end: int):
    """(start, end) of each sentence in ``text[start:end]``, ends included."""
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() > pos:
            yield pos, m.end()
        pos = m.end()
    if pos < end:
        yield pos, end


def parties_span(text: str, lex: ModuleType, header_end: int) -> tuple[int, int] | None:
    """From the first role word after the header to the first procedural sentence."""
    skip = re.compile(r"[\s:：，,。]*")
    lead = skip.match(text, header_end)  # it matches the empty string: never None
    at = lead.end() if lead else header_end
    first = lex.ENTRY_AT.match(text, at)
    if first is None:
        first = lex.ENTRY.search(text, header_end, min(len(text), header_end + 400))
        if first is None:
            return None
        gap = text[header_end:first.start()]
        if lex.PROCEDURE.search(gap) or len(gap.strip()) > 200:
            return None
    start = first.start("role")
    end = len(text)
    for s, e in _sentences(text, start, len(text)):
        sentence = text[s:e]
        blank = skip.match(text, s)
        entry = lex.ENTRY_AT.match(text, blank.end() if blank else s)
        if entry is not None and lex.ENTRY_DETAIL.search(text, entry.end(), min(e, entry.end() + 60)):
            continue
        if entry is not None and entry.group("role") in lex.REPRESENTATIVES:
            continue
        if lex.PROCEDURE.search(sentence):
            end = s
            break
    return (start, end) if end > start else None


def segment(text: str, lex: ModuleType, case_numbers: list) -> tuple[Header, list[Section]]:
    """The judgment's parts in order; absent parts are omitted."""
    header = find_header(text, lex, case_numbers)
    cuts: list[tuple[str, int]] = [("header", 0)]
    parties = parties_span(text, lex, header.end)
    body = header.end
    if parties:
        cuts.append(("parties", parties[0]))
        body = parties[1]
    cuts.append(("claims", body))
    facts = lex.FACTS.search(text, body)
    after = body
    if facts:
        cuts.append(("facts", facts.start()))
        after = facts.start()
    reasoning = lex.REASONING.search(text, after)
    holding = None
    if reasoning:
        cuts.append(("reasoning", reasoning.start()))
        holding = lex.HOLDING.search(text, reasoning.end())
    elif _enforcement(text, header, case_numbers):  # 经查…。依照…，裁定如下：终结本次执行程序 (no 本院认为)
        holding = lex.HOLDING.search(text, after)
    else:
        holding = lex.HOLDING_WITHOUT_REASONING.search(text, body)
    if holding:
        cuts.append(("holding", _sentence_start(text, holding.start(), body)))
        costs = _at_sentence_start(lex.COSTS, text, holding.end())
        if costs is not None:
            cuts.append(("costs", costs))
    last = cuts[-1][1]
    signature = _at_sentence_start(lex.SIGNATURE, text, max(last, int(len(text) * 0.5)))
    if signature is not None and (holding is not None or reasoning is not None or len(text) - signature < 400):
        cuts.append(("signature", signature))
    sections = []
    for (label, start), nxt in zip(cuts, [*cuts[1:], ("end", len(text))]):
        if nxt[1] > start:
            sections.append(Section(label, start, nxt[1]))
    return header, sections


def _enforcement(text: str, header: Header, case_numbers: list) -> bool:
    """An enforcement document (执行裁定书, or an 执 case number in the header): its rulings often
    go straight from the facts to 裁定如下, and quote no other court's holding."""
    if header.doc_type and "执" in text[header.doc_type[0]:header.doc_type[1]]:
        return True
    number = next((c for c in case_numbers if header.case_number and c.start == header.case_number[0]), None)
    return number is not None and getattr(number, "kind", None) == "enforcement"


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos`` (the holding opens with 判决如下's sentence)."""
    back = max(text.rfind("。", floor, pos), text.rfind("\n", floor, pos), text.rfind(". ", floor, pos) + 1)
    return back + 1 if back >= 0 else pos


def _at_sentence_start(pattern: re.Pattern[str], text: str, pos: int) -> int | None:
    for m in pattern.finditer(text, pos):
        s = m.start()
        lead = text[max(0, s - 3):s]
        if s == 0 or re.search(r"[。\n；;]\s*$", lead) or lead.strip() == "" or re.search(r"[\s]$", lead):
            return s
    return None
