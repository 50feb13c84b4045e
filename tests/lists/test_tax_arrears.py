"""欠税公告 (tax_arrears): the 欠税公告办法 columns, a PDF notice across pages, Tax payment."""

from datetime import date

import pytest

from cscs.extract.context import ExtractionError
from cscs.extract.lists.tax_arrears import TaxArrearsList

HEADER = ["序号", "纳税人名称", "纳税人识别号", "法定代表人（负责人）姓名", "身份证件种类", "身份证件号码", "经营地点", "欠税税种",
          "欠税余额（元）", "当期新发生欠税金额（元）", "主管税务机关", "公告日期"]


def arrears(n, name, code, rep, tax, owed, new, day):
    return [str(n), name, code, rep, "居民身份证", "3301061975****1234", "杭州市上城区解放路1号", tax, owed, new,
            "国家税务总局杭州市上城区税务局", day]


def test_pdf_notice_across_pages(write, run, choose_name):
    rows = [arrears(i, f"杭州甲乙{i:02d}科技有限公司", "91330102MA2B3C4D17" if i == 1 else f"91330102MA2B3C4{i:02d}X",
                    "张三", "增值税", f"{1000 * i}.00", "500", "2024年4月15日") for i in range(1, 31)]
    path = write.pdf("arrears.pdf", [HEADER, *rows], title="2024年第一季度欠税公告", repeat_header=True)
    assert choose_name(path) == "tax_arrears"
    ctx, facts = run(TaxArrearsList(), path)
    records = facts.records("TaxArrears")
    assert len(records) == 30 and ctx.counts.skipped_rows == 0
    first = records[0]
    assert facts.label(first["subject"]) == "杭州甲乙01科技有限公司" and first["linkIdentifier"] == "91330102MA2B3C4D17"
    assert (first["owedYuan"], first["newOwedYuan"], first["levyType"]) == ("1000", "500", "增值税")
    assert first["validFrom"] == "2024-04-15" and first["address"] == "杭州市上城区解放路1号"
    assert first["sourcePage"] == "1"
    assert max(int(r["sourcePage"]) for r in records) >= 2
    assert ("张三", "杭州甲乙01科技有限公司", "LegalRepresentative", None, None) in facts.roles()


def test_gbk_csv_wan_and_bad_rows(write, run, choose_name):
    path = write.csv("arrears.csv", [
        ["纳税人名称", "纳税人识别号", "法定代表人", "经营地点", "欠税税种", "欠税余额（万元）", "主管税务机关", "公告日期"],
        ["杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "杭州市", "企业所得税", "3.5", "国家税务总局杭州市税务局",
         "2024-01-15"],
        ["杭州丙丁贸易有限公司", "91330102MA27XY122Y", "李四", "杭州市", "增值税", "12美元", "国家税务总局杭州市税务局",
         "2024-01-15"],
        ["杭州戊己实业有限公司", "913301027258291747", "赵六", "杭州市", "增值税", "2", "国家税务总局杭州市税务局",
         "2024年第一季度"],
    ])
    assert choose_name(path) == "tax_arrears"
    _, facts = run(TaxArrearsList(), path)
    (record,) = facts.records()
    assert record["owedYuan"] == "35000" and record["levyType"] == "企业所得税"
    assert facts.warnings() == [
        "warning: arrears.csv, row 3: row skipped: column 欠税余额（万元）: not an amount: '12美元'",
        "warning: arrears.csv, row 4: row skipped: column 公告日期: not a date: '2024年第一季度'"]


def test_english_headers(write, run, choose_name):
    path = write.xlsx("arrears_en.xlsx", [
        ["Taxpayer name", "Taxpayer ID", "Tax type", "Arrears balance (yuan)", "Tax authority", "Announced on"],
        ["Hangzhou Jiayi Technology Co., Ltd.", "91330102MA2B3C4D17", "VAT", "12,000", "Hangzhou Tax Bureau",
         "2024-04-15"],
    ], sheet="Sheet1")
    assert choose_name(path) == "tax_arrears"
    _, facts = run(TaxArrearsList(), path)
    (record,) = facts.records()
    assert (record["owedYuan"], record["levyType"]) == ("12000", "VAT")


def test_points_move_for_the_firm(write, indicator_points):
    path = write.csv("arrears.csv", [HEADER, arrears(1, "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "增值税",
                                                     "1000", "0", "2024-04-15")], encoding="utf-8")
    assert indicator_points(path, "91330102MA2B3C4D17", date(2024, 6, 30), "Tax payment") == (0, 30, 1)
    assert indicator_points(path, "91330102MA2B3C4D17", date(2024, 4, 14), "Tax payment") == (30, 30, 0)


def test_wrong_file_is_an_error(write, run):
    path = write.csv("wrong.csv", [["纳税人名称", "认定日期"], ["甲公司", "2020-01-01"]])
    with pytest.raises(ExtractionError, match="tax arrears"):
        run(TaxArrearsList(), path)


def test_a_rejected_list_leaves_nothing_in_the_graph(write):
    from cscs.api import Graph

    path = write.csv("arrears.csv", [HEADER, arrears(1, "杭州甲乙科技有限公司", "91330102MA2B3C4D17", "张三", "增值税",
                                                     "-1000", "0", "2024-04-15")], encoding="utf-8")
    graph = Graph(memory=True)
    (report,) = graph.ingest([path])
    assert (report.status, report.error) == ("rejected", "arrears.csv: every row was rejected; nothing ingested")
    assert len(graph.store) == 0
