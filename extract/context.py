"""The extraction context: what every extractor is handed.

Like zavod's ``Context``, it makes identifiers, emits facts into the
document's own named graph and records problems, so an extractor only has to
know its source. Nothing is written to a store here: the facts are collected
and handed to the graph layer, which writes the whole document in one
transaction or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import Literal, NamedNode, Quad

from cscs.ontology.namespaces import CSCS, FOAF, ID, ORG, PROV, RDF, ROV, SKOS, XSD, key_digest, safe

from .anchor import Anchor
from .dates import DateError, plausible
from .identifiers import Identifier, normalize_name, parse_firm_id, parse_person_id
from .names import check_name
from .ntriples import Triples, literal

Object = NamedNode | Literal

ROLES = {
    "LegalRepresentative", "Director", "IndependentDirector", "Supervisor",
    "ActualController", "SeniorManager", "Chairman", "GeneralManager",
}
#: Posts in party-state bodies (cscs:PartyStateRole), kept apart from the firm ROLES above.
BODY_ROLES = {
    "Deputy", "CommitteeMember", "StandingCommitteeMember", "BodyChair", "BodyViceChair",
    "PartySecretary", "DeputyPartySecretary", "PartyCommitteeMember", "GovernmentLeader", "Official",
}
#: Kinds of party-state body (cscs:BodyKinds) and administrative levels (cscs:AdministrativeLevels).
BODY_KINDS = {"PeoplesCongress", "PoliticalConsultativeConference", "PartyCommittee", "Government"}
LEVELS = {"national": "NationalLevel", "provincial": "ProvincialLevel", "municipal": "MunicipalLevel",
          "county": "CountyLevel"}


_SEXES = {"男": "male", "男性": "male", "M": "male", "女": "female", "女性": "female", "F": "female"}


class ExtractionError(Exception):
    """The document cannot be extracted; nothing of it is written."""

    def __init__(self, anchor: Anchor | str, message: str):
        place = anchor.describe() if isinstance(anchor, Anchor) else anchor
        super().__init__(f"{place}: {message}")
        self.place, self.message = place, message

    def __reduce__(self) -> tuple:
        """Picklable, so that an extraction process can hand it to the ingesting one."""
        return ExtractionError, (self.place, self.message)


@dataclass(frozen=True)
class Problem:
    level: str  # "warning" | "error"
    message: str
    anchor: Anchor

    def __str__(self) -> str:
        return f"{self.level}: {self.anchor.describe()}: {self.message}"


def lit(value: object) -> Literal:
    """A typed literal for a Python value (dates, decimals, ints, bools, strings)."""
    if isinstance(value, bool):
        return Literal("true" if value else "false", datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, Decimal):
        return Literal(format(value, "f"), datatype=XSD.decimal)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.double)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    return Literal(str(value))


@dataclass
class Counts:
    records: int = 0
    enterprises: int = 0
    persons: int = 0
    rows: int = 0
    skipped_rows: int = 0


@dataclass
class ExtractionContext:
    """Collects one document's facts (as quads in its named graph) and its problems."""

    path: Path
    graph: NamedNode
    doc_key: str
    triples: Triples = field(init=False)
    problems: list[Problem] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    _seen: set[tuple[str, str]] = field(default_factory=set)
    _records: int = 0
    #: Where full batches go while the document is still being read (the ordinary path's
    #: :class:`graph.loader.Loader`), so that loading overlaps extraction; None: kept.
    spill: Callable[[Triples], None] | None = None
    spill_lines: int = 1_000_000

    def __post_init__(self) -> None:
        self.triples = Triples(self.graph)

    @property
    def quads(self) -> list[Quad]:
        """The facts collected so far as pyoxigraph quads (tests and small callers; the
        store loads :attr:`triples`, the text)."""
        return list(self.triples)

    # -- batches (the bulk path) ---------------------------------------------
    def drain(self) -> Triples:
        """Hand over the facts collected so far, for a load that writes a batch at a
        time, and forget which nodes were described (describing one again in a later
        batch repeats triples, which a graph keeps once), so memory stays flat."""
        triples, self.triples = self.triples, Triples(self.graph)
        self._seen.clear()
        return triples

    def spill_if_full(self) -> None:
        """Hand a full batch to :attr:`spill` (called between rows). Unlike :meth:`drain`
        it remembers which nodes were described: the document's graph is one whole."""
        if self.spill is not None and len(self.triples.lines) >= self.spill_lines:
            triples, self.triples = self.triples, Triples(self.graph)
            self.spill(triples)

    @property
    def record_counter(self) -> int:
        return self._records

    def restore(self, records: int) -> None:
        """Continue record numbering where an interrupted load stopped."""
        self._records = records

    # -- low level ---------------------------------------------------------
    def add(self, s: NamedNode, p: NamedNode, o: Object | object) -> None:
        """One fact, written straight as an N-Triples line (see :mod:`extract.ntriples`);
        None and the empty string are no value (no line)."""
        if o is None or (o.__class__ is str and not o):
            return
        self.triples.lines.append(f"<{s.value}> <{p.value}> {literal(o)} .\n")

    def facts(self, node: NamedNode, pairs: Iterable[tuple[str, object]]) -> None:
        """Several facts about one node, each ``(predicate text, value)`` with the
        predicate as :func:`predicate` gives it: the subject is written once for all of
        them (a list row's record is 25-30 facts; issue 15's profile put ``add`` and its
        ``NamedNode`` look-ups at a quarter of the extraction). Same lines as :meth:`add`."""
        subject = f"<{node.value}> "
        append = self.triples.lines.append
        for pred, value in pairs:
            if value is None or (value.__class__ is str and not value):
                continue
            append(f"{subject}{pred}{literal(value)} .\n")

    def anchor(self, **parts: object) -> Anchor:
        anchor = Anchor(file=self.path.name, **parts)  # type: ignore[arg-type]
        if anchor.bbox is None and anchor.page is not None and anchor.row is not None:
            # A PDF row's box, kept by the PDF reader when it read this file (extractors
            # anchor rows by page, table and row), so that viewers can outline the row.
            from .readers.pdf import row_box

            box = row_box(self.path, anchor.page, anchor.table or 1, anchor.row)
            if box is not None:
                anchor = anchor.at(bbox=box)
        return anchor

    def warn(self, anchor: Anchor, message: str) -> None:
        self.problems.append(Problem("warning", message, anchor))

    def fail(self, anchor: Anchor, message: str) -> ExtractionError:
        """Return (for ``raise``) the error that rejects the whole document."""
        self.problems.append(Problem("error", message, anchor))
        return ExtractionError(anchor, message)

    def _once(self, node: NamedNode, kind: str) -> bool:
        key = (node.value, kind)
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    # -- entities ----------------------------------------------------------
    def enterprise(self, anchor: Anchor, name: str | None = None,
                   codes: Iterable[str | None] = ()) -> tuple[NamedNode, Identifier | None] | None:
        """The firm named by these codes (best first) or, failing any code, by its name.

        The node is keyed by the organisation code inside a USCC when there is one, so
        documents that give only the old 9-character code land on the same firm.
        Returns the node and the identifier that linked it (None when only the name did).
        """
        ids = [i for i in (parse_firm_id(c) for c in codes if c) if i is not None]
        for ident in (i for i in ids if self._once(ID["warned"], i.value)):
            if ident.kind == "uscc" and not ident.valid:
                self.warn(anchor, f"USCC {ident.value} fails its check character; kept and flagged")
            if ident.kind == "orgcode" and not ident.valid:
                self.warn(anchor, f"organisation code {ident.value} fails its check digit; kept and flagged")
            if ident.kind == "other":
                shown = repr(ident.raw) if len(ident.raw) <= 40 else repr(ident.raw[:40]) + "…"
                self.warn(anchor, f"unrecognised firm identifier {shown}; kept as a plain identifier")
        link = _best_identifier(ids)
        clean = check_name(normalize_name(name)) if name else ""
        if link is None and not clean:
            return None
        node = ID[f"enterprise/{_enterprise_key(link, clean)}"]
        first = self._once(node, "enterprise")
        if first:
            self.counts.enterprises += 1
            self.add(node, RDF.type, CSCS.Enterprise)
        if clean and self._once(node, "name:" + clean):
            self.add(node, ROV.legalName, Literal(clean, language="zh"))
            if name and name.strip() != clean:
                self.add(node, CSCS.publishedName, name.strip())
        for ident in ids:
            if self._once(node, "id:" + ident.value):
                self._describe_identifier(node, ident)
        return node, link

    def _describe_identifier(self, node: NamedNode, ident: Identifier) -> None:
        prop = {"uscc": CSCS.uscc, "orgcode": CSCS.organizationCode, "regno": CSCS.registrationNumber,
                "masked": CSCS.maskedCode}.get(ident.kind, CSCS.otherIdentifier)
        self.add(node, prop, ident.value)
        if ident.kind == "uscc":
            self.add(node, CSCS.organizationCode, ident.value[8:17])
            self.add(node, CSCS.areaCode, ident.value[2:8])
        if not ident.valid and ident.kind in {"uscc", "orgcode"}:
            self.add(node, CSCS.failsCheck, ident.value)

    def person(self, name: str, id_number: str | None = None, firm: NamedNode | None = None,
               sex: str | None = None, age: int | None = None) -> NamedNode:
        """A natural person. Two people with the same name are different people unless
        an ID number (full or masked) says otherwise: without one the person is scoped to
        the firm they appear with, or to this document."""
        clean = check_name(normalize_name(name))
        ident = parse_person_id(id_number) if id_number else None
        if ident is not None and ident.kind != "other":
            key = key_digest("id", clean, ident.value)
        elif firm is not None:
            key = key_digest("firm", clean, firm.value)
        else:
            key = key_digest("doc", clean, self.doc_key)
        node = ID[f"person/{key}"]
        if self._once(node, "person"):
            self.counts.persons += 1
            self.add(node, RDF.type, CSCS.Person)
            self.add(node, FOAF.name, Literal(clean, language="zh"))
        if ident is not None and self._once(node, "pid:" + ident.value):
            self.add(node, CSCS.idNumber, ident.value)
        if sex and self._once(node, "sex"):
            self.add(node, FOAF.gender, _SEXES.get(sex.strip(), sex.strip()))
        if age and self._once(node, "age"):
            self.add(node, CSCS.age, age)
        return node

    def role(self, person: NamedNode, firm: NamedNode, role: str, anchor: Anchor,
             start: date | None = None, end: date | None = None) -> NamedNode:
        """An ORG membership: ``person`` holds ``role`` in ``firm`` from ``start`` to ``end``."""
        if role not in ROLES:
            raise self.fail(anchor, f"unknown role {role!r}")
        start, end = self.plausible_date(anchor, start, "start"), self.plausible_date(anchor, end, "end")
        node = ID[f"membership/{key_digest(person.value, firm.value, role, str(start or ''))}"]
        if self._once(node, "membership"):
            self.facts(node, [(_TYPE, ORG.Membership), (_MEMBER, person), (_ORGANIZATION, firm),
                              (_ROLE, _cscs_term(role)), (_START, start), (_END, end), *_anchor_facts(anchor)])
        return node

    def department(self, name: str, kind: str = "Department") -> NamedNode | None:
        """A government department, court or party-state body, keyed by its name."""
        clean = check_name(normalize_name(name or ""))
        if not clean:
            return None
        node = ID[f"department/{key_digest(clean)}"]
        if self._once(node, "department"):
            self.add(node, RDF.type, CSCS[kind])
            self.add(node, SKOS.prefLabel, Literal(clean, language="zh"))
        return node

    def body(self, name: str, kind: str, level: str | None = None,
             within: NamedNode | None = None) -> NamedNode | None:
        """A party-state body (people's congress, CPPCC, party committee, government),
        keyed by its name like any department, with its kind and administrative level
        (``national`` … ``county``; None for a firm's own party committee, ``within``)."""
        if kind not in BODY_KINDS:
            raise ValueError(f"unknown kind of party-state body {kind!r}")
        if level is not None and level not in LEVELS:
            raise ValueError(f"unknown administrative level {level!r}")
        node = self.department(name, "PartyStateBody")
        if node is not None and self._once(node, "body"):
            self.add(node, CSCS.bodyKind, CSCS[kind])
            if level:
                self.add(node, CSCS.bodyLevel, CSCS[LEVELS[level]])
            self.add(node, CSCS.withinEnterprise, within)
        return node

    def body_membership(self, person: NamedNode, body: NamedNode, role: str, anchor: Anchor, *,
                        current: bool | None = None, start: date | None = None, end: date | None = None,
                        text: str | None = None, work_unit: str | None = None) -> NamedNode:
        """An ORG membership in a party-state body: a deputy, a committee member, a party
        secretary, an official; ``current`` as the document says (None: not said). One
        membership per (person, body, role): a post stated twice in a document (a
        biography and a table) keeps its first anchor."""
        if role not in BODY_ROLES:
            raise self.fail(anchor, f"unknown post in a party-state body {role!r}")
        start, end = self.plausible_date(anchor, start, "start"), self.plausible_date(anchor, end, "end")
        node = ID[f"membership/{key_digest(person.value, body.value, role, 'body')}"]
        if self._once(node, "membership"):
            self.add(node, RDF.type, ORG.Membership)
            self.add(node, ORG.member, person)
            self.add(node, ORG.organization, body)
            self.add(node, ORG.role, CSCS[role])
            if current is not None:
                self.add(node, CSCS.currentPost, current)
            self.add(node, CSCS.startDate, start)
            self.add(node, CSCS.endDate, end)
            self.add(node, CSCS.postText, text)
            self.add(node, CSCS.workUnit, work_unit)
            self._anchor(node, anchor)
        return node

    def plausible_date(self, anchor: Anchor, day: date | None, what: str) -> date | None:
        """``day`` if plausible (:func:`dates.plausible`), else None with a warning: the
        funnel for dates that extractors read with their own grammar (a role's term in
        an annual report), so that 0001-01-01 is never stored as one."""
        if day is None:
            return None
        try:
            return plausible(day)
        except DateError as exc:
            self.warn(anchor, f"{what} date dropped: {exc}")
            return None

    # -- records -----------------------------------------------------------
    def record(self, kind: str, subject: NamedNode, anchor: Anchor, *, link: Identifier | None,
               record_class: str = "ListEntry", valid_from: date | None,
               valid_until: date | None = None, removed_on: date | None = None,
               repaired_on: date | None = None, issued_by: NamedNode | None = None,
               properties: dict[str, object] | None = None) -> NamedNode:
        """A credit record about ``subject``; ``kind`` names a cscs:RecordKind counted by rubrics."""
        if valid_from is None:
            raise self.fail(anchor, "record has no date from which it applies")
        try:
            plausible(valid_from)
        except DateError as exc:
            raise self.fail(anchor, f"record date: {exc}") from None
        valid_until, removed_on, repaired_on = (self.plausible_date(anchor, d, what) for d, what in (
            (valid_until, "end"), (removed_on, "removal"), (repaired_on, "repair")))
        self._records += 1
        node = ID[f"record/{self.doc_key[:16]}/{self._records}"]
        self.counts.records += 1
        facts: list[tuple[str, object]] = [
            (_TYPE, _cscs_term(record_class)), (_KIND, _cscs_term(kind)), (_SUBJECT, subject),
            (_VALID_FROM, valid_from), (_VALID_UNTIL, valid_until), (_REMOVED_ON, removed_on),
            (_REPAIRED_ON, repaired_on), (_ISSUED_BY, issued_by), (_DERIVED_FROM, self.graph)]
        if link is not None:
            facts += ((_LINK, link.value), (_LINK_TYPE, link.kind))
            if link.kind in {"uscc", "orgcode"}:  # the only kinds with a check character
                facts.append((_LINK_VALID, link.valid))
        else:
            facts.append((_LINK_TYPE, "name"))
        facts += ((predicate(prop), value) for prop, value in (properties or {}).items())
        facts += _anchor_facts(anchor)
        self.facts(node, facts)
        return node

    def _anchor(self, node: NamedNode, anchor: Anchor) -> None:
        self.facts(node, _anchor_facts(anchor))


