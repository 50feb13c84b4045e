"""Posts in party-state bodies, recognised in the words disclosures and rosters use.

``浙江省人大代表``, ``政协浙江省第十二届委员会委员``, ``全国政协委员``, ``中共杭州市委常委``,
``深圳市人民政府参事``, ``杭州市副市长``: a body (its kind, its place and so its
administrative level) and a post in it (deputy, member, party secretary …). The
place is read backwards from the body's name up to the first word that cannot be
part of a place name (任, 为, a comma …), so ``郭建先生兼任深圳市政协委员`` gives the
Shenzhen CPPCC, not a place called 郭建先生兼任深圳市.

Bodies get one canonical name per (kind, place) — ``政协深圳市委员会`` for 深圳市政协,
政协深圳市委员会 and 中国人民政治协商会议深圳市委员会 alike — so that a roster and a
report that word the same body differently name the same node. A province in front
of a city is dropped (浙江省杭州市 → 杭州市); a district keeps its city.

Whether a post is current or former is read from the sentence before it: 现任, 兼任,
至今 (current); 曾任, 历任, or a period with an end year (former). Posts without a
place (人大代表 alone) are not recognised: their level is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import _cn_number
from .vocabulary import county_cities, provinces

_NUM = r"[一二三四五六七八九十百零〇\d]+"
_TERM = rf"(?:第?{_NUM}届(?:[、,，]第?{_NUM}届)*)"  # the session: 第十二届, 十二届, 第12届
_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|省|市|州|盟|县|区|旗)"
_UNIT = re.compile(rf"(.{{2,}}?)({_SUFFIX})")  # names of one character (沛县) are rare; 杭州市 is not 杭 + 州 + 市
_PLACE = re.compile(rf"^(?:全国|中央|(?:[\u4e00-\u9fff]{{2,9}}?{_SUFFIX}){{1,3}})$")
# Where a place name cannot continue to the left: punctuation, spaces, and the words
# that introduce a post.
_CUT = re.compile(r"[\s，,。；;、：:（(）)“”\"'《》]|先生|女士|现任|兼任|曾任|担任|历任|原任|当选为|当选|选为|"
                  r"任|为|是|系|及|和|与|并|曾|现|原|兼|暨|同时")
_BOUNDARY = re.compile(r"[。；;！!？?]")
_FORMER = re.compile(r"曾任|曾担任|曾兼任|曾是|曾为|历任|原任|先后任|先后担任|离任|卸任|届满|前任")
_CURRENT = re.compile(r"现任|现兼任|兼任|现为|现担任|目前担任|目前任|至今")
_RANGE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:至|-|—|–|－|~|到)\s*"
                    r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?")
_SINCE = re.compile(r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月)?(?:\s*\d{1,2}\s*日)?\s*(?:至今|起)")

_POST_AFTER = re.compile(rf"^{_TERM}?(?P<sc>常务委员会|常委会)?(?P<post>代表|常务委员|常委|委员|副主席|主席|副主任|主任|"
                         r"副书记|书记|参事|副秘书长|秘书长)")
_GOV_POST = re.compile(r"^(?P<post>副?(?:省长|市长|县长|区长|州长|旗长|主席)|参事|副?秘书长|党组书记|党组副书记|副?主任|"
                       r"副?厅长|副?局长|副?巡视员|副?处长)")
_DEPARTMENT = (r"发展和改革委员会|发展改革委员会|发展改革委|发改委|经济和信息化(?:厅|局|委员会)|经信(?:厅|局|委)|"
               r"财政(?:厅|局)|商务(?:厅|局)|国有资产监督管理委员会|国资委|科学技术(?:厅|局)|科技(?:厅|局)|"
               r"人力资源和社会保障(?:厅|局)|自然资源(?:和规划)?(?:厅|局)|生态环境(?:厅|局)|住房和城乡建设(?:厅|局)|"
               r"交通运输(?:厅|局)|农业农村(?:厅|局)|市场监督管理局|税务局|公安(?:厅|局)|教育(?:厅|局)|"
               r"管理局|管理委员会|管委会|人民政府办公厅|人民政府办公室")
_KEYWORDS = re.compile(
    r"(?P<npc>全国人民代表大会|全国人大|人民代表大会|人大)"
    r"|(?P<cppcc_fwd>(?:中国人民政治协商会议|政协)" + _TERM + r"?(?P<cplace>全国|[\u4e00-\u9fff]{2,12}?)" + _TERM
    + r"?委员会)"
    r"|(?P<cppcc>全国政协|政协)"
    r"|(?P<party_fwd>(?:中共|中国共产党)(?P<pplace>中央|[\u4e00-\u9fff]{2,12}?)(?:委员会|委))"
    r"|(?P<party>(?<=[省市县区州旗盟])委(?=副?书记|常委))"
    r"|(?P<gov>人民政府(?!办公)|政府(?=参事|副?秘书长))"
    r"|(?P<leader>(?<=[省市县区州旗盟])副?(?:省长|市长|县长|区长|州长|旗长))"
    r"|(?P<dept>" + _DEPARTMENT + r")"
)

_ROLES = {
    "PeoplesCongress": {"代表": "Deputy", "常务委员": "StandingCommitteeMember", "常委": "StandingCommitteeMember",
                        "委员": "StandingCommitteeMember", "主任": "BodyChair", "副主任": "BodyViceChair"},
    "PoliticalConsultativeConference": {"委员": "CommitteeMember", "常务委员": "StandingCommitteeMember",
                                        "常委": "StandingCommitteeMember", "主席": "BodyChair",
                                        "副主席": "BodyViceChair"},
    "PartyCommittee": {"书记": "PartySecretary", "副书记": "DeputyPartySecretary", "常委": "StandingCommitteeMember",
                       "常务委员": "StandingCommitteeMember", "委员": "PartyCommitteeMember"},
}


@dataclass(frozen=True)
class Body:
    name: str          # canonical name (see the module docstring)
    kind: str          # PeoplesCongress | PoliticalConsultativeConference | PartyCommittee | Government
    level: str | None  # national | provincial | municipal | county | None (a firm's own committee)


@dataclass(frozen=True)
class Post:
    body: Body
    role: str
    start: int              # span of the words in the text searched
    end: int
    text: str
    current: bool | None = None
    since: date | None = None
    until: date | None = None
    session: int | None = None  # 届 of the body, where stated (十二届全国人大代表 → 12)


def level_of(place: str) -> str | None:
    """The administrative level of a place name (its last unit decides)."""
    if place in {"全国", "中央", "中国"}:
        return "national"
    units = _UNIT.findall(place)
    if not units:
        return None
    name, suffix = units[-1]
    if suffix in {"省", "自治区", "特别行政区"}:
        return "provincial"
    if suffix == "市":
        if name in provinces():
            return "provincial"
        return "county" if name in county_cities() else "municipal"
    if suffix in {"州", "自治州", "盟"}:
        return "municipal"
    return "county"


def canonical_place(place: str) -> str:
    """The place as a body name uses it: the last unit, and its city for a district."""
    if place in {"全国", "中央", "中国"}:
        return "全国"
    units = ["".join(u) for u in _UNIT.findall(place)]
    if not units:
        return place
    if level_of(place) == "county" and len(units) > 1 and not units[-1].endswith("市"):
        return "".join(units[-2:])
    return units[-1]


def body_name(kind: str, place: str) -> str:
    where = canonical_place(place)
    if kind == "PeoplesCongress":
        return "全国人民代表大会" if where == "全国" else f"{where}人民代表大会"
    if kind == "PoliticalConsultativeConference":
        return "中国人民政治协商会议全国委员会" if where == "全国" else f"政协{where}委员会"
    if kind == "PartyCommittee":
        return "中共中央委员会" if where == "全国" else f"中共{where}委员会"
    return "国务院" if where == "全国" else f"{where}人民政府"


def make_body(kind: str, place: str, department: str | None = None) -> Body | None:
    if not _PLACE.match(place):
        return None
    level = level_of(place)
    if level is None:
        return None
    if department:
        return Body(f"{canonical_place(place)}{department}", "Government", level)
    return Body(body_name(kind, place), kind, level)


def _place_before(text: str, end: int) -> str:
    """The place name that ends at ``end`` (empty if none): read back to a cut word,
    skipping a term (第十四届) between the place and the body."""
    window = text[max(0, end - 30):end]
    window = re.sub(rf"{_TERM}$", "", window)
    cuts = list(_CUT.finditer(window))
    place = window[cuts[-1].end():] if cuts else window
    place = re.sub(rf"^{_TERM}", "", place.strip())
    return place if _PLACE.match(place) else ""


def status(text: str, start: int) -> tuple[bool | None, date | None, date | None]:
    """Current or former, with dates, from the sentence up to ``start``."""
    sentence_start = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    before = text[sentence_start:start]
    cues: list[tuple[int, bool | None, date | None, date | None]] = []
    for m in _FORMER.finditer(before):
        cues.append((m.start(), False, None, None))
    for m in _CURRENT.finditer(before):
        cues.append((m.start(), True, None, None))
    for m in _RANGE.finditer(before):
        since = _month(m[1], m[2])
        until = _month(m[3], m[4])
        cues.append((m.start(), False, since, until))
    for m in _SINCE.finditer(before):
        cues.append((m.start(), True, _month(m[1], m[2]), None))
    if not cues:
        return None, None, None
    _, current, since, until = max(cues, key=lambda c: c[0])
    return current, since, until


def _month(year: str, month: str | None) -> date | None:
    try:
        return date(int(year), int(month or 1), 1)
    except ValueError:
        return None


def find_posts(text: str, own_names: tuple[str, ...] = ()) -> list[Post]:
    """Every post in a party-state body that ``text`` states, with its span and status.

    ``own_names`` are the firm's names (full and short): ``<name>党委书记`` is a post in
    the firm's own party committee (a body without a level)."""
    posts: list[Post] = []
    for m in _KEYWORDS.finditer(text):
        found = _post_at(text, m)
        if found is not None:
            posts.append(found)
    posts.extend(_own_committee_posts(text, own_names))
    posts.sort(key=lambda p: p.start)
    return _dedupe(posts)


