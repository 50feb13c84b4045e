"""Seeded mutation fuzzing of every reader and extractor through the ingest path.

Every third case is ingested ``--as`` its seed's kind (so extraction meets what content
recognition would turn away), and every third CSV case through the bulk path.

Seeds are real-format documents written by the sample generators (lists as CSV, XLSX,
HTML, PDF and JSON; judgments as text, HTML and PDF; annual reports, charters,
exchange JSON and rosters; the shipped rubric). Each case takes one seed, applies one
or two mutations chosen by a seeded random stream (so a case number always makes the
same bytes), ingests the result in-process and classifies what happened:

- ``error``: rejected with one message that names the file (the wanted outcome for garbage);
- ``traceback``: an exception escaped the ingest, or its message is an internal error;
- ``unnamed``: rejected with a message that does not name the file;
- ``store-changed``: rejected, yet the store differs from before;
- ``garbage``: accepted, but an implausible value was stored without a flag (see
  :func:`implausible`);
- ``accepted``: accepted with plausible values (a mutation may leave a valid document).

Beside the outcomes, ``placed`` counts the errors whose message also names a place in
the file (row, line, page, column, byte offset, sheet, JSON path); an empty file or one
no extractor recognises has none to name.

:func:`run_cases` is shared by the CI suite (``tests/fuzz``, a few hundred cases) and
``bench/fuzz_campaign.py`` (ten thousand and more).
"""

from __future__ import annotations

import io
import json
import logging
import random
import re
import shutil
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from pyoxigraph import Literal

from cscs.demo import shipped_rubric
from cscs.extract import registry
from cscs.extract.amounts import MAX_AMOUNT
from cscs.extract.dates import earliest_date, latest_date
from cscs.extract.identifiers import parse_firm_id
from cscs.extract.names import name_problem
from cscs.extract.source import Source
from cscs.graph.bulk import bulk_ingest
from cscs.graph.ingest import ingest_file
from cscs.graph.store import open_store
from cscs.ontology.namespaces import CSCS, FOAF, ROV, SKOS, XSD

#: A place inside the file, as readers and extractors name it.
PLACE = re.compile(r"\b(row|line|page|column|byte offset|sheet|table|params|data\.)\b|\[\d+\]")
OUTCOMES = ("error", "traceback", "unnamed", "store-changed", "garbage", "accepted")
FAILURES = ("traceback", "unnamed", "store-changed", "garbage")

# -- seeds ----------------------------------------------------------------------


def write_seeds(folder: Path) -> list[Path]:
    """One document of every reader format and extractor, generated (deterministic)."""
    from cscs.sample import generate
    from cscs.sample.listed_corpus import generate_listed

    lists, listed = folder / "lists", folder / "listed"
    generate(lists, firms=80, seed=3, judgments=True)
    generate_listed(listed, firms=6, seed=13)
    seeds = sorted(p for p in lists.iterdir() if p.is_file())
    seeds = [p for p in seeds if p.name != "truth.json"]
    judgments = sorted((lists / "judgments").iterdir())
    seeds += [next(p for p in judgments if p.suffix == s) for s in (".txt", ".html", ".pdf")]
    for sub, pattern in [("reports", "*.txt"), ("reports", "*.pdf"), ("charters", "*.txt"),
                         ("exchange", "*_executives.json"), ("exchange", "*_introduction.json"),
                         ("rosters", "*.xlsx"), ("rosters", "*.csv")]:
        seeds.append(sorted((listed / sub).glob(pattern))[0])
    rubric = folder / "rubric"
    rubric.mkdir()
    for part in (shipped_rubric(), shipped_rubric().with_suffix(".toml")):
        shutil.copy(part, rubric / part.name)
    seeds.append(rubric / shipped_rubric().name)
    return seeds


def format_of(path: Path) -> str:
    """The label a case is counted under: extension and document kind."""
    kind = path.stem.split("_", 1)[-1] if path.parent.name in ("reports", "charters", "exchange") else path.stem
    kind = re.sub(r"^\d+[-_]", "", kind).split("-")[0]
    return f"{path.suffix.lstrip('.')}:{kind}"


# -- mutations ------------------------------------------------------------------

ODD_DATES = ["0001-01-01", "1900-01-01", "2099-12-31", "3000-01-01", "9999999999", "2020-02-30",
             "1949-09-30", "20201332", "0000-00-00", "二〇九九年十二月三十一日"]
