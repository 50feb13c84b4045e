"""Court documents as published on the judgment portals and court sites: enforcement rulings
(terminations of the current enforcement, and rulings that are not terminations), criminal
judgments with unit defendants, fact sentences without a party block, and loan judgments
with guarantors and mortgagors; as UTF-8 or GBK text or HTML; with their truth labels.

The wording varies where real courts vary: the title spaced or bracketed, the code in
brackets or after a comma or as an old organisation code, 负责人 or 法定代表人, agents
(who are not parties), the reasoning of a termination, the holding's phrasing, and texts
cut before the signature.
"""
from __future__ import annotations

import random

from bench.blind import names

COURTS = (  # (name, post-2016 code, pre-2016 abbreviation, province, city)
    ("杭州市西湖区人民法院", "浙0106", "杭西", "浙江", "杭州"),
    ("宁波市鄞州区人民法院", "浙0212", "甬鄞", "浙江", "宁波"),
    ("温州市鹿城区人民法院", "浙0302", "温鹿", "浙江", "温州"),
    ("绍兴市越城区人民法院", "浙0602", "绍越", "浙江", "绍兴"),
    ("南京市鼓楼区人民法院", "苏0106", "鼓", "江苏", "南京"),
    ("苏州市吴中区人民法院", "苏0506", "吴", "江苏", "苏州"),
    ("济南市历下区人民法院", "鲁0102", "历", "山东", "济南"),
    ("合肥市蜀山区人民法院", "皖0104", "蜀", "安徽", "合肥"),
    ("成都市武侯区人民法院", "川0107", "武侯", "四川", "成都"),
    ("长沙市岳麓区人民法院", "湘0104", "岳", "湖南", "长沙"),
    ("厦门市思明区人民法院", "闽0203", "思", "福建", "厦门"),
    ("杭州市中级人民法院", "浙01", "杭", "浙江", "杭州"),
)

FINANCING_CAUSES = ("金融借款合同纠纷", "民间借贷纠纷", "融资租赁合同纠纷", "借款合同纠纷", "追偿权纠纷")
OTHER_CAUSES = ("买卖合同纠纷", "建设工程施工合同纠纷", "租赁合同纠纷", "服务合同纠纷", "承揽合同纠纷")
TITLES = ("执行裁定书", "执 行 裁 定 书", "【执行裁定书】", "执行裁定书", "执  行  裁  定  书")


class Doc:
    """A court document being written: its lines and its truth."""

    def __init__(self, kind: str, court: tuple, number: str):
        self.lines: list[str] = []
        self.truth: dict = {"set": "court", "doc_kind": kind, "court": court[0], "case_number": number,
                            "parties": [], "default_firms": [], "crime_firms": [], "financing": None,
                            "legal_reps": [], "accused": [], "guarantors": [], "agents": [], "record_kind": None}

    def party(self, name: str, role: str) -> None:
        self.truth["parties"].append({"name": name, "role": role})


def case_number(rng: random.Random, court: tuple, year: int, kind: str) -> str:
    """Post-2016 (2021)浙0106执1234号 or pre-2016 (2015)杭西执字第123号, brackets of either width."""
    seq = rng.randint(1, 9999)
    left, right = rng.choice((("（", "）"), ("(", ")"), ("（", "）")))
    if year < 2016:
        return f"{left}{year}{right}{court[2]}{kind}字第{seq}号"
    return f"{left}{year}{right}{court[1]}{kind}{seq}号"


def _address(rng: random.Random, court: tuple) -> str:
    return f"{court[3]}省{court[4]}市{rng.choice(('西湖', '高新', '经济技术开发', '江东', '城东'))}区" \
           f"{rng.choice(('文三', '学院', '人民', '解放', '新华', '中山'))}路{rng.randint(1, 999)}号"


