"""Tally intake: the files of cases/<campaign>/tallies/, one per event (docs/tally-format.md).

Each file is read on its own: a bad file is reported with file, row and column, and is left
out of the counts, while every other file is still read.
"""

import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit import paths
from campaignkit.data.csvfile import CsvTable, Record
from campaignkit.data.loader import CampaignData
from campaignkit.data.spreadsheets import (
    READABLE,
    NotACount,
    Uncomputed,
    Unreadable,
    column_letter,
    count,
    is_blank,
)
from campaignkit.data.spreadsheets import read_rows as read_cells
from campaignkit.exceptions import InvalidCampaign
from campaignkit.text.language import interface_language
from campaignkit.text.problems import Problem
from campaignkit.text.typography import without_accents

FOLDER = "tallies"
NOT_READ = (".xls", ".xlsm", ".ods", ".fods", ".numbers", ".tsv", ".txt")
LABELS = {
    "event": {"evenement", "event"},
    "participants": {"participants", "participantes", "personnes", "people"},
    "online": {"actions en ligne", "online actions"},
    "header": {"cas", "case", "cases"},
    "total": {"total", "totaux", "totals"},
}
COLUMNS = {"letters": {"lettres", "letters"}, "cards": {"cartes", "cards"}}
# How a new tally file writes its labels (each is read back by LABELS and COLUMNS).
WRITTEN = {
    "event": "Événement / Event",
    "participants": "Participants",
    "online": "Actions en ligne / Online actions",
    "header": "Cas / Case",
    "total": "Total",
    "letters": "Lettres / Letters",
    "cards": "Cartes / Cards",
}


class InvalidTallies(InvalidCampaign):
    """Tally files with problems; the message names them, so a failed build job says where."""

    def __init__(self, problems):
        super().__init__(problems)
        lang = interface_language()
        self.args = ("\n".join(problem.text(lang) for problem in self.problems),)


@dataclass(frozen=True)
class Tally:
    """One event's counts, as read from its file."""

    event: str
    file: str
    participants: int
    online: int
    letters: dict[str, int]
    cards: dict[str, int]
    rows: int
    sample: bool = False

    @property
    def actions(self) -> int:
        """Every letter, card and online action counts as one action."""
        return sum(self.letters.values()) + sum(self.cards.values()) + self.online


@dataclass
class Intake:
    """What the tallies folder holds: good tallies by event, and every problem found."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, str | None] = field(default_factory=dict)  # file shown → its event

    def problems_for(self, data: CampaignData, region: str | None = None) -> list[Problem]:
        """Problems that concern a region (None: the whole campaign)."""
        if region is None:
            return list(self.problems)
        regions = {event.id: event.region for event in data.events}
        return [p for p in self.problems if regions.get(self.files.get(p.file)) == region]

    def files_of(self, data: CampaignData, region: str) -> list[str]:
        """Tally files, good or bad, of the region's events."""
        ids = {event.id for event in data.events_of(region)}
        return [shown for shown, event in self.files.items() if event in ids]

    @property
    def rows(self) -> int:
        return sum(tally.rows for tally in self.tallies.values())


def normalized(text) -> str:
    """Lower case, no accents, no trailing colon: « Événement : » → "evenement"."""
    text = without_accents(text)
    return text.strip().rstrip(":").strip().lower()


def name_key(text) -> str:
    """A case's name as compared: letters and digits only (« Wet’suwet’en » → wetsuweten)."""
    return re.sub(r"[^a-z0-9]+", "", normalized(text))


def label_of(cell) -> str | None:
    """Which row a first cell names (`Événement / Event`, `Total`…), or None."""
    parts = {normalized(part) for part in str(cell).split("/")}
    return next((kind for kind, names in LABELS.items() if parts & names), None)


