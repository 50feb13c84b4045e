"""What an annual report says, drawn at random: the firm, its officers, its owners, the
political posts in its biographies and its balance sheet; and the truth labels of it.

Three kinds of publisher, as they differ in real reports: a bank (本行, 董事长/行长/监事长,
股东代表监事, 职工监事, 非执行董事, 独立非执行董事), a state-owned group (a SASAC or finance
ministry controller, 党委书记 as a post, party building) and a private firm (a natural-person
controller). The layout is chosen later (report_layout, report_render); this module only
decides the facts, so the truth never depends on how a layout prints them.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.blind import names, variants

BANK_BOARD = ("执行董事", "非执行董事", "独立非执行董事")


@dataclass
class Post:
    """One post of an officer as printed and as the ontology's role."""
    text: str
    role: str  # Chairman, Director, IndependentDirector, Supervisor, GeneralManager, SeniorManager


@dataclass
class Officer:
    name: str
    sex: str
    age: int
    posts: list[Post]
    current: bool
    start: str  # YYYY-MM-DD
    end: str | None
    shares: int
    bio_posts: list[dict] = field(default_factory=list)  # political posts of the biography
    party_secretary: bool = False

    @property
    def independent(self) -> bool:
        return any(p.role == "IndependentDirector" for p in self.posts)


@dataclass
class Holder:
    name: str
    nature: str  # as printed
    canonical: str  # ontology HolderNature local name
    shares: int
    percent: float


@dataclass
class Report:
    kind: str  # bank | soe | private
    year: int
    name: str
    short: str
    code: str
    uscc: str
    province: str
    officers: list[Officer]
    holders: list[Holder]
    controller: str | None
    controller_nature: str  # CentralStateController | LocalStateController | NaturalPersonController | NoController
    controller_form: str
    controlling_holder: str | None
    assets: float  # yuan
    liabilities: float
    net_profit: float
    unit: str
    traps: list[str] = field(default_factory=list)
    controllers: list[str] = field(default_factory=list)  # every controller (a family names two)
    layout_seed: str = ""  # seeds the layout variants (variants.py) apart from the main draw
    drawn_form: str = ""  # the controller form the main draw chose, before variants.control_form

    @property
    def we(self) -> str:
        return "本行" if self.kind == "bank" else "公司"

    @property
    def soe(self) -> bool:
        return self.controller_nature in ("CentralStateController", "LocalStateController")