def firm_party(rng: random.Random, doc: Doc, role_word: str, role: str, court: tuple,
               taken: set[str], with_rep: bool = True) -> str:
    """A firm's party block: name, code in one of its printed forms, domicile, legal
    representative, sometimes an agent."""
    name, pcode = names.small_firm(rng, taken)
    code = names.uscc(rng, names.AREA_CODES[pcode])
    form = rng.choice(("comma", "paren", "paren_colon", "orgcode", "none", "comma", "after_address"))
    addr = _address(rng, court)
    if form == "comma":
        line = f"{role_word}：{name}，统一社会信用代码{code}，住所地{addr}。"
    elif form == "paren":
        line = f"{role_word}：{name}（统一社会信用代码{code}），住所地{addr}。"
    elif form == "paren_colon":
        line = f"{role_word}：{name}（统一社会信用代码：{code}），住所{addr}。"
    elif form == "orgcode":
        line = f"{role_word}：{name}，组织机构代码{names.hyphenated_org_code(code[8:17])}，住所地{addr}。"
    elif form == "after_address":
        line = f"{role_word}：{name}，住所地{addr}，统一社会信用代码：{code}。"
    else:
        line = f"{role_word}：{name}，住所地{addr}。"
    doc.lines.append(line)
    doc.party(name, role)
    doc.truth.setdefault("codes", {})[name] = code if form != "none" else None
    if with_rep:
        rep = names.person(rng)
        title = rng.choice(("该公司执行董事", "该公司总经理", "董事长", "该公司经理"))
        doc.lines.append(f"法定代表人：{rep}，{title}。")
        doc.truth["legal_reps"].append({"firm": name, "person": rep})
    if rng.random() < 0.4:
        agent_line(rng, doc)
    return name


def agent_line(rng: random.Random, doc: Doc) -> None:
    agent = names.person(rng)
    doc.lines.append(f"{rng.choice(('委托诉讼代理人', '委托代理人'))}：{agent}，"
                     f"{rng.choice(('浙江', '江苏', '北京'))}{''.join(rng.sample(names.STEMS, 2))}律师事务所律师。")
    doc.truth["agents"].append(agent)


def person_party(rng: random.Random, doc: Doc, role_word: str, role: str, court: tuple) -> str:
    name = names.person(rng)
    doc.lines.append(f"{role_word}：{name}，{rng.choice('男女')}，{rng.randint(1955, 1995)}年{rng.randint(1, 12)}月"
                     f"{rng.randint(1, 28)}日出生，汉族，住{_address(rng, court)}。")
    doc.party(name, role)
    return name


def lender(rng: random.Random, court: tuple) -> tuple[str, str]:
    """(name, head's title) of a bank branch or other lender."""
    city = court[4]
    branch = rng.choice(("城西", "开发区", "城南"))
    return rng.choice(((f"{city}{''.join(rng.sample(names.STEMS, 2))}农村商业银行股份有限公司{branch}支行", "负责人"),
                       (f"中国{rng.choice(('工商', '农业', '建设'))}银行股份有限公司{city}{rng.choice(('分行', '城东支行'))}", "负责人"),
                       (f"{city}{''.join(rng.sample(names.STEMS, 2))}小额贷款股份有限公司", "法定代表人"),
                       (f"{''.join(rng.sample(names.STEMS, 2))}融资租赁（上海）有限公司", "法定代表人")))


def lender_block(rng: random.Random, doc: Doc, role_word: str, role: str, court: tuple) -> str:
    """A lender's party block: name, domicile, and its head (负责人 of a branch, 法定代表人 of a
    company), who is its representative in the case."""
    name, head = lender(rng, court)
    doc.lines.append(f"{role_word}：{name}，住所地{_address(rng, court)}。")
    doc.party(name, role)
    person = names.person(rng)
    doc.lines.append(f"{head}：{person}{rng.choice(('，该行行长', '', '，该公司董事长')) if head == '负责人' else '，该公司董事长'}。")
    doc.truth["legal_reps"].append({"firm": name, "person": person})
    return name


def _header(rng: random.Random, doc: Doc, court: tuple, title: str) -> None:
    prefix = f"{court[3]}省" if rng.random() < 0.5 else ""
    doc.lines += [prefix + court[0], title, doc.truth["case_number"]]


REASONS = (
    "经本院通过网络执行查控系统对被执行人的银行存款、车辆、不动产、证券、网络资金等财产进行查询，未发现被执行人有可供执行的财产。",
    "执行过程中，本院依法向被执行人发出报告财产令，被执行人未按期申报财产。经调查，被执行人暂无财产可供执行，申请执行人亦不能提供被执行人可供执行的财产线索。",
    "本院已对被执行人采取限制消费措施，并将其纳入失信被执行人名单。经穷尽财产调查措施，未发现被执行人有其他可供执行的财产。申请执行人书面同意终结本次执行程序。",
    "本案执行过程中，本院冻结、扣划被执行人银行存款{paid}元，已发放给申请执行人。截至目前，尚有{left}元未执行到位。经约谈申请执行人，其表示暂无法提供被执行人其他财产线索。",
)
HOLDINGS = ("终结本次执行程序。", "终结{number}案件的本次执行程序。", "本案终结本次执行程序。")


