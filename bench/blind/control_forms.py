"""The controller section in the newer forms (variants.NEW_FORMS), as blocks.

Each form imitates a family of real reports: banks with dispersed ownership state 本行无控股
股东、无实际控制人 in one line; a municipal commission that holds the shares itself is
both 控股股东 and 实际控制人 in one sentence; the CSRC template's "报告期内控股股东和实际
控制人未发生变更" is followed by a key-value table keyed 名称/姓名/实际控制人名称; state groups
name the ultimate controller on the line after the group, or only in the caption of the
ownership diagram (公司与实际控制人之间的产权及控制关系的方框图) whose boxes are lines of text.
"""
from __future__ import annotations

import random

from bench.blind import names
from bench.blind.report_layout import Blocks, Table
from bench.blind.report_model import Report
from bench.blind.variants import FAMILY_WORDS

HEADINGS = ("四、控股股东及实际控制人情况", "（二）控股股东和实际控制人情况", "3 控股股东及实际控制人情况",
            "五、控股股东及实际控制人变更情况", "（三）控股股东及实际控制人介绍")


def _title(r: Report, name: str) -> str:
    """先生/女士 after the chairman's name, nothing after anyone else's."""
    if r.officers and name == r.officers[0].name:
        return "先生" if r.officers[0].sex == "男" else "女士"
    return ""


def _colon(rng: random.Random) -> str:
    return rng.choice(("：", ":", "： ", ": "))


def blocks(rng: random.Random, r: Report, b: Blocks) -> None:
    """The section for r.controller_form, one of variants.NEW_FORMS."""
    we, form, ctls = r.we, r.controller_form, r.controllers
    b.heading(rng.choice(HEADINGS))
    if form == "none_bank":
        b.para(rng.choice(("本行无控股股东、无实际控制人。", "本行股权结构较为分散，本行无控股股东、无实际控制人。",
                           "报告期末，本行不存在控股股东及实际控制人。")))
    elif form == "none_short":
        b.heading(rng.choice(("实际控制人情况", "2、实际控制人情况")))
        b.para(rng.choice((f"{we}不存在实际控制人。", "无实际控制人", f"□适用 √不适用\n{we}不存在实际控制人情况的说明："
                                                                  f"{we}无实际控制人。")))
    elif form == "none_kv":
        b.para(f"实际控制人{_colon(rng)}无")
        b.para(rng.choice((f"{we}股权结构分散，不存在实际控制人。", f"报告期内，{we}无实际控制人。")))
    elif form in ("combined", "combined_state", "bank_combined"):
        _combined(rng, r, b)
    elif form == "family":
        _family(rng, r, b)
    elif form == "colon":
        key = rng.choice(("实际控制人", "实际控制人名称", "公司实际控制人")) if r.kind != "private" else \
            rng.choice(("实际控制人", "实际控制人姓名"))
        if r.controlling_holder and r.controlling_holder != ctls[0]:
            b.para(f"控股股东{_colon(rng)}{r.controlling_holder}")
        b.para(f"{key}{_colon(rng)}{ctls[0]}")
    elif form == "unchanged_kv":
        _unchanged_kv(rng, r, b)
    elif form == "state_line":
        b.para(f"{we}控股股东为{r.controlling_holder}，{r.controlling_holder}的实际控制人为")
        b.para(f"{ctls[0]}。")
    elif form == "diagram":
        _diagram(rng, r, b)


def _combined(rng: random.Random, r: Report, b: Blocks) -> None:
    we, ctl = r.we, r.controllers[0]
    title = _title(r, ctl)
    pct = r.holders[0].percent
    b.para(rng.choice((f"{we}控股股东、实际控制人均为{ctl}{title}。",
                       f"截至报告期末，{ctl}{title}持有{we}{pct}%股份，为{we}控股股东、实际控制人。",
                       f"{we}的控股股东和实际控制人为{ctl}{title}，报告期内未发生变化。",
                       f"{we}控股股东、实际控制人为{ctl}{title}。")))
    if r.kind == "private":
        b.table(Table(["姓名", ctl], [["国籍", "中国"], ["是否取得其他国家或地区居留权", "否"]]))


def _family(rng: random.Random, r: Report, b: Blocks) -> None:
    we, (first, second) = r.we, r.controllers[:2]
    word = rng.choice(FAMILY_WORDS)
    b.para(rng.choice((f"{we}控股股东为{first}{_title(r, first)}，实际控制人为{first}、{second}{word}。",
                       f"{we}实际控制人为{first}、{second}{word}，报告期内未发生变更。",
                       f"{first}与{second}系{word[0]}{word[1]}关系，二人为{we}的共同实际控制人。")))
    if rng.random() < 0.6:
        b.table(Table(["实际控制人姓名", "国籍", "是否取得其他国家或地区居留权", "主要职业及职务"],
                      [[first, "中国", "否", f"{we}董事长"], [second, "中国", "否", rng.choice(("无", f"{we}董事"))]]))


def _unchanged_kv(rng: random.Random, r: Report, b: Blocks) -> None:
    we, ctl = r.we, r.controllers[0]
    b.para(rng.choice((f"报告期内{we}控股股东、实际控制人未发生变更。", "报告期内控股股东和实际控制人未发生变更",
                       "报告期内实际控制人未发生变更。")))
    person = r.controller_nature == "NaturalPersonController"
    if r.controlling_holder and r.controlling_holder != ctl:
        b.heading(rng.choice(("1 控股股东", "（一）控股股东情况")))
        b.table(Table(["名称", r.controlling_holder], [["单位负责人或法定代表人", names.person(rng)],
                                                       ["主要经营业务", "国有资本投资、运营"]]))
    b.heading(rng.choice(("2 实际控制人", "（二）实际控制人情况")))
    key = rng.choice(("姓名", "实际控制人姓名")) if person else rng.choice(("名称", "实际控制人名称"))
    rows = ([["国籍", "中国"], ["是否取得其他国家或地区居留权", "否"], ["主要职业及职务", f"{we}董事长"]] if person else
            [["单位负责人或法定代表人", names.person(rng)], ["成立日期", f"{rng.randint(1988, 2006)}年{rng.randint(1, 12)}月"],
             ["主要经营业务", "根据授权，代表本级人民政府履行出资人职责"]])
    b.table(Table([key, ctl], rows, grid=rng.random() < 0.6))


def _diagram(rng: random.Random, r: Report, b: Blocks) -> None:
    """The ownership diagram as a text layer prints its boxes: one name a line, percentages
    between them; the controller is the top box and named nowhere else."""
    we, ctl = r.we, r.controllers[0]
    b.para(rng.choice(("公司与实际控制人之间的产权及控制关系的方框图", "5 公司与实际控制人之间的产权及控制关系的方框图",
                       "本行与实际控制人之间的产权及控制关系的方框图" if r.kind == "bank" else
                       "（三）公司与实际控制人之间的产权及控制关系")))
    chain = [ctl, "100%" if rng.random() < 0.5 else "90.00%", r.controlling_holder or "", f"{r.holders[0].percent}%", r.name]
    b.para("\n".join(x for x in chain if x))
    if rng.random() < 0.4:
        b.para(f"实际控制人通过信托或其他资产管理方式控制{we}\n□适用 √不适用")
