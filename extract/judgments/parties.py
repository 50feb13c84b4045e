"""Parties and their roles: from the party block, else from the procedural sentences.

The party block is authoritative: one entry per party (``被告：杭州某某有限公司，住所地
…，统一社会信用代码…``), followed by the entries of its representatives (``法定代表人：``,
``委托诉讼代理人：``, ``辩护人``), which belong to the party before them. A bracket
after the role gives the roles in earlier instances (``上诉人（原审被告）``).

Many published texts have no party block (the LeCaRD sample starts straight with
``X人民检察院以…起诉书指控被告人A、B犯…罪``); the parties are then read from the
sentences that state the charges and the appeals (``X不服，提出上诉``). Only as a
last resort are the persons called 被告人 in the text taken, and then only names that
start with a surname and end at a word boundary: a name is never guessed from the
middle of a sentence. Sentence-level texts (a fact section alone, as legal NLP
benchmarks give them) are read that way: a name ends where punctuation, a particle or
a verb begins, or where the text's other mentions of it end (江某某到案后 → 江某某,
陶婧雇佣… but later 陶婧的… → 陶婧); the names listed after it (被告人A、B、C) and the
co-accused listed with two of them are accused too; a sentence that merely opens with
a role word (被告人黄某在接受询问后…) gives the bounded name, not the sentence.

A bracket after a party's name that holds its details (``X公司（统一社会信用代码：…；
法定代表人：张三）``) is not part of the name: its codes and legal representative are
the party's.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

from .model import Agent, Party

_ID = re.compile(r"(?:公民)?身份(?:证)?(?:号码|号)[：:\s]*(?P<id>[0-9Xx*＊]{15,19})")
_USCC = re.compile(r"(?:统一社会信用代码|社会信用代码|信用代码)[：:\s]*(?P<code>[0-9A-Za-z]{18})")
_ORGCODE = re.compile(r"组织机构代码(?:证)?[：:\s]*(?P<code>[0-9A-Za-z]{8}-?[0-9Xx])")
_REGNO = re.compile(r"(?:工商)?注册号[：:\s]*(?P<code>\d{13,15})")
_SEX = re.compile(r"^[，,\s]*(?:曾用名[^，,]{1,6}[，,])?(?P<sex>男|女)(?:[，,。]|$)")
_NAME_END = re.compile(r"[，,。；;\n]|(?:[（(](?:以下简称|下称|简称|曾用名|又名|绰号)[^）)]*[）)])")
_ALIAS_PAREN = re.compile(r"[（(](?:以下简称|下称|简称|曾用名|又名|绰号)[^）)]*[）)]$")
_SEXES = {"male": "男", "female": "女"}
_ALIAS = re.compile(r"[（(](?:以下简称|下称|简称)[：:“\"]?(?P<alias>[^）)”\"]{1,20})[”\"]?[）)]")
_LIST_SPLIT = re.compile(r"[、]|及(?=[\u4e00-\u9fff])")
_PROSECUTOR = re.compile(
    r"(?:^|(?<=[：:，,。；;\s])|(?<=审理终结)|(?<=审理)|(?<=公诉机关)|(?<=机关))"
    r"(?P<org>(?:(?!审理|指控|法院|以|于|向|本院|公诉|机关)[\u4e00-\u9fff]){2,24}?人民检察院(?:第[一二三四五六七八九十]+分院)?)"
    r"(?=[^。]{0,80}?(?:指控|提起公诉|起诉书|提出公诉))")
_ACCUSED_LIST = re.compile(
    r"(?:(?P<role>(?:原审)?被告(?:人|单位))|(?<=罪[、，,]))"
    r"(?P<names>(?:[（(][^（）()。\n]{1,80}[）)]|、(?:原审)?被告(?:人|单位)|(?!被告|指控)[^。；，,：:犯\n（(]){1,160}?)"
    r"(?:均)?(?:犯|涉嫌)")
_APPEAL = re.compile(r"(?:均|分别)?不服[^。；]{0,12}?(?:提出|提起|向本院提出|向本院提起)?(?:上诉|抗诉)|(?:均|分别)?不服")
_ROLE_PREFIX = re.compile(r"^(?:(?:原审|一审|二审)?(?:附带民事诉讼原告人|被告人|被告单位|被告|原告|上诉人|第三人)|上诉人（原审被告人）)")
_INCIDENTAL = re.compile(r"附带民事诉讼原告人")
_ACCUSED_TEXT = re.compile(r"上诉人[（(]原审被告人[）)]|(?:原审)?被告人|上诉人(?=[\u4e00-\u9fff])")
#: A text that speaks of a criminal case (a fact section with no header: 公诉机关指控…, 经审理查明…被告人).
CRIMINAL_TEXT = re.compile(r"(?<!附带民事诉讼)被告人|公诉机关|人民检察院|犯罪|罪名|刑事")
#: Between the names of a list of accused: 、 (和, 及, 与 only before another 被告人: 被告人A和B等人
#: does not make B an accused).
_NAME_LIST_SEP = re.compile(r"、|[和及与](?=(?:原审)?被告人|上诉人)")


def clean_name(raw: str) -> str:
    name = _ALIAS_PAREN.sub("", raw.strip(" \t\u3000：:，,。"))
    return name.strip()


_NOT_NAMES = {"由于", "宣判后", "判后", "其中", "同时", "随后", "此后", "之后", "案发后", "归案后", "庭审中", "另查明",
              "关于", "于是", "但是", "本案", "原判", "原审", "一审", "二审", "公诉人", "辩护人", "被害人"}
_NOT_IN_GIVEN = set("后于时称的在被将等及和与是对下")


def is_person_name(name: str, lex: ModuleType, strict: bool = True) -> bool:
    """A plausible Chinese personal name: a surname (``strict``: one of the lexicon's), then a
    given name or an anonymised tail. Lenient mode is for items of an explicit list of names."""
    if not 2 <= len(name) <= 6 or name in _NOT_NAMES:
        return False
    surname = 2 if name[:2] in lex.COMPOUND_SURNAMES else 1 if name[0] in lex.SURNAMES else 0
    if not surname:
        if strict or not "\u4e00" <= name[0] <= "\u9fff" or name[0] in lex.NAME_STOP:
            return False
        surname = 1
    tail = name[surname:]
    if lex.ANONYMISED_TAIL.match(tail):
        return True
    return (1 <= len(tail) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in tail) and "某" not in tail[:-1]
            and not _NOT_IN_GIVEN & set(tail))


def name_at(text: str, pos: int, lex: ModuleType, known: list[str]) -> str | None:
    """The personal name starting at ``pos`` in running text, if one clearly does."""
    for name in known:
        if text.startswith(name, pos):
            return name
    run = re.match(r"[\u4e00-\u9fff0-9xX×Ｘ＊*]{2,6}", text[pos:pos + 6])
    if not run:
        return None
    run_text = run.group(0)
    anon = re.match(r"([\u4e00-\u9fff]{1,2}?)(某{1,2}[甲乙丙丁戊己庚辛壬癸]?\d{0,2}|[xX×Ｘ]\d{1,3})", run_text)
    if anon and is_person_name(anon.group(0), lex):
        return anon.group(0)
    ordinal = re.match(r"([\u4e00-\u9fff])([甲乙丙丁戊己庚辛壬癸]\d{0,2})(?![甲乙丙丁戊己庚辛壬癸\d])", run_text + " ")
    if ordinal and ordinal[1] in lex.SURNAMES:  # 唐甲, 张乙: surname and an ordinal
        return ordinal.group(0)
    candidates = [run_text[:n] for n in (3, 2, 4) if len(run_text) >= n and is_person_name(run_text[:n], lex)]
    bounded = [c for c in candidates if _ends_name(text, pos + len(c), lex)]
    confirmed = [c for c in candidates if _bounded_elsewhere(text, c, pos, lex)]
    for c in candidates:  # the text's other mentions of a name decide (陶婧雇佣… but later 陶婧的…)
        if c in confirmed and c in bounded:
            return c
    if confirmed:
        return confirmed[0]
    return next((c for c in bounded if len(c) < 4 or c[:2] in lex.COMPOUND_SURNAMES), None)


def _ends_name(text: str, end: int, lex: ModuleType) -> bool:
    """What follows a name: the end, punctuation, a digit or a function word (a verb or particle)."""
    following = text[end:end + 1]
    return not following or not ("\u4e00" <= following <= "\u9fff") or following in lex.NAME_STOP


def _bounded_elsewhere(text: str, name: str, pos: int, lex: ModuleType) -> bool:
    """``name`` occurs elsewhere in the text with a name's boundaries on both sides."""
    at = text.find(name)
    while at >= 0:
        if at != pos and _ends_name(text, at + len(name), lex) and (
                at == 0 or not "\u4e00" <= text[at - 1] <= "\u9fff" or text[at - 1] in lex.NAME_STOP
                or text[max(0, at - 3):at].endswith(("被告人", "上诉人", "被害人"))):
            return True
        at = text.find(name, at + 1)
    return False


def classify(name: str, role: str, codes: list[str], id_number: str | None, sex: str | None,
             lex: ModuleType) -> str:
    """person, firm or organ (a procuratorate, a government body)."""
    if role == "prosecutor" or lex.STATE_ORGAN.search(name) and not codes:
        return "organ"
    if role == "accused-unit" or codes:
        return "firm"
    if sex or id_number:
        return "person"
    if re.search(r"公司|银行|分行|支行|合作社|事务所|集团|中心|厂|委员会|协会|商行|经营部|营业部|信用社", name) \
            or getattr(lex, "FIRM_WORDS", None) is not None and lex.FIRM_WORDS.search(name):
        return "firm"
    if len(name) >= 5 and lex.ORG_SUFFIX.search(name):
        return "firm"
    return "person"


def _lookup(table: dict[str, str], word: str) -> str | None:
    """A role word's canonical value (English role words in any case)."""
    return table.get(word) or table.get(re.sub(r"\s+", " ", word.lower()))


def _roles(role_word: str, paren: str | None, lex: ModuleType) -> list[str]:
    roles = [_lookup(lex.PARTY_ROLES, role_word) or "party"]
    if paren:
        for m in lex.ROLE_IN_PAREN.finditer(paren):
            canonical = _lookup(lex.PARTY_ROLES, m.group(0))
            if canonical and canonical not in roles:
                roles.append(canonical)
    return roles


def parse_block(text: str, start: int, end: int, lex: ModuleType,
                problems: list[tuple[int, int, str]]) -> list[Party]:
    """Parties (with representatives and agents) of the party block ``text[start:end]``."""
    entries = [m for m in lex.ENTRY.finditer(text, start, end) if not _in_bracket(text, m.start())]
    if not entries or entries[0].start() > start + 2:
        first = lex.ENTRY_AT.match(text, start)
        if first is not None and (not entries or first.start() < entries[0].start()):
            entries.insert(0, first)
    name_end, sex_re = getattr(lex, "NAME_END", _NAME_END), getattr(lex, "SEX", _SEX)
    uscc_re, id_re, alias_re = getattr(lex, "USCC", _USCC), getattr(lex, "ID_NUMBER", _ID), getattr(lex, "ALIAS", _ALIAS)
    parties: list[Party] = []
    for m, nxt in zip(entries, [*entries[1:], None]):
        entry_end = nxt.start() if nxt is not None else end
        role_word, body_start = m.group("role"), m.end()
        body = text[body_start:entry_end]
        cut = name_end.search(body)
        raw = body[:cut.start()] if cut else body
        detail = _detail_paren(raw, lex)
        if detail is not None:  # X公司（统一社会信用代码：…）: the bracket is a detail, not the name
            raw = raw[:detail]
        name = clean_name(raw)
        if not name or len(name) > 100:
            problems.append((m.start(), entry_end, f"party entry {text[m.start():min(entry_end, m.start() + 30)]!r} "
                                                   f"has no readable name; skipped"))
            continue
        kind = _lookup(lex.REPRESENTATIVES, role_word)
        if kind is not None:
            title = re.split(r"[，,。;；]", body[cut.end():])[0].strip() if cut else ""
            owner = _owner(parties, kind)
            if owner is None:
                problems.append((m.start(), entry_end, f"{role_word} {name} comes before any party; not attached"))
                continue
            for one in (n for n in (clean_name(x) for x in _LIST_SPLIT.split(name)) if n):
                agent = Agent(one, kind, m.start(), entry_end, title[:30])
                if kind == "legal-representative" and owner.legal_rep is None:
                    owner.legal_rep = agent
                else:
                    owner.agents.append(agent)
            continue
        roles = _roles(role_word, m.group("paren"), lex)
        codes = [c["code"].upper() for c in (*uscc_re.finditer(body), *_ORGCODE.finditer(body), *_REGNO.finditer(body))]
        ident = id_re.search(body)
        sex = sex_re.match(body[cut.start():] if cut else "")
        if roles[0] == "prosecutor" and not lex.ORG_SUFFIX.search(name):  # 公诉机关指控…: a verb, not a name
            continue
        kind = classify(name, roles[0], codes, ident["id"] if ident else None, sex["sex"] if sex else None, lex)
        if roles[0] == "accused" and not codes:  # 被告人 is a natural person (a unit is 被告单位)
            kind = "person"
        if kind == "person" and len(name) > 4 and not is_person_name(name, lex, strict=False):
            bounded = name_at(text, body_start, lex, [])  # 被告人黄某在接受询问后…: a sentence, not an entry
            if bounded is None:
                problems.append((m.start(), entry_end, f"party entry {text[m.start():min(entry_end, m.start() + 30)]!r} "
                                                       f"has no readable name; skipped"))
                continue
            name, source = bounded, "sentence"
            if any(p.name == name and p.roles == roles for p in parties):  # the same accused, another sentence
                continue
        else:
            source = "block"
        if sex is None and detail is not None:
            sex = sex_re.match(body[detail + 1:])
        parties.append(Party(
            name=name, roles=roles, published_role=role_word + (m.group("paren") or ""), start=m.start(),
            end=entry_end, kind=kind, codes=codes, id_number=ident["id"].upper() if ident else None,
            sex=_SEXES.get(sex["sex"].lower(), sex["sex"]) if sex else None, source=source,
            aliases=[a["alias"] for a in alias_re.finditer(body[:160])]))
        rep = _paren_legal_rep(body, detail, lex)
        if rep is not None and parties[-1].kind == "firm":
            parties[-1].legal_rep = Agent(rep[0], "legal-representative", body_start + rep[1], body_start + rep[2])
    return parties


def _in_bracket(text: str, pos: int) -> bool:
    """``pos`` is inside a bracket opened earlier on its line (X公司（…；法定代表人：张三）: a detail)."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


def _detail_paren(raw: str, lex: ModuleType) -> int | None:
    """Where a bracket of details (codes, address, legal representative) opens after a name."""
    pattern = getattr(lex, "DETAIL_PAREN", None)
    m = pattern.search(raw) if pattern is not None else None
    return m.start() if m is not None and m.start() >= 2 else None


def _paren_legal_rep(body: str, detail: int | None, lex: ModuleType) -> tuple[str, int, int] | None:
    """The legal representative named inside the bracket of details (``（法定代表人：张三）``)."""
    if detail is None:
        return None
    close = min([i for i in (body.find(c, detail) for c in "）)") if i >= 0] or [len(body)])
    m = lex.PAREN_LEGAL_REP.search(body, detail, close + 1)
    return (m["name"], m.start("name"), m.end("name")) if m else None


def _owner(parties: list[Party], kind: str) -> Party | None:
    """The party a representative entry belongs to: the last one (a legal representative: the last firm)."""
    if not parties:
        return None
    if kind == "legal-representative":
        return next((p for p in reversed(parties) if p.kind != "person"), parties[-1])
    return parties[-1]


def _names(chunk: str, lex: ModuleType, unit: bool = False) -> list[str]:
    """Names in a list ``A、B及C`` where every item must be a name (else nothing is returned)."""
    chunk = _ROLE_PREFIX.sub("", chunk.strip())
    items = [clean_name(x) for x in _LIST_SPLIT.split(_detail_brackets(lex).sub("", chunk))]
    items = [_ROLE_PREFIX.sub("", x) for x in items if x]
    ok = all(is_person_name(x, lex, strict=False) or (unit and lex.ORG_SUFFIX.search(x) and len(x) >= 4)
             for x in items)
    return items if items and ok else []


@lru_cache(maxsize=4)
def _detail_brackets(lex: ModuleType) -> re.Pattern[str]:
    """A whole bracket of details (codes, address …) after a name, to be dropped from a list of names."""
    pattern = getattr(lex, "DETAIL_PAREN", None)
    return re.compile(pattern.pattern + r"[^（）()]*[）)]") if pattern is not None else re.compile(r"(?!)")


def _bracket_codes(chunk: str, name: str) -> list[str]:
    """Firm codes in the bracket right after ``name`` in ``chunk`` (被告单位X（统一社会信用代码：…））."""
    at = chunk.find(name)
    m = re.match(r"[（(][^（）()]*[）)]", chunk[at + len(name):]) if at >= 0 else None
    if m is None:
        return []
    return [c["code"].upper() for c in (*_USCC.finditer(m.group(0)), *_ORGCODE.finditer(m.group(0)))]


def parse_procedure(text: str, start: int, end: int, lex: ModuleType, existing: list[Party]) -> list[Party]:
    """Prosecutor, accused, appellants and incidental plaintiffs named in ``text[start:end]``."""
    found: list[Party] = []
    have = {(n, r) for p in existing for n in (p.name, *p.aliases) for r in p.roles}  # 以下简称汇金公司

    def add(name: str, role: str, s: int, e: int, kind: str = "person", published: str = "") -> None:
        if (name, role) in have:
            return
        have.add((name, role))
        same = next((p for p in found if p.name == name and p.kind == kind), None)
        if same is not None:
            same.roles.append(role)
            return
        found.append(Party(name, [role], published or role, s, e, kind=kind, source="procedure"))

    if not any(p.has("prosecutor") for p in existing):
        m = _PROSECUTOR.search(text, start, end)
        if m:
            add(m["org"], "prosecutor", m.start("org"), m.end("org"), "organ", "公诉机关")
    for m in _ACCUSED_LIST.finditer(text, start, end):
        units = bool(m["role"] and m["role"].endswith("单位")) or "被告单位" in m["names"]
        for name in _names(m["names"], lex, units):
            unit = units and bool(lex.ORG_SUFFIX.search(name)) and len(name) >= 4 and not is_person_name(name, lex)
            add(name, "accused-unit" if unit else "accused", m.start("names"), m.end("names"),
                "firm" if unit else "person", "被告单位" if unit else "被告人")
            codes = _bracket_codes(m["names"], name) if unit else []
            party = next((p for p in found if p.name == name and p.kind == "firm"), None)
            if codes and party is not None and not party.codes:
                party.codes = codes
    for m in _INCIDENTAL.finditer(text, start, end):
        incidental = name_at(text, m.end(), lex, [])
        if incidental:
            add(incidental, "incidental-plaintiff", m.end(), m.end() + len(incidental), published="附带民事诉讼原告人")
    for m in _APPEAL.finditer(text, start, end):
        for name, s, e in _appellants(text, m.start(), start, lex):
            kind = next((p.kind for p in [*existing, *found] if p.name == name), "person")
            add(name, "appellant", s, e, kind, "上诉人")
    return found


def _appellants(text: str, pos: int, floor: int, lex: ModuleType) -> list[tuple[str, int, int]]:
    """Names in the comma-separated chunks just before 不服, as long as each chunk is only names."""
    out: list[tuple[str, int, int]] = []
    right = pos
    while right > floor:
        left = max(text.rfind(c, floor, right) for c in "，,。；;：:\n") + 1
        chunk = re.sub(r"对[^，,。]{0,8}(?:判决|裁定)$", "", text[left:right])
        names = _names(chunk, lex, unit=True)
        if not names:
            break
        out.extend((n, left, right) for n in names)
        if left - 1 < floor or text[left - 1] not in "，,":
            break
        right = left - 1
    return out


def parse_text_accused(text: str, lex: ModuleType, known: list[str]) -> list[Party]:
    """Last resort: persons called 被告人 (or 上诉人 in a criminal text) anywhere, and the names
    listed after them (被告人A、B、C在…): only names with a clear boundary, a name being followed
    by punctuation, a verb or a particle (江某某到案后 → 江某某, 赵某的尿液 → 赵某)."""
    found: dict[str, Party] = {}
    for m in _ACCUSED_TEXT.finditer(text):
        pos = m.end()
        while True:
            name = name_at(text, pos, lex, known)
            if not name:
                break
            if name not in found:
                found[name] = Party(name, ["accused"], m.group(0), pos, pos + len(name), source="text")
            sep = _NAME_LIST_SEP.match(text, pos + len(name))
            if sep is None:
                break
            pos = sep.end()
            role = _ACCUSED_TEXT.match(text, pos)
            pos = role.end() if role else pos
    for m in _APPEAL_SAID.finditer(text):  # 唐成上诉称…: who appeals in a criminal case is an accused
        start = max(text.rfind(c, 0, m.start()) for c in "。；;，,：:\n") + 1
        name = text[start:m.start()]
        if name not in found and is_person_name(name, lex):
            found[name] = Party(name, ["accused"], "上诉人", start, m.start(), source="text")
    _co_accused(text, lex, found)
    return list(found.values())


_APPEAL_SAID = re.compile(r"(?:上诉|申诉)(?:称|提出|理由是|的理由)")
_NAME_LIST = re.compile(r"(?:[\u4e00-\u9fff\d]{2,8}、){2,}[\u4e00-\u9fff\d]{2,8}")
_SEPARATELY = re.compile(r"^[（(](?:另案|已判|均已判|已被判|在逃|已死亡)")


def _co_accused(text: str, lex: ModuleType, found: dict[str, Party]) -> None:
    """A list of names (A、B、C…) in which at least two are accused names the co-accused: the other
    members are accused too, unless a bracket says they are tried separately (另案处理)."""
    for m in _NAME_LIST.finditer(text):
        raw = m.group(0).split("、")
        first = next((raw[0][-n:] for n in (3, 2, 4) if len(raw[0]) >= n and (
            raw[0][-n:] in found or is_person_name(raw[0][-n:], lex))), raw[0])  # 雇佣崔小胖 → 崔小胖
        last = name_at(text, m.end() - len(raw[-1]), lex, list(found)) or raw[-1]  # 杨某甲等人 → 杨某甲
        items = [first, *raw[1:-1], last]
        if sum(i in found for i in items) < 2:
            continue
        pos = m.start()
        for item in items:
            at = text.find(item, pos)
            pos = at + len(item)
            tried = _SEPARATELY.match(text[pos:pos + 8])
            if item not in found and is_person_name(item, lex) and not tried:
                found[item] = Party(item, ["accused"], "被告人", at, pos, source="text")
