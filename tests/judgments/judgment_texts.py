"""Hand-written judgments shared by the tests: short, but shaped like published ones (line
breaks where courts put them, aliases, brackets of earlier roles, Chinese-numeral dates)."""

CIVIL = """浙江省杭州市中级人民法院
民事判决书
（2021）浙01民终1234号
上诉人（原审被告）：杭州合明投资管理股份有限公司（以下简称合明公司），住所地浙江省杭州市富阳区富春街道1号。统一社会信用代码91330183287500474A。
法定代表人：胡湘，董事长。
委托诉讼代理人：李娜，浙江天册律师事务所律师。
被上诉人（原审原告）：中国工商银行股份有限公司杭州西湖支行，住所地浙江省杭州市西湖区转塘街道2号。
负责人：王芳，行长。
原审被告：张伟，男，1975年3月15日出生，汉族，住浙江省杭州市，公民身份号码3301061975****1234。
上诉人合明公司因与被上诉人中国工商银行股份有限公司杭州西湖支行、原审被告张伟金融借款合同纠纷一案，不服杭州市富阳区人民法院（2020）浙0111民初567号民事判决，向本院提起上诉。本院于2021年3月1日立案后，依法组成合议庭审理了本案。本案现已审理终结。
本院经审理查明：2019年5月1日，合明公司向被上诉人借款人民币1,200,000元，张伟作为保证人在借款合同上签字。
本院认为，一审判决认定事实清楚，但利息计算有误，应予纠正。依照《中华人民共和国民事诉讼法》第一百七十七条之规定，判决如下：
一、撤销杭州市富阳区人民法院（2020）浙0111民初567号民事判决；
二、合明公司于本判决生效之日起十日内偿还中国工商银行股份有限公司杭州西湖支行借款本金1,200,000元及利息；
三、张伟对上述第二项债务承担连带清偿责任。
一审案件受理费15,600元，由合明公司负担；二审案件受理费15,600元，由合明公司、张伟共同负担。
本判决为终审判决。
审　判　长　陈杰
审　判　员　刘洋
审　判　员　赵敏
二〇二一年九月二十七日
书　记　员　孙丽
"""


ENFORCEMENT = """杭州市富阳区人民法院
执行裁定书
(2022)浙0111执4458号
申请执行人：浙江富阳农村商业银行股份有限公司，住所地浙江省杭州市富阳区。
负责人：周强，董事长。
被执行人：杭州合明投资管理股份有限公司，住所地浙江省杭州市富阳区，统一社会信用代码91330183287500474A。
法定代表人：胡湘，董事长。
本院在执行申请执行人浙江富阳农村商业银行股份有限公司与被执行人杭州合明投资管理股份有限公司金融借款合同纠纷一案中，依据已经发生法律效力的本院（2021）浙0111民初890号民事判决书，被执行人应偿还借款本金500万元。本院于2022年1月5日立案执行。
执行中查明：本院通过网络执行查控系统查询，未发现被执行人有可供执行的财产。截至目前，被执行人尚未履行金额5,000,000元。
本院认为，被执行人暂无财产可供执行。依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十七条之规定，裁定如下：
终结本次执行程序。
申请执行人发现被执行人有可供执行财产的，可以再次申请执行。
执行员　吴刚
二〇二二年六月十日
书记员　郑洁
"""


