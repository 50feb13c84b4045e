"""What the pipeline reads from one judgment: plain data with character spans.

Nothing here knows the graph; ``graph.py`` turns a :class:`Judgment` into records.
Every value keeps the span (``start``, ``end``: character offsets in the text the
pipeline read) it came from, so that an explanation can quote the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .casenumber import CaseNumber


@dataclass
class Agent:
    name: str
    kind: str  # agent | defender | guardian | representative | legal-representative
    start: int
    end: int
    title: str = ""  # 董事长, 律师 …


@dataclass
class Party:
    name: str
    roles: list[str]  # canonical: plaintiff, defendant, accused, appellant …
    published_role: str  # as printed, with the bracket of earlier roles: 上诉人（原审被告）
    start: int
    end: int
    kind: str = "person"  # person | firm | organ
    codes: list[str] = field(default_factory=list)  # USCC, organisation code, registration number
    id_number: str | None = None
    sex: str | None = None
    legal_rep: Agent | None = None
    agents: list[Agent] = field(default_factory=list)
    source: str = "block"  # block (the party block) | sentence (a sentence opening with a role word) |
    # procedure (the procedural sentences) | text
    aliases: list[str] = field(default_factory=list)  # short names the judgment defines (以下简称…)

    def has(self, role: str) -> bool:
        return role in self.roles


@dataclass
class Award:
    """A sum the holding orders (or the costs section allots), and who pays whom."""

    value: Decimal
    kind: str  # payment | costs | fine | confiscation | restitution | fixed (a sum found, not ordered)
    payers: list[str]
    payees: list[str]
    start: int
    end: int
    clause: tuple[int, int]  # the holding item or sentence it sits in
    joint: list[str] = field(default_factory=list)  # parties jointly liable for it


@dataclass
class Conviction:
    name: str  # the accused (person or unit) as named in the holding
    charges: list[str]
    start: int
    end: int  # the sentence of the holding that convicts


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Guarantee:
    """A sentence that states a suretyship (``start``..``end``): how (``joint``, ``contract``,
    ``provides``, ``capacity``, ``liable``), the guarantors it names, and whether it denies or
    releases the guarantee (不承担, 免除, 不予支持: still a statement about one)."""
    kind: str
    start: int
    end: int
    names: list[Span] = field(default_factory=list)
    denied: bool = False


@dataclass
class Judgment:
    """One judgment, ruling, mediation statement or decision as read."""

    text: str
    lang: str = "zh"
    court: Span | None = None
    doc_type: Span | None = None
    doc_kind: str | None = None  # judgment | ruling | mediation | decision | notice | payment order
    case_kind: str | None = None  # civil | criminal | administrative | enforcement | bankruptcy …
    case_number: CaseNumber | None = None
    related_case_numbers: list[CaseNumber] = field(default_factory=list)
    basis: Span | None = None  # an enforcement ruling's basis document (case number or phrase)
    basis_case_number: CaseNumber | None = None
    date: date | None = None
    date_span: tuple[int, int] | None = None
    sections: list[tuple[str, int, int]] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    cause: Span | None = None
    charges: list[Span] = field(default_factory=list)
    financing: bool = False
    financing_ground: str | None = None
    outcome: str | None = None
    outcome_span: tuple[int, int] | None = None
    awards: list[Award] = field(default_factory=list)
    convictions: list[Conviction] = field(default_factory=list)
    money: list = field(default_factory=list)  # every MoneyMention in the text
    guarantors: list[Span] = field(default_factory=list)
    guarantees: list[Guarantee] = field(default_factory=list)  # sentences stating a suretyship
    lenders: list[Span] = field(default_factory=list)
    firm_borrowers: list[Span] = field(default_factory=list)  # organisations said to borrow
    frivolous: Span | None = None  # the sentence finding false or malicious litigation
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, message)
    case_numbers: list[CaseNumber] = field(default_factory=list)  # every case number in the text

    def section(self, label: str) -> tuple[int, int] | None:
        return next(((s, e) for name, s, e in self.sections if name == label), None)

    def sentence(self, start: int, end: int, limit: int = 160) -> tuple[int, int]:
        """The sentence around ``start..end`` (for quoting), at most ``limit`` characters."""
        text = self.text
        left = max(text.rfind(c, 0, start) for c in "。\n；;") + 1
        right = min([i for i in (text.find(c, end) for c in "。\n；;") if i >= 0] or [len(text)])
        right = min(right + 1, len(text))
        if right - left > limit:
            left = max(left, start - limit // 3)
            right = min(right, max(end, left + limit))
        return left, right

    def parties_with(self, role: str) -> list[Party]:
        return [p for p in self.parties if role in p.roles]
