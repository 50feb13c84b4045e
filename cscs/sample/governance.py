"""The sample population's records of the kinds the finance, governance and compliance
lists publish: debt evasion, overseas equity not registered, social-insurance and tax
arrears, major tax violations, spot-check failures, safety hazards, environmental
grades, administrative enforcement, commitment breaches and regulatory measures.

They are drawn after every other record, from the same seeded stream, so adding them
left the rest of the population as it was. Each kind is drawn for a few firms, mostly those with other
records already (most firms have none); when
the draw gave no firm a record of a kind in force on ``as_of``, one is planted, so
that every indicator of the rubric moves some firm's score in every corpus.
Environmental credit grades are drawn for more firms than the bad ones: good grades
(绿, 蓝) are published beside the bad ones but are no record (kind ``CreditRating``,
``counts`` false).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # the builder is population._Builder; imported there, not here
    from .population import Firm, Record, _Builder

# chance of a record of each kind: firms with other records are likelier to have these too
SHARE_WITH_RECORDS, SHARE_CLEAN = 0.04, 0.003
RATED_SHARE = 0.05  # firms with an environmental credit grade

CREDITORS = ("中国工商银行{a.city}分行", "中国农业银行{a.city}分行", "中国建设银行{a.city}分行", "浙商银行{a.city}分行",
             "{a.city}银行{a.district}支行", "浙江{a.city}农村商业银行")
DEBT_FACTS = ("恶意转移资产逃避银行债务", "通过关联交易转移抵押物", "假借破产重组逃废金融债务", "拒不配合债权银行清收")
DEBT_AUTHORITIES = ("浙江省地方金融监督管理局", "{a.city}市地方金融监督管理局", "浙江省银行业协会")
OVERSEAS_SUFFIXES = ("HOLDINGS (HK) LIMITED", "INTERNATIONAL PTE. LTD.", "TRADING LIMITED", "GROUP INC.")
INSURANCES = ("基本养老保险费", "失业保险费", "工伤保险费", "基本医疗保险费", "基本养老保险费、失业保险费")
TAXES = ("增值税", "企业所得税", "城市维护建设税", "房产税", "城镇土地使用税", "增值税、城市维护建设税")
TAX_CASES = (
    ("偷税", "采取隐匿收入、虚假申报手段少缴增值税、企业所得税", "《中华人民共和国税收征收管理法》第六十三条第一款"),
    ("虚开增值税专用发票", "在没有真实交易的情况下为他人虚开增值税专用发票", "《中华人民共和国发票管理办法》第二十二条"),
    ("逃避追缴欠税", "欠缴应纳税款，采取转移财产手段妨碍税务机关追缴", "《中华人民共和国税收征收管理法》第六十五条"),
)
PRODUCTS = (("电热水壶", "泄漏电流和电气强度"), ("儿童服装", "纤维含量、pH值"), ("电线电缆", "导体电阻"),
            ("LED灯具", "标记和说明、骚扰电压"), ("塑料管材", "静液压强度"), ("食品用塑料容器", "总迁移量"))
TESTING_BODIES = ("浙江省产品质量安全科学研究院", "浙江省质量科学研究院", "{a.city}市质量技术监督检测院")
HAZARDS = ("涉爆粉尘作业场所未按规定设置泄爆装置", "危险化学品仓库与员工宿舍未保持安全距离", "有限空间作业未落实审批制度",
           "厂房消防通道被占用且自动喷水灭火系统停用", "液氨制冷车间未设置泄漏报警装置")
BAD_GRADES = ("黄牌", "红牌", "黑牌")
GOOD_GRADES = ("绿牌", "蓝牌")
MEASURES = ("查封", "扣押", "冻结存款", "强制执行")
MEASURE_GROUNDS = ("涉嫌生产销售不合格产品", "涉嫌无证经营", "逾期不缴纳罚款", "涉嫌偷税且有转移财产迹象")
MEASURE_BASIS = ("《中华人民共和国行政强制法》第二十二条", "《中华人民共和国产品质量法》第十八条",
                 "《中华人民共和国税收征收管理法》第三十八条")
COMMITMENTS = (("食品经营许可告知承诺", "审批替代型", "承诺具备的经营场所条件与实际不符"),
               ("建设工程规划许可告知承诺", "审批替代型", "未在承诺期限内补齐材料"),
               ("信用修复承诺", "信用修复型", "修复后再次发生同类违法行为"),
               ("公共资源交易信用承诺", "主动型", "投标文件提供虚假业绩"))
SUPERVISORY = (("出具警示函", "中国证券监督管理委员会浙江监管局"), ("责令改正", "中国证券监督管理委员会浙江监管局"),
               ("监管谈话", "中国证券监督管理委员会浙江监管局"), ("通报批评", "上海证券交易所"),
               ("公开谴责", "深圳证券交易所"))


def add_governance_records(builder: _Builder) -> None:
    """Draw the records of these kinds for the builder's firms, then plant any kind missing on as_of."""
    makers = _makers(builder)
    rng = builder.rng
    with_records = {r.details.get("firm") for r in builder.records}
    for firm in builder.firms:
        share = SHARE_WITH_RECORDS if firm.key in with_records else SHARE_CLEAN
        for make in makers.values():
            if rng.random() < share:
                make(firm)
        if rng.random() < RATED_SHARE:
            _environment(builder, firm, good=rng.random() < 0.8)
    for kind, make in makers.items():
        if not any(r.kind == kind and r.active_on(builder.as_of) for r in builder.records):
            record = None
            while record is None or not record.active_on(builder.as_of):
                if record is not None:
                    builder.records.remove(record)
                record = make(rng.choice(builder.firms))
            builder.planted.setdefault("governance_kinds", []).append(record.key)


