"""Case numbers: both forms, every bracket style, parsed into their parts; agency numbers are not case numbers."""

from __future__ import annotations

import pytest

from cscs.extract.judgments.casenumber import find_case_numbers, normalize_case_number, parse_case_number


@pytest.mark.parametrize(("text", "court", "type_code", "seq", "form", "brackets", "level", "kind"), [
    ("（2020）浙0702刑初662号", "浙0702", "刑初", 662, "post-2016", "full", "basic", "criminal"),
    ("(2021)浙01民初123号", "浙01", "民初", 123, "post-2016", "half", "intermediate", "civil"),
    ("（2021)浙0106执恢12号", "浙0106", "执恢", 12, "post-2016", "mixed", "basic", "enforcement"),
    ("2021浙01民终9号", "浙01", "民终", 9, "post-2016", "none", "intermediate", "civil"),
    ("〔2019〕浙民再3号", "浙", "民再", 3, "post-2016", "other", "high", "civil"),
    ("(2019)最高法知民终1号", "最高法", "民终", 1, "post-2016", "half", "supreme", "civil"),
    ("（2018）京73民初100号", "京73", "民初", 100, "post-2016", "full", "specialised", "civil"),
    ("(2020)浙0102破5号", "浙0102", "破", 5, "post-2016", "half", "basic", "bankruptcy"),
    ("（2015）杭西民初字第123号", "杭西", "民初", 123, "pre-2016", "full", None, "civil"),
    ("（2013）揭中法刑一初字11号", "揭中法", "刑一初", 11, "pre-2016", "full", None, "criminal"),
    ("［2006］枣刑一初字第197号", "枣", "刑一初", 197, "pre-2016", "other", None, "criminal"),
    ("（2014）渝二中法刑终字第00273号", "渝二中法", "刑终", 273, "pre-2016", "full", None, "criminal"),
])
def test_parts(text, court, type_code, seq, form, brackets, level, kind) -> None:
    c = parse_case_number(text)
    assert c is not None, text
    assert (c.court_code, c.type_code, c.sequence, c.form, c.brackets, c.level, c.kind) == \
        (court, type_code, seq, form, brackets, level, kind)
    assert c.year == int(normalize_case_number(text)[1:5])


def test_specialised_court_character() -> None:
    c = parse_case_number("(2019)最高法知民终1号")
    assert c.special == "知" and c.specialised_court == "intellectual property"


@pytest.mark.parametrize("text", [
    "婺检二部刑诉〔2020〕1888号",       # a prosecutor's indictment number
    "宿区检诉刑诉［2017］400号",
    "2014年委贷字第0266号",             # a contract number with a bare year
    "银办函(2001)648号",                # a government document number
    "鲁高法【2005】229号",
    "（2015）1743号",
])
def test_other_numbers_are_not_case_numbers(text: str) -> None:
    assert find_case_numbers(text) == []


def test_found_in_running_text_with_offsets() -> None:
    text = "依据已经发生法律效力的杭州市上城区人民法院2020浙0102民初3162号民事判决书及（2021）浙01民终7号民事判决书"
    found = find_case_numbers(text)
    assert [c.normalized for c in found] == ["(2020)浙0102民初3162号", "(2021)浙01民终7号"]
    assert all(text[c.start:c.end] == c.text for c in found)


def test_normalized_form() -> None:
    assert normalize_case_number("（ 2021）浙０１民初１２３号") == "(2021)浙01民初123号"
    assert normalize_case_number("〔2021〕浙01民初123号") == "(2021)浙01民初123号"
