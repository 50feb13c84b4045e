"""The listed population's credit lists and rosters, in the published formats.

Credit lists use the exact columns of :data:`cscs.sample.corpus.HEADERS`, so the
shipped list extractors read them unchanged: donations (CSV), volunteer service
(HTML), honours (XLSX), the A-level taxpayer red list (XLSX), administrative
penalties (GBK CSV), dishonest judgment debtors (the court portal's JSON: a
firm is marked as one, as the portal does), abnormal operations (HTML),
abnormal taxpayers (GBK CSV). Every record is in force on the population's date.

Rosters are spreadsheets with the roster's title in a merged row above the header
(as congress websites publish them), or a CSV whose first line is the title.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

from . import vocab
from .corpus import HEADERS
from .listed import ROSTERS, ListedPopulation
from .places import PROVINCE, authority_uscc
from .writers import write_csv, write_html, write_json, write_xlsx

ROSTER_HEADER = ("姓名", "性别", "民族", "出生年月", "籍贯", "党派", "工作单位及职务")


def _day(rng: random.Random, low: date, high: date) -> date:
    return low + timedelta(days=rng.randint(0, (high - low).days))


def write_lists(pop: ListedPopulation, out: Path) -> dict[str, Path]:
    """Every credit list of the population; returns file name → path."""
    rng = random.Random(f"cscs.sample.listed.lists/{pop.seed}/{pop.effect}")
    out.mkdir(parents=True, exist_ok=True)
    as_of = pop.as_of
    recent = (date(as_of.year - 3, as_of.month, 1), as_of - timedelta(days=1))
    rows: dict[str, list[list]] = {name: [] for name in
                                   ("donations.csv", "volunteer.html", "honours.xlsx", "red_list.xlsx",
                                    "penalties.csv", "abnormal_operations.html",
                                    "abnormal_taxpayers.csv")}
    portal: list[dict] = []  # dishonest judgment debtors, as the court's portal answers (JSON)
    serial = 0
    for firm in pop.firms:
        a = firm.area
        for _ in range(firm.records.get("Donation", 0)):
            rows["donations.csv"].append([firm.name, firm.uscc, rng.choice(vocab.DONATION_RECIPIENTS).format(a=a),
                                          str(rng.choice((5, 10, 20, 50, 100)) * 10000), rng.choice(vocab.DONATION_GOODS),
                                          _day(rng, *recent).isoformat()])
        for _ in range(firm.records.get("VolunteerService", 0)):
            rows["volunteer.html"].append([firm.name, firm.uscc, rng.choice(vocab.VOLUNTEER_PROJECTS),
                                           rng.choice((50, 120, 300, 800)), _day(rng, *recent).isoformat(),
                                           rng.choice(vocab.VOLUNTEER_CERTIFIERS).format(a=a)])
        for _ in range(firm.records.get("Honour", 0)):
            honour, body, level, years = rng.choice(vocab.HONOURS)
            awarded = _day(rng, *recent)
            until = ""
            if years:
                awarded = max(awarded, date(as_of.year - years + 1, 1, 1))
                until = (date(awarded.year + years, awarded.month, 1) - timedelta(days=1)).isoformat()
            rows["honours.xlsx"].append([firm.name, firm.uscc, honour.format(a=a), body.format(a=a),
                                         awarded.isoformat(), level, until])
        if firm.records.get("RedList"):
            rows["red_list.xlsx"].append([firm.uscc, firm.name, str(as_of.year - 1), "A",
                                          date(as_of.year, 4, rng.randint(1, 28)).isoformat()])
        for _ in range(firm.records.get("AdministrativePenalty", 0)):
            serial += 1
            authority, number, cases = vocab.PENALTY_TEMPLATES[serial % len(vocab.PENALTY_TEMPLATES)]
            violation, facts, basis = rng.choice(cases)
            decided = _day(rng, date(as_of.year - 2, as_of.month, 1), as_of - timedelta(days=1))
            office = authority.format(a=a)
            until = date(decided.year + 3, decided.month, 1).isoformat()
            rows["penalties.csv"].append([
                firm.name, "法人及非法人组织", firm.uscc, "", "", "", firm.officers[0].name,
                number.format(a=a, y=decided.year, n=1000 + serial), violation, facts, basis, "罚款",
                f"罚款{rng.choice(vocab.FINES_WAN)}万元", rng.choice(vocab.FINES_WAN), "", "", decided.isoformat(),
                until, until, office, authority_uscc(office, a.code), office, authority_uscc(office, a.code), ""])
        if firm.records.get("DishonestJudgmentDebtor"):
            serial += 1
            published = _day(rng, date(as_of.year - 2, 1, 1), as_of - timedelta(days=30))
            portal.append({
                "iname": firm.name, "cardNum": firm.uscc, "partyTypeName": "1", "age": "0", "sexy": "",
                "businessEntity": firm.officers[0].name, "courtName": a.court, "areaName": PROVINCE,
                "areaNameNew": PROVINCE, "caseCode": f"({published.year - 1}){a.court_code}执{2000 + serial}号",
                "gistId": f"({published.year - 2}){a.court_code}民初{900 + serial}号", "gistUnit": a.court,
                "duty": "支付货款及利息", "performance": "全部未履行", "performedPart": "暂无", "unperformPart": "暂无",
                "disruptTypeName": vocab.DISHONEST_CONDUCT[0],
                "regDate": (published - timedelta(days=200)).strftime("%Y%m%d"),
                "publishDate": f"{published.year}年{published.month:02d}月{published.day:02d}日",
                "publishDateStamp": str(int(datetime.combine(published, time(0)).timestamp())),
                "type": "失信被执行人名单", "sitelink": "http://zxgk.court.gov.cn/", "focusNumber": "0"})
        if firm.records.get("AbnormalOperation"):
            listed = _day(rng, date(as_of.year - 1, 1, 1), as_of - timedelta(days=1))
            rows["abnormal_operations.html"].append([firm.name, firm.uscc, "", vocab.ABNORMAL_REASONS[1],
                                                     listed.isoformat(), a.market_bureau, "", "", ""])
        if firm.records.get("AbnormalTaxpayer"):
            rows["abnormal_taxpayers.csv"].append([firm.name, firm.uscc, firm.officers[0].name,
                                                   _day(rng, date(as_of.year - 1, 1, 1), as_of - timedelta(days=1))
                                                   .isoformat(), a.tax_bureau, ""])
    stamp = datetime.combine(as_of, time(9, 0))
    files = {"dishonest.json": write_json(out / "dishonest.json", {"status": "0", "data": [
        {"result": portal, "resNum": len(portal), "dispNum": len(portal), "listNum": len(portal)}]})}
    for name, data in rows.items():
        path = out / name
        header = HEADERS["honours.pdf" if name == "honours.xlsx" else name]
        if name.endswith(".xlsx"):
            write_xlsx(path, sheet="名单", header=header, rows=data, stamp=stamp)
        elif name.endswith(".html"):
            write_html(path, title=name, heading=name, header=header, rows=data)
        else:
            write_csv(path, header=header, rows=data, encoding="gbk" if name in {"penalties.csv", "abnormal_taxpayers.csv"}
                      else "utf-8")
        files[name] = path
    return files


def write_rosters(pop: ListedPopulation, out: Path) -> dict[str, Path]:
    """One roster per body: the provincial ones as spreadsheets, the national one as CSV."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.combine(pop.as_of, time(9, 0))
    files = {}
    for key, (title, _kind, _level) in ROSTERS.items():
        data = [[e.name, e.sex, "汉族", f"{e.born}.{(e.born * 7 + len(e.unit)) % 12 + 1:02d}", e.native, e.party, e.unit]
                for e in pop.rosters if e.roster == key]
        if key == "national_npc":
            path = out / f"{key}.csv"
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow([title])
            writer.writerow(ROSTER_HEADER)
            writer.writerows(data)
            path.write_bytes(buffer.getvalue().encode("utf-8"))
        else:
            path = out / f"{key}.xlsx"
            write_xlsx(path, sheet="名单", header=ROSTER_HEADER, rows=data, stamp=stamp, title=title)
        files[key] = path
    return files

