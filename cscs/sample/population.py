"""The sample population: firms, key personnel, their roles and the records about them.

Everything is drawn from one seeded :class:`random.Random` in a fixed order, so
the same (firms, seed, as_of) gives the same population. The records carry
meaning only (dates as meant, amounts, reasons); which document and which
cell format they end up in is decided by :mod:`cscs.sample.corpus`.

Situations a scorer must get right are planted deliberately rather than left
to chance: USCCs with a failing check character, a replaced legal
representative, persons on the lists while holding a key post and after
leaving it, removals, credit repairs, expired and future-dated records,
township-level honours that do not count.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from cscs.extract.identifiers import USCC_ALPHABET, make_uscc

from . import vocab
from .governance import add_governance_records
from .places import AREA_BY_CODE, AREA_WEIGHTS, AREAS, OTHER_BIRTH_AREAS, Area

FIRST_RECORD_DAY = date(2017, 1, 1)
DEFAULT_VALIDITY_YEARS = 5  # the rubric's default window (Zhejiang discloses 5 years) [U]
USCC_ERA = date(2015, 10, 1)  # from here on firms get only a USCC, no registration number
KEY_PERSONNEL_ROLES = frozenset(
    {"LegalRepresentative", "Director", "Chairman", "IndependentDirector", "Supervisor", "ActualController"})


def add_years(day: date, years: int) -> date:
    """Same month and day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass
class Person:
    key: str
    name: str
    id_masked: str  # 3301061975****1234, the same in every document
    sex: str        # 男 / 女
    birth_year: int


@dataclass
class Role:
    firm: str  # firm key
    person: str  # person key
    post: str  # 职务 as published (董事长, 监事会主席, ...)
    start: date
    end: date | None = None

    @property
    def role(self) -> str:
        """The ontology role (LegalRepresentative, Director, ...)."""
        return vocab.POST_ROLE[self.post]

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class Firm:
    key: str
    name: str
    uscc: str
    uscc_valid: bool
    area: str
    founded: date
    legal_form: str
    regno: str | None  # 15-digit registration number, firms registered before the USCC era only

    @property
    def org_code(self) -> str:
        """Organisation code as printed on old certificates (55269853-1), from USCC positions 9-17."""
        return f"{self.uscc[8:16]}-{self.uscc[16]}"

    @property
    def place(self) -> Area:
        return AREA_BY_CODE[self.area]


@dataclass
class Record:
    """One fact that a list publishes about a firm or a person.

    ``stated_until`` is the first day no longer covered by the validity the
    document itself states (the day after an honour's 有效期至 or a penalty's
    公示截止期); without one the rubric's default window applies.
    """

    key: str
    kind: str
    subject: str  # the firm's USCC (as published) or the person's key
    subject_type: str  # "firm" | "person"
    valid_from: date
    stated_until: date | None = None
    removed_on: date | None = None
    repaired_on: date | None = None
    counts: bool = True
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def valid_until(self) -> date:
        return self.stated_until or add_years(self.valid_from, DEFAULT_VALIDITY_YEARS)

    def active_on(self, day: date) -> bool:
        """In force on ``day``: started, not past its window, not removed, not repaired."""
        return (
            self.valid_from <= day < self.valid_until
            and (self.removed_on is None or day < self.removed_on)
            and (self.repaired_on is None or day < self.repaired_on)
        )


@dataclass
class Population:
    seed: int
    as_of: date
    firms: list[Firm]
    persons: dict[str, Person]
    roles: list[Role]
    records: list[Record]
    planted: dict[str, list[str]]

    def firm(self, key: str) -> Firm:
        return self._firms_by_key[key]

    def legal_rep(self, firm_key: str, day: date) -> Person:
        """Who was legal representative on ``day`` (the current one for days after as_of)."""
        reps = self._legal_reps[firm_key]
        current = next((r for r in reps if r.holds_on(day)), reps[-1])
        return self.persons[current.person]

    @cached_property
    def _legal_reps(self) -> dict[str, list[Role]]:
        reps: dict[str, list[Role]] = {}
        for role in sorted(self.roles, key=lambda r: r.start):
            if role.role == "LegalRepresentative":
                reps.setdefault(role.firm, []).append(role)
        return reps

    @cached_property
    def _firms_by_key(self) -> dict[str, Firm]:
        return {f.key: f for f in self.firms}


