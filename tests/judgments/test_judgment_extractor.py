"""The judgment extractor: which files it takes, what it writes, and what it refuses to guess.

Fixtures are written here in the real formats (UTF-8 text, a court-website HTML page,
a PDF in reportlab's STSong-Light), from the hand-written judgments of judgment_texts.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from judgment_texts import CIVIL, CRIMINAL, ENFORCEMENT
from pyoxigraph import NamedNode

from cscs.api import Graph
from cscs.extract import registry
from cscs.extract.judgments.sources import read_texts
from cscs.extract.source import Source
from cscs.graph.validate import validate_graph
from cscs.sample.judgments import write_html_judgment, write_pdf_judgment

PREFIXES = "PREFIX cscs: <https://w3id.org/cscs/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " \
           "PREFIX dcterms: <http://purl.org/dc/terms/> "


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    if path.suffix == ".html":
        write_html_judgment(path, "裁判文书", text.strip().split("\n"))
    elif path.suffix == ".pdf":
        write_pdf_judgment(path, text.strip().split("\n"))
    else:
        path.write_text(text, encoding="utf-8")
    return path


def records(graph: Graph) -> list[dict]:
    return graph.store.select(PREFIXES + """
        SELECT ?record ?kind ?from ?case ?basis ?quote ?start ?end ?page ?row ?issuer ?subject ?reason ?decision WHERE {
          ?record a cscs:JudicialRecord ; cscs:recordKind ?kind ; cscs:validFrom ?from ; cscs:subject ?subject ;
                  cscs:quote ?quote ; cscs:charStart ?start ; cscs:charEnd ?end ; cscs:decision ?decision .
          OPTIONAL { ?record cscs:caseNumber ?case } OPTIONAL { ?record cscs:basisDocument ?basis }
          OPTIONAL { ?record cscs:sourcePage ?page } OPTIONAL { ?record cscs:sourceRow ?row }
          OPTIONAL { ?record cscs:reason ?reason }
          OPTIONAL { ?record cscs:issuedBy/skos:prefLabel ?issuer }
        } ORDER BY ?kind ?subject""").rows


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf"])
def test_enforcement_ruling_in_every_format_makes_a_financing_default(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path, "ruling" + suffix, ENFORCEMENT)
    assert registry.choose(Source(path)).name == "judgment"
    graph = Graph(memory=True)
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.counts.records == 1, report.error
    (r,) = records(graph)
    assert str(r["kind"]).endswith("#FinancingJudgmentDefault") and str(r["from"]) == "2022-06-10"
    assert r["case"] == "(2022)浙0111执4458号" and r["basis"] == "(2021)浙0111民初890号"
    assert r["issuer"] == "杭州市富阳区人民法院" and r["reason"] == "终结本次执行程序"
    assert "终结本次执行程序" in r["quote"]
    assert str(r["subject"]).endswith("/enterprise/oc-287500474")  # the lists' key for this firm
    # the span points at the quoted sentence: in the text for text files, on the page for PDFs
    if suffix == ".pdf":
        from cscs.extract.readers import pdf_text_pages

        page = pdf_text_pages(path)[r["page"] - 1]
        assert "终结本次执行程序" in page[r["start"]:r["end"]]
    else:
        text = read_texts(path)[0].text
        assert text[r["start"]:r["end"]].strip() == r["quote"]
    assert validate_graph(graph.store, NamedNode(str(graph.documents().rows[0]["doc"]))) == []


def test_unit_crime_makes_records_against_firm_and_person(tmp_path: Path) -> None:
    graph = Graph(memory=True)
    (report,) = graph.ingest([write(tmp_path, "criminal.txt", CRIMINAL)])
    assert report.status == "added", report.error
    found = records(graph)
    assert sorted(str(r["kind"]).rsplit("#")[1] for r in found) == ["FinancingCrime", "FinancingCrime"]
    assert {r["reason"] for r in found} == {"犯非法吸收公众存款罪"}
    subjects = {str(r["subject"]).split("/id/")[1].split("/")[0] for r in found}
    assert subjects == {"enterprise", "person"}
    person = graph.store.select(PREFIXES + "SELECT ?id WHERE { ?p cscs:idNumber ?id }").rows
    assert [row["id"] for row in person] == ["3301021968****9116"]  # keyed by ID, as the lists key persons


def test_civil_judgment_is_a_fact_not_a_default(tmp_path: Path) -> None:
    graph = Graph(memory=True)
    (report,) = graph.ingest([write(tmp_path, "civil.txt", CIVIL)])
    assert report.status == "added" and report.counts.records == 0
    rows = graph.store.select(PREFIXES + """
        SELECT ?id ?type ?date ?cause ?fin ?outcome ?court (COUNT(DISTINCT ?party) AS ?parties)
               (COUNT(DISTINCT ?award) AS ?awards) WHERE {
          ?d a cscs:CourtDecision ; dcterms:identifier ?id ; cscs:documentType ?type ; cscs:decisionDate ?date ;
             cscs:causeOfAction ?cause ; cscs:relatesToFinancing ?fin ; cscs:outcome ?outcome ;
             cscs:court/skos:prefLabel ?court ; cscs:hasParty ?party ; cscs:award ?award .
        } GROUP BY ?id ?type ?date ?cause ?fin ?outcome ?court""").rows
    (d,) = rows
    assert (d["id"], d["type"], str(d["date"]), d["cause"], d["fin"], d["outcome"], d["court"]) == (
        "(2021)浙01民终1234号", "民事判决书", "2021-09-27", "金融借款合同纠纷", True, "reversed", "浙江省杭州市中级人民法院")
    assert (d["parties"], d["awards"]) == (3, 3)
    payer = graph.store.select(PREFIXES + """
        SELECT ?name ?yuan ?rep WHERE { ?a cscs:awardKind "payment" ; cscs:awardYuan ?yuan ; cscs:payer ?p .
          ?p cscs:partyName ?name ; cscs:representedBy/<http://xmlns.com/foaf/0.1/name> ?rep }""").rows
    assert [(r["name"], str(r["yuan"]), r["rep"]) for r in payer] == [("杭州合明投资管理股份有限公司", "1200000", "胡湘")]
    posts = graph.store.select(PREFIXES + """PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX rov: <http://www.w3.org/ns/regorg#>
        SELECT ?person ?firm ?role WHERE { ?m a org:Membership ; org:member/foaf:name ?person ;
          org:organization/rov:legalName ?firm ; org:role ?role }""").rows
    # a legal representative (or a branch's person in charge) named in the party block holds that post,
    # as the lists record it, so the key-personnel indicators reach the firm through them
    assert sorted((r["person"], r["firm"], str(r["role"]).rsplit("#")[1]) for r in posts) == [
        ("王芳", "中国工商银行股份有限公司杭州西湖支行", "LegalRepresentative"),
        ("胡湘", "杭州合明投资管理股份有限公司", "LegalRepresentative")]


def test_real_lecard_judgments_yield_what_they_say_and_nothing_more(realdata: Path) -> None:
    path = realdata / "judgments/lecardv2_criminal_fulltext/criminal_judgments_first40.jsonl"
    assert registry.choose(Source(path)).name == "judgment"
    graph = Graph(memory=True)
    (report,) = graph.ingest([path])
    assert report.status == "added" and report.counts.rows == 40
    assert report.counts.records == 0  # cut before the holdings: no conviction, no date, so no record
    dated = graph.store.select(PREFIXES + "SELECT ?d WHERE { ?d cscs:decisionDate ?x }").rows
    assert dated == []
    decisions = graph.store.select(PREFIXES + "SELECT ?d ?row WHERE { ?d a cscs:CourtDecision ; cscs:sourceRow ?row }").rows
    assert sorted(r["row"] for r in decisions) == list(range(1, 41))
    places = {w.anchor.row for w in report.warnings if "garbled" in w.message}
    assert {5, 8, 12} <= places  # 둣某某, ꃭ某甲, ⅳ于: damaged first characters of the case titles
    assert all(w.anchor.json_path == "query" for w in report.warnings)


def test_undecodable_bytes_are_a_warning_and_the_rest_is_read(tmp_path: Path) -> None:
    data = ENFORCEMENT.encode("utf-8")
    cut = data.index("执行中查明".encode("utf-8"))
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:cut] + b"\xff\xfe\x80" + data[cut:])
    graph = Graph(memory=True)
    (report,) = graph.ingest([path], "judgment")
    assert report.status == "added" and report.counts.records == 1
    (warning,) = [w for w in report.warnings if "byte offset" in w.message]
    assert f"byte offset {cut}" in warning.message and warning.anchor.char_start is not None


