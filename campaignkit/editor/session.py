"""What the editor edits, without any widget: events.csv, case files and tally files.

Each file is held as loaded (a savefile.Snapshot) plus the edits made since; every edit is
checked with the same models and Problem messages as `campaignkit check`; saving writes
the file in its own layout and refuses when the file changed on disk meanwhile.
"""

import copy
import itertools
from pathlib import Path

import yaml
from pydantic import ValidationError

from campaignkit import paths
from campaignkit.data import savefile, yamlpatch
from campaignkit.data.datafiles import CsvTable, Record, TallySheet, parse_count
from campaignkit.data.loader import (
    EVENT_COLUMNS,
    REGION_COLUMNS,
    TRANSLATED_COLUMNS,
    CampaignData,
    _Collector,
    _csv_record,
    _load_campaign_file,
    _load_table,
    _problem_from,
)
from campaignkit.data.models import LIMITS, SUPPORTED_LANGUAGES, Case, Event, Region
from campaignkit.text.problems import Problem

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


class EventsFile:
    """events.csv: every row, editable by region; rows keep their place and style."""

    def __init__(self, root: Path, languages: list[str]):
        self.root, self.languages = root, languages
        self.path = root / "events.csv"
        self.shown = paths.display(self.path)
        self._keys = itertools.count(1)
        self.reload()

    def reload(self):
        self.snapshot = savefile.load(self.path)
        self.table = CsvTable.parse(self.snapshot.text)
        self.rows: dict[int, Record] = {next(self._keys): r for r in self.table.data_records()}

    @property
    def columns(self) -> list[str]:
        return self.table.header

    def values(self, key: int) -> dict[str, str]:
        return self.table.as_dict(self.rows[key])

    def keys_of(self, region: str) -> list[int]:
        return [key for key, record in self.rows.items() if self.values(key)["region"] == region]

    def set(self, key: int, column: str, value: str):
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
        return self.text() != self.snapshot.text

    def _row_number(self, key: int) -> int:
        return self.table.records.index(self.rows[key]) + 1

    def validate(self, key: int, campaign=None, regions=()) -> tuple[Event | None, list[Problem]]:
        """The row as an Event, or None, and every problem of the row."""
        row = self._row_number(key)
        translated = [c for c in EVENT_COLUMNS if c in TRANSLATED_COLUMNS]
        record = _csv_record(self.values(key), self.languages, translated)
        data = {k: v for k, v in record.items() if k in Event.model_fields}
        problems, event = [], None
        try:
            event = Event.model_validate(data, context={"languages": self.languages})
        except ValidationError as error:
            for item in error.errors():
                problems.append(_problem_from(item, self.shown, None, row, csv=True))
        if event is not None:
            if regions and event.region not in regions:
                params = {"value": event.region, "choices": ", ".join(regions)}
                problems.append(Problem(self.shown, "region", "unknown_region", params, row=row))
            if campaign and not campaign.start <= event.date <= campaign.end:
                params = {"value": event.date, "start": campaign.start, "end": campaign.end}
                problems.append(Problem(self.shown, "date", "outside_campaign", params, row=row))
        ident = self.values(key)["id"].strip()
        for other in self.rows:
            values = self.values(other)
            if other != key and ident and values["id"].strip() == ident:
                title = next((values[c] for c in values if c.startswith("title_")), "")
                params = {"value": ident, "other": title or ident}
                problems.append(Problem(self.shown, "id", "id_taken", params, row=row))
                break
        return (None if problems else event), problems

    def save(self) -> savefile.Snapshot:
        self.snapshot = savefile.save(self.snapshot, self.text().encode("utf-8"), self.root)
        return self.snapshot


class CaseFile:
    """One cases/<id>.yaml: texts edited by path, written back by patching only those values."""

    def __init__(self, root: Path, path: Path, languages: list[str]):
        self.root, self.path, self.languages = root, path, languages
        self.shown = paths.display(path)
        self.reload()

    def reload(self):
        self.snapshot = savefile.load(self.path)
        try:
            self.data = yaml.safe_load(self.snapshot.text)
            self.error = None
        except yaml.YAMLError as error:
            self.data, self.error = {}, str(error).splitlines()[0]
        if not isinstance(self.data, dict):
            self.data = {}
        self.edits: dict[tuple, str] = {}

    @property
    def id(self) -> str:
        return self.path.stem

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
        if self.error:
            return None, [Problem(self.shown, "", "yaml_syntax", {"detail": self.error})]
        try:
            case = Case.model_validate(self.merged(), context={"languages": self.languages})
        except ValidationError as error:
            return None, [_problem_from(i, self.shown, {}, None, csv=False) for i in error.errors()]
        if case.id != self.id:
            params = {"value": case.id, "expected": self.id}
            return None, [Problem(self.shown, "id", "id_mismatch", params)]
        return case, []

    def text(self) -> str:
        changes = {path: value.strip() for path, value in self.edits.items()}
        return yamlpatch.set_values(self.snapshot.text, changes)

    def save(self) -> savefile.Snapshot:
        self.snapshot = savefile.save(self.snapshot, self.text().encode("utf-8"), self.root)
        self.data, self.edits = yaml.safe_load(self.snapshot.text), {}
        return self.snapshot


