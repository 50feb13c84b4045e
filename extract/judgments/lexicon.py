"""The words of Chinese judgments, in one place: document types, courts, party roles,
the cues that open each part of a judgment, causes and charges that concern financing,
financial institutions, and the surnames that tell a name from a word.

Everything the pipeline recognises is written here as data (as OpenSanctions keeps
lookups beside a crawler), so a new role word or section cue is one line, and the
English lexicon (``english.py``) can offer the same names.
"""

from __future__ import annotations

import re

# -- document types ----------------------------------------------------------------------
#: Published document type → (case kind it implies, canonical document type).
DOC_TYPES: dict[str, tuple[str | None, str]] = {
    "刑事附带民事判决书": ("criminal", "judgment"), "刑事附带民事裁定书": ("criminal", "ruling"),
    "刑事附带民事调解书": ("criminal", "mediation"),
    "民事判决书": ("civil", "judgment"), "民事裁定书": ("civil", "ruling"), "民事调解书": ("civil", "mediation"),
    "民事决定书": ("civil", "decision"), "刑事判决书": ("criminal", "judgment"), "刑事裁定书": ("criminal", "ruling"),
    "刑事决定书": ("criminal", "decision"), "行政判决书": ("administrative", "judgment"),
    "行政裁定书": ("administrative", "ruling"), "行政调解书": ("administrative", "mediation"),
    "执行裁定书": ("enforcement", "ruling"), "执行决定书": ("enforcement", "decision"),
    "执行通知书": ("enforcement", "notice"), "国家赔偿决定书": ("state compensation", "decision"),
    "赔偿决定书": ("state compensation", "decision"), "决定书": (None, "decision"), "判决书": (None, "judgment"),
    "裁定书": (None, "ruling"), "调解书": (None, "mediation"), "支付令": ("civil", "payment order"),
}
_SPACE = r"[ \t\u3000\u00a0]{0,3}"
#: A document type as printed: the characters may be spaced out for the title line (执 行 裁 定 书,
#: 民  事  判  决  书); brackets or stars around it are not part of it.
DOC_TYPE = re.compile("|".join(_SPACE.join(map(re.escape, t)) for t in sorted(DOC_TYPES, key=len, reverse=True)))


def doc_type_key(published: str) -> str:
    """The DOC_TYPES key of a document type as printed (spaces removed)."""
    return re.sub(r"\s+", "", published)

# -- courts ---------------------------------------------------------------------------------
#: A court's name: a run of place words ending in 法院, never across a document type or punctuation.
COURT = re.compile(
    r"(?:^|(?<=[书\s。：:，,）)\]】；;、]))"
    r"(?P<court>最高人民法院|(?:(?!判决书|裁定书|调解书|决定书|审理|指控|本院)[\u4e00-\u9fff]){2,30}?"
    r"(?:高级人民法院|中级人民法院|人民法院|海事法院|知识产权法院|金融法院|互联网法院|铁路运输法院|"
    r"铁路运输中级法院|林区基层法院|林区中级法院|军事法院|法院))")

