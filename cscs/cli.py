"""The ``cscs`` command line: ingest, score, explain, query, export, validate, retract, demo."""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from datetime import date
from pathlib import Path

from pyoxigraph import NamedNode

from . import __version__
from .api import Graph, NotFound, as_date
from .graph import queries
from .graph.store import StoreError, default_store_path
from .report import write_explanation, write_scores


def _date(text: str) -> date:
    try:
        return as_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _param(text: str) -> tuple[str, object]:
    """``name=value`` for ``cscs query``: <iri>, YYYY-MM-DD, integers, else a string."""
    name, sep, value = text.partition("=")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise argparse.ArgumentTypeError(f"expected name=value, got {text!r}")
    if value.startswith("<") and value.endswith(">"):
        return name, NamedNode(value[1:-1])
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return name, date.fromisoformat(value)
    if re.fullmatch(r"-?\d+", value):
        return name, int(value)
    return name, value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cscs", description=__doc__)
    parser.add_argument("--version", action="version", version=f"cscs {__version__}")
    parser.add_argument("--store", type=Path, help="embedded store folder (default: $CSCS_STORE or "
                        f"{default_store_path()})")
    parser.add_argument("--endpoint", help="a SPARQL 1.1 query endpoint to use instead of the embedded store")
    parser.add_argument("--update-endpoint", help="its SPARQL 1.1 update endpoint (needed for writes)")
    parser.add_argument("--store-endpoint", help="its Graph Store protocol endpoint (documents in one PUT)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="extract documents (files or folders) into the graph")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--as", dest="extractor", help="extractor name (default: recognised by content)")
    p.add_argument("--quiet", action="store_true", help="no progress bar, no per-warning lines")
    p.add_argument("--no-resolve", action="store_true", help="skip entity resolution after ingest")
    p.add_argument("--bulk", action="store_true", default=None,
                   help="stream list files in resumable batches (default: files over 32 MB)")

    p = sub.add_parser("score", help="firms' scores per category, total and grade")
    p.add_argument("--firm", help="USCC, organisation code or name (default: every firm)")
    p.add_argument("--as-of", type=_date, help="date (default today)")
    p.add_argument("--rubric", help="rubric id (default: the one in force on the date)")
    p.add_argument("--format", choices=["table", "csv", "json", "parquet", "jsonl"], default="table",
                   help="csv, parquet and jsonl share one schema: firm, name, identifier, total, grade, "
                   "categories (with --all: csv by default)")
    p.add_argument("--all", action="store_true",
                   help="every firm, one row each, streamed from the materialised score graph")
    p.add_argument("--output", type=Path, help="write to this file (needed for parquet)")
    p.add_argument("--full", action="store_true", help="with --all: recompute every firm's score")

    p = sub.add_parser("explain", help="why a firm scored as it did")
    p.add_argument("firm", help="USCC, organisation code or name")
    p.add_argument("--as-of", type=_date)
    p.add_argument("--rubric")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("query", help="run a SPARQL query file (SELECT, ASK, CONSTRUCT, DESCRIBE) with bound parameters")
    p.add_argument("file", type=Path, help="a .rq file, or a shipped query's name (score, indicators, ...)")
    p.add_argument("--show", action="store_true",
                   help="print the query with its #include lines expanded (standalone SPARQL 1.1), do not run it")
    p.add_argument("--param", "-p", action="append", type=_param, default=[],
                   help="name=value for a VALUES ?name { UNDEF } slot")
    p.add_argument("--format", choices=["table", "csv", "json", "turtle"], default="table",
                   help="SELECT: table, csv or json; ASK: true/false; CONSTRUCT/DESCRIBE: N-Triples, "
                   "turtle or json (JSON-LD)")

    p = sub.add_parser("export", help="write the whole graph")
    p.add_argument("--format", choices=["trig", "nquads", "jsonld"], default="trig")
    p.add_argument("--output", "-o", type=Path, help="file (default: standard output)")

    p = sub.add_parser("resolve", help="match firms and persons; list or decide uncertain pairs")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--same", nargs=2, metavar=("A", "B"), help="judge A and B the same (USCC, name or IRI)")
    group.add_argument("--not-same", nargs=2, metavar=("A", "B"), help="judge A and B different")
    group.add_argument("--undo", nargs=2, metavar=("A", "B"),
                       help="take back a judgement on A and B (as given to --same or --not-same, either order)")
    p.add_argument("--by", default=os.environ.get("USER", "user"), help="who decides (default $USER)")
    p.add_argument("--note", help="why")
    p.add_argument("--format", choices=["text", "json"], default="text")

    sub.add_parser("validate", help="check the graph against the SHACL shapes")
    p = sub.add_parser("retract", help="remove a document and everything derived from it")
    p.add_argument("doc", help="content hash (or a prefix), file name, or document IRI")
    sub.add_parser("documents", help="list ingested documents")
    sub.add_parser("rubrics", help="list rubrics")

    p = sub.add_parser("serve", help="the web explorer over the store (http://127.0.0.1:8765/)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port (default 8765; 0 picks a free one)")
    p.add_argument("--query-timeout", type=float, default=10.0,
                   help="seconds a SPARQL query may run (default 10)")
    p.add_argument("--allow-service", action="append", default=[], metavar="URL",
                   help="a SPARQL endpoint that queries may call with SERVICE (repeatable; default none)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="a host name the explorer answers for besides its address and loopback (repeatable)")
    p.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="a web origin that may read /sparql across sites (CORS; repeatable; default none)")
    p.add_argument("--max-rows", type=int, default=10_000,
                   help="result rows (or triples) of one SPARQL response, beyond which it is cut (default 10000)")
    p.add_argument("--query-memory", type=int, default=1024, metavar="MB",
                   help="memory one SPARQL query may use before it is stopped (default 1024 MB)")
    p.add_argument("--tables", type=Path, help="folder of the compare page's population tables (default: beside the store)")

    p = sub.add_parser("analyze", help="Lin & Milhaupt's regressions: scores on political connection and the rest")
    p.add_argument("--as-of", type=_date, help="scoring date (default today); facts from the fiscal year before it")
    p.add_argument("--rubric", help="rubric id (default: the one in force on the date)")
    p.add_argument("--min-level", choices=["national", "provincial", "municipal", "county"], default="municipal",
                   help="lowest level of a post that connects a firm (default municipal)")
    p.add_argument("--no-rosters", action="store_true", help="do not match roster entries to officers first")
    p.add_argument("--cov", default="HC1", help="robust covariance (statsmodels cov_type: HC0-HC3; default HC1)")
    p.add_argument("--out", type=Path, default=Path("cscs-analysis"),
                   help="folder for table.csv, coefficients.csv and scores_by_connection.png (default ./cscs-analysis)")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = sub.add_parser("compare", help="every firm's score on two sides, RUBRIC@DATE each, and the grade migration")
    p.add_argument("a", help="RUBRIC@YYYY-MM-DD, e.g. zhejiang-2020@2021-01-01")
    p.add_argument("b", help="RUBRIC@YYYY-MM-DD; the what-if options apply to this side")
    p.add_argument("--format", choices=["table", "csv", "json", "parquet"], default="table")
    p.add_argument("--output", "-o", type=Path, help="file (default: standard output; required for parquet)")
    p.add_argument("--migration", type=Path, help="also write the grade-migration table here (CSV)")
    p.add_argument("--changed-only", action="store_true", help="only the firms whose points differ")
    p.add_argument("--assume-repaired", action="append", default=[], metavar="RECORD_IRI@DATE",
                   help="what if the record was repaired on DATE (B only, never written to the store)")
    p.add_argument("--assume-removed", action="append", default=[], metavar="RECORD_IRI@DATE",
                   help="what if the record was removed from its list on DATE")
    p.add_argument("--add-record", action="append", default=[], nargs=3, metavar=("KIND", "FIRM", "DATE"),
                   help="what if a record of KIND (e.g. AbnormalOperation) began on DATE for FIRM")
    p.add_argument("--tables", type=Path, help="folder of the population tables (default: beside the store)")

    p = sub.add_parser("sensitivity", help="the analysis's coefficients across variants of the rubric's assumed values")
    p.add_argument("--as-of", type=_date, help="scoring date (default today); facts from the fiscal year before it")
    p.add_argument("--rubric")
    p.add_argument("--draws", type=int, default=100, help="random variants besides the shipped rubric (default 100)")
    p.add_argument("--grid", action="store_true", help="a grid of scales, windows and cut-off shifts instead")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out-dir", type=Path, default=Path("cscs-sensitivity"),
                   help="folder for variants.csv and sensitivity.png (default ./cscs-sensitivity)")
    p.add_argument("--tables", type=Path, help="folder of the population tables (default: beside the store)")

    p = sub.add_parser("demo", help="generate a sample corpus, ingest it, score and explain")
    p.add_argument("--firms", type=int, default=200)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--corpus", type=Path, help="where to write the corpus (default: beside the store)")
    return parser


