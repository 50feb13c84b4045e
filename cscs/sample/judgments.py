"""Court judgments for the sample corpus, consistent with its firms, persons and lists.

Every firm on the dishonest-debtor list gets the civil judgment its listing enforces
(the list's 执行依据文号, court and sum), which is a fact in the graph but not a
default. A few more cases are planted, one per rubric indicator that judgments feed:
enforcement rulings that end enforcement for want of assets (终结本次执行程序: a
judgment default, or a financing one when a bank lent), criminal judgments against a
firm (单位犯罪: financing crime or other crime, with its legal representative
convicted as the person directly in charge), a decision fining a firm for false
litigation (虚假诉讼), and documents that change nothing (a mediation, a withdrawal,
an appeal dismissed, an enforcement completed). The firm whose list records cost it most
gets a recent financing default, so the demo's worst firm shows a deduction explained
by a judgment.

Documents are text, HTML and PDF (reportlab's built-in CID font STSong-Light, whose
text pdfplumber reads back exactly), with the variations real publications have:
full-, half- or mixed-width brackets and none, roles with and without colons, sums in
元 or 万元 with separators or in Chinese numerals, signature dates in Chinese numerals.

:func:`write_judgments` returns, for each document, what it says (the expectations the
accuracy script scores against) and the credit records it should produce. Everything
is drawn from its own seeded stream, so the list documents do not change.
"""

from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from cscs.extract.identifiers import make_uscc

from . import vocab
from .places import AREA_BY_CODE, AREAS, Area
from .population import Firm, Person, Population, Record

_DIGITS = "〇一二三四五六七八九"
_LAWYER_FIRMS = ("浙江天册", "浙江六和", "浙江泽大", "浙江金道", "浙江京衡", "浙江浙经", "浙江大成", "浙江君安世纪")
_BANKS = ("中国工商银行股份有限公司{city}{district}支行", "中国农业银行股份有限公司{city}{district}支行",
          "中国建设银行股份有限公司{city}分行", "{city}银行股份有限公司{district}支行",
          "浙江{city}农村商业银行股份有限公司", "{city}市{district}中泰小额贷款股份有限公司")
_SALE_CAUSES = ("买卖合同纠纷", "加工合同纠纷", "建设工程施工合同纠纷", "租赁合同纠纷", "服务合同纠纷")
_UNIT_CRIMES = (("污染环境罪", "CriminalRecord", "违反国家规定，将含有重金属的废水通过暗管排放，严重污染环境"),
                ("虚开增值税专用发票罪", "CriminalRecord", "在无真实交易的情况下，让他人为自己虚开增值税专用发票"),
                ("单位行贿罪", "CriminalRecord", "为谋取不正当利益，给予国家工作人员财物"))
_FINANCING_CRIMES = (("非法吸收公众存款罪", "以高额利息为诱饵，通过发放宣传单等方式向社会公众吸收资金"),
                     ("集资诈骗罪", "以非法占有为目的，使用诈骗方法向社会公众非法集资"),
                     ("骗取贷款罪", "以虚假的购销合同等材料向银行申请贷款"))
_FORMATS = ("txt", "txt", "txt", "html", "html", "pdf")  # drawn per document


@dataclass
class JudgmentDocument:
    """One generated document: its file, what it says and the credit records it should produce."""

    file: str
    format: str
    expected: dict[str, Any]
    records: list[dict[str, Any]] = field(default_factory=list)


def cn_date(day: date, zero: str = "〇") -> str:
    """二〇二一年三月五日 (``zero`` may be ○, as some courts type it)."""
    def small(n: int) -> str:
        if n < 10:
            return _DIGITS[n]
        tens, units = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")

    year = "".join(_DIGITS[int(c)] for c in str(day.year)).replace("〇", zero)
    return f"{year}年{small(day.month)}月{small(day.day)}日"


def cn_amount(value: int) -> str:
    """A whole number of yuan in Chinese numerals (五万, 十二万三千), for fines."""
    def below_10k(n: int) -> str:
        out, zero = "", False
        for unit, size in (("千", 1000), ("百", 100), ("十", 10)):
            digit, n = divmod(n, size)
            if digit:
                out += ("零" if zero and out else "") + _DIGITS[digit] + unit
                zero = False
            elif out:
                zero = True
        if n:
            out += ("零" if zero and out else "") + _DIGITS[n]
        return out.replace("一十", "十") if out.startswith("一十") else out

    wan, rest = divmod(value, 10_000)
    text = (below_10k(wan) + "万" if wan else "") + (("零" if wan and rest < 1000 and rest else "") + below_10k(rest))
    return text


