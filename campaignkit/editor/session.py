"""What the editor edits, without any widget: events.csv, case files and tally files.

Each file is read by the data layer's one reader for its format (csvfile, sources, tallies)
and checked by the same rules as `campaignkit check`; saving writes it in its own layout,
encoding and delimiter, and merges what others saved meanwhile record by record: a save is
refused only for a record changed both here and on disk (data.merge).
"""

import copy
import hashlib
import itertools
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from campaignkit import paths
from campaignkit.data import savefile, yamlpatch
from campaignkit.data.csvfile import (
    MAX_CSV_BYTES,
    CsvTable,
    Record,
    Unreadable,
    extra_cells,
    missing_column,
)
from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.data.loader import (
    EVENT_COLUMNS,
    REGION_COLUMNS,
    TRANSLATED_COLUMNS,
    CampaignData,
    _check_featured,
    _Collector,
    _load_campaign_file,
    _load_table,
    check_case,
    check_event_row,
)
from campaignkit.data.merge import Conflict, Saved, merge_fields, merge_rows, save_merging
from campaignkit.data.models import DEFAULT_LANGUAGES, LIMITS, Case, Event, Region
from campaignkit.data.sources import MAX_YAML_BYTES, SourceError, parse_yaml
from campaignkit.data.spreadsheets import MAX_SHEET_BYTES, NotACount, check_cells, read_rows
from campaignkit.data.spreadsheets import count as count_cell
from campaignkit.data.tallies import TallySheet, count_or_none, sheet_problems, tallied_events
from campaignkit.exceptions import EventHasTally, RecordsChanged
from campaignkit.text.problems import Problem

__all__ = ["Conflict", "RecordsChanged", "Saved", "Session"]

# The texts of a case the editor shows, side by side per language: path → LIMITS key.
CASE_TEXTS = {
    ("country",): "country",
    ("blurb",): "blurb",
    ("story",): "story",
    ("demand",): "demand",
    ("target", "title"): "title",
    ("target", "salutation"): "salutation",
    ("letter",): "letter",
    ("card", "recipient"): "recipient",
    ("card", "message"): "card_message",
    ("card", "guidance"): "guidance",
    ("photo", "alt"): "blurb",
    ("photo", "credit"): "name",
}
CASE_SINGLE = {("name",): "name", ("card", "first_name"): "name"}
EVENT_LIMITS = {"venue": "venue", "address": "address", "city": "city", "title": "event_title"}


def count(text: str | None) -> int:
    """Characters of a text as it will be printed (outer spaces do not count)."""
    return len((text or "").strip())


def _field_problems(problems: list[Problem]) -> dict[str, Problem]:
    found: dict[str, Problem] = {}
    for problem in problems:
        found.setdefault(problem.field, problem)
    return found


def _unreadable(shown: str, error) -> Problem:
    return Problem(shown, "", error.code, error.params, row=error.row, column=error.column)


