"""read_tables dispatch: extensions, magic-byte sniffing, options, and file-level errors."""

from __future__ import annotations

import pickle

import pytest

from cscs.extract.readers import RawRow, ReaderError, read_tables


def test_reader_error_message_format(tmp_path):
    path = tmp_path / "a.csv"
    assert str(ReaderError(path, "line 3", "bad byte")) == f"{path}: line 3: bad byte"
    assert str(ReaderError(path, None, "empty file")) == f"{path}: empty file"
    copy = pickle.loads(pickle.dumps(ReaderError(path, "page 2", "broken")))
    assert (copy.path, copy.place, copy.message) == (path, "page 2", "broken")


def test_html_saved_as_xls_is_sniffed(write):
    [table] = read_tables(write("导出.xls", "\n  <table><tr><td>张三</td></tr></table>"))
    assert (table.format, table.rows) == ("html", (RawRow(("张三",), 1),))


def test_json_without_extension_is_sniffed(write):
    [table] = read_tables(write("response", '{"data": [{"a": "b"}]}'))
    assert (table.format, table.json_path) == ("json", "data")


def test_binary_magic_beats_the_extension(two_sheet_xlsx, two_page_pdf, tmp_path):
    workbook = two_sheet_xlsx.rename(tmp_path / "workbook.pdf")
    assert [t.format for t in read_tables(workbook)] == ["xlsx", "xlsx"]
    document = two_page_pdf.rename(tmp_path / "document.html")
    assert [t.format for t in read_tables(document)] == ["pdf", "pdf"]


def test_text_extension_is_trusted_over_text_content(write):
    path = write("api.json", "<html><body>502 Bad Gateway</body></html>")
    with pytest.raises(ReaderError, match="line 1, column 1: invalid JSON"):
        read_tables(path)


def test_forced_format(write):
    [table] = read_tables(write("data.dat", "a|b\n1|2\n"), format="csv")
    assert [row.cells for row in table.rows] == [("a", "b"), ("1", "2")]


def test_unsupported_format(write):
    path = write("scan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: unsupported format (extension '.doc')"


def test_missing_file(tmp_path):
    path = tmp_path / "missing.csv"
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: No such file or directory"


def test_options_for_other_formats_are_ignored_and_unknown_ones_rejected(write):
    path = write("a.csv", "a,b\n")
    assert read_tables(path, text_fallback=True)[0].rows == (RawRow(("a", "b"), 1),)
    with pytest.raises(TypeError, match="delimeter"):
        read_tables(path, delimeter=";")


def test_whitespace_only_pdf_is_empty_not_corrupt(write):
    path = write("blank.pdf", b"\n\n   \n")
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: empty file"
