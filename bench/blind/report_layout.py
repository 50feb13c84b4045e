"""How a publisher prints a report's facts: section numbering by year, officer tables with
columns in different orders, posts joined in different ways, former officers marked
in different ways, controller statements in all their forms, top-ten tables, biographies
and statements with their units. The output is a list of blocks that a renderer turns
into PDF, HTML or text; a block never changes a fact, only how it is printed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from bench.blind import names
from bench.blind.report_model import UNITS, Officer, Report
from bench.blind.variants import NEW_FORMS


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]  # a row of one cell is a section row (董事 / 监事 …)
    caption: str = ""
    repeat_header: bool = True  # header repeated after a page break
    grid: bool = True
    break_after: int | None = None  # page break after this row
    variant: bool = False  # laid out by a variant (officer_variant), recorded in the truth's layout notes


@dataclass
class Blocks:
    items: list[tuple[str, object]] = field(default_factory=list)
    notes: dict = field(default_factory=dict)  # how the layout printed the facts (never a fact)

    def heading(self, text: str) -> None:
        self.items.append(("heading", text))

    def para(self, text: str) -> None:
        self.items.append(("para", text))

    def table(self, table: Table) -> None:
        self.items.append(("table", table))

    def page(self) -> None:
        self.items.append(("page", None))


def _sections(year: int, we: str) -> dict[str, str]:
    """Section titles as the CSRC templates numbered them over the years."""
    if year <= 2014:
        return {"data": "第二节 公司简介", "key": "第三节 会计数据和财务指标摘要", "shares": "第六节 股份变动及股东情况",
                "officers": "第七节 董事、监事、高级管理人员和员工情况", "gov": "第八节 公司治理", "fin": "第十节 财务报告"}
    if year <= 2020:
        return {"data": "第二节 公司简介和主要财务指标", "key": "第二节 公司简介和主要财务指标",
                "shares": "第六节 普通股股份变动及股东情况" if year < 2018 else "第七节 股份变动及股东情况",
                "officers": "第八节 董事、监事、高级管理人员和员工情况", "gov": "第九节 公司治理",
                "fin": "第十一节 财务报告" if year < 2018 else "第十二节 财务报告"}
    return {"data": "第二节 公司简介和主要财务指标", "key": "第二节 公司简介和主要财务指标", "shares": "第七节 股份变动及股东情况",
            "officers": "第四节 公司治理", "gov": "第四节 公司治理", "fin": "第十节 财务报告"}


def _fmt_date(rng_style: int, iso: str | None, current: bool) -> str:
    if iso is None:
        return ("", "换届", "-", "至今")[rng_style % 4] if current else ""
    y, m, d = iso.split("-")
    return (f"{y}年{m}月{d}日", f"{y}-{m}-{d}", f"{y}.{int(m)}", f"{y}年{int(m)}月{int(d)}日")[rng_style % 4]


def _term_end(rng: random.Random, year: int) -> str:
    return f"{year + rng.randint(1, 3)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


JOINERS = ("、", "，", "、", "\n", "/", " ")


def post_cell(rng: random.Random, off: Officer, joiner: str, former_style: str) -> str:
    """The post cell: posts joined, or run together for the combinations banks print that way
    (董事长非执行董事, 执行董事副行长); a former officer's posts prefixed 原/前/离任 when the
    table has no status column."""
    texts = [p.text for p in off.posts]
    glued = len(texts) == 2 and rng.random() < 0.35 and any(t in ("非执行董事", "执行董事", "职工监事") for t in texts)
    cell = "".join(texts) if glued else joiner.join(texts)
    if not off.current and former_style == "prefix":
        cell = rng.choice(("原", "前", "离任")) + cell
    return cell


def officer_table(rng: random.Random, r: Report, v: random.Random | None = None) -> tuple[Table, list[Table]]:
    """The officer table in one of several column orders, and possibly a second table of
    those who left. v, the report's variant stream, now and then reorders the columns, drops
    the status column, joins posts otherwise and pads names (officer_variant)."""
    columns = rng.choice((
        ["姓名", "职务", "任职状态", "性别", "年龄", "任期起始日期", "任期终止日期", "期初持股数（股）", "期末持股数（股）"],
        ["姓名", "职务（注）", "性别", "年龄", "任期起始日期", "任期终止日期", "年初持股数", "年末持股数", "增减变动原因",
         "报告期内从公司获得的税前报酬总额（万元）"],
        ["姓名", "性别", "年龄", "职务", "任职状态", "任期起止日期", "持股数（股）"],
        ["姓名", "职务", "性别", "出生年份", "任期", "任职状态"],
        ["职务", "姓名", "性别", "年龄", "任期起始日期", "任期终止日期"],
    ))
    has_status = "任职状态" in columns
    former_style = "status" if has_status else rng.choice(("prefix", "table"))
    joiner = rng.choice(JOINERS)
    date_style = rng.randrange(4)
    sections = rng.random() < 0.4
    var = officer_variant(v, columns) if v is not None else None
    if var is not None:
        columns, joiner = var["columns"], var["joiner"]
        if "任职状态" not in columns and former_style == "status":
            former_style = v.choice(("prefix", "table"))  # type: ignore[union-attr]
    rows: list[list[str]] = []
    leavers: list[list[str]] = []

    def row_of(off: Officer) -> list[str]:
        cells = {"姓名": _padded(rng, off.name), "性别": off.sex, "年龄": str(off.age),
                 "出生年份": str(r.year - off.age), "任职状态": "现任" if off.current else "离任",
                 "任期起始日期": _fmt_date(date_style, off.start, True),
                 "任期终止日期": _fmt_date(date_style, off.end if not off.current else _term_end(rng, r.year), off.current),
                 "任期起止日期": f"{_fmt_date(date_style, off.start, True)}-{_fmt_date(date_style, off.end, off.current)}",
                 "任期": f"{off.start[:4]}.{int(off.start[5:7])}-{off.end[:4] + '.' + str(int(off.end[5:7])) if off.end else '换届'}",
                 "期初持股数（股）": f"{off.shares:,}", "期末持股数（股）": f"{off.shares:,}", "年初持股数": str(off.shares),
                 "年末持股数": str(off.shares), "增减变动原因": "-", "持股数（股）": f"{off.shares:,}" if off.shares else "-",
                 "报告期内从公司获得的税前报酬总额（万元）": f"{rng.uniform(20, 400):.2f}"}
        cells["职务"] = cells["职务（注）"] = post_cell(rng, off, joiner, former_style)
        if var is not None and var["pad"]:
            cells["姓名"] = _spaced(v, off.name)  # type: ignore[arg-type]
        return [cells[c] for c in columns]

    groups = (("董事", ("Chairman", "Director", "IndependentDirector")), ("监事", ("Supervisor",)),
              ("高级管理人员", ("GeneralManager", "SeniorManager")))
    placed: set[str] = set()
    for label, roles in groups:
        members = [o for o in r.officers if o.current and o.name not in placed and o.posts[0].role in roles]
        if sections and members:
            rows.append([rng.choice((label, f"一、{label}" if label == "董事" else label, f"{label}会成员"
                                     if label != "高级管理人员" else label))])
        for off in members:
            placed.add(off.name)
            rows.append(row_of(off))
    for off in r.officers:
        if off.name not in placed and off.current:
            rows.append(row_of(off))
    for off in r.officers:
        if not off.current:
            (leavers if former_style == "table" else rows).append(row_of(off))
    table = Table(columns, rows, repeat_header=rng.random() < 0.5, grid=rng.random() < 0.7,
                  break_after=rng.randint(3, max(4, len(rows) - 2)) if rng.random() < 0.6 else None)
    table.variant = var is not None
    if var is not None and var["break"]:
        table.break_after, table.repeat_header = v.randint(2, max(3, len(rows) - 2)), v.random() < 0.5  # type: ignore[union-attr]
    extra = []
    if leavers:
        extra.append(Table(columns, [["离任董事、监事和高级管理人员"]] + leavers if rng.random() < 0.5 else leavers,
                           caption="报告期内离任的董事、监事和高级管理人员", grid=table.grid))
    return table, extra


VARIANT_JOINERS = ("、", "，", "/", "", "、")


def officer_variant(v: random.Random, columns: list[str]) -> dict | None:
    """How a report outside the five common layouts prints its officer table (four in ten):
    its own column order (a column or two moved, the name first or second), no status column in some (the former
    officers then marked otherwise), posts joined by 、，/ or nothing, names spaced to a
    common width, a page break inside with the header repeated or not."""
    if v.random() >= 0.4:
        return None
    cols = list(columns)
    if "任职状态" in cols and v.random() < 0.5:
        cols.remove("任职状态")
    elif "任职状态" not in cols and v.random() < 0.3:
        cols.insert(v.randint(1, len(cols)), "任职状态")
    cols.remove("姓名")
    for _ in range(v.randint(1, 2)):  # a column or two moved, as one template differs from another
        cols.insert(v.randrange(len(cols)), cols.pop(v.randrange(len(cols))))
    cols.insert(v.choice((0, 0, 1)), "姓名")
    return {"columns": cols, "joiner": v.choice(VARIANT_JOINERS), "pad": v.random() < 0.6, "break": v.random() < 0.6}


def _spaced(v: random.Random, name: str) -> str:
    """A two-character name widened to three (王  伟, 王 伟, 王　伟); a dotted name kept as printed."""
    if len(name) == 2:
        return name[0] + v.choice(("  ", " ", "　", "　　")) + name[1]
    return name


def _padded(rng: random.Random, name: str) -> str:
    """Two-character names are padded to the width of three in many reports (胡  湘)."""
    if len(name) == 2 and rng.random() < 0.3:
        return name[0] + rng.choice(("  ", "　")) + name[1]
    return name


NATURE_WORDS = {"CentralStateController": "中央国资管理机构", "LocalStateController": "地方国资管理机构",
                "NaturalPersonController": "境内自然人", "NoController": "无实际控制人"}


def controller_blocks(rng: random.Random, r: Report, b: Blocks) -> None:
    """The controller section in the form the report's draw chose."""
    we = r.we
    b.heading(rng.choice(("四、控股股东及实际控制人情况", "（二）控股股东和实际控制人情况", "3 控股股东及实际控制人情况")))
    form = r.controller_form
    if form == "none":
        b.para(rng.choice((f"{we}不存在控股股东及实际控制人。", f"{we}无控股股东，无实际控制人。",
                           f"报告期内{we}股权结构分散，不存在控股股东，也不存在实际控制人。",
                           "□适用 √不适用\n公司不存在控股股东、实际控制人情况的特别说明：公司股权分散，无控股股东和实际控制人。")))
        return
    if r.controlling_holder and rng.random() < 0.6:
        b.heading("1 控股股东")
        if r.kind == "private":
            b.table(Table(["控股股东姓名", r.controlling_holder], [["国籍", "中国"], ["是否取得其他国家或地区居留权", "否"]]))
        else:
            b.table(Table(["名称", r.controlling_holder], [["单位负责人或法定代表人", names.person(rng)],
                                                           ["成立日期", f"{rng.randint(1995, 2012)}年{rng.randint(1, 12)}月"
                                                                        f"{rng.randint(1, 28)}日"],
                                                           ["主要经营业务", "国有资产经营管理，实业投资"]]))
    b.heading(rng.choice(("2 实际控制人情况", "（二）实际控制人情况", "实际控制人")))
    if rng.random() < 0.6:
        b.para(f"实际控制人性质：{NATURE_WORDS[r.controller_nature]}")
        b.para("实际控制人类型：" + ("自然人" if r.kind == "private" else "法人"))
    ctl = r.controller or ""
    if form in ("kv", "kv_person"):
        if form == "kv_person":
            b.table(Table(["实际控制人姓名", ctl], [["国籍", "中国"], ["是否取得其他国家或地区居留权", "否"],
                                                      ["主要职业及职务", f"{we}董事长"],
                                                      ["过去10年曾控股的境内外上市公司情况", "无"]]))
        else:
            b.table(Table([rng.choice(("实际控制人名称", "名称")), ctl],
                          [["单位负责人或法定代表人", names.person(rng)], ["成立日期", "2004年6月26日"],
                           ["主要经营业务", "依法履行出资人职责，监管所属企业的国有资产"]]))
    elif form in ("table", "table_person"):
        if form == "table_person":
            b.table(Table(["实际控制人姓名", "国籍", "是否取得其他国家或地区居留权"], [[ctl, "中国", "否"]]))
        else:
            b.table(Table(["实际控制人名称", "单位负责人或法定代表人", "成立日期", "主要经营业务"],
                          [[ctl, names.person(rng), "2004年6月26日", "国有资产监督管理"]]))
    else:
        holder = r.controlling_holder or ctl
        if r.kind == "private":
            title = "先生" if r.officers[0].sex == "男" else "女士"
            b.para(rng.choice((f"{we}控股股东、实际控制人为{ctl}{title}，报告期内未发生变化。",
                               f"{ctl}{title}直接持有{we}{r.holders[0].percent}%的股份，为{we}的控股股东、实际控制人。")))
        else:
            b.para(rng.choice((f"{we}控股股东为{holder}，实际控制人为{ctl}。",
                               f"{holder}持有{we}{r.holders[0].percent}%的股份，为{we}控股股东；{ctl}持有{holder}100%股权，为{we}实际控制人。",
                               f"截至报告期末，{we}的实际控制人为{ctl}，报告期内{we}实际控制人未发生变更。")))
    if rng.random() < 0.5:
        b.para("实际控制人通过信托或其他资产管理方式控制公司\n□适用 √不适用")