class _Text:
    """A document being written: paragraphs, and every sum of money as it is printed."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.amounts: list[str] = []

    def add(self, *parts: str) -> None:
        self.paragraphs.append("".join(parts))

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs) + "\n"


class _Writer:
    def __init__(self, population: Population, out_dir: Path, seed: int):
        self.pop = population
        self.out = out_dir
        self.rng = random.Random(f"cscs.sample/judgments/{seed}")
        self.looks = random.Random(f"cscs.sample/judgments/looks/{seed}")
        #: layouts that real publishers vary (spaced titles, detail brackets, GBK, cut signatures),
        #: drawn apart from ``looks`` so that adding one does not reshuffle the others
        self.layout = random.Random(f"cscs.sample/judgments/layout/{seed}")
        self.firms = {f.key: f for f in population.firms}
        self.docs: list[JudgmentDocument] = []
        self.numbers: set[str] = set()
        self.as_of = population.as_of

    # -- presentation -----------------------------------------------------------------
    def money(self, t: _Text, value: int | Decimal, chinese: bool = False, rmb: bool | None = None) -> str:
        """Print a sum the way courts do and note it as a mention."""
        value = Decimal(value)
        t.amounts.append(str(value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))))
        style = self.looks.random()
        prefix = "人民币" if (rmb if rmb is not None else self.looks.random() < 0.4) else ""
        if chinese and value == value.to_integral_value():
            return f"{prefix}{cn_amount(int(value))}元"
        if style < 0.35:
            return f"{prefix}{value:,}元"
        if style < 0.55 and value >= 10_000 and value % 100 == 0:
            return f"{prefix}{(value / 10_000).normalize():f}万元"
        if style < 0.65:
            return f"{prefix}{value:.2f}元"
        return f"{prefix}{value}元"

    def case_number(self, year: int, court_code: str, type_code: str, old: Area | None = None) -> str:
        while True:
            n = self.rng.randint(1, 9999)
            if old is not None and year < 2016:
                core = f"{old.abbreviation}{type_code}字第{n}号"
            else:
                core = f"{court_code}{type_code}{n}号"
            text = f"({year}){core}"
            if text not in self.numbers:
                self.numbers.add(text)
                return self.brackets(year, core)

    def brackets(self, year: int, core: str) -> str:
        style = self.looks.random()
        if style < 0.6:
            return f"（{year}）{core}"
        if style < 0.85:
            return f"({year}){core}"
        if style < 0.9:
            return f"（{year}){core}"
        if style < 0.95:
            return f"〔{year}〕{core}"
        return f"{year}{core}" if not core[0].isdigit() else f"({year}){core}"

    def title(self, doc_type: str) -> str:
        """A document type as a title line: plain, spaced out, or decorated."""
        style = self.layout.random()
        if style < 0.25:
            return " ".join(doc_type)
        if style < 0.35:
            return "  ".join(doc_type)
        if style < 0.45:
            return f"【{doc_type}】"
        if style < 0.5:
            return f"★ {doc_type} ★"
        return doc_type

    def role(self, word: str) -> str:
        return word + ("：" if self.looks.random() < 0.8 else "")

    def person_name(self) -> str:
        given = "".join(self.rng.choice(vocab.GIVEN_CHARS) for _ in range(1 if self.rng.random() < 0.3 else 2))
        return self.rng.choice(vocab.SURNAMES) + given

    def lawyer(self) -> str:
        return f"{self.person_name()}，{self.rng.choice(_LAWYER_FIRMS)}律师事务所律师"

    def address(self, area: Area) -> str:
        return f"浙江省{area.city}市{area.district}{area.street}{self.rng.randint(1, 399)}号"

    def bank(self, area: Area) -> tuple[str, str]:
        name = self.rng.choice(_BANKS).format(city=area.city, district=area.district)
        digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
        return name, make_uscc(area.code, "7" + str(int(digest[:10], 16))[-7:].rjust(7, "0"))

    def day(self, first: date, last: date) -> date:
        if last <= first:
            return first
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def signature(self, t: _Text, day: date, judges: int = 3, enforcement: bool = False) -> None:
        titles = ("执行员", "执行员") if enforcement else ("审判长", "审判员", "人民陪审员")[:judges]
        for title in titles:
            spaced = "　".join(title) if self.looks.random() < 0.3 and len(title) == 3 else title
            t.add(f"{spaced}　{self.person_name()}")
        style = self.looks.random()
        t.add(cn_date(day, "○" if style < 0.15 else "〇") if style < 0.9 else f"{day.year}年{day.month}月{day.day}日")
        t.add(f"书记员　{self.person_name()}")

    # -- parties ---------------------------------------------------------------------------
    def firm_entry(self, t: _Text, word: str, firm: Firm, day: date, code: str | None = "uscc") -> str:
        rep = self.pop.legal_rep(firm.key, day)
        shown = firm.uscc if code == "uscc" else firm.org_code if code == "orgcode" else ""
        label = "统一社会信用代码" if code == "uscc" else "组织机构代码"
        style = self.layout.random()
        title = "董事长" if self.rng.random() < 0.5 else "执行董事兼总经理"
        if shown and style < 0.3:  # the code in a bracket after the name
            t.add(f"{self.role(word)}{firm.name}（{label}：{shown}），住所地{self.address(firm.place)}。")
        elif shown and style < 0.4:  # the code and the legal representative in the bracket
            t.add(f"{self.role(word)}{firm.name}（{label}{shown}；法定代表人：{rep.name}），"
                  f"住所地{self.address(firm.place)}。")
            return rep.name
        else:
            t.add(f"{self.role(word)}{firm.name}，住所地{self.address(firm.place)}。" + (f"{label}{shown}。" if shown else ""))
        t.add(f"{self.role('法定代表人')}{rep.name}，{title}。")
        if self.layout.random() < 0.3:  # an agent: not a party
            agent = self.layout.choice(vocab.SURNAMES) + self.layout.choice(vocab.GIVEN_CHARS)
            t.add(f"{self.role('委托代理人')}{agent}，该公司员工。")
        return rep.name

    def person_entry(self, t: _Text, word: str, person: Person, area: Area, with_id: bool = True) -> None:
        birth = date(person.birth_year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        t.add(f"{self.role(word)}{person.name}，{person.sex}，{birth.year}年{birth.month}月{birth.day}日出生，汉族，"
              f"住{self.address(area)}" + (f"，公民身份号码{person.id_masked}。" if with_id else "。"))

    def agent(self, t: _Text) -> str:
        name = self.person_name()
        t.add(f"{self.role('委托诉讼代理人')}{name}，{self.rng.choice(_LAWYER_FIRMS)}律师事务所律师。")
        return name

    # -- documents ----------------------------------------------------------------------------
    def emit(self, kind: str, t: _Text, expected: dict[str, Any], records: list[dict[str, Any]]) -> None:
        fmt = self.looks.choice(_FORMATS)
        name = f"{len(self.docs) + 1:03d}-{kind}.{fmt}"
        path = self.out / name
        if fmt == "txt":  # court websites serve GBK as often as UTF-8
            path.write_bytes(t.text.encode("gbk" if self.layout.random() < 0.4 else "utf-8"))
        elif fmt == "html":
            write_html_judgment(path, expected["court"] + expected["document_type"], t.paragraphs)
        else:
            write_pdf_judgment(path, t.paragraphs)
        expected["amounts"] = list(t.amounts)
        expected.setdefault("guarantors", [])  # a document without a guarantee names none
        self.docs.append(JudgmentDocument(f"judgments/{name}", fmt, expected, records))

    def civil_judgment(self, *, court: str, court_code: str, area: Area, day: date, plaintiff: dict,
                       defendant: dict, cause: str, principal: int, number: str | None = None,
                       guarantor: Person | None = None, financing: bool) -> str:
        """A first-instance civil judgment ordering the defendant to pay; returns its case number."""
        t = _Text()
        number = number or self.case_number(day.year, court_code, "民初", area)
        t.add(court)
        t.add(self.title("民事判决书"))
        t.add(number)
        parties, reps, codes = [], [], []
        for who, word, role in ((plaintiff, "原告", "plaintiff"), (defendant, "被告", "defendant")):
            parties.append([who["name"], role])
            if who["type"] == "firm":
                rep = self.firm_entry(t, word, who["firm"], day)
                reps.append([who["name"], rep])
                codes.append([who["name"], who["firm"].uscc])
            elif who["type"] == "bank":
                t.add(f"{self.role(word)}{who['name']}，住所地{self.address(area)}。统一社会信用代码{who['uscc']}。")
                rep = self.person_name()
                t.add(f"{self.role('负责人')}{rep}，行长。")
                reps.append([who["name"], rep])
                codes.append([who["name"], who["uscc"]])
            else:
                self.person_entry(t, word, who["person"], area, with_id=who.get("with_id", True))
            if self.rng.random() < 0.6:
                self.agent(t)
        if guarantor is not None:
            self.person_entry(t, self.role("被告")[:2], guarantor, area)
            parties.append([guarantor.name, "defendant"])
        pname, dname = plaintiff["name"], defendant["name"]
        filed = day - timedelta(days=self.rng.randint(40, 150))
        t.add(f"原告{pname}与被告{dname}{'、' + guarantor.name if guarantor else ''}{cause}一案，本院于"
              f"{filed.year}年{filed.month}月{filed.day}日立案后，依法适用简易程序，公开开庭进行了审理。本案现已审理终结。")
        t.add(f"{pname}向本院提出诉讼请求：1.判令{dname}{'偿还借款本金' if financing else '支付货款'}"
              f"{self.money(t, principal)}及逾期利息；2.本案诉讼费用由被告负担。")
        signed = filed - timedelta(days=self.rng.randint(200, 700))
        facts = (f"本院经审理认定事实如下：{signed.year}年{signed.month}月{signed.day}日，{pname}与{dname}签订"
                 f"{'《借款合同》，约定借款金额' if financing else '《购销合同》，约定货款总额'}{self.money(t, principal)}。")
        if guarantor is not None:
            facts += f"{guarantor.name}作为保证人在合同上签字，承诺对上述债务承担连带保证责任。"
        t.add(facts + f"合同履行期限届满后，{dname}未按约付款。")
        t.add(f"本院认为，当事人应当按照约定全面履行自己的义务。{dname}未按约{'归还借款' if financing else '支付货款'}，"
              f"应承担相应的民事责任。依照《中华人民共和国民法典》第五百七十七条之规定，判决如下：")
        t.add(f"一、被告{dname}于本判决生效之日起十日内{'偿还' if financing else '支付'}原告{pname}"
              f"{'借款本金' if financing else '货款'}{self.money(t, principal)}及逾期利息；")
        ordered = [[dname, str(principal)]]
        if guarantor is not None:
            t.add(f"二、被告{guarantor.name}对上述第一项债务承担连带清偿责任。")
        t.add("如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十条之规定，"
              "加倍支付迟延履行期间的债务利息。")
        fee = max(50, principal // 100 + 25)
        t.add(f"案件受理费{self.money(t, fee)}，由被告{dname}负担。")
        ordered.append([dname, str(fee)])
        t.add(f"如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，上诉于{area.city_court}。")
        self.signature(t, day, judges=1 if self.rng.random() < 0.5 else 3)
        self.emit("civil-judgment", t, {
            "case_number": number, "court": court, "document_type": "民事判决书", "date": day.isoformat(),
            "parties": parties, "charges": [], "ordered": ordered, "outcome": "claims granted",
            "financing": financing, "legal_representatives": reps, "codes": codes,
            "guarantors": [guarantor.name] if guarantor else []}, [])
        return number

    def enforcement_ruling(self, *, area: Area, day: date, applicant: dict, debtor: dict, cause: str,
                           basis: str, basis_court: str, unpaid: int, financing: bool, completed: bool = False,
                           records: list[dict[str, Any]]) -> None:
        """终结本次执行程序 (a default) or 执行完毕 (performed)."""
        t = _Text()
        number = self.case_number(day.year, area.court_code, "执", area)
        t.add(area.court)
        t.add(self.title("执行裁定书"))
        t.add(number)
        parties, reps, codes = [], [], []
        for who, word, role in ((applicant, "申请执行人", "enforcement-applicant"), (debtor, "被执行人", "enforcement-debtor")):
            parties.append([who["name"], role])
            if who["type"] == "firm":
                reps.append([who["name"], self.firm_entry(t, word, who["firm"], day)])
                codes.append([who["name"], who["firm"].uscc])
            elif who["type"] == "bank":
                t.add(f"{self.role(word)}{who['name']}，住所地{self.address(area)}。统一社会信用代码{who['uscc']}。")
                rep = self.person_name()
                t.add(f"{self.role('负责人')}{rep}，行长。")
                reps.append([who["name"], rep])
                codes.append([who["name"], who["uscc"]])
            else:
                self.person_entry(t, word, who["person"], area)
        filed = day - timedelta(days=self.rng.randint(60, 200))
        t.add(f"本院在执行申请执行人{applicant['name']}与被执行人{debtor['name']}{cause}一案中，依据已经发生法律效力的"
              f"{basis_court}{basis}民事判决书，被执行人应当履行给付义务。因被执行人未履行生效法律文书确定的义务，"
              f"申请执行人向本院申请强制执行，本院于{filed.year}年{filed.month}月{filed.day}日立案执行。")
        if completed:
            t.add(f"执行中查明：被执行人已向申请执行人支付全部款项{self.money(t, unpaid)}，本案已执行完毕。")
            t.add("本院认为，被执行人已全部履行生效法律文书确定的义务。依照《中华人民共和国民事诉讼法》"
                  "第二百六十四条第六项之规定，裁定如下：")
            t.add("本案执行完毕。")
            outcome = "enforcement completed"
        else:
            self.termination(t, number, unpaid)
            outcome = "enforcement terminated: no assets"
        t.add("本裁定送达后立即生效。")
        cut = not completed and self.layout.random() < 0.2
        if cut:  # published without its signature: the records count from the latest date stated
            for r in records:
                r["valid_from"] = filed.isoformat()
        else:
            self.signature(t, day, enforcement=True)
        self.emit("enforcement-ruling", t, {
            "case_number": number, "court": area.court, "document_type": "执行裁定书",
            "date": None if cut else day.isoformat(),
            "parties": parties, "charges": [], "ordered": [], "outcome": outcome, "financing": financing,
            "legal_representatives": reps, "codes": codes, "basis": basis}, records)

    def termination(self, t: _Text, number: str, unpaid: int) -> None:
        """The findings and holding of a 终本 ruling, in one of the wordings courts use."""
        t.add("执行中查明：本院通过网络执行查控系统对被执行人的银行存款、车辆、不动产、证券等财产进行查询，"
              f"未发现被执行人有可供执行的财产。截至目前，被执行人尚未履行金额{self.money(t, unpaid)}。")
        law = "依照《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第五百一十九条之规定"
        style = self.layout.random()
        if style < 0.35:
            t.add(f"本院认为，本案经穷尽财产调查措施，被执行人暂无财产可供执行，申请执行人对此无异议。{law}，裁定如下：")
            t.add("终结本次执行程序。")
        elif style < 0.55:  # no 本院认为: straight from the findings to the holding
            t.add(f"经查，被执行人暂无财产可供执行，申请执行人同意终结本次执行程序。{law}，裁定如下：")
            t.add("本次执行程序终结。")
        elif style < 0.75:
            t.add(f"本院认为，被执行人无可供执行的财产，本案应终结本次执行程序。{law}，裁定如下：")
            t.add(f"终结{number}案件的本次执行程序。")
        else:  # no holding cue at all
            t.add(f"经查，被执行人名下无可供执行的财产。现{law}，裁定终结本次执行程序。")
        t.add("申请执行人发现被执行人有可供执行财产的，可以再次申请执行。")

    def unit_crime(self, *, firm: Firm, day: date, charge: str, facts: str, kind: str) -> None:
        area = firm.place
        rep = self.pop.legal_rep(firm.key, day)
        t = _Text()
        number = self.case_number(day.year, area.court_code, "刑初", area)
        procuratorate = f"{area.city}市{area.district}人民检察院"
        t.add(area.court)
        t.add("刑事判决书")
        t.add(number)
        t.add(f"{self.role('公诉机关')}{procuratorate}。")
        t.add(f"{self.role('被告单位')}{firm.name}，住所地{self.address(area)}，统一社会信用代码{firm.uscc}。")
        t.add(f"{self.role('诉讼代表人')}{self.person_name()}，该公司员工。")
        self.person_entry(t, "被告人", rep, area)
        t.add(f"{self.role('辩护人')}{self.lawyer()}。")
        brought = day - timedelta(days=self.rng.randint(30, 120))
        t.add(f"{procuratorate}以{area.abbreviation}检刑诉〔{brought.year}〕{self.rng.randint(10, 999)}号起诉书指控被告单位"
              f"{firm.name}、被告人{rep.name}犯{charge}，于{brought.year}年{brought.month}月{brought.day}日向本院提起公诉。"
              "本院依法组成合议庭，公开开庭审理了本案。现已审理终结。")
        gain = self.rng.randint(30, 900) * 10_000
        t.add(f"经审理查明：被告单位{firm.name}在经营期间，{facts}，涉案金额共计{self.money(t, gain)}。")
        t.add(f"本院认为，被告单位{firm.name}{facts}，其行为已构成{charge}。被告人{rep.name}系被告单位直接负责的主管人员，"
              f"亦应以{charge}追究其刑事责任。依照《中华人民共和国刑法》第三十条、第三十一条之规定，判决如下：")
        unit_fine = self.rng.choice((20, 50, 100, 200)) * 10_000
        person_fine = self.rng.choice((5, 10, 20)) * 10_000
        chinese = self.looks.random() < 0.5
        t.add(f"一、被告单位{firm.name}犯{charge}，判处罚金{self.money(t, unit_fine, chinese=chinese, rmb=True)}。")
        t.add("（罚金于本判决生效后十日内缴纳。）")
        t.add(f"二、被告人{rep.name}犯{charge}，判处有期徒刑二年，缓刑三年，并处罚金"
              f"{self.money(t, person_fine, chinese=chinese, rmb=True)}。")
        t.add("如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向"
              f"{area.city_court}提出上诉。")
        self.signature(t, day)
        financing = kind == "FinancingCrime"
        self.emit("criminal-judgment", t, {
            "case_number": number, "court": area.court, "document_type": "刑事判决书", "date": day.isoformat(),
            "parties": [[procuratorate, "prosecutor"], [firm.name, "accused-unit"], [rep.name, "accused"]],
            "charges": [charge], "ordered": [[firm.name, str(unit_fine)], [rep.name, str(person_fine)]],
            "outcome": "convicted", "financing": financing, "codes": [[firm.name, firm.uscc]]},
            [{"kind": kind, "subject": firm.key, "subject_type": "firm", "valid_from": day.isoformat()},
             {"kind": kind, "subject": self._person_key(rep), "subject_type": "person", "valid_from": day.isoformat()}])

    def _person_key(self, person: Person) -> str:
        return next(k for k, p in self.pop.persons.items() if p is person)

    def frivolous_decision(self, *, firm: Firm, other: Firm, day: date) -> None:
        area = firm.place
        t = _Text()
        number = self.case_number(day.year, area.court_code, "民初", area)
        earlier = self.case_number(day.year, area.court_code, "民初", area)
        t.add(area.court)
        t.add("民事决定书")
        t.add(number)
        rep = self.firm_entry(t, "被罚款人", firm, day)
        t.add(f"本院在审理{firm.name}与{other.name}民间借贷纠纷一案〔{earlier}〕中查明：{firm.name}与{other.name}之间"
              f"并无真实的借贷关系，{firm.name}伪造借条，虚构借款{self.money(t, self.rng.randint(50, 500) * 10_000)}，"
              "向本院提起民事诉讼。")
        t.add(f"本院认为，{firm.name}以捏造的事实提起民事诉讼，妨碍民事诉讼，构成虚假诉讼。依照《中华人民共和国民事诉讼法》"
              "第一百一十五条之规定，决定如下：")
        fine = self.rng.choice((5, 10, 20, 50)) * 10_000
        t.add(f"对{firm.name}罚款{self.money(t, fine, rmb=True)}。")
        t.add(f"如不服本决定，可以在收到决定书之日起三日内，向{area.city_court}申请复议一次。复议期间，不停止本决定的执行。")
        self.signature(t, day, judges=3)
        self.emit("frivolous-decision", t, {
            "case_number": number, "court": area.court, "document_type": "民事决定书", "date": day.isoformat(),
            "parties": [[firm.name, "sanctioned"]], "charges": [], "ordered": [[firm.name, str(fine)]],
            "outcome": "sanctioned", "financing": False, "legal_representatives": [[firm.name, rep]],
            "codes": [[firm.name, firm.uscc]]},
            [{"kind": "FrivolousLitigation", "subject": firm.key, "subject_type": "firm", "valid_from": day.isoformat()}])

    def mediation(self, *, firm: Firm, creditor: Firm, day: date) -> None:
        area = firm.place
        t = _Text()
        number = self.case_number(day.year, area.court_code, "民初", area)
        t.add(area.court)
        t.add("民事调解书")
        t.add(number)
        rep1 = self.firm_entry(t, "原告", creditor, day)
        rep2 = self.firm_entry(t, "被告", firm, day)
        cause = self.rng.choice(_SALE_CAUSES)
        t.add(f"原告{creditor.name}与被告{firm.name}{cause}一案，本院于{day.year}年{day.month}月立案后，依法适用简易程序进行了审理。")
        total = self.rng.randint(5, 300) * 1000
        t.add(f"原告{creditor.name}向本院提出诉讼请求：判令被告支付款项{self.money(t, total)}。")
        t.add("本案审理过程中，经本院主持调解，双方当事人自愿达成如下协议：")
        part = total // 2
        t.add(f"一、被告{firm.name}于{day.year}年{day.month}月底前支付原告{creditor.name}{self.money(t, part)}；")
        fee = max(25, total // 200)
        t.add(f"二、案件受理费减半收取计{self.money(t, fee)}，由被告{firm.name}负担。")
        t.add("上述协议，不违反法律规定，本院予以确认。本调解书经双方当事人签收后，即具有法律效力。")
        self.signature(t, day, judges=1)
        self.emit("mediation", t, {
            "case_number": number, "court": area.court, "document_type": "民事调解书", "date": day.isoformat(),
            "parties": [[creditor.name, "plaintiff"], [firm.name, "defendant"]], "charges": [],
            "ordered": [[firm.name, str(part)], [firm.name, str(fee)]], "outcome": "mediated", "financing": False,
            "legal_representatives": [[creditor.name, rep1], [firm.name, rep2]],
            "codes": [[creditor.name, creditor.uscc], [firm.name, firm.uscc]]}, [])

    def withdrawal(self, *, firm: Firm, person: Person, day: date) -> None:
        area = firm.place
        t = _Text()
        number = self.case_number(day.year, area.court_code, "民初", area)
        t.add(area.court)
        t.add("民事裁定书")
        t.add(number)
        rep = self.firm_entry(t, "原告", firm, day)
        self.person_entry(t, "被告", person, area)
        t.add(f"{self.role('第三人')}{self.person_name()}，男，住{self.address(area)}。")
        third = t.paragraphs[-1].split("：" if "：" in t.paragraphs[-1] else "第三人")[1].split("，")[0]
        t.add(f"原告{firm.name}与被告{person.name}、第三人{third}租赁合同纠纷一案，本院于{day.year}年{day.month}月立案。"
              f"原告{firm.name}于{day.year}年{day.month}月{day.day}日向本院提出撤诉申请。")
        t.add("本院认为，原告撤诉的申请符合法律规定。依照《中华人民共和国民事诉讼法》第一百四十八条之规定，裁定如下：")
        t.add(f"准许原告{firm.name}撤回起诉。")
        fee = self.rng.randint(2, 40) * 50
        t.add(f"案件受理费{self.money(t, fee * 2)}，减半收取计{self.money(t, fee)}，由原告{firm.name}负担。")
        self.signature(t, day, judges=1)
        self.emit("civil-ruling", t, {
            "case_number": number, "court": area.court, "document_type": "民事裁定书", "date": day.isoformat(),
            "parties": [[firm.name, "plaintiff"], [person.name, "defendant"], [third, "third-party"]], "charges": [],
            "ordered": [[firm.name, str(fee * 2)], [firm.name, str(fee)]], "outcome": "withdrawn", "financing": False,
            "legal_representatives": [[firm.name, rep]], "codes": [[firm.name, firm.uscc]]}, [])

    def appeal(self, *, firm: Firm, bank: tuple[str, str], day: date, first: str) -> None:
        area = firm.place
        t = _Text()
        number = self.case_number(day.year, area.city_court_code, "民终", area)
        t.add(area.city_court)
        t.add(self.title("民事判决书"))
        t.add(number)
        rep = self.firm_entry(t, "上诉人（原审被告）", firm, day)
        t.add(f"{self.role('被上诉人（原审原告）')}{bank[0]}，住所地{self.address(area)}。统一社会信用代码{bank[1]}。")
        brep = self.person_name()
        t.add(f"{self.role('负责人')}{brep}，行长。")
        t.add(f"上诉人{firm.name}因与被上诉人{bank[0]}金融借款合同纠纷一案，不服{area.court}{first}民事判决，向本院提起上诉。"
              "本院立案后，依法组成合议庭审理了本案。本案现已审理终结。")
        t.add("本院经审理查明，一审法院认定的事实属实，本院予以确认。")
        t.add("本院认为，上诉人的上诉请求不能成立，一审判决认定事实清楚，适用法律正确，应予维持。依照《中华人民共和国"
              "民事诉讼法》第一百七十七条第一款第一项之规定，判决如下：")
        t.add("驳回上诉，维持原判。")
        fee = self.rng.randint(10, 400) * 10
        t.add(f"二审案件受理费{self.money(t, fee)}，由上诉人{firm.name}负担。")
        t.add("本判决为终审判决。")
        self.signature(t, day)
        self.emit("appeal-judgment", t, {
            "case_number": number, "court": area.city_court, "document_type": "民事判决书", "date": day.isoformat(),
            "parties": [[firm.name, "appellant"], [firm.name, "defendant"], [bank[0], "appellee"], [bank[0], "plaintiff"]],
            "charges": [], "ordered": [[firm.name, str(fee)]], "outcome": "appeal dismissed", "financing": True,
            "legal_representatives": [[firm.name, rep], [bank[0], brep]],
            "codes": [[firm.name, firm.uscc], [bank[0], bank[1]]]}, [])

    # -- the plan ------------------------------------------------------------------------------
    def party_of(self, record: Record) -> dict:
        if record.subject_type == "person":
            person = self.pop.persons[record.subject]
            return {"type": "person", "name": person.name, "person": person}
        firm = self.firms[record.details["firm"]]
        return {"type": "firm", "name": firm.name, "firm": firm}

    def write(self) -> list[JudgmentDocument]:
        pop, rng = self.pop, self.rng
        dishonest = sorted((r for r in pop.records if r.kind == "DishonestJudgmentDebtor"), key=lambda r: r.key)
        listed_firms = {r.details["firm"] for r in pop.records if r.subject_type == "firm"
                        and r.kind == "DishonestJudgmentDebtor"}
        # the judgments the dishonest-list entries enforce: facts, not defaults
        for record in dishonest:
            d = record.details
            area = AREA_BY_CODE[self.firms[d["firm"]].area] if record.subject_type == "firm" else \
                next(a for a in AREAS if a.court == d["court"])
            year = int(d["basis_number"][1:5])
            last = min(d["filed_on"] - timedelta(days=20), date(year, 12, 31))
            day = self.day(date(year, 1, 1), last) if last >= date(year, 1, 1) else date(year, 1, 1)
            appeal = "民终" in d["basis_number"]
            court = area.city_court if appeal else area.court
            principal = _sum_in(d["duty"]) or rng.randint(20, 900) * 1000
            creditor = rng.choice([f for f in pop.firms if f.key != d.get("firm")])
            financing = rng.random() < 0.4
            plaintiff = ({"type": "bank", **dict(zip(("name", "uscc"), self.bank(area)))} if financing else
                         {"type": "firm", "name": creditor.name, "firm": creditor})
            number = self.brackets(year, d["basis_number"][6:])
            self.civil_judgment(court=court, court_code=area.court_code, area=area, day=day, plaintiff=plaintiff,
                                defendant=self.party_of(record), cause="金融借款合同纠纷" if financing else "买卖合同纠纷",
                                principal=principal, number=number, financing=financing)
        worst = max(pop.firms, key=lambda f: (_points_lost(pop, f), f.key))
        unlisted = [f for f in pop.firms if f.key not in listed_firms and f.key != worst.key]
        rng.shuffle(unlisted)
        n = len(pop.firms)
        plan = [(worst, True)] + [(f, True) for f in unlisted[:max(1, n // 100)]]
        plan += [(f, False) for f in unlisted[max(1, n // 100):max(1, n // 100) + max(2, n // 60)]]
        used = {f.key for f, _ in plan}
        for firm, financing in plan:
            self.default_case(firm, financing, recent=firm is worst)
        rest = [f for f in unlisted if f.key not in used]
        crimes = rest[:max(1, n // 100)]
        for firm in crimes:
            charge, facts = rng.choice(_FINANCING_CRIMES)
            self.unit_crime(firm=firm, day=self.record_day(firm), charge=charge, facts=facts, kind="FinancingCrime")
        others = rest[len(crimes):len(crimes) + max(1, n // 100)]
        for firm in others:
            charge, kind, facts = rng.choice(_UNIT_CRIMES)
            self.unit_crime(firm=firm, day=self.record_day(firm), charge=charge, facts=facts, kind=kind)
        pool = rest[len(crimes) + len(others):]
        for firm in pool[:max(1, n // 150)]:
            self.frivolous_decision(firm=firm, other=rng.choice(pop.firms), day=self.record_day(firm))
        pool = pool[max(1, n // 150):]
        if len(pool) >= 6:
            self.mediation(firm=pool[0], creditor=pool[1], day=self.record_day(pool[0]))
            self.withdrawal(firm=pool[2], person=rng.choice(list(pop.persons.values())), day=self.record_day(pool[2]))
            area = pool[3].place
            first = self.civil_judgment(
                court=area.court, court_code=area.court_code, area=area, day=self.record_day(pool[3]),
                plaintiff={"type": "bank", **dict(zip(("name", "uscc"), self.bank(area)))},
                defendant={"type": "firm", "name": pool[3].name, "firm": pool[3]}, cause="金融借款合同纠纷",
                principal=rng.randint(100, 2000) * 1000, financing=True,
                guarantor=self.pop.legal_rep(pool[3].key, self.as_of))
            bank = self.bank(area)
            self.appeal(firm=pool[3], bank=bank, day=min(self.as_of, self.record_day(pool[3]) + timedelta(days=200)),
                        first=first)
            self.default_case(pool[4], financing=False, completed=True)
        return self.docs

    def record_day(self, firm: Firm) -> date:
        return self.day(max(date(2018, 1, 1), firm.founded + timedelta(days=400)), self.as_of - timedelta(days=10))

    def default_case(self, firm: Firm, financing: bool, completed: bool = False, recent: bool = False) -> None:
        """A civil judgment against the firm, then the enforcement ruling on it (``recent``: within
        the last three years, so that it counts on as_of)."""
        area = firm.place
        ruling = self.day(self.as_of - timedelta(days=1000), self.as_of - timedelta(days=30)) if recent \
            else self.record_day(firm)
        judged = ruling - timedelta(days=self.rng.randint(120, 400))
        if financing:
            name, uscc = self.bank(area)
            applicant: dict[str, Any] = {"type": "bank", "name": name, "uscc": uscc}
            cause = "金融借款合同纠纷"
        else:
            creditor = self.rng.choice([f for f in self.pop.firms if f.key != firm.key])
            applicant = {"type": "firm", "name": creditor.name, "firm": creditor}
            cause = self.rng.choice(_SALE_CAUSES)
        debtor = {"type": "firm", "name": firm.name, "firm": firm}
        principal = self.rng.randint(30, 2000) * 1000
        basis = self.civil_judgment(court=area.court, court_code=area.court_code, area=area, day=judged,
                                    plaintiff=applicant, defendant=debtor, cause=cause, principal=principal,
                                    financing=financing)
        kind = "FinancingJudgmentDefault" if financing else "JudgmentDefault"
        records = [] if completed else [{"kind": kind, "subject": firm.key, "subject_type": "firm",
                                         "valid_from": ruling.isoformat()}]
        self.enforcement_ruling(area=area, day=ruling, applicant=applicant, debtor=debtor, cause=cause, basis=basis,
                                basis_court=area.court, unpaid=principal, financing=financing, completed=completed,
                                records=records)


#: Roughly what each kind of firm record costs under the shipped rubric (all-or-nothing
#: indicators once; per-record ones per record, capped), to find the demo's worst firm.
_COST = {"SeriousDishonest": ("list", 120), "DishonestJudgmentDebtor": ("list", 120),
         "AbnormalOperation": ("abnormal", 20), "AbnormalTaxpayer": ("taxpayer", 20),
         "DebtEvasion": ("debt", 15), "OverseasEquityUnregistered": ("equity", 10),
         "SocialInsuranceArrears": ("social insurance", 30), "TaxArrears": ("tax", 30), "MajorTaxViolation": ("tax", 30),
         "SpotCheckFailure": ("spot check", 30), "SafetyHazard": ("hazard", 30),
         "EnvironmentalViolation": ("environment", 30), "AdministrativeEnforcement": ("enforcement", 60),
         "CommitmentBreach": ("commitment", 20), "OtherNonCompliance": ("other", 30)}
_PER_RECORD = {"AdministrativePenalty": (30, 90), "RedList": (-60, -60), "Honour": (-20, -60),
               "Donation": (-15, -35), "VolunteerService": (-10, -30)}


def _points_lost(pop: Population, firm: Firm) -> int:
    """Points the firm's own records in force on as_of cost it (gains count negative)."""
    lost: dict[str, int] = {}
    for r in pop.records:
        if r.subject_type != "firm" or r.details.get("firm") != firm.key or not r.counts \
                or not r.active_on(pop.as_of):
            continue
        if r.kind in _COST:
            group, points = _COST[r.kind]
            lost[group] = points
        elif r.kind in _PER_RECORD:
            each, cap = _PER_RECORD[r.kind]
            total = lost.get(r.kind, 0) + each
            lost[r.kind] = max(total, cap) if each < 0 else min(total, cap)
    return sum(lost.values())


