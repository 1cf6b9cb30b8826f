"""A problem's message and fix: its values written as people write them, in each language."""

import datetime as dt

from campaignkit.text.problems import Problem


def test_hours_and_dates_in_a_problem_are_written_as_people_write_them():
    hours = Problem(
        "events.csv", "end", "end_before_start", {"start": dt.time(18, 30), "end": dt.time(9)}
    )
    assert hours.message("fr") == "la fin (9 h) précède le début (18 h 30)"
    assert hours.message("en") == "the end (9 a.m.) comes before the start (6:30 p.m.)"
    days = {"start": dt.date(2024, 1, 31), "end": dt.date(2023, 10, 30)}
    dates = Problem("campaign.yaml", "end", "end_before_start", days)
    assert "(30 octobre 2023) précède le début (31 janvier 2024)" in dates.message("fr")
    assert "09:00:00" not in hours.text("fr") and "2024-01-31" not in dates.text("en")
