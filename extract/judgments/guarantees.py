"""Guarantees in a judgment: who guarantees (names) and which sentences state a guarantee.

A loan judgment tells of its guarantees in several grammars: the guarantors open a clause
before a cue (``A、B对上述债务承担连带保证责任``, ``C自愿为…提供连带责任保证``, ``D作为保证人``),
sign a suretyship contract with the lender (``E与某银行签订《最高额保证合同》``), are named
after the word for one (``保证人豫昌公司``), or are ordered to pay jointly in the holding
(``被告F对上述第一项债务承担连带清偿责任``). Those give :func:`guarantors`, the names.

:func:`statements` reads the sentences that state a suretyship (保证) at all — a joint
suretyship (连带保证, 连带责任保证), a suretyship contract named, a suretyship provided, a party
acting as surety, joint liability beside a suretyship — whether or not they name anyone
(``涉案《最高额保证合同》均约定…``). 担保 alone does not say which security is meant (a mortgage,
a pledge or a suretyship), so it counts only in a contract's title or beside 连带; joint liability
alone (``承担连带清偿责任``) may be a spouse's or a partner's, so it counts only beside a
suretyship; a list of evidence (``以上事实，有…为证``) states nothing.
"""

from __future__ import annotations

import re
from types import ModuleType

from .findings import _around
from .model import Guarantee, Span


def statements(text: str, lex: ModuleType, names: list[Span] | None = None) -> list[Guarantee]:
    """The sentences that state a suretyship, each with its kind (the first cue found, in the
    lexicon's order) and the guarantors named in it (of ``names``); then the holding's joint
    liabilities that are suretyships (:func:`_holding_suretyships`), and the guarantors of a
    statement that refers back to the guarantee instead of naming them (:func:`_by_reference`)."""
    cues = getattr(lex, "GUARANTEE_STATEMENT", ())
    evidence = getattr(lex, "EVIDENCE_LIST", None)
    out: list[Guarantee] = []
    seen: set[int] = set()
    for m in _GUARANTEE_WORD.finditer(text):
        s, e = _sentence_bounds(text, m.start(), m.end())
        if s in seen:
            continue
        seen.add(s)
        if evidence is not None and evidence.search(text[s:e]):  # ^ anchors at the sentence
            continue
        kind = next((k for k, pattern in cues if pattern.search(text, s, e)), None)
        if kind is None:
            continue
        named = [n for n in names or () if s <= n.start < e]
        out.append(Guarantee(kind, s, e, named, bool(lex.GUARANTEE_DENIED.search(text, s, e))))
    if hasattr(lex, "GUARANTEE_CAP"):
        out = sorted(out + _holding_suretyships(text, lex, seen), key=lambda g: g.start)
        _by_reference(text, lex, out)
    return out


def _holding_suretyships(text: str, lex: ModuleType, seen: set[int]) -> list[Guarantee]:
    """Joint liability for another's debt (A、B对上述第一项债务承担连带清偿责任) alone may be a spouse's or
    a partner's; it is a suretyship when it is capped at a maximum balance (在最高余额…范围内: a
    maximum-amount suretyship). Not when those it makes liable are guarantors elsewhere: the CAIL
    annotators leave such a holding item unlabelled (tried on dev: five false statements)."""
    liable = next(p for k, p in lex.GUARANTEE_CUES if k == "liable")
    out: list[Guarantee] = []
    for m in lex.JOINT.finditer(text):
        s, e = _sentence_bounds(text, m.start(), m.end())
        if s in seen or lex.GUARANTEE_DENIED.search(text, s, e):
            continue
        seen.add(s)
        clause = liable.search(text, s, e)
        if clause is None:
            continue
        left = max((x.end() for x in _CLAUSE_START.finditer(text, s, clause.start())), default=s)
        subjects = _clause_names(text, left, clause.start(), lex, False)
        if subjects and lex.GUARANTEE_CAP.search(text, s, e):
            out.append(Guarantee("liable", s, e, subjects))
    return out


def _by_reference(text: str, lex: ModuleType, stated: list[Guarantee]) -> None:
    """A statement that names nobody but refers back to the guarantee (涉案《最高额保证合同》,
    保证人的保证期间, 与各被告之间签订的《保证合同》) names the guarantors the document names in its
    other statements (their spans are where they were read); a denied one names nobody."""
    known: dict[str, Span] = {}
    for g in stated:
        for n in g.names if not g.denied else ():
            known.setdefault(n.text, n)
    for g in stated:
        if g.names or g.denied or not lex.GUARANTEE_BACK_REFERENCE.search(text, g.start, g.end):
            continue
        g.names = [n for n in known.values() if not g.start <= n.start < g.end]


