"""A whole province for benchmarks: N firms (up to about 3 million), their key
personnel and the published lists about them, written as CSV in one streaming pass.

Why a second generator: :mod:`cscs.sample.population` holds its population in
memory and plants every situation a scorer must get right, in five formats; right
for 200 firms, impossible for Zhejiang's 3 million. Here firm ``i`` is a pure
function of ``(seed, i, as_of)``: its facts come from its own hash-seeded stream,
its organisation code, name and people's ID numbers from permutations of its index
(so they are unique without remembering which were taken), and nothing about it
is kept once its rows are written. Memory stays flat as N grows and the same seed
gives the same bytes.

Only CSV, one layout per list, with headers the list extractors accept: format
variety is the small generator's job, this one is for scale. Density follows the
register: most firms have no record, a long tail has several.

What the rows mean is written beside them: ``truth.csv`` (one line per record,
its dates as meant) and ``roles.csv`` (one line per role a person holds in a firm),
so a test can compute every firm's expected score without reading a list. Every
record about a person starts after the start of each role the person holds and
after the end of each role they left. So whether a role counts on a day never
depends on when the role began, which is why the registry may name the legal
representative (the registry extractor makes him an undated role) beside his
dated row in the key-personnel list.
"""

from __future__ import annotations

import csv
import random
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from math import gcd
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from cscs.extract.identifiers import USCC_ALPHABET

from . import governance as gov
from . import vocab
from .places import AREA_WEIGHTS, AREAS, OTHER_BIRTH_AREAS, PROVINCE, Area

#: List documents, in writing order, and the extractor that reads each.
LISTS: dict[str, str] = {
    "registry.csv": "business_register",
    "key-personnel.csv": "key_personnel",
    "abnormal-operations.csv": "abnormal_operations",
    "abnormal-taxpayers.csv": "abnormal_taxpayers",
    "penalties.csv": "penalties",
    "serious-dishonest.csv": "serious_dishonest",
    "dishonest.csv": "dishonest",
    "red-list.csv": "red_list",
    "honours.csv": "honours",
    "donations.csv": "donations",
    "volunteer.csv": "volunteer",
    "debt-evasion.csv": "debt_evasion",
    "overseas-equity.csv": "overseas_equity",
    "social-insurance.csv": "social_insurance",
    "tax-arrears.csv": "tax_arrears",
    "major-tax-violations.csv": "major_tax_violation",
    "spot-checks.csv": "spot_checks",
    "safety-hazards.csv": "safety_hazards",
    "environment.csv": "environment",
    "enforcement.csv": "enforcement",
    "commitments.csv": "commitments",
    "regulatory-measures.csv": "regulatory_measures",
}
TRUTH_FILES = ("truth.csv", "roles.csv")

HEADERS: dict[str, tuple[str, ...]] = {
    "registry.csv": ("统一社会信用代码", "企业名称", "法定代表人", "法定代表人证件号码", "成立日期", "登记机关", "住所"),
    "key-personnel.csv": ("企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期", "离任日期"),
    "abnormal-operations.csv": (
        "企业名称", "统一社会信用代码", "列入经营异常名录原因", "列入日期", "作出决定机关（列入）",
        "移出经营异常名录原因", "移出日期", "作出决定机关（移出）"),
    "abnormal-taxpayers.csv": ("纳税人名称", "纳税人识别号", "认定日期", "主管税务机关", "解除日期"),
    "penalties.csv": (
        "行政相对人名称", "行政相对人类别", "统一社会信用代码", "行政处罚决定书文号", "违法行为类型", "违法事实",
        "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）", "处罚决定日期", "公示截止期", "处罚机关"),
    "serious-dishonest.csv": (
        "主体名称", "统一社会信用代码", "证件号码", "主体类型", "列入日期", "列入严重违法失信名单原因", "作出决定机关",
        "移出日期", "移出原因", "信用修复日期"),
    "dishonest.csv": (
        "被执行人姓名/名称", "身份证号码/组织机构代码", "类型", "性别", "年龄", "执行法院", "省份", "案号",
        "执行依据文号", "做出执行依据单位", "生效法律文书确定的义务", "被执行人的履行情况",
        "失信被执行人行为具体情形", "立案时间", "发布时间", "撤销日期"),
    "red-list.csv": ("纳税人识别号", "纳税人名称", "评价年度", "纳税信用级别", "发布日期", "主管税务机关"),
    "honours.csv": ("企业名称", "统一社会信用代码", "荣誉名称", "授予机关", "授予日期", "荣誉级别", "有效期至"),
    "donations.csv": ("捐赠单位", "统一社会信用代码", "受赠单位", "捐赠金额（元）", "捐赠物资", "捐赠日期"),
    "volunteer.csv": ("单位名称", "统一社会信用代码", "服务项目", "服务时长（小时）", "服务日期", "认定单位"),
    "debt-evasion.csv": ("企业名称", "统一社会信用代码", "逃废债金额（万元）", "债权银行", "认定日期", "认定单位", "移出日期"),
    "overseas-equity.csv": ("企业名称", "统一社会信用代码", "未登记年度", "所属外汇局", "公布日期", "补办登记日期"),
    "social-insurance.csv": ("用人单位名称", "统一社会信用代码", "欠费险种", "欠费金额（元）", "主管税务机关", "公告日期",
                             "缴清日期"),
    "tax-arrears.csv": ("纳税人名称", "纳税人识别号", "欠税税种", "欠税余额（元）", "当期新发生欠税金额（元）",
                        "主管税务机关", "公告日期", "缴清日期"),
    "major-tax-violations.csv": ("纳税人名称", "纳税人识别号", "案件性质", "主要违法事实",
                                 "相关法律依据及税务处理处罚情况", "实施检查的单位", "列入日期", "撤出日期",
                                 "信用修复日期"),
    "spot-checks.csv": ("产品名称", "标称生产单位", "统一社会信用代码", "不合格项目", "抽查结果", "检验机构", "公布日期"),
    "safety-hazards.csv": ("单位名称", "统一社会信用代码", "隐患内容", "督办单位", "挂牌日期", "整改期限", "销号日期"),
    "environment.csv": ("企业名称", "统一社会信用代码", "评价年度", "评价等级", "评价机关", "发布日期"),
    "enforcement.csv": ("行政相对人名称", "统一社会信用代码", "行政强制决定书文号", "行政强制类别", "决定日期", "解除日期",
                        "实施机关"),
    "commitments.csv": ("承诺主体", "统一社会信用代码", "承诺事项", "失信行为", "认定日期", "认定单位", "公示截止日期"),
    "regulatory-measures.csv": ("当事人", "统一社会信用代码", "措施类型", "文号", "发文日期", "发文机关"),
    # what the lists mean: a record's dates as meant (valid_until is the first day out of force,
    # the stated end or else valid_from + 5 years, the rubric's window) and every role held
    "truth.csv": ("subject", "subject_type", "kind", "valid_from", "valid_until", "removed_on", "repaired_on",
                  "document"),
    "roles.csv": ("person_id", "uscc", "role", "start", "end"),
}