def _makers(b: _Builder) -> dict[str, Callable[[Firm], Record]]:
    return {
        "DebtEvasion": lambda firm: _debt(b, firm), "OverseasEquityUnregistered": lambda firm: _equity(b, firm),
        "SocialInsuranceArrears": lambda firm: _social_insurance(b, firm), "TaxArrears": lambda firm: _tax(b, firm),
        "MajorTaxViolation": lambda firm: _major_tax(b, firm), "SpotCheckFailure": lambda firm: _spot(b, firm),
        "SafetyHazard": lambda firm: _hazard(b, firm),
        "EnvironmentalViolation": lambda firm: _environment(b, firm, good=False),
        "AdministrativeEnforcement": lambda firm: _enforcement(b, firm),
        "CommitmentBreach": lambda firm: _commitment(b, firm), "OtherNonCompliance": lambda firm: _measure(b, firm),
    }


def _add(b: _Builder, kind: str, firm: Firm, day: date, **fields: Any) -> Record:
    fields.setdefault("details", {})["firm"] = firm.key
    return b.add_record(kind, firm.uscc, "firm", day, **fields)


def _removed(b: _Builder, day: date, share: float, low: int, high: int) -> date | None:
    return b.later(day, low, high) if b.rng.random() < share else None


def _debt(b: _Builder, firm: Firm) -> Record:
    rng, area, day = b.rng, firm.place, b.record_day(firm)
    return _add(b, "DebtEvasion", firm, day, removed_on=_removed(b, day, 0.2, 90, 700), details={
        "creditor": rng.choice(CREDITORS).format(a=area), "amount_wan": f"{rng.randint(30, 5000)}.{rng.randint(0, 9)}",
        "facts": rng.choice(DEBT_FACTS), "authority": rng.choice(DEBT_AUTHORITIES).format(a=area)})


def _equity(b: _Builder, firm: Firm) -> Record:
    """Named in November after the September deadline for the previous year's data."""
    rng = b.rng
    year = rng.randint(max(2016, firm.founded.year), b.as_of.year - 1)
    day = date(year + 1, 11, rng.randint(1, 28))
    brand = "".join(rng.sample("ABCDEFGHJKLMNPQRSTWXYZ", 4))
    return _add(b, "OverseasEquityUnregistered", firm, day, removed_on=_removed(b, day, 0.3, 20, 300), details={
        "year": f"{year}年度", "overseas": f"{brand} {rng.choice(OVERSEAS_SUFFIXES)}",
        "authority": "国家外汇管理局浙江省分局" if rng.random() < 0.6 else f"国家外汇管理局{firm.place.city}市中心支局"})


def _social_insurance(b: _Builder, firm: Firm) -> Record:
    rng, day = b.rng, b.record_day(firm)
    start = day - timedelta(days=30 * rng.randint(2, 12))
    return _add(b, "SocialInsuranceArrears", firm, day, removed_on=_removed(b, day, 0.4, 20, 400), details={
        "insurance": rng.choice(INSURANCES), "owed_fen": rng.randint(200_000, 90_000_000),
        "period": f"{start.year}年{start.month}月至{day.year}年{day.month}月",
        "authority": firm.place.tax_bureau})


