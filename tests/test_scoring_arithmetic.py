"""The scoring arithmetic (cscs.scoring): points, grades, day numbers and change days."""

from __future__ import annotations

from datetime import date

from cscs.scoring import NEVER, Band, Interval, Rule, change_days, counted, day_number, first_day, grade, history


def test_points_all_or_nothing_and_per_record_capped_for_deductions_and_merits() -> None:
    deduction, merit = Rule(20, True, None), Rule(35, False, 10)
    assert [deduction.points(n) for n in (0, 1, 5)] == [20, 0, 0]
    assert [merit.points(n) for n in (0, 1, 3, 4, 9)] == [0, 10, 30, 35, 35]
    assert Rule(30, True, 5).points(2) == 20 and deduction.empty == 20 and merit.empty == 0


def test_a_rule_reads_a_rubric_indicators_row() -> None:
    ns = "https://w3id.org/cscs/ns#"
    row = {"max": 30, "polarity": ns + "Negative", "rule": ns + "PerRecord", "perRecord": 5}
    assert Rule.of(row) == Rule(30, True, 5)
    assert Rule.of({**row, "rule": ns + "AllOrNothing"}) == Rule(30, True, None)


def test_grade_is_the_band_holding_the_total() -> None:
    bands = [Band("A", 900, 1001), Band("B", 700, 900)]
    assert grade(bands, 900).grade == "A" and grade(bands, 899).grade == "B" and grade(bands, 10) is None


def test_day_numbers_order_like_dates_and_the_window_end_is_the_first_real_day() -> None:
    assert day_number(date(2024, 1, 31)) < day_number(date(2024, 2, 1)) < day_number(date(2024, 12, 31))
    assert first_day(day_number(date(2024, 2, 29))) == date(2024, 2, 29)
    assert first_day(day_number(date(2024, 1, 31)) + 31) == date(2024, 3, 1)  # 31 January + 1 month
    assert first_day(day_number(date(2023, 12, 15)) + 31) == date(2024, 1, 15)
    assert first_day(NEVER) == date(9999, 12, 31)


def test_counted_records_are_distinct_per_indicator_on_the_day() -> None:
    d = day_number(date(2024, 6, 30))
    intervals = [Interval("i", "r1", d - 10, d + 1), Interval("i", "r1", d - 5, d + 5),
                 Interval("i", "r2", d, NEVER), Interval("j", "r3", d + 1, NEVER), Interval("k", "r4", d - 9, d)]
    assert counted(intervals, d) == {"i": 2}
    assert change_days(intervals) == sorted({d - 10, d + 1, d - 5, d + 5, d, d - 9})


def test_history_is_the_total_on_each_change_day() -> None:
    rules = {"i": Rule(20, True, None), "m": Rule(30, False, 10)}
    start, end = day_number(date(2021, 3, 1)), day_number(date(2022, 3, 1))
    points = history(rules, [Band("A", 40, 51), Band("B", 0, 40)],
                     [Interval("i", "r", start, end), Interval("m", "x", start, NEVER)],
                     date(2020, 1, 1), date(2024, 1, 1))
    assert points == [(date(2020, 1, 1), 20, "B"), (date(2021, 3, 1), 10, "B"), (date(2022, 3, 1), 30, "B"),
                      (date(2024, 1, 1), 30, "B")]
