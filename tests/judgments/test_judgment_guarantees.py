"""Guarantee statements by sentence grammar (issue 12): which sentences of a loan judgment state a
suretyship, named or not, and which only sound like one (a mortgage, a deposit, a spouse's joint
liability, a list of evidence). The sentences follow the grammar of the CAIL2019 loan judgments;
the names are invented."""

from __future__ import annotations

from cscs.extract.judgments import findings, guarantees, lexicon, pipeline

STATED = [  # (sentence, kind, names)
    ("2016年3月2日，被告周明、吴芳与某某银行签订了《最高额保证合同》，约定周明、吴芳承担连带保证责任。",
     "joint", ["周明", "吴芳", "周明", "吴芳"]),
    ("涉案《最高额保证合同》均约定保证人的保证期间为主债务履行期届满之日起两年。", "contract", []),
    ("本院认为：涉案《借款合同》、《最高额抵押合同》、《最高额保证合同》合法有效，各方均应遵守。", "contract", []),
    ("2009年5月6日，被告陈立与某县农村信用合作社签订保证担保借款合同一份。", "contract", ["陈立"]),  # unquoted: signatory
    ("原告与某县农村信用合作联社签订了一份《小额贷款担保合作协议》，约定原告提供担保金。", "contract", []),
    ("被告孙强为上述借款提供保证担保，保证期间为借款到期后二年。", "provides", ["孙强"]),
    ("宁波华新贸易有限公司作为该合同的保证人，在合同上盖章。", "capacity", ["宁波华新贸易有限公司"]),
    ("三、被告郑伟对上述债务承担连带清偿责任，被告郑伟承担保证责任后，有权向被告某某公司追偿。",
     "liable", ["郑伟"]),
    ("二、被告温州永安电器有限公司对上述第一项债务承担连带清偿责任，但以《最高额保证合同》约定的最高额为限。",
     "contract", ["温州永安电器有限公司"]),
    ("本合同项下的全部债务（包括本金及利息等）由常州华达公司、李四与贷款人另行签订编号为BZ0631120001、BZ0631120002的"
     "《保证担保合同》作为本合同的附件。", "contract", ["常州华达公司", "李四"]),  # the lender by its role
    ("某信用社与被告伟业公司约定伟业公司不再承担此款的连带保证责任。", "joint", []),  # released: still a statement
]
NOT_STATED = [
    "同日，被告许文以其名下房屋为上述借款提供抵押担保，并办理了抵押登记。",  # a mortgage
    "被告李兵与某银行签订《最高额抵押合同》，约定以其房产提供最高额抵押担保。",
    "原告张大为两被告的贷款提供担保。",  # 担保 alone: which security is not said
    "贷款到期后，经催要未果，银行可以直接扣划保证金。",  # a deposit
    "被告王红与王大系夫妻，依法应承担连带还款责任。",  # joint liability, no suretyship
    "五、被告刘一、刘二对被告某某公司的上述债务承担连带清偿责任；",
    "保证期间自主合同约定的债务履行期限届满之日后两年。",
    "以上事实，有《借款合同》、《保证合同》、借据、当事人陈述等证据在卷佐证。",  # a list of evidence
    "二份证据证明某银行与被告签订的保证担保合同，期限是两年。",
    "某公司保证履行还款义务并加盖印章。",  # a promise, not a suretyship
]


def test_sentences_that_state_a_guarantee() -> None:
    for sentence, kind, names in STATED:
        found = guarantees.statements(sentence, lexicon, guarantees.guarantors(sentence, lexicon))
        assert [(g.kind, [n.text for n in g.names]) for g in found] == [(kind, names)], sentence


def test_sentences_that_only_sound_like_one() -> None:
    for sentence in NOT_STATED:
        assert guarantees.statements(sentence, lexicon) == [], sentence


def test_a_released_guarantee_is_marked_denied() -> None:
    released = guarantees.statements(STATED[-1][0], lexicon)
    assert [g.denied for g in released] == [True]
    assert [g.denied for g in guarantees.statements(STATED[0][0], lexicon)] == [False]