def _tax(b: _Builder, firm: Firm) -> Record:
    rng, day = b.rng, b.record_day(firm)
    owed = rng.randint(5_000, 3_000_000)
    return _add(b, "TaxArrears", firm, day, removed_on=_removed(b, day, 0.4, 30, 500), details={
        "tax": rng.choice(TAXES), "owed_yuan": owed, "new_yuan": rng.choice((0, owed // 3, owed)),
        "authority": firm.place.tax_bureau})


def _major_tax(b: _Builder, firm: Firm) -> Record:
    rng, area, day = b.rng, firm.place, b.record_day(firm)
    nature, facts, basis = rng.choice(TAX_CASES)
    draw = rng.random()
    removed = b.later(day, 365 * 3, 365 * 3 + 30) if draw < 0.3 else None
    repaired = b.later(day, 366, 900) if 0.3 <= draw < 0.45 else None
    return _add(b, "MajorTaxViolation", firm, day, removed_on=removed, repaired_on=repaired, details={
        "nature": nature, "facts": f"经检查，该单位{day.year - 2}年至{day.year - 1}年期间{facts}",
        "basis": f"依照{basis}，追缴税款、加收滞纳金并处罚款共计{rng.randint(50, 3000)}万元",
        "bureau": f"国家税务总局{area.city}市税务局第{rng.choice('一二三')}稽查局",
        "address": f"浙江省{area.city}市{area.district}{rng.randint(1, 300)}号"})


def _spot(b: _Builder, firm: Firm) -> Record:
    rng, area, day = b.rng, firm.place, b.record_day(firm)
    product, failed = rng.choice(PRODUCTS)
    made = day - timedelta(days=rng.randint(30, 200))
    return _add(b, "SpotCheckFailure", firm, day, details={
        "product": product, "failed": failed, "model": f"{rng.choice('ABCDHJKX')}{rng.randint(10, 999)}",
        "batch": f"{made.isoformat()}/{made.strftime('%y%m%d')}{rng.randint(1, 9)}",
        "sampled": f"{area.city}市{area.district}{rng.choice(('百货', '超市', '建材', '五金'))}经营部",
        "testing": rng.choice(TESTING_BODIES).format(a=area)})


def _hazard(b: _Builder, firm: Firm) -> Record:
    rng, area, day = b.rng, firm.place, b.record_day(firm)
    return _add(b, "SafetyHazard", firm, day, removed_on=_removed(b, day, 0.5, 60, 400), details={
        "hazard": rng.choice(HAZARDS), "deadline": day + timedelta(days=rng.choice((90, 120, 180))),
        "level": rng.choice(("省级", "市级", "县级")),
        "authority": {"省级": "浙江省安全生产委员会办公室", "市级": f"{area.city}市安全生产委员会办公室",
                      "县级": f"{area.city}市{area.district}应急管理局"}})


def _environment(b: _Builder, firm: Firm, good: bool) -> Record:
    """A yearly grade published on 20 May of the next year; only a bad grade is a record."""
    rng = b.rng
    first = max(2017, firm.founded.year + 1)
    year = rng.randint(first, max(first, b.as_of.year - 1))
    day = date(year + 1, 5, 20)
    grade = rng.choice(GOOD_GRADES if good else BAD_GRADES)
    details = {"authority": f"{firm.place.city}市生态环境局" if rng.random() < 0.7 else "浙江省生态环境厅",
               "year": f"{year}年度", "grade": grade}
    record = _add(b, "CreditRating" if good else "EnvironmentalViolation", firm, day, details=details)
    record.counts = not good
    return record


def _enforcement(b: _Builder, firm: Firm) -> Record:
    rng, area, day = b.rng, firm.place, b.record_day(firm)
    measure = rng.choice(MEASURES)
    return _add(b, "AdministrativeEnforcement", firm, day, removed_on=_removed(b, day, 0.5, 10, 120), details={
        "measure": measure, "number": b.unique_number("{a}市监强制〔{y}〕{n}号", a=area.abbreviation, y=day.year),
        "content": f"{measure}涉案财物", "grounds": rng.choice(MEASURE_GROUNDS), "basis": rng.choice(MEASURE_BASIS),
        "authority": area.market_bureau if measure != "冻结存款" else area.tax_bureau})


def _commitment(b: _Builder, firm: Firm) -> Record:
    """Published for three years from the day the breach is established."""
    from .population import add_years

    rng, area, day = b.rng, firm.place, b.record_day(firm)
    commitment, kind, breach = rng.choice(COMMITMENTS)
    return _add(b, "CommitmentBreach", firm, day, stated_until=add_years(day, 3), details={
        "commitment": commitment, "type": kind, "breach": breach,
        "authority": area.market_bureau if "食品" in commitment else f"{area.city}市发展和改革委员会"})


def _measure(b: _Builder, firm: Firm) -> Record:
    rng, day = b.rng, b.record_day(firm)
    measure, authority = rng.choice(SUPERVISORY)
    number = b.unique_number("〔{y}〕{n}号", y=day.year)
    return _add(b, "OtherNonCompliance", firm, day, details={
        "measure": measure, "authority": authority,
        "number": f"{'浙证监' if '监管局' in authority else '纪律处分'}{number}"})