def holder_table(rng: random.Random, r: Report) -> Table:
    """Top ten shareholders: Shanghai, Shenzhen or bank column order."""
    layout = "bank" if r.kind == "bank" and rng.random() < 0.7 else rng.choice(("sh", "sz"))
    if layout == "sh":
        header = ["股东名称（全称）", "报告期内增减", "期末持股数量", "比例(%)", "持有有限售条件股份数量", "质押、标记或冻结情况",
                  "股东性质"]
        rows = [[h.name, "0", f"{h.shares:,}", f"{h.percent:.2f}", "0", "无", h.nature] for h in r.holders]
    elif layout == "sz":
        header = ["股东名称", "股东性质", "持股比例", "报告期末持股数量", "报告期内增减变动情况", "持有有限售条件的股份数量",
                  "持有无限售条件的股份数量", "质押或冻结情况"]
        rows = [[h.name, h.nature, f"{h.percent:.2f}%", f"{h.shares:,}", "-", "0", f"{h.shares:,}", "-"] for h in r.holders]
    else:
        header = ["股东名称", "股东性质", "持股比例(%)", "持股总数", "持有有限售条件股份数量", "质押、标记或冻结的股份数量"]
        rows = [[h.name, h.nature, f"{h.percent:.2f}", f"{h.shares:,}", "-", "-"] for h in r.holders]
    return Table(header, rows, caption="前十名股东持股情况" if rng.random() < 0.5 else "前10名股东持股情况",
                 grid=rng.random() < 0.7)


