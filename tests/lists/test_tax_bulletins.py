"""税案通报 (tax_bulletins): case bulletins as a crawl's CSV or one article, read by sentence.

The fixtures are articles written here in the bureaus' form (subject sentence, 经查
findings, 依据…共计 decision, closing statement), not copies of real ones; the real
crawl in ../shared is read at the end, for facts checked by hand.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cscs.api import Graph
from cscs.demo import shipped_rubric
from cscs.extract.bulletins.cases import read_article
from cscs.extract.lists.tax_bulletins import TaxBulletinList

HEADER = ["article_id", "title", "url", "publish_date", "source", "content_text"]
CLOSING = "{bureau}有关负责人表示，将进一步发挥部门联合打击机制作用，坚持以零容忍的态度对涉税违法行为重拳出击。"


def case_text(bureau: str, party: str, violation: str, underpaid: str, total: str | None,
              police: bool = False, listed: bool = False, lead: str = "近期，") -> str:
    """One case in the order the bulletins print it."""
    parts = [f"{lead}{bureau}根据税收大数据分析线索，依法查处了{party}{violation}案件。",
             f"经查，该公司通过隐匿销售收入、进行虚假纳税申报等手段，少缴增值税等税费{underpaid}。" if underpaid
             else "经查，该公司在没有真实业务的情况下对外虚开增值税专用发票。"]
    decision = f"{bureau}依据《中华人民共和国税收征收管理法》《中华人民共和国行政处罚法》等相关规定，对{party}依法追缴税费款"
    parts.append(decision + (f"、加收滞纳金并处罚款，共计{total}。" if total else "。"))
    if police:
        parts.append("目前，税务部门已将该公司涉嫌虚开发票有关线索移送公安机关进一步侦查。")
    if listed:
        parts.append("同时，税务部门依法将该公司列为重大税收违法失信主体，向社会公布。")
    return "\n".join(["".join(parts), CLOSING.format(bureau=bureau)])


ARTICLES = [
    ("c1001", "国家税务总局宁海市税务局稽查局依法查处宁海荣兴贸易有限公司偷税案件", "2024-05-10",
     case_text("国家税务总局宁海市税务局稽查局", "宁海荣兴贸易有限公司", "隐匿收入偷税", "215.84万元", "339.74万元",
               police=True)),
    ("c1002", "税务总局公布2起涉税案件", "2024-06-01",
     "6月1日，税务总局公布2起涉税案件。分别是：\n一、江东市查处一起虚开发票案件。\n"
     + case_text("国家税务总局江东市税务局第一稽查局", "江东恒泰物流有限公司", "骗取出口退税", "1.29亿元", "3.1亿元",
                 listed=True) + "\n二、西山县查处一起加油站偷税案件。\n"
     + case_text("国家税务总局西山县税务局稽查局", "西山县永安加油站", "隐匿收入偷税", "364.08万元", "687.25万元")),
    ("c1003", "厦东市税务局稽查局依法对网络主播黄小明偷逃税案件进行处理", "2024-07-02",
     "近期，厦东市税务局稽查局通过税收大数据分析，发现网络主播黄小明涉嫌偷逃税款，依法对其开展了税务检查。\n"
     "经查，黄小明在2019年至2021年期间，通过虚假申报手段偷逃个人所得税236.3万元，少缴其他税费1.18万元。"
     "厦东市税务局稽查局依据《中华人民共和国个人所得税法》《中华人民共和国税收征收管理法》等相关法律法规规定，"
     "对黄小明追缴税款、加收滞纳金并处罚款共计545.8万元。"),
    # the same case as c1001, retold weeks later with rounded amounts
    ("c1004", "“消失”的销售收入——揭秘宁海荣兴贸易有限公司偷税案", "2024-06-20",
     case_text("国家税务总局宁海市税务局稽查局", "宁海荣兴贸易有限公司", "隐匿收入偷税", "216万元", "340万元",
               lead="近日，") + "\n检查人员调取了该公司的银行流水，发现大量资金流入个人账户。"),
    ("c1005", "南岭市税务局稽查局依法查处一起虚开发票案件", "2024-08-08",
     case_text("国家税务总局南岭市税务局稽查局", "南岭华达科技有限公司", "虚开发票", "", None)),
    ("c1006", "北川市税务局依法查处一起偷税案件", "2024-13-45",
     case_text("国家税务总局北川市税务局稽查局", "北川鑫源商贸有限公司", "偷税", "88.5万元", "150万元")),
    ("c1007", "一起偷税案件被查处", "2024-09-09",
     "近期，税务部门依法查处了东岭茂源建材有限公司偷税案件。\n"
     "经查，该公司通过隐匿销售收入、进行虚假纳税申报等手段，少缴增值税等税费52.3万元。"),
    ("c1008", "某地税务部门依法查处一起虚开发票团伙案件", "2024-09-10",
     "近期，中州市税务局稽查局根据线索，联合公安经侦部门依法查处一起虚开发票团伙案件。\n"
     "经查，该团伙控制多家空壳企业虚开增值税专用发票，骗取留抵退税47.68万元。"),
]


def bulletin_csv(write, articles=ARTICLES, name: str = "chinatax_cases.csv") -> Path:
    rows = [[aid, title, f"https://www.chinatax.gov.cn/chinatax/{aid}/content.html", day, "", text]
            for aid, title, day, text in articles]
    return write.csv(name, [HEADER, *rows], encoding="utf-8")


@pytest.fixture
def extracted(write, run):
    path = bulletin_csv(write)
    return run(TaxBulletinList(), path)


def _by_subject(facts, kind: str = "TaxViolation") -> dict[str, object]:
    return {facts.label(r["subject"]): r for r in facts.records(kind)}


def test_recognised_by_content(write, choose_name):
    assert choose_name(bulletin_csv(write)) == "tax_bulletins"


def test_firm_case_amounts_basis_police(extracted):
    ctx, facts = extracted
    record = _by_subject(facts)["宁海荣兴贸易有限公司"]
    assert record["taxUnderpaidYuan"] == "2158400" and record["taxRecoveredYuan"] == "3397400"
    assert facts.label(record["issuedBy"]) == "国家税务总局宁海市税务局稽查局"
    assert record["legalBasis"] == "《税收征收管理法》、《行政处罚法》"
    assert record["policeReferral"] == "true" and record["validFrom"] == "2024-05-10"
    assert record["quote"].startswith("近期，国家税务总局宁海市税务局稽查局根据税收大数据分析线索，依法查处了宁海荣兴")
    text = ARTICLES[0][3]
    start, end = int(record["charStart"]), int(record["charEnd"])
    assert text[start:end] == record["quote"]
    assert any(t.endswith("#TaxCaseRecord") for t in record.all("type"))


def test_repeated_case_is_one_record_with_two_sources(extracted):
    """c1001 (215.84万元) and c1004 (216万元, the rounded retelling) are one case."""
    ctx, facts = extracted
    (record,) = [r for r in facts.records("TaxViolation") if facts.label(r["subject"]) == "宁海荣兴贸易有限公司"]
    reports = [facts.nodes[iri] for iri in record.all("reportedIn")]
    assert sorted(r["articleId"] for r in reports) == ["c1001", "c1004"]
    assert record["validFrom"] == "2024-05-10"  # the earlier publication
    assert record["taxUnderpaidYuan"] == "2158400"  # the more precisely printed amount
    retold = next(r for r in reports if r["articleId"] == "c1004")
    assert retold["publishedOn"] == "2024-06-20" and retold["articleUrl"].endswith("/c1004/content.html")
    assert ARTICLES[3][3][int(retold["charStart"]):int(retold["charEnd"])] == retold["quote"]


def test_bundled_cases_and_yi_yuan(extracted):
    ctx, facts = extracted
    records = _by_subject(facts)
    jiangdong, xishan = records["江东恒泰物流有限公司"], records["西山县永安加油站"]
    assert jiangdong["taxUnderpaidYuan"] == "129000000" and jiangdong["taxRecoveredYuan"] == "310000000"
    assert facts.label(jiangdong["issuedBy"]) == "国家税务总局江东市税务局第一稽查局"
    assert xishan["taxUnderpaidYuan"] == "3640800" and facts.label(xishan["issuedBy"]) == "国家税务总局西山县税务局稽查局"
    assert jiangdong["dishonestListing"] == "重大税收违法失信主体" and xishan.get("dishonestListing") is None
    (major,) = facts.records("MajorTaxViolation")
    assert major["subject"] == jiangdong["subject"]


def test_person_is_a_person(extracted):
    ctx, facts = extracted
    record = _by_subject(facts)["黄小明"]
    assert any(t.endswith("#Person") for t in facts.nodes[record["subject"]].all("type"))
    assert record["taxUnderpaidYuan"] == "2374800" and record["taxRecoveredYuan"] == "5458000"
    assert record["taxPeriod"] == "2019/2021"
    assert len(facts.of_type("Enterprise")) == 5  # 黄小明 is none of them


def test_malformed_articles_warn_by_article(extracted):
    ctx, facts = extracted
    warnings = facts.warnings()
    records = _by_subject(facts)
    # missing amount: a record without amounts, and a warning
    assert records["南岭华达科技有限公司"].get("taxUnderpaidYuan") is None
    assert any("c1005" in w and "states no amount" in w for w in warnings)
    # bad date: no record (it could not be dated), a warning naming the article
    assert "北川鑫源商贸有限公司" not in records
    assert any("c1006" in w and "not recorded" in w for w in warnings)
    # no bureau: recorded without an issuing department, with a warning
    assert records["东岭茂源建材有限公司"].get("issuedBy") is None
    assert any("c1007" in w and "no inspecting bureau" in w for w in warnings)
    # reads like a case, names nobody: silence would hide it
    assert any("c1008" in w and "names no firm or person" in w for w in warnings)
    # 荣兴 (reported twice, one record), 江东 (TaxViolation and MajorTaxViolation), 西山, 黄小明, 南岭, 东岭
    assert len(facts.records()) == 7
    assert len(ctx.problems) == len(warnings)


def test_single_article_text_and_html(write, run, choose_name, tmp_path):
    aid, title, day, text = ARTICLES[0]
    txt = tmp_path / "c1001.txt"
    txt.write_text(f"{title}\n发布时间：{day}\n{text}\n", encoding="utf-8")
    html = tmp_path / "c1001.html"
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    html.write_text(f'<html><head><meta name="PubDate" content="{day} 10:00"><title>{title}</title></head>'
                    f"<body><h1>{title}</h1>{paragraphs}</body></html>", encoding="utf-8")
    for path in (txt, html):
        assert choose_name(path) == "tax_bulletins"
        ctx, facts = run(TaxBulletinList(), path)
        (record,) = facts.records("TaxViolation")
        assert facts.label(record["subject"]) == "宁海荣兴贸易有限公司" and record["validFrom"] == day
        report = facts.nodes[record["reportedIn"]]
        assert report["articleId"] == "c1001" and report["articleTitle"] == title


def test_single_article_without_a_date_records_nothing(run, tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLES[0][3], encoding="utf-8")
    ctx, facts = run(TaxBulletinList(), path)
    assert facts.records() == [] and any("no publication date" in w for w in facts.warnings())


def test_tax_payment_moves_within_validity(write, tmp_path):
    """Through the real store: the firm's Tax payment indicator falls from 30 to 0."""
    g = Graph(memory=True)
    g.ingest([shipped_rubric()])
    (report,) = g.ingest([bulletin_csv(write)])
    assert report.status == "added" and report.extractor == "tax_bulletins"

    def tax_points(day: date) -> float:
        explanation = g.explain("宁海荣兴贸易有限公司", day)
        return next(i.points for i in explanation.indicators if i.label == "Tax payment")

    assert tax_points(date(2024, 5, 9)) == 30
    assert tax_points(date(2024, 12, 1)) == 0