_PREDICATES: dict[str, str] = {}


def predicate(name: str) -> str:
    """The N-Triples text of the predicate ``cscs:<name>`` and the space after it, for
    :meth:`ExtractionContext.facts`; made once per name (through ``NamedNode``, which
    checks the IRI), then looked up."""
    text = _PREDICATES.get(name)
    if text is None:
        text = _PREDICATES[name] = f"<{CSCS[name].value}> "
    return text


_TERMS: dict[str, NamedNode] = {}


def _cscs_term(name: str) -> NamedNode:
    """``cscs:<name>`` as a term, made once (``CSCS[name]`` makes a new one each call)."""
    term = _TERMS.get(name)
    if term is None:
        term = _TERMS[name] = CSCS[name]
    return term


_TYPE, _DERIVED_FROM = f"<{RDF.type.value}> ", f"<{PROV.wasDerivedFrom.value}> "
_KIND, _SUBJECT, _ISSUED_BY = predicate("recordKind"), predicate("subject"), predicate("issuedBy")
_VALID_FROM, _VALID_UNTIL = predicate("validFrom"), predicate("validUntil")
_REMOVED_ON, _REPAIRED_ON = predicate("removedOn"), predicate("repairedOn")
_LINK, _LINK_TYPE, _LINK_VALID = predicate("linkIdentifier"), predicate("linkIdentifierType"), \
    predicate("linkIdentifierValid")
