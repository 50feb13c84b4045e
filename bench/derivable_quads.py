"""What each derivable quad of a list row costs the loader: one run, the same quads.

    python bench/derivable_quads.py [--rows 20000]

Writes the penalties CSV of ``bench/ingest_bench.py``, ingests it into a fresh on-disk
store, dumps the document graph and then times pyoxigraph's ``bulk_load`` of that dump
whole and without each of the quads issue 15 calls derivable (one predicate, or a
predicate on one class of subject, left out at a time, then all of them), each into a
fresh store in its own process. Prints quads per row and seconds per variant; the
loader's time follows the quad count, so the share of each is its count's share.
Figures, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_bench import m_ingest, write_penalties  # noqa: E402
from scale_bench import in_child  # noqa: E402

CSCS, PROV, RDF = "https://w3id.org/cscs/ns#", "http://www.w3.org/ns/prov#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: (label, predicate, subject IRI fragment that selects the class; "" = any)
DERIVABLE = (
    ("record rdf:type (implied by its kind)", RDF + "type", "/record/"),
    ("record prov:wasDerivedFrom (its own graph)", PROV + "wasDerivedFrom", "/record/"),
    ("record linkIdentifierType (from the identifier's form)", CSCS + "linkIdentifierType", "/record/"),
    ("record linkIdentifierValid (the USCC's check character)", CSCS + "linkIdentifierValid", "/record/"),
    ("record subjectName (the subject's name in the graph)", CSCS + "subjectName", "/record/"),
    ("record/role sourceTable (1 for a CSV)", CSCS + "sourceTable", ""),
    ("firm organizationCode (inside the USCC)", CSCS + "organizationCode", "/enterprise/"),
    ("firm areaCode (inside the USCC)", CSCS + "areaCode", "/enterprise/"),
)


def without(dump: Path, out: Path, drop: list[tuple[str, str, str]]) -> int:
    """Copy the N-Quads dump leaving out the quads of ``drop``; the count kept."""
    keys = [(f"<{p}>".encode(), s.encode()) for _, p, s in drop]
    kept = 0
    with dump.open("rb") as src, out.open("wb") as dst:
        for line in src:
            subject, predicate = line.split(b" ", 2)[:2]
            if any(predicate == p and s in subject for p, s in keys):
                continue
            dst.write(line)
            kept += 1
    return kept


def m_load(dump: str, store_dir: str) -> float:
    import pyoxigraph as ox

    store = ox.Store(store_dir)
    started = time.perf_counter()
    store.bulk_load(path=dump, format=ox.RdfFormat.N_QUADS)
    store.flush()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        listing = write_penalties(folder / "penalties.csv", args.rows)
        dump = folder / "all.nq"
        _, rows, quads, _ = in_child(m_ingest, str(listing), str(folder / "store"), str(dump), False)
        variants = [("all quads", [])] + [(label, [d]) for d in DERIVABLE for label in [d[0]]] \
            + [("without all of the above", list(DERIVABLE))]
        print(f"{rows:,} rows, {quads:,} quads ({quads / rows:.1f} per row)")
        base = None
        for n, (label, drop) in enumerate(variants):
            path = folder / f"v{n}.nq"
            kept = without(dump, path, drop)
            seconds = in_child(m_load, str(path), str(folder / f"load-{n}"))
            base = base or seconds
            print(f"  {label:58} {kept / rows:5.1f} quads/row  {(quads - kept) / rows:4.1f} fewer  "
                  f"load {seconds:6.2f} s ({seconds / base:.2f}x)", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