UNITS = {"元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000}


def _date(rng: random.Random, first: int, last: int) -> str:
    return f"{rng.randint(first, last)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _bank_posts(rng: random.Random, n_board: int) -> list[list[Post]]:
    """Posts of a bank: chairman, president, directors of three kinds, supervisors, managers."""
    out = [[Post("董事长", "Chairman"), Post(rng.choice(("执行董事", "非执行董事")), "Director")],
           [Post("执行董事", "Director"), Post("行长", "GeneralManager")]]
    for _ in range(n_board - 2):
        kind = rng.choice(BANK_BOARD)
        out.append([Post(kind, "IndependentDirector" if kind.startswith("独立") else "Director")])
    for _ in range(3):  # at least a third independent, as regulators require
        out.append([Post("独立非执行董事", "IndependentDirector")])
    out.append([Post("监事长", "Supervisor"), Post("职工监事", "Supervisor")])
    out += [[Post(t, "Supervisor")] for t in rng.sample(("股东代表监事", "外部监事", "职工监事", "股东监事"), 3)]
    out.append([Post("执行董事", "Director"), Post("副行长", "SeniorManager")])
    out += [[Post(t, "SeniorManager")] for t in rng.sample(("副行长", "首席风险官", "首席信息官", "董事会秘书"), 2)]
    return out


def _firm_posts(rng: random.Random, n_board: int) -> list[list[Post]]:
    """Posts of an industrial firm (SOE or private)."""
    out = [[Post("董事长", "Chairman")]]
    if rng.random() < 0.5:
        out.append([Post("副董事长", "Director"), Post(rng.choice(("总经理", "总裁")), "GeneralManager")])
    else:
        out.append([Post("董事", "Director"), Post(rng.choice(("总经理", "总裁")), "GeneralManager")])
    for _ in range(n_board - 2):
        out.append([Post("董事", "Director")])
    for _ in range(3):
        out.append([Post("独立董事", "IndependentDirector")])
    out.append([Post("监事会主席", "Supervisor")])
    out += [[Post(t, "Supervisor")] for t in rng.sample(("监事", "职工代表监事", "职工监事"), 2)]
    out.append([Post("董事", "Director"), Post(rng.choice(("副总经理", "副总裁")), "SeniorManager")])
    out += [[Post(t, "SeniorManager")] for t in rng.sample(("副总经理", "财务总监", "董事会秘书", "总工程师"), 2)]
    out.append([Post("财务负责人", "SeniorManager"), Post("董事会秘书", "SeniorManager")])
    return out


def _political(rng: random.Random, province: str, city: str) -> dict:
    """One post in a people's congress or CPPCC, with the words a biography uses."""
    level = rng.choice(("national", "national", "provincial", "municipal", "county"))
    congress = rng.random() < 0.5
    session = rng.choice((10, 11, 12, 13, 14))
    sess = "第" + _cn_session(session) + "届"
    standing = (not congress) and rng.random() < 0.3
    member = "常委" if standing else ("代表" if congress else "委员")
    body = "人大" if congress else "政协"
    show_session = rng.random() < 0.6
    if level == "national":
        text = (f"{sess[1:] if rng.random() < 0.5 else sess}全国{body}{member}" if show_session
                else f"全国{body}{member}")
    elif level == "provincial":
        text = f"{province}省{sess if show_session else ''}{body}{member}"
    elif level == "municipal":
        text = f"{city}市{sess if show_session else ''}{body}{member}"
    else:
        district = rng.choice(("西湖", "滨江", "鼓楼", "高新", "江北", "龙湾"))
        text = f"{city}市{district}区{body}{member}"
        show_session = False
    return {"text": text, "kind": "PeoplesCongress" if congress else "PoliticalConsultativeConference",
            "level": level, "session": session if show_session else None,
            "role": "StandingCommitteeMember" if standing else ("Deputy" if congress else "CommitteeMember")}


def _cn_session(n: int) -> str:
    return names.cn_number(n)


def _holders(rng: random.Random, kind: str, controller_holder: str | None, province: str) -> list[Holder]:
    """The top ten shareholders, largest first, natures as the CSRC form prints them."""
    pool: list[tuple[str, str, str]] = []
    if controller_holder:
        nature = ("国有法人", "StateOwnedLegalPerson") if kind != "private" else ("境内自然人", "DomesticNaturalPerson")
        pool.append((controller_holder, *nature))
    pool.append(("香港中央结算有限公司", "境外法人", "ForeignLegalPerson"))
    pool.append(("中国证券金融股份有限公司", "国有法人", "StateOwnedLegalPerson"))
    for _ in range(12):
        r = rng.random()
        if r < 0.3:
            pool.append((names.person(rng), "境内自然人", "DomesticNaturalPerson"))
        elif r < 0.55:
            n, _ = names.small_firm(rng)
            pool.append((n, "境内非国有法人", "DomesticNonStateLegalPerson"))
        elif r < 0.7:
            pool.append((f"{province}省{rng.choice(('交通投资', '能源', '金融控股', '国有资本运营'))}集团有限公司",
                         "国有法人", "StateOwnedLegalPerson"))
        elif r < 0.8:
            pool.append((rng.choice(("GIC PRIVATE LIMITED", "UBS AG", "MORGAN STANLEY & CO. INTERNATIONAL PLC.",
                                     "BARCLAYS BANK PLC")), "境外法人", "ForeignLegalPerson"))
        else:
            bank = rng.choice(("中国工商银行股份有限公司", "中国建设银行股份有限公司", "招商银行股份有限公司"))
            fund = "".join(rng.sample(names.STEMS, 2))
            pool.append((f"{bank}－{fund}{rng.choice(('混合型', '股票型', '灵活配置混合型'))}证券投资基金", "其他",
                         "OtherHolder"))
    seen: set[str] = set()
    unique = [p for p in pool if not (p[0] in seen or seen.add(p[0]))][:10]
    total = rng.randint(800_000_000, 20_000_000_000)
    first = rng.uniform(0.2, 0.55) if controller_holder else rng.uniform(0.05, 0.15)
    shares = [int(total * first)]
    for _ in unique[1:]:
        shares.append(int(shares[-1] * rng.uniform(0.2, 0.8)))
    if sum(shares) > 0.9 * total:  # the top ten never hold more than the firm
        shares = [int(s * 0.9 * total / sum(shares)) for s in shares]
    if not controller_holder:  # the hub and the fund often come first in dispersed firms
        rng.shuffle(shares)
        shares.sort(reverse=True)
    return [Holder(n, nat, canon, s, round(100 * s / total, 2)) for (n, nat, canon), s in zip(unique, shares)]


def controller_of(rng: random.Random, kind: str, province: str, city: str, chair: str) -> tuple[str | None, str, str | None]:
    """(controller, its nature, the holder through which it controls) for a kind of publisher."""
    if kind == "private":
        if rng.random() < 0.15:
            return None, "NoController", None
        return chair, "NaturalPersonController", chair
    if kind == "bank" and rng.random() < 0.3:
        return None, "NoController", None
    r = rng.random()
    if r < 0.3:
        ctl, nature = rng.choice(("国务院国有资产监督管理委员会", "中华人民共和国财政部")), "CentralStateController"
        group = f"中国{''.join(rng.sample(names.STEMS, 2))}{rng.choice(('控股', '投资', '实业'))}集团有限公司"
    elif r < 0.75:
        ctl, nature = f"{province}省人民政府国有资产监督管理委员会", "LocalStateController"
        group = f"{province}省{''.join(rng.sample(names.STEMS, 2))}控股集团有限公司"
    else:
        ctl = rng.choice((f"{city}市人民政府国有资产监督管理委员会", f"{city}市财政局"))
        nature = "LocalStateController"
        group = f"{city}市{''.join(rng.sample(names.STEMS, 2))}{rng.choice(('国有资本投资', '城市建设投资', '金融投资'))}集团有限公司"
    return ctl, nature, group


def draw(rng: random.Random, kind: str, year: int, taken_names: set[str], taken_codes: set[str],
         variant: random.Random | None = None) -> Report:
    """One report's facts. variant, when given, draws the newer forms (variants.py) from a
    stream of its own, so that the main draw of every report stays what it was."""
    if kind == "bank":
        province, pcode, cities = rng.choice(names.PROVINCES)
        city = rng.choice(cities)
        stem = "".join(rng.sample(names.STEMS, 2))
        name = rng.choice((f"{city}{stem}农村商业银行股份有限公司", f"{city}银行股份有限公司",
                           f"{province}{stem}银行股份有限公司"))
        while name in taken_names:
            name = f"{city}{''.join(rng.sample(names.STEMS, 2))}农村商业银行股份有限公司"
        taken_names.add(name)
        short = name.replace("股份有限公司", "").replace("农村商业银行", "农商行")[-6:]
    else:
        name, short, pcode = names.firm_name(rng, taken=taken_names)
        province, _, cities = next(p for p in names.PROVINCES if p[1] == pcode)
        city = rng.choice(cities)
    code = names.stock_code(rng, taken_codes)
    n_board = rng.randint(5, 9)
    posts = _bank_posts(rng, n_board) if kind == "bank" else _firm_posts(rng, n_board)
    people = names.people(rng, len(posts) + 3)
    officers: list[Officer] = []
    for person, ps in zip(people, posts):
        start = _date(rng, max(2005, year - 9), year)
        officers.append(Officer(person, rng.choice("男男男女"), rng.randint(36, 68), ps, True, start,
                                None, rng.choice((0, 0, 0, rng.randint(1, 90) * 10_000, rng.randint(1, 9_000_000)))))
    for person in people[len(posts):len(posts) + rng.randint(1, 3)]:  # left during the year
        ps = rng.choice(posts)
        officers.append(Officer(person, rng.choice("男女"), rng.randint(40, 70), [Post(p.text, p.role) for p in ps],
                                False, _date(rng, year - 8, year - 1), f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                0))
    if variant is not None:
        variants.dotted_names(variant, officers)
    ctl, nature, via = controller_of(rng, kind, province, city, officers[0].name)
    if kind != "private" or rng.random() < 0.4:  # the firm's own party committee's secretary
        officers[0].party_secretary = kind != "private" or rng.random() < 0.5
    for off in officers:
        if rng.random() < (0.25 if kind == "private" else 0.12) and off.current:
            off.bio_posts.append({**_political(rng, province, city), "current": True})
        if rng.random() < 0.15 and off.current:
            former = _political(rng, province, city)
            if all(p["text"] != former["text"] for p in off.bio_posts):  # never 现任X … 曾任X
                off.bio_posts.append({**former, "current": False})
    unit = rng.choice(list(UNITS))
    scale = UNITS[unit]
    magnitude = rng.randint(5, 900) * 10 ** 9 if kind == "bank" else rng.randint(5, 900) * 10 ** 7
    assets = (rng.randint(magnitude, magnitude * 3) // scale) * scale
    liabilities = (int(assets * rng.uniform(0.3, 0.93)) // scale) * scale
    net_profit = (int((assets - liabilities) * rng.uniform(-0.05, 0.15)) // scale) * scale
    if unit == "亿元":  # reports print 亿元 with two decimals
        assets = (rng.randint(magnitude, magnitude * 3) // 1_000_000) * 1_000_000
        liabilities = (int(assets * rng.uniform(0.3, 0.93)) // 1_000_000) * 1_000_000
        net_profit = (int((assets - liabilities) * rng.uniform(0.01, 0.12)) // 1_000_000) * 1_000_000
    if unit == "元":  # statements in yuan print the fen
        assets, liabilities, net_profit = (v + rng.randint(0, 99) / 100 for v in (assets, liabilities, net_profit))
    forms = {"private": ("kv_person", "sentence", "table_person"), "bank": ("kv", "sentence", "table")}
    form = rng.choice(forms.get(kind, ("kv", "sentence", "table")))
    if nature == "NoController":
        form = "none"
    controllers = [ctl] if ctl else []
    drawn_form = form
    if variant is not None:
        form, controllers, via = variants.control_form(variant, kind, nature, form, controllers, via, officers)
    report = Report(kind, year, name, short, code, names.uscc(rng, names.AREA_CODES[pcode]), province, officers,
                    _holders(rng, kind, via, province), ctl, nature, form, via, assets, liabilities, net_profit, unit,
                    controllers=controllers, drawn_form=drawn_form)
    if form in variants.STATE_HOLDS_DIRECTLY:  # a commission holding the shares itself prints as 国家
        report.holders[0].nature, report.holders[0].canonical = "国家", "StateHolder"
    report.traps = rng.sample(("university", "standards", "former_university_post"), rng.randint(0, 2))
    report.city = city  # type: ignore[attr-defined]
    return report


def truth(report: Report, doc_id: str) -> dict:
    """The labels of one report, as the bench compares them."""
    return {
        "id": doc_id, "set": "annual_report", "kind": report.kind, "year": report.year,
        "firm": report.name, "stock_code": report.code,
        "officers": [{"name": o.name, "posts": [p.text for p in o.posts], "roles": sorted({p.role for p in o.posts}),
                      "current": o.current, "independent": o.independent} for o in report.officers],
        "controller": report.controller, "controllers": report.controllers or ([report.controller] if report.controller else []),
        "controller_form": report.controller_form, "controller_nature": report.controller_nature, "soe": report.soe,
        "holders": [{"name": h.name, "nature": h.canonical, "percent": h.percent} for h in report.holders],
        "political_posts": [{"person": o.name, "text": p["text"], "kind": p["kind"], "level": p["level"],
                             "session": p["session"], "role": p["role"], "current": p["current"]}
                            for o in report.officers for p in o.bio_posts],
        "party_secretary": [o.name for o in report.officers if o.party_secretary],
        "financials": {"TotalAssets": report.assets, "TotalLiabilities": report.liabilities,
                       "NetProfit": report.net_profit},
        "unit": report.unit,
    }
