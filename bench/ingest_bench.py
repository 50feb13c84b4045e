"""Ingest against the store's own loader: one run, the same quads, side by side.

    python bench/ingest_bench.py                       # 60,000-row penalties CSV, ordinary path
    python bench/ingest_bench.py --rows 20000 --bulk-rows 200000
    python bench/ingest_bench.py --rows 0 --bulk-rows 1000000 --loads 1

It writes a 双公示 penalties CSV of N rows (the standard's real headers, every row a
firm with a USCC, a legal representative and a department), then, each in its own
process (its own peak memory):

1. ``Graph.ingest`` of it (``cscs ingest --no-resolve``, in-process; the extraction in
   its own child process, :mod:`graph.pipeline`) into a fresh on-disk store, and the
   document graph it wrote dumped as N-Quads;
2. the extraction alone (the extractor over the file, no store), for the bound
   max(extraction, load) that a pipelined ingest tends to;
3. pyoxigraph's ``bulk_load`` of exactly those N-Quads into another fresh on-disk store,
   ``--loads`` times (the machine's load moves; the ratio is taken to the fastest);

and prints the times, the ratio (the issue's target: ≤ 1.25×), rows/s, quads per row,
peak RSS (``getrusage`` of the measuring process and of its children, i.e. the
extraction process) and the load average before and after. With ``--bulk-rows`` it does
the same through the bulk path (``--bulk``) on a larger file. Figures, not a test.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_bench import in_child  # noqa: E402  (bench helper: one measurement per child process)

HEADER = ("行政相对人名称", "行政相对人类别", "统一社会信用代码", "工商注册号", "组织机构代码", "税务登记号", "法定代表人",
          "行政处罚决定书文号", "违法行为类型", "违法事实", "处罚依据", "处罚类别", "处罚内容", "罚款金额（万元）",
          "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号", "处罚决定日期", "处罚有效期", "公示截止期",
          "处罚机关", "处罚机关统一社会信用代码", "数据来源单位", "数据来源单位统一社会信用代码", "备注")
AREAS = ("330102", "330106", "330108", "330110", "330183", "330203", "330302", "330402")
VIOLATIONS = (("未按规定公示年度报告", "《企业信息公示暂行条例》第八条"),
              ("销售不合格产品", "《中华人民共和国产品质量法》第四十九条"),
              ("超标排放大气污染物", "《中华人民共和国大气污染防治法》第九十九条"),
              ("未取得安全生产许可证擅自生产", "《安全生产许可证条例》第十九条"))


def _peak_mib() -> float:
    """This process's peak resident memory, MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_penalties(path: Path, rows: int, seed: int = 15) -> Path:
    """A penalties list of ``rows`` rows in the 双公示 headers: distinct firms (valid USCCs),
    one of eight departments, fines in 万元, a publicity period."""
    from cscs.extract.identifiers import make_uscc

    rng = random.Random(seed)
    departments = [(f"{city}市市场监督管理局", make_uscc(area, f"D{n:07d}", authority="1", kind="1"))
                   for n, (city, area) in enumerate(zip("杭宁温嘉湖绍金衢", AREAS))]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            uscc = make_uscc(AREAS[i % len(AREAS)], f"{i:08d}")
            violation, basis = VIOLATIONS[i % len(VIOLATIONS)]
            authority, code = departments[i % len(departments)]
            day = f"20{19 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            until = f"20{22 + i % 5}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            out.writerow([f"杭州基准{i}贸易有限公司", "法人及非法人组织", uscc, "", "", "", f"王{i % 97}",
                          f"杭市监罚〔2023〕{i}号", violation, f"当事人{violation}，经查属实。", basis, "罚款",
                          f"罚款{1 + i % 9}万元", f"{(1 + i % 9) / 10:.1f}", f"{rng.randrange(0, 5) / 10:.1f}", "",
                          day, until, until, authority, code, authority, code, ""])
    return path


def m_ingest(listing: str, store_dir: str, dump: str, bulk: bool) -> tuple:
    """``Graph.ingest`` (no resolution) on a fresh on-disk store; the graph dumped after."""
    import pyoxigraph as ox

    from cscs.api import Graph

    graph = Graph(path=store_dir)
    started = time.perf_counter()
    [report] = graph.ingest([listing], resolve=False, bulk=bulk)
    seconds = time.perf_counter() - started
    assert report.status == "added", report.error
    with open(dump, "wb") as out:
        graph.store.raw.dump(out, ox.RdfFormat.N_QUADS, from_graph=ox.NamedNode(report.graph))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, report.counts.rows, len(graph.store), _peak_mib(), children