# -- party roles -----------------------------------------------------------------------------
#: Role word → canonical role. Longest words are tried first.
PARTY_ROLES: dict[str, str] = {
    "原审附带民事诉讼原告人": "incidental-plaintiff", "附带民事诉讼原告人": "incidental-plaintiff",
    "附带民事诉讼被告人": "incidental-defendant", "附带民事诉讼原告": "incidental-plaintiff",
    "原审被告单位": "accused-unit", "被告单位": "accused-unit",
    "原审被告人": "accused", "被告人": "accused", "罪犯": "accused",
    "原公诉机关": "prosecutor", "公诉机关": "prosecutor", "抗诉机关": "prosecutor", "自诉人": "private-prosecutor",
    "再审申请人": "retrial-applicant", "复议申请人": "applicant", "申请复议人": "applicant",
    "申请执行人": "enforcement-applicant", "被执行人": "enforcement-debtor",
    "案外人": "outsider", "异议人": "objector",
    "被上诉人": "appellee", "上诉人": "appellant",
    "原审原告": "plaintiff", "原审被告": "defendant", "原审第三人": "third-party",
    "一审原告": "plaintiff", "一审被告": "defendant", "一审第三人": "third-party",
    "二审上诉人": "appellant", "二审被上诉人": "appellee",
    "被申请人": "respondent", "申请人": "applicant",
    "原告人": "plaintiff", "原告": "plaintiff", "被告": "defendant", "第三人": "third-party",
    "被罚款人": "sanctioned", "被处罚人": "sanctioned",
}
#: Representatives of the party before them → canonical kind.
REPRESENTATIVES: dict[str, str] = {
    "法定代表人": "legal-representative", "负责人": "legal-representative", "诉讼代表人": "representative",
    "委托诉讼代理人": "agent", "委托代理人": "agent", "诉讼代理人": "agent", "特别授权代理人": "agent",
    "指定代理人": "agent", "法定代理人": "guardian", "指定辩护人": "defender", "辩护人": "defender",
}
_ROLE_WORDS = sorted([*PARTY_ROLES, *REPRESENTATIVES], key=len, reverse=True)
#: A party or representative entry: at the start of a line or sentence, a role word, an optional
#: bracket with the roles in earlier instances, an optional colon, then the name.
ENTRY = re.compile(
    r"(?:^|(?<=[\n。；;]))[ \t\u3000]*(?P<role>" + "|".join(_ROLE_WORDS) + r")"
    r"(?P<paren>[（(][^（）()\n]{1,24}[）)])?[ \t\u3000]*[:：]?[ \t\u3000]*")
ENTRY_AT = re.compile(ENTRY.pattern.replace(r"(?:^|(?<=[\n。；;]))", "", 1))
#: What an entry's first words look like (so a sentence opening with a role word is told from procedure).
ENTRY_DETAIL = re.compile(r"[，,](?:男|女)|住所地|住所|统一社会信用代码|组织机构代码|身份证|出生|住址|住[^，。]{2,}|职务|律师|曾用名")
#: What a bracket after a party's name holds when it is a detail of the party, not part of its name:
#: ``被告单位X（统一社会信用代码：…）``, ``被执行人：X公司（住所地…；法定代表人：…）``.
DETAIL_PAREN = re.compile(
    r"[（(][\s:：]*(?=统一社会信用代码|社会信用代码|信用代码|统一代码|组织机构代码|机构代码|注册号|营业执照|纳税人识别号|"
    r"住所地|住所|住址|地址|经营场所|营业场所|法定代表人|负责人|经营者|投资人|执行事务合伙人|公民身份|身份证|男|女|"
    r"\d{4}年|下称|以下称)")
#: A legal representative written inside that bracket.
PAREN_LEGAL_REP = re.compile(r"(?:法定代表人|负责人|经营者|执行事务合伙人)[：:\s]*(?P<name>[\u4e00-\u9fff·]{2,8}?)(?=[，,；;。）)\s]|$)")
ROLE_IN_PAREN = re.compile("|".join(sorted(PARTY_ROLES, key=len, reverse=True)))

# -- the parts of a judgment ---------------------------------------------------------------------
#: Sentences that end the party block and begin the procedural history.
PROCEDURE = re.compile(
    r"一案|起诉书|提起公诉|向本院提起|向本院提出|本院受理|受理后|立案受理|审理终结|诉讼请求|不服|申请执行(?!人)|"
    r"本院依法|本院于|执行过程中|本院在执行|提出执行异议|本院认为|经本院主持|本院作出")
FACTS = re.compile(
    r"本院经审理查明|经审理查明|审理查明|本院查明|经审查查明|本院经审查|经审理认定|本院认定事实如下|"
    r"原判认定|原审判决认定|原判决认定|原审经审理查明|原审查明|一审法院认定|一审法院查明|经二审审理查明|"
    r"本院二审查明|执行中查明|经查")
REASONING = re.compile(r"本院认为")
HOLDING = re.compile(r"判决如下|裁定如下|决定如下|达成如下协议|协议如下|调解协议如下|确认如下|通知如下|命令如下")
HOLDING_WITHOUT_REASONING = re.compile(r"达成如下协议|协议如下|调解协议如下|确认如下")
COSTS = re.compile(r"(?:一审|二审|再审)?(?:案件受理费|诉讼费用|诉讼费|受理费|申请执行费|执行费|保全费|公告费)")
SIGNATURE = re.compile(r"(?:^|(?<=[\n。\s]))(?:审\s*判\s*长|审\s*判\s*员|代理审判员|人民陪审员|执\s*行\s*员|执行长|书\s*记\s*员)")

