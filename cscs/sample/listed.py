"""The listed-firm population of Lin & Milhaupt's study: 531 Zhejiang A-share firms.

Modelled on the study's sample (domain reference §2): about 15 % state-owned
(actual controller a SASAC), boards with a third or more independent directors,
some chairmen and chief executives who are or were NPC or CPPCC deputies or
officials, charters with and without a party-building chapter, and the credit
records that the rubric scores. Calibrated so that about 90 % of firms are rated
excellent or good, social responsibility averages near 38 % of its 185 points and
every other category stays above 96 %.

The planted effect: a connected firm (a director, the chairman or the general
manager holds or held a post in a people's congress, a CPPCC committee or a
government at municipal level or above) earns ``effect`` more soft-merit records
of each kind on average (donations, volunteer service, honours), and nothing
else differs. With ``effect=0`` connection and scores are independent, so the
analysis must find nothing. Leverage raises the chance of compliance trouble in
both, as the study found.

Connections are stated in three ways, as in life: in the annual report's
biographies, in its table of posts in other units, or only on a published roster
(the provincial NPC and CPPCC, the national NPC's Zhejiang delegation) whose entry
names the firm and the birth year. Rosters also list namesakes of officers who are
other people (decoys), and some officers hold posts that do not count (county
level; supervisors). ``truth`` says which is which.

Documents are written by :mod:`cscs.sample.listed_docs` (reports, charters,
exchange JSON) and :mod:`cscs.sample.listed_lists` (credit lists, rosters).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from cscs.extract.disclosures.vocabulary import roles_of_post
from cscs.extract.identifiers import make_uscc

from . import vocab
from .places import AREA_WEIGHTS, AREAS, Area

LEVEL_RANK = {"national": 1, "provincial": 2, "municipal": 3, "county": 4}
CONNECTING_ROLES = {"Chairman", "Director", "IndependentDirector", "GeneralManager"}
SOFT_BASE = {"Donation": 1.1, "VolunteerService": 1.3, "Honour": 1.1}  # expected records of a firm
CONNECTED_SHARE = 0.32  # about the share of connected firms the builder makes


@dataclass
class BodyPost:
    body: str        # canonical body name (as the extractor names it)
    kind: str        # PeoplesCongress | PoliticalConsultativeConference | Government
    level: str       # national | provincial | municipal | county
    role: str        # Deputy | CommitteeMember | StandingCommitteeMember | Official
    words: str       # the post as the report or roster words it (浙江省人大代表)
    table_unit: str  # the unit and post for the table of other posts
    table_post: str
    current: bool
    via: str         # "bio" | "table" | "both" | "roster"


@dataclass
class Officer:
    key: str
    name: str
    sex: str
    born: int
    native: str
    posts: tuple[str, ...]
    start: date
    end: date | None = None
    current: bool = True
    body_posts: list[BodyPost] = field(default_factory=list)

    @property
    def roles(self) -> set[str]:
        """The key-personnel roles the posts carry, by the extractors' own vocabulary."""
        return {r for p in self.posts for r in (roles_of_post(p) or ())}


@dataclass
class Holder:
    name: str
    nature: str        # as published (国有法人 …)
    percent: Decimal
    shares: int


@dataclass
class ListedFirm:
    key: str
    code: str
    name: str
    short: str
    uscc: str
    area: Area
    soe: bool
    controller: str | None
    controller_nature: str   # as published (地方国资管理机构, 境内自然人, 不存在)
    holders: list[Holder]
    officers: list[Officer]
    clause: str | None       # "chapter" | "article" | None
    clause_year: int | None
    charter_version: date
    assets: Decimal
    liabilities: Decimal
    net_profit: Decimal
    report_format: str = "text"   # "text" | "tabbed" | "html" | "pdf"
    exchange_json: bool = False
    records: dict[str, int] = field(default_factory=dict)  # kind → count
    troubled: str | None = None

    @property
    def state_share(self) -> Decimal:
        return sum((h.percent for h in self.holders if h.nature in {"国家", "国有法人"}), Decimal(0))

    @property
    def leverage(self) -> float:
        return float(self.liabilities / self.assets)

    @property
    def roa(self) -> float:
        return float(self.net_profit / self.assets)

    def connected(self, max_rank: int = LEVEL_RANK["municipal"]) -> bool:
        return any(o.current and o.roles & CONNECTING_ROLES and any(LEVEL_RANK[p.level] <= max_rank
                                                                     for p in o.body_posts)
                   for o in self.officers)


