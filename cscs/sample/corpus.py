"""Which list goes into which document, in which cell formats; the documents and ``truth.json``.

A separate seeded random stream decides the presentation (date styles, old
organisation codes instead of USCCs, JSON or spreadsheet batch), so the
population does not change when only the presentation does.

``truth.json`` states what the documents mean: every firm with its roles and
every record with its dates as meant, so a test can compute each firm's
expected score without reading a single document.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from . import governance_lists, vocab
from .places import PROVINCE, authority_uscc
from .population import (
    DEFAULT_VALIDITY_YEARS,
    USCC_ERA,
    Firm,
    Population,
    Record,
    Role,
    build_population,
)
from .writers import write_csv, write_html, write_json, write_pdf_table, write_xlsx

# The exact published column headers, per document (the extractors are written against these).
HEADERS: dict[str, tuple[str, ...]] = {
    "key_personnel.xlsx": ("企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"),
    "dishonest.xlsx": (
        "被执行人姓名/名称", "身份证号码/组织机构代码", "法定代表人或者负责人姓名", "执行法院", "省份", "案号",
        "执行依据文号", "做出执行依据单位", "生效法律文书确定的义务", "被执行人的履行情况", "失信被执行人行为具体情形",
        "立案时间", "发布时间", "撤销日期"),
    "serious_dishonest.pdf": (
        "主体名称", "统一社会信用代码/注册号", "主体类型", "法定代表人", "列入日期", "列入严重违法失信名单原因",
        "作出决定机关", "移出日期", "移出原因", "信用修复日期"),
    "abnormal_operations.html": (
        "企业名称", "统一社会信用代码", "注册号", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)",
        "移出经营异常名录原因", "移出日期", "作出决定机关(移出)"),
    "abnormal_taxpayers.csv": ("纳税人名称", "纳税人识别号", "法定代表人(负责人)", "认定日期", "主管税务机关", "解除日期"),
    "red_list.xlsx": ("纳税人识别号", "纳税人名称", "评价年度", "纳税信用级别", "发布日期"),
    "penalties.csv": (
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "工商注册号", "组织机构代码", "税务登记号", "法定代表人",
        "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
        "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
        "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注"),
    "honours.pdf": ("企业名称", "统一社会信用代码", "荣誉名称", "授予机关", "授予日期", "荣誉级别", "有效期至"),
    "donations.csv": ("捐赠单位", "统一社会信用代码", "受赠单位", "捐赠金额（元）", "捐赠物资", "捐赠日期"),
    "volunteer.html": ("单位名称", "统一社会信用代码", "服务项目", "服务时长（小时）", "服务日期", "认定单位"),
}
# dishonest.json uses the portal's keys rather than headers.
DISHONEST_JSON_KEYS = (
    "iname", "cardNum", "partyTypeName", "age", "sexy", "businessEntity", "courtName", "areaName", "areaNameNew",
    "caseCode", "gistId", "gistUnit", "duty", "performance", "performedPart", "unperformPart", "disruptTypeName",
    "regDate", "publishDate", "publishDateStamp", "type", "sitelink", "focusNumber",
)
# The columns that identify a row of each document (truth gives their values as written).
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "dishonest.json": ("caseCode", "iname"),
    "dishonest.xlsx": ("案号", "被执行人姓名/名称"),
    "serious_dishonest.pdf": ("主体名称", "统一社会信用代码/注册号", "列入日期"),
    "abnormal_operations.html": ("统一社会信用代码", "列入日期"),
    "abnormal_taxpayers.csv": ("纳税人识别号", "认定日期"),
    "red_list.xlsx": ("纳税人识别号", "评价年度"),
    "penalties.csv": ("行政处罚决定书文号",),
    "honours.pdf": ("统一社会信用代码", "荣誉名称", "授予日期"),
    "donations.csv": ("统一社会信用代码", "受赠单位", "捐赠日期"),
    "volunteer.html": ("统一社会信用代码", "服务项目", "服务日期"),
}
FORMATS = {  # file -> (format, encoding)
    "key_personnel.xlsx": ("xlsx", None), "dishonest.json": ("json", "utf-8"), "dishonest.xlsx": ("xlsx", None),
    "serious_dishonest.pdf": ("pdf", None), "abnormal_operations.html": ("html", "utf-8"),
    "abnormal_taxpayers.csv": ("csv", "gbk"), "red_list.xlsx": ("xlsx", None), "penalties.csv": ("csv", "gbk"),
    "honours.pdf": ("pdf", None), "donations.csv": ("csv", "utf-8"), "volunteer.html": ("html", "utf-8"),
}
HEADERS.update(governance_lists.HEADERS)
KEY_COLUMNS.update(governance_lists.KEY_COLUMNS)
FORMATS.update(governance_lists.FORMATS)
PDF_HEADER_REPEATED = True  # both PDFs repeat the table header at the top of every page
SEMANTICS = {
    "active": "a record is in force on day d iff valid_from <= d < valid_until, and d < removed_on, "
              "and d < repaired_on (a missing removed_on/repaired_on never ends it)",
    "valid_until": f"first day out of force: the day after the last day the document states (penalties: "
                   f"公示截止期 and 处罚有效期; honours: 有效期至), otherwise valid_from + {DEFAULT_VALIDITY_YEARS} "
                   f"years (the rubric's default window)",
    "valid_from": "the listing, decision, award, donation or service date; dishonest-list entries: the publish date",
    "counts": "false for honours below county level (乡镇级), which the rubric does not count",
    "person_records": "records about persons count for a firm through roles; every listing date lies after the "
                      "start of each role the person still holds and after the end of each role they left",
    "dates": "ISO 8601 dates as meant; document cells use 2021-03-05, 2021年3月5日 or 2021/3/5",
    "row": "1-based number of the data row in its document (PDF rows counted across pages, headers excluded)",
}


@dataclass
class Corpus:
    """What :func:`generate` wrote."""

    out_dir: Path
    files: dict[str, Path]
    truth_path: Path
    population: Population
    rows: dict[str, int] = field(default_factory=dict)
    judgments: list[Any] = field(default_factory=list)  # JudgmentDocument, when asked for


def generate(out_dir: Path, firms: int = 200, seed: int = 7, as_of: date = date(2024, 6, 30),
             judgments: bool = False) -> Corpus:
    """Write the sample documents and ``truth.json`` for ``firms`` firms into ``out_dir``;
    with ``judgments``, also court judgments about them into ``out_dir/judgments``
    (:mod:`cscs.sample.judgments`; what they mean is ``Corpus.judgments``). The list
    documents and ``truth.json`` are the same either way."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    population = build_population(firms, seed, as_of)
    corpus = _Corpus(population, out_dir, random.Random(f"cscs.sample/layout/{seed}")).write()
    if judgments:
        from .judgments import write_judgments

        corpus.judgments = write_judgments(out_dir, population, seed)
    return corpus