def test_no_case_number_and_unreadable_party_entries_are_warnings(tmp_path: Path) -> None:
    text = ENFORCEMENT.replace("(2022)浙0111执4458号\n", "").replace("负责人：周强，董事长。", "负责人：，董事长。")
    graph = Graph(memory=True)
    (report,) = graph.ingest([write(tmp_path, "no-number.txt", text)])
    assert report.status == "added"
    messages = [w.message for w in report.warnings]
    assert "no case number found" in messages
    assert any("no readable name" in m and w.anchor.char_start is not None
               for w, m in zip(report.warnings, messages))
    assert report.counts.records == 1  # the default is still read


def test_a_document_without_any_judgment_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "letter.jsonl"
    path.write_text(json.dumps({"text": "这不是判决书，只是一封信。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (report,) = Graph(memory=True).ingest([path], "judgment")
    assert report.status == "rejected" and "no judgment text found" in report.error


def test_list_documents_are_not_taken_for_judgments(tmp_path: Path) -> None:
    from datetime import date

    from cscs.sample import generate

    corpus = generate(tmp_path, firms=40, seed=5, as_of=date(2024, 6, 30), judgments=True)
    for name, path in corpus.files.items():
        assert registry.choose(Source(path)).name != "judgment", name
    for doc in corpus.judgments:
        assert registry.choose(Source(tmp_path / doc.file)).name == "judgment", doc.file
