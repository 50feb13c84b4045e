"""The pipeline on hand-written judgments: header, parts, parties, holding, and what it will not guess.

The texts are short but shaped like published ones (line breaks where courts put them,
aliases, brackets of earlier roles, Chinese-numeral dates); every expectation below was
read off the text by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import spacy
from judgment_texts import CIVIL, CRIMINAL, ENFORCEMENT, ENGLISH

from cscs.extract.judgments import pipeline
from cscs.extract.judgments.pipeline import build


def read(text: str):
    return next(pipeline.read([text]))


def test_header_and_parts() -> None:
    j = read(CIVIL)
    assert j.court.text == "浙江省杭州市中级人民法院" and j.doc_type.text == "民事判决书"
    assert j.case_number.normalized == "(2021)浙01民终1234号" and j.case_number.level == "intermediate"
    assert (j.case_kind, j.doc_kind) == ("civil", "judgment")
    assert [label for label, _, _ in j.sections] == [
        "header", "parties", "claims", "facts", "reasoning", "holding", "costs", "signature"]
    assert j.date == date(2021, 9, 27)  # the signature's, not 2019年5月1日 or 2021年3月1日
    assert j.text[slice(*j.date_span)] == "二〇二一年九月二十七日"


def test_parties_roles_codes_representatives() -> None:
    j = read(CIVIL)
    by_name = {p.name: p for p in j.parties}
    firm = by_name["杭州合明投资管理股份有限公司"]
    assert firm.roles == ["appellant", "defendant"] and firm.published_role == "上诉人（原审被告）"
    assert firm.kind == "firm" and firm.codes == ["91330183287500474A"] and firm.aliases == ["合明公司"]
    assert firm.legal_rep.name == "胡湘" and [a.name for a in firm.agents] == ["李娜"]
    bank = by_name["中国工商银行股份有限公司杭州西湖支行"]
    assert bank.roles == ["appellee", "plaintiff"] and bank.legal_rep.name == "王芳"
    person = by_name["张伟"]
    assert person.kind == "person" and person.sex == "男" and person.id_number == "3301061975****1234"
    assert person.roles == ["defendant"]
    for p in j.parties:  # every party keeps the span of its entry
        assert j.text[p.start:p.end].lstrip().startswith(p.published_role[:2])


def test_cause_financing_outcome_awards() -> None:
    j = read(CIVIL)
    assert j.cause.text == "金融借款合同纠纷"
    assert j.financing and j.financing_ground == "cause of action: 金融借款合同纠纷"
    assert j.outcome == "reversed"
    ordered = [(a.kind, str(a.value), a.payers, a.payees) for a in j.awards]
    assert ordered == [
        ("payment", "1200000", ["杭州合明投资管理股份有限公司"], ["中国工商银行股份有限公司杭州西湖支行"]),
        ("costs", "15600", ["杭州合明投资管理股份有限公司"], []),
        ("costs", "15600", ["杭州合明投资管理股份有限公司", "张伟"], []),
    ]
    assert [g.text for g in j.guarantors] == ["张伟"]
    assert [c.normalized for c in j.related_case_numbers] == ["(2020)浙0111民初567号", "(2020)浙0111民初567号"]


def test_enforcement_ruling() -> None:
    j = read(ENFORCEMENT)
    assert (j.case_kind, j.doc_kind, j.case_number.type_code) == ("enforcement", "ruling", "执")
    assert j.outcome == "enforcement terminated: no assets"
    assert j.basis_case_number.normalized == "(2021)浙0111民初890号"
    assert [(p.name, p.roles) for p in j.parties] == [
        ("浙江富阳农村商业银行股份有限公司", ["enforcement-applicant"]),
        ("杭州合明投资管理股份有限公司", ["enforcement-debtor"])]
    assert j.financing and j.date == date(2022, 6, 10)
    assert [str(m.value) for m in j.money] == ["5000000", "5000000"]


def test_unit_crime() -> None:
    j = read(CRIMINAL)
    assert [(p.name, p.roles, p.kind) for p in j.parties] == [
        ("杭州市上城区人民检察院", ["prosecutor"], "organ"),
        ("浙江嘉合进出口有限公司", ["accused-unit"], "firm"),
        ("史华", ["accused"], "person")]
    assert [c.text for c in j.charges] == ["非法吸收公众存款罪"]
    assert [(c.name, c.charges) for c in j.convictions] == [
        ("浙江嘉合进出口有限公司", ["非法吸收公众存款罪"]), ("史华", ["非法吸收公众存款罪"])]
    assert [(a.kind, str(a.value), a.payers) for a in j.awards] == [
        ("fine", "2000000", ["浙江嘉合进出口有限公司"]), ("fine", "100000", ["史华"])]
    assert j.financing and j.outcome == "convicted"


def test_mediation_has_a_holding_without_reasoning() -> None:
    text = ("杭州市西湖区人民法院\n民事调解书\n（2022）浙0106民初88号\n原告：甲公司，住所地杭州。\n被告：乙公司，住所地杭州。\n"
            "原告甲公司与被告乙公司买卖合同纠纷一案，本院于2022年1月立案。\n"
            "本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：\n一、被告乙公司于2022年3月底前支付原告甲公司货款50,000元；\n"
            "二、案件受理费减半收取计525元，由被告乙公司负担。\n审判员　张三\n二〇二二年二月八日\n书记员　李四\n")
    j = read(text)
    assert j.outcome == "mediated" and j.cause.text == "买卖合同纠纷" and not j.financing
    assert [(a.kind, str(a.value), a.payers) for a in j.awards] == [
        ("payment", "50000", ["乙公司"]), ("costs", "525", ["乙公司"])]


def test_quoted_first_instance_holding_is_not_this_courts() -> None:
    """An appeal cut before this court's reasoning quotes the first instance's 判决如下: no holding, no outcome."""
    text = ("山东省临沂市中级人民法院刑事判决书（2014）临刑二终字第181号：临沂市兰山区人民法院审理兰山区人民检察院指控原审被告人吕某"
            "犯抢劫罪一案，于2014年6月18日作出（2014）临兰刑初字第462号刑事判决。原审被告人吕某不服，提出上诉。"
            "原审法院认为，被告人吕某采用暴力手段，劫取他人财物，其行为已构成抢劫罪，依照《中华人民共和国刑法》第二百六十三条之规定，"
            "判决如下：被告人吕某犯抢劫罪，判处有期徒刑四年，并处罚金六千元。")
    j = read(text)
    assert j.section("holding") is None and j.outcome is None and j.convictions == [] and j.date is None
    assert {(p.name, r) for p in j.parties for r in p.roles} == {
        ("兰山区人民检察院", "prosecutor"), ("吕某", "accused"), ("吕某", "appellant")}
    assert j.case_number.form == "pre-2016" and j.case_number.court_code == "临"


def test_problems_are_reported_with_positions() -> None:
    j = read("杭州市西湖区人民法院\n民事判决书\n原告：\n被告：乙公司，住所地杭州。\n某某纠纷一案\n\ufffd\ufffd文字")
    messages = [m for _, _, m in j.problems]
    assert "no case number found" in messages
    assert any("has no readable name" in m for m in messages)
    garbled = next((s, e) for s, e, m in j.problems if "garbled" in m)
    assert j.text[garbled[0]] == "\ufffd"
    assert [p.name for p in j.parties] == ["乙公司"]  # the rest still reads


def test_loose_case_number_is_warned() -> None:
    j = read("杭州市西湖区人民法院\n民事判决书\n（2021）浙民初号\n")
    assert any("does not parse" in m for _, _, m in j.problems)


def test_components_write_spans_and_batches_keep_order() -> None:
    nlp = build("zh")
    assert nlp.pipe_names[0] == "cscs_case_numbers" and "cscs_sections" in nlp.pipe_names
    doc = nlp(CIVIL)  # also usable as nlp(text)
    assert [s.label_ for s in doc.spans["sections"]][:2] == ["HEADER", "PARTIES"]
    assert doc.spans["case_numbers"][0].text == "（2021）浙01民终1234号"
    assert {s.label_ for s in doc.spans["parties"]} >= {"APPELLANT", "APPELLEE", "DEFENDANT"}
    readings = list(pipeline.read([CIVIL, ENFORCEMENT, CRIMINAL] * 5, batch_size=4))
    assert [r.doc_type.text for r in readings[:3]] == ["民事判决书", "执行裁定书", "刑事判决书"] and len(readings) == 15


def test_tokens_are_spacys_char_segmentation() -> None:
    """The pipeline's linear-time segmenter gives exactly the tokens of spacy.blank('zh')."""
    reference = spacy.blank("zh")
    for text in (CIVIL, ENFORCEMENT, "  a  b\n\n c ", "中 文\u3000空格 ", "", " ", "x  "):
        assert [(t.text, t.whitespace_) for t in build("zh").tokenizer(text)] == \
            [(t.text, t.whitespace_) for t in reference.tokenizer(text)]