def _post_at(text: str, m: re.Match[str]) -> Post | None:
    group = m.lastgroup
    if group in {"cplace", "pplace"}:  # named sub-groups: the outer alternative decides
        group = "cppcc_fwd" if m["cppcc_fwd"] else "party_fwd"
    after = text[m.end():]
    if group == "npc":
        place = "全国" if m[group].startswith("全国") else _place_before(text, m.start())
        return _with_post(text, m, "PeoplesCongress", place, after)
    if group == "cppcc":
        place = "全国" if m[group].startswith("全国") else _place_before(text, m.start())
        return _with_post(text, m, "PoliticalConsultativeConference", place, after)
    if group == "cppcc_fwd":
        return _with_post(text, m, "PoliticalConsultativeConference", m["cplace"], after)
    if group == "party_fwd":
        place = "全国" if m["pplace"] == "中央" else m["pplace"]
        return _with_post(text, m, "PartyCommittee", place, after)
    if group == "party":
        return _with_post(text, m, "PartyCommittee", _place_before(text, m.start()), after)
    if group in {"gov", "leader", "dept"}:
        return _government(text, m, group, after)
    return None


def _with_post(text: str, m: re.Match[str], kind: str, place: str, after: str) -> Post | None:
    tail = _POST_AFTER.match(after)
    if not tail or not place:
        return None
    word = tail["post"]
    role: str | None
    if kind == "PeoplesCongress" and tail["sc"] and word == "委员":
        role = "StandingCommitteeMember"
    else:
        role = _ROLES[kind].get(word)
    body = make_body(kind, place)
    if role is None or body is None:
        return None
    found = text.rfind(place, max(0, m.start() - 30), m.end())
    start = found if 0 <= found <= m.start() else m.start()
    if lead := re.search(rf"{_TERM}$", text[max(0, start - 12):start]):
        start -= len(lead[0])  # 十二届全国人大代表: the session belongs to the post
    end = m.end() + tail.end()
    current, since, until = status(text, start)
    return Post(body, role, start, end, text[start:end], current, since, until, _session(text[start:end]))


