"""HTML conversions whose tables are not ``<table>``s: a row as a paragraph whose cells are
separated by runs of spaces, and a row as a block of blocks (``<div><p>…</p><p>…</p></div>``)."""

from __future__ import annotations

from pathlib import Path

from cscs.extract.disclosures import officers, ownership
from cscs.extract.disclosures.markup import markup_text
from cscs.extract.disclosures.pages import read_pages

HEAD = "<html><body><h2>第八节 董事、监事、高级管理人员和员工情况</h2><h3>一、董事、监事和高级管理人员持股变动</h3>\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "report.html"
    path.write_text(HEAD + body + "\n<p>二、董事、监事和高级管理人员的主要工作经历</p></body></html>", encoding="utf-8")
    return path


def test_paragraph_rows_with_space_runs_are_table_rows(tmp_path: Path) -> None:
    rows = ["姓名&nbsp;&nbsp;&nbsp;性别&nbsp;&nbsp;职务&nbsp;&nbsp;任职状态&nbsp;&nbsp;任期",
            "韩素梅&nbsp;&nbsp;&nbsp;女&nbsp;&nbsp;董事长、总经理&nbsp;&nbsp;现任&nbsp;&nbsp;2021.05-2024.05",
            "陶　然   男   独立董事   离任   2018.05-2023.02"]
    path = _write(tmp_path, "\n".join(f"<p class='c7'>{r}</p>" for r in rows))
    found, _ = officers.from_text(read_pages(path), path.name)
    assert [(o.name, o.posts.posts, o.current, o.sex) for o in found] == [
        ("韩素梅", ["董事长", "总经理"], True, "女"), ("陶然", ["独立董事"], False, "男")]


def test_prose_keeps_single_spaces_and_line_breaks_of_the_source() -> None:
    assert markup_text("<p>公司的实际控制人为\n      某某集团有限公司，报告期内未变更。</p>") == \
        "公司的实际控制人为 某某集团有限公司，报告期内未变更。"


def test_rows_built_of_blocks_are_table_rows(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<div class='r'>" + "".join(f"<p>{c}</p>" for c in cells) + "</div>"

    body = "\n".join([row("姓名", "职务", "性别", "任职状态"), row("沈家豪", "董事<br>副总裁", "男", "现任"),
                      row("罗 丹", "监事会主席", "女", "现任")])
    path = _write(tmp_path, body)
    found, _ = officers.from_text(read_pages(path), path.name)
    assert [(o.name, o.posts.posts, o.current) for o in found] == [
        ("沈家豪", ["董事", "副总裁"], True), ("罗丹", ["监事会主席"], True)]


def test_a_section_of_paragraphs_is_not_a_row() -> None:
    text = markup_text("<div><p>第一段说明文字。</p><p>第二段说明文字。</p></div>"
                       "<div><h3>小标题</h3><p>第三段。</p></div>")
    assert "\t" not in text


def test_top_ten_in_block_rows(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<div class='r'>" + "".join(f"<div>{c}</div>" for c in cells) + "</div>"

    path = tmp_path / "holders.html"
    path.write_text("<html><body><p>前十名股东持股情况</p>" + "".join([
        row("股东名称", "股东性质", "持股比例(%)", "持股数量"),
        row("江城投资控股有限公司", "国有法人", "30.12", "300,000,000"),
        row("吴海清", "境内自然人", "1.20", "12,000,000")]) + "<p>上述股东关联关系的说明</p></body></html>",
        encoding="utf-8")
    found = ownership.holders_from_text(read_pages(path), path.name)
    assert [(h.name, h.nature, h.shares) for h in found] == [
        ("江城投资控股有限公司", "StateOwnedLegalPerson", 300000000), ("吴海清", "DomesticNaturalPerson", 12000000)]