class EventsFile:
    """events.csv: every row, editable by region; rows keep their place and style."""

    def __init__(self, root: Path, languages: list[str]):
        self.root, self.languages = root, languages
        self.path = root / "events.csv"
        self.shown = paths.display(self.path)
        self._keys = itertools.count(1)
        self.reload()

    def reload(self):
        self.snapshot, self.error = savefile.load_checked(
            self.path, self.root, self.shown, MAX_CSV_BYTES
        )
        try:
            self.table = CsvTable.from_bytes(self.snapshot.data or b"")
        except Unreadable as error:
            self.table, self.error = CsvTable(), _unreadable(self.shown, error)
        self.error = self.error or missing_column(self.table, self.shown, self._required())
        self._adopt({next(self._keys): r for r in self.table.data_records()})

    def _required(self) -> list[str]:
        plain = [column for column in EVENT_COLUMNS if column not in TRANSLATED_COLUMNS]
        translated = [column for column in EVENT_COLUMNS if column in TRANSLATED_COLUMNS]
        return plain + [f"{column}_{lang}" for column in translated for lang in self.languages]

    def _adopt(self, rows: dict[int, Record]):
        """`rows` are now the rows as loaded (or as last saved)."""
        self.rows = rows
        self.loaded = {key: list(record.fields) for key, record in rows.items()}
        self.saved_text = self.table.text()

    @property
    def columns(self) -> list[str]:
        return self.table.header

    def values(self, key: int) -> dict[str, str]:
        return self.table.as_dict(self.rows[key])

    def keys_of(self, region: str) -> list[int]:
        return [key for key in self.rows if self.values(key).get("region", "").strip() == region]

    def with_id(self, event_id: str, region: str | None = None) -> dict[str, str] | None:
        """The values of the row whose id is `event_id` (of `region` only, if given)."""
        keys = self.rows if region is None else self.keys_of(region)
        return next((v for v in map(self.values, keys) if v.get("id") == event_id), None)

    def set(self, key: int, column: str, value: str):
        """Set one value; a column the file lacks (say address_pending) is added to it."""
        if column not in self.columns:
            if not value:
                return
            self.table.add_column(column)
        self.table.update(self.rows[key], {column: value})

    def add(self, region: str, values: dict[str, str] | None = None) -> int:
        region_keys = self.keys_of(region)
        after = self.rows[region_keys[-1]] if region_keys else None
        fields = {"region": region, **(values or {})}
        if "sample" in self.columns and "sample" not in fields:
            fields["sample"] = "no"
        key = next(self._keys)
        self.rows[key] = self.table.insert(fields, after=after)
        return key

    def remove(self, key: int):
        self.table.remove(self.rows.pop(key))

    def text(self) -> str:
        return self.table.text()

    @property
    def dirty(self) -> bool:
        return self.text() != self.saved_text

    def _as_loaded(self, key: int) -> dict[str, str]:
        fields = self.loaded[key] + [""] * len(self.columns)  # a column added since: blank
        return dict(zip(self.columns, fields, strict=False))

    def changes(self) -> dict[str, Counter]:
        """What a save would write, by region: events added, changed and removed."""
        found: dict[str, Counter] = {}
        for key in self.rows:
            values = self.values(key)
            kind = "added" if key not in self.loaded else "changed"
            if kind == "changed" and values == self._as_loaded(key):
                continue
            found.setdefault(values.get("region", "").strip(), Counter())[kind] += 1
        for key in self.loaded.keys() - self.rows.keys():
            region = self._as_loaded(key).get("region", "").strip()
            found.setdefault(region, Counter())["removed"] += 1
        return found

    def _row_number(self, key: int) -> int:
        return self.table.records.index(self.rows[key]) + 1

    def validate(self, key: int, campaign=None, regions=()) -> tuple[Event | None, list[Problem]]:
        """The row as an Event, or None, and every problem of the row, by check's rules."""
        row, values = self._row_number(key), self.values(key)
        extra = extra_cells(self.table, self.rows[key], self.shown, row)
        if extra:
            return None, [extra]
        event, problems = check_event_row(
            values, row, self.shown, self.languages, campaign, regions
        )
        problems += self._id_problems(key, row) + self._encoding_problems(values, row)
        return (None if problems else event), problems

    def _id_problems(self, key: int, row: int) -> list[Problem]:
        """Check's duplicate_id, said where people type: on every row sharing the id."""
        ident = self.values(key).get("id", "").strip()
        for other in self.rows:
            values = self.values(other)
            if other != key and ident and values.get("id", "").strip() == ident:
                title = next((values[c] for c in values if c.startswith("title_")), "")
                params = {"value": ident, "other": title or ident}
                return [Problem(self.shown, "id", "id_taken", params, row=row)]
        return []

    def _encoding_problems(self, values: dict[str, str], row: int) -> list[Problem]:
        found = []
        for column, value in values.items():
            chars = self.table.unencodable(value)
            if chars:
                params = {"chars": chars, "encoding": self.table.encoding}
                found.append(Problem(self.shown, column, "not_encodable", params, row=row))
        return found

    def save(self) -> Saved:
        """Write the rows; others' rows saved meanwhile are kept (`merged` names them).
        EventHasTally when it would remove or rename an event that has a tally."""
        left = self.tallies_left_behind()
        if left:
            raise EventHasTally(left)
        result = save_merging(self.snapshot, self.root, self.table.to_bytes, self._merge)
        self.snapshot = result.snapshot
        self._adopt(self.rows)
        return result

    def tallies_left_behind(self) -> dict[str, dict[str, str]]:
        """The events loaded here that have a tally and that a save would remove or rename:
        by id, their titles by language."""
        ids_now = {self.values(key).get("id", "").strip().lower() for key in self.rows}
        tallied = tallied_events(self.root)
        left = {}
        for key in self.loaded:
            ident = self._loaded_id(key)
            if ident in tallied and ident not in ids_now:
                loaded = self._as_loaded(key)
                left[ident] = {lang: loaded.get(f"title_{lang}", "") for lang in self.languages}
        return left

    def has_tally(self, key: int) -> bool:
        """Whether this row, as loaded, is an event with a tally."""
        return key in self.loaded and self._loaded_id(key) in tallied_events(self.root)

    def _loaded_id(self, key: int) -> str:
        return self._as_loaded(key).get("id", "").strip().lower()

    def _merge(self, disk: bytes | None) -> tuple[bytes, list[str]]:
        theirs = CsvTable.from_bytes(disk or b"")
        placed, others = merge_rows(self.path, self.loaded, self.table, self.rows, theirs)
        known = set(map(id, placed.values()))
        for record in theirs.data_records():
            if id(record) not in known:
                placed[next(self._keys)] = record
        self.table, self.rows = theirs, placed
        return theirs.to_bytes(), others


