"""行政处罚 (penalties, 双公示): parties, amounts in 万元 → yuan, validity."""

import pytest

from cscs.api import Graph
from cscs.extract.context import ExtractionError
from cscs.extract.lists.penalties import PenaltyList

HEADER = ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "工商注册号", "组织机构代码", "税务登记号", "法定代表人",
          "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
          "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
          "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注"]
AUTHORITY = ["杭州市上城区市场监督管理局", "11330102MB0000000K", "杭州市上城区市场监督管理局", "11330102MB0000000K"]


def penalty(name, category, codes, rep, number, fine, confiscated, decided, validity, publicity, remark=""):
    return [name, category, *codes, rep, number, "虚假宣传", "发布虚假广告", "《中华人民共和国广告法》第五十五条",
            "罚款;没收违法所得", "罚款并没收违法所得", fine, confiscated, "", decided, validity, publicity,
            *AUTHORITY, remark]


ROWS = [
    penalty("杭州甲乙科技有限公司", "法人及非法人组织", ["91330102MA2B3C4D17", "", "", ""], "张三",
            "杭上市监处罚〔2021〕12号", "1.5", "0.32", "2021/05/10", "2022-05-09", "2024-05-10", "已缴纳"),
    penalty("王五", "自然人", ["", "", "", ""], "", "杭上市监处罚〔2021〕13号", "0.05", "", "2021-06-01",
            "2021-12-31", ""),
    penalty("杭州市上城区张记小吃店", "个体工商户", ["92330106MA2KLM337R", "", "", ""], "张记",
            "杭上市监处罚〔2021〕14号", "0.2", "0", "2021-07-01", "六个月", ""),
    penalty("杭州丙丁贸易有限公司", "法人及非法人组织", ["", "", "72582917-4", ""], "李四",
            "杭上市监处罚〔2021〕15号", "一万", "", "2021-07-02", "", ""),
    penalty("杭州戊己实业有限公司", "法人及非法人组织", ["913301027258291747", "", "", ""], "赵六",
            "杭上市监处罚〔2021〕16号", "1", "", "2021-02-30", "", ""),
]


def test_gbk_csv_full_standard(write, run, choose_name):
    path = write.csv("penalties.csv", [HEADER, *ROWS])
    assert choose_name(path) == "penalties"
    ctx, facts = run(PenaltyList(), path)
    firm, person, trader = facts.records("AdministrativePenalty")
    assert firm["type"].endswith("#PenaltyDecision")
    assert facts.label(firm["subject"]) == "杭州甲乙科技有限公司"
    assert firm["linkIdentifier"] == "91330102MA2B3C4D17"
    assert firm["fineYuan"] == "15000" and firm["confiscatedYuan"] == "3200"
    assert (firm["validFrom"], firm["validUntil"]) == ("2021-05-10", "2024-05-11")  # 公示截止期 2024-05-10 is the last day
    assert firm["decisionNumber"] == "杭上市监处罚〔2021〕12号"
    assert firm["penaltyType"] == "罚款;没收违法所得" and firm["violationType"] == "虚假宣传"
    assert firm["legalBasis"] == "《中华人民共和国广告法》第五十五条" and firm["facts"] == "发布虚假广告"
    assert firm["remarks"] == "已缴纳" and firm["issuerCode"] == "11330102MB0000000K"
    assert facts.label(firm["issuedBy"]) == "杭州市上城区市场监督管理局"
    assert facts.kind_of(person["subject"]) == "Person" and facts.label(person["subject"]) == "王五"
    assert person["fineYuan"] == "500" and person["validUntil"] == "2022-01-01"  # 处罚有效期 2021-12-31, last day
    assert person["linkIdentifierType"] == "name"
    assert facts.kind_of(trader["subject"]) == "Enterprise"  # a sole trader with a code is registered
    assert trader["linkIdentifierType"] == "uscc" and trader.get("validUntil") is None
    assert trader["validity"] == "六个月" and trader["confiscatedYuan"] == "0"
    assert facts.roles() == [("张三", "杭州甲乙科技有限公司", "LegalRepresentative", None, None),
                             ("张记", "杭州市上城区张记小吃店", "LegalRepresentative", None, None)]
    assert facts.warnings() == [
        "warning: penalties.csv, row 5: row skipped: column 罚款金额（万元）: not an amount: '一万'",
        "warning: penalties.csv, row 6: row skipped: column 处罚决定日期: not a valid date: '2021-02-30'"]
    assert not any(n.get("legalName") == "杭州丙丁贸易有限公司" for n in facts.nodes.values())