class TallyFile:
    """tallies/<event-id>.csv as on the paper sheet (docs/tally-format.md)."""

    def __init__(self, root: Path, event_id: str, case_ids: list[str]):
        self.root, self.event_id, self.case_ids = root, event_id, case_ids
        self.path = root / "tallies" / f"{event_id}.csv"
        self.shown = paths.display(self.path)
        spreadsheet = self.path.with_suffix(".xlsx")
        self.spreadsheet = spreadsheet if spreadsheet.exists() and not self.path.exists() else None
        self.reload()

    def reload(self):
        self.snapshot = savefile.load(self.path)
        if self.snapshot.data is None:
            self.sheet = TallySheet.new(self.event_id, self.case_ids)
        else:
            self.sheet = TallySheet.parse(self.snapshot.text)
        counts = self.sheet.counts()
        self.participants = self.sheet.value("participants")
        self.online = self.sheet.value("online")
        self.counts = {case_id: list(counts.get(case_id, ("", ""))) for case_id in self.case_ids}
        for case_id, pair in counts.items():  # rows for cases no longer in the campaign stay
            self.counts.setdefault(case_id, list(pair))
        self._saved = self._state()

    def _state(self):
        return (self.participants, self.online, {k: tuple(v) for k, v in self.counts.items()})

    @property
    def dirty(self) -> bool:
        return self._state() != self._saved

    def validate(self) -> list[Problem]:
        problems = []
        named = [("participants", self.participants), ("online", self.online)]
        for case_id, (letters, cards) in self.counts.items():
            named += [(f"{case_id}.letters", letters), (f"{case_id}.cards", cards)]
        for name, value in named:
            if parse_count(value) is None:
                problems.append(Problem(self.shown, name, "bad_number", {"value": value}))
        return problems

    def totals(self) -> tuple[int, int]:
        letters = sum(parse_count(pair[0]) or 0 for pair in self.counts.values())
        cards = sum(parse_count(pair[1]) or 0 for pair in self.counts.values())
        return letters, cards

    def text(self) -> str:
        cases = {key: (pair[0].strip(), pair[1].strip()) for key, pair in self.counts.items()}
        self.sheet.set_counts(self.participants.strip(), self.online.strip(), cases)
        return self.sheet.text()

    def save(self) -> savefile.Snapshot:
        data = self.text().encode("utf-8")
        self.snapshot = savefile.save(self.snapshot, data, self.root)
        self._saved = self._state()
        return self.snapshot


class Session:
    """One campaign folder open in the editor."""

    def __init__(self, folder: str | Path):
        self.root = paths.resolve(folder)
        collect = _Collector(self.root, SUPPORTED_LANGUAGES)
        self.campaign = _load_campaign_file(collect)
        self.languages = list(self.campaign.languages) if self.campaign else ["fr", "en"]
        regions = _load_table(collect, "regions.csv", Region, REGION_COLUMNS)
        self.regions: dict[str, Region] = {region.id: region for _, region in regions}
        self.problems = collect.problems  # in files the editor does not edit
        self.events = EventsFile(self.root, self.languages)
        self.cases = {
            path.stem: CaseFile(self.root, path, self.languages)
            for path in sorted((self.root / "cases").glob("*.yaml"))
        }
        self.tallies: dict[str, TallyFile] = {}

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

    def case_problems(self, case_id: str) -> dict[str, Problem]:
        return _field_problems(self.cases[case_id].validate()[1])

    def preview_data(self) -> CampaignData | None:
        """The campaign with the edits on screen, or None while any of it does not validate."""
        if self.campaign is None or self.problems:
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
        taken = {self.events.values(key)["id"] for key in self.events.rows}
        number = next(n for n in itertools.count(1) if f"{region}-{n}" not in taken)
        return {"id": f"{region}-{number}"}


def limit_of(path: tuple) -> int:
    key = CASE_TEXTS.get(path) or CASE_SINGLE.get(path) or EVENT_LIMITS.get(path[0])
    return LIMITS[key]