class CaseFile:
    """One cases/<id>.yaml: texts edited by path, written back by patching only those values."""

    def __init__(self, root: Path, path: Path, languages: list[str], campaign=None):
        self.root, self.path, self.languages = root, path, languages
        self.campaign = campaign
        self.shown = paths.display(path)
        self.reload()

    def reload(self):
        self.snapshot, refused = savefile.load_checked(
            self.path, self.root, self.shown, MAX_YAML_BYTES
        )
        self.data, self.lines, self.error = self._parse(self.snapshot.data)
        self.error = refused or self.error
        self.edits: dict[tuple, str] = {}
        self._checked = None

    def _parse(self, raw: bytes | None):
        try:
            data, lines = parse_yaml(raw or b"", self.shown)
            return data, lines, None
        except SourceError as error:
            return {}, {}, error.problem

    @property
    def id(self) -> str:
        return self.path.stem

    @property
    def name(self) -> str:
        """The person's name as typed here: a tally row may name the case by it."""
        return self.get(("name",))

    def original(self, path: tuple) -> str:
        value = yamlpatch.get(self.data, path)
        return "" if value is None else str(value)

    def get(self, path: tuple) -> str:
        return self.edits.get(path, self.original(path))

    def set(self, path: tuple, value: str):
        value = value.replace("\r\n", "\n")
        if value.strip() == self.original(path).strip():
            self.edits.pop(path, None)
        else:
            self.edits[path] = value

    def text_paths(self) -> list[tuple]:
        """The translated texts this case has room for (a photo's texts only with a photo)."""
        has_photo = isinstance(self.data.get("photo"), dict)
        return [path for path in CASE_TEXTS if path[0] != "photo" or has_photo]

    def merged(self) -> dict:
        data = copy.deepcopy(self.data)
        for path, value in self.edits.items():
            data = yamlpatch._with_value(data, path, value.strip())
        return data

    @property
    def dirty(self) -> bool:
        return bool(self.edits)

    def validate(self) -> tuple[Case | None, list[Problem]]:
        """The case with the edits, or None, and every problem, by check's rules."""
        if self.error:
            return None, [self.error]
        state = (self.snapshot.digest, tuple(sorted(self.edits.items())))
        if self._checked is None or self._checked[0] != state:  # a photo is checked once
            lines = self.lines if not self.edits else {}
            where = (lines, self.shown, self.languages, self.campaign)
            self._checked = (state, check_case(self.root, self.merged(), *where))
        return self._checked[1]

    def text(self) -> str:
        return self._patched(self.snapshot.text)

    def _patched(self, text: str) -> str:
        changes = {path: value.strip() for path, value in self.edits.items()}
        return yamlpatch.set_values(text, changes)

    def save(self) -> Saved:
        """Write the edited fields; fields others changed meanwhile are kept."""
        render = lambda: self.text().encode("utf-8")  # noqa: E731
        result = save_merging(self.snapshot, self.root, render, self._merge)
        self.snapshot = result.snapshot
        self.data, self.lines, self.error = self._parse(self.snapshot.data)
        self.edits = {}
        return result

    def _merge(self, disk: bytes | None) -> tuple[bytes, list[str]]:
        theirs, _, error = self._parse(disk)
        if error is not None or disk is None:
            mine = {".".join(path): value for path, value in self.edits.items()}
            raise RecordsChanged(self.path, [Conflict(self.path.name, mine, None)])
        edits = {path: value.strip() for path, value in self.edits.items()}
        others = merge_fields(self.path, self.data, edits, theirs, yamlpatch.get)
        return self._patched(disk.decode("utf-8-sig")).encode("utf-8"), others