ODD_NUMBERS = ["-5", "1" * 26, "9" * 500, "1e309", "NaN", "-0", "Infinity", "0x1F", "1,,,2", "٣٤٥",
               "-99999999999999999999", "5" * 40 + "万元"]
ODD_NAMES = ["杭州\x00空字符有限公司", "杭州\ufffd乱码有限公司", "名" * 100_000, "\u202e反向有限公司", "",
             "　", "<script>x</script>有限公司", "杭州\x1b控制有限公司"]
_DATE = re.compile(r"\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?|\b\d{8}\b")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,20}(?:有限公司|公司|局|法院|委员会)")

Mutation = Callable[[bytes, random.Random, Path], bytes]


def _text(data: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8-sig", "gbk", "utf-16"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def _retext(data: bytes, edit: Callable[[str], str]) -> bytes:
    decoded = _text(data)
    if decoded is None:
        return data
    text, encoding = decoded
    return edit(text).encode("utf-8" if encoding == "utf-8-sig" else encoding, errors="replace")


def _sub_one(pattern: re.Pattern[str], text: str, value: str, rng: random.Random) -> str:
    hits = list(pattern.finditer(text))
    if not hits:
        return text + value
    hit = rng.choice(hits)
    return text[:hit.start()] + value + text[hit.end():]


def flip_bytes(data: bytes, rng: random.Random, path: Path) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random, path: Path) -> bytes:
    return data[: rng.randrange(len(data))] if data else data


def insert_nul(data: bytes, rng: random.Random, path: Path) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + b"\x00" * rng.randint(1, 4) + data[at:]


def zero_range(data: bytes, rng: random.Random, path: Path) -> bytes:
    if len(data) < 2:
        return data
    start = rng.randrange(len(data) - 1)
    end = min(len(data), start + rng.randint(1, 512))
    return data[:start] + b"\x00" * (end - start) + data[end:]


def duplicate_chunk(data: bytes, rng: random.Random, path: Path) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start:start + rng.randint(1, 2048)]
    return data[:start] + chunk * rng.randint(2, 50) + data[start:]


def swap_encoding(data: bytes, rng: random.Random, path: Path) -> bytes:
    decoded = _text(data)
    if decoded is None:
        return data
    text = decoded[0]
    target = rng.choice(["gbk", "utf-16", "utf-16-le", "big5", "latin-1-mojibake", "utf-8-bom", "cp1252"])
    if target == "latin-1-mojibake":
        return text.encode("utf-8").decode("latin-1").encode("utf-8")
    if target == "utf-8-bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(target, errors="replace")


def odd_date(data: bytes, rng: random.Random, path: Path) -> bytes:
    return _retext(data, lambda t: _sub_one(_DATE, t, rng.choice(ODD_DATES), rng))


def odd_number(data: bytes, rng: random.Random, path: Path) -> bytes:
    return _retext(data, lambda t: _sub_one(_NUMBER, t, rng.choice(ODD_NUMBERS), rng))


def odd_name(data: bytes, rng: random.Random, path: Path) -> bytes:
    return _retext(data, lambda t: _sub_one(_NAME, t, rng.choice(ODD_NAMES) or "有限公司", rng))


def shuffle_header(data: bytes, rng: random.Random, path: Path) -> bytes:
    def edit(text: str) -> str:
        lines = text.split("\n")
        index = next((i for i, line in enumerate(lines) if line.count(",") + line.count("\t") >= 2), 0)
        sep = "\t" if "\t" in lines[index] else ","
        cells = lines[index].split(sep)
        choice = rng.randrange(3)
        if choice == 0:
            rng.shuffle(cells)
        elif choice == 1 and cells:
            cells[rng.randrange(len(cells))] = cells[rng.randrange(len(cells))]  # a duplicated header
        else:
            cells = cells[: rng.randrange(len(cells) + 1)]
        lines[index] = sep.join(cells)
        return "\n".join(lines)

    return _retext(data, edit)


def deep_nesting(data: bytes, rng: random.Random, path: Path) -> bytes:
    depth = rng.choice([1_000, 50_000, 200_000])
    if path.suffix in (".json", ".jsonl"):
        return b"[" * depth + b"]" * depth if rng.random() < 0.5 else b'{"a":' * depth + b"1" + b"}" * depth
    if path.suffix in (".html", ".htm"):
        return b"<html><body>" + b"<div>" * depth + b"x" + b"</div>" * depth + b"</body></html>"
    return data + b"\n" + b"(" * depth


