"""The ontology and the shapes: they parse, and the ontology declares every cscs: term
the code writes and the queries read.

The declaration test greps the sources instead of listing terms by hand, so a new
property in an extractor or a query fails here until it is declared (with a label and
a comment) in ``ontology/cscs.ttl``. Terms reach the graph in three ways:
``CSCS.term`` / ``CSCS["term"]`` and ``cscs:term`` in Python and SPARQL text (found by
regex); names that become ``CSCS[name]`` at run time, such as a record's kind, class
and free properties (``ctx.record("Kind", ..., record_class="X", properties={...})``,
``ctx.department(name, "Court")``; found by walking the Python syntax tree); and names
in data files (roles in the list TOML lookups, kinds and roles in rubric TOML).
"""

from __future__ import annotations

import ast
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from cscs.extract.context import ROLES

ROOT = Path(__file__).resolve().parents[1]
NS = "https://w3id.org/cscs/ns#"
CSCS_PREFIX = URIRef(NS)
#: The project's code and queries, where cscs: terms are used (tests excluded: they
#: make deliberately broken data).
SOURCES = [*ROOT.glob("cscs/**/*.py"), *ROOT.glob("extract/**/*.py"), *ROOT.glob("graph/**/*.py"),
           *ROOT.glob("ontology/**/*.py"), *ROOT.glob("queries/*.rq")]
#: Matches that are not terms, each with its reason. Keep this short.
NOT_TERMS: dict[str, str] = {
    "base": "Namespace.base is the IRI prefix string of ontology/namespaces.py, not a term",
}
DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                   OWL.NamedIndividual, RDF.Property, SKOS.ConceptScheme}
RECORD_KINDS = {
    "SeriousDishonest", "DishonestJudgmentDebtor", "AbnormalOperation", "AbnormalTaxpayer",
    "FinancingJudgmentDefault", "FinancingCrime", "DebtEvasion", "OverseasEquityUnregistered",
    "SocialInsuranceArrears", "TaxArrears", "TaxViolation", "MajorTaxViolation", "SpotCheckFailure", "SafetyHazard", "EnvironmentalViolation",  # noqa: E501
    "AdministrativePenalty", "AdministrativeEnforcement", "CommitmentBreach", "OtherNonCompliance",
    "JudgmentDefault", "CriminalRecord", "FrivolousLitigation", "VolunteerService", "Donation", "RedList",
    "Honour",
}
ROLE_LABELS_ZH = {
    "LegalRepresentative": "法定代表人", "Director": "董事", "IndependentDirector": "独立董事",
    "Supervisor": "监事", "ActualController": "实际控制人", "SeniorManager": "高级管理人员",
    "Chairman": "董事长", "GeneralManager": "总经理",
}

_STATIC = [
    re.compile(r"\bCSCS\.([A-Za-z_]\w*)"),                    # CSCS.uscc
    re.compile(r"\bCSCS\[\s*[\"']([A-Za-z_]\w*)[\"']\s*\]"),   # CSCS["Court"]
    re.compile(r"\bcscs:([A-Za-z_][\w-]*)"),                   # cscs:validFrom in SPARQL and strings
]


