"""Posts in party-state bodies as disclosures word them: the body, its level, the post,
current or former, and words that only look like posts."""

from __future__ import annotations

from datetime import date

import pytest

from cscs.extract.disclosures.bodies import find_posts, level_of, unit_post


def one(text: str, own: tuple[str, ...] = ()):
    posts = find_posts(text, own)
    assert len(posts) == 1, posts
    return posts[0]


@pytest.mark.parametrize(("text", "body", "level", "role"), [
    ("郭建先生兼任深圳市政协委员，深圳市企业联合会副会长等职务。", "政协深圳市委员会", "municipal", "CommitteeMember"),
    ("现任浙江省人大代表。", "浙江省人民代表大会", "provincial", "Deputy"),
    ("浙江省第十三届人大代表", "浙江省人民代表大会", "provincial", "Deputy"),
    ("政协浙江省第十二届委员会委员", "政协浙江省委员会", "provincial", "CommitteeMember"),
    ("全国政协委员", "中国人民政治协商会议全国委员会", "national", "CommitteeMember"),
    ("第十三届全国人民代表大会代表", "全国人民代表大会", "national", "Deputy"),
    ("中国人民政治协商会议全国委员会常务委员", "中国人民政治协商会议全国委员会", "national", "StandingCommitteeMember"),
    ("浙江省人大常委会委员", "浙江省人民代表大会", "provincial", "StandingCommitteeMember"),
    ("杭州市西湖区政协委员", "政协杭州市西湖区委员会", "county", "CommitteeMember"),
    ("现任义乌市人大代表", "义乌市人民代表大会", "county", "Deputy"),
    ("曾任中共绍兴市委常委", "中共绍兴市委员会", "municipal", "StandingCommitteeMember"),
    ("杭州市副市长", "杭州市人民政府", "municipal", "GovernmentLeader"),
    ("任武汉市人民政府参事", "武汉市人民政府", "municipal", "Official"),
    ("曾任杭州市经济和信息化局副局长", "杭州市经济和信息化局", "municipal", "Official"),
    ("内蒙古自治区人大代表", "内蒙古自治区人民代表大会", "provincial", "Deputy"),
])
def test_posts_are_recognised_with_body_level_and_role(text: str, body: str, level: str, role: str) -> None:
    post = one(text)
    assert (post.body.name, post.body.level, post.role) == (body, level, role)


def test_a_province_before_a_city_does_not_change_the_body() -> None:
    assert one("浙江省杭州市政协委员").body.name == one("杭州市政协委员").body.name == "政协杭州市委员会"


def test_current_and_former_come_from_the_sentence() -> None:
    text = "现任杭州市政协委员，曾任浙江省人大代表。2009 年 7 月至 2014 年 5 月，任武汉市人民政府参事。兼任全国政协委员。"
    posts = find_posts(text)
    assert [(p.body.level, p.current) for p in posts] == [
        ("municipal", True), ("provincial", False), ("municipal", False), ("national", True)]
    assert (posts[2].since, posts[2].until) == (date(2009, 7, 1), date(2014, 5, 1))
    assert one("2018 年 7 月至今，任浙江省人大代表").current is True
    assert one("浙江省人大代表").current is None


@pytest.mark.parametrize("text", [
    "人大代表",                                   # no place: level unknown
    "中国人民大学法学院教授",                      # 人大 inside a university's name, no post
    "北京市分行办公室主任兼党办主任",              # a bank branch, not a government office
    "中国人民银行武汉市分行副行长",
    "深圳市企业联合会副会长",
    "任中国平安党委副书记",                        # another firm's party committee
])
def test_look_alikes_are_not_posts(text: str) -> None:
    assert find_posts(text, ("平安银行股份有限公司", "平安银行")) == []


def test_the_firms_own_party_committee_has_no_level() -> None:
    post = one("2023 年 6 月至今，任平安银行党委书记", ("平安银行股份有限公司", "平安银行"))
    assert (post.body.name, post.body.kind, post.body.level, post.role, post.current) == (
        "平安银行股份有限公司党委", "PartyCommittee", None, "PartySecretary", True)
    assert find_posts("陆金所控股有限公司党委书记", ("平安银行股份有限公司", "平安银行")) == []


def test_table_rows_of_other_posts() -> None:
    assert unit_post("深圳市政协", "政协委员").body.name == "政协深圳市委员会"
    assert unit_post("浙江省人民代表大会", "代表").role == "Deputy"
    assert unit_post("浙江省人民代表大会", "常委会委员").role == "StandingCommitteeMember"
    assert unit_post("深圳市进出口商会", "会长") is None


def test_levels_of_places() -> None:
    assert [level_of(p) for p in ("全国", "浙江省", "上海市", "杭州市", "杭州市西湖区", "义乌市", "恩施土家族苗族自治州")] == [
        "national", "provincial", "provincial", "municipal", "county", "county", "municipal"]


@pytest.mark.parametrize(("text", "body", "level", "role", "session", "current"), [
    ("十二届全国人大代表", "全国人民代表大会", "national", "Deputy", 12, None),
    ("曾担任第十届浙江省政协委员", "政协浙江省委员会", "provincial", "CommitteeMember", 10, False),
    ("现任中国人民政治协商会议第十三届全国委员会委员", "中国人民政治协商会议全国委员会", "national", "CommitteeMember", 13, True),
    ("曾任十三届全国政协常委", "中国人民政治协商会议全国委员会", "national", "StandingCommitteeMember", 13, False),
    ("现任宁波市第十五届人大常委会委员", "宁波市人民代表大会", "municipal", "StandingCommitteeMember", 15, True),
    ("现任杭州市萧山区第十七届人大代表", "杭州市萧山区人民代表大会", "county", "Deputy", 17, True),
])
def test_sessions_before_and_inside_the_body(text: str, body: str, level: str, role: str, session: int,
                                             current: bool | None) -> None:
    post = one(text)
    assert (post.body.name, post.body.level, post.role, post.session, post.current) == (
        body, level, role, session, current)
    assert post.text == text.removeprefix("曾担任").removeprefix("现任").removeprefix("曾任")


@pytest.mark.parametrize("text", ["毕业于中国人民大学", "曾任中国人民大学商学院教授", "兼任全国钢标准化技术委员会委员",
                                  "全国工商联执委", "中国人民大学校友会理事"])
def test_words_that_name_no_party_state_body(text: str) -> None:
    assert find_posts(text) == []


def test_the_firms_own_party_secretary() -> None:
    post = one("冀光恒先生现任本行党委书记、行长。", ("平安银行股份有限公司", "平安银行"))
    assert (post.body.name, post.body.level, post.role, post.current) == (
        "平安银行股份有限公司党委", None, "PartySecretary", True)
