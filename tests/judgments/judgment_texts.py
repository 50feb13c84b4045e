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
