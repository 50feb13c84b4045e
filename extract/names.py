"""Comparable forms of firm names, for matching records to firms.

Published names differ in width (（集团） / (集团)), script (Traditional /
Simplified), spacing and the legal-form suffix (有限公司 / 有限责任公司 /
股份有限公司). The *core* of a name drops the suffix: two firms whose names differ
only there are candidates, not matches, because a change of legal form keeps the
name while a different firm may share the core.

English names (a firm's registered 英文名称, or a list that prints one) have their
own key: case, punctuation, spacing and the English legal forms (Co., Ltd. /
Company Limited / Limited) do not count. :func:`firm_key` picks the right key for
any name, so Chinese and English names never compare with each other.
"""

from __future__ import annotations

import re
import unicodedata

from .identifiers import halfwidth, normalize_name

LEGAL_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "合伙企业", "公司",
               "co., ltd.", "co.,ltd.", "company limited", "co. ltd.", "limited", "ltd.", "ltd", "inc.")
_BRACKETS = re.compile(r"[()（）\[\]【】]")


#: The longest plausible name of a firm, person or department (the longest registered
#: Chinese firm names run to some 60 characters, English ones to about 150).
MAX_NAME_LENGTH = 200
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ImplausibleName(ValueError):
    """A name no register holds: control characters, a character lost in decoding, an
    absurd length. The row (or document) that gives it is refused with a warning."""


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a real name, or None: NUL and other control characters,
    U+FFFD (a character lost when the file was decoded), text-direction overrides, or
    more than ``MAX_NAME_LENGTH`` characters."""
    if len(name) > MAX_NAME_LENGTH:
        return f"a name of {len(name):,} characters (at most {MAX_NAME_LENGTH})"
    if "\ufffd" in name:
        return "a name with U+FFFD, a character lost in decoding"
    for char in name:
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            return f"a name with the control character U+{ord(char):04X}"
    return None


def check_name(name: str) -> str:
    """``name`` if it is plausible (see :func:`name_problem`), else ImplausibleName."""
    if problem := name_problem(name):
        shown = name if len(name) <= 40 else name[:40] + "…"
        raise ImplausibleName(f"implausible name {shown!r}: {problem}")
    return name


def simplified(text: str) -> str:
    import zhconv  # its import reads package metadata (~0.1 s): paid only when names are compared

    return zhconv.convert(text, "zh-cn")


def name_key(name: str) -> str:
    """The full name, normalised: half-width, Simplified, brackets dropped, lower case."""
    return _BRACKETS.sub("", simplified(normalize_name(name))).lower().replace(" ", "")


def core_name(name: str) -> str:
    """The name without its legal-form suffix (and without a trailing 集团)."""
    return core_of_key(name_key(name))


def core_of_key(key: str) -> str:
    """``core_name`` of a name already in ``name_key`` form (no second normalisation)."""
    for form in LEGAL_FORMS:
        compact = form.replace(" ", "")
        if key.endswith(compact) and len(key) > len(compact) + 1:
            key = key[: -len(compact)]
            break
    return key.removesuffix("集团") if len(key) > 4 else key


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_WORDS = re.compile(r"[a-z0-9]+")
#: English legal-form words and their one spelling; "co ltd" and "ltd" are one form
#: (有限公司 is translated Co., Ltd., Company Limited or Limited).
_EN_WORDS = {"limited": "ltd", "company": "co", "corporation": "corp", "incorporated": "inc"}
_EN_FORMS = {"ltd", "co", "corp", "inc", "llc", "plc"}


def is_english(name: str) -> bool:
    """A name in Latin letters with no Chinese character in it."""
    return bool(_LATIN.search(name)) and not _CJK.search(name)


def english_key(name: str) -> str:
    """An English firm name, normalised: lower case, no punctuation or spaces, the
    legal form spelt one way (``Co., Ltd.`` = ``Company Limited`` = ``Limited``) and
    kept after one space, so that :func:`english_core_of_key` can drop it."""
    words = [_EN_WORDS.get(w, w) for w in _WORDS.findall(halfwidth(name).lower().replace("&", " and "))]
    forms: list[str] = []
    while len(words) > 1 and words[-1] in _EN_FORMS:
        forms.insert(0, words.pop())
    if forms == ["co", "ltd"]:
        forms = ["ltd"]
    return "".join(words) + (" " + "".join(forms) if forms else "")


def english_core_of_key(key: str) -> str:
    """An English key without its legal form."""
    return key.split(" ", 1)[0]


def english_core(name: str) -> str:
    """An English name without its trailing legal-form words."""
    return english_core_of_key(english_key(name))


def firm_key(name: str) -> str:
    """The comparable form of any firm name: :func:`english_key` for an English name,
    :func:`name_key` otherwise."""
    return english_key(name) if is_english(name) else name_key(name)