FORMER_WORDS = ("曾任", "曾担任", "历任", "先后担任")


def biography(rng: random.Random, r: Report, off: Officer) -> str:
    """A biography paragraph: birth, education, current posts with political ones, former posts;
    a university or a standards committee where a careless reader sees a state body."""
    title = "先生" if off.sex == "男" else "女士"
    posts = "、".join(p.text for p in off.posts)
    if off.party_secretary:
        posts = f"党委书记、{posts}"
    edu = f"{rng.choice(names.UNIVERSITIES)}{rng.choice(('经济学', '管理学', '工学', '法学'))}{rng.choice(('硕士', '博士', '学士'))}"
    if "university" in r.traps and rng.random() < 0.25:
        edu = f"毕业于中国人民大学{rng.choice(('财政金融学院', '法学院', '商学院'))}，{rng.choice(('研究生', '本科'))}学历"
    head = rng.choice((f"{off.name}{title}，{r.year - off.age}年出生，中国国籍，无境外永久居留权，{edu}。",
                       f"{off.name}，{off.sex}，{r.year - off.age}年{rng.randint(1, 12)}月生，{edu}，高级经济师。",
                       f"{off.name}{title}，{posts}。{r.year - off.age}年出生，{edu}。"))
    now = [p for p in off.bio_posts if p["current"]]
    before = [p for p in off.bio_posts if not p["current"]]
    current = f"现任{r.we}{posts}" if not head.endswith(f"{posts}。") else f"现任{r.we}{off.posts[0].text}"
    if now:
        current += "，" + "、".join(p["text"] for p in now)
    if "standards" in r.traps and rng.random() < 0.4:
        current += f"，兼任全国{rng.choice(('钢', '有色金属', '化学', '电工'))}标准化技术委员会委员"
    text = head + current + "。"
    history = [f"{names.small_firm(rng)[0]}{rng.choice(('总经理', '副总经理', '财务总监'))}"]
    if "former_university_post" in r.traps and rng.random() < 0.25:
        history.append("中国人民大学商学院副教授")
    for p in before:
        history.append(p["text"])
    rng.shuffle(history)
    if before and rng.random() < 0.4:
        p = before[0]
        y = r.year - rng.randint(6, 15)
        text += f"{y}年至{y + 5}年任{p['text']}。"
        history.remove(p["text"])
    if history:
        text += rng.choice(FORMER_WORDS) + "、".join(history) + "。"
    return text