class _Corpus(governance_lists.GovernanceRows):
    def __init__(self, population: Population, out_dir: Path, rng: random.Random):
        self.pop = population
        self.out = out_dir
        self.rng = rng
        self.stamp = datetime.combine(population.as_of, time(9, 0))
        self.firms = {f.key: f for f in population.firms}
        self.truth_records: list[dict[str, Any]] = []
        self.files: dict[str, Path] = {}
        self.rows: dict[str, int] = {}
        self.old_codes_shown: set[str] = set()

    # -- cell formats ----------------------------------------------------------
    def day(self, value: date | None) -> str:
        """Mostly ISO, sometimes 2021年3月5日 or 2021/3/5."""
        if value is None:
            return ""
        style = self.rng.random()
        if style < 0.8:
            return value.isoformat()
        if style < 0.9:
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.year}/{value.month}/{value.day}"

    def xlsx_day(self, value: date | None) -> date | str | None:
        """Half the spreadsheet dates are real date cells, the rest text in the usual styles."""
        if value is None:
            return None
        return value if self.rng.random() < 0.5 else self.day(value)

    def firm_of(self, record: Record) -> Firm:
        return self.firms[record.details["firm"]]

    def rep_name(self, record: Record) -> str:
        return self.pop.legal_rep(record.details["firm"], record.valid_from).name

    def of_kind(self, kind: str) -> list[Record]:
        return sorted((r for r in self.pop.records if r.kind == kind), key=lambda r: (r.valid_from, r.key))

    # -- documents ---------------------------------------------------------------
    def write(self) -> Corpus:
        self.key_personnel()
        self.dishonest()
        self.serious_dishonest()
        self.simple("abnormal_operations.html", "AbnormalOperation", self.abnormal_row)
        self.simple("abnormal_taxpayers.csv", "AbnormalTaxpayer", self.taxpayer_row)
        self.simple("red_list.xlsx", "RedList", self.red_list_row)
        self.simple("penalties.csv", "AdministrativePenalty", self.penalty_row)
        self.simple("honours.pdf", "Honour", self.honour_row)
        self.simple("donations.csv", "Donation", self.donation_row)
        self.simple("volunteer.html", "VolunteerService", self.volunteer_row)
        for name in governance_lists.HEADERS:
            self.governance(name)
        truth_path = self.out / "truth.json"
        truth_path.write_text(_dump_truth(self.truth()), encoding="utf-8")
        return Corpus(self.out, self.files, truth_path, self.pop, self.rows)

    def emit(self, name: str, rows: list[list[Any]]) -> Path:
        path = self.out / name
        header = HEADERS.get(name, ())
        fmt, encoding = FORMATS[name]
        if name == "key_personnel.xlsx":
            write_xlsx(path, sheet="主要人员", header=header, rows=rows, stamp=self.stamp, title="企业主要人员信息")
        elif name == "dishonest.xlsx":
            write_xlsx(path, sheet="失信被执行人", header=header, rows=rows, stamp=self.stamp)
        elif name == "red_list.xlsx":
            write_xlsx(path, sheet="A级纳税人", header=header, rows=rows, stamp=self.stamp)
        elif fmt == "csv":
            write_csv(path, header=header, rows=rows, encoding=encoding or "utf-8")
        elif name == "serious_dishonest.pdf":
            write_pdf_table(
                path, title="严重违法失信企业名单公告", header=header, rows=rows, wrap=(5, 6, 8), landscape_page=True,
                repeat_header=PDF_HEADER_REPEATED, intro=(
                    "根据《严重违法失信企业名单管理暂行办法》《市场监督管理严重违法失信名单管理办法》等规定，"
                    "现将列入、移出严重违法失信名单的主体及信用修复情况予以公告。",
                    "主体对列入决定有异议的，可以自公告之日起向作出决定机关提出书面申请，并提交相关证明材料。"))
        elif name == "honours.pdf":
            write_pdf_table(path, title="企业荣誉信息公示", header=header, rows=rows, wrap=(2, 3), landscape_page=True,
                            repeat_header=PDF_HEADER_REPEATED,
                            intro=("以下为各级人民政府及其部门授予企业的荣誉信息，供社会公众查询。",))
        elif name == "abnormal_operations.html":
            write_html(path, title="经营异常名录", heading="列入经营异常名录信息", header=header, rows=rows,
                       note="以下企业被列入经营异常名录，移出信息一并公示。", nav=("首页", "信息公示", "经营异常名录"))
        elif name == "volunteer.html":
            write_html(path, title="志愿服务记录", heading="企业志愿服务记录公示", header=header, rows=rows,
                       note="服务时长经认定单位审核确认。", nav=("首页", "志愿服务", "服务记录"))
        elif name in governance_lists.LAYOUTS:
            self.emit_governance(path, name, header, rows)
        else:
            raise ValueError(name)
        self.files[name] = path
        self.rows[name] = len(rows)
        return path

    def add_truth(self, record: Record, name: str, row: int, cells: dict[str, Any]) -> None:
        key = {column: _text(cells[column]) for column in KEY_COLUMNS[name]}
        self.truth_records.append({
            "id": record.key, "file": name, "row": row, "key": key, "kind": record.kind,
            "subject": record.subject, "subject_type": record.subject_type,
            "firm": record.details.get("firm"),
            "valid_from": record.valid_from.isoformat(), "valid_until": record.valid_until.isoformat(),
            "valid_until_stated": record.stated_until is not None,
            "removed_on": _iso(record.removed_on), "repaired_on": _iso(record.repaired_on),
            "counts": record.counts, "active": record.active_on(self.pop.as_of),
        })

    def simple(self, name: str, kind: str, make: Callable[[Record], list[Any]]) -> None:
        rows = []
        for number, record in enumerate(self.of_kind(kind), start=1):
            row = make(record)
            rows.append(row)
            self.add_truth(record, name, number, dict(zip(HEADERS[name], row)))
        self.emit(name, rows)

    def governance(self, name: str) -> None:
        """One of the finance, governance and compliance lists (rows by :mod:`governance_lists`)."""
        kinds = governance_lists.KINDS[name]
        records = sorted((r for r in self.pop.records if r.kind in kinds), key=lambda r: (r.valid_from, r.key))
        rows = []
        for number, record in enumerate(records, start=1):
            row = self.governance_row(name, record)
            if HEADERS[name][0] == "序号":
                row[0] = number
            rows.append(row)
            self.add_truth(record, name, number, dict(zip(HEADERS[name], row)))
        self.emit(name, rows)

    def emit_governance(self, path: Path, name: str, header: tuple[str, ...], rows: list[list[Any]]) -> None:
        layout = governance_lists.LAYOUTS[name]
        if name.endswith(".xlsx"):
            write_xlsx(path, sheet=layout[0], header=header, rows=rows, stamp=self.stamp, title=layout[1])
        elif name.endswith(".html"):
            write_html(path, title=layout[0], heading=layout[1], header=header, rows=rows, note=layout[2],
                       nav=("首页", "信用信息", layout[0]))
        else:
            write_pdf_table(path, title=layout[0], intro=layout[1], header=header, rows=rows, wrap=layout[2],
                            landscape_page=True, repeat_header=PDF_HEADER_REPEATED)

    def key_personnel(self) -> None:
        """One row per person and firm and tenure, posts of the same tenure joined with 、."""
        grouped: dict[tuple[str, str, date, date | None], list[Role]] = {}
        for role in self.pop.roles:
            grouped.setdefault((role.firm, role.person, role.start, role.end), []).append(role)
        rows = []
        for (firm_key, person_key, start, end), roles in sorted(
                grouped.items(), key=lambda kv: (kv[0][0], min(vocab.POST_ORDER.index(r.post) for r in kv[1]),
                                                 kv[0][2], kv[0][1])):
            firm, person = self.firms[firm_key], self.pop.persons[person_key]
            posts = "、".join(sorted((r.post for r in roles), key=vocab.POST_ORDER.index))
            rows.append([firm.name, firm.uscc, person.name, person.id_masked, posts,
                         self.xlsx_day(start), self.xlsx_day(end)])
        self.emit("key_personnel.xlsx", rows)

    def dishonest(self) -> None:
        """Removed entries only appear in the spreadsheet batch (the portal drops them)."""
        portal: list[Record] = []
        sheet: list[Record] = []
        for record in self.of_kind("DishonestJudgmentDebtor"):
            in_sheet = record.removed_on is not None or self.rng.random() < 0.4
            (sheet if in_sheet else portal).append(record)
        items = []
        for number, record in enumerate(portal, start=1):
            item = self.portal_item(record, "dishonest.json")
            items.append(item)
            self.add_truth(record, "dishonest.json", number, item)
        write_json(self.out / "dishonest.json", {"status": "0", "data": [
            {"result": items, "resNum": len(items), "dispNum": len(items), "listNum": len(items)}]})
        self.files["dishonest.json"] = self.out / "dishonest.json"
        self.rows["dishonest.json"] = len(items)
        rows = []
        for number, record in enumerate(sheet, start=1):
            d = record.details
            name, code, rep = self.party(record, "dishonest.xlsx")
            row = [name, code, rep, d["court"], PROVINCE, d["case_number"], d["basis_number"], d["basis_issuer"],
                   d["duty"], d["performance"], d["conduct"], self.day(d["filed_on"]), self.day(record.valid_from),
                   self.day(record.removed_on)]
            rows.append(row)
            self.add_truth(record, "dishonest.xlsx", number, dict(zip(HEADERS["dishonest.xlsx"], row)))
        self.emit("dishonest.xlsx", rows)

    def old_code(self, document: str, eligible: bool, share: float) -> bool:
        """Whether this row shows a pre-USCC code: the first eligible row of a document always does."""
        if not eligible:
            return False
        if document not in self.old_codes_shown or self.rng.random() < share:
            self.old_codes_shown.add(document)
            return True
        return False

    def party(self, record: Record, document: str) -> tuple[str, str, str]:
        """Name, code and legal representative of a listed party; old firms sometimes by organisation code."""
        if record.subject_type == "person":
            person = self.pop.persons[record.subject]
            return person.name, person.id_masked, ""
        firm = self.firm_of(record)
        old = self.old_code(document, firm.founded < USCC_ERA, 0.3)
        return firm.name, firm.org_code if old else firm.uscc, self.rep_name(record)

    def portal_item(self, record: Record, document: str) -> dict[str, str]:
        d = record.details
        name, code, rep = self.party(record, document)
        person = self.pop.persons.get(record.subject) if record.subject_type == "person" else None
        published = record.valid_from
        stamp = datetime.combine(published, time(0), tzinfo=timezone(timedelta(hours=8)))
        values = {
            "iname": name, "cardNum": code, "partyTypeName": "0" if person else "1",
            "age": str(d["age"]) if person else "0", "sexy": f"{person.sex}性" if person else "",
            "businessEntity": rep, "courtName": d["court"], "areaName": PROVINCE, "areaNameNew": PROVINCE,
            "caseCode": d["case_number"], "gistId": d["basis_number"], "gistUnit": d["basis_issuer"],
            "duty": d["duty"], "performance": d["performance"], "performedPart": "暂无", "unperformPart": "暂无",
            "disruptTypeName": d["conduct"], "regDate": d["filed_on"].strftime("%Y%m%d"),
            "publishDate": f"{published.year}年{published.month:02d}月{published.day:02d}日",
            "publishDateStamp": str(int(stamp.timestamp())), "type": "失信被执行人名单",
            "sitelink": "http://zxgk.court.gov.cn/", "focusNumber": "0",
        }
        return {k: values[k] for k in DISHONEST_JSON_KEYS}

    def serious_dishonest(self) -> None:
        rows = []
        for number, record in enumerate(self.of_kind("SeriousDishonest"), start=1):
            d = record.details
            if record.subject_type == "person":
                person = self.pop.persons[record.subject]
                name, code, kind, rep = person.name, person.id_masked, "个人", ""
            else:
                firm = self.firm_of(record)
                eligible = bool(firm.regno) and record.valid_from.year < 2021
                by_regno = self.old_code("serious_dishonest.pdf", eligible, 0.5)
                name, code, kind, rep = firm.name, (firm.regno or "") if by_regno else firm.uscc, "企业", self.rep_name(record)
            row = [name, code, kind, rep, self.day(record.valid_from), d["reason"], d["authority"],
                   self.day(record.removed_on), d["removal_reason"], self.day(record.repaired_on)]
            rows.append(row)
            self.add_truth(record, "serious_dishonest.pdf", number, dict(zip(HEADERS["serious_dishonest.pdf"], row)))
        self.emit("serious_dishonest.pdf", rows)

    # -- rows of the one-kind documents ---------------------------------------------
    def abnormal_row(self, record: Record) -> list[Any]:
        firm, d = self.firm_of(record), record.details
        return [firm.name, firm.uscc, firm.regno or "", d["reason"], self.day(record.valid_from), d["authority"],
                d["removal_reason"], self.day(record.removed_on), d["removal_authority"]]

    def taxpayer_row(self, record: Record) -> list[Any]:
        firm = self.firm_of(record)
        return [firm.name, firm.uscc, self.rep_name(record), self.day(record.valid_from),
                record.details["authority"], self.day(record.removed_on)]

    def red_list_row(self, record: Record) -> list[Any]:
        firm, d = self.firm_of(record), record.details
        return [firm.uscc, firm.name, d["year"], d["grade"], self.xlsx_day(record.valid_from)]

    def penalty_row(self, record: Record) -> list[Any]:
        """双公示 columns; this publisher prints group names with full-width brackets."""
        firm, d = self.firm_of(record), record.details
        authority_code = authority_uscc(d["authority"], firm.area)
        until = self.day(d["disclosure_until"])
        return [firm.name.replace("(", "（").replace(")", "）"), "法人及非法人组织", firm.uscc, firm.regno or "", "", "",
                self.rep_name(record), d["number"], d["violation"], d["facts"], d["basis"], d["category"],
                d["content"], d["fine_wan"], d["confiscated_wan"], "", self.day(record.valid_from), until, until,
                d["authority"], authority_code, d["authority"], authority_code, ""]

    def honour_row(self, record: Record) -> list[Any]:
        firm, d = self.firm_of(record), record.details
        last_day = record.stated_until - timedelta(days=1) if record.stated_until else None
        return [firm.name, firm.uscc, d["honour"], d["authority"], self.day(record.valid_from), d["level"],
                self.day(last_day)]

    def donation_row(self, record: Record) -> list[Any]:
        firm, d = self.firm_of(record), record.details
        amount = f"{d['amount']}.00" if self.rng.random() < 0.3 else str(d["amount"])
        return [firm.name, firm.uscc, d["recipient"], amount, d["goods"], self.day(record.valid_from)]

    def volunteer_row(self, record: Record) -> list[Any]:
        firm, d = self.firm_of(record), record.details
        return [firm.name, firm.uscc, d["project"], d["hours"], self.day(record.valid_from), d["certifier"]]

    # -- truth ------------------------------------------------------------------------
    def truth(self) -> dict[str, Any]:
        pop = self.pop
        roles: dict[str, list[dict[str, Any]]] = {}
        for role in pop.roles:
            roles.setdefault(role.firm, []).append({
                "person": role.person, "role": role.role, "post": role.post,
                "start": role.start.isoformat(), "end": _iso(role.end)})
        return {
            "generator": "cscs.sample", "seed": pop.seed, "as_of": pop.as_of.isoformat(),
            "semantics": SEMANTICS,
            "files": {name: {"format": FORMATS[name][0], "encoding": FORMATS[name][1], "rows": self.rows[name],
                             "key_columns": list(KEY_COLUMNS.get(name, ())),
                             "header_repeated_on_each_page": PDF_HEADER_REPEATED if name.endswith(".pdf") else None}
                      for name in self.files},
            "firms": [{
                "key": f.key, "name": f.name, "uscc": f.uscc, "uscc_valid": f.uscc_valid,
                "org_code": f.org_code, "regno": f.regno, "area": f.area, "founded": f.founded.isoformat(),
                "legal_form": f.legal_form, "roles": roles.get(f.key, []),
            } for f in pop.firms],
            "persons": [{"key": p.key, "name": p.name, "id": p.id_masked, "sex": p.sex, "birth_year": p.birth_year}
                        for p in pop.persons.values()],
            "records": sorted(self.truth_records, key=lambda r: r["id"]),
            "planted": pop.planted,
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _text(value: Any) -> str:
    """A cell as a reader renders it (date cells as ISO, numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _dump_truth(truth: dict[str, Any]) -> str:
    """JSON with one firm, person or record per line: diffable, and fast (the C encoder does each line)."""
    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for name, value in truth.items():
        if isinstance(value, list):
            body = ",\n  ".join(dump(item) for item in value)
            parts.append(f"{dump(name)}: [\n  {body}\n ]" if value else f"{dump(name)}: []")
        else:
            parts.append(f"{dump(name)}: {dump(value)}")
    return "{\n " + ",\n ".join(parts) + "\n}\n"