def _package_text(name: str) -> str:
    return resources.files("cscs.ontology").joinpath(name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(data=_package_text("cscs.ttl"), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=_package_text("shapes.ttl"), format="turtle")


@pytest.fixture(scope="module")
def declared(ontology: Graph) -> set[str]:
    return {str(s)[len(NS):] for t in DECLARING_TYPES for s in ontology.subjects(RDF.type, t)
            if str(s).startswith(NS)}


def _constants(node: ast.AST | None) -> list[str]:
    """String constants of an expression, through ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    return []


def _dynamic_terms(tree: ast.AST) -> set[str]:
    """Names the code turns into ``CSCS[name]`` at run time (see ``ExtractionContext``)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            keywords = {k.arg: k.value for k in node.keywords}
            if node.func.attr == "record":
                found.update(_constants(node.args[0]) if node.args else [])
                found.update(_constants(keywords.get("record_class")))
                props = keywords.get("properties")
                if isinstance(props, ast.Dict):
                    found.update(k.value for k in props.keys
                                 if isinstance(k, ast.Constant) and isinstance(k.value, str))
            elif node.func.attr == "department":
                found.update(_constants(node.args[1]) if len(node.args) > 1 else [])
                found.update(_constants(keywords.get("kind")))
            elif node.func.attr == "role" and len(node.args) > 2:
                found.update(_constants(node.args[2]))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            # defaults of the parameters that name terms: record_class="ListEntry", kind="Department"
            args = node.args.args + node.args.kwonlyargs
            defaults = [None] * (len(node.args.args) - len(node.args.defaults)) + node.args.defaults \
                + node.args.kw_defaults
            for arg, default in zip(args, defaults):
                if arg.arg in {"record_class", "kind"} and node.name in {"record", "department"}:
                    found.update(_constants(default))
    return found


def used_terms() -> dict[str, set[str]]:
    """Every cscs: term the code and queries use, with the files using it."""
    used: dict[str, set[str]] = {}

    def note(term: str, where: str) -> None:
        used.setdefault(term, set()).add(where)

    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        where = str(path.relative_to(ROOT))
        for pattern in _STATIC:
            for match in pattern.finditer(text):
                note(match[1], where)
        if path.suffix == ".py":
            for term in _dynamic_terms(ast.parse(text)):
                note(term, where)
    for role in ROLES:
        note(role, "extract/context.py ROLES")
    for path in ROOT.glob("extract/lists/*.toml"):
        for role in tomllib.loads(path.read_text(encoding="utf-8")).get("lookups", {}).get("roles", {}):
            note(role, str(path.relative_to(ROOT)))
    return {t: w for t, w in used.items() if t not in NOT_TERMS}


def rubric_meta() -> list[tuple[Path, dict]]:
    return [(p, tomllib.loads(p.read_text(encoding="utf-8"))) for p in sorted(ROOT.glob("ontology/rubrics/*.toml"))]


# -- parsing ---------------------------------------------------------------------------

def test_ontology_and_shapes_parse(ontology: Graph, shapes: Graph) -> None:
    assert (URIRef("https://w3id.org/cscs/ns"), RDF.type, OWL.Ontology) in ontology
    assert len(ontology) > 500
    assert set(shapes.subjects(RDF.type, SH.NodeShape))


def test_package_data_is_shipped() -> None:
    names = {p.name for p in resources.files("cscs.ontology").iterdir()}
    assert {"cscs.ttl", "shapes.ttl"} <= names


# -- the ontology declares what the code uses ---------------------------------------------

def test_term_scan_finds_the_known_kinds_of_use() -> None:
    """Guard for the scan itself: if it silently found nothing, the next test would pass."""
    used = used_terms()
    assert {"validFrom", "uscc", "Enterprise"} <= set(used)            # CSCS.x
    assert {"FirmScope", "PerRecord"} <= set(used)                      # cscs:x in queries
    assert {"DishonestJudgmentDebtor", "caseNumber", "ListEntry", "Court", "Department"} <= set(used)  # dynamic
    assert set(ROLES) <= set(used)


def test_every_cscs_term_used_in_code_and_queries_is_declared(declared: set[str]) -> None:
    missing = {term: sorted(where) for term, where in used_terms().items() if term not in declared}
    assert not missing, f"declare these in ontology/cscs.ttl: {missing}"


def test_every_record_kind_and_role_in_the_rubrics_is_declared(ontology: Graph) -> None:
    kinds = {str(s)[len(NS):] for s in ontology.subjects(RDF.type, URIRef(NS + "RecordKind"))}
    roles = {str(s)[len(NS):] for s in ontology.subjects(RDF.type, URIRef("http://www.w3.org/ns/org#Role"))}
    metas = rubric_meta()
    assert metas, "no rubric metadata found in ontology/rubrics/"
    for path, meta in metas:
        rules = [meta.get("defaults", {}), *meta.get("indicators", {}).values()]
        named_kinds = {k for r in rules for k in r.get("kinds", [])}
        named_roles = {k for r in rules for k in r.get("roles", [])}
        assert named_kinds, path
        assert named_kinds - kinds == set(), f"{path.name}: undeclared record kinds"
        assert named_roles - roles == set(), f"{path.name}: undeclared roles"


def test_every_shape_term_is_declared(shapes: Graph, declared: set[str]) -> None:
    """The shapes name classes, properties and individuals of the ontology, never typos."""
    named = {str(o)[len(NS):] for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(NS)}
    assert named - declared == set()


# -- the ontology describes itself ---------------------------------------------------------

def test_every_cscs_term_has_an_english_label_and_a_comment(ontology: Graph, declared: set[str]) -> None:
    undocumented = []
    for term in sorted(declared):
        node = URIRef(NS + term)
        labels = [*ontology.objects(node, RDFS.label), *ontology.objects(node, SKOS.prefLabel)]
        comments = [*ontology.objects(node, RDFS.comment), *ontology.objects(node, SKOS.definition)]
        if not any(isinstance(lab, Literal) and lab.language == "en" for lab in labels) or not comments:
            undocumented.append(term)
    assert undocumented == []


def test_record_kinds_form_a_skos_scheme(ontology: Graph) -> None:
    scheme = URIRef(NS + "RecordKinds")
    kinds = {str(s)[len(NS):] for s in ontology.subjects(SKOS.inScheme, scheme)}
    assert kinds == RECORD_KINDS
    for kind in kinds:
        node = URIRef(NS + kind)
        assert (node, RDF.type, URIRef(NS + "RecordKind")) in ontology
        assert (scheme, SKOS.hasTopConcept, node) in ontology
        assert {lab.language for lab in ontology.objects(node, SKOS.prefLabel)} >= {"en", "zh"}, kind
        assert any(True for _ in ontology.objects(node, SKOS.definition)), kind
    assert Literal("失信被执行人", lang="zh") in set(ontology.objects(URIRef(NS + "DishonestJudgmentDebtor"),
                                                                 SKOS.prefLabel))


def test_roles_are_the_eight_org_roles(ontology: Graph) -> None:
    org_role = URIRef("http://www.w3.org/ns/org#Role")
    roles = {str(s)[len(NS):] for s in ontology.subjects(RDF.type, org_role)}
    assert roles == set(ROLES) == set(ROLE_LABELS_ZH)
    for role, label in ROLE_LABELS_ZH.items():
        assert Literal(label, lang="zh") in set(ontology.objects(URIRef(NS + role), RDFS.label))


@pytest.mark.parametrize(("child", "parents"), [
    ("Enterprise", {"http://www.w3.org/ns/regorg#RegisteredOrganization", "http://www.w3.org/ns/org#FormalOrganization"}),
    ("Person", {"http://xmlns.com/foaf/0.1/Person", "http://www.w3.org/ns/prov#Agent"}),
    ("Department", {"http://www.w3.org/ns/org#Organization"}),
    ("Court", {NS + "Department"}),
    ("PartyStateBody", {"http://www.w3.org/ns/org#Organization"}),
    ("Rubric", {str(SKOS.ConceptScheme)}),
    ("Indicator", {str(SKOS.Concept)}),
    ("Record", {"http://www.w3.org/ns/prov#Entity"}),
    ("ListEntry", {NS + "Record"}),
    ("JudicialRecord", {NS + "Record"}),
    ("SourceDocument", {"http://www.w3.org/ns/prov#Entity"}),
    ("Extraction", {"http://www.w3.org/ns/prov#Activity"}),
])
def test_classes_reuse_w3c_vocabularies(ontology: Graph, child: str, parents: set[str]) -> None:
    assert {str(o) for o in ontology.objects(URIRef(NS + child), RDFS.subClassOf)} >= parents
