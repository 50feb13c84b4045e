"""What a judgment decides: cause and charges, financing, outcome, sums and who pays,
convictions, the basis of an enforcement ruling, guarantors, false litigation, the date.

Each function reads one kind of finding from the text and the parts found by the
segmenter, and returns it with its span. A finding needs its stock phrase: an
outcome is read from this court's holding only; a conviction from ``被告人X犯Y罪``
in the holding; a judgment date from the signature block (a date quoted in the
facts, ``于二〇一七年二月二十七日作出…判决``, is another judgment's).
"""

from __future__ import annotations

import re
from types import ModuleType

from .casenumber import CaseNumber
from .model import Award, Conviction, Judgment, Party, Span
from .values import find_dates, find_money

_ZUI = re.compile("罪")
_CHARGE_RUN = re.compile(r"(?:犯罪|(?!罪)[\u4e00-\u9fff、]){2,25}")
_NOT_IN_CHARGE = re.compile(
    r"被告|指控|认为|构成|应当|追究|事实|行为|供述|提起|判处|本院|公诉|一案|请求|涉嫌|其|已|均|系|起诉|"
    r"辩护|意见|定罪|量刑|如实|自愿|认罪|成立|数|同种|这|该|此|所犯|罪名|犯(?!罪)|之|、、|交代")
_CHARGE_WITH_DE = ("对有影响力的人行贿", "利用影响力受贿")
_PRIOR = re.compile(r"曾因|曾犯|曾以|前因|曾经因|原因犯")
_SENTENCED = re.compile(r"判处|处有期徒刑|处拘役|刑事判决|刑满|释放|缓刑考验|服刑")
_DEFENCE = re.compile(r"辩护|辩称|上诉理由|上诉提出|申诉")
_TITLE_NOISE = re.compile(r"^(?:[、，,]|等(?:[一二三四五六七八九十\d]+人)?|被告人|原审被告人|上诉人|犯|关于|于)+")
_ITEM = re.compile(r"(?:^|(?<=[\n。；;：:]))\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d))")  # noqa: E501
_CONVICTION = re.compile(
    r"(?P<role>被告(?:人|单位)|上诉人|原审被告人)(?P<name>[^，,。；犯\n]{1,40}?)犯(?P<charges>[^，,。；\n]{2,80}?罪)")
_AWARD_KINDS = (
    (re.compile(r"罚金"), "fine"), (re.compile(r"罚款"), "fine"),
    (re.compile(r"没收|追缴|上缴国库"), "confiscation"), (re.compile(r"退赔|退赃|退还[^。]{0,10}赃"), "restitution"),
    (re.compile(r"受理费|诉讼费|保全费|执行费|公告费|鉴定费|申请费"), "costs"),
)
_BASIS_CUE = re.compile(r"依据|根据|作出的|生效的|已经?发生法律效力|执行依据")
_BASIS_AFTER = re.compile(r"^[^，。；]{0,8}(?:民事|刑事|行政)?(?:判决|调解书|裁定|仲裁|裁决|公证)")
_BASIS_TEXT = re.compile(
    r"(?:执行依据为?|依据|根据)(?P<b>[^，。；]{4,80}?(?:判决书|调解书|裁定书|裁决书|公证书|债权文书|决定书|支付令))")
_INSTITUTION_LEFT_STOP = set("在向与从于由和及的为是将、，,。；;：:（）()《》“”\"'\n 被原告等了对经至给按付须以款日押")
_INSTITUTION_TAIL = re.compile(
    r"^(?:股份有限公司|有限责任公司|有限公司|股份公司)?(?:[\u4e00-\u9fff]{1,14}?(?:分行|支行|营业部|分理处|分社|储蓄所))?")
_INSTITUTION = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:支行|分行)|银行|农村信用合作联社|信用合作联社|农村信用社|信用社|农信社|小额贷款(?:股份)?有限(?:责任)?公司|"
    r"融资租赁(?:股份)?有限(?:责任)?公司|信托(?:股份)?有限(?:责任)?公司|消费金融(?:股份)?有限公司|"
    r"资产管理(?:股份)?有限公司|典当(?:有限|行)")
