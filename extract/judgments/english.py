"""The words of English translations of Chinese judgments (the same names as ``lexicon.py``).

Translations (court websites' English versions, law-firm and academic translations)
keep the structure of the original: a header naming the court, the document type
("Civil Judgment") and the case number — often left in Chinese, else romanised
("(2021) Zhe 01 Min Chu No. 123") — a party block ("Plaintiff: …", "Legal
Representative: …"), "found upon trial", "This Court holds", "judges as follows",
the costs and the signature. The romanised case number is parsed into the same
parts as the Chinese one by mapping the pinyin back to its characters.
"""

from __future__ import annotations

import re

from .casenumber import CaseNumber
from .casenumber import find_case_numbers as find_chinese_case_numbers

DOC_TYPES: dict[str, tuple[str | None, str]] = {
    "criminal incidental civil judgment": ("criminal", "judgment"), "civil judgment": ("civil", "judgment"),
    "civil ruling": ("civil", "ruling"), "civil order": ("civil", "ruling"),
    "civil mediation statement": ("civil", "mediation"), "civil mediation": ("civil", "mediation"),
    "civil decision": ("civil", "decision"), "criminal judgment": ("criminal", "judgment"),
    "criminal ruling": ("criminal", "ruling"), "administrative judgment": ("administrative", "judgment"),
    "administrative ruling": ("administrative", "ruling"), "enforcement ruling": ("enforcement", "ruling"),
    "execution ruling": ("enforcement", "ruling"), "enforcement decision": ("enforcement", "decision"),
    "decision": (None, "decision"), "judgment": (None, "judgment"), "ruling": (None, "ruling"),
}
DOC_TYPE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(k) for k in DOC_TYPES), key=len, reverse=True))
                      + r")\b", re.I)


def doc_type_key(published: str) -> str:
    return re.sub(r"\s+", " ", published.strip().lower())


COURT = re.compile(
    r"(?:^|(?<=[\n.:;]))\s*(?P<court>(?:The\s+)?(?:Supreme People's Court|"
    r"(?:[A-Z][\w'-]*\s+){1,8}?(?:(?:High|Intermediate|Basic|Maritime|Internet|Financial|Railway Transport)\s+)?"
    r"(?:People's\s+)?Court(?:\s+of\s+(?:[A-Z][\w'-]*[ \t]?){1,6}?(?=[ \t]*(?:\n|Civil|Criminal|Administrative|Enforcement|Execution|$)))?))")  # noqa: E501

PARTY_ROLES: dict[str, str] = {
    "incidental civil plaintiff": "incidental-plaintiff", "defendant unit": "accused-unit",
    "public prosecution organ": "prosecutor", "public prosecutor": "prosecutor", "prosecuting organ": "prosecutor",
    "applicant for retrial": "retrial-applicant", "applicant for enforcement": "enforcement-applicant",
    "applicant for execution": "enforcement-applicant", "person subject to enforcement": "enforcement-debtor",
    "person subject to execution": "enforcement-debtor", "party subject to enforcement": "enforcement-debtor",
    "appellee": "appellee", "appellant": "appellant", "respondent": "respondent", "applicant": "applicant",
    "third party": "third-party", "plaintiff": "plaintiff", "accused": "accused",
    "defendant in the original trial": "defendant", "defendant": "defendant",
}
REPRESENTATIVES: dict[str, str] = {
    "legal representative": "legal-representative", "person in charge": "legal-representative",
    "authorized agent ad litem": "agent", "authorised agent ad litem": "agent", "entrusted agent ad litem": "agent",
    "agent ad litem": "agent", "authorized agent": "agent", "defender": "defender", "defense counsel": "defender",
    "defence counsel": "defender", "statutory agent": "guardian",
}
_ROLE_WORDS = sorted([*PARTY_ROLES, *REPRESENTATIVES], key=len, reverse=True)
ENTRY = re.compile(
    r"(?:^|(?<=[\n.;]))[ \t]*(?P<role>" + "|".join(re.escape(w) for w in _ROLE_WORDS) + r")"
    r"(?P<paren>\s*\((?:[^()\n]{1,60})\))?\s*:\s*", re.I)