class TallyFile:
    """tallies/<event-id>.csv as on the paper sheet (docs/tally-format.md), the whole file
    being one record: a save is refused when it changed on disk since it was loaded."""

    def __init__(self, root: Path, event_id: str, case_ids: list[str]):
        self.root, self.event_id, self.case_ids = root, event_id, case_ids
        self.path = root / "tallies" / f"{event_id}.csv"
        spreadsheet = self.path.with_suffix(".xlsx")
        self.spreadsheet = spreadsheet if spreadsheet.exists() and not self.path.exists() else None
        self.shown = paths.display(self.spreadsheet or self.path)
        self.reload()

    def reload(self):
        self.snapshot, self.error = savefile.load_checked(
            self.path, self.root, self.shown, MAX_SHEET_BYTES
        )
        try:
            self.sheet = self._sheet(self.snapshot.data)
        except Unreadable as error:
            self.sheet, self.error = (
                TallySheet.new(self.event_id, []),
                _unreadable(self.shown, error),
            )
        counts = self.sheet.counts()
        self.participants = self.sheet.value("participants")
        self.online = self.sheet.value("online")
        self.counts = {case_id: list(counts.get(case_id, ("", ""))) for case_id in self.case_ids}
        for case_id, pair in counts.items():  # rows for cases no longer in the campaign stay
            self.counts.setdefault(case_id, list(pair))
        self._saved = self._state()

    def _sheet(self, raw: bytes | None) -> TallySheet:
        if self.spreadsheet is not None:  # shown as the tally reader reads it, not edited
            return TallySheet.from_rows(read_rows(self.spreadsheet, self.root))
        if raw is None:
            return TallySheet.new(self.event_id, self.case_ids)
        sheet = TallySheet.parse(raw)
        for number, record in enumerate(sheet.table.records, start=1):
            check_cells(number, record.fields)
        return sheet

    def _state(self):
        return (self.participants, self.online, {k: tuple(v) for k, v in self.counts.items()})

    @property
    def dirty(self) -> bool:
        return self._state() != self._saved

    def validate(self) -> list[Problem]:
        """A problem for every count the tally reader would refuse, by the reader's rules."""
        problems = [self.error] if self.error else []
        named = [("participants", self.participants), ("online", self.online)]
        for case_id, (letters, cards) in self.counts.items():
            named += [(f"{case_id}.letters", letters), (f"{case_id}.cards", cards)]
        for name, value in named:
            try:
                count_cell(value)
            except NotACount as bad:
                problems.append(Problem(self.shown, name, bad.code, bad.params))
        return problems

    def file_problems(self, session) -> list[Problem]:
        """What `campaignkit results` would report in this tally as it stands (edits included)."""
        if self.error or (self.snapshot.data is None and self.spreadsheet is None):
            return []
        if self.spreadsheet is None:
            self.data()  # the counts and total as they would be saved
        rows = [(n, r.fields) for n, r in enumerate(self.sheet.table.records, start=1)]
        known = SimpleNamespace(cases=session.cases, events=session.event_records())
        return sheet_problems(known, self.spreadsheet or self.path, rows)

    def totals(self) -> tuple[int, int]:
        letters = sum(count_or_none(pair[0]) or 0 for pair in self.counts.values())
        cards = sum(count_or_none(pair[1]) or 0 for pair in self.counts.values())
        return letters, cards

    def data(self) -> bytes:
        cases = {key: (pair[0].strip(), pair[1].strip()) for key, pair in self.counts.items()}
        self.sheet.set_counts(self.participants.strip(), self.online.strip(), cases)
        return self.sheet.to_bytes()

    def text(self) -> str:
        self.data()
        return self.sheet.table.text()

    def save(self) -> Saved:
        result = save_merging(self.snapshot, self.root, self.data, self._refuse)
        self.snapshot, self._saved = result.snapshot, self._state()
        return result

    def _refuse(self, disk: bytes | None):
        mine = {"participants": self.participants, "online": self.online, **self.counts}
        theirs = None
        if disk is not None:
            sheet = TallySheet.parse(disk)
            counts = {key: list(pair) for key, pair in sheet.counts().items()}
            theirs = {"participants": sheet.value("participants"), "online": sheet.value("online")}
            theirs.update(counts)
        raise RecordsChanged(self.path, [Conflict(self.path.name, mine, theirs)])


