"""The one CSV reader and writer: every CSV file of a campaign is read and saved here.

Commas, semicolons or tabs; UTF-8 (with or without BOM) or Windows-1252, as Excel or
LibreOffice save them. Encoding, delimiter, quoting, line endings and blank or odd lines
are detected once and kept: saving with no edit gives the same bytes, and an edit
re-writes only the rows that changed, in the file's own style.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.data.sources import SourceError
from campaignkit.text.problems import Problem

DELIMITERS = (",", ";", "\t")
MAX_CSV_BYTES = 10_000_000  # events.csv holds a few hundred rows: far more is a mistake
ENCODINGS = ("utf-8", "cp1252")  # tried in this order
_BREAKS = re.compile(r'"|\r\n|\r|\n')


class Unreadable(Exception):
    """The file cannot be opened or decoded, or is refused; the message says why, `code` and
    `params` make its Problem, `row` and `column` say where when known."""

    def __init__(self, detail, code="file_unreadable", row=None, column=None, **params):
        super().__init__(str(detail))
        self.code, self.row, self.column = code, row, column
        self.params = params if code != "file_unreadable" else {"detail": str(detail)}


def read_guarded(path: Path, root: Path | None = None, limit: int = MAX_CSV_BYTES) -> bytes:
    """A data file's bytes through the guard (a regular file inside `root`, else inside its
    own folder, at most `limit` bytes); Unreadable, with the refusal's code, otherwise."""
    path = Path(path)
    try:
        return read_data_bytes(path, path.parent if root is None else root, limit)
    except UnsafeFile as unsafe:
        raise Unreadable(unsafe, unsafe.code, **unsafe.params) from None
    except OSError as error:
        raise Unreadable(error.strerror or str(error)) from None