def _session(words: str) -> int | None:
    if m := re.search(r"第?([一二三四五六七八九十]{1,3}|\d{1,2})届", words):
        return int(m[1]) if m[1].isdigit() else _cn_number(m[1])
    return None


def _government(text: str, m: re.Match[str], group: str, after: str) -> Post | None:
    place = _place_before(text, m.start())
    if not place:
        return None
    if group == "leader":
        body, end, role = make_body("Government", place), m.end(), "GovernmentLeader"
    else:
        tail = _GOV_POST.match(after)
        if not tail:
            return None
        word = tail["post"]
        department = None if group == "gov" else m[group]
        body = make_body("Government", place, department)
        end = m.end() + tail.end()
        role = "GovernmentLeader" if re.search(r"省长|市长|县长|区长|州长|旗长|主席", word) and group == "gov" \
            else "Official"
    if body is None:
        return None
    start = m.start() - len(place)
    current, since, until = status(text, start)
    return Post(body, role, start, end, text[start:end], current, since, until)


def _own_committee_posts(text: str, own_names: tuple[str, ...]) -> list[Post]:
    # The firm's names anywhere; the generic words (公司党委) only where they start a phrase,
    # since 陆金所控股有限公司党委书记 is another firm's committee.
    names = sorted({n for n in own_names if n}, key=len, reverse=True)
    generic = r"(?:(?<=[任兼、，,及和为；;：:\s])|^)(?:本公司|公司|本行|本集团)"
    firm = "|".join([*map(re.escape, names), generic])
    rx = re.compile("(?P<firm>" + firm + r")(?:党委|党组)(?P<post>副书记|书记|委员)")
    posts = []
    for m in rx.finditer(text):
        firm = own_names[0] if own_names else "本公司"
        role = _ROLES["PartyCommittee"][m["post"]]
        current, since, until = status(text, m.start())
        posts.append(Post(Body(f"{firm}党委", "PartyCommittee", None), role, m.start(), m.end(), m[0],
                          current, since, until))
    return posts


def _dedupe(posts: list[Post]) -> list[Post]:
    """Overlapping recognitions of the same words: the longest wins."""
    out: list[Post] = []
    for post in sorted(posts, key=lambda p: (p.start, -(p.end - p.start))):
        if out and post.start < out[-1].end:
            continue
        out.append(post)
    return out


def unit_post(unit: str, post: str) -> Post | None:
    """A row of a table of other posts: the unit (深圳市政协) and the post (政协委员)."""
    text = unit.strip() + post.strip()
    if post.strip().startswith(("政协", "人大")) and unit.strip().endswith(("政协", "人大")):
        text = unit.strip() + re.sub(r"^(政协|人大)", "", post.strip())
    found = find_posts(text)
    return found[0] if found else None