def termination(rng: random.Random, taken: set[str], firm_debtor: bool, cut: bool) -> Doc:
    """An enforcement ruling that ends the current enforcement for want of assets."""
    court = rng.choice(COURTS)
    year = rng.randint(2014, 2024)
    doc = Doc("termination", court, case_number(rng, court, year, "执恢" if rng.random() < 0.15 else "执"))
    _header(rng, doc, court, rng.choice(TITLES))
    financing = rng.random() < 0.6
    cause = rng.choice(FINANCING_CAUSES if financing else OTHER_CAUSES)
    if financing and cause in ("金融借款合同纠纷", "融资租赁合同纠纷", "借款合同纠纷"):
        applicant = lender_block(rng, doc, "申请执行人", "enforcement-applicant", court)
        if rng.random() < 0.6:
            agent_line(rng, doc)
    elif rng.random() < 0.5:
        applicant = person_party(rng, doc, "申请执行人", "enforcement-applicant", court)
    else:
        applicant = firm_party(rng, doc, "申请执行人", "enforcement-applicant", court, taken)
    debtors: list[str] = []
    if firm_debtor:
        firm = firm_party(rng, doc, "被执行人", "enforcement-debtor", court, taken)
        debtors.append(firm)
        doc.truth["default_firms"].append(firm)
        if rng.random() < 0.35:  # a guarantor firm enforced against with the borrower
            second = firm_party(rng, doc, "被执行人", "enforcement-debtor", court, taken)
            debtors.append(second)
            doc.truth["default_firms"].append(second)
    if not firm_debtor or rng.random() < 0.5:
        debtors.append(person_party(rng, doc, "被执行人", "enforcement-debtor", court))
    doc.truth["financing"] = financing
    doc.truth["record_kind"] = ("FinancingJudgmentDefault" if financing else "JudgmentDefault") if firm_debtor else None
    basis = case_number(rng, court, year - 1, "民初").replace("执", "")
    owed = rng.randint(20, 5000) * 1000
    doc.lines.append(f"本院在执行申请执行人{applicant}与被执行人{'、'.join(debtors)}{cause}一案中，因{basis}民事"
                     f"{rng.choice(('判决书', '调解书'))}已经发生法律效力，被执行人未按期履行，申请执行人向本院申请强制执行，"
                     f"执行标的为{owed}元{rng.choice(('及利息', '及迟延履行期间的债务利息', ''))}。本院于{year}年{rng.randint(1, 12)}月"
                     f"{rng.randint(1, 28)}日立案执行。")
    paid = rng.randint(0, owed // 2000) * 1000
    doc.lines.append(rng.choice(REASONS).format(paid=paid, left=owed - paid))
    doc.lines.append(rng.choice(("依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条规定，裁定如下：",
                                 "依照《中华人民共和国民事诉讼法》第二百五十七条第六项、《最高人民法院关于严格规范终结本次执行程序的规定（试行）》第一条之规定，裁定如下：",
                                 "综上，本案符合终结本次执行程序的条件。依照相关法律规定，裁定如下：")))
    doc.lines.append(rng.choice(HOLDINGS).format(number=doc.truth["case_number"]))
    if not cut:
        doc.lines += ["申请执行人享有要求被执行人继续履行债务的权利，发现被执行人有可供执行财产的，可以向本院申请恢复执行。",
                      "本裁定送达后即发生法律效力。"]
        _signature(rng, doc, year)
    return doc


def _signature(rng: random.Random, doc: Doc, year: int) -> None:
    doc.lines += [f"审判{rng.choice(('长', '员'))}　{names.person(rng)}", f"审判员　{names.person(rng)}",
                  names.cn_date(min(year + rng.randint(0, 1), 2024), rng.randint(1, 12), rng.randint(1, 28)),
                  f"书记员　{names.person(rng)}"]


def not_termination(rng: random.Random, taken: set[str]) -> Doc:
    """A ruling against a firm that is not a termination: enforcement completed and measures
    lifted, or an objection dismissed. No judgment-default record may come of it."""
    court = rng.choice(COURTS)
    year = rng.randint(2016, 2024)
    completed = rng.random() < 0.5
    doc = Doc("completed" if completed else "objection_dismissed", court,
              case_number(rng, court, year, "执" if completed else "执异"))
    _header(rng, doc, court, rng.choice(TITLES))
    if completed:
        applicant = lender_block(rng, doc, "申请执行人", "enforcement-applicant", court)
        firm = firm_party(rng, doc, "被执行人", "enforcement-debtor", court, taken)
        doc.lines.append(f"本院在执行申请执行人{applicant}与被执行人{firm}金融借款合同纠纷一案中，被执行人已于{year}年"
                         f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日履行了生效法律文书确定的全部义务，本案已执行完毕。")
        doc.lines.append("依照《中华人民共和国民事诉讼法》第一百五十四条第一款第十一项之规定，裁定如下：")
        doc.lines.append(f"解除对被执行人{firm}名下银行存款的冻结措施。")
        doc.truth["financing"] = True
    else:
        objector = firm_party(rng, doc, "异议人（被执行人）", "objector", court, taken)
        doc.party(objector, "enforcement-debtor")  # the bracket names its other role in the case
        applicant = person_party(rng, doc, "申请执行人", "enforcement-applicant", court)
        doc.lines.append(f"本院在执行申请执行人{applicant}与被执行人{objector}买卖合同纠纷一案中，异议人{objector}对本院"
                         f"冻结其银行账户的执行行为提出书面异议。本院受理后，依法组成合议庭进行审查，现已审查终结。")
        doc.lines.append("本院认为，异议人提出的异议理由不能成立，依法应予驳回。依照《中华人民共和国民事诉讼法》第二百二十五条规定，裁定如下：")
        doc.lines.append(f"驳回异议人{objector}的异议。")
        doc.lines.append("如不服本裁定，可以自本裁定书送达之日起十日内向上一级人民法院申请复议。")
        doc.truth["financing"] = False
    _signature(rng, doc, year)
    return doc


FIN_CHARGES = ("非法吸收公众存款罪", "集资诈骗罪", "骗取贷款罪")
OTHER_CHARGES = ("污染环境罪", "单位行贿罪", "重大劳动安全事故罪")


def criminal(rng: random.Random, taken: set[str]) -> Doc:
    """A criminal judgment with a unit defendant and its managers."""
    court = rng.choice(COURTS)
    year = rng.randint(2014, 2024)
    doc = Doc("criminal", court, case_number(rng, court, year, "刑初"))
    financing = rng.random() < 0.7
    charge = rng.choice(FIN_CHARGES if financing else OTHER_CHARGES)
    _header(rng, doc, court, rng.choice(("刑事判决书", "刑 事 判 决 书")))
    district = court[0].replace("人民法院", "")
    doc.lines.append(f"公诉机关{court[3]}省{district}人民检察院。")
    doc.party(f"{court[3]}省{district}人民检察院", "prosecutor")
    firm, pcode = names.small_firm(rng, taken)
    code = names.uscc(rng, names.AREA_CODES[pcode])
    doc.lines.append(rng.choice((f"被告单位{firm}（统一社会信用代码：{code}），住所地{_address(rng, court)}。",
                                 f"被告单位：{firm}，统一社会信用代码{code}，住所{_address(rng, court)}。")))
    doc.party(firm, "accused-unit")
    doc.truth["codes"] = {firm: code}
    doc.lines.append(f"诉讼代表人{names.person(rng)}，该公司{rng.choice(('员工', '行政主管', '副总经理'))}。")
    accused = []
    for i in range(rng.randint(1, 3)):
        person = names.person(rng)
        accused.append(person)
        doc.party(person, "accused")
        doc.lines.append(f"被告人{person}，{rng.choice('男女')}，{rng.randint(1960, 1990)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
                         f"出生于{court[3]}省{court[4]}市，汉族，{rng.choice(('大专', '高中', '大学本科'))}文化，"
                         f"{'系被告单位法定代表人' if i == 0 else '系被告单位业务经理'}。因涉嫌{charge[:-1]}罪于{year - 1}年"
                         f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日被刑事拘留，现羁押于{court[4]}市看守所。")
        if rng.random() < 0.6:
            doc.lines.append(f"辩护人{names.person(rng)}，{court[3]}{''.join(rng.sample(names.STEMS, 2))}律师事务所律师。")
    doc.truth["accused"] = accused
    doc.truth["crime_firms"] = [firm]
    doc.truth["financing"] = financing
    doc.truth["record_kind"] = "FinancingCrime" if financing else "CriminalRecord"
    doc.lines.append(f"{district}人民检察院以起诉书指控被告单位{firm}、被告人{'、'.join(accused)}犯{charge}，于{year}年"
                     f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日向本院提起公诉。本院依法组成合议庭，公开开庭审理了本案。现已审理终结。")
    amount = rng.randint(300, 90000) * 10000
    fact = {"非法吸收公众存款罪": f"以高额回报为诱饵，通过发放宣传单、召开推介会等方式向社会公众吸收资金共计人民币{amount}元",
            "集资诈骗罪": f"以非法占有为目的，虚构投资项目，向社会公众非法集资人民币{amount}元，造成集资参与人损失",
            "骗取贷款罪": f"以虚假购销合同向银行申请贷款，骗取贷款人民币{amount}元，至案发未能归还",
            "污染环境罪": "将未经处理的含重金属废水直接排入河道，经鉴定严重污染环境",
            "单位行贿罪": f"为谋取不正当利益，向国家工作人员给予财物共计人民币{amount // 100}元",
            "重大劳动安全事故罪": "安全生产设施不符合国家规定，发生一起造成二人死亡的安全事故"}[charge]
    doc.lines.append(f"经审理查明：{year - 4}年至{year - 2}年间，被告单位{firm}在被告人{accused[0]}的决策下，{fact}。")
    doc.lines.append(f"本院认为，被告单位{firm}的行为已构成{charge}，被告人{'、'.join(accused)}系单位直接负责的主管人员或其他直接责任人员，"
                     f"亦应以{charge}追究其刑事责任。依照《中华人民共和国刑法》的有关规定，判决如下：")
    doc.lines.append(f"一、被告单位{firm}犯{charge}，判处罚金人民币{rng.choice(('五十万元', '一百万元', '三十万元'))}。")
    for i, person in enumerate(accused, 2):
        term = rng.choice(("三年", "二年六个月", "五年"))
        doc.lines.append(f"{names.CN_DIGITS[i] if i < 10 else i}、被告人{person}犯{charge}，判处有期徒刑{term}，"
                         f"并处罚金人民币{rng.choice(('十万元', '五万元'))}。")
    _signature(rng, doc, year)
    return doc


def facts(rng: random.Random) -> Doc:
    """A fact section alone (CAIL/LeCaRD style): no header, no party block; the accused named
    in the sentences, anonymised, with victims and witnesses who are not accused."""
    court = rng.choice(COURTS)
    doc = Doc("facts", court, None)  # type: ignore[arg-type]
    doc.truth["court"] = None
    first = names.person(rng, anonymise=True)
    second = names.person(rng, anonymise=True)
    while second == first:
        second = names.person(rng, anonymise=True)
    victim = names.person(rng, anonymise=True)
    while victim in (first, second):
        victim = names.person(rng, anonymise=True)
    two = rng.random() < 0.5
    other = names.person(rng, anonymise=True)  # tried in another case: not accused here
    while other in (first, second, victim):
        other = names.person(rng, anonymise=True)
    elsewhere = f"伙同{other}（另案处理）" if rng.random() < 0.4 else ""
    opening = rng.choice(("经审理查明，", "公诉机关指控，", "经审理查明：", "检察机关指控："))
    y = rng.randint(2012, 2021)
    if rng.random() < 0.5:
        body = (f"被告人{first}于{y}年{rng.randint(1, 12)}月至{y + 1}年{rng.randint(1, 12)}月间，"
                f"{'伙同被告人' + second if two else elsewhere}以投资理财为名，承诺按月支付百分之二的利息，向被害人{victim}等"
                f"{rng.randint(10, 300)}人吸收资金共计人民币{rng.randint(50, 5000)}万元。")
    else:
        together = rng.choice((f"被告人{first}、{second}", f"被告人{first}与被告人{second}")) if two else f"被告人{first}{elsewhere}"
        body = (f"{y}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日晚，{together}"
                f"在{court[4]}市某小区内，趁被害人{victim}不备，窃得其放在车内的现金人民币{rng.randint(1, 90) * 100}元。")
    tail = rng.choice((f"{first}到案后如实供述了自己的罪行。", f"案发后，{first}退缴了全部违法所得。",
                       f"证人{names.person(rng, anonymise=True)}的证言证实了上述事实。"))
    if tail.startswith("证人"):
        witness = tail[2:tail.index("的证言")]
        if witness in (first, second):
            tail = f"{first}到案后如实供述了自己的罪行。"
    doc.lines = [opening + body + tail]
    doc.truth["accused"] = [first] + ([second] if two else [])
    return doc


def loan(rng: random.Random, taken: set[str]) -> Doc:
    """A first-instance loan judgment: lender, firm borrower, a personal guarantor jointly
    liable, and often a mortgagor who is not."""
    court = rng.choice(COURTS)
    year = rng.randint(2015, 2024)
    doc = Doc("loan", court, case_number(rng, court, year, "民初"))
    _header(rng, doc, court, rng.choice(("民事判决书", "民 事 判 决 书")))
    private = rng.random() < 0.3
    if private:
        plaintiff = person_party(rng, doc, "原告", "plaintiff", court)
        cause = "民间借贷纠纷"
    else:
        plaintiff = lender_block(rng, doc, "原告", "plaintiff", court)
        cause = rng.choice(("金融借款合同纠纷", "借款合同纠纷"))
    if rng.random() < 0.6:
        agent_line(rng, doc)
    borrower = firm_party(rng, doc, "被告", "defendant", court, taken)
    guarantors = [person_party(rng, doc, "被告", "defendant", court)]
    if rng.random() < 0.4:
        guarantors.append(firm_party(rng, doc, "被告", "defendant", court, taken, with_rep=rng.random() < 0.7))
    mortgagor = person_party(rng, doc, "被告", "defendant", court) if rng.random() < 0.5 else None
    all_def = [borrower] + guarantors + ([mortgagor] if mortgagor else [])
    doc.truth["financing"] = True
    doc.truth["guarantors"] = guarantors
    doc.truth["mortgagors"] = [mortgagor] if mortgagor else []
    filed = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    doc.lines.append(f"原告{plaintiff}与被告{'、'.join(all_def)}{cause}一案，本院于{filed}立案后，"
                     f"依法适用{rng.choice(('简易', '普通'))}程序，公开开庭进行了审理。本案现已审理终结。")
    principal = rng.randint(50, 3000) * 10000
    doc.lines.append(f"经审理查明：{year - 2}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日，原告与被告{borrower}签订《流动资金借款合同》，"
                     f"约定借款金额{principal // 10000}万元，借款期限一年。同日，"
                     + "；".join(f"被告{g}与原告签订《{rng.choice(('最高额保证合同', '保证合同'))}》，约定{g}为上述借款提供"
                                f"{rng.choice(('连带责任保证', '连带保证责任担保'))}" for g in guarantors)
                     + (f"；被告{mortgagor}以其名下房产提供抵押担保，并办理了抵押登记" if mortgagor else "")
                     + "。借款到期后，被告未按约归还借款本息。")
    law = ("《中华人民共和国民法典》第六百七十五条、第六百八十八条" if year >= 2021 else
           "《中华人民共和国合同法》第二百零六条、《中华人民共和国担保法》第十八条")
    doc.lines.append(f"本院认为，原、被告之间的借款合同及担保合同系当事人真实意思表示，合法有效。依照{law}之规定，判决如下：")
    doc.lines.append(f"一、被告{borrower}于本判决生效之日起十日内归还原告借款本金{principal}元及相应利息；")
    clause = rng.choice((f"对上述第一项债务承担连带清偿责任，其承担保证责任后，有权向被告{borrower}追偿",
                         f"对被告{borrower}的上述借款本息承担连带保证责任",
                         f"对本判决第一项确定的{borrower}的债务在{principal}元范围内承担连带清偿责任",
                         "对上述债务承担连带还款责任"))
    doc.lines.append(f"二、被告{'、'.join(guarantors)}{clause}；")
    if mortgagor:
        doc.lines.append(f"三、原告对被告{mortgagor}提供抵押的房产折价或者拍卖、变卖所得价款在最高债权额范围内享有优先受偿权。")
    doc.lines.append(f"案件受理费{rng.randint(1000, 30000)}元，由被告{borrower}、{'、'.join(guarantors)}负担。")
    _signature(rng, doc, year)
    return doc