_ANCHOR_PARTS = tuple((predicate(p), a) for p, a in (
    ("sourceSheet", "sheet"), ("sourcePage", "page"), ("sourceTable", "table"), ("sourceRow", "row"),
    ("charStart", "char_start"), ("charEnd", "char_end"), ("sourcePath", "json_path")))
_BBOX = predicate("bbox")
_MEMBER, _ORGANIZATION, _ROLE = (f"<{p.value}> " for p in (ORG.member, ORG.organization, ORG.role))
_START, _END = predicate("startDate"), predicate("endDate")


def _anchor_facts(anchor: Anchor) -> list[tuple[str, object]]:
    """The facts that place a node in its document (sheet, page, table, row, span, path, box)."""
    facts: list[tuple[str, object]] = [(pred, getattr(anchor, attr)) for pred, attr in _ANCHOR_PARTS]
    if anchor.bbox is not None:
        facts.append((_BBOX, " ".join(f"{v:g}" for v in anchor.bbox)))
    return facts


def _best_identifier(ids: list[Identifier]) -> Identifier | None:
    order = {"uscc": 0, "orgcode": 1, "regno": 2, "masked": 3, "other": 4}
    ranked = sorted((i for i in ids if i.kind in order), key=lambda i: (order[i.kind], not i.valid))
    return ranked[0] if ranked else None


def _enterprise_key(link: Identifier | None, name: str) -> str:
    if link is None:
        return "name-" + key_digest(name)
    if link.org_code:
        return "oc-" + link.org_code
    if link.kind == "masked" and name:
        # a masked code is not unique: two firms can print 9114082306****333G; the name
        # keeps them apart until resolution links each to its firm
        return f"masked-{safe(link.value)}-{key_digest(name, length=10)}"
    return f"{link.kind}-" + safe(link.value)
