"""SHACL validation of the store, one document graph at a time.

Real data must conform; hand-made broken documents must give exactly the expected
results, each naming its document. The broken documents are written straight into
an in-memory store (as quads), bypassing the extractors, which would refuse most of
these mistakes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad

from cscs.graph.ingest import ingest
from cscs.graph.store import EmbeddedStore, open_store
from cscs.graph.validate import Violation, validate
from cscs.ontology.namespaces import CSCS, DCTERMS, FOAF, ID, ORG, PROV, RDF, ROV, SKOS, XSD, doc_graph

ROOT = Path(__file__).resolve().parents[1]
RUBRIC = ROOT / "ontology" / "rubrics" / "zhejiang-2020.tsv"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DISHONEST_JSON = SHARED / "realdata" / "lists" / "shixin_baidu_api_2019" / "res.json"
RUBRIC_IRI = "https://w3id.org/cscs/id/rubric/zhejiang-2020/"


def integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def day(text: str) -> Literal:
    return Literal(text, datatype=XSD.date)


def document(sha256: str, title: str, records: int) -> list[tuple]:
    """The provenance ingest writes for a document (graph/ingest.py provenance())."""
    doc, activity, agent = doc_graph(sha256), ID[f"extraction/{sha256}"], ID["extractor/test/1"]
    return [
        (doc, RDF.type, CSCS.SourceDocument), (doc, RDF.type, PROV.Entity),
        (doc, DCTERMS.title, Literal(title)), (doc, DCTERMS["format"], Literal("text/csv")),
        (doc, CSCS.sha256, Literal(sha256)), (doc, CSCS.fileSize, integer(123)),
        (doc, CSCS.documentKind, Literal("test")), (doc, PROV.wasGeneratedBy, activity),
        (activity, RDF.type, PROV.Activity), (activity, RDF.type, CSCS.Extraction),
        (activity, PROV.used, doc), (activity, PROV.wasAssociatedWith, agent),
        (activity, PROV.startedAtTime, Literal("2024-05-01T08:00:00+00:00", datatype=XSD.dateTime)),
        (activity, PROV.endedAtTime, Literal("2024-05-01T08:00:01+00:00", datatype=XSD.dateTime)),
        (activity, CSCS.recordCount, integer(records)), (activity, CSCS.warningCount, integer(0)),
        (agent, RDF.type, PROV.SoftwareAgent), (agent, CSCS.extractorName, Literal("test")),
        (agent, CSCS.extractorVersion, Literal("1")),
    ]


def write(store: EmbeddedStore, sha256: str, triples: list[tuple]) -> NamedNode:
    graph = doc_graph(sha256)
    store.write_graph(graph, [Quad(s, p, o, graph) for s, p, o in triples])
    return graph


def found(violations: list[Violation]) -> set[tuple[str, str | None, str]]:
    return {(v.focus_node, v.path, v.message) for v in violations}


# -- real documents conform ------------------------------------------------------------

def test_empty_store_conforms() -> None:
    report = validate(open_store(memory=True))
    assert (report.conforms, report.graphs, report.violations) == (True, 0, [])


def test_shipped_rubric_conforms() -> None:
    store = open_store(memory=True)
    assert [r.status for r in ingest(store, [RUBRIC])] == ["added"]
    report = validate(store)
    assert report.violations == []
    assert report.conforms and report.graphs == 1


@pytest.mark.skipif(not DISHONEST_JSON.exists(), reason="real data in ../shared is not available")
def test_real_rubric_and_dishonest_list_conform() -> None:
    store = open_store(memory=True)
    assert [r.status for r in ingest(store, [RUBRIC, DISHONEST_JSON])] == ["added", "added"]
    report = validate(store)
    assert [str(v) for v in report.violations] == []
    assert report.conforms and report.graphs == 2


# -- a broken document gives exactly its violations ----------------------------------------

def broken_document(store: EmbeddedStore) -> NamedNode:
    """A firm with a 17-character USCC, a director who left before he started, and a
    record without the date from which it counts."""
    sha = "a" * 64
    firm, person = ID["enterprise/oc-MA2B3C4D1"], ID["person/p1"]
    membership, record = ID["membership/m1"], ID["record/aaaa/1"]
    return write(store, sha, document(sha, "broken.csv", records=1) + [
        (firm, RDF.type, CSCS.Enterprise), (firm, ROV.legalName, Literal("杭州甲乙科技有限公司", language="zh")),
        (firm, CSCS.uscc, Literal("91330102MA2B3C4D1")),
        (person, RDF.type, CSCS.Person), (person, FOAF.name, Literal("张三", language="zh")),
        (membership, RDF.type, ORG.Membership), (membership, ORG.member, person),
        (membership, ORG.organization, firm), (membership, ORG.role, CSCS.Director),
        (membership, CSCS.startDate, day("2021-03-01")), (membership, CSCS.endDate, day("2020-12-31")),
        (membership, CSCS.sourceRow, integer(3)),
        (record, RDF.type, CSCS.ListEntry), (record, CSCS.recordKind, CSCS.AbnormalOperation),
        (record, CSCS.subject, firm), (record, PROV.wasDerivedFrom, doc_graph(sha)),
        (record, CSCS.linkIdentifier, Literal("91330102MA2B3C4D1")), (record, CSCS.linkIdentifierType, Literal("uscc")),
        (record, CSCS.linkIdentifierValid, Literal("false", datatype=XSD.boolean)),
        (record, CSCS.sourceRow, integer(2)),
    ])


def test_broken_document_gives_exactly_the_expected_violations() -> None:
    store = open_store(memory=True)
    graph = broken_document(store)
    report = validate(store)
    assert not report.conforms and report.graphs == 1
    assert found(report.violations) == {
        (ID["enterprise/oc-MA2B3C4D1"].value, CSCS.uscc.value,
         "A USCC is 18 characters, digits and upper-case letters."),
        (ID["membership/m1"].value, CSCS.startDate.value, "A membership's end date is before its start date."),
        (ID["record/aaaa/1"].value, CSCS.validFrom.value,
         "A record has exactly one date from which it counts (cscs:validFrom), an xsd:date."),
    }
    assert len(report.violations) == 3
    assert {(v.document_title, v.document_iri, v.severity) for v in report.violations} == {
        ("broken.csv", graph.value, "Violation")}
    uscc = next(v for v in report.violations if v.path == CSCS.uscc.value)
    assert uscc.value == "91330102MA2B3C4D1"
    assert str(uscc) == ("broken.csv: id:enterprise/oc-MA2B3C4D1 cscs:uscc: "
                         "A USCC is 18 characters, digits and upper-case letters.")


def test_each_document_is_validated_on_its_own_and_named() -> None:
    """A record's subject must be described in the record's own document: a firm typed
    only in another document's graph does not satisfy it."""
    store = open_store(memory=True)
    firm = ID["enterprise/oc-123456789"]
    write(store, "b" * 64, document("b" * 64, "firms.csv", records=0) + [
        (firm, RDF.type, CSCS.Enterprise), (firm, CSCS.organizationCode, Literal("123456789"))])
    record = ID["record/cccc/1"]
    write(store, "c" * 64, document("c" * 64, "records.csv", records=1) + [
        (record, RDF.type, CSCS.PenaltyDecision), (record, CSCS.recordKind, CSCS.AdministrativePenalty),
        (record, CSCS.subject, firm), (record, CSCS.validFrom, day("2022-01-05")),
        (record, CSCS.validUntil, day("2022-01-05")), (record, PROV.wasDerivedFrom, doc_graph("c" * 64))])
    report = validate(store)
    assert report.graphs == 2
    assert [(v.document_title, v.path) for v in report.violations] == [
        ("records.csv", CSCS.subject.value), ("records.csv", CSCS.validFrom.value)]
    assert "validity ends" in report.violations[1].message


