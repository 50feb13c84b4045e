"""Blocking benchmark: resolve list records against a registry of firms with the
resolver's own code (``FirmNode.build``, ``FirmIndex``, ``compare``, ``decide``).

    python bench/resolution_bench.py                      # 300k/100k, then 3M/1M
    python bench/resolution_bench.py --firms 300000 --records 100000 --scale 10

Firms come from a streamed synthetic generator (each firm a pure function of its
number, so records can name firm *i* again without keeping it) and go straight into
``FirmNode`` objects and the index: 3 million firms do not go through the store
(loading them there is the score benchmark's business, not blocking's). The records
are what lists print about firms that lack a full code: a masked USCC with the name
(sometimes mistyped, Traditional, former or English), a registration number, a name
alone, or a firm the registry does not know. Each size runs in its own process, so
the peak memory (``ru_maxrss``) is that size's. Near-linear means records/second
stays flat while the registry grows tenfold, and memory grows with the firms.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import zhconv

from cscs.extract.identifiers import make_uscc
from cscs.graph.resolve.firms import FirmIndex, FirmNode, compare
from cscs.graph.resolve.model import decide

MASK64 = (1 << 64) - 1
ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CITIES = ["杭州", "宁波", "温州", "南京", "苏州", "无锡", "深圳", "广州", "东莞", "北京", "上海", "成都", "武汉", "厦门",
          "福州", "济南", "青岛", "郑州", "长沙", "西安", "合肥", "南昌", "太原", "沈阳", "大连", "昆明", "贵阳", "南宁"]
CITIES_EN = ["Hangzhou", "Ningbo", "Wenzhou", "Nanjing", "Suzhou", "Wuxi", "Shenzhen", "Guangzhou", "Dongguan",
             "Beijing", "Shanghai", "Chengdu", "Wuhan", "Xiamen", "Fuzhou", "Jinan", "Qingdao", "Zhengzhou",
             "Changsha", "Xi'an", "Hefei", "Nanchang", "Taiyuan", "Shenyang", "Dalian", "Kunming", "Guiyang",
             "Nanning"]
TRADE = ("东华兴龙金鑫嘉盛恒达鸿运新联瑞丰长城远航宏图泰和锦绣银河天成伟业广汇万通海纳卓越凯旋腾飞智诚华夏同创正"
         "明光宇宙星辰博雅信义德仁安康永福顺祥瑞麒麟凤凰江山湖海峰岭松竹梅兰菊云霞霖雨雪晨曦朝阳盛世昌隆景泰")
INDUSTRIES = ["实业", "贸易", "建设工程", "电子科技", "餐饮管理", "物流", "广告传媒", "汽车销售服务", "房地产开发",
              "纺织", "机械制造", "信息技术", "生物科技", "新材料", "环保科技", "文化传播", "农业开发", "医药",
              "建材", "服装", "食品", "家具", "印刷", "化工", "能源", "投资管理", "咨询服务", "装饰工程",
              "教育科技", "网络科技", "供应链管理", "酒店管理", "旅游开发", "通信设备", "五金", "包装", "塑料制品",
              "电气", "仪器仪表", "水务"]
FORMS = ["有限公司", "有限责任公司", "股份有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国红梅志文斌海燕波宇鹏飞婷雪琳浩宁晨阳"


def mix(x: int) -> int:
    """splitmix64: a firm's attributes are a pure function of its number."""
    x = (x + 0x9E3779B97F4A7C15) & MASK64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & MASK64
    return x ^ (x >> 31)


def areas(count: int = 2800) -> tuple[list[str], list[float]]:
    """County area codes with a skewed size (a few districts hold many firms)."""
    codes, x = [], 1
    while len(codes) < count:
        x = mix(x)
        code = f"{11 + x % 55:02d}{1 + (x >> 8) % 20:02d}{1 + (x >> 16) % 30:02d}"
        if code not in codes:
            codes.append(code)
    weights = [1 / (rank + 10) ** 0.8 for rank in range(count)]
    total, cum = sum(weights), []
    for w in weights:
        cum.append((cum[-1] if cum else 0.0) + w / total)
    return codes, cum


AREA_CODES, AREA_CUM = areas()


