"""Identifiers of firms and persons: recognise, validate, normalise.

A failing check character is *flagged*, never dropped: codes that fail their
check were actually issued (GB 32100-2015 notes), and a typo must stay
visible to the user rather than silently unlink a record.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

_USCC_RE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")
_ORG_RE = re.compile(r"^([0-9A-Z]{8})-?([0-9X])$")
_REGNO_RE = re.compile(r"^\d{13}(\d{2})?$")
_MASKED_RE = re.compile(r"^[0-9A-Z*]{8,20}$")
_PERSON_ID_RE = re.compile(r"^\d{17}[\dX]$")
_DASH = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63]")  # hyphens, dashes, minus (NFKC keeps them)
_SPACE_IN_CJK = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])")


def halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation to their ASCII forms (NFKC)."""
    return unicodedata.normalize("NFKC", text)


def normalize_code(text: str) -> str:
    """Upper-case, half-width, without spaces, any dash a hyphen (``74419092—7``, as
    documents typeset an organisation code's hyphen): the comparable form of any code."""
    return _DASH.sub("-", re.sub(r"\s+", "", halfwidth(text))).upper()


def normalize_name(text: str) -> str:
    """Comparable form of a firm or person name.

    Half-width, whitespace collapsed, padding between Chinese characters removed
    (annual reports pad two-character names: ``胡 湘``), brackets unified.
    """
    text = halfwidth(text).strip()
    text = _SPACE_IN_CJK.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return text


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    def value(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10

    rest = 11 - sum(value(c) * w for c, w in zip(first8, _ORG_WEIGHTS)) % 11
    return {10: "X", 11: "0"}.get(rest, str(rest))


@dataclass(frozen=True)
class Identifier:
    """A recognised identifier: its kind, normalised value and whether it checks."""

    kind: str  # "uscc" | "orgcode" | "regno" | "masked" | "personid" | "maskedid" | "other"
    value: str
    valid: bool = True
    raw: str = ""

    @property
    def org_code(self) -> str | None:
        """The 9-character organisation code this identifier carries, if any."""
        if self.kind == "uscc":
            return self.value[8:17]
        if self.kind == "orgcode":
            return self.value
        return None


def parse_firm_id(raw: str) -> Identifier | None:
    """Recognise a firm identifier: USCC, organisation code, registration number or a masked code."""
    code = normalize_code(raw)
    if not code or code in {"-", "无", "暂无", "NONE", "NULL"}:
        return None
    if _USCC_RE.match(code):
        return Identifier("uscc", code, uscc_check_char(code[:17]) == code[17], raw)
    if len(code) == 18 and re.fullmatch(r"[0-9A-Z]{18}", code):
        return Identifier("uscc", code, False, raw)  # letters outside the alphabet: flagged
    m = _ORG_RE.match(code)
    if m:
        return Identifier("orgcode", m[1] + m[2], org_code_check_char(m[1]) == m[2], raw)
    if _REGNO_RE.match(code):
        return Identifier("regno", code, True, raw)
    if "*" in code and _MASKED_RE.match(code):
        return Identifier("masked", _uscc_positions(code), True, raw)
    return Identifier("other", code, False, raw)


def _uscc_positions(code: str) -> str:
    """A masked USCC printed with fewer stars than it hides (``9134****782L``: its first four
    and last four characters, the run of stars standing for the ten between) at its 18
    positions (``9134**********782L``), so that it compares with the full code. Longer
    than an organisation code (with its hyphen, ten), it can only be a USCC; a code with
    stars in more than one run, or already 18 long, is kept as printed."""
    head, stars, tail = code.partition("*")
    tail = tail.lstrip("*")
    if not 10 < len(code) < 18 or "*" in tail or not head or not tail:
        return code
    return head + "*" * (18 - len(head) - len(tail)) + tail


def parse_person_id(raw: str) -> Identifier | None:
    """A resident ID number, full (18) or masked in either real style (18 or 19 characters)."""
    code = normalize_code(raw)
    if not code:
        return None
    if _PERSON_ID_RE.match(code):
        return Identifier("personid", code, True, raw)
    if "*" in code and re.fullmatch(r"[0-9X*]{15,19}", code):
        return Identifier("maskedid", code, True, raw)
    return Identifier("other", code, False, raw)


_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def person_id_checks(code: str) -> bool:
    """Whether an 18-character resident ID number's check character (ISO 7064 MOD 11-2) holds."""
    if not _PERSON_ID_RE.match(code):
        return False
    total = sum(int(c) * w for c, w in zip(code[:17], _ID_WEIGHTS))
    return "10X98765432"[total % 11] == code[17]


def make_uscc(area: str, org_code8: str, authority: str = "9", kind: str = "1") -> str:
    """Build a well-formed USCC (used by the sample generator and tests)."""
    org = org_code8 + org_code_check_char(org_code8)
    first17 = authority + kind + area + org
    return first17 + uscc_check_char(first17)


def id_pattern(raw: str) -> str | None:
    """An 18-position pattern of a person's ID number, ``?`` where masked.

    Both real mask styles map onto the same positions: ``3208191960****6833`` (ten
    visible, four stars for four digits) and ``14010419670****1714`` (eleven visible,
    four stars for three digits): the stars stand for whatever the visible ends leave.
    """
    code = normalize_code(raw)
    if _PERSON_ID_RE.match(code):
        return code
    head, stars, tail = code.partition("*")
    tail = tail.lstrip("*")
    hidden = 18 - len(head) - len(tail)
    if not stars or hidden < 1 or not re.fullmatch(r"[0-9X]*", head + tail):
        return None
    return head + "?" * hidden + tail


def patterns_agree(a: str, b: str) -> tuple[bool, int]:
    """Whether two patterns (``?`` unknown) can be the same code, and how many
    positions both show (the strength of the agreement)."""
    if len(a) != len(b):
        return False, 0
    shared = [(x, y) for x, y in zip(a, b) if x not in "?*" and y not in "?*"]
    return all(x == y for x, y in shared), len(shared)


def birth_year(pattern: str) -> int | None:
    """The birth year an 18-position ID pattern shows (positions 7-10), if visible."""
    year = pattern[6:10]
    return int(year) if len(pattern) == 18 and year.isdigit() else None