_LOAN_NEAR = re.compile(r"贷款|借款|借钱|放贷|授信|信用卡|透支|按揭|融资")


# -- charges and cause -----------------------------------------------------------------------
def charges(text: str, lex: ModuleType, known_names: list[str], title_end: int) -> list[Span]:
    """Charges of this case: ``犯X罪``, ``以X罪``, ``构成X罪``, ``涉嫌X罪`` and the case title.

    Anchored on each 罪 (rare) rather than on the cues (以 is everywhere): the cues in
    the 26 characters before it each propose a charge name, and the longest valid one wins
    (``以被告人A犯B罪`` gives B罪; ``犯以危险方法危害公共安全罪`` keeps its 以).
    """
    found: dict[str, Span] = {}
    last_end = -1
    for k in _ZUI.finditer(text):
        end = k.start()
        window = max(0, end - 26)
        best: tuple[int, int] | None = None
        for cue in lex.CHARGE_CUE.finditer(text, window, end):
            start = cue.end()
            x = text[start:end]
            if cue["neg"] or not _CHARGE_RUN.fullmatch(x) or not _valid_charge(x):
                continue
            if best is None or end - start > end - best[0]:
                best = (start, cue.start())
        if best is None and last_end >= 0 and text[last_end:last_end + 1] in "、" and end - last_end - 1 <= 15:
            x = text[last_end + 1:end]  # 犯滥用职权罪、贪污罪、受贿罪
            if _CHARGE_RUN.fullmatch(x) and _valid_charge(x):
                _add_charge(found, x + "罪", last_end + 1, end + 1)
                last_end = end + 1
            continue
        if best is None:
            continue
        start, cue_start = best
        x = text[start:end]
        if _prior(text, cue_start, end) or any(x.startswith(n) for n in known_names):
            continue
        clause_start = max(text.rfind(c, 0, cue_start) for c in "。；;\n") + 1
        if _DEFENCE.search(text, clause_start, cue_start):
            continue
        _add_charge(found, x + "罪", start, end + 1)
        last_end = end + 1
    if title_end > 0:  # the case title (LeCaRD: 张建、张小春敲诈勒索罪一审刑事判决书), only after known names
        title = _TITLE_NOISE.sub("", text[:title_end])
        stripped = True
        while stripped:
            stripped = False
            for name in sorted(known_names, key=len, reverse=True):
                if title.startswith(name):
                    title, stripped = _TITLE_NOISE.sub("", title[len(name):]), True
        m = re.match(r"([\u4e00-\u9fff、]{2,25}?)罪", title) if len(title) < title_end else None
        if m and _valid_charge(m.group(1)):
            start = text.find(m.group(0))
            _add_charge(found, m.group(0), start, start + len(m.group(0)))
    return sorted(found.values(), key=lambda s: s.start)


def _valid_charge(x: str) -> bool:
    if len(x) < 2 or x.startswith(("、", "罪")) or x.endswith("、"):
        return False
    if any(w in x for w in _CHARGE_WITH_DE):
        return True
    if "的" in x or ("以" in x[1:]) or ("对" in x[1:]):
        return False
    return not _NOT_IN_CHARGE.search(x)


def _prior(text: str, cue_start: int, end: int) -> bool:
    """A charge of an earlier conviction (曾因犯…罪被判处…)."""
    before = text[max(0, cue_start - 14):cue_start + 1]
    if _PRIOR.search(before):
        return True
    if re.search(r"因(?:涉嫌)?$", text[max(0, cue_start - 4):cue_start]):
        sentence_end = min([i for i in (text.find(c, end) for c in "。；;") if i >= 0] or [len(text)])
        return bool(_SENTENCED.search(text, end, sentence_end))
    return False


def _add_charge(found: dict[str, Span], charge: str, start: int, end: int) -> None:
    if charge not in found:
        found[charge] = Span(charge, start, end)


