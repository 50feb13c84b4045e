"""The query loader's includes: the counting rule is written once and included."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Store

from cscs.graph import queries
from cscs.graph.queries import expand, load, names

QUERIES = Path(__file__).resolve().parents[2] / "queries"


def test_an_include_line_is_replaced_by_the_fragment_indented_like_the_line() -> None:
    files = {"outer": "SELECT * WHERE {\n  #include <inner.rq>\n}\n", "inner": "?s ?p ?o .\n\n#include <leaf>\n",
             "leaf": "FILTER(true)\n"}
    assert expand(files["outer"], files.__getitem__) == "SELECT * WHERE {\n  ?s ?p ?o .\n\n  FILTER(true)\n}\n"


def test_an_include_cycle_is_an_error_naming_it() -> None:
    files = {"a": "#include <b.rq>\n", "b": "#include <a.rq>\n"}
    with pytest.raises(ValueError, match="a -> b -> a"):
        expand("#include <a.rq>\n", files.__getitem__)


def test_every_shipped_query_expands_to_a_standalone_query_with_no_include_left() -> None:
    store = Store()
    for name in names():
        text = load(name)
        assert "#include" not in text and not name.startswith(queries.FRAGMENT_PREFIX), name
        if "DELETE" in text or "INSERT" in text:
            store.update(text)  # parses and runs on an empty store
        else:
            store.query(text)


def test_the_rule_is_written_once() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in QUERIES.glob("*.rq")}
    # the validity window: the interval's end, and the same bound in the on-a-day filter
    assert sorted(n for n, t in texts.items() if "MONTH(?from)" in t) == ["rule-interval.rq", "rule-on-day.rq"]
    assert [n for n, t in texts.items() if "FILTER(?from <= ?asOf)" in t] == []


def test_a_copied_file_is_expanded_from_the_shipped_fragments(tmp_path: Path) -> None:
    copy = tmp_path / "mine.rq"
    copy.write_text((QUERIES / "score.rq").read_text(encoding="utf-8"), encoding="utf-8")
    assert queries.load_file(copy) == load("score")