def detect_encoding(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (a BOM stays in the text), else Windows-1252."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as error:
            reason = error.reason
    raise Unreadable(f"neither UTF-8 nor Windows-1252 ({reason})")


def decode_text(raw: bytes) -> str:
    """Bytes as text by the same rule, never failing (an undecodable byte shows as �)."""
    try:
        return detect_encoding(raw)[0]
    except Unreadable:
        return raw.decode("utf-8", errors="replace")


def decode(raw: bytes) -> str:
    """The text of a CSV file's bytes, without its byte-order mark."""
    return detect_encoding(raw)[0].removeprefix("\ufeff")


def delimiter(text: str) -> str:
    """The separator found on the most lines; a comma when in doubt."""
    lines = [line for line in text.splitlines() if line.strip()]
    return max(DELIMITERS, key=lambda sep: sum(sep in line for line in lines))


@dataclass
class Record:
    """One CSV record (possibly spanning lines): its fields, and its text as read."""

    fields: list[str]
    raw: str | None = None  # None once changed: then written from `fields`
    ending: str = "\n"
    read_as: tuple | None = None  # (fields, raw) as read from the file

    def __post_init__(self):
        if self.raw is not None and self.read_as is None:
            self.read_as = (list(self.fields), self.raw)

    def change(self, fields: list[str]):
        """New values; back to the text as read when they are the values as read."""
        if self.read_as and fields == self.read_as[0]:
            self.fields, self.raw = list(fields), self.read_as[1]
        elif fields != self.fields or self.raw is None:
            self.fields, self.raw = list(fields), None

    @property
    def changed(self) -> bool:
        """True when the record was added or its values differ from those read."""
        return self.read_as is None or self.fields != self.read_as[0]

    @property
    def blank(self) -> bool:
        return not any(value.strip() for value in self.fields)


def _split_records(text: str) -> list[tuple[str, str]]:
    """The file's records as (text without line ending, line ending), quotes respected."""
    records, start, quoted = [], 0, False
    for match in _BREAKS.finditer(text):
        if match.group() == '"':
            quoted = not quoted
        elif not quoted:
            records.append((text[start : match.start()], match.group()))
            start = match.end()
    if start < len(text):
        records.append((text[start:], ""))
    return records


@dataclass
class CsvTable:
    """A CSV file as records; `text()` gives it back, changed rows in the file's style."""

    records: list[Record] = field(default_factory=list)
    bom: bool = False
    newline: str = "\n"
    quote_all: bool = False
    delimiter: str = ","
    encoding: str = "utf-8"

    @classmethod
    def parse(cls, text: str, sep: str | None = None) -> "CsvTable":
        bom = text.startswith("\ufeff")
        text = text[1:] if bom else text
        sep = sep or delimiter(text)
        records, quoted = [], []
        for line, ending in _split_records(text):
            fields = next(csv.reader(io.StringIO(line, newline=""), delimiter=sep), [])
            records.append(Record(fields, line + ending, ending))
            if fields and any(value for value in fields):
                quoted.append(line == _quoted(fields, sep))
        endings = [record.ending for record in records if record.ending]
        newline = max(set(endings), key=endings.count) if endings else "\n"
        return cls(records, bom, newline, bool(quoted) and all(quoted), sep)

    @classmethod
    def from_bytes(cls, raw: bytes) -> "CsvTable":
        text, encoding = detect_encoding(raw)
        table = cls.parse(text)
        table.encoding = encoding
        return table

    @classmethod
    def read(cls, path: Path, root: Path | None = None, limit: int = MAX_CSV_BYTES) -> "CsvTable":
        """The file at `path` (see read_guarded); Unreadable when it cannot be opened,
        decoded, or is refused."""
        return cls.from_bytes(read_guarded(path, root, limit))

    def _render(self, record: Record, ending: str) -> str:
        buffer = io.StringIO()
        quoting = csv.QUOTE_ALL if self.quote_all else csv.QUOTE_MINIMAL
        writer = csv.writer(
            buffer, delimiter=self.delimiter, lineterminator=ending, quoting=quoting
        )
        writer.writerow(record.fields)
        return buffer.getvalue()

    def text(self) -> str:
        parts = ["\ufeff"] if self.bom else []
        for index, record in enumerate(self.records):
            last = index == len(self.records) - 1
            if record.raw is not None:
                raw = record.raw
                if not last and not record.ending:  # a row was added after an unended last line
                    raw += self.newline
                parts.append(raw)
            else:
                parts.append(self._render(record, record.ending if last else self.newline))
        return "".join(parts)

    def to_bytes(self) -> bytes:
        """The file's bytes, in its own encoding (UnicodeEncodeError when a text cannot be)."""
        return self.text().encode(self.encoding)

    def unencodable(self, text: str) -> str:
        """The characters of `text` this file's encoding cannot hold."""
        if _encodes(text, self.encoding):
            return ""
        return "".join(dict.fromkeys(c for c in text if not _encodes(c, self.encoding)))

    # header-aware access -------------------------------------------------------------

    @property
    def header(self) -> list[str]:
        return [name.strip() for name in self.records[0].fields] if self.records else []

    def data_records(self) -> list[Record]:
        """Every record after the header that holds a value (blank lines are kept, not listed)."""
        return [record for record in self.records[1:] if not record.blank]

    def numbered(self) -> list[tuple[int, Record]]:
        """(row as a spreadsheet shows it, record) for every record after the header."""
        return list(enumerate(self.records[1:], start=2))

    def as_dict(self, record: Record) -> dict[str, str]:
        values = record.fields + [""] * (len(self.header) - len(record.fields))
        return dict(zip(self.header, values, strict=False))

    def add_column(self, name: str):
        """A new last column: only the header line changes (shorter rows read it as blank)."""
        if name not in self.header:
            self.records[0].change([*self.records[0].fields, name])

    def update(self, record: Record, values: dict[str, str]):
        """Set some columns of `record`; the record is re-written only if a value changed."""
        fields = record.fields + [""] * (len(self.header) - len(record.fields))
        for column, value in values.items():
            fields[self.header.index(column)] = value
        if fields[: len(record.fields)] == record.fields and not any(fields[len(record.fields) :]):
            fields = record.fields  # nothing new: short rows stay short
        record.change(fields)

    def insert(self, values: dict[str, str], after: Record | None = None) -> Record:
        """A new record with `values` (other columns empty), after `after` or at the end."""
        record = Record([values.get(column, "") for column in self.header], None, self.newline)
        if after is not None:
            index = self.records.index(after) + 1
        else:
            index = len(self.records)
            while index > 1 and self.records[index - 1].blank:
                index -= 1  # before trailing blank lines
        if index == len(self.records) and self.records and not self.records[-1].ending:
            record.ending = ""  # the file had no final line break: it still has none
        self.records.insert(index, record)
        return record

    def remove(self, record: Record):
        index = self.records.index(record)
        last = index == len(self.records) - 1
        del self.records[index]
        if last and self.records and not record.ending:
            previous = self.records[-1]  # the file ended without a line break: keep it so
            cut = len(previous.ending)
            if previous.raw is not None and cut:
                previous.raw = previous.raw[:-cut]
            if previous.read_as and cut:
                previous.read_as = (previous.read_as[0], previous.read_as[1][:-cut])
            previous.ending = ""


def _quoted(fields: list[str], sep: str) -> str:
    return sep.join('"' + value.replace('"', '""') + '"' for value in fields)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def read_rows(
    path: Path, root: Path | None = None, limit: int = MAX_CSV_BYTES
) -> list[tuple[int, list[str]]]:
    """Every record of a CSV file, blank ones included, numbered as a spreadsheet shows them."""
    table = CsvTable.read(path, root, limit)
    return [(number, record.fields) for number, record in enumerate(table.records, start=1)]


def read_table(path: Path, shown: str, required: list[str], root: Path | None = None):
    """(row, values) for every non-blank row of a table with a header, numbered as a
    spreadsheet shows them, and the problems of rows that cannot be read. Every required
    column must be in the header; SourceError when the file cannot be read at all (root:
    the folder it must lie in, the campaign)."""
    try:
        table = CsvTable.read(path, root)
    except Unreadable as error:
        raise SourceError(Problem(shown, "", error.code, error.params)) from None
    except csv.Error as error:
        raise SourceError(Problem(shown, "", "csv_syntax", {"detail": error})) from None
    problem = missing_column(table, shown, required)
    if problem:
        raise SourceError(problem)
    rows, problems = [], []
    for number, record in table.numbered():
        if record.blank:
            continue  # a blank row, as spreadsheets leave them
        problem = extra_cells(table, record, shown, number)
        if problem:
            problems.append(problem)
            continue
        rows.append((number, table.as_dict(record)))
    return rows, problems


def missing_column(table: CsvTable, shown: str, required: list[str]) -> Problem | None:
    """The problem of a header that lacks a required column, if it does."""
    missing = [column for column in required if column not in table.header]
    if missing:
        return Problem(shown, missing[0], "missing_column", {"value": missing[0]}, line=1)
    return None


def extra_cells(table: CsvTable, record: Record, shown: str, number: int) -> Problem | None:
    """The problem of a row with more filled cells than the header has columns, if it has."""
    width = len(table.header)
    extra = [cell for cell in record.fields[width:] if cell.strip()]
    if not extra:
        return None
    params = {"count": width + len(extra), "columns": width}
    return Problem(shown, "", "extra_cells", params, row=number)
