"""Reading the cells of a CSV or XLSX file as people's spreadsheets save them, and counts.

CSV: through csvfile, the one CSV reader (comma, semicolon or tab; UTF-8 or Windows-1252).
XLSX: the first sheet, values as last computed (Excel or LibreOffice), row numbers as shown.
"""

import csv
import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from campaignkit.data import csvfile
from campaignkit.data.csvfile import Unreadable, decode, delimiter  # noqa: F401 - API
from campaignkit.data.models import MAX_COUNT

READABLE = (".csv", ".xlsx")

Row = tuple[int, list]  # (row number as the spreadsheet shows it, cell values)


def column_letter(index: int) -> str:
    """0 → A, 1 → B, …"""
    return get_column_letter(index + 1)


def csv_rows(path: Path) -> list[Row]:
    try:
        return csvfile.read_rows(path)
    except csv.Error as error:
        raise Unreadable(str(error)) from None


def _sheet_rows(path: Path, computed: bool) -> list[list]:
    try:
        book = openpyxl.load_workbook(path, data_only=computed)
    except (OSError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        raise Unreadable(f"not an XLSX workbook ({type(error).__name__})") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(min_row=1, max_row=sheet.max_row, values_only=True)
        return [list(values) for values in rows]
    finally:
        book.close()


def xlsx_rows(path: Path) -> list[Row]:
    """Values as last computed; a formula never computed (a file written by a program, not
    saved by Excel or LibreOffice) is an Uncomputed cell, not a blank one."""
    values = _sheet_rows(path, computed=True)
    formulas = _sheet_rows(path, computed=False)
    for row, written in zip(values, formulas, strict=False):
        for index, (value, formula) in enumerate(zip(row, written, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                row[index] = Uncomputed(formula)
    return list(enumerate(values, start=1))


def read_rows(path: Path) -> list[Row]:
    """Every row of the file, blank ones included, numbered as a spreadsheet shows them."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_rows(path)
    if suffix == ".xlsx":
        return xlsx_rows(path)
    raise Unreadable(f"not a {' or '.join(READABLE)} file")


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


GROUPED = re.compile(r"^\d{1,3}([ ,.'’]\d{3})+$")
WHOLE = re.compile(r"^\d+([.,]0+)?$")


class NotACount(ValueError):
    """A cell that does not hold a whole number of zero or more; `code` says which and
    `params` hold what its message needs."""

    def __init__(self, code: str, value, **params):
        self.code, self.value = code, value
        self.params = {"value": value, **params}
        super().__init__(f"{code}: {value!r}")


class Uncomputed(str):
    """An XLSX cell holding a formula that no spreadsheet program has computed: its value
    is unknown, not zero."""


def count(value) -> int:
    """A count from a cell: blank is 0; numbers stored as text and "1 200" are accepted;
    more than MAX_COUNT is a typing mistake."""
    if is_blank(value):
        return 0
    if isinstance(value, Uncomputed):
        raise NotACount("formula_not_computed", str(value))
    if isinstance(value, bool):
        raise NotACount("not_a_count", value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, str):
        number = _count_text(value)
    else:
        raise NotACount("not_a_count", value)
    if number < 0:
        raise NotACount("negative_count", value)
    if number > MAX_COUNT:
        raise NotACount("count_too_large", value, limit=MAX_COUNT)
    return number


def _count_text(value: str) -> int:
    text = value.strip().replace("−", "-")
    sign, digits = (-1, text[1:].strip()) if text.startswith("-") else (1, text)
    if GROUPED.match(digits.replace("\u00a0", " ").replace("\u202f", " ")):
        return sign * int(re.sub(r"\D", "", digits))
    if WHOLE.match(digits):
        return sign * int(re.split(r"[.,]", digits)[0])
    if text.startswith("="):
        raise NotACount("formula_count", text)
    raise NotACount("not_a_count", value.strip())