def cause(text: str, start: int, end: int, lex: ModuleType, parties: list[Party]) -> Span | None:
    """The cause of action (案由): ``…民间借贷纠纷一案``, without the party names before it."""
    matches = [m for a, b in _around(_CAUSE_WORD, text, 24, 8, start, end) for m in lex.CAUSE.finditer(text, a, b)]
    for m in matches:
        s, phrase = m.start("cause"), m["cause"]
        cut = 0
        for p in parties:
            for name in (p.name, *_aliases(p)):
                i = phrase.rfind(name)
                if i >= 0:
                    cut = max(cut, i + len(name))
        for word in ("与", "诉", "申请", "因", "之间"):
            i = phrase.rfind(word, cut)
            if i >= 0 and len(phrase) - (i + len(word)) >= 4:
                cut = max(cut, i + len(word))
        phrase = phrase[cut:]
        if len(phrase) >= 4:
            return Span(phrase, s + cut, m.end("cause"))
    return None


def _aliases(party: Party) -> list[str]:
    return party.aliases


# -- financing --------------------------------------------------------------------------------------
def institutions(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Names of banks and other lenders written in ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[Span] = []
    for m in _INSTITUTION.finditer(text, start, end):
        left = m.start()
        while left > start and m.start() - left < 16 and text[left - 1] not in _INSTITUTION_LEFT_STOP \
                and "\u4e00" <= text[left - 1] <= "\u9fff":
            left -= 1
        tail = _INSTITUTION_TAIL.match(text[m.end():m.end() + 30])
        right = m.end() + (tail.end() if tail else 0)
        name = text[left:right]
        if name in {"银行", "信用社"} or len(name) < 3 or name.endswith(("银行卡", "中国人民银行")) \
                or left == m.start() and m.group(0) == "银行":
            continue
        if out and out[-1].start <= left < out[-1].end:
            continue
        out.append(Span(name, left, right))
    return out


def financing(j: Judgment, lex: ModuleType) -> tuple[bool, str | None]:
    """Whether the case relates to financing, and why (the first ground found)."""
    loan_cause = getattr(lex, "LOAN_CAUSE", re.compile(r"借款|借贷|贷款|融资租赁|信用卡|保理"))
    if j.cause and (j.cause.text in lex.FINANCING_CAUSES or loan_cause.search(j.cause.text)):
        return True, f"cause of action: {j.cause.text}"
    for c in j.charges:
        if c.text in lex.FINANCING_CHARGES:
            return True, f"charge: {c.text}"
    debtor_side = {"accused", "accused-unit", "enforcement-debtor"}  # a leasing firm in debt is no lender
    for p in j.parties:
        if p.kind == "firm" and lex.FINANCIAL_INSTITUTION.search(p.name) and not debtor_side & set(p.roles):
            return True, f"financial institution party: {p.name}"
    claims = j.section("claims")
    if claims and j.case_kind in {"civil", "enforcement", None} and lex.LOAN_CLAIM.search(j.text, *claims):
        return True, "claims for the repayment of a loan"
    if not j.parties or j.case_kind is None:  # a fact section alone: a lender and a loan in one sentence
        for lender in j.lenders:
            return True, f"loan from a financial institution: {lender.text}"
    return False, None


def lenders(text: str) -> list[Span]:
    """Financial institutions that appear in the same sentence as a loan, credit card or overdraft."""
    out: list[Span] = []
    for inst in institutions(text):
        left = max(text.rfind(c, 0, inst.start) for c in "。\n；;") + 1
        right = min([i for i in (text.find(c, inst.end) for c in "。\n；;") if i >= 0] or [len(text)])
        if _LOAN_NEAR.search(text, left, right) and all(o.text != inst.text for o in out):
            out.append(inst)
    return out


# -- the holding ------------------------------------------------------------------------------------------
def items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The numbered items of a holding (一、… 二、…), or its sentences when it has none."""
    marks = [m.start() for m in _ITEM.finditer(text, start, end)]
    if not marks:
        marks = [start] + [m.end() for m in re.finditer(r"[。；;\n]", text[start:end]) if m.end() < end - start]
        marks = [start] + [start + x for x in marks[1:]]
    elif marks[0] > start:
        marks.insert(0, start)
    return [(s, e) for s, e in zip(marks, [*marks[1:], end]) if text[s:e].strip()]


class Resolver:
    """Finds the parties a holding clause names: full names, aliases (以下简称…) and role words."""

    def __init__(self, parties: list[Party], lex: ModuleType):
        refs: list[tuple[str, Party]] = []
        for p in parties:
            refs.append((p.name, p))
            refs.extend((a, p) for a in _aliases(p))
        by_role: dict[str, list[Party]] = {}
        for p in parties:
            for r in p.roles[:1]:
                by_role.setdefault(r, []).append(p)
        for word, role in lex.PARTY_REF_ROLES.items():
            holders = by_role.get(role, [])
            if len(holders) == 1:
                refs.append((word, holders[0]))
        self.refs = sorted(refs, key=lambda r: len(r[0]), reverse=True)

    def mentions(self, text: str, start: int, end: int) -> list[tuple[int, Party]]:
        taken: list[tuple[int, int]] = []
        out: list[tuple[int, Party]] = []
        for word, party in self.refs:
            pos = text.find(word, start, end)
            while pos >= 0:
                span = (pos, pos + len(word))
                if not any(s < span[1] and span[0] < e for s, e in taken):
                    taken.append(span)
                    out.append((pos, party))
                pos = text.find(word, pos + len(word), end)
        return sorted(out, key=lambda x: x[0])


def awards(j: Judgment, resolver: Resolver, lex: ModuleType) -> list[Award]:
    """Sums the holding orders and the costs section allots, with payers and payees."""
    text, out, english = j.text, [], j.lang == "en"
    for label in ("holding", "costs"):
        span = j.section(label)
        if not span:
            continue
        for s, e in items(text, *span):
            money = find_money(text, s, e, english=english)
            if not money:
                continue
            mentions = resolver.mentions(text, s, e)
            joint = _joint(text, s, e, mentions, lex)
            for amount in money:
                kind = _award_kind(text, s, amount.start, label)
                payers, payees = _payers(text, s, e, amount.start, kind, mentions, lex)
                out.append(Award(amount.value, kind, payers, payees, amount.start, amount.end, (s, e), joint))
    return out


def _award_kind(text: str, item_start: int, pos: int, label: str) -> str:
    near = text[max(item_start, pos - 12):pos]
    for pattern, kind in _AWARD_KINDS:
        if pattern.search(near):
            return kind
    return "costs" if label == "costs" else "payment"


def _payers(text: str, s: int, e: int, pos: int, kind: str, mentions: list[tuple[int, Party]],
            lex: ModuleType) -> tuple[list[str], list[str]]:
    """Who pays the sum at ``pos`` and to whom, from the parties named around it."""
    if kind == "costs":
        # 案件受理费X元，由被告A负担 / 由原告负担X元: the parties after 由 in the same sentence
        sent_end = min([i for i in (text.find(c, pos, e) for c in "。；;\n") if i >= 0] or [e])
        sent_start = max(text.rfind(c, s, pos) for c in "。；;\n") + 1
        bys = [m.start() for m in lex.COSTS_BY.finditer(text, sent_start, sent_end)]
        by = next((b for b in bys if b > pos), bys[-1] if bys else -1)
        names = [p.name for at, p in mentions if by >= 0 and by < at < sent_end]
        return _unique(names), []
    verb = None
    for m in lex.PAY_VERBS.finditer(text, s, pos):
        verb = m.start()
    if kind in {"fine", "confiscation", "restitution"} or verb is None:
        before = [p.name for at, p in mentions if at < pos]
        conv = [p.name for at, p in mentions if at < pos and ({"accused", "accused-unit"} & set(p.roles))]
        return _unique(conv[-1:] or before[:1]), []
    payers = [p.name for at, p in mentions if at < verb]
    to = re.search(r"向(?P<x>[^，。；]{1,40}?)(?:支付|偿还|归还|给付|赔偿|返还|清偿)", text[s:pos])
    payees = [p.name for at, p in mentions if verb < at < pos]
    if to:
        payees = [p.name for at, p in mentions if s + to.start("x") <= at < s + to.end("x")] or payees
        payers = [n for n in payers if n not in payees]
    return _unique(payers), _unique(payees)


def _joint(text: str, s: int, e: int, mentions: list[tuple[int, Party]], lex: ModuleType) -> list[str]:
    """Parties the clause makes jointly liable (named in the same clause before 承担连带清偿责任)."""
    out: list[str] = []
    for m in lex.JOINT.finditer(text, s, e):
        clause_start = max(text.rfind(c, s, m.start()) for c in "，,。；;") + 1
        out.extend(p.name for at, p in mentions if max(clause_start, s) <= at < m.start())
    return _unique(out)


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def convictions(j: Judgment, resolver: Resolver) -> list[Conviction]:
    """``被告人X犯Y罪，判处…`` in this court's holding (not 无罪)."""
    span = j.section("holding")
    if not span:
        return []
    out = []
    for m in _CONVICTION.finditer(j.text, *span):
        name = m["name"].strip("：: ")
        if m["charges"].endswith("无罪") or "无罪" in j.text[m.end():m.end() + 6]:
            continue
        named = [p.name for at, p in resolver.mentions(j.text, m.start("name"), m.end("name"))]
        charges_ = [c + "罪" for c in re.split(r"罪[、，,]?", m["charges"]) if c]
        out.append(Conviction(named[0] if named else name, charges_, m.start(), _sentence_end(j.text, m.end())))
    return out


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in "。；;\n") if i >= 0]
    return min(ends) + 1 if ends else len(text)