def reshape_json(data: bytes, rng: random.Random, path: Path) -> bytes:
    """Move the structure about: a list where an object was, a string for a list, etc."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return data
    replacements = [[], {}, "", "x", 0, -1, 1e308, None, True, [[]], [{"a": None}], {"data": None}]

    def walk(node, depth: int = 0):
        if depth > 30:
            return node
        if isinstance(node, dict) and node:
            key = rng.choice(list(node))
            if rng.random() < 0.4:
                node[key] = rng.choice(replacements)
            else:
                node[key] = walk(node[key], depth + 1)
        elif isinstance(node, list) and node:
            i = rng.randrange(len(node))
            node[i] = rng.choice(replacements) if rng.random() < 0.4 else walk(node[i], depth + 1)
        else:
            return rng.choice(replacements)
        return node

    return json.dumps(walk(value), ensure_ascii=False).encode("utf-8")


def xlsx_cells(data: bytes, rng: random.Random, path: Path) -> bytes:
    """Odd values in a workbook's cells (the zip and XML stay valid)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - an earlier mutation broke it: leave it broken
        return data
    sheet = book.worksheets[rng.randrange(len(book.worksheets))]
    odd = ODD_DATES + ODD_NUMBERS + [n[:1000] if len(n) > 1000 else n for n in ODD_NAMES] + [
        10 ** 30, -5, float("inf"), 1e308, date(1, 1, 1), date(9999, 12, 31)]
    for _ in range(rng.randint(1, 5)):
        row, column = rng.randint(1, max(1, sheet.max_row)), rng.randint(1, max(1, sheet.max_column))
        value = rng.choice(odd)
        if isinstance(value, str):
            value = "".join(c for c in value if c >= " " or c == "\t")  # openpyxl refuses control characters
        cell = sheet.cell(row=row, column=column)
        if type(cell).__name__ != "MergedCell":  # part of a merged range: read-only
            cell.value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BYTE_MUTATIONS: list[Mutation] = [flip_bytes, truncate, insert_nul, zero_range, duplicate_chunk]
TEXT_MUTATIONS: list[Mutation] = [swap_encoding, odd_date, odd_number, odd_name, shuffle_header, deep_nesting]


def mutations_for(path: Path) -> list[Mutation]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return BYTE_MUTATIONS + [xlsx_cells] * 4
    if suffix == ".pdf":
        return BYTE_MUTATIONS
    extra = [reshape_json] * 3 if suffix in (".json", ".jsonl") else []
    return BYTE_MUTATIONS + TEXT_MUTATIONS * 2 + extra


def mutate(seed: Path, rng: random.Random) -> tuple[bytes, list[str]]:
    data = seed.read_bytes()
    chosen = [rng.choice(mutations_for(seed)) for _ in range(rng.choice([1, 1, 1, 2]))]
    for mutation in chosen:
        data = mutation(data, rng, seed)
    return data, [m.__name__ for m in chosen]


# -- checks ---------------------------------------------------------------------

_DATE_PROPS = {CSCS[p].value for p in ("validFrom", "validUntil", "removedOn", "repairedOn", "startDate",
                                       "endDate", "foundedOn", "filedOn", "decidedOn")}
_NAME_PROPS = {ROV.legalName.value, FOAF.name.value, SKOS.prefLabel.value}
_AMOUNT_PROPS = {CSCS[p].value for p in ("fineYuan", "confiscatedYuan", "amountYuan", "donationYuan")}


def implausible(quads) -> list[str]:
    """Implausible values stored without a flag: dates out of range, negative or huge
    amounts, names with control characters or replacement characters or of absurd length,
    USCCs failing their check without cscs:failsCheck."""
    flagged = {q.object.value for q in quads if q.predicate == CSCS.failsCheck}
    low, high = earliest_date(), latest_date()
    found = []
    for q in quads:
        p, o = q.predicate.value, q.object
        if not isinstance(o, Literal):
            continue
        if p in _DATE_PROPS and o.datatype == XSD.date and not low.isoformat() <= o.value <= high.isoformat():
            found.append(f"date {o.value} as {p}")
        elif p in _AMOUNT_PROPS:
            try:
                amount = Decimal(o.value)
            except InvalidOperation:
                found.append(f"amount {o.value!r} as {p}")
                continue
            if not 0 <= amount <= MAX_AMOUNT:
                found.append(f"amount {o.value} as {p}")
        elif p in _NAME_PROPS and name_problem(o.value):
            found.append(f"name {o.value[:40]!r}… ({len(o.value)} chars) as {p}")
        elif p == CSCS.uscc.value:
            ident = parse_firm_id(o.value)
            if ident is not None and not ident.valid and o.value not in flagged:
                found.append(f"USCC {o.value} fails its check, unflagged")
    return found