CRIMINAL = """杭州市上城区人民法院
刑事判决书
（2021）浙0102刑初4836号
公诉机关杭州市上城区人民检察院。
被告单位浙江嘉合进出口有限公司，住所地浙江省杭州市上城区，统一社会信用代码913301027351821088。
诉讼代表人邓永，该公司员工。
被告人史华，男，1968年2月5日出生，汉族，公民身份号码3301021968****9116。
辩护人汪燕静，浙江浙经律师事务所律师。
杭州市上城区人民检察院以杭上检刑诉〔2021〕582号起诉书指控被告单位浙江嘉合进出口有限公司、被告人史华犯非法吸收公众存款罪，于2021年9月30日向本院提起公诉。本院依法组成合议庭，公开开庭审理了本案。现已审理终结。
经审理查明：被告单位浙江嘉合进出口有限公司向社会公众吸收资金共计6300000元。
本院认为，被告单位浙江嘉合进出口有限公司的行为已构成非法吸收公众存款罪。依照《中华人民共和国刑法》第一百七十六条之规定，判决如下：
一、被告单位浙江嘉合进出口有限公司犯非法吸收公众存款罪，判处罚金人民币二百万元。
二、被告人史华犯非法吸收公众存款罪，判处有期徒刑二年，缓刑三年，并处罚金人民币十万元。
审判长　曾水
二〇二一年十一月二十四日
书记员　余福琳
"""


ENGLISH = """Hangzhou Intermediate People's Court of Zhejiang Province
Civil Judgment
(2021) Zhe 01 Min Zhong No. 1234
Appellant (Defendant in the original trial): Hangzhou Heming Investment Management Co., Ltd., domiciled at No. 1 Fuchun Road, Hangzhou. Unified Social Credit Code: 91330183287500474A.
Legal Representative: Hu Xiang, chairman.
Authorized Agent ad litem: Li Na, lawyer of Zhejiang Tiance Law Firm.
Appellee (Plaintiff in the original trial): Industrial and Commercial Bank of China Limited, Hangzhou Xihu Sub-branch, domiciled at No. 2 Shuguang Road, Hangzhou.
Person in charge: Wang Fang, president.
The appellant Hangzhou Heming Investment Management Co., Ltd. was dissatisfied with the Civil Judgment (2020) Zhe 0111 Min Chu No. 567 of the Fuyang District People's Court in the case of a financial loan contract dispute with the appellee, and filed an appeal with this court.
It was found upon trial that the facts found by the court of first instance are true.
This Court holds that the appeal has no merit. The judgment is as follows:
The appeal is dismissed and the original judgment is affirmed.
The case acceptance fee for the second instance of RMB 12,300 shall be borne by the appellant Hangzhou Heming Investment Management Co., Ltd.
Presiding Judge: Chen Jie
Clerk: Zhao Min
September 27, 2021
"""


# -- layouts of real court files (issue 12) -------------------------------------------------------
#: An enforcement ruling as court websites serve it (written to disk in GBK by the tests): spaced
#: title, codes in brackets after the names, an agent, the firm's legal representative also subject
#: to enforcement, no 本院认为 before 裁定如下.
ENFORCEMENT_REAL = """浙江省杭州市西湖区人民法院
执 行 裁 定 书
（2019）浙0106执1234号
申请执行人：杭州恒达贸易有限公司（统一社会信用代码：913301065526985311），住所地浙江省杭州市西湖区文三路1号。
法定代表人：刘洋，该公司总经理。
委托代理人：李明，该公司员工。
被执行人：杭州明远科技有限公司（统一社会信用代码：91330106744190927K），住所地浙江省杭州市西湖区西溪路2号。
法定代表人：张建国，该公司执行董事。
被执行人：张建国，男，1970年1月1日出生，汉族，住浙江省杭州市西湖区，公民身份号码330106197001011230。
本院在执行申请执行人杭州恒达贸易有限公司与被执行人杭州明远科技有限公司、张建国买卖合同纠纷一案中，依据已经发生法律效力的本院（2018）浙0106民初555号民事判决书，被执行人应支付货款人民币356,000元及利息。本院于2019年3月1日立案执行。
经查，被执行人名下无可供执行的财产，申请执行人同意终结本次执行程序。
依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十九条的规定，裁定如下：
终结本次执行程序。
申请执行人享有要求被执行人继续履行债务及依法向人民法院申请恢复执行的权利，被执行人负有继续向申请执行人履行债务的义务。
本裁定送达后即发生法律效力。
审判员　周立
二〇一九年六月十日
书记员　陈红
"""

