"""JSON reader: locating the record array, flattening records, JSON Lines, syntax errors."""

from __future__ import annotations

import json

import pytest

from cscs.extract.readers import RawRow, ReaderError, read_tables


def test_real_shixin_api_response(realdata):
    [table] = read_tables(realdata("lists", "shixin_baidu_api_2019", "res.json"))
    assert (table.format, table.json_path, table.encoding) == ("json", "data[0].result", "utf-8")
    header, records = table.rows[0], table.rows[1:]
    assert header.row == 0
    assert {"iname", "caseCode", "courtName", "regDate"} <= set(header.cells)
    assert len(records) == 50
    assert [row.row for row in records] == list(range(1, 51))
    column = {name: position for position, name in enumerate(header.cells)}
    party_types = [row.cells[column["partyTypeName"]] for row in records]
    assert (party_types.count("0"), party_types.count("1")) == (41, 9)
    shared_case = [row for row in records if row.cells[column["caseCode"]] == "(2019)浙0111执286号"]
    assert [row.cells[column["courtName"]] for row in shared_case] == ["杭州市富阳区人民法院"] * 2
    assert [row.cells[column["regDate"]] for row in shared_case] == ["20190114"] * 2
    assert records[0].cells[column["StdStg"]] == "6899"  # an int in the file


def test_records_become_rows_over_the_union_of_keys(write):
    document = {
        "status": 0,
        "data": [{"result": [
            {"iname": "张三", "age": 45, "tags": ["失信", "限高"], "extra": None, "ok": True},
            {"iname": "\xa0某公司 ", "loc": {"url": "http://x"}, "age": 0.5},
        ]}],
    }
    [table] = read_tables(write("api.json", json.dumps(document, ensure_ascii=False)))
    assert table.json_path == "data[0].result"
    assert table.rows == (
        RawRow(("iname", "age", "tags", "extra", "ok", "loc"), 0),
        RawRow(("张三", "45", '["失信", "限高"]', "", "true", ""), 1),
        RawRow(("某公司", "0.5", "", "", "", '{"url": "http://x"}'), 2),
    )


def test_top_level_array(write):
    [table] = read_tables(write("list.json", '[{"案号": "(2019)浙0111执286号"}]'))
    assert (table.json_path, table.rows) == ("", (RawRow(("案号",), 0), RawRow(("(2019)浙0111执286号",), 1)))


def test_largest_array_wins_and_first_on_ties(write):
    document = {"meta": [{"k": 1}], "page": {"items": [{"k": 2}, {"k": 3}]}, "more": [{"k": 4}, {"k": 5}]}
    [table] = read_tables(write("nested.json", json.dumps(document)))
    assert table.json_path == "page.items"
    assert [row.cells for row in table.rows] == [("k",), ("2",), ("3",)]


def test_odd_keys_are_bracketed_in_the_path(write):
    [table] = read_tables(write("odd.json", '{"the data": {"失信 名单": [{"a": 1}]}}'))
    assert table.json_path == '["the data"]["失信 名单"]'


def test_single_object_and_empty_array(write):
    [single] = read_tables(write("one.json", '{"name": "平安银行", "code": "000001"}'))
    assert (single.json_path, single.rows) == ("", (RawRow(("name", "code"), 0), RawRow(("平安银行", "000001"), 1)))
    [empty] = read_tables(write("none.json", "[]"))
    assert empty.rows == ()


def test_json_lines_rows_are_line_numbers(write):
    text = '{"id": 1, "court": "金华市婺城区人民法院"}\n\n{"id": 2, "fact": "被告人"}\n'
    for name in ("cases.jsonl", "cases.json"):  # JSON Lines saved as .json is recognised too
        [table] = read_tables(write(name, text))
        assert (table.json_path, table.rows) == ("", (
            RawRow(("id", "court", "fact"), 0),
            RawRow(("1", "金华市婺城区人民法院", ""), 1),
            RawRow(("2", "", "被告人"), 3),
        ))


def test_real_json_lines(realdata):
    [table] = read_tables(realdata("judgments", "lecardv2_criminal_fulltext", "criminal_judgments_first40.jsonl"))
    assert table.rows[0].cells[:2] == ("id", "query")
    assert [row.row for row in table.rows[1:]] == list(range(1, 41))


def test_gbk_json(write):
    [table] = read_tables(write("gbk.json", '[{"法院": "杭州富阳法院"}]'.encode("gbk")))
    assert (table.encoding, table.rows[1].cells) == ("gb18030", ("杭州富阳法院",))


def test_invalid_json_names_line_and_column(write):
    path = write("bad.json", '{\n  "data": [\n    {"iname": "张三",}\n  ]\n}')
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == (
        f"{path}: line 3, column 20: invalid JSON: Expecting property name enclosed in double quotes"
    )


def test_invalid_json_lines_names_line(write):
    path = write("bad.jsonl", '{"a": 1}\n{"a": 2\n')
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: line 2, column 8: Expecting ',' delimiter"


def test_json_lines_line_must_be_an_object(write):
    path = write("bad.jsonl", '{"a": 1}\n[1, 2]\n')
    with pytest.raises(ReaderError) as caught:
        read_tables(path)
    assert str(caught.value) == f"{path}: line 2: JSON Lines record is not an object"