def outcome(j: Judgment, lex: ModuleType) -> tuple[str | None, tuple[int, int] | None]:
    span = j.section("holding")
    if not span:
        return _termination_without_holding(j, lex)
    for pattern, name in lex.OUTCOMES:
        m = pattern.search(j.text, *span)
        if m:
            return name, j.sentence(m.start(), m.end())
    return None, None


def _termination_without_holding(j: Judgment, lex: ModuleType) -> tuple[str | None, tuple[int, int] | None]:
    """An enforcement ruling without a holding cue (``本院裁定终结本次执行程序``, or cut after it):
    the termination counts when its sentence makes the ruling rather than reporting an earlier one."""
    if j.case_kind != "enforcement":
        return None, None
    found = termination(j, lex)
    return ("enforcement terminated: no assets", j.sentence(*found)) if found else (None, None)


def termination(j: Judgment, lex: ModuleType) -> tuple[int, int] | None:
    """The first 终本 wording after the party block in a sentence that makes a ruling (not one
    that reports an earlier ruling: 本院曾于…裁定终结本次执行程序)."""
    pattern = getattr(lex, "TERMINATION", None)
    if pattern is None:
        return None
    floor = (j.section("parties") or j.section("header") or (0, 0))[1]
    for m in pattern.finditer(j.text, floor):
        s, _ = j.sentence(m.start(), m.end())
        if not lex.EARLIER_RULING.search(j.text, s, m.start()):
            return m.start(), m.end()
    return None


