"""Comparable forms of firm names, for matching records to firms.

Published names differ in width (（集团） / (集团)), script (Traditional /
Simplified), spacing and the legal-form suffix (有限公司 / 有限责任公司 /
股份有限公司). The *core* of a name drops the suffix: two firms whose names differ
only there are candidates, not matches, because a change of legal form keeps the
name while a different firm may share the core.
"""

from __future__ import annotations

import re

import zhconv

from .identifiers import normalize_name

LEGAL_FORMS = ("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "合伙企业", "公司",
               "co., ltd.", "co.,ltd.", "company limited", "co. ltd.", "limited", "ltd.", "ltd", "inc.")
_BRACKETS = re.compile(r"[()（）\[\]【】]")


def simplified(text: str) -> str:
    return zhconv.convert(text, "zh-cn")


def name_key(name: str) -> str:
    """The full name, normalised: half-width, Simplified, brackets dropped, lower case."""
    return _BRACKETS.sub("", simplified(normalize_name(name))).lower().replace(" ", "")


def core_name(name: str) -> str:
    """The name without its legal-form suffix (and without a trailing 集团)."""
    key = name_key(name)
    for form in LEGAL_FORMS:
        compact = form.replace(" ", "")
        if key.endswith(compact) and len(key) > len(compact) + 1:
            key = key[: -len(compact)]
            break
    return key.removesuffix("集团") if len(key) > 4 else key