def test_sole_trader_without_code_is_a_person(write, run):
    path = write.xlsx("trader.xlsx", [
        ["行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政处罚决定书文号", "罚款金额（万元）", "处罚决定日期",
         "处罚机关"],
        ["李四", "个体工商户", "", "西市监罚字〔2020〕3号", "0.1", "2020-03-03", "杭州市西湖区市场监督管理局"],
    ])
    _, facts = run(PenaltyList(), path)
    (record,) = facts.records()
    assert facts.kind_of(record["subject"]) == "Person" and record["fineYuan"] == "1000"


def test_yuan_header_and_html(write, run, choose_name):
    path = write.html("penalties.html", [
        ["序号", "当事人名称", "统一社会信用代码", "决定书文号", "违法行为类型", "行政处罚内容", "罚款金额(元)",
         "作出行政处罚决定机关名称", "作出行政处罚决定日期", "详情"],
        ["1", "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "杭西税罚〔2022〕5号", "逃避缴纳税款", "罚款",
         "15,000", "国家税务总局杭州市西湖区税务局", "2022年3月4日", "查看"],
        ["2", "杭州丙丁贸易有限公司", "91330102MA27XY122Y", "杭西税罚〔2022〕6号", "未按期申报", "罚款",
         "0.2万元", "国家税务总局杭州市西湖区税务局", "2022年3月5日", "查看"],
    ])
    assert choose_name(path) == "penalties"
    _, facts = run(PenaltyList(), path)
    first, second = facts.records()
    assert first["fineYuan"] == "15000" and second["fineYuan"] == "2000"  # the value's own unit wins
    assert first["decisionNumber"] == "杭西税罚〔2022〕5号" and first["validFrom"] == "2022-03-04"
    assert not facts.warnings()


def test_english_headers(write, run, choose_name):
    path = write.xlsx("penalties_en.xlsx", [
        ["Party name", "Party category", "USCC", "Decision number", "Penalty type", "Fine (10,000 yuan)",
         "Confiscated (yuan)", "Decision date", "Publicity until", "Penalising authority", "Case officer"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "legal person", "91330102MA2B3C4D17", "HZ-2021-12", "fine", "1.5",
         "800", "2021-05-10", "2024-05-10", "Shangcheng District AMR", "Wang"],
    ], sheet="Sheet1")
    assert choose_name(path) == "penalties"
    _, facts = run(PenaltyList(), path)
    (record,) = facts.records()
    assert (record["fineYuan"], record["confiscatedYuan"]) == ("15000", "800")
    assert (record["validFrom"], record["validUntil"]) == ("2021-05-10", "2024-05-11")  # 公示截止期 2024-05-10 is the last day
    assert facts.kind_of(record["subject"]) == "Enterprise"
    assert facts.warnings() == ["warning: penalties_en.xlsx, sheet Sheet1, row 1: unknown column 'Case officer' "
                                "is not read by the penalties extractor"]


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["行政相对人名称", "罚款金额（万元）"], ["甲公司", "1"]])
    with pytest.raises(ExtractionError, match="administrative penalties"):
        run(PenaltyList(), path)


def test_an_authority_code_failing_its_check_is_warned_and_flagged(tmp_path) -> None:
    from cscs.ontology.namespaces import CSCS

    path = tmp_path / "penalties.csv"
    path.write_text("行政相对人名称,统一社会信用代码,行政处罚决定书文号,处罚决定日期,处罚机关,处罚机关统一社会信用代码\n"
                    "杭州甲乙科技有限公司,913301027258291747,杭上市监罚〔2021〕1号,2021-01-05,杭州市上城区市场监督管理局,"
                    "11330102MB0000000X\n", encoding="utf-8")
    g = Graph(memory=True)
    (report,) = g.ingest([path], resolve=False)
    assert report.status == "added" and [str(p) for p in report.warnings] == [
        "warning: penalties.csv, row 2: column 处罚机关统一社会信用代码: USCC 11330102MB0000000X fails its check "
        "character; kept and flagged"]
    flagged = [q for q in g.store.raw.quads_for_pattern(None, CSCS.failsCheck, None, None)]
    assert [q.object.value for q in flagged] == ["11330102MB0000000X"]
