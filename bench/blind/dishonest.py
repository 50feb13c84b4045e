"""Dishonest-debtor list records (失信被执行人名单) of one firm under the codes the list prints
for it: the full USCC, a masked USCC (first ten and last four, or first four and last four),
the old organisation code with and without its hyphen (characters 9-17 of the USCC), and a
namesake firm whose code contradicts. The truth says which records are one firm.

Published as the Baidu/SPC JSON answer or as a CSV with Chinese headers (UTF-8 or GBK).
"""
from __future__ import annotations

import csv
import io
import json
import random

from bench.blind import names
from bench.blind.courts import COURTS, case_number

CODE_FORMS = ("full", "masked10", "masked4", "org_hyphen", "org_plain")
CONDUCT = ("有履行能力而拒不履行生效法律文书确定义务", "违反财产报告制度", "违反限制消费令",
           "以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行")


NEW_CODE_FORMS = ("masked_stars", "fullwidth", "lower", "trailing", "org_fullwidth", "masked10_fullwidth")


def fullwidth(text: str) -> str:
    """ASCII letters, digits and the hyphen as their full-width forms (９１３３…, －), as lists
    typed in a Chinese input method print them."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def card(code: str, form: str) -> str:
    """The firm's code as one list record prints it."""
    return {"full": code, "masked10": code[:10] + "****" + code[14:], "masked4": code[:4] + "****" + code[-4:],
            "org_hyphen": names.hyphenated_org_code(code[8:17]), "org_plain": code[8:17],
            "masked_stars": code[:4] + "*" * 10 + code[14:], "fullwidth": fullwidth(code), "lower": code.lower(),
            "trailing": code + "  ", "org_fullwidth": fullwidth(names.hyphenated_org_code(code[8:17])),
            "masked10_fullwidth": fullwidth(code[:10]) + "****" + fullwidth(code[14:])}[form]


def other_brackets(name: str) -> str:
    """The name with its brackets in the other width: （集团） and (集团) are one firm."""
    if "（" in name:
        return name.replace("（", "(").replace("）", ")")
    return name.replace("(", "（").replace(")", "）")


def _record(rng: random.Random, name: str, cardnum: str, rep: str, court: tuple) -> dict:
    year = rng.randint(2016, 2023)
    reg = f"{year}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    return {"iname": name, "cardNum": cardnum, "businessEntity": rep, "courtName": court[0], "areaName": court[3],
            "caseCode": case_number(rng, court, year, "执").replace("（", "(").replace("）", ")"),
            "gistId": case_number(rng, court, year - 1, "民初").replace("（", "(").replace("）", ")"),
            "gistUnit": court[0], "duty": f"支付货款{rng.randint(10, 900) * 1000}元及利息", "performance": "全部未履行",
            "disruptTypeName": rng.choice(CONDUCT), "regDate": reg,
            "publishDate": f"{year}年{int(reg[4:6]):02d}月{min(28, int(reg[6:]) + 3):02d}日", "partyTypeName": "1",
            "type": "失信被执行人名单", "age": "0", "sexy": ""}