# commands that only read the store: they open it read-only, beside a running explorer
READING = {"score", "explain", "query", "documents", "export", "validate", "rubrics"}


def reads_only(args: argparse.Namespace) -> bool:
    return args.command in READING and not getattr(args, "all", False)  # score --all writes its score graph


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    graph = None
    try:
        if args.command == "query" and args.show:  # printing a query needs no store
            return cmd_query(None, args)  # type: ignore[arg-type]
        graph = Graph(path=args.store, endpoint=args.endpoint, update_endpoint=args.update_endpoint,
                      store_endpoint=args.store_endpoint, read_only=reads_only(args))
        return COMMANDS[args.command](graph, args)
    except (NotFound, StoreError, FileNotFoundError, ValueError) as exc:
        print(f"cscs: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    finally:
        if graph is not None:  # let go of the store's lock now, not at a later collection
            import gc

            del graph
            gc.collect()


def cmd_ingest(graph: Graph, args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .graph.ingest import expand

    paths = expand(args.paths)
    bar = tqdm(total=len(paths), unit="doc", disable=args.quiet or len(paths) < 2, file=sys.stderr)

    def done(report) -> None:
        bar.update(1)
        bar.set_postfix_str(report.path.name[-30:])
        if report.status == "rejected":
            tqdm.write(f"rejected  {report.error}", file=sys.stderr)
        elif not args.quiet:
            for problem in report.problems:
                tqdm.write(f"  {problem}", file=sys.stderr)

    rows_bar, rows_path = None, None

    def rows(path: Path, n: int) -> None:
        """A row counter per streamed (bulk) file."""
        nonlocal rows_bar, rows_path
        if path != rows_path:
            if rows_bar is not None:
                rows_bar.close()
            rows_bar, rows_path = tqdm(unit="row", unit_scale=True, disable=args.quiet, file=sys.stderr,
                                       desc=path.name[-30:]), path
        rows_bar.update(n)

    reports = graph.ingest(paths, args.extractor, on_done=done, resolve=not args.no_resolve,
                           bulk=args.bulk, on_rows=rows)
    bar.close()
    if rows_bar is not None:
        rows_bar.close()
    for r in reports:
        if r.status != "rejected":
            was = f" (was [{r.replaced}])" if r.replaced else ""
            print(f"{r.status:<9} {r.path.name}  [{r.extractor}]{was} {r.counts.records} records, "
                  f"{r.counts.enterprises} firms, {r.counts.persons} persons, {len(r.warnings)} warnings")
    added = sum(r.status == "added" for r in reports)
    rejected = sum(r.status == "rejected" for r in reports)
    again = sum(r.status == "re-extracted" for r in reports)
    print(f"{added} added, " + (f"{again} re-extracted, " if again else "")
          + f"{sum(r.status == 'unchanged' for r in reports)} unchanged, "
          f"{sum(len(r.warnings) for r in reports)} warnings, {rejected} rejected")
    return 1 if rejected else 0


def cmd_score(graph: Graph, args: argparse.Namespace) -> int:
    if args.all:
        return score_all(graph, args)
    scores = graph.score(args.firm, args.as_of, args.rubric)
    write_scores(scores, sys.stdout, args.format, path=args.output)
    warn_fit(scores)
    return 0


def warn_fit(scores) -> None:
    """Where the rubric does not fit, on standard error: the date once, each firm's place."""
    said: set[str] = set()
    for s in scores:
        for warning in s.warnings:
            if warning not in said:
                said.add(warning)
                print(f"warning: the rubric does not fit: {warning}"
                      + ("" if warning.startswith(s.as_of.isoformat()) else f" — {s.name or s.firm}"),
                      file=sys.stderr)


def score_all(graph: Graph, args: argparse.Namespace) -> int:
    """Every firm's score, streamed; the score graph is brought up to date first."""
    import time

    from tqdm import tqdm

    from .tables import score_columns, score_table, write_table

    if args.firm:
        raise ValueError("--all and --firm exclude each other")
    day = args.as_of or date.today()
    fmt = "csv" if args.format in ("table", "json") else args.format
    started = time.perf_counter()
    for warning in graph.fit_warnings(args.rubric, day)[0]:
        print(f"warning: the rubric does not fit: {warning}", file=sys.stderr)
    refreshed = graph.refresh_scores(day, args.rubric, full=args.full)
    print(f"scores {refreshed.mode} (version {refreshed.version}, {refreshed.firms_scored} firms scored, "
          f"{refreshed.seconds:.1f} s)", file=sys.stderr)
    labels = graph.category_labels(args.rubric, day)
    bar = tqdm(unit="firm", unit_scale=True, file=sys.stderr, disable=args.output is None)

    def counted(rows):
        for row in rows:
            bar.update(1)
            yield row

    rows = counted(graph.all_scores(day, args.rubric, refresh=False))
    count = write_table(score_table(rows, labels, graph.firm_labels), score_columns(labels), fmt,
                        out=sys.stdout, path=args.output, whole=graph.points_are_whole(args.rubric, day))
    bar.close()
    print(f"{count} firms in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def cmd_explain(graph: Graph, args: argparse.Namespace) -> int:
    write_explanation(graph.explain(args.firm, args.as_of, args.rubric), sys.stdout, args.format)
    return 0


def cmd_query(graph: Graph, args: argparse.Namespace) -> int:
    from .graph.query_forms import syntax_message

    text = _query_text(args.file)
    if args.show:
        sys.stdout.write(text)
        return 0
    try:
        rows = graph.run(text, **dict(args.param))
    except SyntaxError as exc:
        raise ValueError(f"{args.file}: {syntax_message(text, exc)}") from None
    if isinstance(rows, bool):
        print(json.dumps({"boolean": rows}) if args.format == "json" else str(rows).lower())
        return 0
    if isinstance(rows, list):  # CONSTRUCT, DESCRIBE
        from pyoxigraph import RdfFormat, serialize

        fmt = {"json": RdfFormat.JSON_LD, "turtle": RdfFormat.TURTLE}.get(args.format, RdfFormat.N_TRIPLES)
        sys.stdout.flush()
        sys.stdout.buffer.write(serialize(rows, format=fmt) or b"")
        return 0
    if args.format == "json":
        json.dump(rows.rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
        return 0
    writer = csv.writer(sys.stdout, delimiter="," if args.format == "csv" else "\t")
    writer.writerow(rows.variables)
    for row in rows:
        writer.writerow(["" if row[v] is None else row[v] for v in rows.variables])
    return 0


def _query_text(file: Path) -> str:
    """A query file's text with its includes expanded, or a shipped query's by name
    (``score``, ``queries/score.rq`` where no such file is)."""
    if file.exists():
        return queries.load_file(file)
    try:
        return queries.load(file.name)
    except KeyError:
        raise NotFound(f"{file}: no such file, and no shipped query of that name") from None


def cmd_export(graph: Graph, args: argparse.Namespace) -> int:
    if args.output:
        with args.output.open("wb") as out:
            graph.export(out, args.format)
    else:
        graph.export(sys.stdout.buffer, args.format)
    return 0


def cmd_resolve(graph: Graph, args: argparse.Namespace) -> int:
    if args.same or args.not_same:
        a, b = args.same or args.not_same
        graph.judge(a, b, same=bool(args.same), by=args.by, note=args.note)
        print(f"recorded: {a} {'is' if args.same else 'is not'} {b} (by {args.by})")
        return 0
    if args.undo:
        found = graph.unjudge(*args.undo)
        print("judgement taken back" if found else "no judgement by a user on that pair")
        return 0 if found else 1
    result = graph.resolve()
    if args.format == "json":
        json.dump({"linked": len(result.links), "review": [
            {"subject": m.subject, "candidate": m.candidate, "kind": m.kind, "score": m.score,
             "evidence": [str(f) for f in m.features]} for m in result.review]},
            sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{len(result.links)} node(s) linked to a firm or person; {result.user_same} same and "
          f"{result.user_not_same} not-same judgement(s) by users; {len(result.review)} pair(s) to review")
    for m in result.review:
        print(f"\n  {m.kind}: {m.subject}\n     ?= {m.candidate}   score {m.score}")
        for feature in m.features:
            print(f"       {feature}")
    if result.review:
        print("\ndecide with: cscs resolve --same A B   or   cscs resolve --not-same A B")
    return 0


def cmd_validate(graph: Graph, args: argparse.Namespace) -> int:
    from .graph.validate import validate

    report = validate(graph.store)
    for violation in report.violations:
        print(violation)
    print(f"{len(report.violations)} violation(s) in {report.graphs} document graph(s)")
    return 0 if report.conforms else 1


def cmd_retract(graph: Graph, args: argparse.Namespace) -> int:
    doc = graph.retract(args.doc)
    print(f"retracted {doc}")
    return 0


def cmd_documents(graph: Graph, args: argparse.Namespace) -> int:
    from .graph.bulk import partial_loads

    for d in graph.documents():
        print(f"{d['sha256'][:12]}  {d['extractor']:<20} {d['records']:>7} records  "
              f"{d['warnings']:>4} warnings  {d['title']}")
    for iri, file, rows in partial_loads(graph.store):
        print(f"{iri.rsplit('/', 1)[-1][:12]}  {'(unfinished load)':<20} {rows:>7} rows in  {file}"
              f"  — run `cscs ingest {file}` again to finish it")
    return 0


def cmd_rubrics(graph: Graph, args: argparse.Namespace) -> int:
    for r in graph.rubrics():
        print(f"{r['id']:<20} {r['jurisdiction'] or '':<12} {r['version'] or '':<8} "
              f"from {r['effectiveFrom'] or '-'}  total {r['total']}  {r['title'] or ''}")
    return 0


def cmd_analyze(graph: Graph, args: argparse.Namespace) -> int:
    from .analysis import analyze, descriptives, write_text

    result = analyze(graph, args.as_of or date.today(), args.rubric, args.min_level, not args.no_rosters,
                     args.cov, args.out)
    if args.format == "json":
        json.dump({"descriptives": descriptives(result.table), "outputs": {k: str(v) for k, v in result.outputs.items()},
                   "fits": [{"outcome": f.outcome, "n": f.n, "r2": f.r2, "cov_type": f.cov_type, "notes": f.notes,
                             "coefficients": [vars(c) for c in f.coefficients]} for f in result.fits]},
                  sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    write_text(result.table, result.fits, sys.stdout)
    print("\nwritten: " + ", ".join(str(p) for p in result.outputs.values()))
    return 0


def cmd_demo(graph: Graph, args: argparse.Namespace) -> int:
    from .demo import run_demo

    return run_demo(graph, args.firms, args.seed, args.corpus, sys.stdout)


def cmd_serve(graph: Graph, args: argparse.Namespace) -> int:
    from .compare_command import tables_folder
    from .graph.store import server_marker
    from .web import serve
    from .web.guard import Guard

    guard = Guard.for_server(args.host, tuple(args.allow_host), tuple(args.allow_origin),
                             tuple(args.allow_service), max_rows=args.max_rows,
                             query_memory=args.query_memory << 20)
    path = getattr(graph.store, "path", None)
    marker = server_marker(path) if path is not None else None
    if marker is not None:  # so that a command that needs to write names what holds the store
        marker.write_text(json.dumps({"pid": os.getpid(), "host": args.host, "port": args.port}), encoding="utf-8")
    try:
        serve(graph, args.host, args.port, args.query_timeout, guard=guard, tables=tables_folder(args))
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)
    return 0


def cmd_compare(graph: Graph, args: argparse.Namespace) -> int:
    from .compare_command import run_compare

    return run_compare(graph, args, sys.stdout)


def cmd_sensitivity(graph: Graph, args: argparse.Namespace) -> int:
    from .compare_command import run_sensitivity

    return run_sensitivity(graph, args, sys.stdout)


COMMANDS = {
    "ingest": cmd_ingest, "score": cmd_score, "explain": cmd_explain, "query": cmd_query,
    "export": cmd_export, "resolve": cmd_resolve, "validate": cmd_validate, "retract": cmd_retract,
    "documents": cmd_documents, "rubrics": cmd_rubrics, "demo": cmd_demo, "analyze": cmd_analyze, "serve": cmd_serve,
    "compare": cmd_compare, "sensitivity": cmd_sensitivity,
}

if __name__ == "__main__":
    sys.exit(main())