FIRST_FOUNDED = date(1998, 1, 1)
FIRST_RECORD_DAY = date(2017, 1, 1)
USCC_ERA = date(2015, 10, 1)  # firms registered from here on have an MA… organisation code
DEFAULT_VALIDITY_YEARS = 5  # the shipped rubric's window (P5Y)
RECORD_SHARE = 0.12  # firms with at least one record about themselves
MORE_RECORDS = 0.45  # chance of each further record (geometric tail), up to MAX_RECORDS
MAX_RECORDS = 8
KEY_PERSON_LISTED = 0.015  # firms one of whose key personnel is on a dishonest list
INDIVIDUAL_LISTED = 0.01  # dishonest individuals holding no post, one per this share of firms
FUTURE_SHARE = 0.03  # records dated after as_of (published ahead, not yet counted)
BATCH = 1_000  # firms whose registry, key-personnel and role lines are joined and written at once

# Brand characters (two or three per name) and industries beyond the small sample's lists.
BRAND_CHARS = "".join(dict.fromkeys(
    vocab.BRAND_CHARS + "嘉禾美佳利荣富贵祥瑞福康乐华昌隆茂森林宁泰吉运骏骅骐骏腾飞跃龙凤麟鹏奥维迪捷诺"
    "欣悦雅致尚品优越卓杰俊豪英宸宏鼎晟昊旭阳晖耀辰朗睿智慧思远志毅坚韧诚信仁义礼和谐"))
INDUSTRIES = vocab.INDUSTRIES + (
    "电子商务", "软件开发", "数字科技", "光电科技", "新能源", "电力设备", "五金", "塑料制品", "包装", "陶瓷",
    "工艺品", "农业开发", "水产", "酒店管理", "旅游开发", "教育咨询", "人力资源", "广告", "装饰工程", "园林绿化",
    "供应链管理", "商贸", "制药", "检测技术",
)
FORMS = (("有限公司", 70), ("有限责任公司", 18), ("股份有限公司", 12))
GIVEN_CHARS = "".join(dict.fromkeys(vocab.GIVEN_CHARS))
ROADS = ("人民路", "解放路", "中山路", "建设路", "环城北路", "文化路", "新华路", "工业路", "科技大道", "创业路",
         "滨江大道", "学院路", "湖滨路", "开元路", "世纪大道", "迎宾大道", "青年路", "延安路", "凤起路", "莫干山路")
# Key-personnel posts and the ontology roles they stand for (as meant, for roles.csv).
POST_ROLES = {
    "法定代表人": ("LegalRepresentative",), "执行董事": ("Director",), "董事长": ("Chairman", "Director"),
    "董事": ("Director",), "监事": ("Supervisor",), "总经理": ("GeneralManager",),
}
# Legal representative's posts (weight out of 20) and whether the firm has a board.
LR_POSTS = (("法定代表人、执行董事兼总经理", 10, False), ("法定代表人、执行董事", 4, False),
            ("法定代表人、董事长", 3, True), ("法定代表人、总经理", 3, True))
# Person slots: index i*8 + slot gives each person of firm i a unique ID number.
LR, FORMER_LR, CHAIRMAN, DIRECTOR, SUPERVISOR, INDIVIDUAL = 0, 1, 2, 3, 4, 7
SLOTS = 8
FIRM_KINDS = {  # profile → (record maker name, weight)
    "good": (("red_list", 30), ("honour", 30), ("donation", 25), ("volunteer", 15)),
    "troubled": (("penalty", 45), ("abnormal_operation", 28), ("abnormal_taxpayer", 12), ("dishonest_firm", 8),
                 ("serious_firm", 7)),
    "noncompliant": (("debt_evasion", 6), ("overseas_equity", 5), ("social_insurance", 12), ("tax_arrears", 14),
                     ("major_tax_violation", 5), ("spot_check", 12), ("safety_hazard", 10), ("environment", 12),
                     ("enforcement", 10), ("commitment", 7), ("regulatory_measure", 7)),
}
PROFILES = (("good", 35), ("troubled", 45), ("noncompliant", 20))  # a firm's profile → weight
OTHER_PROFILE = {"good": "troubled", "troubled": "good", "noncompliant": "troubled"}  # one record in ten

_M64 = (1 << 64) - 1


def _mix(x: int) -> int:
    """splitmix64's finaliser: a well-spread 64-bit hash of ``x`` (the per-firm stream's seed)."""
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


@dataclass(frozen=True)
class Permutation:
    """``x → (a·x + b) mod size``, a bijection of ``range(size)`` chosen by the seed: it
    turns a firm's index into a code or name no other firm has, with nothing remembered."""

    size: int
    a: int
    b: int

    @classmethod
    def of(cls, size: int, seed: int, salt: int) -> Permutation:
        h = _mix(seed * 1_000_003 + salt)
        a = size * 618_034 // 1_000_000 + h % 1000  # near the golden ratio: neighbours spread far apart
        while gcd(a, size) != 1:
            a += 1
        return cls(size, a, _mix(h) % size)

    def __call__(self, x: int) -> int:
        return (self.a * x + self.b) % self.size