def basis(j: Judgment, numbers: list[CaseNumber]) -> tuple[CaseNumber | None, Span | None]:
    """The document an enforcement ruling enforces: a case number cited as its basis, else the phrase."""
    own = j.case_number
    text = j.text
    for c in numbers:
        if own is not None and c.start == own.start:
            continue
        if _BASIS_CUE.search(text, max(0, c.start - 30), c.start) or _BASIS_AFTER.match(text[c.end:c.end + 14]):
            return c, Span(c.text, c.start, c.end)
    m = _BASIS_TEXT.search(text)
    if m:
        return None, Span(m["b"], m.start("b"), m.end("b"))
    return None, None


def _around(pattern: re.Pattern[str], text: str, before: int, after: int, start: int = 0,
            end: int | None = None) -> list[tuple[int, int]]:
    """Merged stretches of text around each match of a cheap ``pattern`` (a prefilter for costly ones)."""
    end = len(text) if end is None else end
    spans: list[list[int]] = []
    for k in pattern.finditer(text, start, end):
        left, right = max(start, k.start() - before), min(end, k.end() + after)
        if spans and left <= spans[-1][1]:
            spans[-1][1] = right
        else:
            spans.append([left, right])
    return [(a, b) for a, b in spans]


_GUARANTEE_WORD = re.compile(r"保证|担保")
_CAUSE_WORD = re.compile(r"纠纷|之诉")