ENTRY_AT = re.compile(ENTRY.pattern.replace(r"(?:^|(?<=[\n.;]))", "", 1), re.I)
ENTRY_DETAIL = re.compile(r",\s*(?:male|female)\b|domicile|domiciled|unified social credit code|ID (?:card )?(?:No|number)"
                          r"|born on|residing|lawyer|position", re.I)
ROLE_IN_PAREN = re.compile("|".join(re.escape(w) for w in sorted(PARTY_ROLES, key=len, reverse=True)), re.I)
FIRM_WORDS = re.compile(r"\b(?:Co\.|Company|Ltd|Limited|Corporation|Bank|Branch|Sub-branch|Group|LLC|Inc|"
                        r"Partnership|Cooperative|Factory)\b", re.I)
NAME_END = re.compile(r",(?!\s*(?:Ltd|Limited|Inc|LLC|Co\b))(?!\s*[A-Z][\w ]{0,40}?(?:Sub-branch|Branch)\b)|;|\.(?=\s|$)(?<!Co\.)(?<!Ltd\.)(?<!Inc\.)|\n|"  # noqa: E501
                      r"\((?:hereinafter|referred to)[^)]*\)", re.I)
SEX = re.compile(r"^[,\s]*(?P<sex>male|female)\b", re.I)
USCC = re.compile(r"(?:unified social credit code|USCC)\s*(?:No\.?|number)?\s*[:：]?\s*(?P<code>[0-9A-Z]{18})", re.I)
ID_NUMBER = re.compile(r"ID (?:card )?(?:No\.?|number)\s*[:：]?\s*(?P<id>[0-9Xx*]{15,19})", re.I)
ALIAS = re.compile(r"\((?:hereinafter|hereinafter referred to as|referred to as)\s*[\"“]?(?P<alias>[^\"”)]{1,40})[\"”]?\)", re.I)

PROCEDURE = re.compile(r"\bthe case of\b|\bin the case\b|\bfiled (?:a|an|the)\b|\bfiled with this court\b|"
                       r"\bthis court (?:accepted|docketed|filed)\b|\bbrought (?:a|an|the) (?:lawsuit|public prosecution)\b|"
                       r"\bclaims?\b.*\bthat\b|\bdissatisfied with\b|\bapplied for enforcement\b", re.I)
FACTS = re.compile(r"(?:it is|it was|this court)\s+(?:hereby\s+)?(?:found|ascertained)|found upon trial|"
                   r"ascertained upon trial|upon trial, this court found", re.I)
REASONING = re.compile(r"this court (?:holds|believes|is of the opinion|finds that|considers)", re.I)
HOLDING = re.compile(r"(?:judges|judged|rules|ruled|decides|decided|orders|ordered)\s+as follows|the judgment is as follows|"
                     r"the ruling is as follows", re.I)
HOLDING_WITHOUT_REASONING = re.compile(r"reached the following (?:mediation )?agreement|agreed as follows", re.I)
COSTS = re.compile(r"(?:case )?acceptance fee|litigation costs?|court fees?|case handling fee|enforcement fee|"
                   r"preservation fee", re.I)
SIGNATURE = re.compile(r"(?:^|(?<=[\n.\s]))(?:Presiding Judge|Chief Judge|Judge|Acting Judge|People's Juror|"
                       r"People's Assessor|Enforcement Officer|Clerk)\b", re.I)
JOINT = re.compile(r"jointly and severally liable|joint and several liability", re.I)
CAUSE = re.compile(r"(?P<cause>[A-Za-z ,'-]{4,80}?disputes?)\b", re.I)
_CAUSE_LEAD = re.compile(r".*\b(?:case of|cases of|dispute over|arising from|over|of)\s+(?:an?\s+|the\s+)?", re.I | re.S)
PAY_VERBS = re.compile(r"shall (?:pay|repay|return|compensate|refund)|to pay|to repay", re.I)
COSTS_BY = re.compile(r"borne by|paid by|payable by", re.I)
PARTY_REF_ROLES = {"the plaintiff": "plaintiff", "the defendant": "defendant", "the appellant": "appellant",
                   "the appellee": "appellee", "the applicant": "applicant", "the respondent": "respondent",
                   "the third party": "third-party"}


