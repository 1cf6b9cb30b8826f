"""Loading a campaign folder and checking every file in it, reporting all problems at once."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import paths
from .exceptions import InvalidCampaign, UnknownName
from .models import SUPPORTED_LANGUAGES, Campaign, Case, Event, Region
from .problems import MESSAGES, Problem
from .sources import SourceError, line_of, read_csv, read_yaml

REGION_COLUMNS = ["id", "code", "name"]
EVENT_COLUMNS = ["id", "region", "title", "date", "start", "end", "venue", "address", "city"]
TRANSLATED_COLUMNS = {"name", "title"}


@dataclass
class CampaignData:
    """A validated campaign: everything the materials are printed from."""

    root: Path
    campaign: Campaign
    cases: dict[str, Case]
    regions: dict[str, Region]
    events: list[Event] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.campaign.id

    def region(self, region_id: str) -> Region:
        if region_id not in self.regions:
            choices = ", ".join(self.regions)
            raise UnknownName(f"unknown region '{region_id}'; choose one of: {choices}")
        return self.regions[region_id]

    def events_of(self, region_id: str) -> list[Event]:
        events = [event for event in self.events if event.region == region_id]
        return sorted(events, key=lambda event: (event.date, event.start, event.id))

    def featured_cases(self) -> list[Case]:
        ids = self.campaign.featured_cases or [c.id for c in self.cases.values() if c.featured]
        return [self.cases[case_id] for case_id in ids]

    def check_language(self, lang: str) -> str:
        if lang not in self.campaign.languages:
            raise UnknownName(
                f"unknown language '{lang}'; choose one of: {self.campaign.languages}"
            )
        return lang


class _Collector:
    """Turns pydantic errors and cross-checks into problems for one campaign folder."""

    def __init__(self, root: Path, languages):
        self.root = root
        self.languages = list(languages)
        self.problems: list[Problem] = []

    def shown(self, path: Path) -> str:
        return paths.display(path)

    def add(self, problem: Problem):
        self.problems.append(problem)

    def validate(self, model: type[BaseModel], data: dict, shown: str, lines=None, row=None):
        """The model instance, or None after recording every error in `data`."""
        try:
            return model.model_validate(data, context={"languages": self.languages})
        except ValidationError as error:
            for item in error.errors():
                self.add(_problem_from(item, shown, lines, row, csv=row is not None))
            return None


def _problem_from(item: dict, shown: str, lines, row, csv: bool) -> Problem:
    loc = tuple(item["loc"])
    kind, ctx, value = item["type"], dict(item.get("ctx") or {}), item.get("input")
    if kind in MESSAGES:
        code, params = kind, ctx
    elif kind.startswith("date") or kind.startswith("datetime"):
        code, params = "bad_date", {"value": value}
    elif kind.startswith("time"):
        code, params = "bad_time", {"value": value}
    elif kind.startswith("int") or kind == "greater_than_equal":
        code, params = "bad_number", {"value": value}
    else:
        code, params = "invalid", {"detail": item["msg"]}
    if code == "end_before_start":
        loc = ("end",)
    names = [str(part) for part in loc]
    if "lang" in ctx:
        names[-1:] = [f"{names[-1]}_{ctx['lang']}"] if csv else [names[-1], ctx["lang"]]
    line = None if csv else line_of(lines or {}, loc)
    return Problem(shown, ".".join(names), code, params, line=line, row=row)


def _load_campaign_file(collect: _Collector) -> Campaign | None:
    path = collect.root / "campaign.yaml"
    shown = collect.shown(path)
    try:
        data, lines = read_yaml(path, shown)
    except SourceError as error:
        collect.add(error.problem)
        return None
    languages = data.get("languages")
    if isinstance(languages, list) and all(isinstance(lang, str) for lang in languages):
        collect.languages = languages
        for index, lang in enumerate(languages):
            if lang not in SUPPORTED_LANGUAGES:
                line = line_of(lines, ("languages", index))
                collect.add(
                    Problem(shown, "languages", "unknown_language", {"value": lang}, line=line)
                )
    campaign = collect.validate(Campaign, data, shown, lines)
    if campaign and campaign.end < campaign.start:
        params = {"start": campaign.start, "end": campaign.end}
        collect.add(
            Problem(shown, "end", "end_before_start", params, line=line_of(lines, ("end",)))
        )
    return campaign


def _load_cases(collect: _Collector) -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for path in sorted((collect.root / "cases").glob("*.yaml")):
        shown = collect.shown(path)
        try:
            data, lines = read_yaml(path, shown)
        except SourceError as error:
            collect.add(error.problem)
            continue
        case = collect.validate(Case, data, shown, lines)
        if case is None:
            continue
        if case.id != path.stem:
            params = {"value": case.id, "expected": path.stem}
            collect.add(Problem(shown, "id", "id_mismatch", params, line=line_of(lines, ("id",))))
        if case.id in cases:
            params = {"value": case.id, "other": "in another case file"}
            collect.add(Problem(shown, "id", "duplicate_id", params, line=line_of(lines, ("id",))))
        cases[case.id] = case
        _check_photo(collect, case, shown, lines)
    return cases


def _check_photo(collect: _Collector, case: Case, shown: str, lines):
    if case.photo is None:
        return
    line = line_of(lines, ("photo", "file"))
    problem = contained_file_problem(collect.root, case.photo.file)
    if problem:
        code, value = problem
        collect.add(Problem(shown, "photo.file", code, {"value": value}, line=line))


def contained_file_problem(root: Path, relative: str) -> tuple[str, str] | None:
    """Why a data-referenced file cannot be used, or None when it is a file inside `root`."""
    candidate = Path(relative)
    if candidate.is_absolute() or "://" in relative:
        return "outside_folder", relative
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root.resolve()):
        return "outside_folder", relative
    if not resolved.is_file():
        return "file_missing", relative
    return None


def _csv_record(row: dict[str, str], languages, translated) -> dict:
    """A CSV row as model data: `name_fr`, `name_en` become `name: {fr, en}`; blanks are unset."""
    record = {key: value for key, value in row.items() if key and value not in (None, "")}
    for name in translated:
        record[name] = {lang: row.get(f"{name}_{lang}") or None for lang in languages}
    return record


def _load_table(collect: _Collector, file_name: str, model, columns: list[str]) -> list:
    path = collect.root / file_name
    shown = collect.shown(path)
    translated = [c for c in columns if c in TRANSLATED_COLUMNS]
    required = [c for c in columns if c not in translated]
    required += [f"{c}_{lang}" for c in translated for lang in collect.languages]
    try:
        rows = read_csv(path, shown, required)
    except SourceError as error:
        collect.add(error.problem)
        return []
    known = set(model.model_fields)
    records, seen = [], {}
    for index, row in enumerate(rows, start=2):
        data = {
            k: v for k, v in _csv_record(row, collect.languages, translated).items() if k in known
        }
        record = collect.validate(model, data, shown, row=index)
        if record is None:
            continue
        if record.id in seen:
            params = {"value": record.id, "other": f"row {seen[record.id]}"}
            collect.add(Problem(shown, "id", "duplicate_id", params, row=index))
        seen[record.id] = index
        records.append((index, record))
    return records


def _check_events(collect: _Collector, campaign, regions, events):
    shown = collect.shown(collect.root / "events.csv")
    choices = ", ".join(list(regions)[:6]) + ("…" if len(regions) > 6 else "")
    for row, event in events:
        if regions and event.region not in regions:
            params = {"value": event.region, "choices": choices}
            collect.add(Problem(shown, "region", "unknown_region", params, row=row))
        if campaign and not campaign.start <= event.date <= campaign.end:
            params = {"value": event.date, "start": campaign.start, "end": campaign.end}
            collect.add(Problem(shown, "date", "outside_campaign", params, row=row))


def _check_featured(collect: _Collector, campaign, cases):
    if campaign is None or not cases:
        return
    shown = collect.shown(collect.root / "campaign.yaml")
    for case_id in campaign.featured_cases:
        if case_id not in cases:
            params = {"value": case_id, "choices": ", ".join(cases)}
            collect.add(Problem(shown, "featured_cases", "unknown_case", params))


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None


def _check_cards(collect: _Collector, campaign, cases):
    """Card rule 2: a solidarity card never names the organization."""
    if campaign is None:
        return
    office = campaign.organization
    names = {office.short_name, *office.name.values()}
    for case in cases.values():
        shown = collect.shown(collect.root / "cases" / f"{case.id}.yaml")
        for lang, text in case.card.message.items():
            named = [name for name in names if name and _mentions(text, name)]
            if named:
                params = {"lang": lang, "value": named[0]}
                collect.add(Problem(shown, f"card.message.{lang}", "names_organization", params))


def check_campaign(
    folder: str | Path = paths.DEFAULT_CAMPAIGN,
) -> tuple[CampaignData | None, list[Problem]]:
    """Load and check a campaign folder; the data is None when any problem was found."""
    root = paths.resolve(folder)
    collect = _Collector(root, SUPPORTED_LANGUAGES)
    campaign = _load_campaign_file(collect)
    cases = _load_cases(collect)
    regions = dict(
        (r.id, r) for _, r in _load_table(collect, "regions.csv", Region, REGION_COLUMNS)
    )
    events = _load_table(collect, "events.csv", Event, EVENT_COLUMNS)
    _check_events(collect, campaign, regions, events)
    _check_featured(collect, campaign, cases)
    _check_cards(collect, campaign, cases)
    if collect.problems or campaign is None:
        return None, collect.problems
    return CampaignData(root, campaign, cases, regions, [event for _, event in events]), []


def load_campaign(folder: str | Path = paths.DEFAULT_CAMPAIGN) -> CampaignData:
    """The validated campaign, or InvalidCampaign listing every problem."""
    data, problems = check_campaign(folder)
    if problems:
        raise InvalidCampaign(problems)
    return data