@dataclass
class RosterEntry:
    roster: str          # file stem, which names the body
    name: str
    sex: str
    born: int
    native: str
    party: str
    unit: str            # 工作单位及职务
    matches: str | None  # the officer key this entry is (None: somebody else)
    decoy_of: str | None = None  # the officer key whose namesake this is


@dataclass
class ListedPopulation:
    seed: int
    effect: float
    as_of: date
    fiscal_year: int
    firms: list[ListedFirm]
    rosters: list[RosterEntry]


ROSTERS = {
    "provincial_npc": ("浙江省第十三届人民代表大会代表名单", "PeoplesCongress", "provincial"),
    "provincial_cppcc": ("政协浙江省第十二届委员会委员名单", "PoliticalConsultativeConference", "provincial"),
    "national_npc": ("第十三届全国人民代表大会代表名单（浙江代表团）", "PeoplesCongress", "national"),
}
_BOARDS = (("600", 600000, 605999), ("000", 2001, 2999), ("300", 300001, 301399), ("688", 688001, 688799))
_EDUCATION = ("本科", "硕士研究生", "博士研究生", "大专", "EMBA")
_PARTIES = ("中共", "中共", "中共", "民建", "无党派", "民盟", "致公党")


class _Builder:
    def __init__(self, firms: int, seed: int, effect: float, as_of: date):
        self.n = firms
        self.rng = random.Random(f"cscs.sample.listed/{seed}")
        self.seed = seed
        self.effect = effect
        self.as_of = as_of
        self.year = as_of.year - 1
        self.names: set[str] = set()
        self.codes: set[str] = set()
        self.people: set[str] = set()
        self.person_count = 0

    # -- names -------------------------------------------------------------------------
    def person_name(self) -> str:
        rng = self.rng
        for _ in range(50):
            given = "".join(rng.choice(vocab.GIVEN_CHARS) for _ in range(rng.choice((1, 2, 2))))
            name = rng.choice(vocab.SURNAMES) + given
            if name not in self.people:
                self.people.add(name)
                return name
        return name

    def firm_name(self) -> tuple[str, str]:
        rng = self.rng
        while True:
            brand = rng.choice(vocab.BRAND_CHARS) + rng.choice(vocab.BRAND_CHARS)
            industry = rng.choice(vocab.INDUSTRIES)
            name = f"浙江{brand}{industry}股份有限公司"
            if name not in self.names and brand[0] != brand[1]:
                self.names.add(name)
                return name, brand + industry[:2]

    def stock_code(self) -> str:
        while True:
            _, low, high = self.rng.choice(_BOARDS)
            code = f"{self.rng.randint(low, high):06d}"
            if code not in self.codes:
                self.codes.add(code)
                return code

    # -- a firm --------------------------------------------------------------------------
    def firm(self, index: int) -> ListedFirm:
        rng = self.rng
        area = rng.choices(AREAS, weights=AREA_WEIGHTS)[0]
        soe = rng.random() < 0.15
        name, short = self.firm_name()
        uscc = make_uscc(area.code, f"{rng.randint(10_000_000, 99_999_999)}")
        assets = Decimal(str(round(math.exp(rng.gauss(22.2, 1.1)), 2)))
        leverage = min(0.9, max(0.05, rng.betavariate(2.2, 3.0)))
        roa = min(0.25, max(-0.2, rng.gauss(0.045, 0.05)))
        officers = self.officers(soe)
        controller, nature, holders = self.ownership(soe, area, short, officers[0])
        clause, clause_year = self.charter(soe)
        firm = ListedFirm(
            key=f"L{index:04d}", code=self.stock_code(), name=name, short=short, uscc=uscc, area=area, soe=soe,
            controller=controller, controller_nature=nature, holders=holders, officers=officers, clause=clause,
            clause_year=clause_year, charter_version=date(self.year + 1, rng.randint(1, 4), 1), assets=assets,
            liabilities=(assets * Decimal(str(round(leverage, 4)))).quantize(Decimal("0.01")),
            net_profit=(assets * Decimal(str(round(roa, 4)))).quantize(Decimal("0.01")))
        self.connections(firm)
        self.records(firm)
        return firm

    def officer(self, posts: tuple[str, ...], sex: str | None = None) -> Officer:
        rng = self.rng
        self.person_count += 1
        start = date(rng.randint(2012, self.year), rng.randint(1, 12), rng.randint(1, 28))
        return Officer(f"P{self.person_count:05d}", self.person_name(), sex or ("男" if rng.random() < 0.82 else "女"),
                       rng.randint(1955, 1986), rng.choice(("浙江绍兴", "浙江宁波", "浙江杭州", "浙江温州", "江苏苏州",
                                                             "安徽合肥", "浙江台州", "浙江金华")), posts, start)

    def officers(self, soe: bool) -> list[Officer]:
        rng = self.rng
        chairman_is_gm = rng.random() < 0.3
        people = [self.officer(("董事长", "总经理") if chairman_is_gm else ("董事长",))]
        if not chairman_is_gm:
            people.append(self.officer(("董事", "总经理")))
        for _ in range(rng.choice((3, 4, 4, 5))):
            people.append(self.officer(("董事", "副总经理") if rng.random() < 0.3 else ("董事",)))
        board = len(people)
        for _ in range(max(3, round(board * rng.uniform(0.5, 0.72)))):
            people.append(self.officer(("独立董事",)))
        people += [self.officer(("监事会主席",)), self.officer(("监事",)), self.officer(("职工代表监事",))]
        people += [self.officer(("副总经理",)) for _ in range(rng.randint(0, 2))]
        people += [self.officer(("财务总监",)), self.officer(("董事会秘书", "副总经理") if rng.random() < 0.4
                                                                 else ("董事会秘书",))]
        for _ in range(rng.choice((0, 0, 1, 2))):
            gone = self.officer((rng.choice(("董事", "独立董事", "副总经理")),))
            gone.current = False
            gone.end = date(self.year, rng.randint(1, 11), rng.randint(1, 28))
            gone.start = min(gone.start, gone.end - timedelta(days=400))
            people.append(gone)
        return people

    def ownership(self, soe: bool, area: Area, short: str, chairman: Officer) -> tuple[str | None, str, list[Holder]]:
        rng = self.rng
        holders: list[Holder] = []
        if soe:
            central = rng.random() < 0.1
            controller = "国务院国有资产监督管理委员会" if central else f"{area.city}市人民政府国有资产监督管理委员会"
            nature = "中央国资管理机构" if central else "地方国资管理机构"
            holders.append(Holder(f"{area.city}市{short[:2]}控股集团有限公司", "国有法人", _pct(rng, 28, 60), 0))
            if rng.random() < 0.5:
                holders.append(Holder(f"{area.city}市国有资本投资运营有限公司", "国有法人", _pct(rng, 2, 10), 0))
            if rng.random() < 0.3:
                holders.append(Holder(f"{area.city}市财政局", "国家", _pct(rng, 1, 5), 0))
        elif rng.random() < 0.05:
            controller, nature = None, "不存在"
            holders.append(Holder(f"{short[:2]}投资有限公司", "境内非国有法人", _pct(rng, 8, 15), 0))
        else:
            controller, nature = chairman.name, "境内自然人"
            holders.append(Holder(chairman.name, "境内自然人", _pct(rng, 18, 45), 0))
            holders.append(Holder(f"{short[:2]}投资有限公司", "境内非国有法人", _pct(rng, 3, 12), 0))
            if rng.random() < 0.2:
                holders.append(Holder("全国社会保障基金理事会", "国有法人", _pct(rng, 0.5, 2.5), 0))
        holders.append(Holder("香港中央结算有限公司", "境外法人", _pct(rng, 0.5, 3), 0))
        while len(holders) < 10:
            holders.append(Holder(f"{rng.choice(('中国工商银行', '中国建设银行', '招商银行', '中国银行'))}股份有限公司－"
                                  f"{rng.choice(vocab.BRAND_CHARS)}{rng.choice(vocab.BRAND_CHARS)}"
                                  f"{rng.choice(('成长', '价值', '精选', '优势'))}混合型证券投资基金", "其他",
                                  _pct(rng, 0.3, 1.5), 0))
        holders.sort(key=lambda h: -h.percent)
        total_shares = rng.randint(2, 30) * 100_000_000
        for h in holders:
            h.shares = int(total_shares * h.percent / 100)
        return controller, nature, holders

    def charter(self, soe: bool) -> tuple[str | None, int | None]:
        rng = self.rng
        if soe:
            return "chapter", rng.choice((2016, 2017, 2017, 2018))
        roll = rng.random()
        if roll < 0.2:
            return "chapter", rng.choice((2018, 2019, 2020))
        if roll < 0.75:
            return "article", 2019
        return None, None

    # -- connections -------------------------------------------------------------------------
    def connections(self, firm: ListedFirm) -> None:
        rng = self.rng
        leader = firm.officers[0] if rng.random() < 0.7 else firm.officers[1]
        if rng.random() < (0.5 if firm.soe else 0.3):
            for _ in range(1 if rng.random() < 0.8 else 2):
                leader.body_posts.append(self.post(firm, connected=True, official=firm.soe and rng.random() < 0.3))
        elif rng.random() < 0.1:  # a director with a county-level post: not a connection at municipal level
            director = next(o for o in firm.officers if "董事" in o.posts)
            director.body_posts.append(self.post(firm, level="county"))
        if rng.random() < 0.05:  # a supervisor with a municipal post: supervisors do not connect a firm
            supervisor = next(o for o in firm.officers if o.posts[0] in {"监事", "职工代表监事"})
            supervisor.body_posts.append(self.post(firm, level="municipal"))

    def post(self, firm: ListedFirm, connected: bool = False, official: bool = False,
             level: str | None = None) -> BodyPost:
        """A post in a party-state body, worded as reports word it."""
        rng = self.rng
        city, district = firm.area.city, firm.area.district
        current = rng.random() < 0.75
        if official:  # a former official of the city's economy bureau (SOE chairmen often are)
            department = f"{city}市经济和信息化局"
            return BodyPost(department, "Government", "municipal", "Official", f"{department}副局长", department,
                            "副局长", False, rng.choice(("bio", "both")))
        level = level or rng.choices(("national", "provincial", "municipal"), weights=(1, 4.5, 4.5))[0]
        place = {"national": "全国", "provincial": "浙江省", "municipal": f"{city}市",
                 "county": f"{city}市{district}"}[level]
        standing = rng.random() < 0.1
        national = level == "national"
        if rng.random() < 0.5:
            kind = "PeoplesCongress"
            body = "全国人民代表大会" if national else f"{place}人民代表大会"
            role = "StandingCommitteeMember" if standing else "Deputy"
            words = f"{place}人大常委会委员" if standing else rng.choice((f"{place}人大代表", f"{place}第十三届人大代表"))
            unit, title = body, "常委会委员" if standing else "代表"
        else:
            kind = "PoliticalConsultativeConference"
            body = "中国人民政治协商会议全国委员会" if national else f"政协{place}委员会"
            role = "StandingCommitteeMember" if standing else "CommitteeMember"
            if national:
                words = "全国政协常委" if standing else "全国政协委员"
            else:
                words = f"{place}政协常委" if standing else rng.choice((f"{place}政协委员", f"政协{place}第十二届委员会委员"))
            unit, title = ("全国政协" if national else f"{place}政协"), "常委" if standing else "政协委员"
        on_roster = _roster_of(BodyPost(body, kind, level, role, "", "", "", current, "")) is not None
        via = rng.choices(("bio", "table", "both", "roster"), weights=(3, 2, 3, 3 if on_roster and connected else 0))[0]
        return BodyPost(body, kind, level, role, words, unit, title, current, via)

    # -- credit records ----------------------------------------------------------------------
    def records(self, firm: ListedFirm) -> None:
        """How many records of each kind the lists publish about the firm. The effect moves
        connected firms up and the others down so that the mean stays where the study
        put it (about 38 % of social responsibility) whatever the effect."""
        # A stream of its own per firm: populations that differ only in ``effect`` share every
        # document but the credit lists, and their lists differ only where the effect acts.
        rng = random.Random(f"cscs.sample.listed.records/{self.seed}/{firm.key}")
        shift = self.effect * ((1 - CONNECTED_SHARE) if firm.connected() else -CONNECTED_SHARE)
        firm.troubled = None
        if rng.random() < max(0.0, 0.4 * firm.leverage - 0.06):  # leverage: the study's negative relation
            firm.troubled = rng.choices(("dishonest", "penalties", "abnormal"), weights=(7, 2, 1))[0]
        damp = 0.4 if firm.troubled else 1.0  # listed firms in trouble win few honours and no red list
        counts = {kind: _poisson(rng, max(0.0, (base + shift) * damp)) for kind, base in SOFT_BASE.items()}
        counts["RedList"] = int(not firm.troubled and rng.random() < 0.52)
        counts["AdministrativePenalty"] = int(rng.random() < 0.04)
        if firm.troubled == "dishonest":
            counts["DishonestJudgmentDebtor"] = 1
        elif firm.troubled == "penalties":
            counts["AdministrativePenalty"] = 3
        elif firm.troubled == "abnormal":
            counts["AbnormalOperation"] = counts["AbnormalTaxpayer"] = 1
            counts["AdministrativePenalty"] = 1
        firm.records = {k: v for k, v in counts.items() if v}

    # -- rosters -------------------------------------------------------------------------------
    def rosters(self, firms: list[ListedFirm]) -> list[RosterEntry]:
        rng = self.rng
        entries: list[RosterEntry] = []
        listed: set[tuple[str, str]] = set()  # a roster lists a member once
        for firm in firms:
            for officer in firm.officers:
                for post in officer.body_posts:
                    roster = _roster_of(post)
                    if roster is None or (post.via != "roster" and rng.random() < 0.2) \
                            or (officer.key, roster) in listed:
                        continue
                    listed.add((officer.key, roster))
                    title = "董事长" if "董事长" in officer.posts else "总经理" if "总经理" in officer.posts else "董事"
                    where = firm.name if rng.random() < 0.7 else firm.short
                    entries.append(RosterEntry(roster, officer.name, officer.sex, officer.born, officer.native,
                                               rng.choice(_PARTIES), f"{where}{title}", officer.key))
        unconnected = [f for f in firms if not f.connected()]
        for firm in rng.sample(unconnected, min(30, len(unconnected))):
            officer = rng.choice([o for o in firm.officers if "董事" in o.posts or "董事长" in o.posts])
            same_year = rng.random() < 0.4
            brand = rng.choice(vocab.BRAND_CHARS) + rng.choice(vocab.BRAND_CHARS)
            entries.append(RosterEntry(rng.choice(list(ROSTERS)), officer.name, officer.sex,
                                       officer.born if same_year else officer.born + rng.choice((-9, -5, 4, 7)),
                                       "浙江丽水", rng.choice(_PARTIES), f"浙江{brand}实业有限公司总经理", None,
                                       decoy_of=officer.key))
        fillers = ("村党委书记", "中学教师", "县人民医院院长", "镇党委书记", "农民专业合作社理事长", "街道社区主任")
        for roster in ROSTERS:
            for _ in range(60):
                area = rng.choice(AREAS)
                entries.append(RosterEntry(roster, self.person_name(), rng.choice("男男女"), rng.randint(1958, 1985),
                                           f"浙江{area.city}", rng.choice(_PARTIES),
                                           f"{area.city}市{area.district}{rng.choice(fillers)}", None))
        rng.shuffle(entries)
        return entries


