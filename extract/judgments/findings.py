"""What a judgment decides: cause and charges, financing, outcome, sums and who pays,
convictions, the basis of an enforcement ruling, false litigation, the date (guarantors and
guarantees: :mod:`.guarantees`).

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
    r"(?P<role>被告(?:人|单位)|上诉人|原审被告人)(?P<name>[^，,。；犯\n（(]{1,40}?)(?:[（(][^（）()\n]{1,60}[）)])?"
    r"犯(?P<charges>[^，,。；\n]{2,80}?罪)")  # a unit's code may stand in a bracket after its name
_AWARD_KINDS = (
    (re.compile(r"罚金"), "fine"), (re.compile(r"罚款"), "fine"),
    (re.compile(r"没收|追缴|上缴国库"), "confiscation"), (re.compile(r"退赔|退赃|退还[^。]{0,10}赃"), "restitution"),
    (re.compile(r"受理费|诉讼费|保全费|执行费|公告费|鉴定费|申请费"), "costs"),
)
_BASIS_CUE = re.compile(r"依据|根据|作出的|生效的|已经?发生法律效力|执行依据")
_BASIS_AFTER = re.compile(r"^[^，。；]{0,8}(?:民事|刑事|行政)?(?:判决|调解书|裁定|仲裁|裁决|公证)")
_BASIS_TEXT = re.compile(
    r"(?:执行依据为?|依据|根据)(?P<b>[^，。；]{4,80}?(?:判决书|调解书|裁定书|裁决书|公证书|债权文书|决定书|支付令))")
_INSTITUTION_LEFT_STOP = set("在向与从于由和及的为是将、，,。；;：:（）()《》“”\"'\n 被原告等了对经至给按付须以款日押欠置括")
#: A kind of bank, not one bank (国有商业银行, 处置银行 in the rules on bad loans).
_GENERIC_INSTITUTION = re.compile(r"^(?:国有|商业|国有商业|国有控股|政策性|股份制|其他)(?:商业)?银行$")
_INSTITUTION_TAIL = re.compile(
    r"^(?:股份有限公司|有限责任公司|有限公司|股份公司)?(?:[\u4e00-\u9fff]{1,14}?(?:分行|支行|营业部|分理处|分社|储蓄所))?")
_INSTITUTION = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:支行|分行)|银行|农村信用合作联社|信用合作联社|信用合作社|农村信用社|信用社|农信社|小额贷款(?:股份)?有限(?:责任)?公司|"
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
                or left == m.start() and m.group(0) == "银行" or _GENERIC_INSTITUTION.match(name) \
                or _in_rule_title(text, start, left):
            continue
        if out and out[-1].start <= left < out[-1].end:
            continue
        out.append(Span(name, left, right))
    return out


_RULE_TITLE = re.compile(r"法|规定|条例|通知|解释|办法|意见|纪要")


def _in_rule_title(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` lies inside the title of a law or rule (《…处置国有银行不良贷款…规定》), where a
    bank is a kind of lender, not a party; a contract's title (《中国光大银行…协议》) names one."""
    opening = text.rfind("《", start, pos)
    if opening < 0 or text.rfind("》", start, pos) > opening:
        return False
    closing = text.find("》", pos)
    return bool(_RULE_TITLE.search(text, opening, closing if closing >= 0 else pos))


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


# -- borrowers ---------------------------------------------------------------------------------------
#: An organisation's name ending a stretch of text (a firm, a works, a mine, a trading department).
_FIRM_TAIL = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|公司|厂|煤矿|矿业|贸易部|经营部|商行|合作社|集团|中心)"
                        r"(?:[（(][^（）()]{1,20}[）)])?$")
_NOT_IN_NAME = re.compile(r"[为向在从给的于对将把与签订约借贷款及和、]|申请|要求")
#: A borrower by sentence grammar: X向Y(申请)借款/贷款; Y向X发放贷款; 借款人X; X与Y签订《…借款合同》.
_BORROWS = re.compile(r"向(?!本院|法院)[^，,。；;：:\n]{2,40}?(?:申请)?(?:借款|贷款|借支|借钱)|"
                      r"(?<=[\u4e00-\u9fff）)])(?:借款|贷款)后|"  # 被告理禹公司借款后
                      r"(?:应当?)?(?:在|于)?(?:本判决生效[^，,。；;]{0,12}?)?(?:偿还|归还|偿付|返还)[^，,。；;]{0,30}?"
                      r"(?:借款|贷款)本金")  # the holding: who repays the principal borrowed it
