"""Exchange data as JSON: cninfo's company executives and company profile.

The API answers with opaque field codes (``F002V`` name, ``F009V`` posts joined by
commas, ``F010V`` sex, ``F012V`` birth year; the profile's ``ORGNAME``, ``ASECCODE``,
``F003V`` legal representative). The executives answer names its firm only by the
stock code in ``params``; the profile answer saved beside it
(``company_introduction.json``, or ``<stem>introduction.json`` for
``<stem>executives.json``) is read with it as a companion for the firm's name. Every
field the extractor does not read is reported once, like the list extractors' audit.
"""

from __future__ import annotations

import re
from pathlib import Path

from cscs.ontology.namespaces import CSCS

from ..context import ExtractionContext
from ..identifiers import halfwidth
from ..readers import ReaderError
from ..readers._text import decode_text
from ..readers.json import load_json
from ..source import Source
from . import facts

_EXECUTIVES = "/companyOverview/getCompanyExecutives"
_PROFILE = "/companyOverview/getCompanyIntroduction"
_EXECUTIVE_FIELDS = {"F002V", "F009V", "F010V", "F012V", "F017V", "F001V", "SEQID", "F005N", "F012N"}


def _load(path: Path) -> dict:
    text, _ = decode_text(path.read_bytes(), path)
    return load_json(text, path)


def _kind(document: object) -> str | None:
    if isinstance(document, dict):
        where = str(document.get("path", ""))
        if where.endswith(_EXECUTIVES):
            return "executives"
        if where.endswith(_PROFILE):
            return "profile"
    return None


def _companion(path: Path) -> Path | None:
    if "executives" not in path.name:
        return None
    candidate = path.with_name(path.name.replace("executives", "introduction"))
    return candidate if candidate.is_file() else None


class ExchangeData:
    name = "exchange"
    version = "1"
    kind = "disclosure"

    def companions(self, path: Path) -> list[Path]:
        found = _companion(path)
        return [found] if found else []

    def accepts(self, source: Source) -> float:
        if source.path.suffix.lower() != ".json":
            return 0.0
        try:
            return 0.95 if _kind(_load(source.path)) else 0.0
        except (ValueError, OSError, ReaderError):
            return 0.0

    def extract(self, ctx: ExtractionContext, source: Source) -> None:
        document = _load(source.path)
        kind = _kind(document)
        if kind is None:
            raise ctx.fail(ctx.anchor(), "not a cninfo company executives or profile answer")
        try:  # the answer's shape is the exchange's to change: a field of another type is an error in it
            code = str(document.get("params", {}).get("stockCodeRequest", {}).get("scode", "")) or None
            records = (document.get("data") or {}).get("records") or []
            if kind == "profile":
                self._profile(ctx, records, code)
            else:
                self._executives(ctx, source, records, code)
        except (AttributeError, TypeError, IndexError) as exc:
            raise ctx.fail(ctx.anchor(), f"not the shape of a cninfo {kind} answer ({type(exc).__name__}: {exc})") from exc

    def _profile(self, ctx: ExtractionContext, records: list, code: str | None) -> None:
        info = (records[0].get("basicInformation") or [{}])[0] if records else {}
        anchor = ctx.anchor(json_path="data.records[0].basicInformation", row=1)
        name = info.get("ORGNAME")
        code = info.get("ASECCODE") or code
        short = re.sub(r"\s+", "", halfwidth(info.get("ASECNAME") or "")) or None
        firm = facts.listed_firm(ctx, anchor, name, [], code, short)
        if rep := info.get("F003V"):
            ctx.role(ctx.person(rep, firm=firm), firm, "LegalRepresentative", anchor)
        ctx.counts.rows += 1

    def _executives(self, ctx: ExtractionContext, source: Source, records: list, code: str | None) -> None:
        name = None
        companion = _companion(source.path)
        if companion is not None:
            profile = _load(companion)
            if _kind(profile) == "profile":
                info = ((profile.get("data") or {}).get("records") or [{}])[0].get("basicInformation") or [{}]
                name = info[0].get("ORGNAME")
                code = info[0].get("ASECCODE") or code
        firm = facts.listed_firm(ctx, ctx.anchor(json_path="params"), name, [], code)
        unread: set[str] = set()
        for index, record in enumerate(records, start=1):
            anchor = ctx.anchor(json_path="data.records", row=index)
            ctx.counts.rows += 1
            person_name = (record.get("F002V") or "").strip()
            posts = [p.strip() for p in re.split(r"[,，、]", record.get("F009V") or "") if p.strip()]
            if not person_name or not posts:
                ctx.counts.skipped_rows += 1
                ctx.warn(anchor, "row skipped: no name or no post")
                continue
            person = ctx.person(person_name, firm=firm, sex=record.get("F010V"))
            born = str(record.get("F012V") or "")
            if born.isdigit() and len(born) == 4:
                ctx.add(person, CSCS.birthYear, int(born))
            facts.officer_roles(ctx, person, firm, posts, anchor, lambda post: (None, None), True)
            unread |= set(record) - _EXECUTIVE_FIELDS
        for field in sorted(unread):
            ctx.warn(ctx.anchor(json_path="data.records"), f"unknown field {field!r} is not read by the exchange extractor")