def folder_print(root: Path) -> str:
    """One hash of every file of a campaign folder, names and bytes (the backups, in a hidden
    folder, left out): it changes whenever anything the editor reads changes."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        digest.update(str(relative).encode() + b"\0")
        try:
            digest.update(hashlib.sha256(read_data_bytes(path, root, limit=1 << 40)).digest())
        except (OSError, UnsafeFile) as error:
            digest.update(repr(error).encode())
    return digest.hexdigest()


class Session:
    """One campaign folder open in the editor."""

    def __init__(self, folder: str | Path):
        self.root = paths.resolve(folder)
        self.loaded_print = folder_print(self.root)  # taken first: a change while loading counts
        collect = _Collector(self.root, DEFAULT_LANGUAGES)
        self.campaign = _load_campaign_file(collect)
        self.languages = list(self.campaign.languages) if self.campaign else ["fr", "en"]
        regions = _load_table(collect, "regions.csv", Region, REGION_COLUMNS)
        self.regions: dict[str, Region] = {region.id: region for _, region in regions}
        self.events = EventsFile(self.root, self.languages)
        self.cases = {
            path.stem: CaseFile(self.root, path, self.languages, self.campaign)
            for path in sorted((self.root / "cases").glob("*.yaml"))
        }
        _check_featured(collect, self.campaign, self.cases)
        self.problems = collect.problems  # in files the editor does not edit
        self.tallies: dict[str, TallyFile] = {}

    def changed_on_disk(self) -> bool:
        """Whether any file of the campaign changed since this session read it."""
        return folder_print(self.root) != self.loaded_print

    def tally(self, event_id: str) -> TallyFile:
        if event_id not in self.tallies:
            self.tallies[event_id] = TallyFile(self.root, event_id, list(self.cases))
        return self.tallies[event_id]

    @property
    def dirty(self) -> bool:
        return (
            self.events.dirty
            or any(case.dirty for case in self.cases.values())
            or any(tally.dirty for tally in self.tallies.values())
        )

    def event_problems(self, region: str) -> dict[int, dict[str, Problem]]:
        found = {}
        for key in self.events.keys_of(region):
            _, problems = self.events.validate(key, self.campaign, list(self.regions))
            found[key] = _field_problems(problems)
        return found

    def all_problems(self) -> list[Problem]:
        """Every problem the session shows: files it does not edit, then each record."""
        found = list(self.problems) + ([self.events.error] if self.events.error else [])
        for key in self.events.rows:
            found += self.events.validate(key, self.campaign, list(self.regions))[1]
        for case in self.cases.values():
            found += case.validate()[1]
        for tally in self.tallies.values():
            found += tally.validate() + tally.file_problems(self)
        return found

    def event_records(self) -> list:
        """Every event row's id, as the tally reader needs them."""
        ids = [self.events.values(key).get("id", "").strip() for key in self.events.rows]
        return [SimpleNamespace(id=ident) for ident in ids if ident]

    def case_problems(self, case_id: str) -> dict[str, Problem]:
        return _field_problems(self.cases[case_id].validate()[1])

    def preview_data(self) -> CampaignData | None:
        """The campaign with the edits on screen, or None while any of it does not validate."""
        if self.campaign is None or self.problems or self.events.error:
            return None
        events, cases = [], {}
        for key in self.events.rows:
            event, problems = self.events.validate(key, self.campaign, list(self.regions))
            if problems:
                return None
            events.append(event)
        for case_id, case_file in self.cases.items():
            case, problems = case_file.validate()
            if problems:
                return None
            cases[case_id] = case
        return CampaignData(self.root, self.campaign, cases, self.regions, events)

    def new_event_values(self, region: str) -> dict[str, str]:
        """A new event's first values: an id not used yet; the rest is for people to fill."""
        taken = {self.events.values(key).get("id", "") for key in self.events.rows}
        number = next(n for n in itertools.count(1) if f"{region}-{n}" not in taken)
        return {"id": f"{region}-{number}"}


def limit_of(path: tuple) -> int:
    key = CASE_TEXTS.get(path) or CASE_SINGLE.get(path) or EVENT_LIMITS.get(path[0])
    return LIMITS[key]
