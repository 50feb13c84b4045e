"""The listed firms' own documents: annual reports, charters and exchange JSON.

Annual reports come as text in the layout ``pdftotext -layout`` gives (pages split by
form feeds, the firm's name and report title on top of every page, page numbers,
columns separated by runs of spaces) for most firms and as PDF for a few. Both carry
what real reports do that extractors trip on: the officers' table broken over two
pages without its header, two-character names padded to three (``胡 湘``, ``胡　湘``),
posts wrapped onto a second line, posts stated only in a biography or only in the
table of other units, figures in 元 or 万元 with thousands separators.

Charters (公司章程) have a table of contents, the CSRC model's article allowing a party
organisation, for some firms a chapter on the party organisation, and a revision
record that may say when that chapter was added. Exchange JSON follows cninfo's
answers (opaque field codes), as in the real files in ``../shared/realdata``.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .listed import ListedFirm, Officer
from .listed_layouts import Layout, layout_of
from .writers import PDF_FONT

_EXCHANGE = {"6": "上海证券交易所", "0": "深圳证券交易所", "3": "深圳证券交易所"}
_HOLDER_CONTROL = {"地方国资管理机构": "地方国有控股", "中央国资管理机构": "中央国有控股", "境内自然人": "自然人控股",
                   "不存在": "不存在"}


# -- annual report content --------------------------------------------------------------------

def _money(value: Decimal, unit: Decimal) -> str:
    return f"{(value / unit):,.2f}"


def _padded(name: str, rng: random.Random) -> str:
    """Two-character names padded to three, as typeset tables do."""
    if len(name) != 2:
        return name
    return name[0] + rng.choice((" ", "\u3000", "  ")) + name[1]


def _day(value: date) -> str:
    return f"{value.year}年{value.month:02d}月{value.day:02d}日"


_DISTRACTORS = ("毕业于中国人民大学。", "兼任全国钢标准化技术委员会委员。", "曾任中国人民大学商学院教授。",
                "现任浙江省企业联合会副会长。", "兼任全国工商联执委。")


def _bio(officer: Officer, firm: ListedFirm, rng: random.Random, layout: Layout) -> str:
    """A biography; its wording varies from a stream of its own (sessions before the body,
    曾担任, the firm's own party secretary, words that name no party-state body)."""
    vary = random.Random(f"cscs.sample.listed.bio/{layout.family}/{firm.key}/{officer.key}")
    honorific = "先生" if officer.sex == "男" else "女士"
    posts = "、".join(layout.post(p) for p in officer.posts)
    if firm.soe and "董事长" in officer.posts and vary.random() < 0.5:
        posts = f"{layout.we}党委书记、{posts}"
    text = (f"{officer.name}{honorific}，{officer.born}年出生，中国国籍，无境外永久居留权，"
            f"{rng.choice(('本科', '硕士研究生', 'EMBA', '大专'))}学历。{officer.start.year}年起任职于"
            f"{'本行' if layout.bank else '本公司'}，"
            f"现任{layout.we}{posts}")
    bio_posts = [p for p in officer.body_posts if p.via in {"bio", "both"}]

    def words(post) -> str:
        if post.words.startswith("全国") and vary.random() < 0.5:
            return vary.choice(("十三届", "第十三届")) + post.words  # 十三届全国人大代表
        return post.words

    current = [words(p) for p in bio_posts if p.current]
    former = [p for p in bio_posts if not p.current]
    if current:
        text += "，" + "、".join(current)
    text += "。"
    for post in former:
        if rng.random() < 0.5:
            text += f"{vary.choice(('曾任', '曾担任'))}{words(post)}。"
        else:
            text += f"{officer.start.year - 6}年至{officer.start.year - 1}年任{words(post)}。"
    if vary.random() < 0.15:
        text += vary.choice(_DISTRACTORS)
    return text


@dataclass
class ReportContent:
    """What a report says, once; the text and the PDF typeset it differently."""

    front: list[str]
    info: list[str]
    governance: list[str]
    officer_header: list[str]
    officers: list[tuple[Officer, list[str]]]   # the officer and the row's cells
    groups: dict[int, str]                      # section rows: before the officer at this index
    bios: list[str]
    units: list[tuple[str, str, str, str, str]]  # name (first row only), unit, post, start, end
    remuneration: list[str]
    ownership: list[str]
    holder_header: list[str]
    holders: list[list[str]]
    control: list[str]
    balance_sheet: list[str]
    income_statement: list[str]
    layout: Layout


_UNITS = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "百万元": Decimal(1_000_000)}
_SUPERVISORS = {"监事会主席", "监事", "职工代表监事"}
_MANAGERS = {"副总经理", "财务总监", "董事会秘书"}


