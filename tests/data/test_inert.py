"""Exports never carry a live formula (OWASP CSV injection): texts stay text."""

import csv
import io

import pandas as pd
import pytest

from campaignkit.batch.print_shop import PrintJob, job_sheet_csv
from campaignkit.data.inert import frame_csv, inert_text

TRIGGERS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2"]


@pytest.mark.parametrize("text", TRIGGERS)
def test_a_text_that_starts_like_a_formula_gets_a_quote(text):
    assert inert_text(text) == "'" + text


@pytest.mark.parametrize("value", ["Montréal", "a=b", "", 12, -3, None, 2.5])
def test_other_values_are_unchanged(value):
    assert inert_text(value) == value


def test_a_table_as_csv_quotes_its_texts_and_leaves_its_numbers(tmp_path):
    table = pd.DataFrame({"city": ["=1+2", "Laval"], "letters": pd.array([-3, None], "Int64")})
    text = frame_csv(table)
    assert text.splitlines()[1:] == ['"\'=1+2",-3', '"Laval",""']


@pytest.mark.parametrize("text", TRIGGERS)
def test_the_job_sheet_never_carries_a_formula(text):
    job = PrintJob(text, "montreal/poster-fr.pdf", "poster", "fr", 1, 10, text, "colour")
    rows = list(csv.reader(io.StringIO(job_sheet_csv([job]))))
    assert rows[1][0] == rows[1][7] == "'" + text
    assert rows[1][4:7] == ["1", "10", "10"]