class _Codes:
    """Organisation codes no other firm has, and their USCCs, at a few lookups a firm.

    A firm's index goes through a permutation to a number; the number's digits are
    the code (``MA2`` + five characters after the USCC era began, eight digits before).
    The weighted sums both check characters need are precomputed for chunks of two to
    four characters, packed as ``org_sum << 16 | uscc_sum``. Equal to
    :func:`cscs.extract.identifiers.make_uscc` (tested).
    """

    def __init__(self, seed: int, areas: tuple[str, ...]):
        self.new, self.old = Permutation.of(31 ** 5, seed, 1), Permutation.of(7 * 10 ** 7, seed, 2)
        self.ma2 = _packed("MA2", 0)
        self.new_hi, self.new_lo = _chunks(USCC_ALPHABET, 2, 3), _chunks(USCC_ALPHABET, 3, 5)
        self.old_hi, self.old_lo = _chunks("0123456789", 4, 0), _chunks("0123456789", 4, 4)
        self.areas = {a: sum(_USCC_VALUE[c] * w for c, w in zip("91" + a, _USCC_WEIGHTS)) for a in areas}

    def uscc(self, area: str, index: int, new_era: bool) -> str:
        if new_era:
            hi, lo = divmod(self.new(index), 31 ** 3)
            (hi_text, hi_sum), (lo_text, lo_sum) = self.new_hi[hi], self.new_lo[lo]
            org8, packed = "MA2" + hi_text + lo_text, self.ma2 + hi_sum + lo_sum
        else:
            hi, lo = divmod(10 ** 7 + self.old(index), 10 ** 4)
            (hi_text, hi_sum), (lo_text, lo_sum) = self.old_hi[hi], self.old_lo[lo]
            org8, packed = hi_text + lo_text, hi_sum + lo_sum
        org_sum, uscc_sum = divmod(packed, 1 << 16)
        check = _ORG_CHECK[org_sum % 11]
        total = self.areas[area] + uscc_sum + _USCC_VALUE[check] * _USCC_WEIGHTS[16]
        return f"91{area}{org8}{check}{USCC_ALPHABET[-total % 31]}"


_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHECK = {r: {10: "X", 11: "0"}.get(11 - r, str(11 - r)) for r in range(11)}  # sum mod 11 → check


def _packed(text: str, offset: int) -> int:
    """``org_sum << 16 | uscc_sum`` of ``text`` at organisation-code position ``offset``."""
    org = sum((int(c) if c.isdigit() else ord(c) - 55) * _ORG_WEIGHTS[offset + k] for k, c in enumerate(text))
    uscc = sum(_USCC_VALUE[c] * _USCC_WEIGHTS[8 + offset + k] for k, c in enumerate(text))
    return org << 16 | uscc


@cache
def _chunks(alphabet: str, length: int, offset: int) -> list[tuple[str, int]]:
    """Every ``length``-character chunk over ``alphabet`` (in number order) with its packed sums."""
    texts = [""]
    for _ in range(length):
        texts = [t + c for t in texts for c in alphabet]
    return [(t, _packed(t, offset)) for t in texts]


def _weighted_slots(weighted: tuple[tuple[Any, int], ...]) -> tuple[Any, ...]:
    """A table in which each value fills as many slots as its weight (draw = slot index)."""
    return tuple(value for value, weight in weighted for _ in range(weight))


def add_years(day: date, years: int) -> date:
    """Same month and day ``years`` later (no record date is ever 29 February)."""
    return day.replace(year=day.year + years)


def _no_leap_day(day: date) -> date:
    """29 February → 28 February: a window of whole years from a leap day is read
    differently by different date arithmetics, so the generator never starts one there."""
    return day - timedelta(days=1) if day.month == 2 and day.day == 29 else day


@dataclass
class ProvinceSummary:
    """What :func:`write_province` wrote: rows and bytes per file, and the record density."""

    out: Path
    firms: int
    seed: int
    as_of: date
    rows: dict[str, int] = field(default_factory=dict)
    bytes: dict[str, int] = field(default_factory=dict)
    firm_records: int = 0  # records about firms
    person_records: int = 0  # records about persons (key personnel and individuals)
    key_person_records: int = 0  # of which about a key person of a firm
    records_per_firm: Counter[int] = field(default_factory=Counter)  # records about a firm → firms
    persons: int = 0
    seconds: float = 0.0

    @property
    def records(self) -> int:
        return self.firm_records + self.person_records

    @property
    def firms_with_records(self) -> int:
        return sum(n for k, n in self.records_per_firm.items() if k)

    @property
    def total_bytes(self) -> int:
        return sum(self.bytes.values())

    @property
    def lists(self) -> list[Path]:
        """The list documents to ingest (not the truth files)."""
        return [self.out / name for name in LISTS]

    def describe(self) -> str:
        """A few lines for the command line: files, density, speed."""
        lines = [f"{self.out / name}  {self.rows[name]:>10} rows  {self.bytes[name]:>13,} bytes"
                 for name in (*LISTS, *TRUTH_FILES)]
        share = self.firms_with_records / self.firms if self.firms else 0.0
        tail = ", ".join(f"{k}: {n}" for k, n in sorted(self.records_per_firm.items()) if k)
        lines.append(f"{self.firms} firms, {self.persons} persons; {self.firms_with_records} firms "
                     f"({share:.1%}) with records about them, {self.firm_records} firm records "
                     f"({self.firm_records / max(self.firms, 1):.3f} per firm; firms by count {tail}), "
                     f"{self.person_records} person records ({self.key_person_records} about key personnel)")
        rate = self.firms / self.seconds if self.seconds else 0.0
        lines.append(f"{self.total_bytes / 1e6:.1f} MB in {self.seconds:.1f} s: {rate:,.0f} firms/s, "
                     f"{self.total_bytes / 1e6 / max(self.seconds, 1e-9):.1f} MB/s "
                     f"(seed {self.seed}, as of {self.as_of})")
        return "\n".join(lines)