def m_extract(listing: str, bulk: bool) -> tuple:
    """The extraction alone: the chosen extractor over the file, facts as text, no store
    (the bulk path's streamed rows when ``bulk``), as the ingest's child runs it."""
    from cscs.extract import registry
    from cscs.extract.context import ExtractionContext
    from cscs.extract.readers.csv import stream_csv
    from cscs.extract.source import Source
    from cscs.ontology.namespaces import doc_graph

    started = time.perf_counter()
    source = Source(Path(listing))
    ctx = ExtractionContext(path=source.path, graph=doc_graph("bench"), doc_key="bench")
    lines = 0
    if bulk:
        head, raws = stream_csv(source.path)
        source.__dict__["tables"] = [head]
        extractor = registry.choose(source)
        for n, row in enumerate(extractor.rows(ctx, head, extractor.layout(head), raws), 1):
            extractor.read_row(ctx, row)
            if n % 50_000 == 0:
                lines += len(ctx.drain().text().splitlines())
    else:
        extractor = registry.choose(source)
        extractor.extract(ctx, source)
    lines += len(ctx.drain().text().splitlines())
    return time.perf_counter() - started, lines, _peak_mib()


def m_load(dump: str, store_dir: str) -> tuple:
    """pyoxigraph's own bulk loader, given the same quads as one N-Quads file."""
    import pyoxigraph as ox

    store = ox.Store(store_dir)
    started = time.perf_counter()
    store.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    store.flush()
    return time.perf_counter() - started, len(store), _peak_mib()


def compare(label: str, rows: int, bulk: bool, tmp: Path, loads: int) -> None:
    """Ingest, the extraction alone, then the loader on the ingest's quads ``loads`` times."""
    listing = write_penalties(tmp / f"penalties-{rows}.csv", rows)
    dump = str(tmp / f"{label}.nq")
    before = os.getloadavg()
    ingest_s, read, quads, ingest_mib, child_mib = in_child(m_ingest, str(listing), str(tmp / f"{label}-store"),
                                                            dump, bulk)
    extract_s, lines, extract_mib = in_child(m_extract, str(listing), bulk)
    results = []
    for n in range(loads):
        results.append(in_child(m_load, dump, str(tmp / f"{label}-loaded-{n}")))
        _remove(tmp / f"{label}-loaded-{n}")
    after = os.getloadavg()
    assert all(loaded == quads for _, loaded, _ in results), (results, quads)
    load_s = min(s for s, _, _ in results)
    print(f"{label}: {rows:,} rows ({listing.stat().st_size / 2**20:.1f} MiB), {quads:,} quads "
          f"({quads / rows:.1f} per row); load average {before[0]:.1f} before, {after[0]:.1f} after "
          f"(1-min; 2 cores)")
    print(f"  cscs ingest{' --bulk' if bulk else ''}: {ingest_s:6.2f} s  {read / ingest_s:8,.0f} rows/s  "
          f"{quads / ingest_s:9,.0f} quads/s  peak {ingest_mib:,.0f} MiB (extraction process {child_mib:,.0f} MiB)")
    print(f"  extraction alone: {extract_s:6.2f} s  {rows / extract_s:8,.0f} rows/s  {lines:,} lines  "
          f"peak {extract_mib:,.0f} MiB")
    for n, (seconds, _, mib) in enumerate(results, 1):
        print(f"  bulk_load of its quads ({n}): {seconds:6.2f} s  {rows / seconds:8,.0f} rows/s  "
              f"{quads / seconds:9,.0f} quads/s  peak {mib:,.0f} MiB")
    bound = max(extract_s, load_s)
    print(f"  ratio ingest / fastest bulk_load: {ingest_s / load_s:.2f}x  (target <= 1.25x); "
          f"ingest / max(extraction, load): {ingest_s / bound:.2f}x", flush=True)
    _remove(tmp / f"{label}-store")
    Path(dump).unlink()


def _remove(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=60_000, help="rows of the ordinary-path file")
    parser.add_argument("--bulk-rows", type=int, default=0, help="rows of the bulk-path file (0: skip)")
    parser.add_argument("--loads", type=int, default=2, help="bulk_load runs per file (the fastest is used)")
    parser.add_argument("--tmp", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        if args.rows:
            compare("ordinary", args.rows, False, Path(tmp), args.loads)
        if args.bulk_rows:
            compare("bulk", args.bulk_rows, True, Path(tmp), args.loads)


if __name__ == "__main__":
    main()
