"""Table cells as PDF tables and text layouts give them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cscs.extract.disclosures.cells import (
    end_date,
    merge_padded_name,
    number,
    person_name,
    split_columns,
    split_posts,
    terms,
)


def test_padded_and_annotated_names() -> None:
    assert person_name("胡 湘") == person_name("胡\u3000湘") == person_name("胡\n湘") == "胡湘"
    assert person_name("潘敏（离任）") == "潘敏"
    assert merge_padded_name(split_columns("胡  湘  独立董事  现任  男  58")) == ["胡湘", "独立董事", "现任", "男", "58"]


def test_merged_post_cells() -> None:
    assert split_posts("监事长\n职工监事") == ["监事长", "职工监事"]
    assert split_posts("董事、副行长\n首席财务官") == ["董事", "副行长", "首席财务官"]


def test_terms_by_post() -> None:
    first, labelled = terms("董事任期：\n2020.1-换届\n副行长任期：\n2020.6-\n首席财务官任\n期：2018.1-")
    assert first == (date(2020, 1, 1), None)
    assert labelled == {"董事": (date(2020, 1, 1), None), "副行长": (date(2020, 6, 1), None),
                        "首席财务官": (date(2018, 1, 1), None)}
    assert terms("2014.1-2024.9")[0] == (date(2014, 1, 1), date(2024, 10, 1))


def test_published_ends_are_the_last_day_held() -> None:
    assert end_date("2024年05月19日") == date(2024, 5, 20)
    assert end_date("2024.12") == date(2025, 1, 1)
    assert end_date("换届") is None


def test_numbers() -> None:
    assert number("5,769,270") == Decimal("5769270")
    assert number("(10,230)") == Decimal("-10230")
    assert number("-") is None
