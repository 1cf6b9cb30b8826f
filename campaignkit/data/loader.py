"""Loading a campaign folder and checking every file in it, reporting all problems at once."""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ValidationError

from campaignkit import paths
from campaignkit.data.csvfile import read_table
from campaignkit.data.models import (
    DEFAULT_LANGUAGES,
    SUPPORTED_LANGUAGES,
    Campaign,
    Case,
    Event,
    Region,
)
from campaignkit.data.photos import contained_file_problem, photo_problem  # noqa: F401 - API
from campaignkit.data.postage import PostageTable, load_postage
from campaignkit.data.signature import inputs_signature
from campaignkit.data.sources import SourceError, line_of, read_yaml
from campaignkit.exceptions import InvalidCampaign, UnknownName
from campaignkit.text import catalog
from campaignkit.text.catalog import Key
from campaignkit.text.glyphs import describe, missing_characters
from campaignkit.text.problems import Problem, is_problem_code

REGION_COLUMNS = ["id", "code", "name"]
EVENT_COLUMNS = ["id", "region", "title", "date", "start", "end", "venue", "address", "city"]
TRANSLATED_COLUMNS = {"name", "title"}
OPTIONAL_TRANSLATED = ("quote",)  # columns quote_fr, quote_en: both or neither


@dataclass
class CampaignData:
    """A validated campaign: everything the materials are printed from."""

    root: Path
    campaign: Campaign
    cases: dict[str, Case]
    regions: dict[str, Region]
    events: list[Event] = field(default_factory=list)
    postage: PostageTable | None = None  # postage.yaml, when the campaign has one

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
        self.context: dict = {}  # what the models' rules need besides the languages

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
            context = {"languages": self.languages, **self.context}
            return model.model_validate(data, context=context)
        except ValidationError as error:
            for item in error.errors():
                self.add(_problem_from(item, shown, lines, row, csv=row is not None))
            return None