def guarantors(text: str, lex: ModuleType) -> list[Span]:
    """Every mention of a guarantor in the text (保证人, 担保人, 提供连带责任保证, 对…承担连带保证责任),
    in order: a guarantor named in several sentences has a span in each."""
    out: list[Span] = []
    matches = [m for a, b in _around(_GUARANTEE_WORD, text, 70, 12) for m in lex.GUARANTOR.finditer(text, a, b)]
    for m in matches:
        group = next(g for g in ("names", "names2", "names3", "names4", "names5") if m.group(g))
        chunk, start = m.group(group), m.start(group)
        chunk_clean = re.sub(r"^(?:被告|原告|第三人|借款人|出借人)", "", chunk)
        offset = start + len(chunk) - len(chunk_clean)
        pos = 0
        for part in re.split(r"[、]|和|及", chunk_clean):
            name = re.split(r"被告|原告|由", part.strip())[-1]
            begin = offset + chunk_clean.find(part, pos)
            pos = chunk_clean.find(part, pos) + len(part)
            if not name or len(name) > 30:
                continue
            if not (re.match(r"^[\u4e00-\u9fff]{1,2}(?:[xX×]\d{1,3}|\d{1,3}|某{1,2}[甲乙丙丁]?|[\u4e00-\u9fff]{1,2})$", name)
                    or lex.ORG_SUFFIX.search(name) or re.search(r"公司$", name)):
                continue
            if any(o.start == begin for o in out):
                continue
            out.append(Span(name, begin, begin + len(name)))
    for span in _guarantee_clauses(text, lex):
        if not any(o.start <= span.start < o.end for o in out):
            out.append(span)
    return sorted(out, key=lambda s: s.start)


_CLAUSE_START = re.compile(r"[。；;：:\n]|，(?=(?:同日|同时|约定|并|且|由))|》[、，,及和]?")
_NAME_SPLIT = re.compile(r"[、，,]|(?<=[\u4e00-\u9fff])(?:和|及|与)(?=[\u4e00-\u9fff])")


def _guarantee_clauses(text: str, lex: ModuleType) -> list[Span]:
    """Guarantors by sentence grammar (lexicon.GUARANTEE_CUES): the names that open the clause
    before the cue, each a person's name or an organisation's; of the signatories of a guarantee
    contract, those that are not the lender (a bank or other financial institution)."""
    cues = getattr(lex, "GUARANTEE_CUES", ())
    out: list[Span] = []
    for a, b in _around(_GUARANTEE_WORD, text, 200, 12):
        for kind, pattern in cues:
            for m in pattern.finditer(text, a, b):
                s, e = _sentence_bounds(text, m.start(), m.end())
                if lex.GUARANTEE_DENIED.search(text, s, e):
                    continue
                left = max((x.end() for x in _CLAUSE_START.finditer(text, max(0, m.start() - 200), m.start())),
                           default=max(0, m.start() - 200))
                names = _clause_names(text, left, m.start(), lex, kind == "signs")
                comma = max(text.rfind("，", left, m.start()), text.rfind(",", left, m.start()))
                if not names and comma >= 0:  # 根据保证合同的约定，被告三洲公司为…: the names follow the last comma
                    names = _clause_names(text, comma + 1, m.start(), lex, kind == "signs")
                for span in names:
                    if not any(o.start == span.start for o in out):
                        out.append(span)
    out.extend(s for s in _titled_guarantors(text, lex) if not any(o.start == s.start for o in out))
    return out


