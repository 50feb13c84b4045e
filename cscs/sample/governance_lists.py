"""The documents of the finance, governance and compliance lists in the sample corpus
(records drawn by :mod:`cscs.sample.governance`): their published headers, the columns
that identify a row, their formats, and the rows.

The layouts vary as publishers' do: amounts in 万元 by the header (debt evasion) or in
元 with some values written in 万元 (social insurance), the 双公示 code columns of the
enforcement list, a PDF notice across pages (tax arrears), a failures-only spot-check
list, environmental grades good and bad side by side.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from .population import Firm, Record

HEADERS: dict[str, tuple[str, ...]] = {
    "debt_evasion.xlsx": ("序号", "企业名称", "统一社会信用代码", "法定代表人", "逃废债金额（万元）", "债权银行", "逃废债情形",
                          "认定日期", "认定单位", "移出日期"),
    "overseas_equity.html": ("境内投资主体名称", "统一社会信用代码", "境外企业名称", "未登记年度", "所属外汇局", "公布日期",
                             "补办登记日期"),
    "social_insurance.csv": ("用人单位名称", "统一社会信用代码", "法定代表人", "欠费险种", "欠费所属期", "欠费金额（元）",
                             "主管税务机关", "公告日期", "缴清日期"),
    "tax_arrears.pdf": ("纳税人名称", "纳税人识别号", "法定代表人（负责人）姓名", "欠税税种", "欠税余额（元）",
                        "当期新发生欠税金额（元）", "主管税务机关", "公告日期", "缴清日期"),
    "major_tax_violation.csv": ("纳税人名称", "纳税人识别号或社会信用代码", "注册地址", "法定代表人或者负责人姓名",
                                "案件性质", "主要违法事实", "相关法律依据及税务处理处罚情况", "实施检查的单位", "列入日期",
                                "撤出日期", "信用修复日期"),
    "spot_checks.xlsx": ("产品名称", "标称生产单位", "统一社会信用代码", "被抽样单位", "规格型号", "生产日期/批号",
                         "不合格项目", "检验机构", "公布日期"),
    "safety_hazards.html": ("单位名称", "统一社会信用代码", "隐患内容", "督办级别", "督办单位", "挂牌日期", "整改期限",
                            "销号日期"),
    "environment.csv": ("企业名称", "统一社会信用代码", "评价年度", "评价等级", "评价机关", "发布日期"),
    "enforcement.xlsx": ("行政相对人名称", "行政相对人类别", "行政相对人代码_1（统一社会信用代码）", "法定代表人",
                         "行政强制决定书文号", "行政强制类别", "行政强制内容", "行政强制事由", "行政强制依据", "决定日期",
                         "解除日期", "实施机关"),
    "commitments.html": ("承诺主体", "统一社会信用代码", "承诺事项", "承诺类型", "失信行为", "认定日期", "认定单位",
                         "公示截止日期"),
    "regulatory_measures.xlsx": ("当事人", "统一社会信用代码", "措施类型", "文号", "发文日期", "发文机关"),
}
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "debt_evasion.xlsx": ("统一社会信用代码", "认定日期"),
    "overseas_equity.html": ("统一社会信用代码", "未登记年度"),
    "social_insurance.csv": ("统一社会信用代码", "公告日期"),
    "tax_arrears.pdf": ("纳税人识别号", "公告日期"),
    "major_tax_violation.csv": ("纳税人识别号或社会信用代码", "列入日期"),
    "spot_checks.xlsx": ("统一社会信用代码", "产品名称", "公布日期"),
    "safety_hazards.html": ("统一社会信用代码", "挂牌日期"),
    "environment.csv": ("统一社会信用代码", "评价年度"),
    "enforcement.xlsx": ("行政强制决定书文号",),
    "commitments.html": ("统一社会信用代码", "认定日期"),
    "regulatory_measures.xlsx": ("文号",),
}
FORMATS = {
    "debt_evasion.xlsx": ("xlsx", None), "overseas_equity.html": ("html", "utf-8"),
    "social_insurance.csv": ("csv", "gbk"), "tax_arrears.pdf": ("pdf", None),
    "major_tax_violation.csv": ("csv", "utf-8"), "spot_checks.xlsx": ("xlsx", None),
    "safety_hazards.html": ("html", "utf-8"), "environment.csv": ("csv", "gbk"),
    "enforcement.xlsx": ("xlsx", None), "commitments.html": ("html", "utf-8"),
    "regulatory_measures.xlsx": ("xlsx", None),
}
# file -> the record kinds it publishes (environment: good grades beside the bad)
KINDS = {
    "debt_evasion.xlsx": ("DebtEvasion",), "overseas_equity.html": ("OverseasEquityUnregistered",),
    "social_insurance.csv": ("SocialInsuranceArrears",), "tax_arrears.pdf": ("TaxArrears",),
    "major_tax_violation.csv": ("MajorTaxViolation",), "spot_checks.xlsx": ("SpotCheckFailure",),
    "safety_hazards.html": ("SafetyHazard",), "environment.csv": ("EnvironmentalViolation", "CreditRating"),
    "enforcement.xlsx": ("AdministrativeEnforcement",), "commitments.html": ("CommitmentBreach",),
    "regulatory_measures.xlsx": ("OtherNonCompliance",),
}
# how each is published: sheet (xlsx), or (title, heading, note) (html), or (title, intro, wrap) (pdf)
LAYOUTS: dict[str, Any] = {
    "debt_evasion.xlsx": ("逃废债企业名单", "恶意逃废金融债务企业名单"),
    "spot_checks.xlsx": ("不合格产品", "产品质量监督抽查不合格产品信息"),
    "enforcement.xlsx": ("行政强制", None),
    "regulatory_measures.xlsx": ("监管措施", None),
    "overseas_equity.html": ("境外直接投资存量权益登记", "未按规定办理境外直接投资存量权益登记的企业名单",
                             "以下企业未在规定期限内办理境外直接投资存量权益登记，补办登记的一并公示。"),
    "safety_hazards.html": ("重大事故隐患挂牌督办", "重大事故隐患挂牌督办及销号情况",
                            "挂牌督办的重大事故隐患整改完成并经验收合格的，予以销号。"),
    "commitments.html": ("信用承诺", "信用承诺未履行信息公示", "承诺主体未履行信用承诺的，依法依规实施失信惩戒。"),
    "tax_arrears.pdf": ("欠税公告", ("根据《中华人民共和国税收征收管理法》及《欠税公告办法》的规定，现将欠缴税款的纳税人予以公告。",
                                  "纳税人应当及时缴清欠税；缴清的，一并公告其缴清日期。"), (0, 3)),
}


class GovernanceRows:
    """The rows of these documents; mixed into the corpus writer (``day``, ``xlsx_day``,
    ``firm_of``, ``rep_name`` and the layout stream ``rng`` are its)."""

    rng: random.Random  # declared here for the type checker; cscs.sample.corpus._Corpus has them
    day: Callable[[date | None], str]
    xlsx_day: Callable[[date | None], date | str | None]
    firm_of: Callable[[Record], Firm]
    rep_name: Callable[[Record], str]

    def governance_row(self, name: str, record: Record) -> list[Any]:
        return getattr(self, "_" + name.split(".")[0])(record)

    def _debt_evasion(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [0, firm.name, firm.uscc, self.rep_name(r), d["amount_wan"], d["creditor"], d["facts"],
                self.xlsx_day(r.valid_from), d["authority"], self.xlsx_day(r.removed_on)]

    def _overseas_equity(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, d["overseas"], d["year"], d["authority"], self.day(r.valid_from),
                self.day(r.removed_on)]

    def _social_insurance(self, r: Record) -> list[Any]:
        """Amounts in 元 as the header says; a publisher writes the large ones in 万元."""
        firm, d = self.firm_of(r), r.details
        fen = d["owed_fen"]
        owed = f"{Decimal(fen).scaleb(-6).normalize():f}万元" if self.rng.random() < 0.25 \
            else f"{fen // 100:,}.{fen % 100:02d}"
        return [firm.name, firm.uscc, self.rep_name(r), d["insurance"], d["period"], owed, d["authority"],
                self.day(r.valid_from), self.day(r.removed_on)]

    def _tax_arrears(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, self.rep_name(r), d["tax"], f"{d['owed_yuan']:.2f}", str(d["new_yuan"]),
                d["authority"], self.day(r.valid_from), self.day(r.removed_on)]

    def _major_tax_violation(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, d["address"], self.rep_name(r), d["nature"], d["facts"], d["basis"], d["bureau"],
                self.day(r.valid_from), self.day(r.removed_on), self.day(r.repaired_on)]

    def _spot_checks(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [d["product"], firm.name, firm.uscc, d["sampled"], d["model"], d["batch"], d["failed"], d["testing"],
                self.xlsx_day(r.valid_from)]

    def _safety_hazards(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, d["hazard"], d["level"], d["authority"][d["level"]], self.day(r.valid_from),
                self.day(d["deadline"]), self.day(r.removed_on)]

    def _environment(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, d["year"], d["grade"], d["authority"], self.day(r.valid_from)]

    def _enforcement(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, "法人及非法人组织", firm.uscc, self.rep_name(r), d["number"], d["measure"], d["content"],
                d["grounds"], d["basis"], self.xlsx_day(r.valid_from), self.xlsx_day(r.removed_on), d["authority"]]

    def _commitments(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        last_day = r.stated_until - timedelta(days=1) if r.stated_until else None
        return [firm.name, firm.uscc, d["commitment"], d["type"], d["breach"], self.day(r.valid_from), d["authority"],
                self.day(last_day)]

    def _regulatory_measures(self, r: Record) -> list[Any]:
        firm, d = self.firm_of(r), r.details
        return [firm.name, firm.uscc, d["measure"], d["number"], self.xlsx_day(r.valid_from), d["authority"]]