# -- causes, charges, financing ------------------------------------------------------------------
CAUSE = re.compile(
    r"(?P<cause>(?:(?!一案|纠纷)[\u4e00-\u9fff、]){2,20}?(?:纠纷|之诉))(?:[一二]审)?(?:一案|案)")
CHARGE_CUE = re.compile(r"(?P<neg>不)?(?:犯|以|构成|涉嫌|认定为|定为|罪名为)")
FINANCING_CAUSES = (
    "金融借款合同纠纷", "借款合同纠纷", "民间借贷纠纷", "企业借贷纠纷", "小额借款合同纠纷", "同业拆借纠纷",
    "金融不良债权追偿纠纷", "金融不良债权转让合同纠纷", "融资租赁合同纠纷", "信用卡纠纷", "保证合同纠纷",
    "保证保险合同纠纷", "抵押合同纠纷", "质押合同纠纷", "追偿权纠纷", "典当纠纷", "储蓄存款合同纠纷",
    "金融委托理财合同纠纷", "保理合同纠纷", "票据付款请求权纠纷", "借记卡纠纷",
)
FINANCING_CHARGES = (
    "非法吸收公众存款罪", "集资诈骗罪", "贷款诈骗罪", "骗取贷款罪", "骗取贷款、票据承兑、金融票证罪",
    "高利转贷罪", "违法发放贷款罪", "信用卡诈骗罪", "妨害信用卡管理罪", "金融凭证诈骗罪", "票据诈骗罪",
    "吸收客户资金不入账罪", "擅自设立金融机构罪", "伪造、变造金融票证罪", "非法发放贷款罪",
)
FINANCIAL_INSTITUTION = re.compile(
    r"银行|信用社|信用合作联社|信用合作社|农村合作银行|小额贷款|融资租赁|金融租赁|信托|消费金融|汽车金融|财务有限公司|"
    r"典当|资产管理股份|资产管理公司|融资担保|保理|农信社|农商行|银行卡")
LOAN_CLAIM = re.compile(r"(?:偿还|归还|返还|清偿)[^。；\n]{0,20}(?:借款|贷款|欠款本金|本金)")
FRIVOLOUS = re.compile(r"虚假诉讼|恶意诉讼|捏造事实提起民事诉讼|伪造证据[^。]{0,10}诉讼")

# -- outcomes --------------------------------------------------------------------------------------
#: Termination of the current enforcement for want of assets (终本), in its published wordings:
#: 终结本次执行程序, 本次执行程序终结, 终结（2019）浙0106执123号案件的本次执行程序.
TERMINATION = re.compile(r"终结[^。；;\n]{0,40}?本次执行(?:程序)?|本次执行程序(?:予以|应予|依法)?终结")
#: A sentence that reports an earlier ruling rather than making this one (本院曾于…裁定终结本次执行程序).
EARLIER_RULING = re.compile(r"曾|已于|此前|之前|先前|作出|(?:19|20)\d{2}年|[〇○零一二]{4}年|恢复执行")
#: (pattern, outcome) in order of precedence.
OUTCOMES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), o) for p, o in (
    (TERMINATION.pattern, "enforcement terminated: no assets"),
    (r"执行完毕|已全部履行|履行完毕|已经履行完毕|全部履行完毕", "enforcement completed"),
    (r"终结(?:本案的)?执行|终结对[^。]{0,30}的执行", "enforcement terminated"),
    (r"中止(?:本案的)?执行", "enforcement suspended"),
    (r"纳入失信被执行人名单", "listed as dishonest debtor"),
    (r"驳回上诉，?维持原判|驳回上诉、维持原判", "appeal dismissed"),
    (r"发回[^。]{0,20}重审|发回重审", "remanded"),
    (r"撤销[^。]{0,60}(?:判决|裁定)", "reversed"),
    (r"宣告无罪|无罪", "acquitted"),
    (r"犯[^。；]{1,30}罪[，,][^。]{0,20}(?:判处|免予刑事处罚|单处|处罚金)", "convicted"),
    (r"罚款", "sanctioned"),
    (r"驳回(?:原告|申请人|再审申请人|起诉人)?[^。]{0,40}(?:全部)?诉讼请求|驳回[^。]{0,30}(?:申请|起诉)", "dismissed"),
    (r"准许[^。]{0,30}撤回(?:起诉|上诉|申请)|按[^。]{0,10}撤回(?:起诉|上诉)处理|按撤诉处理", "withdrawn"),
    (r"达成如下协议|调解协议", "mediated"),
    (r"(?:支付|偿还|归还|给付|赔偿|返还)", "claims granted"),
))
#: Verbs of an order to pay, in the holding; the word before those who bear the costs.
PAY_VERBS = re.compile(r"支付|偿还|归还|给付|赔偿|返还|退还|清偿|缴纳")
COSTS_BY = re.compile(r"由")
PARTY_REF_ROLES = {"原告": "plaintiff", "被告": "defendant", "第三人": "third-party", "上诉人": "appellant",
                   "被上诉人": "appellee", "申请执行人": "enforcement-applicant", "被执行人": "enforcement-debtor",
                   "申请人": "applicant", "被申请人": "respondent", "被告人": "accused", "被告单位": "accused-unit"}