def _money(value: float, unit: str) -> str:
    scaled = value / UNITS[unit]
    return f"{scaled:,.2f}" if unit in ("元", "万元", "亿元") else f"{round(scaled):,}"


def statements(rng: random.Random, r: Report, b: Blocks, sec: dict[str, str]) -> None:
    """The balance sheet and income statement, consolidated and (often) the parent's, with the
    unit in the caption, in the header, or in a currency line."""
    unit = r.unit
    prior = rng.uniform(0.8, 0.97)
    place = rng.choice(("caption", "header", "currency"))
    cur, prev = f"{r.year}年12月31日", f"{r.year - 1}年12月31日"
    unit_word = f"人民币{unit}" if rng.random() < 0.5 else unit

    def sheet(title: str, assets: float, liabilities: float, profit: float) -> None:
        eq = assets - liabilities
        b.heading(title)
        caption = ""
        header = ["项目", "附注", cur, prev]
        if place == "caption":
            caption = f"编制单位：{r.name}    单位：{unit}    币种：人民币"
        elif place == "header":
            header = ["项目", "附注", f"{cur}（{unit}）", f"{prev}（{unit}）"]
        else:
            caption = f"（货币单位：{unit_word}）" if rng.random() < 0.5 else f"单位：{unit_word}"
        eq_label = "股东权益合计" if r.kind == "bank" else rng.choice(("所有者权益（或股东权益）合计", "所有者权益合计", "股东权益合计"))
        lines = [("货币资金" if r.kind != "bank" else "现金及存放中央银行款项", assets * 0.12),
                 ("应收账款" if r.kind != "bank" else "发放贷款和垫款", assets * 0.31),
                 ("资产总计" if r.kind != "bank" or rng.random() < 0.5 else "资产总额", assets),
                 ("短期借款" if r.kind != "bank" else "吸收存款", liabilities * 0.4),
                 ("负债合计" if r.kind != "bank" or rng.random() < 0.5 else "负债总额", liabilities),
                 ("股本", eq * 0.2), ("未分配利润", eq * 0.35), (eq_label, eq),
                 ("负债和所有者权益（或股东权益）总计" if r.kind != "bank" else "负债及股东权益总计", assets)]
        rows = [[k, "", _money(v, unit), _money(v * prior, unit)] for k, v in lines]
        b.table(Table(header, rows, caption=caption, grid=rng.random() < 0.6))
        b.heading(title.replace("资产负债表", "利润表"))
        rows = [["一、营业总收入" if r.kind != "bank" else "一、营业收入", "", _money(assets * 0.18, unit), _money(assets * 0.17, unit)],
                ["三、利润总额", "", _money(profit * 1.2, unit), _money(profit * prior * 1.2, unit)],
                ["减：所得税费用", "", _money(profit * 0.2, unit), _money(profit * prior * 0.2, unit)],
                ["四、净利润（净亏损以“－”号填列）" if rng.random() < 0.5 else "五、净利润", "", _money(profit, unit),
                 _money(profit * prior, unit)]]
        b.table(Table(["项目", "附注", f"{r.year}年度", f"{r.year - 1}年度"], rows, caption=caption, grid=True))

    b.heading(sec["fin"])
    sheet("合并资产负债表", r.assets, r.liabilities, r.net_profit)
    if rng.random() < 0.5:
        sheet("母公司资产负债表", r.assets * 0.41, r.liabilities * 0.37, r.net_profit * 0.5)


