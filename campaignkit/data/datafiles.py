"""CSV files edited in place: rows nobody changed are written back exactly as they were read.

A person may have written events.csv by hand or in a spreadsheet: the editor keeps its
column order, quoting style, line endings, byte-order mark and any blank or odd line,
and re-writes only the rows that changed, in the file's own style.
"""

import csv
import io
from dataclasses import dataclass, field


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
    def blank(self) -> bool:
        return not any(value.strip() for value in self.fields)


def _split_records(text: str) -> list[tuple[str, str]]:
    """The file's records as (text without line ending, line ending), quotes respected."""
    records, start, quoted, index = [], 0, False, 0
    while index < len(text):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            ending = "\r\n" if text.startswith("\r\n", index) else char
            records.append((text[start:index], ending))
            index += len(ending)
            start = index
            continue
        index += 1
    if start < len(text):
        records.append((text[start:], ""))
    return records


def _all_quoted(line: str, fields: list[str]) -> bool:
    rebuilt = ",".join('"' + value.replace('"', '""') + '"' for value in fields)
    return bool(fields) and line == rebuilt


@dataclass
class CsvTable:
    """A CSV file as records; `text()` gives it back, changed rows in the file's style."""

    records: list[Record] = field(default_factory=list)
    bom: bool = False
    newline: str = "\n"
    quote_all: bool = False

    @classmethod
    def parse(cls, text: str) -> "CsvTable":
        bom = text.startswith("\ufeff")
        text = text[1:] if bom else text
        records, quoted = [], []
        for line, ending in _split_records(text):
            fields = next(csv.reader(io.StringIO(line, newline="")), [])
            records.append(Record(fields, line + ending, ending))
            if fields and any(value for value in fields):
                quoted.append(_all_quoted(line, fields))
        endings = [record.ending for record in records if record.ending]
        newline = max(set(endings), key=endings.count) if endings else "\n"
        return cls(records, bom, newline, bool(quoted) and all(quoted))

    def _render(self, record: Record, ending: str) -> str:
        buffer = io.StringIO()
        quoting = csv.QUOTE_ALL if self.quote_all else csv.QUOTE_MINIMAL
        csv.writer(buffer, lineterminator=ending, quoting=quoting).writerow(record.fields)
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

    # header-aware access -------------------------------------------------------------

    @property
    def header(self) -> list[str]:
        return self.records[0].fields if self.records else []

    def data_records(self) -> list[Record]:
        """Every record after the header that holds a value (blank lines are kept, not listed)."""
        return [record for record in self.records[1:] if not record.blank]

    def as_dict(self, record: Record) -> dict[str, str]:
        values = record.fields + [""] * (len(self.header) - len(record.fields))
        return dict(zip(self.header, values, strict=False))

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


# Tally files (docs/tally-format.md) ------------------------------------------------------

TALLY_LABELS = {
    "event": ("Événement / Event", {"evenement", "event"}),
    "participants": ("Participants", {"participants"}),
    "online": ("Actions en ligne / Online actions", {"actions en ligne", "online actions"}),
    "header": ("Cas / Case", {"cas", "case"}),
    "total": ("Total", {"total"}),
}
TALLY_COLUMNS = ("Lettres / Letters", "Cartes / Cards")


def _label(value: str) -> str | None:
    """Which tally label a first-column text is (French, English or both), if any."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold()
    parts = {part.strip() for part in plain.split("/")}
    for key, (_, names) in TALLY_LABELS.items():
        if parts & names:
            return key
    return None


class TallySheet:
    """One event's tally file: the paper sheet's rows, edited in place."""

    def __init__(self, table: CsvTable):
        self.table = table

    @classmethod
    def parse(cls, text: str) -> "TallySheet":
        return cls(CsvTable.parse(text))

    @classmethod
    def new(cls, event_id: str, case_ids: list[str]) -> "TallySheet":
        rows = [
            [TALLY_LABELS["event"][0], event_id],
            [TALLY_LABELS["participants"][0], ""],
            [TALLY_LABELS["online"][0], ""],
            [TALLY_LABELS["header"][0], *TALLY_COLUMNS],
            *[[case_id, "", ""] for case_id in case_ids],
            [TALLY_LABELS["total"][0], "0", "0"],
        ]
        return cls(CsvTable([Record(row, None, "\n") for row in rows]))

    def _rows(self):
        for record in self.table.records:
            if record.fields and record.fields[0].strip():
                yield record, _label(record.fields[0])

    def labelled(self, key: str) -> Record | None:
        return next((record for record, label in self._rows() if label == key), None)

    def case_records(self) -> dict[str, Record]:
        """Case id → record, for the rows after the `Cas / Case` line."""
        found, after_header = {}, False
        for record, label in self._rows():
            if label == "header":
                after_header = True
            elif after_header and label is None:
                found[record.fields[0].strip()] = record
        return found

    def value(self, key: str) -> str:
        record = self.labelled(key)
        return record.fields[1].strip() if record and len(record.fields) > 1 else ""

    def counts(self) -> dict[str, tuple[str, str]]:
        return {
            case_id: tuple((record.fields + ["", "", ""])[1:3])
            for case_id, record in self.case_records().items()
        }

    def _set(self, record: Record, values: list[str]):
        fields = list(record.fields) + [""] * (1 + len(values) - len(record.fields))
        for index, value in enumerate(values, start=1):
            if _same_count(fields[index], value):
                continue
            fields[index] = value
        if fields[: len(record.fields)] == record.fields and not any(fields[len(record.fields) :]):
            fields = record.fields
        record.change(fields)

    def set_counts(self, participants: str, online: str, cases: dict[str, tuple[str, str]]):
        """Write the counts; rows nobody changed stay as they were read."""
        for key, value in (("participants", participants), ("online", online)):
            record = self.labelled(key)
            if record is None and not value:
                continue  # an optional row nobody filled in stays absent
            if record is None:
                anchor = self.labelled("event") or self.labelled("participants")
                record = self.table.insert({}, after=anchor)
                record.fields = [TALLY_LABELS[key][0], value]
            self._set(record, [value])
        existing, total = self.case_records(), self.labelled("total")
        for case_id, (letters, cards) in cases.items():
            record = existing.get(case_id)
            if record is None:
                before = total or None
                index = self.table.records.index(before) if before else len(self.table.records)
                anchor = self.table.records[index - 1]
                record = self.table.insert({}, after=anchor)
                record.fields = [case_id, letters, cards]
            self._set(record, [letters, cards])
        if total is not None:
            sums = [0, 0]
            for letters, cards in self.counts().values():
                sums[0] += parse_count(letters) or 0
                sums[1] += parse_count(cards) or 0
            self._set(total, [str(sums[0]), str(sums[1])])

    def text(self) -> str:
        return self.table.text()


def parse_count(text: str) -> int | None:
    """A count as written on the sheet: blank is 0; None when it is not a whole number ≥ 0."""
    text = (text or "").strip()
    if not text:
        return 0
    return int(text) if text.isdigit() else None


def _same_count(old: str, new: str) -> bool:
    return old.strip() == new.strip() or (
        parse_count(old) is not None and parse_count(old) == parse_count(new) and not new.strip()
    )
