"""Court case numbers (案号): found in running text and parsed into their parts.

Since 2016 a case number is ``(year)`` + court code + optional specialised-court
character + case-type code + sequence + ``号`` (``(2021)浙01民初123号``): the
province character alone is a high court, two more digits an intermediate court,
four a basic court (domain reference §3). Before 2016 courts wrote their own
abbreviation and ``字第``: ``(2015)杭西民初字第123号``. Brackets come half- or
full-width, as 〔〕［］【】, mixed, or not at all; all of them are accepted and the
style is kept, because a user searching for the number will type it either way.

Prosecutors' and agencies' document numbers (``婺检二部刑诉〔2020〕1888号``) put
the year after their own prefix and carry no case-type code, so they do not match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPEN, CLOSE = "(（〔［[【", ")）〕］]】"
#: Province-level abbreviations used as the first character of post-2016 court codes.
PROVINCES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新兵内黔滇"
#: First characters of case-type codes, and the characters that may follow.
_TYPE_HEAD = r"(?:民|刑|行|执|破|赔|强清|司救|财保|行保|委赔|法赔|国赔|商|知民|知刑|知行|认台|请台|协外|司惩)"
_TYPE_TAIL = r"[初终申再特辖撤督催抗更核医审复恢异保监协他清救提外配]{0,3}"
_YEAR = rf"(?P<open>[{re.escape(OPEN)}])?\s*(?P<year>(?:19|20)\d{{2}})\s*(?P<close>[{re.escape(CLOSE)}])?\s*"
_POST_2016 = re.compile(
    _YEAR + rf"(?P<court>最高法|[{PROVINCES}](?P<digits>\d{{2}}(?:\d{{2}})?)?)\s*"
    rf"(?P<special>[知海铁军林农])?(?P<type>{_TYPE_HEAD}{_TYPE_TAIL})\s*(?P<seq>\d{{1,6}})\s*号")
_PRE_2016 = re.compile(
    _YEAR + r"(?P<court>[\u4e00-\u9fff]{1,6}?)\s*"
    r"(?P<type>(?:民|刑|行|执|商|破|赔|知|监)[一二三四五六七八九十]?(?:初|终|申|再|监|复|恢|异|保|特|督|催|他|清|审|提|字)?)"
    r"\s*字\s*(?:第\s*)?(?P<seq>\d{1,6})\s*号")
#: Anything shaped like a case number that the two strict forms might reject (for warnings).
LOOSE = re.compile(rf"[{re.escape(OPEN)}](?:19|20)\d{{2}}[{re.escape(CLOSE)}][\u4e00-\u9fff\d]{{0,8}}"
                   rf"(?:民|刑|行|执|破|赔)[\u4e00-\u9fff\d]{{0,8}}号")

_SPECIALISED = {"知": "intellectual property", "海": "maritime", "铁": "railway transport", "军": "military",
                "林": "forestry", "农": "land reclamation"}
_KINDS = (("执", "enforcement"), ("刑", "criminal"), ("行", "administrative"), ("破", "bankruptcy"),
          ("强清", "bankruptcy"), ("赔", "state compensation"), ("民", "civil"), ("商", "civil"),
          ("知民", "civil"), ("知刑", "criminal"), ("知行", "administrative"))


@dataclass(frozen=True)
class CaseNumber:
    """A case number as printed and its parts."""

    text: str  # as printed
    start: int
    end: int
    year: int
    court_code: str  # 浙0702, or the pre-2016 court abbreviation (杭西)
    type_code: str  # 民初, 刑终, 执恢 …
    sequence: int
    form: str  # "post-2016" | "pre-2016"
    brackets: str  # "half" | "full" | "mixed" | "none" | "other"
    special: str | None = None  # specialised-court character (知, 海 …)

    @property
    def normalized(self) -> str:
        """Comparable form: half-width brackets, no spaces (``(2020)浙0702刑初662号``)."""
        return normalize_case_number(self.text)

    @property
    def level(self) -> str | None:
        """Court level from the post-2016 court code; None for pre-2016 numbers."""
        if self.form != "post-2016":
            return None
        if self.court_code == "最高法":
            return "supreme"
        digits = self.court_code[1:]
        if not digits:
            return "high"
        if self.special or int(digits[:2]) >= 71:  # 7x/8x/9x: railway, maritime, IP, forestry … courts [U]
            return "specialised"
        return "intermediate" if len(digits) == 2 else "basic"

    @property
    def kind(self) -> str:
        """civil, criminal, administrative, enforcement, bankruptcy, state compensation or other."""
        code = self.type_code
        for head, kind in _KINDS:
            if code.startswith(head):
                return kind
        return "other"

    @property
    def specialised_court(self) -> str | None:
        return _SPECIALISED.get(self.special or "")


def normalize_case_number(text: str) -> str:
    """Half-width, brackets unified to ``()`` (and added when missing), whitespace removed."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"[〔\[【]", "(", re.sub(r"[〕\]】]", ")", text))
    return re.sub(r"^((?:19|20)\d{2})(?=[^\d)])", r"(\1)", text)


def _brackets(open_: str | None, close: str | None) -> str:
    if not open_ and not close:
        return "none"
    if not open_ or not close:
        return "mixed"
    half, full = open_ + close == "()", open_ + close == "（）"
    if half or full:
        return "half" if half else "full"
    if open_ in "(（" and close in ")）":
        return "mixed"
    return "other"


_YEAR_AT = re.compile(r"(?:19|20)\d{2}")


def find_case_numbers(text: str, start: int = 0, end: int | None = None) -> list[CaseNumber]:
    """Every case number in ``text[start:end]``, in order, with absolute offsets.

    The two forms are tried only where a year is written (years are rare, the regular
    expressions are not cheap), from the opening bracket before it if there is one.
    """
    end = len(text) if end is None else end
    found: list[CaseNumber] = []
    taken_until = -1
    for y in _YEAR_AT.finditer(text, start, end):
        at = y.start()
        if at < taken_until:
            continue
        back = at
        while back > start and at - back < 3 and (text[back - 1] in OPEN or text[back - 1] in " \t"):
            back -= 1
            if text[back] in OPEN:
                break
        origin = back if back < at and text[back] in OPEN else at
        for pattern, form in ((_POST_2016, "post-2016"), (_PRE_2016, "pre-2016")):
            m = pattern.match(text, origin, end)
            if m is None:
                continue
            s, e = (m.start("open") if m["open"] else m.start("year")), m.end()
            if form == "pre-2016" and not m["open"] and s > 0 and re.match(r"[\w\u4e00-\u9fff]", text[s - 1]):
                continue  # a bare year glued to a word, in the loose old form, is no case number
            court = m["court"]
            if form == "pre-2016" and (court[-1] in "年月日第" or court.startswith(("第", "年"))):
                continue
            taken_until = e
            found.append(CaseNumber(
                text=text[s:e], start=s, end=e, year=int(m["year"]), court_code=court,
                type_code=m["type"].removesuffix("字"), sequence=int(m["seq"]), form=form,
                brackets=_brackets(m["open"], m["close"]),
                special=m.groupdict().get("special")))
            break
    return found


def parse_case_number(text: str) -> CaseNumber | None:
    """Parse one case number standing alone (surrounding spaces allowed)."""
    stripped = text.strip()
    found = find_case_numbers(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0]
    return None