def _roster_of(post: BodyPost) -> str | None:
    if post.kind == "PeoplesCongress" and post.level == "national":
        return "national_npc"
    if post.level == "provincial":
        return "provincial_npc" if post.kind == "PeoplesCongress" else "provincial_cppcc"
    return None


def _pct(rng: random.Random, low: float, high: float) -> Decimal:
    return Decimal(str(round(rng.uniform(low, high), 2)))


def _poisson(rng: random.Random, lam: float) -> int:
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _format(seed: int, key: str) -> str:
    """How a firm's report reaches the reader: mostly ``pdftotext -layout`` text, some HTML
    conversions and tab-separated text (a stream of its own: the population does not move)."""
    roll = random.Random(f"cscs.sample.listed.format/{seed}/{key}").random()
    return "html" if roll < 0.1 else "tabbed" if roll < 0.2 else "text"


def build_listed(firms: int = 531, seed: int = 13, effect: float = 0.8,
                 as_of: date = date(2021, 7, 1), pdf_reports: int = 4, exchange_json: int = 40) -> ListedPopulation:
    """The population (no documents): ``effect`` extra expected soft-merit records of each
    kind for connected firms; the first ``pdf_reports`` firms publish PDF reports, the next
    ``exchange_json`` also have cninfo JSON."""
    builder = _Builder(firms, seed, effect, as_of)
    listed = [builder.firm(i + 1) for i in range(firms)]
    for i, firm in enumerate(listed):
        firm.report_format = "pdf" if i < pdf_reports else _format(seed, firm.key)
        firm.exchange_json = pdf_reports <= i < pdf_reports + exchange_json
    return ListedPopulation(seed, effect, as_of, as_of.year - 1, listed, builder.rosters(listed))