class Firm:
    """Firm ``i`` of the synthetic registry, derived from ``i`` alone."""

    __slots__ = ("i", "uscc", "regno", "name", "former", "english", "rep", "city")

    def __init__(self, i: int, seed: int):
        h = mix(i ^ (seed << 40))
        self.i = i
        area = AREA_CODES[min(bisect.bisect(AREA_CUM, (h & 0xFFFFFF) / 0x1000000), len(AREA_CODES) - 1)]
        # unique organisation codes: i spread over the code space by an odd multiplier (a bijection)
        spread = (i * 0x2545F491 + seed) % 31 ** 6
        if h >> 62:   # 3 in 4: new-style codes MA + six characters
            org = "MA" + "".join(ORG_ALPHABET[(spread // 31 ** k) % 31] for k in range(6))
        else:
            org = f"{(i * 7919 + seed) % 10 ** 8:08d}"
        self.uscc = make_uscc(area, org)
        self.regno = area + f"{(i * 104729 + seed) % 10 ** 9:09d}"
        g = mix(h)
        self.city = CITIES[g % len(CITIES)]
        trade = TRADE[(g >> 8) % len(TRADE)] + TRADE[(g >> 16) % len(TRADE)] + (
            TRADE[(g >> 24) % len(TRADE)] if (g >> 32) % 3 == 0 else "")
        self.name = f"{self.city}{trade}{INDUSTRIES[(g >> 40) % len(INDUSTRIES)]}{FORMS[(g >> 48) % 3]}"
        self.former = (f"{self.city}{TRADE[(g >> 20) % len(TRADE)]}{TRADE[(g >> 28) % len(TRADE)]}"
                       f"{INDUSTRIES[(g >> 44) % len(INDUSTRIES)]}有限公司") if g % 20 == 0 else ""
        self.english = f"{CITIES_EN[g % len(CITIES)]} Firm {i} Co., Ltd." if g % 10 == 1 else ""
        r = mix(g)
        self.rep = SURNAMES[r % len(SURNAMES)] + GIVEN[(r >> 8) % len(GIVEN)] + (
            GIVEN[(r >> 16) % len(GIVEN)] if r >> 63 else "")

    @property
    def masked(self) -> str:
        return self.uscc[:10] + "****" + self.uscc[14:]

    def node(self) -> FirmNode:
        return FirmNode.build(
            f"https://w3id.org/cscs/id/enterprise/oc-{self.uscc[8:17]}", uscc=(self.uscc,), regno=(self.regno,),
            names=(self.name,), former=(self.former,) if self.former else (),
            english=(self.english,) if self.english else (), reps=(self.rep,))


def firms(count: int, seed: int):
    for i in range(count):
        yield Firm(i, seed).node()


KINDS = [  # what list records print about a firm, and how often (per thousand)
    ("masked code and name", 400), ("masked code, typo in name", 50), ("masked code, Traditional name", 30),
    ("masked code, former name", 40), ("masked code, English name", 30), ("registration number", 150),
    ("name only", 150), ("firm not in the registry", 150),
]


def records(count: int, firm_count: int, seed: int):
    """(kind, the alias node's published values, the firm it names or None)."""
    kinds = [k for k, share in KINDS for _ in range(share)]
    for j in range(count):
        h = mix(j ^ (seed << 48) ^ 0x5DEECE66D)
        kind = kinds[h % len(kinds)]
        iri = f"https://w3id.org/cscs/id/enterprise/masked-record-{j}"
        if kind == "firm not in the registry":
            stranger = Firm(firm_count + j, seed)  # numbered past the registry: a firm it does not hold
            yield kind, {"iri": iri, "masked": (stranger.masked,), "names": (stranger.name,),
                         "reps": (stranger.rep,)}, None
            continue
        firm = Firm((h >> 16) % firm_count, seed)
        truth = f"https://w3id.org/cscs/id/enterprise/oc-{firm.uscc[8:17]}"
        if kind == "masked code, former name" and not firm.former:
            kind = "masked code and name"
        if kind == "masked code, English name" and not firm.english:
            kind = "masked code and name"
        name = firm.name
        if kind == "masked code, typo in name":
            k = len(firm.city) + (h >> 40) % 2
            name = name[:k] + TRADE[(h >> 44) % len(TRADE)] + name[k + 1:]
        elif kind == "masked code, Traditional name":
            name = zhconv.convert(name, "zh-hant")
        elif kind == "masked code, former name":
            name = firm.former
        elif kind == "masked code, English name":
            name = firm.english.upper().replace("CO., LTD.", "COMPANY LIMITED")
        if kind == "registration number":
            values = {"regno": (firm.regno,), "names": (name,)}
        elif kind == "name only":
            values = {"names": (name,)}
        else:
            values = {"masked": (firm.masked,), "names": (name,), "reps": (firm.rep,)}
        yield kind, {"iri": iri, **values}, truth


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(firm_count: int, record_count: int, seed: int, trace: bool) -> dict:
    if trace:
        tracemalloc.start()
    gc.disable()  # millions of small long-lived objects: the cyclic collector only burns time here
    base = peak_mib()
    start, build_cpu = time.perf_counter(), time.process_time()
    index = FirmIndex(firms(firm_count, seed))
    build, build_cpu = time.perf_counter() - start, time.process_time() - build_cpu
    after_index = peak_mib()
    traced_index = tracemalloc.get_traced_memory()[0] if trace else None
    counts: dict[str, dict[str, int]] = {}
    candidates = 0
    generating = generating_cpu = 0.0
    start, start_cpu = time.perf_counter(), time.process_time()
    stream = records(record_count, firm_count, seed)
    while True:
        t, t_cpu = time.perf_counter(), time.process_time()
        item = next(stream, None)
        generating += time.perf_counter() - t
        generating_cpu += time.process_time() - t_cpu
        if item is None:
            break
        kind, values, truth = item
        alias = FirmNode.build(**values)  # normalising the record's names is the resolver's work
        found = index.candidates(alias)
        candidates += len(found)
        accepted, review = decide([compare(alias, c) for c in found])
        c = counts.setdefault(kind, {"records": 0, "linked": 0, "wrong": 0, "review": 0})
        c["records"] += 1
        if accepted:
            c["linked" if accepted[0].candidate == truth else "wrong"] += 1
        elif review:
            c["review"] += 1
    resolve, resolve_cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return {
        "firms": firm_count, "records": record_count, "index_seconds": round(build, 1),
        "index_cpu_seconds": round(build_cpu, 1), "firms_per_second": round(firm_count / build),
        "resolve_seconds": round(resolve, 1), "resolve_cpu_seconds": round(resolve_cpu, 1),
        "generate_seconds": round(generating, 1), "generate_cpu_seconds": round(generating_cpu, 1),
        "records_per_second": round(record_count / resolve),
        "resolver_records_per_second": round(record_count / (resolve - generating)),
        "firms_per_cpu_second": round(firm_count / build_cpu),
        "resolver_records_per_cpu_second": round(record_count / (resolve_cpu - generating_cpu)),
        "candidates_per_record": round(candidates / record_count, 2),
        "peak_rss_mib": round(peak_mib()), "index_rss_mib": round(after_index - base),
        "bytes_per_firm": round((after_index - base) * 2 ** 20 / firm_count),
        "traced_peak_mib": round(tracemalloc.get_traced_memory()[1] / 2 ** 20) if trace else None,
        "traced_index_mib": round(traced_index / 2 ** 20) if trace else None,
        "outcomes": counts,
    }


def show(r: dict) -> str:
    lines = [
        f"{r['firms']:,} firms, {r['records']:,} records",
        f"  index    {r['index_seconds']:7.1f} s wall, {r['index_cpu_seconds']:7.1f} s CPU: "
        f"{r['firms_per_cpu_second']:>7,} firms per CPU second ({r['firms_per_second']:,}/s wall; generated, "
        "normalised, indexed)",
        f"  resolve  {r['resolve_seconds']:7.1f} s wall, {r['resolve_cpu_seconds']:7.1f} s CPU "
        f"(of which generating the records {r['generate_cpu_seconds']} s): "
        f"{r['resolver_records_per_cpu_second']:>7,} records per CPU second for the resolver "
        f"({r['resolver_records_per_second']:,}/s wall; {r['records_per_second']:,}/s wall with generating them)",
        f"           normalise, block ({r['candidates_per_record']} candidates per record), compare, decide",
        f"  memory  peak RSS {r['peak_rss_mib']:,} MiB; the index of firms {r['index_rss_mib']:,} MiB "
        f"({r['bytes_per_firm']} bytes per firm)" + (
            f"; tracemalloc peak {r['traced_peak_mib']:,} MiB" if r["traced_peak_mib"] is not None else ""),
    ]
    total = {"records": 0, "linked": 0, "wrong": 0, "review": 0}
    for kind, c in r["outcomes"].items():
        lines.append(f"    {kind:34} {c['records']:>9,} records: {c['linked']:>9,} linked right, "
                     f"{c['wrong']:>3} wrong, {c['review']:>8,} to review")
        for k in total:
            total[k] += c[k]
    lines.append(f"    {'all':34} {total['records']:>9,} records: {total['linked']:>9,} linked right, "
                 f"{total['wrong']:>3} wrong, {total['review']:>8,} to review")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--firms", type=int, default=3_000_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--scale", type=int, default=10, help="also run firms/scale and records/scale first "
                        "(1: only the given size)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tracemalloc", action="store_true", help="trace Python allocations too (slower)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single size, in this process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.firms, args.records, args.seed, args.tracemalloc)))
        return 0
    print("Firms are built as FirmNode objects from a streamed generator, not loaded through the store;")
    print("records are resolved with FirmIndex.candidates, compare and decide, as graph/resolve does.")
    print(f"(load average now {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores: "
          "wall-clock rates fall when other work shares the machine; rates per CPU second do not)")
    sizes = [(args.firms // args.scale, args.records // args.scale)] if args.scale > 1 else []
    sizes.append((args.firms, args.records))
    results = []
    for firm_count, record_count in sizes:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--one", "--firms", str(firm_count),
               "--records", str(record_count), "--seed", str(args.seed)] + (
            ["--tracemalloc"] if args.tracemalloc else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(show(results[-1]), flush=True)
    if len(results) == 2:
        small, large = results
        print(f"scaling x{large['firms'] / small['firms']:.0f} firms, x{large['records'] / small['records']:.0f} "
              f"records: resolver records per CPU second x"
              f"{large['resolver_records_per_cpu_second'] / small['resolver_records_per_cpu_second']:.2f}, "
              f"firms per CPU second x{large['firms_per_cpu_second'] / small['firms_per_cpu_second']:.2f}, "
              f"bytes per firm x{large['bytes_per_firm'] / small['bytes_per_firm']:.2f} "
              "(near-linear: the rates stay flat)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
