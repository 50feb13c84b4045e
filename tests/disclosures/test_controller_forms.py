"""The actual controller's name in the forms reports print it: the key 名称 alone under the
controller's heading, a header row with the value wrapped under it (aligned by display
width), and a sentence with the controller as its subject, beside a stated nature."""

from __future__ import annotations

from pathlib import Path

from cscs.extract.disclosures import ownership
from cscs.extract.disclosures.pages import read_pages


def _control(tmp_path: Path, text: str):
    path = tmp_path / "report.txt"
    path.write_text("某某股份有限公司 2018年年度报告\n\f" + text, encoding="utf-8")
    return ownership.control(read_pages(path), path.name, [], path)


def test_bare_name_key_under_the_controller_heading_not_the_shareholders(tmp_path: Path) -> None:
    found = _control(tmp_path, "（一）控股股东情况\n名称：江淮能源投资集团有限公司\n法定代表人：程明\n"
                               "（二）实际控制人情况\n实际控制人性质：地方国资管理机构\n"
                               "名称：湖北省人民政府国有资产监督管理委员会\n法定代表人：罗一\n")
    assert (found.name, found.nature) == ("湖北省人民政府国有资产监督管理委员会", "LocalStateController")


def test_header_row_with_the_value_wrapped_under_it(tmp_path: Path) -> None:
    found = _control(tmp_path, "实际控制人情况\n实际控制人性质：地方国资管理机构\n"
                               "实际控制人名称          法定代表人      成立日期\n"
                               "江西省人民政府国有资    易红            2005年3月1日\n"
                               "产监督管理委员会\n\n")
    assert found.name == "江西省人民政府国有资产监督管理委员会"


def test_controller_as_the_sentence_subject(tmp_path: Path) -> None:
    found = _control(tmp_path, "实际控制人情况\n实际控制人性质：境内自然人\n"
                               "陈启航女士通过宁波启航投资有限公司间接持有公司41.02%的股份，是公司的实际控制人。\n")
    assert (found.name, found.nature) == ("陈启航", "NaturalPersonController")


def test_nature_stated_and_the_name_in_a_sentence(tmp_path: Path) -> None:
    found = _control(tmp_path, "实际控制人\n实际控制人性质：中央国资管理机构\n"
                               "报告期末，本公司的实际控制人为国务院国有资产监督管理委员会。\n")
    assert (found.name, found.nature) == ("国务院国有资产监督管理委员会", "CentralStateController")


# -- forms without the stated nature (blind corpus dev errors, 2026-12-05) -----------------------
def test_bare_key_with_a_colon_names_a_person_or_a_state_body(tmp_path: Path) -> None:
    person = _control(tmp_path, "四、控股股东及实际控制人情况\n实际控制人: 郭林辰\n")
    assert (person.name, person.nature) == ("郭林辰", "NaturalPersonController")
    state = _control(tmp_path, "（三）控股股东及实际控制人介绍\n控股股东:厦门市昌恒金融投资集团有限公司\n"
                               "公司实际控制人： 厦门市财政局\n")
    assert (state.name, state.nature) == ("厦门市财政局", "LocalStateController")
    assert _control(tmp_path, "四、控股股东及实际控制人情况\n实际控制人：无\n").nature == "NoController"


def test_key_value_table_under_the_heading_with_no_nature_line(tmp_path: Path) -> None:
    found = _control(tmp_path, "3 控股股东及实际控制人情况\n报告期内本行控股股东、实际控制人未发生变更。\n1 控股股东\n"
                               "名称\t福州市远璟国有资本投资集团有限公司\n（二）实际控制人情况\n"
                               "名称\t福州市人民政府国有资产监督管理委员会\n单位负责人或法定代表人\t谢平然\n")
    assert (found.name, found.nature) == ("福州市人民政府国有资产监督管理委员会", "LocalStateController")


def test_column_header_wrapped_over_two_lines(tmp_path: Path) -> None:
    found = _control(tmp_path, "四、控股股东及实际控制人情况\n（二）实际控制人情况\n"
                               "实际控制人  单位负责人或法定代表  成立日期      主要经营业务\n"
                               "名称        人\n"
                               "湖南省人民  司马建雯              2004年6月26   国有资产监督管理\n"
                               "政府国有资                        日\n"
                               "产监督管理\n委员会\n\n3\n")
    assert (found.name, found.nature) == ("湖南省人民政府国有资产监督管理委员会", "LocalStateController")
