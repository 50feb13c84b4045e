"""Masked firm codes in the forms lists print them beside the full USCC: four characters,
stars, four characters (``9134****782L``), and a USCC of digits only masked like an ID
number (``9137010255****1694``). Both are the firm's code, not a person's."""

from __future__ import annotations

from cscs.extract.identifiers import make_uscc, parse_firm_id
from cscs.extract.lists.base import looks_like_person
from cscs.graph.resolve.firms import FirmIndex, FirmNode, compare

LETTERED = make_uscc("340104", "25650578")
DIGITS = make_uscc("370102", "55137216")
NAME = "合肥恒岳包装材料有限公司"


def _short(uscc: str) -> str:
    return uscc[:4] + "****" + uscc[-4:]


def test_short_mask_takes_its_eighteen_positions() -> None:
    code = parse_firm_id(_short(LETTERED))
    assert (code.kind, code.value, code.raw) == ("masked", LETTERED[:4] + "*" * 10 + LETTERED[-4:], _short(LETTERED))
    assert parse_firm_id("5513****9").value == "5513****9"  # an organisation code's length: kept


def test_short_mask_finds_and_joins_the_full_code() -> None:
    firm = FirmNode.build("f", uscc=[LETTERED], names=[NAME])
    alias = FirmNode.build("a", masked=[parse_firm_id(_short(LETTERED)).value], names=[NAME])
    assert [n.iri for n in FirmIndex([firm]).candidates(alias)] == ["f"]
    match = compare(alias, firm)
    assert match.score == 1.0 and "agrees with the USCC in all 8 visible characters" in match.evidence
    wrong = _short(LETTERED)[:-1] + ("0" if LETTERED[-1] != "0" else "1")
    assert compare(FirmNode.build("b", masked=[parse_firm_id(wrong).value], names=[NAME]), firm).score < 0.5


def test_digits_only_masked_uscc_of_a_named_firm_is_no_person() -> None:
    masked = DIGITS[:10] + "****" + DIGITS[14:]
    assert masked.replace("*", "").isdigit()
    assert not looks_like_person("济南明泰机械制造有限公司", masked)
    assert not looks_like_person("王志", masked)  # positions 7-10 are no birth year
    assert looks_like_person("王志", "3208191960****6833")