# -- the real crawl ---------------------------------------------------------------------------

REAL = "lists/chinatax_case_bulletins_2023_2025/chinatax_cases_before_2025-07.csv"


@pytest.fixture(scope="module")
def real_crawl(run):
    """The crawl read once for the module (the ``realdata`` fixture is per test)."""
    path = Path(__file__).resolve().parents[2].parent / "shared/realdata" / REAL
    if not path.is_file():
        pytest.skip("the chinatax case bulletins are not in ../shared/realdata")
    return run(TaxBulletinList(), path)


def test_real_c5240042_hand_checked(real_crawl):
    """c5240042 (2025-04-25): 池州 v 东至县荣峰再生资源回收站; its operator 盛荣峰 is a person;
    the 揭秘 article c5240044 about the same case is its second source."""
    ctx, facts = real_crawl
    (record,) = [r for r in facts.records("TaxViolation") if facts.label(r["subject"]) == "东至县荣峰再生资源回收站"]
    assert facts.label(record["issuedBy"]) == "国家税务总局池州市税务局稽查局"
    assert record["taxUnderpaidYuan"] == "2158400" and record["taxRecoveredYuan"] == "3397400"
    assert record["policeReferral"] == "true" and record["validFrom"] == "2025-04-25"
    (person,) = record.all("namedPerson")
    assert facts.label(person) == "盛荣峰" and any(t.endswith("#Person") for t in facts.nodes[person].all("type"))
    assert sorted(facts.nodes[r]["articleId"] for r in record.all("reportedIn")) == ["c5240042", "c5240044"]


def test_real_crawl_is_read_whole(real_crawl):
    ctx, facts = real_crawl
    assert ctx.counts.rows == 819 and ctx.counts.skipped_rows == 0
    names = {facts.label(r["subject"]) for r in facts.records("TaxViolation")}
    assert {"八宿县塔日仓加油站有限公司", "海南欧丽家实业有限公司", "范思峰"} <= names
    assert not any("某" in n for n in names)


def test_read_article_numbered_sections():
    reading = read_article(ARTICLES[1][3])
    assert [c.firm.text for c in reading.cases] == ["江东恒泰物流有限公司", "西山县永安加油站"]
    assert reading.cases[0].underpaid == Decimal("129000000")