#: Two civil judgments naming 张建国 as the legal representative of other firms: with his ID
#: number (the same person) and without (another person of the same name, by the identity rules).
CIVIL_SAME_REP = """杭州市余杭区人民法院
民  事  判  决  书
（2019）浙0110民初777号
原告：杭州恒达贸易有限公司，住所地浙江省杭州市西湖区。统一社会信用代码913301065526985311。
法定代表人：刘洋，总经理。
被告：杭州远东建材有限公司（统一社会信用代码：91330110666000015Y），住所地浙江省杭州市余杭区。
法定代表人：张建国，执行董事。
被告：张建国，男，1970年1月1日出生，汉族，公民身份号码330106197001011230。
原告杭州恒达贸易有限公司与被告杭州远东建材有限公司、张建国买卖合同纠纷一案，本院于2019年1月2日立案后，依法适用简易程序进行了审理。
本院认为，买卖合同合法有效。判决如下：
被告杭州远东建材有限公司于本判决生效之日起十日内支付原告货款100,000元，被告张建国承担连带清偿责任。
审判员　孙杰
二〇一九年八月一日
书记员　王敏
"""
CIVIL_NAMESAKE_REP = CIVIL_SAME_REP.replace("（2019）浙0110民初777号", "（2019）浙0110民初778号") \
    .replace("杭州远东建材有限公司（统一社会信用代码：91330110666000015Y）", "杭州西溪物流有限公司（统一社会信用代码：91330110777000026N）") \
    .replace("杭州远东建材有限公司", "杭州西溪物流有限公司") \
    .replace("被告：张建国，男，1970年1月1日出生，汉族，公民身份号码330106197001011230。\n", "") \
    .replace("、张建国买卖", "买卖").replace("，被告张建国承担连带清偿责任", "")

#: The holding of a 终本 ruling in the wordings courts use (replacing ENFORCEMENT_REAL's).
TERMINATION_WORDINGS = {
    "裁定如下 + 终结本次执行程序": "裁定如下：\n终结本次执行程序。",
    "本次执行程序终结": "裁定如下：\n本次执行程序终结。",
    "终结…号案件的本次执行程序": "裁定如下：\n终结（2019）浙0106执1234号案件的本次执行程序。",
    "裁定终结本次执行程序 (no holding cue)": "现裁定终结本次执行程序。",
}

#: A unit defendant with its code in a bracket, convicted of illegal fund-raising.
UNIT_CRIME_PAREN = CRIMINAL.replace(
    "被告单位浙江嘉合进出口有限公司，住所地浙江省杭州市上城区，统一社会信用代码913301027351821088。",
    "被告单位浙江嘉合进出口有限公司（统一社会信用代码：913301023518210898），住所地浙江省杭州市上城区。").replace(
    "指控被告单位浙江嘉合进出口有限公司、", "指控被告单位浙江嘉合进出口有限公司（统一社会信用代码：913301023518210898）、")

#: Sentence-level texts (fact sections without a header or party block), as legal NLP benchmarks give them.
FACT_SENTENCES = (
    "公诉机关指控：2019年5月3日，被告人江某某在杭州市西湖区某小区盗窃电动车一辆，价值3000元。被告人江某某到案后如实供述自己的罪行。",
    "经审理查明，2020年1月，被告人赵某在家中吸食毒品，赵某的尿液检测结果呈阳性。",
    "杭州市西湖区人民检察院指控，被告人王小明、李强、陈某甲于2018年共同诈骗他人财物。王小明持假证件办理贷款。",
)

#: Guarantees in the sentence grammar of loan judgments.
GUARANTEE_SENTENCES = (
    "2013年9月12日，李刚、王利波与兴业银行签订了《保证合同》，约定李刚、王利波承担连带保证责任。",
    "三、被告杭州远东建材有限公司、孙丽对上述第一项债务在最高额500万元范围内承担连带清偿责任，承担保证责任后有权向被告杭州明远科技有限公司追偿。",
    "约定被告周涛自愿为被告杭州明远科技有限公司的上述借款提供连带责任保证。",
    "原告要求吴刚承担连带保证责任的诉讼请求，本院不予支持。",
)