_GUARANTEE_WORD = re.compile(r"保证|担保")


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
            name = re.sub(r"(?:自愿|愿意|同意|承诺)+$", "", re.split(r"被告|原告|由", part.strip())[-1])
            begin = offset + chunk_clean.find(part, pos)
            pos = chunk_clean.find(part, pos) + len(part)
            if not name or len(name) > 30 or re.match(r"本人|其|该|我|上述|[甲乙丙丁]方$", name):  # 本人自愿提供…: the signer, by reference
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


_CLAUSE_START = re.compile(r"[。；;：:\n]|，(?=(?:同日|同时|约定|并|且|由))|》[、，,及和]?|[）)](?=由)")
_NAME_SPLIT = re.compile(r"[、，,]|(?<=[\u4e00-\u9fff])(?:和|及|与)(?=[\u4e00-\u9fff])")


def _guarantee_clauses(text: str, lex: ModuleType) -> list[Span]:
    """Guarantors by sentence grammar (lexicon.GUARANTEE_CUES): the names that open the clause
    before the cue, each a person's name or an organisation's; of the signatories of a guarantee
    contract, those that are not the lender (a bank or other financial institution)."""
    cues = getattr(lex, "GUARANTEE_CUES", ())
    roles = _contract_roles(text, lex)
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
                if not names:  # 乙方自愿向甲方提供保证: the parties the contract calls 乙方
                    names = roles.get(_role_word(text[(comma + 1 if comma >= 0 else left):m.start()], lex), [])
                if kind == "signs":  # a suretyship loan contract is signed by the borrower too
                    names = [n for n in names if not _borrows(text, n.text)]
                for span in names:
                    if not any(o.start == span.start for o in out):
                        out.append(span)
    out.extend(s for s in _titled_guarantors(text, lex) if not any(o.start == s.start for o in out))
    return out


def _contract_roles(text: str, lex: ModuleType) -> dict[str, list[Span]]:
    """The parties of a contract by their place in it, where the signatories are listed with it
    (原告(甲方)与被告A公司、B、C(乙方)签订…): 乙方 → A公司, B, C. The first listing of a role counts."""
    roles: dict[str, list[Span]] = {}
    for m in getattr(lex, "CONTRACT_ROLE", re.compile(r"(?!x)x")).finditer(text):
        if m.group(1) in roles:
            continue
        window = max(0, m.start() - 80)
        left = max([text.rfind(c, window, m.start()) for c in "与和，,。；;：:\n"] + [window - 1]) + 1
        names = _clause_names(text, left, m.start(), lex, False)
        if names:
            roles[m.group(1)] = names
    return roles


def _role_word(chunk: str, lex: ModuleType) -> str:
    """A clause's subject reduced to a bare word (乙方自愿 → 乙方)."""
    chunk = lex.GUARANTEE_LEAD.sub("", chunk.strip())
    return re.sub(r"(?:分别|共同|均|自愿|愿意|同意|承诺)+$", "", chunk)


def _borrows(text: str, name: str) -> bool:
    """Whether the judgment says ``name`` borrows (X向某社借款, 借款人X, 借款人为X): the borrower among
    the signatories of a three-party suretyship loan contract is not a guarantor."""
    n = re.escape(name)
    after_word = r"(?:(?<![\u4e00-\u9fff])|(?<=被告)|(?<=原告))"  # the whole name, not the tail of a longer one
    return bool(re.search(rf"{after_word}{n}(?:向|从)[^。；;，,\n]{{2,40}}?(?:借款|贷款)|借款人(?:为|是)?{n}", text))


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
        if signs and lex.LENDER_ROLE.match(side):
            continue
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
            note = lex.ABBREVIATION_NOTE.search(bare) if hasattr(lex, "ABBREVIATION_NOTE") else None
            if note and note.end() == len(bare):  # X公司（以下简称Y公司）: the name is X公司
                item, bare = item[:len(item) - len(bare) + note.start()], bare[:note.start()]
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

    if len(name) > 40 or re.fullmatch(r"[甲乙丙丁]方", name):  # a contract's party by its place: _contract_roles
        return False
    if lex.ORG_SUFFIX.search(name) and len(name) >= 4 or re.search(r"公司$|公司[（(][^）)]+[）)]$", name):
        return not re.search(r"[为向在从给的于对将把]|请求|要求", name)  # 在约定的保证期间内…公司: a clause
    return is_person_name(name, lex, strict=False) and not re.search(r"[上述其该本各双]", name)