FORMATS = {  # a field's pattern → what it expects (catalog key problem.format.<…>)
    r"^https?://": "web_address",
    r"^#[0-9A-Fa-f]{6}$": "colour",
    r"^\d{2}$": "two_digits",
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
        expected = Key(f"problem.format.{FORMATS.get(pattern, 'pattern')}")
        code = "bad_format"
        params = {"value": shorten(value), "expected": expected, "pattern": pattern}
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
    if code == "address_missing" and loc[-1:] == ("address_pending",):
        loc = (*loc[:-1], "address")  # an event: said on the address people fill in
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
        data, lines = read_yaml(path, shown, collect.root)
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
            data, lines = read_yaml(path, shown, collect.root)
        except SourceError as error:
            collect.add(error.problem)
            collect.broken.setdefault("cases", set()).add(path.stem)
            continue
        case = _check_case(collect, data, lines, shown, path.stem)
        if case is None:
            collect.broken.setdefault("cases", set()).add(path.stem)
            continue
        if case.id in cases:
            params = {"value": case.id, "other": "in another case file"}
            collect.add(Problem(shown, "id", "duplicate_id", params, line=line_of(lines, ("id",))))
        cases[case.id] = case
    return cases


def _check_case(collect: _Collector, data: dict, lines, shown: str, stem: str) -> Case | None:
    """One case file's data as a Case (None when it does not validate), its problems collected."""
    collect.glyphs(data, shown, lines)
    case = collect.validate(Case, data, shown, lines)
    if case is None:
        return None
    if case.id != stem:
        params = {"value": case.id, "expected": stem}
        collect.add(Problem(shown, "id", "id_mismatch", params, line=line_of(lines, ("id",))))
    _check_photo(collect, case, shown, lines)
    return case


def check_case(
    root: Path, data: dict, lines, shown: str, languages, campaign=None
) -> tuple[Case | None, list[Problem]]:
    """A case file's data checked as `check` does: the Case, or None, and every problem."""
    collect = _Collector(root, languages)
    case = _check_case(collect, data, lines, shown, Path(shown).stem)
    if case is not None:
        _check_card(collect, campaign, case, shown)
    return (None if collect.problems else case), collect.problems


def _check_photo(collect: _Collector, case: Case, shown: str, lines):
    if case.photo is not None:
        line = line_of(lines, ("photo", "file"))
        _check_image(collect, case.photo.file, shown, "photo.file", line)


def _check_image(collect: _Collector, relative: str, shown: str, field: str, line):
    """A photo or logo: a real JPEG or PNG inside the campaign folder (see photos.py)."""
    problem = _image_problem(collect.root, relative, _stamp(collect.root / relative))
    if problem:
        code, params = problem
        collect.add(Problem(shown, field, code, params, line=line))


def _stamp(path: Path) -> tuple | None:
    """What changes when a file is moved, replaced or edited (None: no such file)."""
    try:
        found, real = path.stat(), str(path.resolve())
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop
        return None
    return real, found.st_ino, found.st_size, found.st_mtime_ns


@lru_cache(maxsize=256)
def _image_problem(root: Path, relative: str, stamp: tuple | None):
    """photo_problem, once per version of the file: the editor checks a case per keystroke."""
    return photo_problem(root, relative)


def _csv_record(row: dict[str, str], languages, translated) -> dict:
    """A CSV row as model data: `name_fr`, `name_en` become `name: {fr, en}`; blanks are unset."""
    record = {key: value for key, value in row.items() if key and value not in (None, "")}
    for name in translated:
        record[name] = {lang: row.get(f"{name}_{lang}") or None for lang in languages}
    for name in OPTIONAL_TRANSLATED:
        if any((row.get(f"{name}_{lang}") or "").strip() for lang in languages):
            record[name] = {lang: row.get(f"{name}_{lang}") or None for lang in languages}
    return record


def _load_table(collect: _Collector, file_name: str, model, columns: list[str]) -> list:
    path = collect.root / file_name
    shown = collect.shown(path)
    translated = [c for c in columns if c in TRANSLATED_COLUMNS]
    required = [c for c in columns if c not in translated]
    required += [f"{c}_{lang}" for c in translated for lang in collect.languages]
    try:
        rows, unread = read_table(path, shown, required, collect.root)
    except SourceError as error:
        collect.add(error.problem)
        return []
    for problem in unread:
        collect.add(problem)
    records, seen = [], {}
    for index, row in rows:
        record = _table_record(collect, model, row, shown, index, translated)
        if record is None:
            collect.broken.setdefault(file_name, set()).add((row.get("id") or "").strip())
            continue
        if record.id in seen:
            params = {"value": record.id, "other": f"row {seen[record.id]}"}
            collect.add(Problem(shown, "id", "duplicate_id", params, row=index))
        seen[record.id] = index
        records.append((index, record))
    return records


def _table_record(collect: _Collector, model, row: dict, shown: str, index: int, translated):
    """One CSV row as a model instance, or None; its problems collected."""
    collect.glyphs(row, shown, row=index)
    record = _csv_record(row, collect.languages, translated)
    known = set(model.model_fields)
    return collect.validate(
        model, {k: v for k, v in record.items() if k in known}, shown, row=index
    )


def _check_events(collect: _Collector, regions, events):
    shown = collect.shown(collect.root / "events.csv")
    broken = collect.broken.get("regions.csv", set())
    for row, event in events:
        _check_event(collect, regions, event, shown, row, broken)


def _check_event(collect, regions, event: Event, shown: str, row: int, broken=()):
    """The rules of an event that need the regions (its dates are the model's, see context)."""
    if regions and event.region not in regions and event.region not in broken:
        choices = ", ".join(list(regions)[:6]) + ("…" if len(regions) > 6 else "")
        params = {"value": event.region, "choices": choices}
        collect.add(Problem(shown, "region", "unknown_region", params, row=row))


def campaign_context(campaign) -> dict:
    """What an event's rules need of the campaign: its dates (an event falls within them),
    checked with the row's other fields so that every problem of a row is said at once."""
    return {"campaign_dates": (campaign.start, campaign.end)} if campaign else {}


def check_event_row(
    row: dict, number: int, shown: str, languages, campaign, regions
) -> tuple[Event | None, list[Problem]]:
    """An events.csv row checked as `check` does: the Event, or None, and every problem."""
    collect = _Collector(Path(), languages)
    collect.context = campaign_context(campaign)
    translated = [c for c in EVENT_COLUMNS if c in TRANSLATED_COLUMNS]
    event = _table_record(collect, Event, row, shown, number, translated)
    if event is not None:
        _check_event(collect, regions, event, shown, number)
    return (None if collect.problems else event), collect.problems


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
    for case in cases.values():
        shown = collect.shown(collect.root / "cases" / f"{case.id}.yaml")
        _check_card(collect, campaign, case, shown)


def _check_card(collect: _Collector, campaign, case: Case, shown: str):
    """Card rule 2: a solidarity card never names the organization."""
    if campaign is None:
        return
    office = campaign.organization
    names = {office.short_name, *office.name.values()}
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
    collect = _Collector(root, DEFAULT_LANGUAGES)
    campaign = _load_campaign_file(collect)
    cases = _load_cases(collect)
    regions = dict(
        (r.id, r) for _, r in _load_table(collect, "regions.csv", Region, REGION_COLUMNS)
    )
    collect.context = campaign_context(campaign)
    events = _load_table(collect, "events.csv", Event, EVENT_COLUMNS)
    _check_events(collect, regions, events)
    _check_featured(collect, campaign, cases)
    _check_cards(collect, campaign, cases)
    postage = load_postage(collect, campaign, cases)
    if collect.problems or campaign is None:
        return None, collect.problems
    events = [event for _, event in events]
    return CampaignData(root, campaign, cases, regions, events, postage), []


class _Kept:
    """Campaigns kept as read, folder → (signature, data): in a build's kernel only."""

    on = False
    folders: dict[Path, tuple[str, CampaignData]] = {}


def keep_loaded_campaigns():
    """From now on in this process (a build's kernel, which runs one notebook after
    another), a campaign whose files are all unchanged is given back as it was read, not
    read again; the folder's signature (names, bytes, times, inodes) tells."""
    _Kept.on = True


def load_campaign(folder: str | Path = paths.DEFAULT_CAMPAIGN) -> CampaignData:
    """The validated campaign, or InvalidCampaign listing every problem."""
    root = paths.resolve(folder)
    signature = inputs_signature(root) if _Kept.on else ""
    kept = _Kept.folders.get(root)
    if signature and kept and kept[0] == signature:
        return kept[1]
    data, problems = check_campaign(root)
    if problems:
        raise InvalidCampaign(problems)
    if signature:
        _Kept.folders[root] = (signature, data)
    return data
