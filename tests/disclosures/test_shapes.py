"""The SHACL shapes accept posts in party-state bodies and reject roles in the wrong
kind of organisation."""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode

from cscs.extract.context import ExtractionContext
from cscs.graph.store import EmbeddedStore
from cscs.graph.validate import validate_graph
from cscs.ontology.namespaces import CSCS, ORG, doc_graph


def _validate(build) -> list[str]:
    graph = doc_graph("0" * 64)
    ctx = ExtractionContext(path=Path("posts.txt"), graph=graph, doc_key="0" * 64)
    build(ctx)
    store = EmbeddedStore()
    store.write_graph(graph, ctx.quads)
    return [v.message for v in validate_graph(store, graph) if v.severity == "Violation"]


def test_a_deputy_in_a_peoples_congress_is_valid() -> None:
    def build(ctx: ExtractionContext) -> None:
        firm, _ = ctx.enterprise(ctx.anchor(), "浙江华鑫科技股份有限公司")
        person = ctx.person("王伟", firm=firm)
        ctx.role(person, firm, "Chairman", ctx.anchor(page=3, row=2))
        body = ctx.body("浙江省人民代表大会", "PeoplesCongress", "provincial")
        ctx.body_membership(person, body, "Deputy", ctx.anchor(page=4, char_start=10, char_end=17), current=True,
                            text="浙江省人大代表")
    assert _validate(build) == []


def test_roles_in_the_wrong_kind_of_organisation_are_violations() -> None:
    def build(ctx: ExtractionContext) -> None:
        firm, _ = ctx.enterprise(ctx.anchor(), "浙江华鑫科技股份有限公司")
        person = ctx.person("王伟", firm=firm)
        body = ctx.body("浙江省人民代表大会", "PeoplesCongress", "provincial")
        wrong = NamedNode("https://w3id.org/cscs/id/membership/wrong")
        ctx.add(wrong, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ORG.Membership)
        ctx.add(wrong, ORG.member, person)
        ctx.add(wrong, ORG.organization, firm)
        ctx.add(wrong, ORG.role, CSCS.Deputy)
        ctx.role(person, body, "Chairman", ctx.anchor())
    messages = _validate(build)
    assert any("key-personnel roles" in m for m in messages)
    assert any("party-state role" in m for m in messages)