def key_figures(rng: random.Random, r: Report, b: Blocks) -> None:
    """The summary of key figures near the front (归属于上市公司股东的净资产, not total equity)."""
    unit = rng.choice(("元", "万元")) if r.unit == "元" else r.unit
    b.para(f"单位：{unit}  币种：人民币" if rng.random() < 0.5 else f"（单位：人民币{unit}）")
    b.table(Table(["主要会计数据", f"{r.year}年", f"{r.year - 1}年", "本年比上年增减(%)"],
                  [["营业收入", _money(r.assets * 0.18, unit), _money(r.assets * 0.16, unit), "12.50"],
                   ["归属于上市公司股东的净利润", _money(r.net_profit * 0.93, unit), _money(r.net_profit * 0.8, unit), "16.25"],
                   ["总资产", _money(r.assets, unit), _money(r.assets * 0.9, unit), "11.11"],
                   ["归属于上市公司股东的净资产", _money((r.assets - r.liabilities) * 0.95, unit),
                    _money((r.assets - r.liabilities) * 0.85, unit), "11.76"]], grid=rng.random() < 0.6))


def layout(rng: random.Random, r: Report) -> Blocks:
    """All blocks of the report, in the order the templates put them."""
    b = Blocks()
    v = random.Random(r.layout_seed) if r.layout_seed else None
    sec = _sections(r.year, r.we)
    b.heading(r.name)
    b.para(f"{r.year}年年度报告" if rng.random() < 0.7 else f"{r.year} 年年度报告")
    b.para(rng.choice((f"公司代码：{r.code}    公司简称：{r.short}", f"证券代码：{r.code}    证券简称：{r.short}",
                       f"股票代码：{r.code}")))
    b.page()
    b.heading(sec["data"])
    b.table(Table(["股票简称", r.short, "股票代码", r.code],
                  [["公司的中文名称", r.name, "", ""], ["统一社会信用代码", r.uscc, "", ""],
                   ["法定代表人", r.officers[0].name, "", ""]], grid=rng.random() < 0.5))
    key_figures(rng, r, b)
    b.page()
    if r.kind != "private" and rng.random() < 0.7:
        b.para(f"{r.we}坚持党的领导，将党建工作要求写入公司章程，明确党委在公司法人治理结构中的法定地位，"
               f"党委发挥把方向、管大局、保落实的领导作用。")
    b.heading(sec["shares"])
    b.table(holder_table(rng, r))
    if v is not None and r.controller_form in NEW_FORMS:
        from bench.blind import control_forms  # imports this module's Blocks

        # the old form drawn and dropped: the main stream, and so every later report, stays as it was
        controller_blocks(rng, replace(r, controller_form=r.drawn_form), Blocks())
        control_forms.blocks(v, r, b)
    else:
        controller_blocks(rng, r, b)
    b.page()
    b.heading(sec["officers"])
    if r.year >= 2021:
        b.heading("五、董事、监事和高级管理人员的情况")
    b.heading(rng.choice(("（一）现任及报告期内离任董事、监事和高级管理人员持股变动及报酬情况", "1、基本情况", "持股变动情况及报酬情况")))
    table, extra = officer_table(rng, r, v)
    b.notes |= {"officer_columns": table.header, "officer_variant": table.variant,
                "officer_break": table.break_after is not None, "officer_header_repeated": table.repeat_header}
    b.table(table)
    for t in extra:
        b.table(t)
    b.heading(rng.choice(("（二）现任董事、监事、高级管理人员专业背景、主要工作经历", "任职情况", "主要工作经历")))
    for off in r.officers:
        if off.current:
            b.para(biography(rng, r, off))
    b.page()
    statements(rng, r, b, sec)
    return b
