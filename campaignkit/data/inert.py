"""Exports that never carry a live formula: a text typed as `=HYPERLINK(…)` stays text.

CSV, as OWASP's CSV-injection guidance says: every text cell is quoted, and one that starts
with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows
it and never runs it. XLSX: every text cell is stored as text, marked as typed with a `'`.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is loaded by the tables it is given, not by importing this
    import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def inert_text(value):
    """A text a spreadsheet shows as typed; any other value unchanged."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def inert_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The table with every text cell made inert (numbers, dates and blanks unchanged)."""
    return table.map(inert_text)


def frame_csv(table: pd.DataFrame) -> str:
    """A table as CSV text: texts quoted and inert, numbers bare."""
    return inert_frame(table).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC)


def rows_csv(rows: list[list]) -> str:
    """Rows as CSV text: texts quoted and inert, numbers bare."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerows([[inert_text(value) for value in row] for row in rows])
    return buffer.getvalue()


def inert_workbook(book) -> None:
    """Store every text cell of an openpyxl workbook as text, never as a formula; one that
    starts like a formula is marked as typed with a `'`, so editing it keeps it text."""
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # openpyxl took a text starting with "=" for one
                    cell.data_type = "s"
                if cell.data_type == "s" and str(cell.value).startswith(TRIGGERS):
                    cell.quotePrefix = True