def cluster(rng: random.Random, taken: set[str], variant: random.Random | None = None,
            earlier: list[dict] | None = None) -> tuple[list[dict], dict]:
    """The records of one firm and its namesake, shuffled, and their truth. variant, a stream
    of its own, adds records in the newer code and name forms (more_records); earlier, firms of
    files already written (name, uscc, rep, court), one of which may come back in this file;
    this file's firm is appended to it."""
    name, pcode = names.small_firm(rng, taken)
    if variant is not None and "（" not in name and name.endswith("有限公司") and not name.endswith("股份有限公司") \
            and variant.random() < 0.3:
        name = name[:-4] + "（集团）有限公司"  # a bracketed name, so that the bracket width can vary
        taken.add(name)
    code = names.uscc(rng, names.AREA_CODES[pcode])
    other = names.uscc(rng, names.AREA_CODES[pcode])
    rep = names.person(rng)
    province = next(p[0] for p in names.PROVINCES if p[1] == pcode)
    court = next((c for c in COURTS if c[3] == province), COURTS[0])
    forms = ["full"] + rng.sample(CODE_FORMS[1:], rng.randint(2, 4))
    records, labels = [], []
    for form in forms:
        r = _record(rng, name, card(code, form), rep, court)
        records.append(r)
        labels.append({"case": r["caseCode"], "entity": "firm", "form": form, "card": r["cardNum"]})
    namesake_form = rng.choice(("full", "org_hyphen", "masked10"))
    r = _record(rng, name, card(other, namesake_form), names.person(rng), rng.choice(COURTS))
    records.append(r)
    labels.append({"case": r["caseCode"], "entity": "namesake", "form": namesake_form, "card": r["cardNum"]})
    for _ in range(rng.randint(1, 2)):  # persons on the same page of the list
        person = names.person(rng)
        p = _record(rng, person, f"{rng.randint(110000, 659000)}{rng.randint(1955, 1999)}****{rng.randint(0, 9999):04d}",
                    "", court)
        p.update(partyTypeName="0", age=str(rng.randint(25, 70)), sexy=rng.choice(("男性", "女性")))
        records.append(p)
    order = list(range(len(records)))
    rng.shuffle(order)
    records = [records[i] for i in order]
    for lab in labels:
        lab |= {"name": name, "uscc": code if lab["entity"] == "firm" else other}
    if variant is not None:
        firm = {"name": name, "uscc": code, "rep": rep, "court": court}
        more_records(variant, records, labels, firm, list(earlier or []))
        if earlier is not None:
            earlier.append(firm)
    return records, {"set": "dishonest", "firm": name, "uscc": code, "namesake_uscc": other, "records": labels}


def more_records(v: random.Random, records: list[dict], labels: list[dict], firm: dict, earlier: list[dict]) -> None:
    """Records in the forms real lists mix (six in ten files): the firm's code full-width,
    lower-case, with trailing spaces, masked with stars in the middle, its organisation code
    full-width; its name with the brackets in the other width; and now and then a firm of an
    earlier file, back under another form of its code. Inserted at random places."""
    if v.random() >= 0.6:
        return
    adds = [(firm, "firm", f) for f in v.sample(NEW_CODE_FORMS, v.randint(1, 3))]
    if earlier and v.random() < 0.6:
        back = v.choice(earlier)
        adds.append((back, "returning", v.choice(CODE_FORMS + NEW_CODE_FORMS)))
    for who, entity, form in adds:
        printed = other_brackets(who["name"]) if v.random() < 0.5 else who["name"]
        r = _record(v, printed, card(who["uscc"], form), who["rep"], who["court"])
        records.insert(v.randint(0, len(records)), r)
        labels.append({"case": r["caseCode"], "entity": entity, "form": form, "card": r["cardNum"], "name": printed,
                       "uscc": who["uscc"]})


CSV_HEADERS = (("iname", "被执行人姓名/名称"), ("cardNum", "身份证号码/组织机构代码"), ("businessEntity", "法定代表人或者负责人姓名"),
               ("courtName", "执行法院"), ("areaName", "省份"), ("gistId", "执行依据文号"), ("regDate", "立案时间"),
               ("caseCode", "案号"), ("gistUnit", "做出执行依据单位"), ("duty", "生效法律文书确定的义务"),
               ("performance", "被执行人的履行情况"), ("disruptTypeName", "失信被执行人行为具体情形"),
               ("publishDate", "发布时间"))


def as_json(records: list[dict]) -> bytes:
    return json.dumps({"status": "0", "t": "", "data": [{"result": records, "dispNum": len(records)}]},
                      ensure_ascii=False, indent=1).encode("utf-8")


def as_csv(records: list[dict], encoding: str) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([h for _, h in CSV_HEADERS])
    for r in records:
        w.writerow([r[k] for k, _ in CSV_HEADERS])
    return buf.getvalue().encode(encoding)
