"""PDF reader: ruled tables per page with page anchors, text fallback, broken files."""

from __future__ import annotations

import random

import pytest

from cscs.extract.readers import RawRow, RawTable, ReaderError, pdf_text_pages, read_tables

PAGE_1 = (
    RawRow(("姓名", "职务"), 1, page=1),
    RawRow(("张三", "董事长"), 2, page=1),
    RawRow(("李四", "独立董事"), 3, page=1),
)
PAGE_2 = (
    RawRow(("执行案号", "义务"), 1, page=2),
    RawRow(("(2019)浙0111执286号", "承担连带\n清偿责任"), 2, page=2),
)


def test_tables_on_two_pages(two_page_pdf):
    assert read_tables(two_page_pdf) == [
        RawTable(source=two_page_pdf, format="pdf", rows=PAGE_1, index=1),
        RawTable(source=two_page_pdf, format="pdf", rows=PAGE_2, index=1),
    ]


def test_only_requested_pages(two_page_pdf):
    [table] = read_tables(two_page_pdf, pages=[2])
    assert table.rows == PAGE_2


def test_requesting_a_missing_page(two_page_pdf):
    with pytest.raises(ReaderError) as caught:
        read_tables(two_page_pdf, pages=[3])
    assert str(caught.value) == f"{two_page_pdf}: page 3: no such page (the PDF has 2)"


def test_page_texts(two_page_pdf):
    assert pdf_text_pages(two_page_pdf) == [
        "姓名 职务\n张三 董事长\n李四 独立董事",
        "执行案号 义务\n承担连带\n(2019)浙0111执286号 清偿责任",  # plain text follows visual lines
    ]


def test_text_aligned_table_only_when_asked(text_aligned_pdf):
    assert read_tables(text_aligned_pdf) == []
    [table] = read_tables(text_aligned_pdf, text_fallback=True)
    assert [row.cells for row in table.rows if any(row.cells)] == [
        ("姓名", "职务", "任期"),
        ("张三", "董事长", "2021-2024"),
        ("李四", "独立董事", "2022-2025"),
    ]
    assert {row.page for row in table.rows} == {1}


def test_truncated_pdf(two_page_pdf, write):
    data = two_page_pdf.read_bytes()
    path = write("truncated.pdf", data[: len(data) * 6 // 10])
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: not a readable PDF (")
    with pytest.raises(ReaderError):
        pdf_text_pages(path)


def test_random_bytes_named_pdf(write):
    noise = random.Random(7).randbytes(4096).replace(b"%PDF", b"%pdf")
    path = write("random.pdf", b"\x00" + noise)  # fixed bytes: a leading "<" would read as HTML
    with pytest.raises(ReaderError, match="not a readable PDF"):
        read_tables(path)


def test_real_annual_report_page(realdata):
    path = realdata("disclosures", "pingan_bank_2024_annual_report_pdf", "平安银行_2024年年度报告.pdf")
    company, contacts = read_tables(path, pages=[9])
    assert company.rows[0] == RawRow(("股票简称", "平安银行", "股票代码", "000001"), 1, page=9)
    assert contacts.index == 2
    assert contacts.rows[:2] == (
        RawRow(("", "董事会秘书", "证券事务代表"), 1, page=9),
        RawRow(("姓名", "周强", "吕旭光"), 2, page=9),
    )