_LENT_TO = re.compile(r"向(?P<b>[^，,。；;\n向]{2,40}?)(?:发放|提供|出借)了?[^，,。；;\n]{0,10}?(?:贷款|借款)")
_BORROWER_TITLE = re.compile(r"借款人(?:为|是|[：:])?(?P<b>[^，,。；;：:\n]{2,40})")
_SIGNS_LOAN = re.compile(r"(?P<a>[^，,。；;：:\n]{2,40}?)与(?P<c>[^，,。；;：:\n与]{2,40}?)(?:于[^，,。；;]{0,15}?)?签(?:订|署)了?"
                         r"[^。；;《]{0,40}?《(?:(?!保证|担保|抵押|质押)[^》]){0,30}?(?:借款|贷款)(?:(?!保证|担保|抵押|质押)[^》]){0,10}?合同》")
_BORROWER_LEAD = re.compile(r"^(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|约定|由|被告|原告|案外人|借款人|[\s，,：:])+")


def _firm_name(raw: str, lex: ModuleType) -> str | None:
    """``raw`` as an organisation's name (被告, dates and 约定 before it stripped), or None."""
    name = re.split(r"被告|原告|案外人|借款人|证实|诉请|请求|认为|诉称|辩称", raw.strip())[-1]
    name = _BORROWER_LEAD.sub("", name)
    name = re.sub(r"[（(](?:(?:以下|下)?简?称|原)[^）)]*[）)]$", "", name)
    if 3 <= len(name) <= 40 and _FIRM_TAIL.search(name) and not _NOT_IN_NAME.search(name) \
            and not lex.FINANCIAL_INSTITUTION.search(name) and not lex.STATE_ORGAN.search(name):
        return name
    return None


def firm_borrowers(text: str, lex: ModuleType) -> list[Span]:
    """Organisations that borrow, by the grammar of the sentence that says so (a firm, works or
    other organisation: what the loan labels call 公司、单位或其他组织借款); people are left out."""
    out: list[Span] = []

    def add(raw: str, at: int) -> None:
        name = _firm_name(raw, lex)
        if name and not any(o.start <= at < o.end for o in out):
            start = text.find(name, at)
            out.append(Span(name, start, start + len(name)))

    for m in _BORROWS.finditer(text):
        left = max((x.end() for x in re.finditer(r"[，,。；;：:\n]", text[max(0, m.start() - 60):m.start()])),
                   default=0) + max(0, m.start() - 60)
        add(text[left:m.start()], left)
    for m in _LENT_TO.finditer(text):
        add(m["b"], m.start("b"))
    for m in _BORROWER_TITLE.finditer(text):
        run = re.match(r"(?:[^，,。；;：:\n、]{2,40}?)(?=[，,。；;：:\n、]|$)", m["b"])
        if run:
            add(run.group(0), m.start("b"))
    for m in _SIGNS_LOAN.finditer(text):
        sides = [(m["a"], m.start("a")), (m["c"], m.start("c"))]
        lenders_ = [s for s in sides if lex.LENDER_NAME.search(s[0])]
        if len(lenders_) == 1 and not re.search(r"[及、和]", m["a"] + m["c"]):  # three-party contracts: unclear
            raw, at = next(s for s in sides if s not in lenders_)
            add(raw, at)
    return sorted(out, key=lambda s: s.start)


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
        return [(s, party) for s, _, party in self.spans(text, start, end)]

    def spans(self, text: str, start: int, end: int) -> list[tuple[int, int, Party]]:
        """Each mention as (start, end, party), longest reference first where two overlap."""
        out: list[tuple[int, int, Party]] = []
        for word, party in self.refs:
            pos = text.find(word, start, end)
            while pos >= 0:
                span = (pos, pos + len(word))
                if not any(s < span[1] and span[0] < e for s, e, _ in out):
                    out.append((*span, party))
                pos = text.find(word, pos + len(word), end)
        return sorted(out, key=lambda x: x[0])