def _officer_rows(firm: ListedFirm, year: int, layout: Layout, rng: random.Random) -> list[tuple[Officer, list[str]]]:
    rows = []
    for officer in firm.officers:
        end = officer.end if officer.end else date(year + rng.randint(2, 3), officer.start.month, min(officer.start.day, 28))
        posts = layout.joiner.join(layout.post(p) for p in officer.posts)
        if not officer.current and layout.former_prefix:
            posts = "原" + posts
        status = "现任" if officer.current else "离任"
        name = _padded(officer.name, rng)
        if layout.family == "heldout3":
            rows.append((officer, [name, posts, officer.sex, str(year - officer.born), status,
                                   f"{officer.start.year}年{officer.start.month}月-{end.year}年{end.month}月"]))
        elif layout.family == "heldout2":
            rows.append((officer, [name, posts, officer.sex, str(officer.born), _day(officer.start), _day(end), "否"]))
        elif layout.family == "heldout":
            rows.append((officer, [name, officer.sex, str(year - officer.born), posts, status,
                                   f"{officer.start.year}.{officer.start.month:02d}-{end.year}.{end.month:02d}"]))
        else:
            rows.append((officer, [name, posts, status, officer.sex, str(year - officer.born), _day(officer.start),
                                   _day(end), "0", "0"]))
    return rows


def _groups(firm: ListedFirm, layout: Layout) -> dict[int, str]:
    """Section rows before the directors, the supervisors and the managers."""
    if not layout.groups:
        return {}
    words = {"heldout": ("董事会成员", "监事会成员", "高级管理人员"),
             "heldout2": ("（一）董事", "（二）监事", "（三）高级管理人员"),
             "heldout3": ("董事会", "监事会", "高级管理人员")}.get(layout.family, ("董事", "监事", "高级管理人员"))
    groups = {0: words[0]}
    first = [next((i for i, o in enumerate(firm.officers) if o.current and o.posts[0] in kind), None)
             for kind in (_SUPERVISORS, _MANAGERS)]
    for index, word in zip(first, words[1:]):
        if index is not None:
            groups[index] = word
    return groups


def _control(firm: ListedFirm, layout: Layout) -> list[str]:
    """What the report says about its controller, in the layout's form."""
    we, controller = layout.we, firm.controller or "无"
    nature = firm.controller_nature
    lines = [f"上述股东关联关系或一致行动的说明  {we}未知上述股东之间是否存在关联关系。", f"2、{we}控股股东情况"]
    if layout.control == "sentence":
        if layout.family == "heldout2":
            share = firm.holders[0].percent
            said = {"境内自然人": f"{we}实际控制人为{controller}，其直接持有{we}{share}%的股份。",
                    "不存在": f"{we}无控股股东，亦无实际控制人。"}.get(
                nature, f"{we}控股股东为{firm.holders[0].name}，{we}实际控制人为{controller}。")
        elif layout.family == "heldout":
            said = {"境内自然人": f"{we}的控股股东和实际控制人均为自然人{controller}。",
                    "不存在": f"报告期内{we}无控股股东和实际控制人。"}.get(
                nature, f"{we}控股股东为{firm.holders[0].name}，其实际控制人为{controller}。")
        else:
            honorific = "先生" if firm.officers[0].sex == "男" else "女士"
            said = {"境内自然人": f"{we}控股股东、实际控制人为{controller}{honorific}。",
                    "不存在": f"{we}不存在控股股东、实际控制人。"}.get(
                nature, f"{we}控股股东为{firm.holders[0].name}，实际控制人为{controller}。")
        return [*lines, "3、实际控制人情况", said]
    lines += [f"控股股东性质：{_HOLDER_CONTROL[nature]}", f"3、{we}实际控制人及其一致行动人"]
    if layout.control == "table":  # the CSRC form's table: its header names the columns, the values below
        return [*lines, "实际控制人姓名  与实际控制人关系  国籍  是否取得其他国家或地区居留权",
                f"{controller}  本人  中国  否"]
    label = "实际控制人姓名" if nature == "境内自然人" else "实际控制人名称"
    return [*lines, f"实际控制人性质：{nature}", f"{label}  {controller}"]