def test_the_pipeline_reads_statements_with_their_spans() -> None:
    text = "".join(s for s, _, _ in STATED[:3]) + NOT_STATED[0]
    j = next(pipeline.read([text]))
    assert [(g.kind, text[g.start:g.end][:8]) for g in j.guarantees] == [
        ("joint", "2016年3月2"), ("contract", "涉案《最高额保证"), ("contract", "本院认为：涉案《")]


def test_lenders_a_credit_cooperative_yes_a_rule_title_no() -> None:
    text = ("1995年1月14日，某市金沙煤矿与某市沙湖信用合作社签订《信用借款合同》，向某市沙湖信用合作社贷款350万元。"
            "依照《最高人民法院关于审理涉及金融资产管理公司收购、处置国有银行不良贷款形成的资产的案件适用法律若干问题的规定》"
            "第六条，国有商业银行向金融资产管理公司转让不良贷款。"
            "本院认为：涉案《中国光大银行综合授信协议》系当事人的真实意思表示。")
    assert [x.text for x in findings.lenders(text)] == ["某市沙湖信用合作社", "中国光大银行"]


BORROWS = [  # (sentence, the organisations it says borrow)
    ("2012年12月21日，被告华信公司向某银行支行申请借款，双方签订了《小企业借款合同》。", ["华信公司"]),
    ("另查明，2012年4月5日，某银行开发区支行向被告丽泰米业公司发放贷款150万元。", ["丽泰米业公司"]),
    ("某县农村信用合作社与某市金沙煤矿签订《农村信用合作社信用借款合同》，约定借款350万元。", ["某市金沙煤矿"]),
    ("贷款银行为某银行，借款人为国新铸造公司，担保人为李四。", ["国新铸造公司"]),
    ("一、被告义乌市美达纺织品有限公司于本判决生效之日起十五日内归还原告借款本金2000万元。", ["义乌市美达纺织品有限公司"]),
    ("被告东方贸易部（原某市东方贸易部）借款后，未按约付息。", ["东方贸易部"]),
]
NOT_BORROWS = [
    "被告张三、李四于2010年向农村信用社贷款5万元，原告为其担保。",  # people
    "原告某某资产公司向本院提出诉讼请求：1、判令被告王五归还借款本金30万元。",  # the claimant, a person
    "某信托有限公司与某银行及天宇公司共同签订了《委托贷款借款合同》。",  # three parties: who borrows is not said here
    "被告某某公司对上述借款本金承担连带清偿责任。",  # a guarantor
]


def test_firm_borrowers_by_sentence_grammar() -> None:
    for sentence, names in BORROWS:
        assert [b.text for b in findings.firm_borrowers(sentence, lexicon)] == names, sentence
    for sentence in NOT_BORROWS:
        assert findings.firm_borrowers(sentence, lexicon) == [], sentence


# Classes of failure found on the dev part of the CAIL2019 loan set (issue 12); invented names.
def _named(text: str) -> list[tuple[str, list[str]]]:
    return [(g.kind, [n.text for n in g.names])
            for g in guarantees.statements(text, lexicon, guarantees.guarantors(text, lexicon))]


def test_signatories_of_an_unquoted_suretyship_loan_contract() -> None:
    """保证担保借款合同 without 《》: its signatories other than the lender, after a date with no comma,
    written with 及, or with an abbreviation note that is not part of the name."""
    assert _named("经审理查明，2003年6月25日被告王建国及王建军与某县农村信用合作社联合社签订合同编号为"
                  "农信保借字（2003）第102号的保证担保借款合同一份，借款金额为55000元。") == [
        ("contract", ["王建国", "王建军"])]
    assert _named("原告诉称，2008年10月28日，某县农村信用合作社与被告丰源饲料有限责任公司（以下简称丰源公司）"
                  "签订了保证担保借款合同，约定借款300万元；") == [("contract", ["丰源饲料有限责任公司"])]
    # three parties sign it: the borrower (被告兴旺油厂向…借款) is no guarantor
    assert _named("2008年10月28日，某县农村信用合作社与被告兴旺油厂、丰源饲料有限责任公司（以下简称丰源公司）签订了"
                  "保证担保借款合同，被告兴旺油厂向某县农村信用合作社借款300万元；") == [
        ("contract", ["丰源饲料有限责任公司"])]