def build_population(firms: int, seed: int, as_of: date) -> Population:
    builder = _Builder(random.Random(seed), as_of)
    for _ in range(firms):
        builder.add_firm()
    builder.plant_invalid_usccs(max(1, round(firms / 100)) if firms else 0)
    for firm in builder.firms:
        builder.firm_records(firm)
    builder.ensure_township_honours(2)
    builder.person_records()
    add_governance_records(builder)  # last, so that the records drawn before stay as they were
    return Population(seed, as_of, builder.firms, builder.persons, builder.roles, builder.records, builder.planted)


class _Builder:
    def __init__(self, rng: random.Random, as_of: date):
        self.rng = rng
        self.as_of = as_of
        self.firms: list[Firm] = []
        self.persons: dict[str, Person] = {}
        self.roles: list[Role] = []
        self.records: list[Record] = []
        self.planted: dict[str, list[str]] = {
            "invalid_uscc": [], "replaced_legal_rep": [], "shared_persons": [],
            "person_listed_while_holding": [], "person_listed_after_leaving": [], "person_listed_in_two_firms": [],
            "person_listed_other": [],
            "township_honours": [],
        }
        self._names: set[str] = set()
        self._org_codes: set[str] = set()
        self._person_ids: set[str] = set()
        self._numbers: set[str] = set()

    # -- helpers ------------------------------------------------------------
    def day_between(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def record_day(self, firm: Firm, future_share: float = 0.03) -> date:
        """A record date from 2017 (or the firm's founding) to as_of; a few fall after as_of."""
        if self.rng.random() < future_share:
            return self.as_of + timedelta(days=self.rng.randint(1, 150))
        return self.day_between(max(FIRST_RECORD_DAY, firm.founded + timedelta(days=90)), self.as_of)

    def later(self, day: date, low: int, high: int) -> date | None:
        """A day ``low``..``high`` days after ``day``, or None if that would be after as_of."""
        out = day + timedelta(days=self.rng.randint(low, high))
        return out if out <= self.as_of else None

    def unique_number(self, template: str, **values: Any) -> str:
        while True:
            text = template.format(n=self.rng.randint(1, 2999), **values)
            if text not in self._numbers:
                self._numbers.add(text)
                return text

    def add_record(self, kind: str, subject: str, subject_type: str, valid_from: date, **fields: Any) -> Record:
        record = Record(f"R{len(self.records) + 1:05d}", kind, subject, subject_type, valid_from, **fields)
        self.records.append(record)
        return record

    # -- firms and people ---------------------------------------------------
    def add_firm(self) -> Firm:
        rng = self.rng
        area = rng.choices(AREAS, AREA_WEIGHTS)[0]
        founded = self.day_between(date(1998, 1, 1), self.as_of - timedelta(days=400))
        form = rng.choices(("有限公司", "股份有限公司", "有限责任公司", "(集团)有限公司"), (65, 17, 12, 6))[0]
        while True:
            brand = "".join(rng.sample(vocab.BRAND_CHARS, 2))
            industry = rng.choice(vocab.INDUSTRIES)
            if form == "(集团)有限公司":
                name = f"浙江{brand}{industry if rng.random() < 0.5 else ''}{form}"
            else:
                name = f"{'浙江' if rng.random() < 0.12 else area.city}{brand}{industry}{form}"
            if name not in self._names:
                self._names.add(name)
                break
        while True:
            if founded >= USCC_ERA:
                org8 = "MA2" + "".join(rng.choice(USCC_ALPHABET) for _ in range(5))
            else:
                org8 = str(rng.randint(1, 7)) + "".join(rng.choice("0123456789") for _ in range(7))
            if org8 not in self._org_codes:
                self._org_codes.add(org8)
                break
        regno = _registration_number(area.code + "000" + f"{rng.randint(0, 99999):05d}") if founded < USCC_ERA else None
        firm = Firm(f"F{len(self.firms) + 1:05d}", name, make_uscc(area.code, org8), True, area.code, founded,
                    "股份有限公司" if "股份" in form else "有限公司", regno)
        self.firms.append(firm)
        self._staff(firm)
        return firm

    def new_person(self, area: str, exclude: set[str]) -> Person:
        rng = self.rng
        if self.persons and rng.random() < 0.012:  # someone who already holds a post elsewhere
            candidates = [k for k in self.persons if k not in exclude]
            if candidates:
                key = rng.choice(candidates)
                self.planted["shared_persons"].append(key)
                return self.persons[key]
        sex = rng.choice("男女")
        birth_year = rng.randint(1955, 1995)
        birth_area = area if rng.random() < 0.8 else rng.choice(OTHER_BIRTH_AREAS)
        while True:
            sex_digit = rng.choice("13579" if sex == "男" else "02468")
            check = "X" if rng.random() < 1 / 11 else str(rng.randint(0, 9))
            id_masked = f"{birth_area}{birth_year}****{rng.randint(0, 99):02d}{sex_digit}{check}"
            if id_masked not in self._person_ids:
                self._person_ids.add(id_masked)
                break
        given = "".join(rng.choice(vocab.GIVEN_CHARS) for _ in range(1 if rng.random() < 0.3 else 2))
        person = Person(f"P{len(self.persons) + 1:06d}", rng.choice(vocab.SURNAMES) + given, id_masked, sex, birth_year)
        self.persons[person.key] = person
        return person

    def _staff(self, firm: Firm) -> None:
        """Board, supervisors, managers, legal representative, sometimes a controller and a replaced LR."""
        rng, as_of = self.rng, self.as_of
        taken: set[str] = set()
        posts: dict[str, list[str]] = {}
        starts: dict[str, date] = {}

        def person() -> str:
            p = self.new_person(firm.area, taken)
            taken.add(p.key)
            joined = self.day_between(firm.founded, as_of - timedelta(days=60))
            starts[p.key] = firm.founded if rng.random() < 0.5 else joined
            posts[p.key] = []
            return p.key

        directors = [person() for _ in range(rng.randint(2, 5))]
        chairman = directors[0] if rng.random() < 0.75 else None
        for key in directors:
            posts[key].append("董事长" if key == chairman else "董事")
        if firm.legal_form == "股份有限公司" and rng.random() < 0.6:
            for _ in range(rng.randint(1, 3)):
                posts[person()].append("独立董事")
        supervisors = [person() for _ in range(rng.randint(1, 3))]
        for i, key in enumerate(supervisors):
            posts[key].append("监事会主席" if len(supervisors) == 3 and i == 0 else "监事")
        others = [d for d in directors if d != chairman]
        general_manager = rng.choice(others) if others and rng.random() < 0.5 else person()
        posts[general_manager].append("总经理")
        legal_rep = (chairman or general_manager) if chairman and rng.random() < 0.65 else general_manager
        posts[legal_rep].insert(0, "法定代表人")
        for founder in (legal_rep, chairman):  # a firm always has these two from its founding
            if founder:
                starts[founder] = firm.founded
        if rng.random() < 0.3:
            controller = (chairman or directors[0]) if rng.random() < 0.6 else person()
            posts[controller].append("实际控制人")
        for post in ("副总经理", "财务负责人"):
            if rng.random() < 0.35:
                posts[person()].append(post)

        replaced = firm.founded < as_of - timedelta(days=900) and rng.random() < 0.12
        if replaced:
            change = self.day_between(max(firm.founded + timedelta(days=365), FIRST_RECORD_DAY),
                                      as_of - timedelta(days=60))
            starts[legal_rep] = change
            former = self.new_person(firm.area, taken)
            taken.add(former.key)
            title = "董事长" if legal_rep == chairman else "总经理"
            for post in ("法定代表人", title):
                self.roles.append(Role(firm.key, former.key, post, firm.founded, change))
            self.planted["replaced_legal_rep"].append(firm.key)

        for key, held in posts.items():
            end = None
            if key not in (legal_rep, chairman) and rng.random() < 0.06:
                end = self.later(starts[key], 365, 3000)
            for post in sorted(held, key=vocab.POST_ORDER.index):
                self.roles.append(Role(firm.key, key, post, starts[key], end))

    def plant_invalid_usccs(self, count: int) -> None:
        """About 1 % of firms publish a USCC whose check character fails (flag, never drop)."""
        for firm in self.rng.sample(self.firms, min(count, len(self.firms))):
            right = USCC_ALPHABET.index(firm.uscc[17])
            wrong = USCC_ALPHABET[(right + self.rng.randint(1, 30)) % 31]
            firm.uscc, firm.uscc_valid = firm.uscc[:17] + wrong, False
            self.planted["invalid_uscc"].append(firm.key)

    # -- firm records ---------------------------------------------------------
    def firm_records(self, firm: Firm) -> None:
        """Most firms have no record; a long tail has several."""
        rng = self.rng
        profile = rng.choices(("clean", "good", "troubled", "bad"), (58, 21, 16, 5))[0]
        if profile == "good":
            makers: Sequence[Callable[..., None]] = [self.red_list, self.honour, self.donation, self.volunteer]
            chosen = [m for m, p in zip(makers, (0.5, 0.55, 0.45, 0.35)) if rng.random() < p] or [rng.choice(makers)]
            for make in chosen:
                for _ in range(1 if make is self.red_list else rng.choice((1, 1, 1, 2, 3))):
                    make(firm)
            if rng.random() < 0.1:
                self.penalty(firm)
        elif profile in ("troubled", "bad"):
            makers = (self.penalty, self.abnormal_operation, self.abnormal_taxpayer, self.dishonest_firm,
                      self.serious_firm)
            weights = (5, 3, 1.5, 0.7, 0.8) if profile == "troubled" else (3, 3, 1.5, 2, 2.5)
            count = rng.randint(1, 3) if profile == "troubled" else rng.randint(3, 7)
            for make in rng.choices(makers, weights, k=count):
                make(firm)
            if profile == "troubled" and rng.random() < 0.2:
                rng.choice((self.donation, self.volunteer))(firm)

    def penalty(self, firm: Firm) -> None:
        rng, area = self.rng, firm.place
        day = self.record_day(firm)
        authority_t, number_t, violations = rng.choices(vocab.PENALTY_TEMPLATES, (6, 3, 2, 1))[0]
        violation, facts, basis = rng.choice(violations)
        category = rng.choices(("罚款", "警告", "没收违法所得"), (75, 15, 10))[0]
        fine = rng.choice(vocab.FINES_WAN) if category == "罚款" else ""
        confiscated = rng.choice(("0.12", "0.35", "0.8", "1.6")) if category == "没收违法所得" else ""
        content = {"罚款": f"罚款{fine}万元", "警告": "警告", "没收违法所得": f"没收违法所得{confiscated}万元"}[category]
        until = add_years(day, 3)  # 双公示: a penalty is disclosed for three years
        self.add_record(
            "AdministrativePenalty", firm.uscc, "firm", day, stated_until=until,
            details={"firm": firm.key, "authority": authority_t.format(a=area),
                     "number": self.unique_number(number_t, a=area, y=day.year),
                     "violation": violation, "facts": f"当事人{facts}", "basis": basis, "category": category,
                     "content": content, "fine_wan": fine, "confiscated_wan": confiscated,
                     "disclosure_until": until - timedelta(days=1)})

    def abnormal_operation(self, firm: Firm) -> None:
        rng = self.rng
        day = self.record_day(firm)
        reason = rng.choices(vocab.ABNORMAL_REASONS, (6, 3, 1))[0]
        removed = self.later(day, 30, 720) if rng.random() < 0.45 else None
        authority = firm.place.market_bureau
        self.add_record("AbnormalOperation", firm.uscc, "firm", day, removed_on=removed, details={
            "firm": firm.key, "reason": reason, "authority": authority,
            "removal_reason": vocab.ABNORMAL_REMOVALS[reason] if removed else "",
            "removal_authority": authority if removed else ""})
        listed_three_years = add_years(day, 3) + timedelta(days=rng.randint(1, 45))
        if removed is None and listed_three_years <= self.as_of and rng.random() < 0.6:
            self.serious_firm(firm, day=listed_three_years, reason=vocab.SERIOUS_REASON_FROM_ABNORMAL)

    def abnormal_taxpayer(self, firm: Firm) -> None:
        day = self.record_day(firm)
        removed = self.later(day, 30, 400) if self.rng.random() < 0.5 else None
        self.add_record("AbnormalTaxpayer", firm.uscc, "firm", day, removed_on=removed,
                        details={"firm": firm.key, "authority": firm.place.tax_bureau})

    def dishonest_firm(self, firm: Firm) -> None:
        day = self.record_day(firm)
        self.add_record("DishonestJudgmentDebtor", firm.uscc, "firm", day,
                        removed_on=self.later(day, 60, 900) if self.rng.random() < 0.2 else None,
                        details={"firm": firm.key, **self._case(firm.place, day)})

    def _case(self, area: Area, published: date) -> dict[str, Any]:
        """Court, enforcement case and the judgment it enforces."""
        rng = self.rng
        filed = published - timedelta(days=rng.randint(20, 200))
        kind = "执恢" if rng.random() < 0.1 else "执"
        case = self.unique_number("({y}){c}{k}{n}号", y=filed.year, c=area.court_code, k=kind)
        gist_year = filed.year - rng.choice((0, 1, 1, 2))
        if rng.random() < 0.2:
            gist = self.unique_number("({y}){c}民终{n}号", y=gist_year, c=area.city_court_code)
            gist_unit = area.city_court
        else:
            gist = self.unique_number("({y}){c}民初{n}号", y=gist_year, c=area.court_code)
            gist_unit = area.court_short if rng.random() < 0.3 else area.court
        amount = rng.randint(20, 3000) * 1000 + rng.randint(0, 999)
        return {"court": area.court, "case_number": case, "filed_on": filed, "basis_number": gist,
                "basis_issuer": gist_unit, "duty": rng.choice(vocab.DISHONEST_DUTY).format(n=amount),
                "performance": "全部未履行" if rng.random() < 0.9 else "部分未履行",
                "conduct": rng.choice(vocab.DISHONEST_CONDUCT)}

    def serious_firm(self, firm: Firm, day: date | None = None, reason: str | None = None) -> None:
        rng = self.rng
        day = day or self.record_day(firm)
        removed = repaired = None
        removal_reason = ""
        draw = rng.random()
        if draw < 0.25:
            removed = self.later(day, 365, 3 * 365)
            removal_reason = rng.choice(vocab.SERIOUS_REMOVAL_REASONS) if removed else ""
        elif draw < 0.42:
            repaired = self.later(day, 366, 900)
            if repaired and rng.random() < 0.5:
                removed, removal_reason = repaired, vocab.SERIOUS_REPAIR_REASON
        authority = rng.choice(("浙江省市场监督管理局", f"{firm.place.city}市市场监督管理局"))
        self.add_record("SeriousDishonest", firm.uscc, "firm", day, removed_on=removed, repaired_on=repaired,
                        details={"firm": firm.key, "reason": reason or rng.choice(vocab.SERIOUS_REASONS_FIRM),
                                 "authority": authority, "removal_reason": removal_reason})

    def red_list(self, firm: Firm) -> None:
        """A run of consecutive A-grade years, each published the next April."""
        rng = self.rng
        last_year = self.as_of.year - 1 if self.as_of >= date(self.as_of.year, 4, 30) else self.as_of.year - 2
        first = rng.randint(max(2016, firm.founded.year + 1), max(2016, firm.founded.year + 1, last_year))
        for year in range(first, min(last_year, first + rng.randint(0, 3)) + 1):
            published = date(year + 1, 4, rng.randint(10, 28))
            record = self.add_record("RedList", firm.uscc, "firm", published,
                                     details={"firm": firm.key, "year": year, "grade": "A"})
            record.stated_until = add_years(published, 1)  # an A grade holds until the next list

    def honour(self, firm: Firm) -> None:
        township = self.rng.random() < 0.08
        template = self.rng.choice(vocab.TOWNSHIP_HONOURS if township else vocab.HONOURS)
        record = self.add_record("Honour", firm.uscc, "firm", self.record_day(firm), details={"firm": firm.key})
        self._dress_honour(record, firm, template)

    def _dress_honour(self, record: Record, firm: Firm, template: tuple[str, str, str, int | None]) -> None:
        name_t, body_t, level, years = template
        record.stated_until = add_years(record.valid_from, years) if years else None
        record.counts = level != "乡镇级"
        record.details.update(honour=name_t.format(a=firm.place), authority=body_t.format(a=firm.place), level=level)
        if not record.counts:
            self.planted["township_honours"].append(record.key)

    def ensure_township_honours(self, wanted: int) -> None:
        """A couple of honours below county level (which do not count), however the draw fell."""
        others = [r for r in self.records if r.kind == "Honour" and r.counts]
        missing = max(0, wanted - len(self.planted["township_honours"]))
        for record in self.rng.sample(others, min(missing, len(others) - 1 if len(others) > 1 else 0)):
            firm = next(f for f in self.firms if f.key == record.details["firm"])
            self._dress_honour(record, firm, self.rng.choice(vocab.TOWNSHIP_HONOURS))
        self.planted["township_honours"].sort()

    def donation(self, firm: Firm) -> None:
        rng = self.rng
        goods = rng.choice(vocab.DONATION_GOODS) if rng.random() < 0.25 else ""
        amount = rng.choice((5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000))
        self.add_record("Donation", firm.uscc, "firm", self.record_day(firm), details={
            "firm": firm.key, "recipient": rng.choice(vocab.DONATION_RECIPIENTS).format(a=firm.place),
            "amount": amount, "goods": goods})

    def volunteer(self, firm: Firm) -> None:
        rng = self.rng
        hours = rng.choice(("12", "24", "36.5", "48", "60", "120", "200"))
        self.add_record("VolunteerService", firm.uscc, "firm", self.record_day(firm), details={
            "firm": firm.key, "project": rng.choice(vocab.VOLUNTEER_PROJECTS), "hours": hours,
            "certifier": rng.choice(vocab.VOLUNTEER_CERTIFIERS).format(a=firm.place)})

    # -- person records -------------------------------------------------------
    def person_records(self) -> None:
        """Key personnel on the dishonest and serious-dishonest lists.

        Each listing date lies after every role the person had ended and after
        the start of every role still held, so "holding the role at the time"
        means the same thing whether read at the listing date or at as_of.
        """
        roles: dict[str, list[Role]] = {}
        for role in self.roles:
            roles.setdefault(role.person, []).append(role)
        holding = [k for k, rs in roles.items() if any(r.end is None and r.role in KEY_PERSONNEL_ROLES for r in rs)]
        former = [k for k, rs in roles.items() if all(r.end is not None for r in rs)]
        in_two_firms = [k for k in holding
                        if len({r.firm for r in roles[k] if r.end is None and r.role in KEY_PERSONNEL_ROLES}) > 1]
        everyone = list(roles)
        persons = len(self.persons)
        for kind, count in (("DishonestJudgmentDebtor", max(3, round(persons * 0.012))),
                            ("SeriousDishonest", max(2, round(persons * 0.008)))):
            listed: set[str] = set()
            plan = ["in_two_firms"] if kind == "DishonestJudgmentDebtor" else []
            plan += ["while_holding"] * max(1, count // 2) + ["after_leaving"] * max(1, count // 4)
            plan += ["other"] * (count - len(plan))
            for situation in plan:
                pool = {"while_holding": holding, "after_leaving": former, "other": everyone,
                        "in_two_firms": in_two_firms}[situation]
                for _ in range(50):
                    if not pool:
                        break
                    key = self.rng.choice(pool)
                    window = self._listing_window(roles[key])
                    if key not in listed and window:
                        listed.add(key)
                        self._person_record(kind, key, self.day_between(*window), roles[key][0])
                        self.planted[f"person_listed_{situation}"].append(key)
                        break

    def _listing_window(self, roles: list[Role]) -> tuple[date, date] | None:
        first = max([FIRST_RECORD_DAY] + [r.end if r.end else r.start for r in roles]) + timedelta(days=1)
        last = self.as_of - timedelta(days=1)
        return (first, last) if first + timedelta(days=10) <= last else None

    def _person_record(self, kind: str, key: str, day: date, role: Role) -> None:
        rng, person = self.rng, self.persons[key]
        area = AREA_BY_CODE[next(f for f in self.firms if f.key == role.firm).area]
        if kind == "DishonestJudgmentDebtor":
            self.add_record(kind, key, "person", day,
                            removed_on=self.later(day, 60, 900) if rng.random() < 0.2 else None,
                            details={**self._case(area, day), "age": day.year - person.birth_year})
            return
        reason, authority = rng.choice((
            (vocab.SERIOUS_REASONS_PERSON[0], area.court),
            (vocab.SERIOUS_REASONS_PERSON[1], area.court),
            (vocab.SERIOUS_REASONS_PERSON[2], f"{area.city}市人力资源和社会保障局"),
        ))
        repaired = self.later(day, 366, 900) if rng.random() < 0.2 else None
        self.add_record(kind, key, "person", day, repaired_on=repaired, details={
            "reason": reason, "authority": authority, "removal_reason": ""})


def _registration_number(first14: str) -> str:
    """15-digit business registration number with its ISO 7064 MOD 11,10 check digit."""
    product = 10
    for digit in first14:
        total = (product + int(digit)) % 10 or 10
        product = total * 2 % 11
    return first14 + str((11 - product) % 10)