def _statements(firm: ListedFirm, year: int, layout: Layout) -> tuple[list[str], list[str]]:
    unit = _UNITS[layout.unit]
    equity, profit = firm.assets - firm.liabilities, firm.net_profit

    def money(value: Decimal) -> str:
        return _money(value, unit)

    stated = f"人民币{layout.unit}" if layout.bank else f"单位：{layout.unit}"
    total = "资产总计"
    if layout.family == "heldout2":
        stated, total = f"金额单位：人民币{layout.unit}", "资产总额"
    head = f"项目  {year}年12月31日  {year - 1}年12月31日"
    if layout.family == "heldout":  # the unit in the column header
        stated, head = f"编制单位：{firm.name}", f"项目  附注  {year}年12月31日（{layout.unit}）  {year - 1}年12月31日"
    balance = ["第十节 财务报告", "二、财务报表", "1、合并资产负债表", f"编制单位：{firm.name}", stated, head, "流动资产：",
               f"货币资金  {money(firm.assets * Decimal('0.18'))}  {money(firm.assets * Decimal('0.16'))}",
               f"流动资产合计  {money(firm.assets * Decimal('0.55'))}  {money(firm.assets * Decimal('0.5'))}",
               f"{total}  {money(firm.assets)}  {money(firm.assets * Decimal('0.9'))}", "流动负债：",
               f"流动负债合计  {money(firm.liabilities * Decimal('0.7'))}  {money(firm.liabilities * Decimal('0.6'))}",
               f"负债合计  {money(firm.liabilities)}  {money(firm.liabilities * Decimal('0.95'))}",
               f"所有者权益合计  {money(equity)}  {money(equity * Decimal('0.9'))}",
               f"负债和所有者权益总计  {money(firm.assets)}  {money(firm.assets * Decimal('0.9'))}"]
    income_head = f"项目  {year}年度  {year - 1}年度"
    if layout.family == "heldout":
        income_head = f"项目  附注  {year}年度（{layout.unit}）  {year - 1}年度"
    income = ["2、合并利润表", stated if layout.family != "heldout" else "", income_head,
              f"一、营业总收入  {money(firm.assets * Decimal('0.6'))}  {money(firm.assets * Decimal('0.55'))}",
              f"四、利润总额（亏损总额以“－”号填列）  {money(profit * Decimal('1.2'))}  {money(profit)}",
              f"五、净利润（净亏损以“－”号填列）  {money(profit)}  {money(profit * Decimal('0.9'))}",
              f"归属于母公司股东的净利润  {money(profit * Decimal('0.97'))}  {money(profit * Decimal('0.85'))}"]
    return balance, [line for line in income if line]


