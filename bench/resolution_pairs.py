"""Labelled pairs for entity resolution, run through the real path, scored for
precision and recall.

    python bench/resolution_pairs.py [--seed 6] [--firms 800] [--no-real] [--json]

A generator with a known truth writes documents in the formats lists are really
published in — a registry extract (企业登记信息, CSV), key personnel (主要人员, CSV),
the dishonest-persons list as the court portal's JSON, abnormal-operations and
abnormal-taxpayer lists (CSV) — and every case is one record in them: homonym
persons (same name, different ID; same name, one without ID), the same person
under both ID mask styles, renamed firms named by a former name, masked USCCs,
records with only a registration number or a taxpayer number, one-character
typos, Traditional script, English names, two firms of one name in two cities.
A second run ingests the real dishonest-persons list of
``../shared/realdata/lists/shixin_baidu_api_2019`` unchanged, against a registry made
to fit it: its firms (masked USCCs and old organisation codes), a homonym for every
person named there (same name, another ID, or no ID), the same person under the
other mask style in another firm, and its co-debtors.

Both runs go through ``Graph(memory=True).ingest`` (extraction, then resolution),
and what is measured is what moves a score: each (record, firm) pair the score
queries would count — a firm record through ``cscs:subject/cscs:resolvedTo?``, a
person's record through the roles of the person it reaches. Precision is over
every pair counted; recall over the true pairs of *decisive* cases (the record
carries an identifier that settles it: a code, a registration or taxpayer number,
an ID number on both sides). Cases without such evidence (a name only, a person
without an ID) are expected to stay unlinked or go to review, and are reported
apart: a review is not a wrong link, and not a link either.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import string
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import zhconv

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "realdata" / "lists" / "shixin_baidu_api_2019" / "res.json"

from cscs.api import Graph  # noqa: E402
from cscs.extract.identifiers import USCC_ALPHABET, make_uscc, org_code_check_char, uscc_check_char  # noqa: E402
from cscs.ontology.namespaces import ID  # noqa: E402

# --- vocabulary -----------------------------------------------------------------

AREAS = {  # area code → (city, English city, province)
    "330106": ("杭州", "Hangzhou", "浙江"), "330108": ("杭州", "Hangzhou", "浙江"),
    "330203": ("宁波", "Ningbo", "浙江"), "320102": ("南京", "Nanjing", "江苏"),
    "320506": ("苏州", "Suzhou", "江苏"), "440305": ("深圳", "Shenzhen", "广东"),
    "440106": ("广州", "Guangzhou", "广东"), "110105": ("北京", "Beijing", "北京"),
    "310115": ("上海", "Shanghai", "上海"), "510107": ("成都", "Chengdu", "四川"),
    "420106": ("武汉", "Wuhan", "湖北"), "350203": ("厦门", "Xiamen", "福建"),
}
#: trade-name characters with a pseudo-pinyin for the English names (many have Traditional forms)
TRADE = dict(zip(
    "东华兴龙金鑫嘉盛恒达鸿运新联瑞丰长城远航宏图泰和锦绣银河天成伟业广汇万通海纳卓越凯旋腾飞智诚华夏同创正",
    ["dong", "hua", "xing", "long", "jin", "xin", "jia", "sheng", "heng", "da", "hong", "yun", "xin", "lian",
     "rui", "feng", "chang", "cheng", "yuan", "hang", "hong", "tu", "tai", "he", "jin", "xiu", "yin", "he",
     "tian", "cheng", "wei", "ye", "guang", "hui", "wan", "tong", "hai", "na", "zhuo", "yue", "kai", "xuan",
     "teng", "fei", "zhi", "cheng", "hua", "xia", "tong", "chuang", "zheng"]))
INDUSTRIES = [("实业", "Industrial"), ("贸易", "Trading"), ("建设工程", "Construction Engineering"),
              ("电子科技", "Electronic Technology"), ("餐饮管理", "Catering Management"), ("物流", "Logistics"),
              ("广告传媒", "Advertising Media"), ("汽车销售服务", "Auto Sales and Service"),
              ("房地产开发", "Real Estate Development"), ("纺织", "Textile"), ("机械制造", "Machinery")]
FORMS = ["有限公司", "有限责任公司", "股份有限公司"]
EN_FORMS = ["Co., Ltd.", "CO.,LTD.", "Company Limited", "Co. Ltd", "Limited"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
COMMON = ["王伟", "李娜", "张伟", "王芳", "李强", "刘洋", "陈静", "张敏"]  # names many people share
PUBLISHED = "2024年03月15日"
AS_OF_YEAR = 2024

REGISTRY = ["企业名称", "统一社会信用代码", "注册号", "组织机构代码", "曾用名", "英文名称", "法定代表人", "住所",
            "成立日期", "登记机关"]
PERSONNEL = ["企业名称", "统一社会信用代码", "姓名", "证件号码", "职务", "任职日期"]
ABNORMAL = ["企业名称", "注册号", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"]
TAXPAYERS = ["纳税人名称", "纳税人识别号", "法定代表人", "认定日期", "主管税务机关"]

# --- people and firms -----------------------------------------------------------

_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def mask18(pid: str) -> str:
    """The mask most lists use: 3208191960****6833."""
    return pid[:10] + "****" + pid[14:]


def mask19(pid: str) -> str:
    """The other real mask: 14010419670****1714 (eleven shown, four stars for three digits)."""
    return pid[:11] + "****" + pid[14:]


@dataclass
class Person:
    name: str
    pid: str       # full ID number (the truth; documents publish it masked)
    sex: str

    @property
    def age(self) -> int:
        return AS_OF_YEAR - int(self.pid[6:10])


@dataclass
class Firm:
    uscc: str
    regno: str
    name: str
    area: str
    rep: Person
    former: list[str] = field(default_factory=list)
    english: str = ""
    in_registry: bool = True

    @property
    def iri(self) -> str:
        return ID[f"enterprise/oc-{self.uscc[8:17]}"].value

    @property
    def masked(self) -> str:
        return self.uscc[:10] + "****" + self.uscc[14:]

    @property
    def orgcode(self) -> str:
        return f"{self.uscc[8:16]}-{self.uscc[16]}"


@dataclass
class Case:
    """One record with its truth: the firms whose score it should move."""

    category: str
    doc: str          # file name
    key: str          # case number (dishonest JSON) or CSV line number
    truth: frozenset[str]
    decisive: bool    # the record carries evidence that settles it


class World:
    """Random firms and people, with every name, code and ID unique unless a case wants otherwise."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.names: set[str] = set()
        self.trades: set[str] = set()
        self.orgs: set[str] = set()
        self.pids: set[str] = set()

    def pid(self, area: str | None = None, year: int | None = None, sex: str | None = None) -> str:
        rng = self.rng
        while True:
            area = area or rng.choice(list(AREAS))
            year = year or rng.randint(1955, 1995)
            seq = rng.randint(0, 99) * 10 + (rng.choice([1, 3, 5, 7, 9]) if (sex or rng.choice("男女")) == "男"
                                              else rng.choice([0, 2, 4, 6, 8]))
            first17 = f"{area}{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{seq:03d}"
            pid = first17 + id_check(first17)
            if pid not in self.pids:
                self.pids.add(pid)
                return pid

    def person(self, name: str | None = None, **kw) -> Person:
        sex = kw.pop("sex", None) or self.rng.choice("男女")
        pid = self.pid(sex=sex, **kw)
        name = name or self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, self.rng.choice([1, 2])))
        return Person(name, pid, "男性" if int(pid[16]) % 2 else "女性")

    def trade(self) -> str:
        while True:
            trade = "".join(self.rng.sample(list(TRADE), 2))
            if trade not in self.trades:
                self.trades.add(trade)
                return trade

    def uscc(self, area: str) -> str:
        while True:
            org = "MA" + "".join(self.rng.choices(string.digits + "ABCDEFGHJKLMNPQRTUWXY", k=6)) \
                if self.rng.random() < 0.6 else "".join(self.rng.choices(string.digits, k=8))
            if org not in self.orgs:
                self.orgs.add(org)
                return make_uscc(area, org)

    def firm(self, area: str | None = None, name: str | None = None, rep: Person | None = None,
             in_registry: bool = True) -> Firm:
        rng = self.rng
        area = area or rng.choice(list(AREAS))
        city, city_en, _ = AREAS[area]
        trade = self.trade()
        industry, industry_en = rng.choice(INDUSTRIES)
        if name is None:
            name = f"{city}{trade}{industry}{rng.choice(FORMS)}"
        self.names.add(name)
        uscc = self.uscc(area)
        regno = area + "".join(rng.choices(string.digits, k=9))
        english = f"{city_en} {''.join(TRADE[c] for c in trade).title()} {industry_en} {rng.choice(EN_FORMS)}"
        return Firm(uscc, regno, name, area, rep or self.person(), english=english, in_registry=in_registry)