class _FileReader:
    """Reads one tally file's rows, collecting its problems."""

    def __init__(self, data: CampaignData, path: Path):
        self.data, self.path, self.shown = data, path, paths.display(path)
        self.problems: list[Problem] = []
        self.seen: dict[str, int] = {}
        self.columns = {"letters": 1, "cards": 2}
        self.event: str | None = None
        self.event_row: int | None = None
        self.values = {"participants": 0, "online": 0}
        self.letters: dict[str, int] = {}
        self.cards: dict[str, int] = {}
        self.totals: dict[str, tuple[int, int, int]] = {}
        self.rows = 0
        self.sample = False

    def problem(self, code: str, field: str, row=None, column=None, **params):
        self.problems.append(Problem(self.shown, field, code, params, row=row, column=column))

    def cell_count(self, cells: list, index: int, field: str, row: int) -> int:
        try:
            return count(cells[index] if index < len(cells) else None)
        except NotACount as bad:
            self.problem(bad.code, field, row, column_letter(index), **bad.params)
            return 0

    def read(self, rows=None) -> None:
        """Read the file's rows (or `rows`, as read_rows gives them)."""
        rows = read_cells(self.path, self.data.root) if rows is None else rows
        for row, cells in rows:
            if all(is_blank(cell) for cell in cells):
                continue
            first = "" if is_blank(cells[0]) else str(cells[0]).strip()
            if first.startswith("#"):
                self.sample = self.sample or "sample" in first.lower()
                continue
            self.rows += 1
            self.read_row(row, first, cells)
        self.check_event()
        self.check_totals()

    def read_row(self, row: int, first: str, cells: list) -> None:
        if not first:
            self.problem("no_label", "", row, "A")
            return
        kind = label_of(first)
        key = kind or self.case_of(first) or normalized(first)
        if key in self.seen:
            self.problem("duplicate_row", key, row, "A", value=first, other=self.seen[key])
            return
        self.seen[key] = row
        if kind == "event":
            value = cells[1] if len(cells) > 1 and not is_blank(cells[1]) else None
            self.event = str(value).strip() if value is not None else None
            self.event_row = row
        elif kind in ("participants", "online"):
            self.values[kind] = self.cell_count(cells, 1, kind, row)
        elif kind == "header":
            self.read_header(cells)
        elif kind == "total":
            self.read_total(row, cells)
        else:
            self.read_case(row, first, cells)

    def read_header(self, cells: list) -> None:
        for index, cell in enumerate(cells[1:], start=1):
            parts = {normalized(part) for part in str(cell or "").split("/")}
            for name, labels in COLUMNS.items():
                if parts & labels:
                    self.columns[name] = index

    def read_total(self, row: int, cells: list) -> None:
        """A blank total cell is not checked (e.g. a formula no spreadsheet has computed)."""
        for name, index in self.columns.items():
            value = cells[index] if index < len(cells) else None
            if is_blank(value) or isinstance(value, Uncomputed):
                continue
            try:
                self.totals[name] = (row, index, count(value))
            except NotACount as bad:
                self.problem(bad.code, name, row, column_letter(index), **bad.params)

    def case_of(self, first: str) -> str | None:
        """The case a row names: by its id, or by its name as the printed sheet shows it."""
        if first.lower() in self.data.cases:
            return first.lower()
        names = {name_key(case.name): case.id for case in self.data.cases.values()}
        return names.get(name_key(first))

    def read_case(self, row: int, first: str, cells: list) -> None:
        case = self.case_of(first) or first.lower()
        if case not in self.data.cases and all(is_blank(cell) for cell in cells[1:]):
            return  # a title or heading row (often merged across the columns): no count in it
        if case not in self.data.cases:
            choices = ", ".join(case.name for case in self.data.cases.values())  # as printed
            self.problem("unknown_case_row", "case", row, "A", value=first, choices=choices)
            return
        self.letters[case] = self.cell_count(cells, self.columns["letters"], "letters", row)
        self.cards[case] = self.cell_count(cells, self.columns["cards"], "cards", row)

    def check_event(self) -> None:
        events = {event.id for event in self.data.events}
        stem = self.path.stem.lower()
        example = next(iter(sorted(events)), "mtl-grand-marathon")
        if self.event is None:
            self.problem("no_event_row", "event")
            self.event = stem if stem in events else None
        elif self.event.lower() != stem:
            if stem in events or self.event.lower() in events:
                self.problem(
                    "event_mismatch", "event", self.event_row, "B", value=self.event, expected=stem
                )
                self.event = self.event.lower() if self.event.lower() in events else stem
            else:
                self.problem(
                    "unknown_event", "event", self.event_row, "B", value=self.event, example=example
                )
                self.event = None
        elif stem not in events:
            self.problem(
                "unknown_event", "event", self.event_row, "B", value=self.event, example=example
            )
            self.event = None
        else:
            self.event = stem

    def check_totals(self) -> None:
        counted = {"letters": sum(self.letters.values()), "cards": sum(self.cards.values())}
        unreadable = {problem.field for problem in self.problems}  # no second error for one cell
        for name, (row, index, stated) in self.totals.items():
            if stated != counted[name] and name not in unreadable:
                column = column_letter(index)
                params = {"stated": stated, "counted": counted[name]}
                self.problem("total_mismatch", name, row, column, **params)

    def tally(self) -> Tally:
        return Tally(
            event=self.event,
            file=self.shown,
            participants=self.values["participants"],
            online=self.values["online"],
            letters=dict(self.letters),
            cards=dict(self.cards),
            rows=self.rows,
            sample=self.sample,
        )


