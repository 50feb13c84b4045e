"""Key personnel (主要人员): who holds which post in which firm, and when.

No record is made: each post becomes an ORG membership with its role, through
which the rubric's key-personnel indicators reach the firm. Posts map to roles
in the TOML's ``[lookups.roles]``; one post may carry several roles (a chairman
is also a director), and an unknown post rejects the row rather than being guessed.
"""

from __future__ import annotations

import re

from ..context import ExtractionContext
from ..identifiers import halfwidth
from .base import ListExtractor, Row, RowError, enterprise

_SEPARATORS = re.compile(r"[、,/;]|兼|\s+and\s+|&", re.I)


class KeyPersonnelList(ListExtractor):
    name = "key_personnel"

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        person_name, post = row.pop("person"), row.pop("post")
        if not person_name:
            raise RowError("no person name")
        if not post:
            raise RowError("no post")
        start, end = row.date("start"), row.date("end")
        roles: dict[str, None] = {}
        for part in filter(None, (p.strip() for p in _SEPARATORS.split(halfwidth(post)))):
            found = self.lookup("roles", part)
            if not found:
                raise RowError(f"unknown post {part!r} (add it to key_personnel.toml)")
            roles.update(dict.fromkeys(found))
        firm, _ = enterprise(ctx, row, row.pop("firm"))
        person = ctx.person(person_name, row.pop("id_number") or None, firm=firm)
        for role in roles:
            ctx.role(person, firm, role, row.anchor, start=start, end=end)