def test_records_need_a_declared_kind_one_subject_and_their_document() -> None:
    store = open_store(memory=True)
    sha, record = "d" * 64, ID["record/dddd/1"]
    person = ID["person/p2"]
    write(store, sha, document(sha, "kinds.csv", records=1) + [
        (person, RDF.type, CSCS.Person),  # no name
        (record, RDF.type, CSCS.HonourRecord), (record, CSCS.recordKind, CSCS.NoSuchKind),
        (record, CSCS.subject, person), (record, CSCS.validFrom, day("2023-02-01")),
        (record, CSCS.removedOn, day("2023-01-01")), (record, CSCS.sourceRow, integer(0)),
        (record, PROV.wasDerivedFrom, doc_graph(sha)),
    ])
    report = validate(store)
    assert {(v.focus_node, v.path) for v in report.violations} == {
        (person.value, FOAF.name.value),
        (record.value, CSCS.recordKind.value),
        (record.value, CSCS.validFrom.value),   # removed before it was listed
        (record.value, CSCS.sourceRow.value),   # rows count from 1
    }


def test_extraction_record_count_must_match_the_graph() -> None:
    store = open_store(memory=True)
    write(store, "e" * 64, document("e" * 64, "empty.csv", records=2))
    [violation] = validate(store).violations
    assert violation.focus_node == ID[f"extraction/{'e' * 64}"].value
    assert violation.message == "The extraction reports 2 records but the graph holds 0 derived from its document."