def write_province(out: Path, firms: int, seed: int = 1, as_of: date = date(2024, 6, 30),
                   progress: Callable[[int], None] | None = None) -> ProvinceSummary:
    """Write ``firms`` firms' registry, key personnel, record lists and truth into ``out``.

    ``progress`` is called with the number of firms written since its last call
    (every thousand firms and at the end), e.g. a tqdm bar's ``update``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    summary = ProvinceSummary(out, firms, seed, as_of)
    tables = _Tables.build(seed, as_of, firms)  # first: it refuses more firms than it can keep unique
    with ExitStack() as stack:
        handles: dict[str, TextIO] = {
            name: stack.enter_context(open(out / name, "w", encoding="utf-8", newline="", buffering=1 << 20))
                   for name in (*LISTS, *TRUTH_FILES)}
        writers = {name: csv.writer(handle, lineterminator="\n") for name, handle in handles.items()}
        for name, writer in writers.items():
            writer.writerow(HEADERS[name])
        province = _Province(tables, handles, writers, summary)
        for start in range(0, firms, BATCH):
            stop = min(firms, start + BATCH)
            province.firms(start, stop)
            if progress is not None:
                progress(stop - start)
    summary.rows = province.rows
    summary.bytes = {name: (out / name).stat().st_size for name in handles}
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(frozen=True)
class _Tables:
    """Everything precomputed once so that a firm costs a few hashes and table lookups."""

    seed_key: int
    as_of: date
    founded_first: int  # ordinal
    founded_span: int  # days
    era: int  # ordinal of USCC_ERA
    day_text: dict[int, str]  # ordinal → ISO text, for the days firms are founded on
    area_slots: tuple[Area, ...]
    area_texts: dict[str, tuple[str, str]]  # code → (registration authority, address up to the district)
    form_slots: tuple[str, ...]
    codes: _Codes
    brand2: Permutation
    brand3: Permutation
    person_ids: Permutation
    birth_areas: tuple[str, ...]
    birth_first: int  # ordinal of the first birthday
    birth_days: int
    birth_text: tuple[str, ...]  # day index → YYYYMMDD
    birth_sum: tuple[int, ...]  # day index → weighted digit sum of YYYYMMDD (ID positions 7-14)
    area_sum: dict[str, int]  # birth area → weighted digit sum (ID positions 1-6)
    seq_sum: tuple[int, ...]  # 0..999 → weighted digit sum (ID positions 15-17)
    names: tuple[str, ...]  # 65,536 person names, drawn by 16 bits of a firm's hash

    @classmethod
    def build(cls, seed: int, as_of: date, firms: int) -> _Tables:
        first, last = FIRST_FOUNDED.toordinal(), (as_of - timedelta(days=400)).toordinal()
        pairs = len(BRAND_CHARS) * (len(BRAND_CHARS) - 1) * len(INDUSTRIES)
        triples = len(BRAND_CHARS) * (len(BRAND_CHARS) - 1) * (len(BRAND_CHARS) - 2) * len(INDUSTRIES)
        birth_areas = tuple(dict.fromkeys(a.code for a in AREAS)) + OTHER_BIRTH_AREAS
        birth_first, birth_last = date(1955, 1, 1).toordinal(), date(1998, 12, 31).toordinal()
        birth_days = birth_last - birth_first + 1
        id_space = len(birth_areas) * birth_days * 1000
        if firms > min(31 ** 5, 7 * 10 ** 7, pairs + triples, id_space // SLOTS):
            raise ValueError(f"{firms} firms: more than the codes, names or ID numbers this generator can make unique")
        weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        birth_text = tuple(date.fromordinal(birth_first + d).strftime("%Y%m%d") for d in range(birth_days))
        seed_key = _mix(seed)
        return cls(
            seed_key=seed_key, as_of=as_of, founded_first=first, founded_span=last - first + 1,
            era=USCC_ERA.toordinal(),
            day_text={d: date.fromordinal(d).isoformat() for d in range(first, as_of.toordinal() + 1)},
            area_slots=_weighted_slots(tuple(zip(AREAS, AREA_WEIGHTS))),
            area_texts={a.code: (a.market_bureau, f"{PROVINCE}省{a.city}市{a.district}")
                        for a in AREAS},
            form_slots=_weighted_slots(FORMS),
            codes=_Codes(seed, tuple(a.code for a in AREAS)),
            brand2=Permutation.of(pairs, seed, 3), brand3=Permutation.of(triples, seed, 4),
            person_ids=Permutation.of(id_space, seed, 5),
            birth_areas=birth_areas, birth_first=birth_first, birth_days=birth_days, birth_text=birth_text,
            birth_sum=tuple(sum(int(c) * w for c, w in zip(t, weights[6:14])) for t in birth_text),
            area_sum={a: sum(int(c) * w for c, w in zip(a, weights[:6])) for a in birth_areas},
            seq_sum=tuple(sum(int(c) * w for c, w in zip(f"{n:03d}", weights[14:])) for n in range(1000)),
            names=_names(),
        )


class _Person(NamedTuple):
    name: str
    id_number: str
    born: int  # ordinal

    @property
    def sex(self) -> str:
        return "男" if int(self.id_number[16]) % 2 else "女"


@dataclass
class _Firm:
    """One firm while its rows are written; dropped right after."""

    index: int
    name: str
    uscc: str
    area: Area
    founded: date
    people: dict[int, tuple[_Person, str, int, int | None]]  # slot → (person, 职务, start, end ordinals)


class _Province:
    """Writes firms in index order; holds only counters between firms."""

    def __init__(self, tables: _Tables, handles: dict[str, TextIO], writers: dict[str, Any],
                 summary: ProvinceSummary):
        self.t = tables
        self.handles = handles
        self.w = writers
        self.summary = summary
        self.rows: dict[str, int] = {name: 0 for name in writers}
        self.as_of = tables.as_of
        self.as_of_ord = tables.as_of.toordinal()
        # the last year whose A-level taxpayer list is out (published in April of the next year)
        self.last_list_year = self.as_of.year - 1 if self.as_of >= date(self.as_of.year, 4, 30) else self.as_of.year - 2
        self.person = self._person_maker(tables)
        self.firm_name = self._name_maker(tables)

    # -- identities --------------------------------------------------------------------------
    @staticmethod
    def _person_maker(t: _Tables) -> Callable[[int, int, int], _Person]:
        """``person(firm_index, slot, h)``: the person in ``slot`` of a firm. The ID number
        comes from a permutation of (firm, slot), so it is unique; the name from 16 bits of
        the hash ``h`` chosen by the slot. A closure over the tables: called twice a firm."""
        a, b, size = t.person_ids.a, t.person_ids.b, t.person_ids.size
        birth_days, birth_areas, birth_text, birth_first = t.birth_days, t.birth_areas, t.birth_text, t.birth_first
        area_sum, birth_sum, seq_sum, names = t.area_sum, t.birth_sum, t.seq_sum, t.names

        def person(firm_index: int, slot: int, h: int) -> _Person:
            p, seq = divmod((a * (firm_index * SLOTS + slot) + b) % size, 1000)
            area_index, day = divmod(p, birth_days)
            area = birth_areas[area_index]
            check = "10X98765432"[(area_sum[area] + birth_sum[day] + seq_sum[seq]) % 11]
            return _Person(names[(h >> (12 * slot)) & 0xFFFF], f"{area}{birth_text[day]}{seq:03d}{check}",
                           birth_first + day)

        return person

    @staticmethod
    def _name_maker(t: _Tables) -> Callable[[int, str, str], str]:
        """``firm_name(index, prefix, form)``: city, brand, industry and form. (brand, industry)
        is a bijection of the index, so names are unique; the first 767,624 firms (122 brand
        characters, ordered pairs, 52 industries) have two-character brands, the rest three."""
        chars, n_chars, n_ind, industries = BRAND_CHARS, len(BRAND_CHARS), len(INDUSTRIES), INDUSTRIES
        brand2, brand3, pairs = t.brand2, t.brand3, t.brand2.size

        def firm_name(index: int, prefix: str, form: str) -> str:
            if index < pairs:
                n, industry = divmod(brand2(index), n_ind)
                a, b = divmod(n, n_chars - 1)
                brand = chars[a] + chars[b + (b >= a)]
            else:
                n, industry = divmod(brand3(index - pairs), n_ind)
                n, c = divmod(n, n_chars - 2)
                a, b = divmod(n, n_chars - 1)
                b += b >= a
                c += c >= min(a, b)
                c += c >= max(a, b)
                brand = chars[a] + chars[b] + chars[c]
            return f"{prefix}{brand}{industries[industry]}{form}"

        return firm_name

    # -- firms ---------------------------------------------------------------------------------
    def firms(self, start: int, stop: int) -> None:
        """Firms ``start``..``stop - 1``: the hot loop, so it reads tables into locals.

        Firm ``i``'s draws come from three 64-bit hashes of (seed, i); only the long
        tail with records also seeds a :class:`random.Random` (costly) from them. The
        registry, key-personnel and role lines of the batch are joined and written at
        once: their cells come from fixed tables and never hold a comma, quote or line
        break, so they need no CSV quoting (the record lists go through ``csv.writer``).
        """
        t = self.t
        seed_key, span, first, as_of = t.seed_key, t.founded_span, t.founded_first, self.as_of_ord
        area_slots, n_areas, form_slots, n_forms = t.area_slots, len(t.area_slots), t.form_slots, len(t.form_slots)
        day_text, area_texts, n_roads = t.day_text, t.area_texts, len(ROADS)
        counts, uscc_of, era, person, firm_name = \
            self.summary.records_per_firm, t.codes.uscc, t.era, self.person, self.firm_name
        # one draw in 10,000 decides: records about the firm, about a key person, about an individual
        record_share, key_person_share = round(RECORD_SHARE * 10_000), round((1 - KEY_PERSON_LISTED) * 10_000)
        individual_share = key_person_share - round(INDIVIDUAL_LISTED * 10_000)
        registry: list[str] = []
        personnel: list[str] = []
        roles: list[str] = []
        for i in range(start, stop):
            h1 = _mix(seed_key ^ i)
            h, area_index = divmod(h1, n_areas)
            area = area_slots[area_index]
            h, a = divmod(h, span)
            h, b = divmod(h, span)
            founded = first + (a if a > b else b)  # the later of two draws: more firms are young
            h, form = divmod(h, n_forms)
            h, zj = divmod(h, 8)
            h, road = divmod(h, n_roads)
            name = firm_name(i, PROVINCE if zj == 0 else area.city, form_slots[form])
            uscc = uscc_of(area.code, i, founded >= era)
            authority, address = area_texts[area.code]
            h2 = _mix(h1)
            h2, draw = divmod(h2, 10_000)
            h2, posts = divmod(h2, len(_LR_SLOTS))
            lr_posts, board = _LR_SLOTS[posts]
            h2, supervisor = divmod(h2, 100)
            h2, replaced = divmod(h2, 100)
            lr_start = founded
            if replaced < 6 and founded < as_of - 900:  # a new legal representative since
                lr_start = founded + 365 + h2 % (as_of - 60 - founded - 365)
            h3 = _mix(h2)
            lr = person(i, LR, h3)
            founded_text = day_text[founded]
            registry.append(f"{uscc},{name},{lr.name},{lr.id_number},{founded_text},{authority},"
                            f"{address}{ROADS[road]}{h % 300 + 1}号\n")
            people: dict[int, tuple[_Person, str, int, int | None]] = {LR: (lr, lr_posts, lr_start, None)}
            if lr_start != founded:
                people[FORMER_LR] = (person(i, FORMER_LR, h3), lr_posts, founded, lr_start)
            if board:
                people[CHAIRMAN] = (person(i, CHAIRMAN, h3), "董事" if "董事长" in lr_posts else "董事长", founded, None)
                people[DIRECTOR] = (person(i, DIRECTOR, h3), "董事", founded, None)
            if board or supervisor < 45:
                people[SUPERVISOR] = (person(i, SUPERVISOR, h3), "监事", founded, None)
            for someone, post_words, role_start, role_end in people.values():
                start_text = day_text[role_start]
                end_text = day_text[role_end] if role_end else ""
                personnel.append(f"{name},{uscc},{someone.name},{someone.id_number},{post_words},{start_text},{end_text}\n")
                roles.append(_ROLE_LINES[post_words].format(someone.id_number, uscc, start_text, end_text))
            if draw < record_share:
                firm = _Firm(i, name, uscc, area, date.fromordinal(founded), people)
                counts[self.firm_records(firm, random.Random(h1))] += 1
                continue
            counts[0] += 1
            if draw >= key_person_share:
                self.key_person_record(_Firm(i, name, uscc, area, date.fromordinal(founded), people),
                                       random.Random(h1))
            elif draw >= individual_share:
                self.individual_record(_Firm(i, name, uscc, area, date.fromordinal(founded), people),
                                       random.Random(h1))
        self.write_lines("registry.csv", registry)
        self.write_lines("key-personnel.csv", personnel)
        self.write_lines("roles.csv", roles)
        self.summary.persons += len(personnel)

    def write_lines(self, document: str, lines: list[str]) -> None:
        text = "".join(lines)
        self.handles[document].write(text)
        self.rows[document] += text.count("\n")

    # -- records -----------------------------------------------------------------------------
    def firm_records(self, firm: _Firm, rng: random.Random) -> int:
        """One to MAX_RECORDS records about a firm in the long tail (geometric: each further
        one with chance MORE_RECORDS), mostly of its profile's kinds; returns how many."""
        count = 1
        while count < MAX_RECORDS and rng.random() < MORE_RECORDS:
            count += 1
        profile = rng.choices([p for p, _ in PROFILES], [w for _, w in PROFILES])[0]
        made, red_listed = 0, False
        for _ in range(count):
            kinds = FIRM_KINDS[profile if rng.random() < 0.9 else OTHER_PROFILE[profile]]
            maker = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
            if maker == "red_list":  # one run of A-grade years a firm
                maker, red_listed = "honour" if red_listed else maker, True
            made += getattr(self, maker)(firm, rng)
        return made

    def day(self, rng: random.Random, first: date) -> date:
        """A record date from ``first`` to as_of; a few lie after as_of (not yet counted)."""
        if rng.random() < FUTURE_SHARE:
            return _no_leap_day(self.as_of + timedelta(days=rng.randint(1, 150)))
        first = max(first, FIRST_RECORD_DAY)
        return _no_leap_day(first + timedelta(days=rng.randint(0, max(0, (self.as_of - first).days))))

    def later(self, rng: random.Random, day: date, low: int, high: int) -> date | None:
        """A day ``low``..``high`` days after ``day``, or None if that is after as_of (not yet published)."""
        out = day + timedelta(days=rng.randint(low, high))
        return out if out <= self.as_of else None

    def emit(self, document: str, row: tuple, subject: str, subject_type: str, kind: str, valid_from: date,
             valid_until: date | None = None, removed_on: date | None = None, repaired_on: date | None = None) -> int:
        """Write one list row and its line in truth.csv."""
        self.w[document].writerow(row)
        self.rows[document] += 1
        until = valid_until or add_years(valid_from, DEFAULT_VALIDITY_YEARS)
        self.w["truth.csv"].writerow((subject, subject_type, kind, valid_from.isoformat(), until.isoformat(),
                                      _iso(removed_on), _iso(repaired_on), document))
        self.rows["truth.csv"] += 1
        if subject_type == "firm":
            self.summary.firm_records += 1
        else:
            self.summary.person_records += 1
        return 1

    def firm_day(self, firm: _Firm, rng: random.Random) -> date:
        return self.day(rng, firm.founded + timedelta(days=90))

    def penalty(self, firm: _Firm, rng: random.Random) -> int:
        day, area = self.firm_day(firm, rng), firm.area
        authority_t, number_t, violations = rng.choices(vocab.PENALTY_TEMPLATES, (6, 3, 2, 1))[0]
        violation, facts, basis = rng.choice(violations)
        category = rng.choices(("罚款", "警告"), (85, 15))[0]
        fine = rng.choice(vocab.FINES_WAN) if category == "罚款" else ""
        until = add_years(day, 3)  # 双公示: disclosed for three years
        number = number_t.format(a=area, y=day.year, n=rng.randint(1, 9999))
        return self.emit("penalties.csv", (
            firm.name, "法人及非法人组织", firm.uscc, number, violation, f"当事人{facts}", basis, category,
            f"罚款{fine}万元" if fine else "警告", fine, day.isoformat(), (until - timedelta(days=1)).isoformat(),
            authority_t.format(a=area)), firm.uscc, "firm", "AdministrativePenalty", day, valid_until=until)

    def abnormal_operation(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        reason = rng.choices(vocab.ABNORMAL_REASONS, (6, 3, 1))[0]
        removed = self.later(rng, day, 30, 720) if rng.random() < 0.45 else None
        authority = firm.area.market_bureau
        return self.emit("abnormal-operations.csv", (
            firm.name, firm.uscc, reason, day.isoformat(), authority,
            vocab.ABNORMAL_REMOVALS[reason] if removed else "", _iso(removed), authority if removed else ""),
            firm.uscc, "firm", "AbnormalOperation", day, removed_on=removed)

    def abnormal_taxpayer(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        released = self.later(rng, day, 30, 400) if rng.random() < 0.5 else None
        return self.emit("abnormal-taxpayers.csv", (
            firm.name, firm.uscc, day.isoformat(), firm.area.tax_bureau, _iso(released)),
            firm.uscc, "firm", "AbnormalTaxpayer", day, removed_on=released)

    def dishonest_firm(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        removed = self.later(rng, day, 60, 900) if rng.random() < 0.2 else None
        return self.emit("dishonest.csv", (
            firm.name, firm.uscc, "企业", "", "", *self.case(firm.area, day, rng), _iso(removed)),
            firm.uscc, "firm", "DishonestJudgmentDebtor", day, removed_on=removed)

    def case(self, area: Area, published: date, rng: random.Random) -> tuple[str, ...]:
        """Court, province, case, the judgment it enforces, duty, performance, conduct, filing and publish dates."""
        filed = published - timedelta(days=rng.randint(20, 200))
        kind = "执恢" if rng.random() < 0.1 else "执"
        gist_year = filed.year - rng.choice((0, 1, 1, 2))
        gist, gist_unit = (f"({gist_year}){area.city_court_code}民终{rng.randint(1, 9999)}号", area.city_court) \
            if rng.random() < 0.2 else (f"({gist_year}){area.court_code}民初{rng.randint(1, 29999)}号", area.court)
        amount = rng.randint(20, 3000) * 1000 + rng.randint(0, 999)
        return (area.court, PROVINCE, f"({filed.year}){area.court_code}{kind}{rng.randint(1, 29999)}号", gist,
                gist_unit, rng.choice(vocab.DISHONEST_DUTY).format(n=amount),
                "全部未履行" if rng.random() < 0.9 else "部分未履行", rng.choice(vocab.DISHONEST_CONDUCT),
                filed.isoformat(), published.isoformat())

    def serious_firm(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        removed, repaired, removal_reason = self.serious_ending(day, rng, 0.25, 0.17)
        authority = rng.choice((f"{PROVINCE}省市场监督管理局", f"{firm.area.city}市市场监督管理局"))
        return self.emit("serious-dishonest.csv", (
            firm.name, firm.uscc, "", "企业", day.isoformat(), rng.choice(vocab.SERIOUS_REASONS_FIRM), authority,
            _iso(removed), removal_reason, _iso(repaired)),
            firm.uscc, "firm", "SeriousDishonest", day, removed_on=removed, repaired_on=repaired)

    def serious_ending(self, day: date, rng: random.Random, removal: float,
                       repair: float) -> tuple[date | None, date | None, str]:
        """Removal (after one to three years) or credit repair (after at least a year, sometimes with removal)."""
        draw = rng.random()
        if draw < removal:
            removed = self.later(rng, day, 365, 3 * 365)
            return removed, None, rng.choice(vocab.SERIOUS_REMOVAL_REASONS) if removed else ""
        if draw < removal + repair:
            repaired = self.later(rng, day, 366, 900)
            if repaired and rng.random() < 0.5:
                return repaired, repaired, vocab.SERIOUS_REPAIR_REASON
            return None, repaired, ""
        return None, None, ""

    def red_list(self, firm: _Firm, rng: random.Random) -> int:
        """A run of consecutive A-grade years, each list published the next April and holding a year."""
        first = max(2016, firm.founded.year + 1)
        if first > self.last_list_year:
            return self.honour(firm, rng)
        start = rng.randint(first, self.last_list_year)
        made = 0
        for year in range(start, min(self.last_list_year, start + rng.randint(0, 3)) + 1):
            published = date(year + 1, 4, rng.randint(10, 28))
            made += self.emit("red-list.csv", (
                firm.uscc, firm.name, str(year), "A", published.isoformat(), firm.area.tax_bureau),
                firm.uscc, "firm", "RedList", published, valid_until=add_years(published, 1))
        return made

    def honour(self, firm: _Firm, rng: random.Random) -> int:
        name_t, body_t, level, years = rng.choice(vocab.HONOURS)  # all county level or above
        day = self.firm_day(firm, rng)
        until = add_years(day, years) if years else None
        return self.emit("honours.csv", (
            firm.name, firm.uscc, name_t.format(a=firm.area), body_t.format(a=firm.area), day.isoformat(), level,
            (until - timedelta(days=1)).isoformat() if until else ""),
            firm.uscc, "firm", "Honour", day, valid_until=until)

    def donation(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        goods = rng.choice(vocab.DONATION_GOODS) if rng.random() < 0.25 else ""
        amount = rng.choice((5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000))
        return self.emit("donations.csv", (
            firm.name, firm.uscc, rng.choice(vocab.DONATION_RECIPIENTS).format(a=firm.area), str(amount), goods,
            day.isoformat()), firm.uscc, "firm", "Donation", day)

    def volunteer(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        return self.emit("volunteer.csv", (
            firm.name, firm.uscc, rng.choice(vocab.VOLUNTEER_PROJECTS),
            rng.choice(("12", "24", "36.5", "48", "60", "120", "200")), day.isoformat(),
            rng.choice(vocab.VOLUNTEER_CERTIFIERS).format(a=firm.area)), firm.uscc, "firm", "VolunteerService", day)

    # -- finance, governance and compliance lists (vocabulary of cscs.sample.governance) -------
    def debt_evasion(self, firm: _Firm, rng: random.Random) -> int:
        day, area = self.firm_day(firm, rng), firm.area
        removed = self.later(rng, day, 90, 700) if rng.random() < 0.2 else None
        return self.emit("debt-evasion.csv", (
            firm.name, firm.uscc, f"{rng.randint(30, 5000)}.{rng.randint(0, 9)}", rng.choice(gov.CREDITORS).format(a=area),
            day.isoformat(), rng.choice(gov.DEBT_AUTHORITIES).format(a=area), _iso(removed)),
            firm.uscc, "firm", "DebtEvasion", day, removed_on=removed)

    def overseas_equity(self, firm: _Firm, rng: random.Random) -> int:
        year = rng.randint(max(2016, firm.founded.year), self.as_of.year - 1)
        day = date(year + 1, 11, rng.randint(1, 28))
        removed = self.later(rng, day, 20, 300) if rng.random() < 0.3 else None
        return self.emit("overseas-equity.csv", (
            firm.name, firm.uscc, f"{year}年度", "国家外汇管理局浙江省分局", day.isoformat(), _iso(removed)),
            firm.uscc, "firm", "OverseasEquityUnregistered", day, removed_on=removed)

    def social_insurance(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        paid = self.later(rng, day, 20, 400) if rng.random() < 0.4 else None
        return self.emit("social-insurance.csv", (
            firm.name, firm.uscc, rng.choice(gov.INSURANCES), f"{rng.randint(2_000, 900_000)}.{rng.randint(0, 99):02d}",
            firm.area.tax_bureau, day.isoformat(), _iso(paid)),
            firm.uscc, "firm", "SocialInsuranceArrears", day, removed_on=paid)

    def tax_arrears(self, firm: _Firm, rng: random.Random) -> int:
        day, owed = self.firm_day(firm, rng), rng.randint(5_000, 3_000_000)
        paid = self.later(rng, day, 30, 500) if rng.random() < 0.4 else None
        return self.emit("tax-arrears.csv", (
            firm.name, firm.uscc, rng.choice(gov.TAXES), str(owed), str(rng.choice((0, owed // 3, owed))),
            firm.area.tax_bureau, day.isoformat(), _iso(paid)),
            firm.uscc, "firm", "TaxArrears", day, removed_on=paid)

    def major_tax_violation(self, firm: _Firm, rng: random.Random) -> int:
        day, area = self.firm_day(firm, rng), firm.area
        nature, facts, basis = rng.choice(gov.TAX_CASES)
        removed, repaired, _ = self.serious_ending(day, rng, 0.0, 0.15)
        return self.emit("major-tax-violations.csv", (
            firm.name, firm.uscc, nature, f"经检查，该单位{facts}", f"依照{basis}追缴税款并处罚款",
            f"国家税务总局{area.city}市税务局第一稽查局", day.isoformat(), _iso(removed), _iso(repaired)),
            firm.uscc, "firm", "MajorTaxViolation", day, removed_on=removed, repaired_on=repaired)

    def spot_check(self, firm: _Firm, rng: random.Random) -> int:
        day, (product, failed) = self.firm_day(firm, rng), rng.choice(gov.PRODUCTS)
        return self.emit("spot-checks.csv", (
            product, firm.name, firm.uscc, failed, "不合格", rng.choice(gov.TESTING_BODIES).format(a=firm.area),
            day.isoformat()), firm.uscc, "firm", "SpotCheckFailure", day)

    def safety_hazard(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        closed = self.later(rng, day, 60, 400) if rng.random() < 0.5 else None
        return self.emit("safety-hazards.csv", (
            firm.name, firm.uscc, rng.choice(gov.HAZARDS), f"{firm.area.city}市安全生产委员会办公室", day.isoformat(),
            (day + timedelta(days=120)).isoformat(), _iso(closed)),
            firm.uscc, "firm", "SafetyHazard", day, removed_on=closed)

    def environment(self, firm: _Firm, rng: random.Random) -> int:
        """A bad yearly grade, published on 20 May of the next year (good grades are no record)."""
        first = max(2017, firm.founded.year + 1)
        year = rng.randint(first, max(first, self.as_of.year - 1))
        day = date(year + 1, 5, 20)
        return self.emit("environment.csv", (
            firm.name, firm.uscc, f"{year}年度", rng.choice(gov.BAD_GRADES), f"{firm.area.city}市生态环境局",
            day.isoformat()), firm.uscc, "firm", "EnvironmentalViolation", day)

    def enforcement(self, firm: _Firm, rng: random.Random) -> int:
        day = self.firm_day(firm, rng)
        lifted = self.later(rng, day, 10, 120) if rng.random() < 0.5 else None
        return self.emit("enforcement.csv", (
            firm.name, firm.uscc, f"{firm.area.abbreviation}市监强制〔{day.year}〕{rng.randint(1, 99999)}号",
            rng.choice(gov.MEASURES), day.isoformat(), _iso(lifted), firm.area.market_bureau),
            firm.uscc, "firm", "AdministrativeEnforcement", day, removed_on=lifted)

    def commitment(self, firm: _Firm, rng: random.Random) -> int:
        day, (commitment, _, breach) = self.firm_day(firm, rng), rng.choice(gov.COMMITMENTS)
        until = add_years(day, 3)  # published for three years
        return self.emit("commitments.csv", (
            firm.name, firm.uscc, commitment, breach, day.isoformat(), firm.area.market_bureau,
            (until - timedelta(days=1)).isoformat()), firm.uscc, "firm", "CommitmentBreach", day, valid_until=until)

    def regulatory_measure(self, firm: _Firm, rng: random.Random) -> int:
        day, (measure, authority) = self.firm_day(firm, rng), rng.choice(gov.SUPERVISORY)
        return self.emit("regulatory-measures.csv", (
            firm.name, firm.uscc, measure, f"〔{day.year}〕{rng.randint(1, 99999)}号", day.isoformat(), authority),
            firm.uscc, "firm", "OtherNonCompliance", day)

    # -- records about persons ---------------------------------------------------------------
    def key_person_record(self, firm: _Firm, rng: random.Random) -> None:
        """One of the firm's key personnel on the dishonest or serious-dishonest list, dated after
        the start of every role the person holds and the end of every role they left (a former
        legal representative's listing so never counts for the firm)."""
        slots = [s for s in firm.people if s != LR]
        slot = LR if not slots or rng.random() < 0.5 else rng.choice(slots)
        person, _, start, end = firm.people[slot]
        first = date.fromordinal(end if end else start) + timedelta(days=1)
        if first > self.as_of - timedelta(days=10):
            return
        self.summary.key_person_records += 1
        self.person_record(person, firm, rng, self.day(rng, first), serious_share=0.35)

    def individual_record(self, firm: _Firm, rng: random.Random) -> None:
        """A dishonest individual who holds no post (most of the court's list), near the firm."""
        person = self.person(firm.index, INDIVIDUAL, rng.getrandbits(100))
        self.person_record(person, firm, rng, self.day(rng, FIRST_RECORD_DAY), serious_share=0.0)

    def person_record(self, person: _Person, firm: _Firm, rng: random.Random, day: date,
                      serious_share: float) -> None:
        if rng.random() < serious_share:
            removed, repaired, removal_reason = self.serious_ending(day, rng, 0.0, 0.2)
            area = firm.area
            reason, authority = rng.choice((
                (vocab.SERIOUS_REASONS_PERSON[0], area.court), (vocab.SERIOUS_REASONS_PERSON[1], area.court),
                (vocab.SERIOUS_REASONS_PERSON[2], f"{area.city}市人力资源和社会保障局")))
            self.emit("serious-dishonest.csv", (
                person.name, "", person.id_number, "个人", day.isoformat(), reason, authority, _iso(removed),
                removal_reason, _iso(repaired)),
                person.id_number, "person", "SeriousDishonest", day, removed_on=removed, repaired_on=repaired)
            return
        removed = self.later(rng, day, 60, 900) if rng.random() < 0.2 else None
        age = (day - date.fromordinal(person.born)).days // 365
        self.emit("dishonest.csv", (
            person.name, person.id_number, "个人", person.sex, str(age), *self.case(firm.area, day, rng),
            _iso(removed)), person.id_number, "person", "DishonestJudgmentDebtor", day, removed_on=removed)


_LR_SLOTS = _weighted_slots(tuple(((posts, board), weight) for posts, weight, board in LR_POSTS))


def _roles(posts: str) -> tuple[str, ...]:
    """Ontology roles of a 职务 cell (法定代表人、执行董事兼总经理 → LR, Director, GeneralManager)."""
    return tuple(dict.fromkeys(role for part in posts.replace("兼", "、").split("、") for role in POST_ROLES[part]))


# 职务 cell → its roles.csv lines, to be filled with (person ID, USCC, start, end)
_ROLE_LINES = {posts: "".join(f"{{0}},{{1}},{role},{{2}},{{3}}\n" for role in _roles(posts))
               for posts in (*(p for p, _, _ in LR_POSTS), "董事长", "董事", "监事")}


@cache
def _names() -> tuple[str, ...]:
    """2^16 person names: a surname and one (30 %) or two given characters."""
    def name(h: int) -> str:
        h, surname = divmod(h, len(vocab.SURNAMES))
        h, first = divmod(h, len(GIVEN_CHARS))
        h, second = divmod(h, len(GIVEN_CHARS))
        return vocab.SURNAMES[surname] + GIVEN_CHARS[first] + ("" if h % 10 < 3 else GIVEN_CHARS[second])

    return tuple(name(_mix(k)) for k in range(1 << 16))


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


__all__ = ["HEADERS", "LISTS", "TRUTH_FILES", "ProvinceSummary", "write_province"]