#: Joint and several liability ordered in the holding (连带清偿/保证/还款/偿还/给付/赔偿责任, 互负连带责任).
#: Not 共同还款责任 (co-debtors, who pay the sum) nor 补充赔偿/清偿责任 (a secondary liability for
#: what the debtor cannot pay): neither is joint and several.
JOINT = re.compile(r"承担连带(?:清偿|保证|赔偿|还款|偿还|给付)?责任|(?:互)?负连带(?:清偿|还款|偿还|赔偿)?责任")
#: The word that ends the subjects of a joint-liability clause and opens its object (对上述债务,
#: 就被告X的借款, 向原告), or a verb of paying (共同偿还…并承担连带责任).
JOINT_OBJECT = re.compile(r"对|就|向|为|" + PAY_VERBS.pattern)
GUARANTOR = re.compile(
    r"(?P<names>[^，,。；;：:\s()（）]{2,60}?)(?:作为|系|为)(?:连带责任)?(?:保证人|担保人)|"
    r"由(?:被告)?(?P<names2>[^，,。；;：:\s]{2,60}?)(?:自愿)?(?:为其|为该笔借款|对该借款)?提供(?:连带责任)?(?:保证|担保)|"
    r"由(?:被告)?(?P<names3>[^，,。；;：:\s]{2,40}?)(?:作)?担保(?![人物])|"
    r"(?P<names4>[^，,。；;：:\s()（）]{2,30}?)[(（](?:担保人|保证人)[)）]|"
    r"(?P<names5>[^，,。；;：:\s()（）]{2,30}?)提供连带责任保证")

#: Sentence grammar of a guarantee, each naming the guarantors in the clause before its cue
#: (``names``: from the start of the clause): 被告A、B对上述债务承担连带保证责任；约定C自愿为…提供连带责任保证；
#: D以保证人的身份签名；E与某银行签订《最高额保证合同》 (the signatory that is not the lender).
GUARANTEE_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p)) for kind, p in (
    ("liable", r"对[^。；;，,]{0,60}?(?:债务|借款|款项|欠款|本息|本金|费用|责任|义务)[^。；;]{0,40}?承担连带(?:保证|清偿|偿还|还款)?责任"),
    ("liable", r"(?<![对的])承担连带(?:责任)?保证责任"),
    ("provides", r"(?:自愿)?为[^。；;]{2,120}?提供了?(?:最高额)?(?:连带(?:责任)?)?(?:保证|担保)(?!人)"),
    ("capacity", r"以保证人(?:的)?身份|作为[^。；;，,]{0,20}?(?:连带)?(?:责任)?保证(?:责任)?人"),
    ("provides", r"(?:自愿)?向[^。；;，,]{1,30}?提供了?(?:连带(?:责任)?)?保证(?!金|人)"),  # 乙方自愿向甲方提供保证反担保
    ("signs", r"(?:分别)?签(?:订|署)了?[^。；;《]{0,40}?《(?:(?!抵押|质押|解除|借款|委托|反担保)[^》]){0,20}?(?:保证|担保)"
              r"(?:(?!抵押|质押|借款)[^》]){0,12}?(?:合同|书|协议|函)》"),
    # an unquoted suretyship loan contract (签订了保证担保借款合同): its signatories other than the lender
    ("signs", r"(?:分别)?签(?:订|署)了?的?(?:[^。；;《，,]{0,30}?的)?(?:一份)?保证(?:担保)?(?:借款)?[^，,。；;《》\s]{0,2}?合同"),
    # the guarantors before 为, signing with the lender or issuing to it (A、B为上述借款分别与某银行签订的《保证担保合同》)
    ("for", r"为[^。；;，,]{0,40}?(?:分别)?(?:与|向)[^。；;，,《]{2,30}?(?:签订|签署|出具)了?的?"
            r"《(?:(?!抵押|质押|解除|借款|反担保)[^》]){0,20}?(?:保证|担保)(?:(?!抵押|质押)[^》]){0,12}?》"),
))
#: A statement that refers back to the guarantee by its contract or its parties' roles (涉案《最高额保证合同》,
#: 上述保证合同, 保证人的保证期间, 与各被告之间签订): it names the document's guarantors read elsewhere.
GUARANTEE_BACK_REFERENCE = re.compile(r"(?:涉案|案涉|本案|上述|前述|以上|该|两份|各)(?:的)?(?:[^。；;《]{0,6})?《|"
                                      r"(?:上述|该|前述)保证|保证人|担保人|各被告|被告之间")
