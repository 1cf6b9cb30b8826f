"""Tally intake: the files of cases/<campaign>/tallies/, one per event (docs/tally-format.md).

Each file is read on its own: a bad file is reported with file, row and column, and is left
out of the counts, while every other file is still read.
"""

import unicodedata
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit import paths
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
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return text.strip().rstrip(":").strip().lower()


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

    def read(self) -> None:
        for row, cells in read_cells(self.path, self.data.root):
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
        key = kind or normalized(first)
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

    def read_case(self, row: int, first: str, cells: list) -> None:
        case = first.lower()
        if case not in self.data.cases and all(is_blank(cell) for cell in cells[1:]):
            return  # a title or heading row (often merged across the columns): no count in it
        if case not in self.data.cases:
            choices = ", ".join(self.data.cases)
            self.problem("unknown_case", "case", row, "A", value=first, choices=choices)
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
    folder = data.root / FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if not path.is_dir()  # a FIFO or a broken link is listed, then refused by name
        and not path.name.startswith((".", "~$"))
        and path.suffix.lower() in READABLE + NOT_READ
    )


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