def test_warnings_are_listed_but_do_not_break_conformance() -> None:
    """cscs:level belongs to rubric indicators; elsewhere it is suspicious, not wrong."""
    store = open_store(memory=True)
    sha, firm, record = "f" * 64, ID["enterprise/name-x"], ID["record/ffff/1"]
    write(store, sha, document(sha, "honours.csv", records=1) + [
        (firm, RDF.type, CSCS.Enterprise), (firm, ROV.legalName, Literal("某某有限公司", language="zh")),
        (record, RDF.type, CSCS.HonourRecord), (record, CSCS.recordKind, CSCS.Honour),
        (record, CSCS.subject, firm), (record, CSCS.validFrom, day("2023-02-01")),
        (record, PROV.wasDerivedFrom, doc_graph(sha)), (record, CSCS.level, Literal("省级")),
    ])
    report = validate(store)
    assert report.conforms
    [warning] = report.violations
    assert warning.severity == "Warning" and warning.focus_node == record.value
    assert str(warning).startswith("honours.csv: id:record/ffff/1: warning: cscs:level is the depth")


# -- rubric checks --------------------------------------------------------------------------

def test_broken_rubric_gives_exactly_the_expected_violations() -> None:
    source = open_store(memory=True)
    ingest(source, [RUBRIC])
    [graph] = source.graphs()
    drop = {("red-list", CSCS.polarity), ("donations", CSCS.pointsPerRecord), ("tax-payment", CSCS.maxPoints),
            ("grade/good", CSCS.maxScore)}
    quads = [q for q in source.raw.quads_for_pattern(None, None, None, graph)
             if (q.subject.value.removeprefix(RUBRIC_IRI), q.predicate) not in drop]
    quads += [
        Quad(NamedNode(RUBRIC_IRI + "tax-payment"), CSCS.maxPoints, integer(31), graph),
        Quad(NamedNode(RUBRIC_IRI + "grade/good"), CSCS.maxScore, integer(950), graph),
        Quad(NamedNode(RUBRIC_IRI + "red-list"), CSCS.countsKind, CSCS.NoSuchKind, graph),
        Quad(NamedNode(RUBRIC_IRI + "red-list"), SKOS.broader, NamedNode(RUBRIC_IRI + "compliance"), graph),
    ]
    store = open_store(memory=True)
    store.write_graph(graph, quads)
    report = validate(store)
    rubric = RUBRIC_IRI.rstrip("/")
    assert {(v.focus_node.removeprefix(RUBRIC_IRI), v.path, v.message) for v in report.violations} == {
        (rubric, None, "Grade bands id:rubric/zhejiang-2020/grade/excellent and "
                       "id:rubric/zhejiang-2020/grade/good overlap: a score in both would get two grades."),
        (rubric, None, "Indicator id:rubric/zhejiang-2020/tax has 60 points but its children's points sum to 61."),
        (rubric, None, "Indicator id:rubric/zhejiang-2020/compliance has 450 points but its children's "
                       "points sum to 510."),
        (rubric, None, "Indicator id:rubric/zhejiang-2020/red-list (level 3) is misplaced in the tree: a category "
                       "has no parent, and every other indicator's parent (skos:broader) is one level up."),
        ("red-list", None, "A third-level indicator needs a polarity (cscs:polarity)."),
        ("red-list", SKOS.broader.value,
         "An indicator has at most one parent (skos:broader), an indicator of the same rubric."),
        ("red-list", CSCS.countsKind.value,
         "An indicator counts record kinds declared in the ontology (cscs:RecordKinds)."),
        ("donations", None, "An indicator scored per record needs its points per record (cscs:pointsPerRecord)."),
    }
    assert {v.document_title for v in report.violations} == {"zhejiang-2020.tsv"}
