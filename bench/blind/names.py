"""Invented names and identifiers for the blind corpus.

The pools are written from general knowledge of how Chinese firms, people, courts and
state bodies are named, not from any document the extractors were tuned on, and no real
firm's name is used: every firm name is assembled from a stem and a trade, so a name that
happens to exist somewhere is a coincidence. Identifiers carry valid check characters
(GB 32100-2015, GB 11714) so that the codes are internally consistent: the organisation
code is characters 9-17 of the USCC.
"""
from __future__ import annotations

import random

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
DOUBLE_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆帅旭宁博文斐晨辰"
         "国建志海永春林荣锋振鹏飞毅哲瑞达恒立昊然蕾琳雯倩婷瑜晓冬雪梅松柏峰岩坤乾泽渊翔宏远卫东德")

STEMS = ("恒", "泰", "鑫", "瑞", "达", "康", "博", "远", "盛", "宏", "明", "正", "信", "德", "源", "汇", "通",
         "联", "和", "嘉", "昌", "隆", "丰", "晟", "禾", "曜", "钧", "澄", "岳", "弘", "璟", "铂", "沅", "翊")
TRADES = ("科技", "电气", "机械", "药业", "化工", "新材料", "电子", "环境", "建设", "物流", "食品", "纺织",
          "汽车部件", "能源", "智能装备", "精密制造", "生物医药", "光电", "传动", "水务", "交通发展", "港务")
PROVINCES = (("浙江", "33", ("杭州", "宁波", "温州", "绍兴", "湖州", "嘉兴", "金华", "台州")),
             ("江苏", "32", ("南京", "苏州", "无锡", "常州", "南通")),
             ("山东", "37", ("济南", "青岛", "烟台", "潍坊")),
             ("安徽", "34", ("合肥", "芜湖", "马鞍山")),
             ("四川", "51", ("成都", "绵阳", "宜宾")),
             ("湖南", "43", ("长沙", "株洲", "湘潭")),
             ("福建", "35", ("福州", "厦门", "泉州")))
AREA_CODES = {"33": "330106", "32": "320102", "37": "370102", "34": "340104", "51": "510104", "43": "430102",
              "35": "350102"}

UNIVERSITIES = ("浙江大学", "复旦大学", "中国人民大学", "南京大学", "中南财经政法大学", "西南财经大学", "上海交通大学")


def person(rng: random.Random, anonymise: bool = False) -> str:
    """A Chinese personal name: one or two given characters, now and then a double surname;
    anonymised court style (江某某, 江某) when asked."""
    surname = rng.choice(DOUBLE_SURNAMES) if rng.random() < 0.04 else rng.choice(SURNAMES)
    if anonymise:
        return surname + rng.choice(("某", "某某"))
    return surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))


DOTTED_FIRST = ("买买提", "艾力", "阿不都热合曼", "吐尔逊", "热依拉", "古丽娜尔", "努尔", "约翰", "大卫", "迈克尔",
                "彼得", "罗伯特", "安德鲁", "托马斯")
DOTTED_LAST = ("依明", "肉孜", "卡德尔", "阿布拉", "艾买提", "史密斯", "约翰逊", "布朗", "施密特", "威廉姆斯", "马丁")


def dotted_person(rng: random.Random) -> str:
    """A name written with the middle dot: a Uyghur or Kazakh name in Chinese characters, or a
    foreign director's name transliterated (约翰·史密斯), as reports print them."""
    return rng.choice(DOTTED_FIRST) + "·" + rng.choice(DOTTED_LAST)


def people(rng: random.Random, n: int, taken: set[str] | None = None) -> list[str]:
    """n distinct names, distinct also from the names in taken (one firm never has namesakes)."""
    seen = taken if taken is not None else set()
    out: list[str] = []
    while len(out) < n:
        name = person(rng)
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def org_code(body8: str) -> str:
    """The 9-character organisation code (GB 11714): 8 characters and their check character."""
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body8, ORG_WEIGHTS))
    check = 11 - total % 11
    return body8 + ("X" if check == 10 else "0" if check == 11 else str(check))


def uscc(rng: random.Random, area: str) -> str:
    """A valid 18-character USCC of an enterprise (91 + area + organisation code + check)."""
    body = "91" + area + org_code("".join(rng.choice("0123456789") for _ in range(8)))
    total = sum(USCC_ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def hyphenated_org_code(code: str) -> str:
    """The organisation code as older documents print it (55269853-1)."""
    return code[:8] + "-" + code[8]


def firm_name(rng: random.Random, trade: str | None = None, taken: set[str] | None = None) -> tuple[str, str, str]:
    """(legal name, short name, province code) of an invented joint-stock company."""
    seen = taken if taken is not None else set()
    while True:
        province, pcode, cities = rng.choice(PROVINCES)
        place = rng.choice((province, rng.choice(cities)))
        stem = "".join(rng.sample(STEMS, 2))
        what = trade or rng.choice(TRADES)
        name = f"{place}{stem}{what}股份有限公司"
        if name not in seen:
            seen.add(name)
            return name, stem + what[:2], pcode


def small_firm(rng: random.Random, taken: set[str] | None = None) -> tuple[str, str]:
    """(name, province code) of an invented limited company, the usual litigant."""
    seen = taken if taken is not None else set()
    kinds = ("贸易", "建材", "投资管理", "实业", "置业", "服装", "五金", "包装", "餐饮管理", "网络科技", "农业开发",
             "机电设备", "印染", "物资")
    while True:
        province, pcode, cities = rng.choice(PROVINCES)
        city = rng.choice(cities)
        form = rng.choice(("有限公司", "有限公司", "有限责任公司", "股份有限公司"))
        name = f"{city}{''.join(rng.sample(STEMS, 2))}{rng.choice(kinds)}{form}"
        if rng.random() < 0.1:
            name = f"{city}{''.join(rng.sample(STEMS, 2))}（集团）有限公司"
        if name not in seen:
            seen.add(name)
            return name, pcode


def stock_code(rng: random.Random, taken: set[str]) -> str:
    """A six-digit A-share code on one of the boards (600/601/603 Shanghai, 000/002/300 Shenzhen, 688)."""
    while True:
        code = rng.choice(("600", "601", "603", "000", "002", "300", "688")) + f"{rng.randrange(1000):03d}"
        if code not in taken:
            taken.add(code)
            return code


CN_DIGITS = "〇一二三四五六七八九"


def cn_year(year: int) -> str:
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def cn_number(n: int) -> str:
    """1-31 in Chinese numerals as a signature date writes them (十二, 二十五)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[units] if units else "")


def cn_date(year: int, month: int, day: int) -> str:
    return f"{cn_year(year)}年{cn_number(month)}月{cn_number(day)}日"