def _titled_guarantors(text: str, lex: ModuleType) -> list[Span]:
    """Guarantors written after the word for one: 保证人豫昌公司, 担保人：张三."""
    from .parties import _bounded_elsewhere, name_at

    pattern = getattr(lex, "GUARANTOR_TITLE", None)
    out: list[Span] = []
    for m in pattern.finditer(text) if pattern is not None else ():
        org = lex.ORG_RUN.match(text, m.end())
        name = org.group(0) if org and _guarantor_name(org.group(0), lex) else name_at(text, m.end(), lex, [])
        if name and (org or _bounded_elsewhere(text, name, m.end(), lex)):  # a person named again elsewhere
            out.append(Span(name, m.end(), m.end() + len(name)))
    return out


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in "。；;\n") + 1
    right = min([i for i in (text.find(c, end) for c in "。；;\n") if i >= 0] or [len(text)])
    return left, right


def _clause_names(text: str, start: int, end: int, lex: ModuleType, signs: bool) -> list[Span]:
    """Names listed in ``text[start:end]`` (the whole stretch must be a list of names)."""
    chunk = text[start:end]
    if signs:  # A、B与某银行签订… / 某银行与A、B分别签订…: the parties on both sides of 与
        sides = re.split(r"(?<=[\u4e00-\u9fff）)])与(?=[\u4e00-\u9fff（(])", chunk)
    else:
        sides = [chunk]
    out: list[Span] = []
    pos = start
    for side in sides:
        at = text.find(side, pos)
        pos = at + len(side)
        lead = lex.GUARANTEE_LEAD.match(side)
        body, offset = side[lead.end():] if lead else side, at + (lead.end() if lead else 0)
        body = lex.GUARANTEE_TAIL.sub("", body)
        body = re.sub(r"(?:分别|共同|均|自愿|愿意|同意|承诺)+$", "", body)
        names: list[Span] = []
        cursor = 0
        for item in _NAME_SPLIT.split(body):
            begin = body.find(item, cursor)
            cursor = begin + len(item)
            bare = re.split(r"被告|原告|第三人|保证人|担保人", lex.GUARANTEE_LEAD.sub("", item))[-1]  # …请求被告X
            begin += len(item) - len(bare)
            if not bare:
                continue
            if not _guarantor_name(bare, lex):
                names = []
                break
            names.append(Span(bare, offset + begin, offset + begin + len(bare)))
        if not names:  # every side of the clause is a list of names, or none is read
            return []
        if signs:
            names = [n for n in names if not (lex.LENDER_NAME.search(n.text) and "担保" not in n.text)]
        out.extend(names)
    return out


def _guarantor_name(name: str, lex: ModuleType) -> bool:
    from .parties import is_person_name

    if len(name) > 40:
        return False
    if lex.ORG_SUFFIX.search(name) and len(name) >= 4 or re.search(r"公司$|公司[（(][^）)]+[）)]$", name):
        return not re.search(r"[为向在从给的于对将把]|请求|要求", name)  # 在约定的保证期间内…公司: a clause
    return is_person_name(name, lex, strict=False) and not re.search(r"[上述其该本各双]", name)


def frivolous(j: Judgment, lex: ModuleType) -> Span | None:
    """The sentence in which this court finds false or malicious litigation."""
    for label in ("reasoning", "holding"):
        span = j.section(label)
        if span:
            m = lex.FRIVOLOUS.search(j.text, *span)
            if m and not re.search(r"不(?:构成|属于|存在)", j.text[max(span[0], m.start() - 8):m.start()]):
                s, e = j.sentence(m.start(), m.end())
                return Span(j.text[s:e], s, e)
    return None


def judgment_date(j: Judgment, english: bool = False) -> tuple:
    """The date of the signature block (the last date in it); else a date standing on its own
    line at the very end. None when the text has neither (it was cut short)."""
    sig = j.section("signature")
    if sig:
        dates = find_dates(j.text, *sig, english=english)
        if dates:
            d = dates[-1]
            return d.value, (d.start, d.end)
    tail = max(0, len(j.text) - 200)
    for d in reversed(find_dates(j.text, tail, english=english)):
        before = j.text[max(0, d.start - 2):d.start]
        after = j.text[d.end:d.end + 2]
        if (not before.strip() or before.endswith("\n")) and (not after.strip() or after.startswith("\n")):
            return d.value, (d.start, d.end)
    return None, None
