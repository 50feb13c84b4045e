"""The newer forms of a report's facts, drawn from a stream of their own (the report's
layout_seed) so that adding them leaves the main draw of every report as it was: a report
either keeps its old form or takes one of these.

Controller sections as real reports print them: one sentence for both the controlling
shareholder and the controller (控股股东、实际控制人均为…), the bank's own wording (本行无控股
股东、无实际控制人), "unchanged in the year" followed by a key-value table, a family of
natural persons (张三、李四夫妇), a state controller on the line after the group or in the
caption of the ownership diagram, colon forms, and the terse "no controller" statements.
Officer names with the middle dot (少数民族 and foreign directors).
"""
from __future__ import annotations

import random
from typing import TYPE_CHECKING

from bench.blind import names

if TYPE_CHECKING:
    from bench.blind.report_model import Officer

NONE_FORMS = ("none_short", "none_kv")
PERSON_FORMS = ("combined", "family", "colon", "unchanged_kv")
STATE_FORMS = ("combined_state", "colon", "unchanged_kv", "state_line", "diagram")
STATE_HOLDS_DIRECTLY = ("combined_state", "bank_combined")
NEW_FORMS = NONE_FORMS + ("none_bank",) + PERSON_FORMS + STATE_FORMS + ("bank_combined",)
FAMILY_WORDS = ("夫妇", "父子", "母子", "兄弟")


def control_form(rng: random.Random, kind: str, nature: str, form: str, controllers: list[str], via: str | None,
                 officers: list[Officer]) -> tuple[str, list[str], str | None]:
    """(form, every controller, the holder through which they control), the old form kept
    about half the time."""
    if rng.random() < 0.45:
        return form, controllers, via
    if nature == "NoController":
        return rng.choice(NONE_FORMS + (("none_bank", "none_bank") if kind == "bank" else ())), [], None
    if nature == "NaturalPersonController":
        new = rng.choice(PERSON_FORMS)
        if new == "family":
            taken = {o.name for o in officers}
            second = names.person(rng)
            while second in taken:
                second = names.person(rng)
            return new, controllers + [second], via
        return new, controllers, via
    new = rng.choice(STATE_FORMS if kind != "bank" else ("bank_combined",) + STATE_FORMS[1:])
    if new in STATE_HOLDS_DIRECTLY:
        return new, controllers, controllers[0]
    return new, controllers, via


def dotted_names(rng: random.Random, officers: list[Officer]) -> None:
    """Now and then one or two officers (never the chairman, whose name the controller draw
    reads) carry a name with the middle dot."""
    if rng.random() >= 0.35 or len(officers) < 4:
        return
    taken = {o.name for o in officers}
    for off in rng.sample(officers[1:], rng.randint(1, 2)):
        name = names.dotted_person(rng)
        while name in taken:
            name = names.dotted_person(rng)
        taken.add(name)
        off.name = name