#: A joint liability capped at a maximum balance (在最高余额N元范围内承担连带清偿责任): a maximum-amount suretyship.
GUARANTEE_CAP = re.compile(r"最高(?:余)?额[^。；;]{0,30}?(?:范围内|为限)[^。；;]{0,6}?承担连带(?:清偿|偿还|还款|给付)?责任")
#: An abbreviation written after a name (（以下简称豫昌公司）): not part of the name.
ABBREVIATION_NOTE = re.compile(r"[（(](?:以下)?(?:简称|下称)[^）)]{1,20}[）)]")
#: A sentence that states a suretyship (the CAIL loan labels 连带保证 and 订立保证合同), by the first
#: cue found: a joint suretyship; a suretyship contract named (in a title, 担保 counts too, unless the
#: title is a mortgage's, a pledge's, a release or a transfer; unquoted, only 保证…合同); a
#: suretyship provided; a party acting as surety; joint liability beside a suretyship. 保证金 is a
#: deposit, 保证履行 a promise.
GUARANTEE_STATEMENT: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p)) for kind, p in (
    ("joint", r"连带(?:责任)?保证(?!金)|连带责任(?:担保|保证)|连带担保责任"),
    ("contract", r"《(?:(?!抵押|质押)[^《》]){0,40}?保证(?!金)[^《》]{0,20}?》|"
                 r"《(?:(?!抵押|质押|解除|转让|反担保)[^《》]){0,30}?担保(?:(?!抵押|质押|解除|转让)[^《》]){0,12}?"
                 r"(?:合同|协议|书|函|契约)》|"
                 r"保证(?:担保)?(?:借款)?[^，,。；;《》\s]{0,2}?合同"),
    ("provides", r"提供了?(?:最高额)?保证(?!金)"),
    ("capacity", r"作为[^。；;，,]{0,20}?保证人|以保证人(?:的)?身份"),
    ("liable", r"连带(?:清偿|偿还|还款|给付)责任(?=[^。；;]*?保证(?!金))|保证(?!金)[^。；;]*?连带(?:清偿|偿还|还款|给付)责任"),
))
#: A list of evidence (以上事实，有…为证; 二份证据证明…) names documents, states no guarantee.
EVIDENCE_LIST = re.compile(r"^[^，,。]{0,8}?(?:以上|上述)(?:事实|证据)|为证|证据[^。；;，,]{0,6}证明|"
                           r"提交了?[^。；;]{0,12}证据")
#: Words that open a clause before the guarantors' names and are not part of them.
#: What may stand between the guarantors' names and the cue: a cap (在最高额…范围内, 以…为限).
GUARANTEE_TAIL = re.compile(r"(?:应当?|依约|依法|仍|亦|还|依照[^，,。；]{0,12}?|按照[^，,。；]{0,12}?|"
                            r"在[^，,。；]{0,40}?(?:范围|限额|余额)内|以[^，,。；]{0,30}?为限|就[^，,。；]{0,40}?)+$")
