"""Rosters of party-state bodies: NPC and CPPCC deputies, officials.

Each row is a member: a person of the roster (scoped to this document: a name on a
roster is nobody in particular until identity evidence links it to a firm's
officer, see ``cscs.analysis.rosters``) with an org:Membership in the body. The
body and the members' post come from a ``机构`` column, else from the roster's
title (the row above the header, or the file name), e.g. 浙江省第十四届人民代表大会
代表名单 → 浙江省人民代表大会, provincial, deputies. A roster of officials names the
body in each row's unit and post (杭州市人民政府 副市长). A row whose body cannot be
told is skipped with a warning; a document with no body at all is rejected.
"""

from __future__ import annotations

import re

from cscs.ontology.namespaces import CSCS

from ..context import ExtractionContext
from ..disclosures.bodies import Post, find_posts, unit_post
from ..disclosures.cells import person_name
from ..source import Source
from .base import ListExtractor, Row, RowError

_BIRTH = re.compile(r"(\d{4})")
_TITLE_POST = {"PeoplesCongress": "代表", "PoliticalConsultativeConference": "委员"}
_TAIL = re.compile(r"(?:名单|名册).*$")


class RosterList(ListExtractor):
    name = "roster"

    def __init__(self) -> None:
        self._titles: dict[str, Post | None] = {}

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        self._titles[ctx.doc_key] = self._title_post(source)
        try:
            super().extract(ctx, source)
        finally:
            self._titles.pop(ctx.doc_key, None)

    def _title_post(self, source: Source) -> Post | None:
        """The body the roster is of, from the rows above its header or its file name."""
        texts = []
        for table in source.tables:
            layout = self.layout(table)
            if layout is not None:
                texts += [" ".join(r.cells) for r in table.rows[:layout.header_index]]
                break
        texts.append(source.path.stem)
        for text in texts:
            compact = _TAIL.sub("", re.sub(r"\s+", "", text))
            candidates = [compact] + [compact + word for word in _TITLE_POST.values()]
            for candidate in candidates:
                found = [p for p in find_posts(candidate) if p.body.kind in _TITLE_POST]
                if found:
                    return found[0]
        return None

    def row(self, ctx: ExtractionContext, row: Row) -> None:
        name = person_name(row.pop("person"))
        if not name:
            raise RowError("no name")
        unit_and_post = row.pop("unit_post") or "".join(filter(None, (row.pop("unit"), row.pop("post"))))
        post = self._post(ctx, row, unit_and_post)
        person = ctx.person(name, sex=row.pop("sex") or None)
        if born := _BIRTH.search(row.pop("birth")):
            ctx.add(person, CSCS.birthYear, int(born[1]))
        if native := row.pop("native"):
            ctx.add(person, CSCS.nativePlace, native)
        for unused in ("ethnicity", "party", "delegation"):
            row.pop(unused)
        status = next(iter(self.lookup("status", row.pop("status"))), None)
        current = {"current": True, "former": False}.get(status or "", post.current)
        body = ctx.body(post.body.name, post.body.kind, post.body.level)
        if body is None:
            raise RowError("no body")
        ctx.body_membership(person, body, post.role, row.anchor, current=current, start=post.since,
                            end=post.until, text=post.text, work_unit=unit_and_post or None)

    def _post(self, ctx: ExtractionContext, row: Row, unit_and_post: str) -> Post:
        named = row.pop("body")
        role_word = row.pop("role")
        if named:
            found = find_posts(named + (role_word or "")) or find_posts(named + "代表") or find_posts(named + "委员")
            if not found:
                raise RowError(f"body {named!r} is not a people's congress, CPPCC, party committee or government")
            return _with_role(found[0], self, role_word)
        title = self._titles.get(ctx.doc_key)
        if title is not None:
            return _with_role(title, self, role_word)
        if unit_and_post and (own := unit_post(unit_and_post, "")):
            return own
        raise RowError("the roster names no body (no 机构 column, no title naming one) and the row's unit "
                       f"{unit_and_post!r} is no party-state post")


def _with_role(post: Post, extractor: RosterList, word: str) -> Post:
    roles = extractor.lookup("body_roles", word) if word else []
    if not roles:
        return post
    return Post(post.body, roles[0], post.start, post.end, post.text, post.current, post.since, post.until)