def typo(name: str, rng: random.Random, taken: set[str]) -> str:
    """One character of the trade name replaced by another."""
    city = next(AREAS[a][0] for a in AREAS if name.startswith(AREAS[a][0]))
    while True:
        i = rng.randrange(len(city), len(city) + 2)
        wrong = name[:i] + rng.choice([c for c in TRADE if c != name[i]]) + name[i + 1:]
        if wrong not in taken:
            return wrong


def traditional(name: str) -> str | None:
    text = zhconv.convert(name, "zh-hant")
    return text if text != name and zhconv.convert(text, "zh-cn") == name else None


def english_variant(english: str, rng: random.Random) -> str:
    """The same English name as another list prints it: case, legal form, punctuation."""
    stem = english
    for form in EN_FORMS:
        stem = stem.removesuffix(" " + form)
    stem = rng.choice([stem, stem.upper(), stem.replace(" ", "  "), stem.lower().title()])
    return f"{stem} {rng.choice([f for f in EN_FORMS if f.lower() not in english.lower()] or EN_FORMS)}"


# --- documents ------------------------------------------------------------------

class Docs:
    """Rows of the documents being written, and the cases that point into them."""

    def __init__(self, root: Path):
        self.root = root
        self.registry: list[list[str]] = []
        self.personnel: list[list[str]] = []
        self.dishonest: list[dict] = []
        self.abnormal: list[list[str]] = []
        self.taxpayers: list[list[str]] = []
        self.cases: list[Case] = []
        self.case_no = 0
        self.known: set[str] = set()  # the registry's firms

    def register(self, firm: Firm, regno: bool = True, english: bool = False, personnel: bool = True,
                 more: list[tuple[Person, str]] = (), orgcode_only: bool = False) -> None:
        """A registry row; ``orgcode_only``: an old extract that knows the firm by its
        organisation code (no USCC), and key personnel listed under that code."""
        city = AREAS.get(firm.area, ("某",))[0]
        self.known.add(firm.iri)
        uscc, orgcode = ("", firm.orgcode) if orgcode_only else (firm.uscc, "")
        self.registry.append([firm.name, uscc, firm.regno if regno else "", orgcode, "；".join(firm.former),
                              firm.english if english else "", firm.rep.name, f"{city}市某路{len(self.registry)}号",
                              "2012-03-04", f"{city}市市场监督管理局"])
        if personnel:
            self.personnel.append([firm.name, uscc or orgcode, firm.rep.name, mask18(firm.rep.pid), "法定代表人",
                                   "2015-01-01"])
        for person, post in more:
            self.personnel.append([firm.name, uscc or orgcode, person.name, person.pid if post.startswith("*")
                                   else mask18(person.pid), post.lstrip("*"), "2016-01-01"])

    def _case(self, category: str, doc: str, key: str, truth, decisive: bool) -> None:
        self.cases.append(Case(category, doc, key, frozenset(truth), decisive))

    def debtor_firm(self, category: str, name: str, code: str, rep: str, truth, decisive: bool = True) -> None:
        self.case_no += 1
        case = f"(2024)浙0106执{self.case_no}号"
        self.dishonest.append({"iname": name, "cardNum": code, "businessEntity": rep, "partyTypeName": "1",
                               "age": "0", "sexy": "", "caseCode": case, "courtName": "杭州市西湖区人民法院",
                               "publishDate": PUBLISHED, "areaName": "浙江"})
        self._case(category, "dishonest.json", case, truth, decisive)

    def debtor_person(self, category: str, person: Person, code: str, truth, decisive: bool = True,
                      age: int | None = None, sex: str | None = None) -> None:
        self.case_no += 1
        case = f"(2024)浙0106执{self.case_no}号"
        self.dishonest.append({"iname": person.name, "cardNum": code, "businessEntity": "", "partyTypeName": "0",
                               "age": str(age if age is not None else person.age), "sexy": sex or person.sex,
                               "caseCode": case, "courtName": "杭州市西湖区人民法院", "publishDate": PUBLISHED,
                               "areaName": "浙江"})
        self._case(category, "dishonest.json", case, truth, decisive)

    def abnormal_row(self, category: str, name: str, regno: str, truth, decisive: bool) -> None:
        self.abnormal.append([name, regno, "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"])
        self._case(category, "abnormal.csv", str(len(self.abnormal) + 1), truth, decisive)

    def taxpayer_row(self, category: str, name: str, number: str, rep: str, truth) -> None:
        self.taxpayers.append([name, number, rep, "2024-02-01", "国家税务总局杭州市西湖区税务局"])
        self._case(category, "taxpayers.csv", str(len(self.taxpayers) + 1), truth, True)

    def write(self, real: Path | None = None) -> list[Path]:
        paths = []

        def table(name: str, header: list[str], rows: list[list[str]]) -> None:
            if rows:
                path = self.root / name
                with path.open("w", encoding="utf-8", newline="") as out:
                    csv.writer(out).writerows([header, *rows])
                paths.append(path)

        table("registry.csv", REGISTRY, self.registry)
        table("personnel.csv", PERSONNEL, self.personnel)
        table("abnormal.csv", ABNORMAL, self.abnormal)
        table("taxpayers.csv", TAXPAYERS, self.taxpayers)
        if self.dishonest:
            path = self.root / "dishonest.json"
            path.write_text(json.dumps({"status": "0", "data": [{"result": self.dishonest}]}, ensure_ascii=False),
                            encoding="utf-8")
            paths.append(path)
        if real is not None:
            paths.append(real)
        return paths


