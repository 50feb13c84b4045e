"""企业登记信息 (registry): a firm's codes, names, former and English names, address,
founding date, authority and legal representative; never a record."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pyoxigraph import NamedNode

from cscs.extract.context import ExtractionContext
from cscs.extract.identifiers import make_uscc
from cscs.extract.lists.business_register import BusinessRegisterList, former_names
from cscs.extract.registry import choose
from cscs.extract.source import Source

HEADER = ["企业名称", "统一社会信用代码", "注册号", "组织机构代码", "曾用名", "英文名称", "法定代表人", "住所", "成立日期",
          "登记机关", "经营范围"]
USCC = make_uscc("330106", "40000001")


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def extract(path: Path) -> ExtractionContext:
    ctx = ExtractionContext(path=path, graph=NamedNode("https://w3id.org/cscs/doc/test"), doc_key="0" * 64)
    BusinessRegisterList().extract(ctx, Source(path))
    return ctx


def facts(ctx: ExtractionContext) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for q in ctx.quads:
        local = q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        out.setdefault(q.subject.value, {}).setdefault(local, []).append(q.object.value)
    return out


def test_former_names_split_on_every_published_separator() -> None:
    assert former_names("杭州甲有限公司；杭州乙有限公司; 杭州丙有限公司、杭州丁有限公司；杭州甲有限公司") == [
        "杭州甲有限公司", "杭州乙有限公司", "杭州丙有限公司", "杭州丁有限公司"]
    assert former_names("") == [] and former_names("无") == []


def test_a_registry_extract_describes_the_firm_and_makes_no_record(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "registry.csv", [HEADER, [
        "杭州西溪实业有限公司", USCC, "330106000012345", "", "杭州西溪贸易有限公司；杭州老西溪商行、杭州西溪实业有限公司",
        "Hangzhou Xixi Industrial Co., Ltd.", "王伟", "杭州市西湖区文三路1号", "2010年5月6日", "杭州市西湖区市场监督管理局",
        "贸易"]], encoding="gbk")
    assert choose(Source(path)).name == "business_register"
    ctx = extract(path)
    assert ctx.counts.records == 0 and ctx.problems == []
    nodes = facts(ctx)
    firm = nodes[f"https://w3id.org/cscs/id/enterprise/oc-{USCC[8:17]}"]
    assert firm["legalName"] == ["杭州西溪实业有限公司"]
    assert firm["uscc"] == [USCC] and firm["registrationNumber"] == ["330106000012345"]
    assert firm["formerName"] == ["杭州西溪贸易有限公司", "杭州老西溪商行"]  # the current name is not a former one
    assert firm["englishName"] == ["Hangzhou Xixi Industrial Co., Ltd."]
    assert firm["address"] == ["杭州市西湖区文三路1号"] and firm["foundedOn"] == ["2010-05-06"]
    (authority,) = firm["registeredBy"]
    assert nodes[authority]["prefLabel"] == ["杭州市西湖区市场监督管理局"]
    (membership,) = [n for n in nodes.values() if n.get("role")]
    assert membership["role"] == ["https://w3id.org/cscs/ns#LegalRepresentative"]
    assert nodes[membership["member"][0]]["name"] == ["王伟"]


def test_old_identifiers_alone_key_the_firm(tmp_path: Path) -> None:
    """An organisation code keys the firm as a USCC would; a registration number alone
    makes a node that resolution matches later."""
    path = write_csv(tmp_path / "registry.csv", [HEADER, [
        "杭州老字号商行", "", "", "40000001-8", "", "", "李四", "", "1998-01-01", "杭州市工商行政管理局", ""], [
        "杭州另一家商行", "", "330106000099999", "", "杭州另一家商店", "", "", "", "2001-01-01", "", ""]])
    nodes = facts(extract(path))
    assert f"https://w3id.org/cscs/id/enterprise/oc-{USCC[8:17]}" in nodes
    assert "https://w3id.org/cscs/id/enterprise/regno-330106000099999" in nodes


def test_a_registry_does_not_claim_the_lists(tmp_path: Path) -> None:
    """Lists that name firms (with address or legal representative) keep their extractor."""
    abnormal = write_csv(tmp_path / "abnormal.csv", [
        ["企业名称", "统一社会信用代码", "列入经营异常名录原因", "列入日期", "作出决定机关(列入)"],
        ["杭州西溪实业有限公司", USCC, "通过登记的住所或者经营场所无法联系", "2024-01-10", "杭州市市场监督管理局"]])
    taxpayers = write_csv(tmp_path / "taxpayers.csv", [
        ["纳税人名称", "纳税人识别号", "法定代表人", "经营地址", "认定日期"],
        ["杭州西溪实业有限公司", USCC, "王伟", "杭州市西湖区文三路1号", "2024-02-01"]])
    assert choose(Source(abnormal)).name == "abnormal_operations"
    assert choose(Source(taxpayers)).name == "abnormal_taxpayers"