def test_english_translation() -> None:
    j = read(ENGLISH)
    assert j.lang == "en" and j.court.text == "Hangzhou Intermediate People's Court of Zhejiang Province"
    assert j.doc_type.text == "Civil Judgment" and (j.case_kind, j.doc_kind) == ("civil", "judgment")
    c = j.case_number
    assert (c.court_code, c.type_code, c.sequence, c.level) == ("浙01", "民终", 1234, "intermediate")
    assert j.date == date(2021, 9, 27)
    assert [(p.name, p.roles, p.codes) for p in j.parties] == [
        ("Hangzhou Heming Investment Management Co., Ltd.", ["appellant", "defendant"], ["91330183287500474A"]),
        ("Industrial and Commercial Bank of China Limited, Hangzhou Xihu Sub-branch", ["appellee", "plaintiff"], [])]
    assert j.parties[0].legal_rep.name == "Hu Xiang" and j.parties[1].legal_rep.name == "Wang Fang"
    assert j.cause.text == "financial loan contract dispute" and j.financing
    assert j.outcome == "appeal dismissed"
    assert [(a.kind, a.value, a.payers) for a in j.awards] == [
        ("costs", Decimal(12300), ["Hangzhou Heming Investment Management Co., Ltd."])]


def test_joint_liability_and_costs_shared() -> None:
    text = ("杭州市西湖区人民法院\n民事判决书\n（2022）浙0106民初88号\n原告：甲银行股份有限公司西湖支行，住所地杭州。\n"
            "被告：乙公司，住所地杭州。\n被告：王五，男，住杭州。\n原告甲银行股份有限公司西湖支行与被告乙公司、王五金融借款合同纠纷一案，"
            "本院于2022年1月立案。\n本院认为，原告的诉讼请求成立。判决如下：\n一、被告乙公司于本判决生效之日起十日内偿还原告"
            "甲银行股份有限公司西湖支行借款本金100万元，被告王五对此承担连带清偿责任；\n案件受理费13800元，由被告乙公司、王五负担。\n"
            "审判员　张三\n二〇二二年二月八日\n书记员　李四\n")
    j = read(text)
    assert [(a.kind, str(a.value), a.payers, a.payees, a.joint) for a in j.awards] == [
        ("payment", "1000000", ["乙公司"], ["甲银行股份有限公司西湖支行"], ["王五"]),
        ("costs", "13800", ["乙公司", "王五"], [], [])]
    assert j.financing_ground == "cause of action: 金融借款合同纠纷"