def cause(text: str, start: int, end: int):
    """The cause of action: '... in the case of a financial loan contract dispute ...' → 'financial loan
    contract dispute' (lower case, as FINANCING_CAUSES lists them)."""
    from .model import Span

    for m in CAUSE.finditer(text, start, end):
        phrase = m["cause"]
        lead = _CAUSE_LEAD.match(phrase)
        cut = lead.end() if lead else len(phrase) - len(phrase.lstrip())
        core = phrase[cut:].strip()
        if len(core.split()) >= 2:
            s = m.start("cause") + phrase.find(core, cut)
            return Span(core.lower(), s, s + len(core))
    return None
CHARGE = re.compile(r"(?:crime|offen[cs]e) of (?P<x>[a-z ,'-]{3,80}?)(?=[,.;)]|\s+(?:and|was|is|to|against|for|in)\b)",
                    re.I)
FINANCING_CAUSES = ("financial loan contract dispute", "loan contract dispute", "private lending dispute",
                    "private loan dispute", "financial leasing contract dispute", "credit card dispute",
                    "guarantee contract dispute", "factoring contract dispute")
FINANCING_CHARGES = ("illegally absorbing public deposits", "fund-raising fraud", "loan fraud",
                     "fraudulently obtaining loans", "illegally granting loans", "credit card fraud")
LOAN_CAUSE = re.compile(r"loan|lending|borrow|credit card|financial leasing|factoring", re.I)
FINANCIAL_INSTITUTION = re.compile(r"\bBank\b|Credit Cooperative|Microcredit|Micro-credit|Small Loan|Financial Leasing|"
                                   r"Trust Co|Consumer Finance|Asset Management", re.I)
LOAN_CLAIM = re.compile(r"(?:repay|return)[^.;\n]{0,40}(?:loan|principal|borrowing)", re.I)
FRIVOLOUS = re.compile(r"false litigation|malicious litigation|frivolous litigation|fabricat\w+ facts", re.I)
OUTCOMES = tuple((re.compile(p, re.I), o) for p, o in (
    (r"terminat\w*\s+(?:the\s+)?(?:current|present|this round of)\s+(?:enforcement|execution)", "enforcement terminated: no assets"),
    (r"(?:enforcement|execution) (?:has been )?completed|fully performed", "enforcement completed"),
    (r"terminat\w*\s+(?:the\s+)?(?:enforcement|execution)", "enforcement terminated"),
    (r"appeal is dismissed|dismiss(?:es|ed)? the appeal", "appeal dismissed"),
    (r"remand", "remanded"),
    (r"(?:is|are) not guilty|acquit", "acquitted"),
    (r"guilty of|(?:crime|offen[cs]e) of [^.;]{2,80}?(?:and is|and was)? sentenced", "convicted"),
    (r"\bfined?\b", "sanctioned"),
    (r"dismiss(?:es|ed)? (?:all )?(?:the )?(?:plaintiff's |applicant's )?(?:claims?|lawsuit|application)", "dismissed"),
    (r"withdraw", "withdrawn"),
    (r"mediation agreement|agreed as follows", "mediated"),
    (r"shall (?:pay|repay|return|compensate)", "claims granted"),
))
GUARANTOR = re.compile(r"(?P<names>[A-Z][\w&.' -]{1,60}?),?\s+as (?:the )?(?:guarantor|surety)s?\b|"
                       r"(?P<names2>[A-Z][\w&.' -]{1,60}?)\s+(?:provided|provides) (?:a )?(?:joint and several )?"
                       r"(?:liability )?guarantee|(?P<names3>(?!x)x)|(?P<names4>(?!x)x)|(?P<names5>(?!x)x)")
