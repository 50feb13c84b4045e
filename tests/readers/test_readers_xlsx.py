"""XLSX reader: every sheet a table, typed cells rendered as text, broken files rejected."""

from __future__ import annotations

import datetime as dt

import pytest

from cscs.extract.readers import RawRow, ReaderError, read_tables
from cscs.extract.readers.xlsx import cell_text


def test_each_sheet_is_a_table_with_sheet_row_numbers(two_sheet_xlsx):
    listing, notes = read_tables(two_sheet_xlsx)
    assert (listing.format, listing.sheet, listing.index, listing.source) == ("xlsx", "失信名单", 1, two_sheet_xlsx)
    assert listing.rows == (
        RawRow(("2019年失信被执行人名单", "", "", "", ""), 1),  # title row above the header
        RawRow(("被执行人", "执行案号", "立案时间", "标的金额", "比例"), 2),
        RawRow(("杭州某某科技有限公司", "(2019)浙0111执286号", "2019-01-14", "1402260", "0.25"), 3),
        RawRow(("张 三", "(2018)黔03执12号", "2018-07-13T09:30:00", "3", ""), 4),
    )  # the styled empty row 8 is not a row
    assert (notes.sheet, notes.rows) == ("备注", (RawRow(("数据来源：最高人民法院",), 1),))


@pytest.mark.parametrize(("value", "text"), [
    (1500.0, "1500"),
    (0.1, "0.1"),
    (-2.5, "-2.5"),
    (3.2081919601234e17, "3.2081919601234e+17"),  # would fake ID digits if printed as an int
    (True, "TRUE"),
    (dt.datetime(2019, 7, 13), "2019-07-13"),
    (dt.time(9, 30), "09:30:00"),
    (" 杭州\r\n富阳\xa0", "杭州\n富阳"),
])
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_xlsm_extension_uses_the_same_reader(two_sheet_xlsx):
    renamed = two_sheet_xlsx.rename(two_sheet_xlsx.with_suffix(".xlsm"))
    assert [t.sheet for t in read_tables(renamed)] == ["失信名单", "备注"]


def test_truncated_workbook(two_sheet_xlsx, write):
    data = two_sheet_xlsx.read_bytes()
    path = write("truncated.xlsx", data[: len(data) * 6 // 10])
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"{path}: not a readable workbook (")


def test_random_bytes_named_xlsx(write):
    path = write("random.xlsx", bytes(range(7, 256)) * 4)
    with pytest.raises(ReaderError, match="not a readable workbook"):
        read_tables(path)
