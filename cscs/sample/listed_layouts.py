"""How a generated annual report is laid out: the variations real publishers make.

Extractors tuned on one layout score 1.00 on it and fail elsewhere, so every report
draws its own layout, from a stream of its own (``cscs.sample.listed.layout/…``) so
that the population (officers, owners, records) and the analysis's numbers do not
change with it:

- post cells with or without separators (``董事、总经理`` / ``董事总经理``), cut over two
  lines of a text layout (``独立董`` / ``事`` under the post column), former officers as
  ``原独立董事``;
- section rows in the officers' table (``董事``, ``监事``, ``高级管理人员``), its header
  repeated or missing on the continuation page;
- statements in 元, 千元, 万元 or 百万元 (``人民币百万元`` in a line of its own);
- the controller in the CSRC key-value form, as a table whose header names the columns
  (``实际控制人姓名  与实际控制人关系 …``), or in a sentence (``公司控股股东为X，实际控制人为Y``);
- bank wording (``本行``, 行长, 前十名普通股股东, 人民币百万元), half of it in the Kangxi radicals
  some PDF producers write (``本⾏``, ``⼈民币``).

The ``heldout`` family is measured only, never tuned against (``bench/disclosure_accuracy.py``
generates it with another seed): another column order (性别 and 年龄 before 职务, one term
cell), 兼 between posts, section rows worded ``董事会成员``, the controller sentence
``公司控股股东和实际控制人均为X``, statements in 千元 with the unit in the column header.
It was measured once and then the rules were mended (column detection by the header), so
it no longer counts as unseen; ``heldout2`` (no status column, birth years, ``/`` between
posts, ``（一）董事`` section rows, ``金额单位：人民币万元``, ``资产总额``, the controller as
``公司实际控制人为X，其直接持有…``) was written after, measured once (officers 0.39,
political posts 10 of 22 with one false post) and mended too. ``heldout3`` (PDF: posts
without separators wrapping mid-word in a narrow column, 原 for former officers, section
rows spanning the table, the header repeated on the next page, one term cell) is the
family that is only measured.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .listed import ListedFirm

FAMILIES = ("csrc", "bank", "heldout", "heldout2", "heldout3")
_BANK_POSTS = {"总经理": "行长", "副总经理": "副行长", "监事会主席": "监事长", "独立董事": "独立非执行董事"}


@dataclass(frozen=True)
class Layout:
    family: str           # csrc | bank | heldout
    joiner: str           # between posts in a cell: 、 or nothing (or 兼)
    wrap: float           # chance that a text layout cuts a post cell over two lines
    former_prefix: bool   # former officers' posts as 原…
    groups: bool          # section rows in the officers' table
    repeat_header: bool   # the officers' header repeated on the continuation page
    unit: str             # 元 | 千元 | 万元 | 百万元
    control: str          # kv | table | sentence

    @property
    def bank(self) -> bool:
        return self.family == "bank"

    @property
    def we(self) -> str:
        """How the report names its firm: 本行 (banks) or 公司."""
        return "本行" if self.bank else "公司"

    def post(self, word: str) -> str:
        return _BANK_POSTS.get(word, word) if self.bank else word


def layout_of(firm: ListedFirm, seed: int, family: str | None = None) -> Layout:
    """The layout of one firm's report (``family`` forces one; else csrc or, for one in ten, bank)."""
    rng = random.Random(f"cscs.sample.listed.layout-variant/{seed}/{firm.key}")
    family = family or ("bank" if rng.random() < 0.1 else "csrc")
    if family == "heldout3":  # PDF only (``write_report_pdf``)
        return Layout("heldout3", "", 0.0, True, True, True, "千元", "kv")
    if family == "heldout2":
        return Layout("heldout2", "/", 0.0, False, rng.random() < 0.5, rng.random() < 0.5, "万元", "sentence")
    if family == "heldout":
        return Layout("heldout", rng.choice(("兼", "、")), 0.0, rng.random() < 0.5, rng.random() < 0.5, False, "千元",
                      "sentence")
    unit = "百万元" if family == "bank" else rng.choices(("元", "千元", "万元", "百万元"), weights=(70, 8, 12, 10))[0]
    control = rng.choices(("kv", "table", "sentence"), weights=(5, 2, 3))[0]
    if control == "table" and firm.controller_nature != "境内自然人":
        control = "kv"
    return Layout(family, "" if rng.random() < 0.25 else "、", 0.15 if rng.random() < 0.5 else 0.0,
                  rng.random() < 0.6, rng.random() < 0.35, rng.random() < 0.4, unit, control)