def tally_files(data: CampaignData) -> list[Path]:
    """The files of the tallies folder, lock files and hidden files left out."""
    return tally_files_in(data.root)


def tallied_events(root: Path) -> set[str]:
    """The ids of the events a readable tally file is named after (mtl-grand.csv), in the
    campaign at `root`."""
    files = tally_files_in(root)
    return {path.stem.lower() for path in files if path.suffix.lower() in READABLE}


def tally_files_in(root: Path) -> list[Path]:
    folder = root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if not path.is_dir()  # a FIFO or a broken link is listed, then refused by name
        and not path.name.startswith((".", "~$"))
        and path.suffix.lower() in READABLE + NOT_READ
    )


def sheet_problems(data, path: Path, rows: list) -> list[Problem]:
    """The problems the reader finds in a tally's `rows` (say, as edited, not yet saved);
    `data` needs only `cases` and `events`."""
    reader = _FileReader(data, path)
    reader.read(rows)
    return reader.problems


def read_file(data: CampaignData, path: Path) -> tuple[Tally | None, list[Problem], str | None]:
    """One file's tally (None when it has a problem), its problems and the event it is for."""
    reader = _FileReader(data, path)
    if path.suffix.lower() not in READABLE:
        reader.problem("tally_format", "", value=path.suffix)
        return None, reader.problems, None
    try:
        reader.read()
    except Unreadable as error:
        reader.problem(error.code, "", error.row, error.column, **error.params)
        known = path.stem.lower() in {event.id for event in data.events}
        return None, reader.problems, path.stem.lower() if known else None
    return (None if reader.problems else reader.tally()), reader.problems, reader.event


def read_tallies(data: CampaignData) -> Intake:
    """Read every tally file of the campaign; no file stops the others."""
    intake = Intake()
    good: dict[str, list[Tally]] = {}
    claims: dict[str, list[str]] = {}
    for path in tally_files(data):
        tally, problems, event = read_file(data, path)
        shown = paths.display(path)
        intake.files[shown] = event
        intake.problems += problems
        if event is not None:
            claims.setdefault(event, []).append(shown)
        if tally is not None:
            good.setdefault(tally.event, []).append(tally)
    for event, files in claims.items():
        if len(files) > 1:
            for shown in files:
                others = ", ".join(Path(other).name for other in files if other != shown)
                params = {"value": event, "other": others}
                intake.problems.append(Problem(shown, "event", "duplicate_tally", params))
    for event, tallies in good.items():
        if len(claims[event]) == 1:
            intake.tallies[event] = tallies[0]
    return intake


_CACHE: dict[int, tuple] = {}


def _stamp(path: Path) -> tuple[int, int]:
    """When a file last changed and its size; a symlink loop's own, never followed."""
    try:
        status = path.stat()
    except OSError:
        status = path.lstat()
    return status.st_mtime_ns, status.st_size


def tallies_of(data: CampaignData) -> Intake:
    """read_tallies, remembered per campaign object until a tally file changes."""
    signature = tuple((p.name, *_stamp(p)) for p in tally_files(data))
    cached = _CACHE.get(id(data))
    if cached and cached[0]() is data and cached[1] == signature:
        return cached[2]
    intake = read_tallies(data)
    _CACHE[id(data)] = (weakref.ref(data), signature, intake)
    return intake