def awards(j: Judgment, resolver: Resolver, lex: ModuleType) -> list[Award]:
    """Sums the holding orders and the costs section allots, with payers and payees."""
    text, out, english = j.text, [], j.lang == "en"
    for label in ("holding", "costs"):
        span = j.section(label)
        if not span:
            continue
        by_item: list[tuple[int, list[Award]]] = []  # (the item's number, 0 when unnumbered; its sums)
        for s, e in items(text, *span):
            money = find_money(text, s, e, english=english)
            joint = _joint(text, s, e, resolver.spans(text, s, e), lex)
            number = _item_number(text, s, e)
            if not money:  # 二、被告B对上述第一项债务承担连带清偿责任: liable for the sums it refers to
                for award in _referred(text, s, e, by_item):
                    award.joint.extend(n for n in joint if n not in award.joint)
                by_item.append((number, []))
                continue
            mentions = resolver.mentions(text, s, e)
            here = []
            for amount in money:
                kind = _award_kind(text, s, amount.start, label)
                payers, payees = _payers(text, s, e, amount.start, kind, mentions, lex)
                here.append(Award(amount.value, kind, payers, payees, amount.start, amount.end, (s, e), list(joint)))
            by_item.append((number, here))
            out.extend(here)
    return out


_ITEM_REF = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3}(?:(?:[、，,和及至到]|项、第)[一二三四五六七八九十]{1,3})*)项")
_NUMERALS = "一二三四五六七八九十"


def _referred(text: str, s: int, e: int, by_item: list[tuple[int, list[Award]]]) -> list[Award]:
    """The sums (not costs) of the earlier items a clause refers to: those it numbers
    (第一项, 第一、二项, 第一至三项), else the nearest earlier item that orders a sum (上述债务)."""
    numbered: set[int] = set()
    for m in _ITEM_REF.finditer(text, s, e):
        nums = [_numeral(x) for x in re.findall(r"[一二三四五六七八九十]{1,3}", m["n"])]
        if re.search(r"[至到]", m["n"]) and len(nums) == 2:
            nums = list(range(nums[0], nums[1] + 1))
        numbered.update(nums)
    chosen = [group for n, group in by_item if n in numbered] if numbered else \
        next(([group] for _, group in reversed(by_item) if any(x.kind != "costs" for x in group)), [])
    return [x for group in chosen for x in group if x.kind != "costs"]


def _item_number(text: str, s: int, e: int) -> int:
    """The number an item of the holding opens with (二、 → 2), 0 when it has none."""
    m = re.match(r"\s*(?:[（(])?([一二三四五六七八九十]{1,3})(?:、|[）)])", text[s:min(e, s + 12)])
    return _numeral(m.group(1)) if m else 0


def _numeral(x: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20 (item numbers of a holding)."""
    if "十" not in x:
        return _NUMERALS.index(x) + 1 if len(x) == 1 else 0
    tens, _, ones = x.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


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


def _joint(text: str, s: int, e: int, spans: list[tuple[int, int, Party]], lex: ModuleType) -> list[str]:
    """Parties a clause ``SUBJECTS 对 OBJECT 承担连带…责任`` makes jointly liable: those named in
    SUBJECTS, before the word that opens the object (对, 就, or a verb of paying), never the
    debtor named inside it (对…确定的X的债务, 对被告X的上述借款本息)."""
    out: list[str] = []
    for m in lex.JOINT.finditer(text, s, e):
        clause_start = max(s, max(text.rfind(c, s, m.start()) for c in "，,。；;") + 1)
        heads = lex.JOINT_OBJECT.finditer(text, clause_start, m.start()) if hasattr(lex, "JOINT_OBJECT") else ()
        head = next((h.start() for h in heads if not any(a <= h.start() < b for a, b, _ in spans)), m.start())
        out.extend(p.name for at, _, p in spans if clause_start <= at < head)
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


_CAUSE_WORD = re.compile(r"纠纷|之诉")


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