def _sum_in(duty: str) -> int | None:
    import re

    m = re.search(r"(\d+)元", duty)
    return int(m.group(1)) if m else None


def write_html_judgment(path: Path, title: str, paragraphs: list[str]) -> None:
    """A court-website page: the judgment's paragraphs in a content div, no tables."""
    body = "\n".join(f'    <p style="text-indent:2em">{html.escape(p)}</p>' for p in paragraphs)
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
            f'</head>\n<body>\n<div class="nav">首页 &gt; 裁判文书</div>\n<div class="content">\n{body}\n</div>\n'
            f'<div class="footer">本文书仅供参考</div>\n</body>\n</html>\n')
    path.write_bytes(page.encode("utf-8"))


def write_pdf_judgment(path: Path, paragraphs: list[str]) -> None:
    """The judgment as the court prints it, with STSong-Light (pdfplumber reads it back exactly)."""
    from xml.sax.saxutils import escape

    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from .writers import PDF_FONT

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    title = ParagraphStyle("t", fontName=PDF_FONT, fontSize=16, leading=24, alignment=TA_CENTER)
    text = ParagraphStyle("p", fontName=PDF_FONT, fontSize=11, leading=18, firstLineIndent=22, wordWrap="CJK")
    story: list[Any] = []
    for i, p in enumerate(paragraphs):
        story.append(Paragraph(escape(p), title if i < 3 else text))
        if i == 2:
            story.append(Spacer(1, 8))
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title="judgment", author="cscs.sample",
                            creator="cscs.sample", producer="cscs.sample")
    doc.build(story)


def write_judgments(out_dir: Path, population: Population, seed: int) -> list[JudgmentDocument]:
    """Write the judgments into ``out_dir/judgments`` and say what each one means."""
    folder = Path(out_dir) / "judgments"
    folder.mkdir(parents=True, exist_ok=True)
    return _Writer(population, folder, seed).write()