# Editing one tally file in place (the editor's Tallies tab) ----------------------------------


class TallySheet:
    """One event's tally CSV file, the paper sheet's rows, edited in place by the same rules
    as it is read: labels by LABELS, counts by spreadsheets.count."""

    def __init__(self, table: CsvTable):
        self.table = table

    @classmethod
    def parse(cls, raw: bytes) -> "TallySheet":
        return cls(CsvTable.from_bytes(raw))

    @classmethod
    def from_rows(cls, rows: list) -> "TallySheet":
        """A sheet to show (not to save) from a workbook's cells, as read_rows gives them."""
        records = [Record([_cell_text(value) for value in cells], None) for _, cells in rows]
        return cls(CsvTable(records))

    @classmethod
    def new(cls, event_id: str, case_ids: list[str]) -> "TallySheet":
        rows = [
            [WRITTEN["event"], event_id],
            [WRITTEN["participants"], ""],
            [WRITTEN["online"], ""],
            [WRITTEN["header"], WRITTEN["letters"], WRITTEN["cards"]],
            *[[case_id, "", ""] for case_id in case_ids],
            [WRITTEN["total"], "0", "0"],
        ]
        return cls(CsvTable([Record(row, None, "\n") for row in rows]))

    def _rows(self):
        for record in self.table.records:
            first = record.fields[0].strip() if record.fields else ""
            if first and not first.startswith("#"):
                yield record, label_of(first)

    def labelled(self, key: str) -> Record | None:
        return next((record for record, label in self._rows() if label == key), None)

    def case_records(self) -> dict[str, Record]:
        """Case id → record, for the rows after the `Cas / Case` line."""
        found, after_header = {}, False
        for record, label in self._rows():
            if label == "header":
                after_header = True
            elif after_header and label is None:
                found[record.fields[0].strip().lower()] = record
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
            if not _same_count(fields[index], value):
                fields[index] = value
        if fields[: len(record.fields)] == record.fields and not any(fields[len(record.fields) :]):
            fields = record.fields
        record.change(fields)

    def _add_row(self, fields: list[str], anchor: Record | None) -> Record:
        record = self.table.insert({}, after=anchor)
        record.fields = fields
        return record

    def set_counts(self, participants: str, online: str, cases: dict[str, tuple[str, str]]):
        """Write the counts; rows nobody changed stay as they were read."""
        for key, value in (("participants", participants), ("online", online)):
            record = self.labelled(key)
            if record is None and not value:
                continue  # an optional row nobody filled in stays absent
            if record is None:
                anchor = self.labelled("event") or self.labelled("participants")
                record = self._add_row([WRITTEN[key], value], anchor)
            self._set(record, [value])
        existing, total = self.case_records(), self.labelled("total")
        for case_id, (letters, cards) in cases.items():
            record = existing.get(case_id)
            if record is None and not (letters or cards):
                continue  # a case with no row and nothing typed (a case added later) stays absent
            if record is None:
                index = self.table.records.index(total) if total else len(self.table.records)
                record = self._add_row([case_id, letters, cards], self.table.records[index - 1])
            self._set(record, [letters, cards])
        if total is not None:
            sums = [0, 0]
            for pair in self.counts().values():
                for index, text in enumerate(pair):
                    sums[index] += count_or_none(text) or 0
            self._set(total, [str(sums[0]), str(sums[1])])

    def text(self) -> str:
        return self.table.text()

    def to_bytes(self) -> bytes:
        return self.table.to_bytes()


def _cell_text(value) -> str:
    """A workbook cell as text; an uncomputed formula stays one (it is no count yet)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def count_or_none(text) -> int | None:
    """A count by the reader's rules ("1 200", "12.0", blank is 0); None when not one."""
    try:
        return count(text)
    except NotACount:
        return None


def _same_count(old: str, new: str) -> bool:
    """A blank typed over a written 0 leaves the 0 as it was written."""
    return old.strip() == new.strip() or (not new.strip() and count_or_none(old) == 0)