@dataclass
class Tally:
    """Outcomes per format, and the first few examples of every failure."""

    by_format: dict[str, Counter] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, fmt: str, outcome: str, detail: str = "") -> None:
        self.by_format.setdefault(fmt, Counter())[outcome] += 1
        if outcome in FAILURES and len(self.examples.setdefault(outcome, [])) < 20:
            self.examples[outcome].append(f"{fmt}: {detail}")

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.by_format.values())

    def cases(self) -> int:
        """Cases tried ("placed" is not an outcome: it counts the errors that name a place)."""
        return sum(n for c in self.by_format.values() for k, n in c.items() if k != "placed")


def _dump(store) -> frozenset[str]:
    return frozenset(str(q) for q in store.raw.quads_for_pattern(None, None, None, None))


def write_case(seeds: list[Path], folder: Path, number: int, seed: int = 14) -> tuple[Path, list[str]]:
    """Case ``number``'s document (with the seed's companion files) in ``folder``."""
    rng = random.Random(f"{seed}/{number}")
    original = seeds[number % len(seeds)]
    data, names = mutate(original, rng)
    folder.mkdir(parents=True, exist_ok=True)
    for companion in original.parent.glob(original.stem + ".toml"):
        shutil.copy(companion, folder / companion.name)
    path = folder / original.name
    path.write_bytes(data)
    return path, names


def run_cases(seeds: list[Path], workdir: Path, cases: int, seed: int = 14, tally: Tally | None = None,
              start: int = 0) -> Tally:
    """Run ``cases`` fuzz cases (numbered from ``start``) over the seeds; every case is
    one document ingested into a store that holds the rubric."""
    tally = tally or Tally()
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on broken fonts are not ours to count
    warnings.filterwarnings("ignore", module="openpyxl")
    store = open_store(memory=True)
    rubric = next(p for p in seeds if p.name == shipped_rubric().name)
    assert ingest_file(store, rubric).status == "added"
    baseline = _dump(store)
    kinds = {p: registry.choose(Source(p)).name for p in seeds}  # every third case is ingested --as its kind
    for number in range(start, start + cases):
        original = seeds[number % len(seeds)]
        fmt = format_of(original)
        case_dir = workdir / f"case{number}"
        path, names = write_case(seeds, case_dir, number, seed)
        how = {0: " --as", 1: " --bulk"}.get(number % 3, "") if original.suffix == ".csv" or number % 3 == 0 else ""
        label = f"case {number} ({'+'.join(names)} of {original.name}{how})"
        try:
            if number % 3 == 1 and original.suffix == ".csv" and kinds[original] != "roster":
                report = bulk_ingest(store, path, batch_rows=4)  # the streamed path, in small batches
            else:
                report = ingest_file(store, path, kinds[original] if number % 3 == 0 else None)
        except BaseException as exc:  # noqa: BLE001 - that is what is being counted
            if isinstance(exc, KeyboardInterrupt):
                raise
            tally.add(fmt, "traceback", f"{label}: {exc!r} {traceback.format_exc(limit=-3)}")
            store = _reset(store, rubric)
            continue
        finally:
            shutil.rmtree(case_dir, ignore_errors=True)
        if report.status == "rejected":
            error = report.error or ""
            if "internal error" in error or "Traceback" in error:
                tally.add(fmt, "traceback", f"{label}: {error}")
            elif _dump(store) != baseline:
                tally.add(fmt, "store-changed", f"{label}: {error}")
                store = _reset(store, rubric)
            elif path.name not in error:
                tally.add(fmt, "unnamed", f"{label}: {error}")
            else:
                tally.add(fmt, "error")
                if PLACE.search(error.replace(str(path), "")):
                    tally.add(fmt, "placed")
            continue
        quads = store.quads(report_graph(report))
        garbage = implausible(quads)
        tally.add(fmt, "garbage" if garbage else "accepted", f"{label}: {garbage[:3]}")
        if report.status == "added":
            store.drop_graph(report_graph(report))
    return tally


def report_graph(report):
    from pyoxigraph import NamedNode

    return NamedNode(report.graph)


def _reset(store, rubric: Path):
    fresh = open_store(memory=True)
    ingest_file(fresh, rubric)
    return fresh