# --- the synthetic cases ----------------------------------------------------------

def synthetic(root: Path, seed: int, firms: int) -> Docs:
    """About ``firms`` registry firms and one case in twenty firms for each category."""
    rng = random.Random(seed)
    world = World(rng)
    docs = Docs(root)
    n = max(firms // 20, 4)   # cases per category
    base = [world.firm() for _ in range(max(firms, 20 * n))]
    renamed = base[:n]
    bracketed = base[n:2 * n]  # registered as 杭州东华实业(集团)有限公司; a list prints （集团）
    for firm in bracketed:
        form = next(x for x in sorted(FORMS, key=len, reverse=True) if firm.name.endswith(x))
        firm.name = firm.name[: -len(form)] + "(集团)" + form
        world.names.add(firm.name)
    for firm in renamed:
        firm.former = [f"{AREAS[firm.area][0]}{world.trade()}{rng.choice(INDUSTRIES)[0]}{rng.choice(FORMS)}"]
        if rng.random() < 0.4:
            firm.former.append(f"{AREAS[firm.area][0]}{world.trade()}{rng.choice(INDUSTRIES)[0]}有限公司")
        world.names.update(firm.former)
    # two firms of one name in two cities (the name without a city, as nationwide names are)
    twins = []
    for _ in range(n):
        a_area, b_area = rng.sample(list(AREAS), 2)
        name = f"{world.trade()}{rng.choice(INDUSTRIES)[0]}{rng.choice(FORMS)}"
        twins.append((world.firm(a_area, name), world.firm(b_area, name)))
    # people with a common name in several firms: one person, or homonyms
    for i, firm in enumerate(base):
        docs.register(firm, english=i % 3 == 0, personnel=i % 5 != 4)
    for a, b in twins:
        docs.register(a)
        docs.register(b)

    english = rng.sample([f for i, f in enumerate(base) if i % 3 == 0 and i >= 2 * n], n)
    pick = iter(rng.sample([f for f in base[2 * n:] if f not in english], len(base) - 2 * n - n))

    # masked USCC with the name and the legal representative, as the court list prints firms
    for _ in range(n):
        f = next(pick)
        docs.debtor_firm("masked USCC", f.name, f.masked, f.rep.name, {f.iri})
    # a masked USCC whose shown characters differ: another firm of the same name, not in the registry
    for _ in range(n):
        f = next(pick)
        other = world.firm(f.area, f.name, in_registry=False)
        docs.debtor_firm("masked USCC, another firm", other.name, other.masked, other.rep.name, set())
    # a masked USCC whose shown characters are a registry firm's, but another firm's name
    for _ in range(n):
        f = next(pick)
        uscc = fill_mask(f.masked, avoid={f.uscc}, start=rng.randrange(400_000))
        world.orgs.add(uscc[8:16])
        other = world.firm(f.area, in_registry=False)
        docs.debtor_firm("masked USCC shared by chance", other.name, uscc[:10] + "****" + uscc[14:],
                         other.rep.name, set())
    # two firms whose masked codes look the same, both on the list: the records share one node
    for _ in range(max(n // 4, 2)):
        f = next(pick)
        uscc = fill_mask(f.masked, avoid={f.uscc}, start=rng.randrange(400_000))
        world.orgs.add(uscc[8:16])
        other = world.firm(f.area, in_registry=False)
        docs.debtor_firm("one masked code, two firms", f.name, f.masked, f.rep.name, {f.iri})
        docs.debtor_firm("one masked code, two firms", other.name, f.masked, other.rep.name, set())
    # the legal form printed differently (有限公司 for 有限责任公司 …), with the masked code
    for _ in range(n):
        f = next(pick)
        form = next(x for x in sorted(FORMS, key=len, reverse=True) if f.name.endswith(x))
        variant = f.name[: -len(form)] + rng.choice([x for x in FORMS if x != form])
        docs.debtor_firm("legal form variant", variant, f.masked, f.rep.name, {f.iri})
    # full-width brackets where the registry has half-width ones
    for f in bracketed:
        docs.debtor_firm("brackets and width", f.name.replace("(", "（").replace(")", "）"), f.masked,
                         f.rep.name, {f.iri})
    # registration number only (no name), and registration number with the name
    for i in range(n):
        f = next(pick)
        docs.abnormal_row("registration number only", "" if i % 2 else f.name, f.regno, {f.iri}, True)
    # renamed firms: named by a former name, with a masked code, a registration number, or nothing else
    for i, f in enumerate(renamed):
        old = f.former[-1]
        if i % 3 == 0:
            docs.debtor_firm("former name", old, f.masked, f.rep.name, {f.iri})
        elif i % 3 == 1:
            docs.abnormal_row("former name", old, f.regno, {f.iri}, True)
        else:
            docs.abnormal_row("former name, no code", old, "", {f.iri}, False)
    # one-character typos, with a masked code or a registration number; and alone
    for i in range(n):
        f = next(pick)
        wrong = typo(f.name, rng, world.names)
        if i % 3 == 0:
            docs.debtor_firm("typo in name", wrong, f.masked, f.rep.name, {f.iri})
        elif i % 3 == 1:
            docs.abnormal_row("typo in name", wrong, f.regno, {f.iri}, True)
        else:
            docs.abnormal_row("typo in name, no code", wrong, "", {f.iri}, False)
    # Traditional script, with a masked code; and alone
    done = 0
    while done < n:
        f = next(pick)
        if (trad := traditional(f.name)) is None:
            continue
        if done % 2 == 0:
            docs.debtor_firm("Traditional script", trad, f.masked, f.rep.name, {f.iri})
        else:
            docs.abnormal_row("Traditional script, no code", trad, "", {f.iri}, False)
        done += 1
    # English names (registered for every third firm): with a masked code; and alone
    for i, f in enumerate(english):
        variant = english_variant(f.english, rng)
        if i % 2 == 0:
            docs.debtor_firm("English name", variant, f.masked, "", {f.iri})
        else:
            docs.abnormal_row("English name, no code", variant, "", {f.iri}, False)
    # two firms of one name: the masked code, the registration number, or the name alone
    for i, (a, b) in enumerate(twins):
        target = (a, b)[i % 2]
        if i % 3 == 0:
            docs.debtor_firm("same name, two cities", target.name, target.masked, target.rep.name, {target.iri})
        elif i % 3 == 1:
            docs.abnormal_row("same name, two cities", target.name, target.regno, {target.iri}, True)
        else:
            docs.abnormal_row("same name, two cities, no code", target.name, "", {target.iri}, False)
    # old organisation codes and taxpayer numbers (15: area + organisation code; 18: the USCC)
    for i in range(n):
        f = next(pick)
        docs.debtor_firm("organisation code", f.name, f.orgcode, f.rep.name, {f.iri})
        g = next(pick)
        number = g.uscc if i % 2 else g.area + g.uscc[8:17]
        docs.taxpayer_row("taxpayer number", g.name, number, g.rep.name, {g.iri})
    # a firm the registry does not know, whose name differs from a known one only in its legal form
    for _ in range(n):
        f = next(pick)
        form = next(x for x in sorted(FORMS, key=len, reverse=True) if f.name.endswith(x))
        other_form = rng.choice([x for x in FORMS if x != form])
        other = world.firm(f.area, f.name[: -len(form)] + other_form, in_registry=False)
        docs.debtor_firm("unknown firm, similar name", other.name, other.masked, other.rep.name, set())

    # persons. Every registry firm's legal representative is in key personnel with a masked
    # ID (18 characters) unless the firm is one of every fifth (registry only: no ID).
    with_id = [f for i, f in enumerate(base) if i % 5 != 4]
    without_id = [f for i, f in enumerate(base) if i % 5 == 4]
    people = iter(rng.sample(with_id, len(with_id)))
    for _ in range(n):  # the same mask as key personnel: the same node at extraction
        f = next(people)
        docs.debtor_person("person, same mask", f.rep, mask18(f.rep.pid), {f.iri})
    for _ in range(n):  # the other mask style (19 characters)
        f = next(people)
        docs.debtor_person("person, other mask style", f.rep, mask19(f.rep.pid), {f.iri})
    for i in range(n):  # a homonym with another ID (another year, or the same area and year)
        f = next(people)
        if i % 2:
            other = world.person(f.rep.name)
        else:
            other = world.person(f.rep.name, area=f.rep.pid[:6], year=int(f.rep.pid[6:10]))
        docs.debtor_person("homonym, different ID", other, (mask18, mask19)[i % 2](other.pid), set())
    for _ in range(n):  # a homonym without an ID on the list
        f = next(people)
        other = world.person(f.rep.name)
        docs.debtor_person("homonym, no ID on the list", other, "", set())
    for _ in range(n):  # the representative without ID in the registry; a homonym with ID on the list
        f = rng.choice(without_id)
        other = world.person(f.rep.name)
        docs.debtor_person("homonym, no ID in the registry", other, mask18(other.pid), set())
    for _ in range(n):  # the same person without an ID on the list: nothing says so
        f = next(people)
        docs.debtor_person("same person, no ID on the list", f.rep, "", {f.iri}, decisive=False)
    # one person with a common name in two firms (director in a second) and homonyms of it
    for i in range(n):
        name = COMMON[i % len(COMMON)]
        person = world.person(name)
        f1, f2 = world.firm(rep=person), world.firm()
        docs.register(f1)
        docs.register(f2, more=[(person, "董事")])
        docs.debtor_person("common name, two firms", person, mask19(person.pid), {f1.iri, f2.iri})
        stranger = world.person(name)
        docs.debtor_person("common name, stranger", stranger, mask18(stranger.pid), set())
    # firms an old registry extract knows only by their organisation code, listed by a masked
    # USCC (the same firm: its code and check character agree), every other one under a new
    # legal representative; and a namesake whose masked code agrees in the visible characters
    # of the organisation code but not in the check character (another firm)
    for i in range(n):
        f = world.firm()
        docs.register(f, orgcode_only=True)
        rep = f.rep.name if i % 2 else world.person().name
        docs.debtor_firm("masked USCC vs org code, same firm", f.name, f.masked, rep, {f.iri})
        g = world.firm()
        docs.register(g, orgcode_only=True)
        other = namesake_uscc(g.uscc, world)
        docs.debtor_firm("masked USCC vs org code, check fails", g.name,
                         other[:10] + "****" + other[14:], world.person().name, set())
    # a name that differs only in its legal form, without any code: plausible, for a user
    for _ in range(n):
        f = world.firm()
        docs.register(f)
        form = next(x for x in sorted(FORMS, key=len, reverse=True) if f.name.endswith(x))
        variant = f.name[: -len(form)] + rng.choice([x for x in FORMS if x != form])
        docs.abnormal_row("legal form variant, no code", variant, "", {f.iri}, False)
    return docs


def namesake_uscc(uscc: str, world: World) -> str:
    """Another firm's USCC in the same area whose organisation code agrees with ``uscc``'s in
    the characters a masked USCC shows (9-10, 15-17) and whose check character differs."""
    for i in range(10_000):
        org = uscc[8:10] + f"{i:04d}" + uscc[14:16]
        code = make_uscc(uscc[2:8], org)
        if code[16] == uscc[16] and code[17] != uscc[17] and org not in world.orgs:
            world.orgs.add(org)
            return code
    raise ValueError(f"no namesake code for {uscc}")


# --- the real list ----------------------------------------------------------------

PROVINCE_AREA = {"浙江": "330183", "福建": "350125", "黑龙江": "231081", "山西": "140105", "河南": "410421"}


def fill_mask(masked: str, avoid: set[str] = frozenset(), start: int = 0) -> str:
    """A full USCC that agrees with a masked one (both check characters right)."""
    head, tail = masked[:10], masked[14:]
    alphabet = USCC_ALPHABET
    for i in range(start, len(alphabet) ** 4):
        mid = "".join(alphabet[(i // len(alphabet) ** k) % len(alphabet)] for k in range(4))
        code = head + mid + tail
        if code not in avoid and org_code_check_char(code[8:16]) == code[16] \
                and uscc_check_char(code[:17]) == code[17]:
            return code
    raise ValueError(f"no USCC fits {masked}")


def real(root: Path, seed: int, path: Path = REAL) -> Docs:
    """The real list unchanged, against a registry made to fit it."""
    rng = random.Random(seed)
    world = World(rng)
    docs = Docs(root)
    records = json.loads(path.read_text(encoding="utf-8"))["data"][0]["result"]
    cases = Counter(r["caseCode"] for r in records)
    firm_of_case: dict[str, Firm] = {}
    for r in records:
        if r["partyTypeName"] != "1":
            continue
        code = r["cardNum"].replace("-", "")
        orgcode_only = False
        if "*" in code:
            uscc = fill_mask(code)
            # every other one against an old registry extract that knows only its organisation code
            orgcode_only = len(firm_of_case) % 2 == 1
            category = "real firm, masked USCC" + (" vs org code" if orgcode_only else "")
        else:
            uscc = make_uscc(PROVINCE_AREA.get(r["areaName"], "110101"), code[:8])
            category = "real firm, organisation code"
        rep = world.person(r["businessEntity"]) if r["businessEntity"] else world.person()
        firm = Firm(uscc, uscc[2:8] + "".join(rng.choices(string.digits, k=9)), r["iname"], uscc[2:8], rep)
        docs.register(firm, personnel=False, orgcode_only=orgcode_only)
        firm_of_case[r["caseCode"]] = firm
        docs._case(category, path.name, r["caseCode"] + "|" + r["iname"], {firm.iri}, True)
    for i, r in enumerate(r for r in records if r["partyTypeName"] == "0"):
        masked = r["cardNum"]
        year = int(masked[6:10])
        truth: set[str] = set()
        # a homonym: same name, another ID, legal representative of a firm with an ID in key personnel
        other = world.person(r["iname"], year=year + rng.choice([-7, -3, 4, 9]))
        docs.register(world.firm(rep=other))
        # a homonym in the registry without any ID (the registry prints no ID)
        stranger = world.person(r["iname"])
        docs.register(world.firm(rep=stranger), personnel=False)
        if i % 2 == 0:  # the same person, listed in another firm under the 19-character mask
            firm = world.firm()
            pid19 = masked[:10] + rng.choice("01") + "****" + masked[14:]
            docs.register(firm, more=[])
            docs.personnel.append([firm.name, firm.uscc, r["iname"], pid19, "监事", "2017-05-01"])
            truth.add(firm.iri)
        elif i % 4 == 1:  # the same person, under the same mask, as director elsewhere
            firm = world.firm()
            docs.register(firm)
            docs.personnel.append([firm.name, firm.uscc, r["iname"], masked, "董事", "2017-05-01"])
            truth.add(firm.iri)
        codebtor = cases[r["caseCode"]] > 1 and r["caseCode"] in firm_of_case
        category = "real co-debtor of a listed firm" if codebtor else \
            "real person, other mask style" if i % 2 == 0 else \
            "real person, same mask" if i % 4 == 1 else "real person, homonyms only"
        docs._case(category, path.name, r["caseCode"] + "|" + r["iname"], truth, True)
    return docs


# --- running and measuring ----------------------------------------------------------

REACHED = """
PREFIX cscs: <https://w3id.org/cscs/ns#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?record ?title ?row ?case ?name ?subject ?firm WHERE {
  ?record cscs:subject ?subject ; prov:wasDerivedFrom ?doc .
  ?doc dcterms:title ?title .
  OPTIONAL { ?record cscs:sourceRow ?row }
  OPTIONAL { ?record cscs:caseNumber ?case }
  OPTIONAL { ?record cscs:subjectName ?name }
  OPTIONAL {
    # as queries/score.rq reaches a firm: the subject or what it was resolved to, as the
    # firm or as a person holding a role (memberships are copied onto resolved nodes)
    { ?subject a cscs:Enterprise . BIND(?subject AS ?firm) }
    UNION { ?subject cscs:resolvedTo ?firm . }
    UNION { ?membership org:member ?subject ; org:organization ?firm . }
    UNION { ?subject cscs:resolvedTo ?person . ?membership org:member ?person ; org:organization ?firm . }
    ?firm a cscs:Enterprise .
    FILTER NOT EXISTS { ?firm cscs:resolvedTo ?elsewhere }
  }
}
"""
IN_REVIEW = """
PREFIX cscs: <https://w3id.org/cscs/ns#>
SELECT DISTINCT ?node WHERE {
  ?j cscs:matchDecision cscs:Unsure .
  { ?j cscs:matchSubject ?node } UNION { ?j cscs:matchCandidate ?node ; cscs:matchKind "person" }
}
"""


@dataclass
class Tally:
    records: int = 0
    truth: int = 0
    predicted: int = 0
    correct: int = 0
    wrong: int = 0
    review: int = 0
    review_ok: int = 0   # a review whose record has a true firm it has not reached
    decisive: bool = True

    def add(self, other: "Tally") -> None:
        for f in ("records", "truth", "predicted", "correct", "wrong", "review", "review_ok"):
            setattr(self, f, getattr(self, f) + getattr(other, f))


def measure(docs: Docs, paths: list[Path]) -> dict[str, Tally]:
    graph = Graph(memory=True)
    reports = graph.ingest(paths)
    bad = [r for r in reports if r.status != "added"]
    if bad:
        raise RuntimeError(f"ingest failed: {bad}")
    reached: dict[tuple[str, str], set[str]] = defaultdict(set)
    subject_of: dict[tuple[str, str], str] = {}
    for row in graph.query(REACHED):
        title = str(row["title"])
        if title.endswith(".json"):
            key = str(row["case"])
            if title != "dishonest.json":  # the real list: one case may name several parties
                key += "|" + str(row["name"])
        else:
            key = str(row["row"])
        subject_of[(title, key)] = str(row["subject"])
        # a record reaching the firm node it names itself moves a score only if that node is
        # a firm of the registry (keyed by its code at extraction); an unresolved alias is a miss
        firm = None if row["firm"] is None else str(row["firm"])
        if firm is not None and (firm in docs.known or firm != str(row["subject"])):
            reached[(title, key)].add(firm)
    review = {str(r["node"]) for r in graph.query(IN_REVIEW)}
    tallies: dict[str, Tally] = {}
    for case in docs.cases:
        t = tallies.setdefault(case.category, Tally(decisive=case.decisive))
        if (case.doc, case.key) not in subject_of:
            raise RuntimeError(f"record not found: {case}")
        got = reached.get((case.doc, case.key), set())
        t.records += 1
        t.truth += len(case.truth)
        t.predicted += len(got)
        t.correct += len(got & case.truth)
        t.wrong += len(got - case.truth)
        if subject_of[(case.doc, case.key)] in review:
            t.review += 1
            t.review_ok += bool(case.truth - got)
    return tallies


@dataclass
class Result:
    tallies: dict[str, Tally]
    seconds: float

    def total(self, decisive: bool | None = None) -> Tally:
        out = Tally()
        for t in self.tallies.values():
            if decisive is None or t.decisive == decisive:
                out.add(t)
        return out

    @property
    def precision(self) -> float:
        t = self.total()
        return t.correct / t.predicted if t.predicted else 1.0

    @property
    def recall(self) -> float:
        """Over the true pairs of decisive cases."""
        t = self.total(True)
        return t.correct / t.truth if t.truth else 1.0

    @property
    def recall_all(self) -> float:
        t = self.total()
        return t.correct / t.truth if t.truth else 1.0


def run(seed: int = 6, firms: int = 800, real_path: Path | None = REAL) -> Result:
    start = time.perf_counter()
    tallies: dict[str, Tally] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "synthetic"
        root.mkdir()
        docs = synthetic(root, seed, firms)
        tallies.update(measure(docs, docs.write()))
        if real_path is not None and real_path.is_file():
            root = Path(tmp) / "real"
            root.mkdir()
            docs = real(root, seed, real_path)
            tallies.update(measure(docs, docs.write(real_path)))
    return Result(tallies, time.perf_counter() - start)


def report(result: Result) -> str:
    def ratio(a: int, b: int) -> str:
        return f"{a / b:.4f}" if b else "  -   "

    lines = [f"{'category':38} {'records':>7} {'true':>5} {'linked':>6} {'right':>5} {'wrong':>5} "
             f"{'review':>6} {'precision':>9} {'recall':>7}"]
    for decisive in (True, False):
        lines.append("-- decisive: the record carries a code or an ID that settles it" if decisive else
                     "-- not decisive (name only, or a person without ID): expected unlinked or in review")
        for name, t in result.tallies.items():
            if t.decisive == decisive:
                lines.append(f"{name:38} {t.records:7} {t.truth:5} {t.predicted:6} {t.correct:5} {t.wrong:5} "
                             f"{t.review:6} {ratio(t.correct, t.predicted):>9} {ratio(t.correct, t.truth):>7}")
    all_, dec, nondec = result.total(), result.total(True), result.total(False)
    lines += [
        "",
        f"records {all_.records}; (record, firm) pairs counted by the score queries {all_.predicted}, "
        f"right {all_.correct}, wrong {all_.wrong}",
        f"precision (every counted pair)           {result.precision:.4f}   target >= 0.999",
        f"recall (decisive cases, {dec.truth} true pairs)    {result.recall:.4f}   target >= 0.95",
        f"recall (every case, {all_.truth} true pairs)       {result.recall_all:.4f}",
        f"review: {all_.review} records wait for a user ({nondec.review} of them not decisive; "
        f"{all_.review_ok} have a true firm not yet reached)",
        f"time {result.seconds:.1f} s",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--firms", type=int, default=800, help="registry firms of the synthetic run")
    parser.add_argument("--no-real", action="store_true", help="skip the real list (../shared/realdata)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.seed, args.firms, None if args.no_real else REAL)
    if args.json:
        print(json.dumps({"precision": result.precision, "recall": result.recall, "recall_all": result.recall_all,
                          "categories": {k: vars(v) for k, v in result.tallies.items()}}, ensure_ascii=False,
                         indent=2))
    else:
        if not args.no_real and not REAL.is_file():
            print(f"(real list not found at {REAL}; synthetic cases only)")
        print(report(result))
    ok = result.precision >= 0.999 and result.recall >= 0.95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
