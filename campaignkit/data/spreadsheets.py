"""Reading the cells of a CSV or XLSX file as people's spreadsheets save them, and counts.

CSV: through csvfile, the one CSV reader (comma, semicolon or tab; UTF-8 or Windows-1252).
XLSX: the first visible sheet, values as last computed (Excel or LibreOffice), row numbers as
shown. A workbook is measured before it is parsed (sizes once unzipped, the sheet's declared
dimension) and read as a stream, so a hostile file is refused in little memory and time.
"""

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path

from campaignkit.data import csvfile, workbook_memo
from campaignkit.data.csvfile import Unreadable, decode, delimiter, read_guarded  # noqa: F401
from campaignkit.data.models import MAX_COUNT

READABLE = (".csv", ".xlsx")
# A tally sheet has a row per case and three columns; these bounds leave room to spare.
MAX_SHEET_BYTES = 5_000_000  # the file itself
MAX_UNZIPPED = 20_000_000  # every part of a workbook, once unzipped
MAX_PARTS = 1000  # files inside a workbook
MAX_ROWS = 1000
MAX_COLUMNS = 26  # A to Z
MAX_CELL = 2000  # characters in one cell


def _malformed() -> tuple[type[Exception], ...]:
    """What openpyxl, zipfile, zlib and the XML parser raise on a damaged workbook (ParseError
    is a SyntaxError); never MemoryError, which the bounds above prevent. openpyxl is
    imported only when a workbook is read (a third of a second a build would pay for none)."""
    from openpyxl.utils.exceptions import InvalidFileException

    return (
        OSError,
        KeyError,
        IndexError,
        ValueError,
        TypeError,
        SyntaxError,
        EOFError,
        zipfile.BadZipFile,
        zlib.error,
        InvalidFileException,
    )


Row = tuple[int, list]  # (row number as the spreadsheet shows it, cell values)


def column_letter(index: int) -> str:
    """0 → A, 1 → B, … (only a problem names a column: openpyxl is loaded then)"""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def csv_rows(path: Path, root: Path | None = None) -> list[Row]:
    try:
        rows = csvfile.read_rows(path, root, MAX_SHEET_BYTES)
    except csv.Error as error:
        raise Unreadable(str(error)) from None
    for number, cells in rows:
        check_cells(number, cells)
    return rows


def _check_parts(raw: bytes) -> None:
    """Refuse a workbook too large once unzipped, before any part of it is parsed (the sizes
    the zip declares bind: Python's zipfile never inflates a part past its declared size)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
    except zipfile.BadZipFile:
        raise Unreadable("not an XLSX workbook (BadZipFile)") from None
    unzipped = sum(part.file_size for part in parts)
    if unzipped > MAX_UNZIPPED or len(parts) > MAX_PARTS:
        size, limit = f"{unzipped / 1e6:.0f} MB", f"{MAX_UNZIPPED / 1e6:.0f} MB"
        raise Unreadable("too large", "xlsx_too_large", size=size, limit=limit)


FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")  # an <f> element, any prefix


def _has_formulas(raw: bytes) -> bool:
    """Whether any part of the workbook holds a formula (<f>); every part is searched, as a
    sheet may be stored under any name. Its size was bounded by _check_parts."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return any(FORMULA.search(archive.read(part)) for part in archive.namelist())
    except _malformed():
        return True  # a damaged part: the formulas' own reading says what is wrong


def _visible_sheet(book):
    """The first visible sheet; a hidden sheet before it is refused, named."""
    for sheet in book.worksheets:
        if sheet.sheet_state == "visible":
            return sheet
        raise Unreadable("hidden sheet", "sheet_hidden", value=sheet.title)
    raise Unreadable("not an XLSX workbook (no worksheet)")


def _too_big(sheet, cell: str) -> Unreadable:
    limits = {"max_rows": MAX_ROWS, "max_column": column_letter(MAX_COLUMNS - 1)}
    return Unreadable("too big", "sheet_too_big", value=sheet.title, cell=cell, **limits)


def _check_dimension(sheet) -> None:
    """The extent the sheet declares (its <dimension> tag), read before its cells."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > MAX_ROWS or columns > MAX_COLUMNS:
        raise _too_big(sheet, f"{column_letter(columns - 1)}{rows}")


def check_cells(number: int, cells) -> None:
    """Unreadable (cell_too_long, with row and column) for a cell over MAX_CELL characters."""
    for index, value in enumerate(cells):
        if isinstance(value, str) and len(value) > MAX_CELL:
            raise Unreadable(
                "cell too long",
                "cell_too_long",
                number,
                column_letter(index),
                length=len(value),
                limit=MAX_CELL,
            )


def _sheet_rows(raw: bytes, computed: bool) -> list[list]:
    import openpyxl

    malformed = _malformed()
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=computed)
    except malformed as error:
        raise Unreadable(f"not an XLSX workbook ({type(error).__name__})") from None
    try:
        sheet = _visible_sheet(book)
        _check_dimension(sheet)
        rows = sheet.iter_rows(max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS, values_only=True)
        values = [list(cells) for cells in rows]
    except malformed as error:  # parts are parsed as the rows are read
        raise Unreadable(f"not an XLSX workbook ({type(error).__name__})") from None
    finally:
        book.close()
    for number, cells in enumerate(values, start=1):
        check_cells(number, cells)
    if len(values) > MAX_ROWS and any(not is_blank(value) for value in values[MAX_ROWS]):
        raise _too_big(sheet, f"A{MAX_ROWS + 1}")  # a sheet that declared a smaller extent
    return values[:MAX_ROWS]


def xlsx_rows(path: Path, root: Path | None = None) -> list[Row]:
    """Values as last computed; a formula never computed (a file written by a program, not
    saved by Excel or LibreOffice) is an Uncomputed cell, not a blank one."""
    raw = read_guarded(path, root, MAX_SHEET_BYTES)
    remembered = workbook_memo.recall(raw, Uncomputed)
    if remembered is not None and _within_bounds(remembered):
        return remembered
    _check_parts(raw)
    values = _sheet_rows(raw, computed=True)
    formulas = _sheet_rows(raw, computed=False) if _has_formulas(raw) else []
    for row, written in zip(values, formulas, strict=False):
        for index, (value, formula) in enumerate(zip(row, written, strict=False)):
            if value is None and isinstance(formula, str) and formula.startswith("="):
                row[index] = Uncomputed(formula)
    used = [i + 1 for row in values for i, value in enumerate(row) if value is not None]
    width = max(used, default=0)  # rows as wide as the sheet's used columns, as before
    rows = [(number, row[:width]) for number, row in enumerate(values, start=1)]
    workbook_memo.remember(raw, rows, Uncomputed)
    return rows


def _within_bounds(rows: list[Row]) -> bool:
    """Whether rows are what a workbook the reader accepts could give (a memo is believed
    only then)."""
    cells = [value for _, row in rows for value in row]
    longest = max((len(value) for value in cells if isinstance(value, str)), default=0)
    widest = max((len(row) for _, row in rows), default=0)
    return len(rows) <= MAX_ROWS and widest <= MAX_COLUMNS and longest <= MAX_CELL


def read_rows(path: Path, root: Path | None = None) -> list[Row]:
    """Every row of the file, blank ones included, numbered as a spreadsheet shows them;
    `root`: the folder the file must lie in (the campaign), else the file's own folder."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return csv_rows(path, root)
    if suffix == ".xlsx":
        return xlsx_rows(path, root)
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