ORG_SUFFIX = re.compile(r"(?:Co\.?,?\s*Ltd\.?|Company|Corporation|Bank|Branch|Sub-branch|Group|LLC|Inc\.?|Limited|"
                        r"Partnership|Cooperative|Factory|Firm|Procuratorate|Bureau|Office|Committee|Center|Centre)\s*$",
                        re.I)
STATE_ORGAN = re.compile(r"Procuratorate|People's Government|Bureau|Court|Administration", re.I)
SURNAMES: set[str] = set()
COMPOUND_SURNAMES: tuple[str, ...] = ()
ANONYMISED_TAIL = re.compile(r"^$")
NAME_STOP: set[str] = set()
CHARGE_CUE = re.compile(r"(?!x)x")

# -- romanised case numbers -------------------------------------------------------------------
_PROVINCE_PINYIN = {
    "jing": "京", "jin": "津", "ji": "冀", "jin2": "晋", "meng": "蒙", "liao": "辽", "ji2": "吉", "hei": "黑",
    "hu": "沪", "su": "苏", "zhe": "浙", "wan": "皖", "min": "闽", "gan": "赣", "lu": "鲁", "yu": "豫", "e": "鄂",
    "xiang": "湘", "yue": "粤", "gui": "桂", "qiong": "琼", "yu2": "渝", "chuan": "川", "qian": "黔", "yun": "云",
    "zang": "藏", "shan": "陕", "gan2": "甘", "qing": "青", "ning": "宁", "xin": "新", "bing": "兵",
}
_TYPE_PINYIN = {"min chu": "民初", "min zhong": "民终", "min shen": "民申", "min zai": "民再", "xing chu": "刑初",
                "xing zhong": "刑终", "xing chu zi": "刑初", "xing zhong zi": "刑终", "xing shen": "刑申",
                "xing zai": "刑再", "zhi": "执", "zhi hui": "执恢", "zhi yi": "执异", "zhi fu": "执复",
                "zhi bao": "执保", "po": "破", "min chu zi": "民初", "min zhong zi": "民终"}
_ROMAN = re.compile(
    r"\(\s*(?P<year>(?:19|20)\d{2})\s*\)\s*(?P<prov>[A-Z][a-z]{0,5})\s*(?P<digits>\d{2}(?:\s?\d{2})?)?\s*"
    r"(?P<type>(?:Min|Xing|Zhi|Po)(?:\s+(?:Chu|Zhong|Shen|Zai|Hui|Yi|Fu|Bao))?(?:\s+Zi)?)\s*"
    r"(?:No\.?|Di)\s*(?P<seq>\d{1,6})", re.I)


def find_case_numbers(text: str) -> list[CaseNumber]:
    """Chinese case numbers left in the translation, then romanised ones."""
    found = find_chinese_case_numbers(text)
    for m in _ROMAN.finditer(text):
        if any(c.start <= m.start() < c.end for c in found):
            continue
        prov = m["prov"].lower()
        province = _PROVINCE_PINYIN.get(prov)
        type_code = _TYPE_PINYIN.get(re.sub(r"\s+", " ", m["type"].lower()))
        if not province or not type_code:
            continue
        digits = (m["digits"] or "").replace(" ", "")
        found.append(CaseNumber(text=m.group(0), start=m.start(), end=m.end(), year=int(m["year"]),
                                court_code=province + digits, type_code=type_code, sequence=int(m["seq"]),
                                form="post-2016" if "zi" not in m["type"].lower() else "pre-2016",
                                brackets="half"))
    return sorted(found, key=lambda c: c.start)


def charges(text: str):
    """"crime of X" phrases, as spans (charges keep their English wording)."""
    from .model import Span

    out: dict[str, Span] = {}
    for m in CHARGE.finditer(text):
        x = m["x"].strip().lower()
        if x and x not in out:
            out[x] = Span(x, m.start("x"), m.start("x") + len(m["x"].strip()))
    return list(out.values())
