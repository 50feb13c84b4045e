"""CSV reader: encodings (UTF-8, BOM, GBK), delimiters, line anchors, errors."""

from __future__ import annotations

import pytest

from cscs.extract.readers import RawRow, ReaderError, read_tables

ROWS = "被执行人,执行案号,金额\n张三,(2019)浙0111执286号,1402260\n李四,(2018)黔03执12号,500\n"
EXPECTED = (
    ("被执行人", "执行案号", "金额"),
    ("张三", "(2019)浙0111执286号", "1402260"),
    ("李四", "(2018)黔03执12号", "500"),
)


def cells(table):
    return tuple(row.cells for row in table.rows)


def test_utf8_comma_separated(write):
    path = write("名单.csv", ROWS)
    [table] = read_tables(path)
    assert (table.format, table.encoding, table.index, table.source) == ("csv", "utf-8", 1, path)
    assert cells(table) == EXPECTED
    assert [row.row for row in table.rows] == [1, 2, 3]


def test_utf8_with_bom_is_stripped(write):
    [table] = read_tables(write("bom.csv", b"\xef\xbb\xbf" + ROWS.encode("utf-8")))
    assert table.encoding == "utf-8-sig"
    assert cells(table) == EXPECTED


def test_gbk_encoded_file_is_decoded_as_gb18030(write):
    [table] = read_tables(write("gbk.csv", ROWS.encode("gbk")))
    assert table.encoding == "gb18030"
    assert cells(table) == EXPECTED


def test_explicit_encoding_wins(write):
    [table] = read_tables(write("gbk.csv", ROWS.encode("gbk")), encoding="gbk")
    assert table.encoding == "gbk"
    assert cells(table) == EXPECTED


@pytest.mark.parametrize("name", ["名单.tsv", "名单.txt"])
def test_tab_separated(write, name):
    [table] = read_tables(write(name, ROWS.replace(",", "\t")))
    assert cells(table) == EXPECTED


@pytest.mark.parametrize("delimiter", [";", "|"])
def test_semicolon_and_pipe_are_sniffed(write, delimiter):
    [table] = read_tables(write("x.csv", ROWS.replace(",", delimiter)))
    assert cells(table) == EXPECTED


def test_commas_inside_tab_separated_text_do_not_fool_the_sniffer(write):
    text = "名称\t地址\n甲公司\t北京市,朝阳区\n乙公司\t上海市\n"
    [table] = read_tables(write("x.txt", text))
    assert cells(table) == (("名称", "地址"), ("甲公司", "北京市,朝阳区"), ("乙公司", "上海市"))


def test_row_is_the_physical_start_line_of_each_record(write):
    text = '姓名,义务\r\n张三,"承担连带\r\n清偿责任"\r\n\r\n李四,"1402260元\xa0"\r\n,,\r\n\r\n'
    [table] = read_tables(write("multi.csv", text))
    assert table.rows == (
        RawRow(("姓名", "义务"), 1),
        RawRow(("张三", "承担连带\n清偿责任"), 2),  # CRLF inside the cell -> "\n"
        RawRow(("李四", "1402260元"), 5),  # blank line 4 skipped; nbsp -> space, then stripped
    )  # trailing ",," record dropped


def test_single_column_file(write):
    [table] = read_tables(write("one.csv", "案号\n(2019)浙0111执286号\n"))
    assert cells(table) == (("案号",), ("(2019)浙0111执286号",))


def test_bytes_invalid_in_utf8_and_gb18030_name_file_line_and_offset(write):
    good = "姓名,金额\n张三,100\n".encode("utf-8")
    path = write("bad.csv", good + b"\xff\xff,1\n")
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == (
        f"{path}: line 3, byte offset {len(good)}: "
        "byte 0xFF is not valid UTF-8; cannot decode as utf-8 or gb18030"
    )
    assert caught.value.place == f"line 3, byte offset {len(good)}"


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file(write, data):
    path = write("empty.csv", data)
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: empty file"
