"""The cases in one tax-bureau case bulletin (税案通报), read by sentence structure.

A bulletin reports a case in a fixed order, and the rules follow it:

* a **subject sentence** names the inspecting bureau and, after the verb (依法查处了,
  查办, 对…开展了税务检查), the party: ``国家税务总局X税务局稽查局…依法查处了Y骗取…案件``.
  The party is the name that ends in a legal form (有限公司, 加油站, 回收站, 中心 …)
  and is followed by the violation (骗取, 偷税, 隐匿 …) or by ``暨``/``及`` and its
  operator; a person is named after a role word (网络主播, 纳税人, 高管) or as the
  object of the decision (对范思峰追缴…). A name with 某 is masked: no party.
* the **findings** (经查, 同时…发现) give the under-paid amount: clauses 少缴…X万元,
  偷税X万元, 骗取留抵退税X万元, summed within the first sentence that has them (and a
  following 同时 sentence of the same paragraph), never counted twice when a longer
  article repeats them;
* the **decision** (依据《…》…对Y追缴税费款、加收滞纳金并处罚款，共计Z万元) gives the
  legal basis, the bureau that decided, and the total of taxes, late fees and fines;
* 移送公安机关 (the case or its leads handed to the police) and a listing as 失信主体
  (重大税收违法失信主体, 涉税服务失信名录) anywhere in the case.

An article that bundles cases numbers them (``一、`` / ``案例1：`` at the start of a
line); each part is read as its own case. Offsets are character positions in the
article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..amounts import parse_amount
from ..judgments import lexicon
from ..judgments.parties import is_person_name

_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|案例\s*\d+\s*[：:])", re.M)
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")
_AMOUNT = r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
_BUREAU = re.compile(r"(?:国家税务总局)?(?:[\u4e00-\u9fff]{2,24}?税务局(?:第[一二三四五六七八九十]+)?稽查局"
                     r"|税务总局驻[\u4e00-\u9fff]{2,4}特派办|[\u4e00-\u9fff]{2,24}?税务局)")
_BUREAU_CORE = re.compile(r"^(?:国家税务总局|[\u4e00-\u9fff]{2,12}?(?:省|自治区)(?=[\u4e00-\u9fff]{2,}(?:市|州|盟|地区)))")
_BUREAU_LEFT = re.compile(r"^.*(?:指导|联合|组织|牵头|配合|会同|由)")
#: A closing statement (有关负责人表示): the bureau that speaks, not necessarily the one that decided.
_STATEMENT = re.compile(r"负责人(?:表示|提醒|指出)")
_STRICT_BUREAU = re.compile(r"稽查局$|特派办$")
#: The verbs that open a case's party: 依法查处(了), 查办, 对…开展(了)税务检查.
_VERB = re.compile(r"(?:查处了?|查办了?|查处|检查|立案检查)(?:一起)?")
_FIRM_SUFFIX = (r"(?:股份有限公司|有限责任公司|有限公司|集团公司|分公司|公司|加油加气站|加油站|回收站|经销部|门市部"
                r"|商行|美容院|中心|合作社|事务所|商店|超市|酒店|厂|店)")
#: What may follow a party's name in a subject sentence: the violation, its operator, or 案件.
_CUE = (r"(?=骗取|骗享|偷税|偷逃|虚开|隐匿|违规|虚报|接受|利用|涉嫌|未依法|未按|拆分|参与|及其|暨|及|等|、|"
        r"案件|一案|的|，|。|（|\(|$)")
_NAME_CHARS = r"[\u4e00-\u9fff（）()A-Za-z0-9·]"
_FIRM = re.compile(rf"(?P<name>{_NAME_CHARS}{{2,40}}?{_FIRM_SUFFIX}){_CUE}")
#: Words that end a run of text before a name starts (the name is what follows the last).
_LEFT = re.compile(r"^.*(?:通过|借助|案件和|案件及|查处了|查处|查办了|查办|检查|控制|成立|设立|名义|以|对|将|利用|发现|暨|及|还原|揭秘|揭开|"  # noqa: E501
                   r"一起|了)")
_ROLE_PERSON = re.compile(r"(?:网络主播|主播|纳税人|高管|员工|经营者|自然人)(?P<name>[\u4e00-\u9fff·]{2,4}?)"
                          r"(?=（|\(|涉嫌|未|偷|通过|在|取得|等|、|夫妻|二人|，|的|借用|存在)")
_DECISION_OBJECT = re.compile(r"对(?P<obj>[^，。；：]{2,60}?)(?:二人|等)?(?:依法)?(?:追缴|作出|送达|处以|处)")
#: A generic or counted phrase ending in a firm word (该公司, 空壳公司, 5家公司) is no firm's name.
_NOT_A_FIRM = re.compile(r"^(?:该|其|一家|多家|空壳|下游|上游|中间|的|虚假|相关|涉案)|\d+\s*[家户个]|空壳")
_MASK = "某"
_VIOLATION_WORD = re.compile(r"[税偷逃骗虚涉]")
_SHORTFALL = re.compile(
    r"(?:少缴(?:纳)?(?:的)?|偷逃|偷税|骗取(?:的)?|违规享受的|追回)[^，。；0-9]{0,30}?(?:共计|合计)?" + _AMOUNT)
_LIST_CONTINUES = re.compile(r"^、[^，。；0-9]{0,15}?" + _AMOUNT)
_NOT_TAX = re.compile(r"价税合计|开票金额|发票金额|销售收入|罚金|费用|收入$|罚款计")
_TOTAL = re.compile(r"(?:滞纳金|罚款)[^。；]{0,30}?(?:共计|合计|计)约?" + _AMOUNT)
_BASIS = re.compile(r"(?:依据|根据|按照)((?:《[^》]{2,40}》[、和及]?)+)")
_LAW = re.compile(r"《(?:中华人民共和国)?([^》]+)》")
_POLICE = re.compile(r"移送(?:至)?(?:当地)?公安|移交(?:至)?(?:当地)?公安|移送[^。；]{0,6}公安机关")
_DISHONEST = re.compile(r"将(?P<who>[^。；，]{0,40}?)(?:列为|列入|纳入|确定为|认定为)[^。；]{0,24}?(?P<list>重大税收违法失信(?:主体|案件当事人)?"  # noqa: E501
                        r"|涉税服务失信(?:名录|主体)|失信主体)")
_PERIOD = re.compile(r"(?P<y1>\d{4})年(?:(?P<m1>\d{1,2})月)?(?:至|—|-|到)(?P<y2>\d{4})年(?:(?P<m2>\d{1,2})月)?")
_YEARS = re.compile(r"(?P<y>\d{4})(?:年度|年)")
_FINDINGS = re.compile(r"经查|查实|经检查|发现")
_DECISION = re.compile(r"追缴|处罚|罚款|作出")
_VIOLATIONS = ("骗取留抵退税", "骗取出口退税", "骗享", "虚开", "偷税", "偷逃", "隐匿", "汇算清缴", "加计扣除")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass
class Case:
    """One case of an article: who, which bureau, the amounts, and where it was read."""

    firm: Span | None = None
    persons: list[Span] = field(default_factory=list)
    masked: list[Span] = field(default_factory=list)
    bureau: Span | None = None
    underpaid: Decimal | None = None
    total: Decimal | None = None
    period: str | None = None
    basis: list[str] = field(default_factory=list)
    police: bool = False
    dishonest: str | None = None  # the list named (重大税收违法失信主体, 涉税服务失信名录)
    violation: str | None = None
    sentence: Span | None = None  # the subject sentence (the record's anchor and quote)
    #: how precisely each amount was printed, in yuan (253万元: 10,000; 252.77万元: 100)
    steps: dict[str, Decimal] = field(default_factory=dict)
    from_title: bool = False

    @property
    def party(self) -> str | None:
        return self.firm.text if self.firm else (self.persons[0].text if self.persons else None)


@dataclass
class Reading:
    """What an article yields: its cases, and whether it looked like a case report."""

    cases: list[Case]
    looks_like_case: bool


def sections(text: str) -> list[tuple[int, int]]:
    """The parts of an article: one per numbered case (一、 … / 案例1：), else the whole."""
    starts = [m.start() for m in _NUMBERED.finditer(text)]
    if not starts:
        return [(0, len(text))]
    bounds = [*starts, len(text)]
    return [(a, b) for a, b in zip(bounds, bounds[1:])]


def sentences(text: str, start: int, end: int) -> list[Span]:
    return [Span(m.group(), m.start(), m.end()) for m in _SENTENCE.finditer(text, start, end)
            if m.group().strip()]


def read_article(text: str, title: str = "") -> Reading:
    """The cases of one article (title used only when the body names no party)."""
    cases = []
    looks = False
    parts = sections(text)
    for start, end in parts:
        sents = sentences(text, start, end)
        looks = looks or looks_like_case(sents)
        case = read_case(text, sents, title if len(parts) == 1 else "")
        if case is not None:
            cases.append(case)
    return Reading(cases, looks)


def looks_like_case(sents: list[Span]) -> bool:
    """A bureau that investigated (查处, 检查) and an amount in 万元/亿元: a case report."""
    joined = "".join(s.text for s in sents)
    return bool(re.search(r"税务局|税务部门|特派办", joined) and re.search(r"查处|检查|查办", joined)
                and re.search(_AMOUNT, joined))


def read_case(text: str, sents: list[Span], title: str) -> Case | None:
    subject = _subject_sentence(sents)
    if subject is None:
        return None
    case = Case(sentence=subject)
    _parties(case, text, sents, subject, title)
    if case.firm is None and not case.persons and not case.masked:
        return None
    case.bureau = _bureau(sents, subject)
    underpaid = _underpaid(text, sents, subject)
    total = _first(sents, _TOTAL)
    for attribute, money in (("underpaid", underpaid), ("total", total)):
        if money is not None:
            setattr(case, attribute, money[0])
            case.steps[attribute] = money[1]
    case.basis = _basis(sents)
    case.police = any(_POLICE.search(s.text) for s in sents)
    case.dishonest = next((m["list"] for s in sents for m in [_DISHONEST.search(s.text)]
                           if m and _lists_the_party(m["who"])), None)
    case.period = _period(sents)
    joined = "".join(s.text for s in sents)
    case.violation = next((v for v in _VIOLATIONS if v in subject.text), None) \
        or next((v for v in _VIOLATIONS if v in joined), None)
    return case


def _lists_the_party(who: str) -> bool:
    """Whether the listing is of the party (将该公司及相关责任人列为…), not only of its staff
    (将X公司相关涉案人员纳入…)."""
    return "及" in who or not re.search(r"(?:人员|责任人|法定代表人|负责人)[\u4e00-\u9fff]{0,4}$", who)


def _subject_sentence(sents: list[Span]) -> Span | None:
    """The first sentence in which a bureau (or 税务部门) investigates."""
    for s in sents:
        if re.search(r"税务局|税务部门|特派办|稽查|税务(?:、|等|和)", s.text) and _VERB.search(s.text):
            return s
    return None


def _parties(case: Case, text: str, sents: list[Span], subject: Span, title: str) -> None:
    """The firm (full legal name) and the persons of the case; masked names apart."""
    verb = _VERB.search(subject.text)
    after = subject.start + (verb.start() if verb else 0)
    firms = _firms(text, after, subject.end)
    findings = next((s for s in sents if s.start > subject.start and _FINDINGS.search(s.text)), None)
    opening = [s for s in sents if s.start <= (findings or subject).start]
    role_persons = [p for s in opening for p in _role_persons(text, s)]
    if not firms and not role_persons and findings:  # 一起…案件: the findings name the firm
        firms = _firms(text, findings.start, findings.end)
    if not firms and not role_persons and title:
        firms = [Span(f.text, -1, -1) for f in _firms(title, 0, len(title))]
        case.from_title = bool(firms)
    for f in firms:
        if _MASK in f.text:
            case.masked.append(f)
        elif case.firm is None:
            case.firm = f
    people = [*role_persons, *_operator(text, subject, case.firm)]
    if case.firm is None:
        for s in sents:
            people.extend(_decision_persons(text, s))
    seen: set[str] = set()
    for p in people:
        if p.text in seen:
            continue
        seen.add(p.text)
        (case.masked if _MASK in p.text else case.persons).append(p)


def _trim_left(span: Span, words: re.Pattern[str]) -> Span:
    """The span without the text up to the last of ``words`` in it (a verb before a name)."""
    left = words.match(span.text)
    cut = left.end() if left and left.end() < len(span.text) - 1 else 0
    return Span(span.text[cut:], span.start + cut, span.end)


def _firms(text: str, start: int, end: int) -> list[Span]:
    out = []
    for m in _FIRM.finditer(text, start, end):
        name = _trim_left(Span(m["name"], m.start(), m.end("name")), _LEFT)
        if len(name.text) >= 4 and not _NOT_A_FIRM.search(name.text):
            out.append(name)
    return out


def _role_persons(text: str, subject: Span) -> list[Span]:
    return [Span(m["name"], m.start("name"), m.end("name"))
            for m in _ROLE_PERSON.finditer(text, subject.start, subject.end)
            if is_person_name(m["name"], lexicon, strict=False)  # the role word vouches for it
            and not _VIOLATION_WORD.search(m["name"])]


def _operator(text: str, subject: Span, firm: Span | None) -> list[Span]:
    """The person joined to the firm by 暨 or 及 (东至县荣峰再生资源回收站暨盛荣峰)."""
    if firm is None or firm.end < 0:
        return []
    m = re.compile(r"(?:暨|及)(?!其)(?P<name>[\u4e00-\u9fff]{2,4}?)(?=偷税|偷逃|骗|虚开|隐匿|拆分|违规|案件|涉嫌|，|。)").match(
        text, firm.end)
    return [Span(m["name"], m.start("name"), m.end("name"))] if m and is_person_name(m["name"], lexicon) else []


def _decision_persons(text: str, s: Span) -> list[Span]:
    """Persons as the object of a decision (对范思峰追缴…, 对马海涛、梁娜二人依法追缴…)."""
    m = _DECISION_OBJECT.search(s.text)
    if not m or not _DECISION.search(s.text[m.end() - 4:]):
        return []
    out = []
    base = s.start + m.start("obj")
    for part in re.finditer(r"[^、和及]+", m["obj"]):
        name = part.group().removesuffix("二人")
        if is_person_name(name, lexicon) and not re.search(_FIRM_SUFFIX + "$", name):
            out.append(Span(name, base + part.start(), base + part.start() + len(name)))
    return out


def bureau_core(name: str) -> str:
    """A bureau's name without 国家税务总局 and a province before its city, for comparing
    the forms one article prints (国家税务总局池州市税务局稽查局, 池州市税务局稽查局)."""
    name = name.removeprefix("国家税务总局")
    return _BUREAU_CORE.sub("", name)


def _bureau(sents: list[Span], subject: Span) -> Span | None:
    """The bureau that decided: the inspection bureau of the decision sentence, else the
    one that 查处 (after 指导 when a higher bureau guided it); its longest form in the case."""
    found = [_trim_left(Span(m.group(), s.start + m.start(), s.start + m.end()), _BUREAU_LEFT)
             for s in sents if not _STATEMENT.search(s.text) for m in _BUREAU.finditer(s.text)]
    if not found:
        return None
    strict = [b for b in found if _STRICT_BUREAU.search(b.text)]
    chosen = None
    decision = next((s for s in sents if s.start >= subject.start and re.search(r"依据|根据", s.text)
                     and _DECISION.search(s.text)), None)
    if decision is not None:
        chosen = next((b for b in strict if decision.start <= b.start < decision.end), None)
    if chosen is None:
        in_subject = [b for b in found if subject.start <= b.start < subject.end]
        guided = re.search(r"指导", subject.text)
        if guided:
            in_subject = [b for b in in_subject if b.start >= subject.start + guided.end()] or in_subject
        chosen = next((b for b in in_subject if _STRICT_BUREAU.search(b.text)), None) \
            or (in_subject[-1] if in_subject else (strict or found)[0])
    core = bureau_core(chosen.text)
    longer = [b for b in found if bureau_core(b.text) == core or b.text.endswith(chosen.text)]
    return max(longer, key=lambda b: len(b.text), default=chosen)


def _money(num: str, unit: str) -> tuple[Decimal, Decimal]:
    """An amount in yuan and the step its printing allows (12.5万元 → 125000, 1000)."""
    places = len(num.split(".")[1]) if "." in num else 0
    amount, one = parse_amount(num + unit), parse_amount("1" + unit)
    if amount is None or one is None:  # the patterns capture digits and a unit of money: never
        raise ValueError(f"not an amount of money: {num}{unit}")
    return amount, one / Decimal(10) ** places


def _sum(amounts: list[tuple[Decimal, Decimal]]) -> tuple[Decimal, Decimal] | None:
    if not amounts:
        return None
    return sum((a for a, _ in amounts), Decimal(0)), max(step for _, step in amounts)


def _underpaid(text: str, sents: list[Span], subject: Span) -> tuple[Decimal, Decimal] | None:
    """Tax under-paid or obtained by fraud: the first sentence with such clauses, plus a
    following 同时/此外 sentence of the same paragraph."""
    for i, s in enumerate(sents):
        if s.start < subject.start:
            continue
        amounts = _shortfall(s.text)
        if not amounts:
            continue
        for nxt in sents[i + 1:]:
            if "\n" in text[s.end:nxt.start]:
                break
            if re.match(r"\s*(?:同时|此外|另外|另)", nxt.text):
                amounts += _shortfall(nxt.text)
        return _sum(amounts)
    return None


def _shortfall(sentence: str) -> list[tuple[Decimal, Decimal]]:
    amounts = []
    for m in _SHORTFALL.finditer(sentence):
        if _NOT_TAX.search(sentence[m.start():m.start("num")]):
            continue
        amounts.append(_money(m["num"], m["unit"]))
        rest = sentence[m.end():]
        while (more := _LIST_CONTINUES.match(rest)) is not None:
            amounts.append(_money(more["num"], more["unit"]))
            rest = rest[more.end():]
    return amounts


def _first(sents: list[Span], pattern: re.Pattern[str]) -> tuple[Decimal, Decimal] | None:
    for s in sents:
        m = pattern.search(s.text)
        if m:
            return _money(m["num"], m["unit"])
    return None


def _basis(sents: list[Span]) -> list[str]:
    """The laws the decision cites (《中华人民共和国税收征收管理法》 → 税收征收管理法)."""
    cited = [(s, m) for s in sents for m in [_BASIS.search(s.text)] if m]
    best = next(((s, m) for s, m in cited if _DECISION.search(s.text)), cited[0] if cited else None)
    return [law.group(1) for law in _LAW.finditer(best[1].group(1))] if best else []


def _period(sents: list[Span]) -> str | None:
    """The period examined: ``2017-07/2021-12``, ``2019/2020`` or one tax year ``2021``."""
    for s in sents:
        if not _FINDINGS.search(s.text):
            continue
        m = _PERIOD.search(s.text)
        if m:
            left = m["y1"] + (f"-{int(m['m1']):02d}" if m["m1"] else "")
            right = m["y2"] + (f"-{int(m['m2']):02d}" if m["m2"] else "")
            return f"{left}/{right}"
        years = sorted({y["y"] for y in _YEARS.finditer(s.text) if 1990 < int(y["y"]) < 2100})
        if years:
            return years[0] if len(years) == 1 else f"{years[0]}/{years[-1]}"
    return None