#: A guarantor named after the word for one (保证人豫昌公司签订…, 担保人：张三).
GUARANTOR_TITLE = re.compile(r"(?<![被原])(?:保证人|担保人)[：:]?(?=[\u4e00-\u9fff])")
#: An organisation's name as it runs on in a sentence, up to the word that ends it.
ORG_RUN = re.compile(r"(?:(?![为向在从自给请求的于对将把被与和及])[\u4e00-\u9fff\dxX（）()]){2,30}?"
                     r"(?:有限责任公司|股份有限公司|有限公司|公司|厂|中心|合作社|商行|经营部)")
#: A clause that denies the guarantee (本院不予支持, 不承担…责任) names no guarantor.
GUARANTEE_DENIED = re.compile(r"不予支持|不予采纳|驳回|不(?:再)?承担|无需承担|不应承担|不再追究|"
                              r"放弃(?![^。；;，,]{0,4}抗辩)|免除|无效")  # 放弃一切抗辩权 waives defences, not the guarantee
#: A party of a contract written by its place in it (被告A、B(乙方)), and later by that role alone (乙方自愿…).
CONTRACT_ROLE = re.compile(r"[(（](甲方|乙方|丙方|丁方)[)）]")
#: Lenders among the signatories of a guarantee contract (bank branches written short: 工行瑞安支行).
LENDER_NAME = re.compile(FINANCIAL_INSTITUTION.pattern + r"|支行|分行|[工农建中交招]行|农商行|邮储")
#: The lender written by its role (…与贷款人另行签订《保证担保合同》): a side of the contract, not a guarantor.
LENDER_ROLE = re.compile(r"^(?:贷款人|债权人|出借人|贷款银行)(?:另行|分别|共同)?$")
GUARANTEE_LEAD = re.compile(r"^(?:[一二三四五六七八九十\d]{1,3}[、.．]|以及|(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|同日|同时|并|且|另|约定|由|要求|请求|判令|被告|原告|第三人|保证人|担保人|"  # noqa: E501
                            r"被上诉人|上诉人|原审被告|[\s，,：:])+")

# -- names -----------------------------------------------------------------------------------------
ORG_SUFFIX = re.compile(
    r"(?:公司|厂|店|中心|合作社|集团|事务所|银行|分行|支行|营业部|信用社|联社|协会|商会|学校|学院|大学|医院|"
    r"研究所|研究院|委员会|基金会|管理局|局|处|院|站|所|部|社|会|行|馆|场|园|队|室|办|村|庄|组|政府|检察院|法院)"
    r"(?:[（(][^（）()]{1,12}[）)])?$")
STATE_ORGAN = re.compile(r"人民检察院|人民政府|公安局|委员会|管理局|税务局|法院|^.{2,12}局$")
#: The hundred-odd commonest surnames plus the compound ones; a person's name starts with one.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文"
    "牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜"
    "冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠"
    "惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿"
    "国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉"
    "银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由蔚习矫职帖")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
                     "司徒", "夏侯", "令狐", "端木", "西门", "南宫", "独孤", "万俟", "呼延", "澹台", "轩辕")
ANONYMISED_TAIL = re.compile(r"^(?:某{1,2}[甲乙丙丁戊己庚辛壬癸]?\d{0,2}|[xX×ＸＸ*＊]+\d{0,3}|\d{1,3}某?)$")
#: Characters that end a name in running text (function words, common verbs).
NAME_STOP = set("及与和在于因的等对被将从以为系到向犯是已不均亦也并又还拒自持伙驾通先后即遂便所之担曾现经称供辩"
                "当出未无非用要说让把共作到至由给跟同去来把上下中内外前称认提辩诉如实且就处经"
                "利建雇纠携趁窃盗骗购贩售使租开采进乘搭冒假拿带找约伪私违多分明")  # 利用, 建立, 雇佣 …


_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """zh when the text is mostly Chinese characters, en when it is mostly Latin letters
    (an English translation), by the first 2,000 characters."""
    sample = text[:2000]
    return "en" if len(_LATIN.findall(sample)) > 3 * max(len(_HAN.findall(sample)), 1) else "zh"