def test_guarantors_before_wei_who_sign_with_the_lender() -> None:
    """A、B、C为上述《借款合同》分别与某银行签订的《保证担保合同》: the names before 为, after 以及."""
    text = ("某银行与甲公司签订的《流动资金借款合同》以及华盛公司、张伟、李娜为上述《流动资金借款合同》分别与某银行"
            "签订的《保证担保合同》或向某银行出具的《个人连带责任保证书》，均系合同当事人的真实意思表示。")
    assert _named(text) == [("joint", ["华盛公司", "张伟", "李娜"])]


def test_a_statement_referring_back_names_the_documents_guarantors() -> None:
    """涉案《最高额保证合同》 / 保证人 name nobody themselves: they refer back to the guarantors named
    elsewhere in the judgment; a released guarantee names nobody even so."""
    text = ("2016年3月2日，被告周明、吴芳与某某银行签订了《最高额保证合同》。"
            "涉案《最高额保证合同》均约定保证人的保证期间为主债务履行期届满之日起两年。"
            "某某银行同意放弃该笔债权的连带责任保证。")
    j = next(pipeline.read([text]))
    assert [(g.kind, [n.text for n in g.names], g.denied) for g in j.guarantees] == [
        ("contract", ["周明", "吴芳"], False), ("contract", ["周明", "吴芳"], False), ("joint", [], True)]
    assert _named(text.split("。")[1] + "。") == [("contract", [])]  # alone, nobody to refer back to


def test_joint_liability_capped_at_a_maximum_balance_is_a_suretyship() -> None:
    """在最高余额N元范围内承担连带清偿责任 is a maximum-amount suretyship; the bare holding item is not."""
    assert _named("三、被告海东包装材料有限公司、赵六对上述第一项债务及相应诉讼费用在最高余额1250万元范围内"
                  "承担连带清偿责任。") == [("liable", ["海东包装材料有限公司", "赵六"])]
    assert _named("二、被告海东包装材料有限公司、赵六对上述债务及本案诉讼费用承担连带清偿责任。") == []


def test_the_signer_by_reference_is_no_name() -> None:
    """本人自愿提供连带责任保证 (in a personal guarantee letter) is the signer, not a person called 本人自愿."""
    text = ("2012年6月18日，王亚东、李东就上述《流动资金借款合同》向某银行出具编号为BZ0001的《个人连带责任保证书》称："
            "本人自愿提供连带责任保证，当甲公司未按主合同约定履行债务时，由本人承担保证责任。")
    assert "本人自愿" not in [g.text for g in guarantees.guarantors(text, lexicon)]


def test_counter_guarantors_written_by_their_place_in_the_contract() -> None:
    """原告(甲方)与被告A公司、B、C(乙方)签订《保证反担保合同》…乙方自愿向甲方提供保证反担保 (the CJRC fact
    sections, ASCII punctuation, one run-on sentence): the guarantors are the parties called 乙方; a
    waiver of defences (放弃一切抗辩权) does not release the guarantee."""
    text = ("经审理查明,2016年3月1日,被告华远公司与某银行签订了一份《流动资金借款合同》,约定华远公司向某银行贷款200万元"
            "同日,原告(甲方)与被告华远公司、曾x5、梅x6(乙方)签订了一份《保证反担保合同》,合同约定:为了确保甲方对华远公司"
            "担保债权的实现,乙方自愿向甲方提供保证反担保,反担保的方式为连带保证责任,乙方自愿放弃一切抗辩权")
    assert [g.text for g in guarantees.guarantors(text, lexicon)] == ["华远公司", "曾x5", "梅x6"]