def report_content(firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> ReportContent:
    layout = layout or layout_of(firm, seed)
    rng = random.Random(f"cscs.sample.listed.report/{seed}/{firm.key}")
    chairman = firm.officers[0]
    officers = _officer_rows(firm, year, layout, rng)
    units = []
    for officer in firm.officers:
        entries = [(p.table_unit, p.table_post, p.current) for p in officer.body_posts if p.via in {"table", "both"}]
        if "董事长" in officer.posts:
            entries.insert(0, (f"{firm.short[:2]}投资有限公司", "执行董事", True))
        for index, (unit_text, post, current) in enumerate(entries):
            units.append((officer.name if index == 0 else "", unit_text, post, f"{officer.start.year - 3}年01月",
                          "-" if current else f"{year - 1}年12月"))
    header = {"heldout": ["姓名", "性别", "年龄", "职务", "任职状态", "任期起止日期"],
              "heldout2": ["姓名", "职务", "性别", "出生年份", "任期起始日期", "任期终止日期", "是否在公司关联方获取报酬"],
              "heldout3": ["姓名", "职务", "性别", "年龄", "任职状态", "任期"]}.get(
        layout.family, ["姓名", "职务", "任职状态", "性别", "年龄", "任期起始日期", "任期终止日期", "期初持股数（股）",
                        "期末持股数（股）"])
    holders_title = "截至报告期末前十名普通股股东持股情况" if layout.bank else "前10名股东持股情况"
    balance, income = _statements(firm, year, layout)
    return ReportContent(
        front=[firm.name, f"{year}年年度报告", f"{year + 1}年4月"],
        info=["第二节 公司简介和主要财务指标", "一、公司信息", f"股票简称  {firm.short}  股票代码  {firm.code}",
              f"股票上市证券交易所  {_EXCHANGE[firm.code[0]]}", f"公司的中文名称  {firm.name}",
              f"公司的中文简称  {firm.short}", f"公司的法定代表人  {chairman.name}", f"统一社会信用代码  {firm.uscc}",
              "二、主要会计数据和财务指标", f"项目  {year}年末  {year - 1}年末  本年末比上年末增减",
              f"总资产（元）  {_money(firm.assets, Decimal(1))}  {_money(firm.assets * Decimal('0.9'), Decimal(1))}  11.11%"],
        governance=["第四节 公司治理", "一、公司治理的基本状况",
                    f"{layout.we}严格按照《公司法》《证券法》等法律法规的要求，不断完善{layout.we}法人治理结构。",
                    "二、董事、监事和高级管理人员情况", "1、基本情况"],
        officer_header=header,
        officers=officers,
        groups=_groups(firm, layout),
        bios=[_bio(o, firm, rng, layout) for o in firm.officers if o.current],
        units=units,
        remuneration=["三、董事、监事、高级管理人员报酬情况", "董事、监事、高级管理人员报酬的决策程序：由股东大会审议决定。"],
        ownership=["第七节 股份变动及股东情况", "三、股东和实际控制人情况", "1、公司股东数量及持股情况",
                   f"报告期末普通股股东总数  {rng.randint(8000, 90000):,}", holders_title],
        holder_header=["股东名称", "股东性质", "持股比例", "报告期末持股数量", "报告期内增减变动情况",
                       "持有有限售条件的股份数量", "持有无限售条件的股份数量", "质押、标记或冻结情况"],
        holders=[[h.name, h.nature, f"{h.percent}" if layout.bank else f"{h.percent}%", f"{h.shares:,}", "0", "0",
                  f"{h.shares:,}", "-"] for h in firm.holders],
        control=_control(firm, layout),
        balance_sheet=balance,
        income_statement=income,
        layout=layout,
    )


def _text_rows(c: ReportContent, rng: random.Random) -> list[str]:
    """The officers' rows as ``pdftotext -layout`` gives them: a post cell may wrap after a
    separator, or be cut mid-word with its rest on an indented line under the post column
    (or its start above the row, where the layout centres the row on that cell)."""
    rows: list[str] = []
    for index, (officer, cells) in enumerate(c.officers):
        if index in c.groups:
            rows.append(c.groups[index])
        at = 3 if c.layout.family == "heldout" else 1  # the post column
        post = cells[at]
        indent = len("  ".join(cells[:at])) + 2
        if len(officer.posts) > 1 and c.layout.joiner == "、" and rng.random() < 0.3:
            head, _, rest = post.partition("、")
            rows.append("  ".join([*cells[:at], head + "、", *cells[at + 1:]]))
            rows.append(" " * indent + rest)
        elif len(post) > 2 and rng.random() < c.layout.wrap:
            cut = rng.randint(1, len(post) - 1)
            if rng.random() < 0.4:  # the row centred on its tallest cell: the cell's start above it
                rows.append(" " * indent + post[:cut])
                rows.append("  ".join([*cells[:at], post[cut:], *cells[at + 1:]]))
            else:
                rows.append("  ".join([*cells[:at], post[:cut], *cells[at + 1:]]))
                rows.append(" " * indent + post[cut:])
        else:
            rows.append("  ".join(cells))
    return rows


def _holder_rows(c: ReportContent, rng: random.Random) -> list[str]:
    """The top-ten rows; a long fund's name may wrap, its rest on the next line in the name column."""
    rows = []
    wrap = rng.random() < 0.4
    for holder in c.holders:
        name = holder[0]
        if wrap and len(name) > 16 and "－" in name:
            head, _, rest = name.partition("－")
            rows += ["  ".join([head + "－", *holder[1:]]), rest]
        else:
            rows.append("  ".join(holder))
    return rows


def report_pages(firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> list[list[str]]:
    """The report's pages as lines, in a text layout (the officers' table broken over two pages)."""
    c = report_content(firm, year, seed, layout)
    rng = random.Random(f"cscs.sample.listed.layout/{seed}/{firm.key}")
    rows = _text_rows(c, rng)
    split = max(3, int(len(rows) * rng.uniform(0.4, 0.7)))
    while split < len(rows) and rows[split].startswith(" "):
        split += 1  # a wrapped cell's rest stays with its row
    units = ["在其他单位任职情况",
             "任职人员姓名  其他单位名称  在其他单位担任的职务  任期起始日期  任期终止日期  在其他单位是否领取报酬津贴"]
    units += [f"{name or ' ' * 4}  {unit}  {post}  {start}  {stop}  否" for name, unit, post, start, stop in c.units]
    again = ["  ".join(c.officer_header)] if c.layout.repeat_header else []
    return [c.front, c.info, [*c.governance, "  ".join(c.officer_header), *rows[:split]],
            [*again, *rows[split:], "2、任职情况", "公司现任董事、监事、高级管理人员专业背景、主要工作经历以及目前在公司的主要职责",
             *c.bios, *units, *c.remuneration],
            [*c.ownership, "  ".join(c.holder_header), *_holder_rows(c, rng), *c.control],
            c.balance_sheet, c.income_statement]


def report_text(firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> str:
    """The report as ``pdftotext -layout`` would give it."""
    running = f"{firm.name}{year}年年度报告全文"
    text = "\f".join("\n".join([running, "", *lines, "", str(number)]) + "\n"
                     for number, lines in enumerate(report_pages(firm, year, seed, layout), start=1))
    if (layout or layout_of(firm, seed)).bank and int(firm.key[1:]) % 2:
        text = text.replace("行", "\u2f8f").replace("人", "\u2f08")  # a PDF producer's Kangxi radicals: 本⾏, ⼈民币
    return text


def write_report_pdf(path: Path, firm: ListedFirm, year: int, seed: int, layout: Layout | None = None) -> Path:
    """The same report typeset: ruled tables (the officers' table split over two pages, no
    repeated header), biographies as wrapped paragraphs, the running header on each page.
    The ``heldout3`` family sets another table: its own columns, posts without separators
    in a narrow column (so that they wrap mid-word), section rows, the header repeated."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    text = ParagraphStyle("t", fontName=PDF_FONT, fontSize=9, leading=14, wordWrap="CJK")
    cell = ParagraphStyle("c", fontName=PDF_FONT, fontSize=7.5, leading=9.5, wordWrap="CJK")
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONT", (0, 0), (-1, -1), PDF_FONT, 7.5),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    c = report_content(firm, year, seed, layout)

    def paras(lines: list[str]) -> list[Any]:
        return [Paragraph(escape(line).replace("  ", "&nbsp;&nbsp;"), text) for line in lines]

    def wrapped(value: str) -> Paragraph:
        return Paragraph(escape(value).replace("\n", "<br/>"), cell)

    story: list[Any] = [*paras(c.front), *paras(c.info), PageBreak(), *paras(c.governance)]
    story.append(Spacer(1, 380))  # the officers' table starts low on the page and breaks over to the next
    if c.layout.family == "heldout3":
        story.append(_heldout3_table(c, wrapped, grid))
    else:
        head = [wrapped(h) for h in ("姓名", "职务", "任职\n状态", "性别", "年龄", "任期起始\n日期", "任期终止\n日期")]
        rows = [[cells[0].replace("  ", " "), wrapped("\n".join(officer.posts)), *cells[2:7]]
                for officer, cells in c.officers]
        story.append(Table([head, *rows], repeatRows=0, style=grid, colWidths=[50, 90, 30, 28, 28, 80, 80]))
    story += paras(["2、任职情况", "公司现任董事、监事、高级管理人员专业背景、主要工作经历以及目前在公司的主要职责", *c.bios,
                    "在其他单位任职情况"])
    story.append(Table([["任职人员姓名", "其他单位名称", "在其他单位担任的职务", "任期起始日期", "任期终止日期"],
                        *[list(u) for u in c.units]], style=grid))
    story += [*paras(c.remuneration), PageBreak(), *paras(c.ownership)]
    story.append(Table([["股东名称", "股东性质", "持股比例（%）", "报告期末持股数量"],
                        *[[wrapped(h[0]), h[1], h[2].rstrip("%"), h[3]] for h in c.holders]],
                       style=grid, colWidths=[200, 80, 70, 100]))
    story += [*paras(c.control), PageBreak(), *paras(c.balance_sheet), PageBreak(), *paras(c.income_statement)]
    running = f"{firm.name}{year}年年度报告全文"

    def furniture(canvas: Any, doc: Any) -> None:
        canvas.setFont(PDF_FONT, 8)
        canvas.drawString(72, A4[1] - 40, running)
        canvas.drawCentredString(A4[0] / 2, 30, str(doc.page))

    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=running, author="cscs.sample",
                            creator="cscs.sample", producer="cscs.sample")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return path


def _heldout3_table(c: ReportContent, wrapped: Any, grid: Any) -> Any:
    from reportlab.platypus import Table

    rows: list[list[Any]] = [[wrapped(h) for h in c.officer_header]]
    spans = []
    for index, (officer, cells) in enumerate(c.officers):
        if index in c.groups:
            spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
            rows.append([c.groups[index]] + [""] * (len(c.officer_header) - 1))
        rows.append([cells[0].replace("  ", " ").replace("\u3000", " "), wrapped(cells[1]), *cells[2:]])
    table = Table(rows, repeatRows=1, colWidths=[48, 44, 28, 28, 34, 110])
    table.setStyle(grid)
    table.setStyle(spans)
    return table


# -- charters ------------------------------------------------------------------------------------

def charter_text(firm: ListedFirm, seed: int) -> str:
    rng = random.Random(f"cscs.sample.listed.charter/{seed}/{firm.key}")
    v = firm.charter_version
    chapters = ["总则", "经营宗旨和范围", "股份", "股东和股东大会"]
    party_title = rng.choice(("党的组织", "党委", "党建工作")) if firm.clause == "chapter" else None
    if party_title:
        chapters.append(party_title)
    chapters += ["董事会", "总经理及其他高级管理人员", "监事会", "财务会计制度、利润分配和审计", "附则"]
    numerals = "一二三四五六七八九十"
    lines = [f"{firm.name}章程", f"（{v.year}年{v.month}月修订）", "", "目  录"]
    lines += [f"第{numerals[i]}章 {title}" for i, title in enumerate(chapters)]
    lines.append("")
    article = 0

    def next_article(body: str) -> str:
        nonlocal article
        article += 1
        return f"第{_chinese(article)}条 {body}"

    for i, title in enumerate(chapters):
        lines.append(f"第{numerals[i]}章 {title}")
        if title == "总则":
            lines += [next_article(f"为维护{firm.name}（以下简称“公司”）、股东和债权人的合法权益，规范公司的组织和行为，"
                                   "根据《中华人民共和国公司法》和其他有关规定，制订本章程。"),
                      next_article(f"公司系依照《公司法》和其他有关规定成立的股份有限公司。公司在{firm.area.city}市市场监督管理局"
                                   f"注册登记，取得营业执照，统一社会信用代码为{firm.uscc}。"),
                      next_article(f"公司注册名称：{firm.name}")]
            if firm.clause in {"article", "chapter"}:
                lines.append(next_article("公司根据中国共产党章程的规定，设立共产党组织、开展党的活动。"
                                          "公司为党组织的活动提供必要条件。"))
        elif title == party_title:
            lines += [next_article(f"根据《中国共产党章程》规定，经上级党组织批准，设立中国共产党{firm.name}委员会。"
                                   "同时，根据有关规定，设立党的纪律检查委员会。"),
                      next_article("公司党委发挥领导作用，把方向、管大局、保落实，依照规定讨论和决定公司重大事项。")]
        else:
            lines += [next_article(f"本章规定公司{title}的有关事项。"), next_article("本章未尽事宜，依照法律法规办理。")]
    lines += ["", "附件：章程修订记录"]
    if firm.clause == "chapter" and firm.clause_year and rng.random() < 0.6:
        lines.append(f"{firm.clause_year}年{rng.randint(3, 11)}月  经{firm.clause_year}年第一次临时股东大会审议通过，"
                     f"增加第五章“{party_title}”")
    lines.append(f"{v.year}年{v.month}月  经股东大会审议通过，修订第十条")
    return "\n".join(lines) + "\n"


def _chinese(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


# -- exchange JSON ----------------------------------------------------------------------------------

def cninfo_executives(firm: ListedFirm, seed: int) -> dict:
    rng = random.Random(f"cscs.sample.listed.cninfo/{seed}/{firm.key}")
    records = [{"F002V": o.name, "F010V": o.sex, "F012V": str(o.born),
                "F017V": rng.choice(("本科", "硕士研究生", "博士研究生")), "F009V": ",".join(o.posts),
                "F005N": None, "F012N": None, "SEQID": 11000000000 + rng.randint(0, 999999999),
                "F001V": f"D{rng.randint(100000000, 999999999)}"} for o in firm.officers if o.current]
    return {"path": "/companyOverview/getCompanyExecutives", "code": 200,
            "data": {"total": len(records), "count": len(records), "resultMsg": "success", "resultCode": "200",
                     "records": records, "indexRecords": None},
            "params": {"stockCodeRequest": {"scode": firm.code}}}


def cninfo_introduction(firm: ListedFirm) -> dict:
    info = {"F032V": "制造业", "MARKET": "主板", "F003V": firm.officers[0].name, "F001V": "",
            "F005V": f"浙江省{firm.area.city}市{firm.area.district}", "ORGNAME": firm.name, "ASECCODE": firm.code,
            "ASECNAME": firm.short, "F006D": "2010-01-01"}
    return {"path": "/companyOverview/getCompanyIntroduction", "code": 200,
            "data": {"total": 1, "count": 1, "resultMsg": "success", "resultCode": "200",
                     "records": [{"basicInformation": [info], "listingInformation": []}], "indexRecords": None},
            "params": {"stockCodeRequest": {"scode": firm.code}}}


def write_json(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=4), encoding="utf-8")
    return path
