"""Loading a campaign folder and checking every file in it, reporting all problems at once."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from campaignkit import paths
from campaignkit.data.models import SUPPORTED_LANGUAGES, Campaign, Case, Event, Region
from campaignkit.data.photos import contained_file_problem, photo_problem  # noqa: F401 - API
from campaignkit.data.sources import SourceError, line_of, read_csv, read_yaml
from campaignkit.exceptions import InvalidCampaign, UnknownName
from campaignkit.text import catalog
from campaignkit.text.glyphs import describe, missing_characters
from campaignkit.text.problems import Problem, is_problem_code

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
            raise UnknownName("unknown_region", value=region_id, choices=choices)
        return self.regions[region_id]

    def events_of(self, region_id: str) -> list[Event]:
        events = [event for event in self.events if event.region == region_id]
        return sorted(events, key=lambda event: (event.date, event.start, event.id))

    def featured_cases(self) -> list[Case]:
        ids = self.campaign.featured_cases or [c.id for c in self.cases.values() if c.featured]
        return [self.cases[case_id] for case_id in ids]

    def check_language(self, lang: str) -> str:
        if lang not in self.campaign.languages:
            choices = ", ".join(self.campaign.languages)
            raise UnknownName("unknown_language", value=lang, choices=choices)
        return lang


class _Collector:
    """Turns pydantic errors and cross-checks into problems for one campaign folder."""

    def __init__(self, root: Path, languages):
        self.root = root
        self.languages = list(languages)
        self.problems: list[Problem] = []
        self.broken: dict[str, set[str]] = {}  # ids whose file or row has its own problem

    def glyphs(self, data, shown: str, lines=None, row=None, loc: tuple = ()):
        """A problem for every text holding characters that no shipped font can draw."""
        if isinstance(data, dict):
            for key, value in data.items():
                self.glyphs(value, shown, lines, row, (*loc, key))
        elif isinstance(data, list):
            for index, value in enumerate(data):
                self.glyphs(value, shown, lines, row, (*loc, index))
        elif isinstance(data, str) and (chars := missing_characters(data)):
            line = None if row is not None else line_of(lines or {}, loc)
            field = ".".join(str(part) for part in loc)
            params = {"chars": describe(chars)}
            self.add(Problem(shown, field, "no_glyph", params, line=line, row=row))

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


# What a value must look like, for the models' patterns: (French, English).
FORMATS = {
    r"^https?://": (
        "une adresse Web complète qui commence par https://",
        "a full web address starting with https://",
    ),
    r"^#[0-9A-Fa-f]{6}$": ("une couleur comme #FFFF00", "a colour such as #FFFF00"),
    r"^\d{2}$": ("un code à deux chiffres, par exemple 06", "a two-digit code, for example 06"),
}
# pydantic error types → the kit's problem codes, for those that say it better.
KINDS = {
    "string_too_short": "empty_value",
    "dict_type": "not_translated",
    "string_type": "expected_text",
    "bool_parsing": "expected_yes_no",
    "bool_type": "expected_yes_no",
    "list_type": "expected_list",
    "model_type": "expected_fields",
    "model_attributes_type": "expected_fields",
    "extra_forbidden": "unknown_field",
}


def shorten(value, most: int = 40) -> str:
    """A value as a message may quote it: one line, at most `most` characters."""
    text = " ".join(str(value).split())
    return text if len(text) <= most else text[: most - 1] + "…"


def _problem_from(item: dict, shown: str, lines, row, csv: bool) -> Problem:
    loc = tuple(item["loc"])
    kind, ctx, value = item["type"], dict(item.get("ctx") or {}), item.get("input")
    if is_problem_code(kind):
        code, params = kind, ctx
    elif kind in KINDS:
        code, params = KINDS[kind], {"value": shorten(value)}
    elif kind == "string_too_long":
        code, params = "too_long", {"length": len(str(value)), "limit": ctx.get("max_length")}
    elif kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern", "")
        fr, en = FORMATS.get(pattern, (f"une valeur de la forme {pattern}", pattern))
        code, params = "bad_format", {"value": shorten(value), "expected_fr": fr, "expected_en": en}
    elif kind in ("less_than_equal", "less_than"):
        code, params = "number_too_large", {"value": value, "limit": ctx.get("le", ctx.get("lt"))}
    elif kind.startswith("date") or kind.startswith("datetime"):
        code, params = "bad_date", {"value": shorten(value)}
    elif kind.startswith("time"):
        code, params = "bad_time", {"value": shorten(value)}
    elif kind.startswith("int") or kind == "greater_than_equal":
        code, params = "bad_number", {"value": shorten(value)}
    else:
        code, params = "invalid", {"detail": item["msg"]}
    if code == "end_before_start":
        loc = ("end",)
    names = [str(part) for part in loc]
    if "lang" in ctx:
        names[-1:] = [f"{names[-1]}_{ctx['lang']}"] if csv else [names[-1], ctx["lang"]]
    if "lang" in ctx and not csv:
        loc = (*loc, ctx["lang"])  # the line of that language's text, when it has one
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
    collect.glyphs(data, shown, lines)
    languages = data.get("languages")
    if isinstance(languages, list) and all(isinstance(lang, str) for lang in languages):
        # An unsupported language is one problem, not one per text lacking it.
        collect.languages = [lang for lang in languages if lang in SUPPORTED_LANGUAGES]
        for index, lang in enumerate(languages):
            if lang not in SUPPORTED_LANGUAGES:
                line = line_of(lines, ("languages", index))
                params = catalog.language_problem(lang)
                collect.add(Problem(shown, "languages", "unknown_language", params, line=line))
    campaign = collect.validate(Campaign, data, shown, lines)
    if campaign and campaign.end < campaign.start:
        params = {"start": campaign.start, "end": campaign.end}
        collect.add(
            Problem(shown, "end", "end_before_start", params, line=line_of(lines, ("end",)))
        )
    if campaign and campaign.branding.logo:
        line = line_of(lines, ("branding", "logo"))
        _check_image(collect, campaign.branding.logo, shown, "branding.logo", line)
    return campaign


def _load_cases(collect: _Collector) -> dict[str, Case]:
    cases: dict[str, Case] = {}
    for path in sorted((collect.root / "cases").glob("*.yaml")):
        shown = collect.shown(path)
        try:
            data, lines = read_yaml(path, shown)
        except SourceError as error:
            collect.add(error.problem)
            collect.broken.setdefault("cases", set()).add(path.stem)
            continue
        collect.glyphs(data, shown, lines)
        case = collect.validate(Case, data, shown, lines)
        if case is None:
            collect.broken.setdefault("cases", set()).add(path.stem)
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
    if case.photo is not None:
        line = line_of(lines, ("photo", "file"))
        _check_image(collect, case.photo.file, shown, "photo.file", line)


def _check_image(collect: _Collector, relative: str, shown: str, field: str, line):
    """A photo or logo: a real JPEG or PNG inside the campaign folder (see photos.py)."""
    problem = photo_problem(collect.root, relative)
    if problem:
        code, params = problem
        collect.add(Problem(shown, field, code, params, line=line))


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
        rows, unread = read_csv(path, shown, required)
    except SourceError as error:
        collect.add(error.problem)
        return []
    for problem in unread:
        collect.add(problem)
    known = set(model.model_fields)
    records, seen = [], {}
    for index, row in rows:
        collect.glyphs(row, shown, row=index)
        data = {
            k: v for k, v in _csv_record(row, collect.languages, translated).items() if k in known
        }
        record = collect.validate(model, data, shown, row=index)
        if record is None:
            collect.broken.setdefault(file_name, set()).add((row.get("id") or "").strip())
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
    broken = collect.broken.get("regions.csv", set())
    for row, event in events:
        if regions and event.region not in regions and event.region not in broken:
            params = {"value": event.region, "choices": choices}
            collect.add(Problem(shown, "region", "unknown_region", params, row=row))
        if campaign and not campaign.start <= event.date <= campaign.end:
            params = {"value": event.date, "start": campaign.start, "end": campaign.end}
            collect.add(Problem(shown, "date", "outside_campaign", params, row=row))


def _check_featured(collect: _Collector, campaign, cases):
    if campaign is None or not (cases or collect.broken.get("cases")):
        return
    shown = collect.shown(collect.root / "campaign.yaml")
    for case_id in campaign.featured_cases:
        if case_id not in cases and case_id not in collect.broken.get("cases", ()):
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
