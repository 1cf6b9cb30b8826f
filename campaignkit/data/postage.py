"""postage.yaml: what mail weighs and costs, by zone (Canada, United States, international)
and weight step, checked so that every destination falls in exactly one price."""

import datetime as dt
import math
from pathlib import Path

from pydantic import Field

from campaignkit import paths
from campaignkit.data.models import LIMITS, Campaign, Case, Record, Text
from campaignkit.data.sources import SourceError, line_of, read_yaml
from campaignkit.text.problems import Problem

FILE = "postage.yaml"
ANYWHERE = "*"  # a zone's countries: every country no other zone lists


class Zone(Record):
    name: Text(LIMITS["country"])
    countries: list[str] = Field(min_length=1)  # ISO 3166 codes, or "*" for the rest


class Step(Record):
    """Envelopes over `over` grams and up to `up_to` grams cost `prices[zone]` each."""

    over: float
    up_to: float
    prices: dict[str, float]


class Weights(Record):
    """Grams per letter, per card and per (big) envelope."""

    letter: float
    card: float
    envelope: float


class PerParticipant(Record):
    """Before a tally is in: letters and cards one participant is expected to write."""

    letters: float = 1
    cards: float = 1


class PostageTable(Record):
    sample: bool = False
    read_on: dt.date  # the date the prices were read from the postal service
    source: str = ""
    currency: str = "CAD"
    weights: Weights
    per_participant: PerParticipant = PerParticipant()
    zones: dict[str, Zone] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)

    def zone_of(self, country: str | None) -> str | None:
        """The zone id that covers a country; None when none does."""
        if not country:
            return None
        for zone_id, zone in self.zones.items():
            if country in zone.countries:
                return zone_id
        for zone_id, zone in self.zones.items():
            if ANYWHERE in zone.countries:
                return zone_id
        return None

    @property
    def heaviest(self) -> float:
        return self.steps[-1].up_to

    def price(self, zone: str, grams: float) -> float:
        """The price of one envelope of `grams` (at most `heaviest`) to `zone`."""
        for step in self.steps:
            if step.over < grams <= step.up_to:
                return step.prices[zone]
        raise ValueError(f"{grams} g is over the heaviest step, {self.heaviest} g")

    def envelopes(self, content: float) -> int:
        """How many envelopes `content` grams need: one (rule 7) unless too heavy for one."""
        room = self.heaviest - self.weights.envelope
        return max(1, math.ceil(content / room)) if content > 0 else 0


def load_postage(collect, campaign: Campaign | None, cases: dict[str, Case]):
    """postage.yaml, when the campaign has one, with every problem recorded in `collect`."""
    path = collect.root / FILE
    if not path.is_file():
        return None
    shown = paths.display(path)
    try:
        data, lines = read_yaml(path, shown)
    except SourceError as error:
        collect.add(error.problem)
        return None
    table = collect.validate(PostageTable, data, shown, lines)
    if table is None:
        return None
    for problem in table_problems(table, shown, lines):
        collect.add(problem)
    for problem in destination_problems(table, campaign, cases, collect.root):
        collect.add(problem)
    return table


def table_problems(table: PostageTable, shown: str, lines) -> list[Problem]:
    """Negative weights and prices, steps with a gap or an overlap, zones without a price."""

    def problem(loc: tuple, code: str, params: dict) -> Problem:
        field = ".".join(str(part) for part in loc)
        return Problem(shown, field, code, params, line=line_of(lines, loc))

    problems = [
        problem(("weights", name), "negative_value", {"value": f"{grams:g}"})
        for name, grams in table.weights.model_dump().items()
        if grams < 0
    ]
    start = 0.0
    for index, step in enumerate(table.steps):
        problems += _step_problems(table, index, step, start, problem)
        start = step.up_to if _possible(step) else None  # one mistake, one problem
    if table.heaviest <= table.weights.envelope:
        problems.append(problem(("steps",), "bad_step", {"over": 0, "up_to": table.heaviest}))
    return problems


def _possible(step: Step) -> bool:
    return 0 <= step.over < step.up_to


def _step_problems(table: PostageTable, index: int, step: Step, start, problem):
    """One weight step: its bounds against the step before, and a price for every zone."""
    where, found = ("steps", index), []
    if not _possible(step):
        found.append(
            problem((*where, "up_to"), "bad_step", {"over": step.over, "up_to": step.up_to})
        )
    elif start is not None and step.over != start:
        code = "step_gap" if step.over > start else "step_overlap"
        params = {"value": _grams(step.over), "expected": _grams(start)}
        found.append(problem((*where, "over"), code, params))
    for zone in table.zones:
        if zone not in step.prices:
            found.append(problem((*where, "prices", zone), "price_missing", {"value": zone}))
    for zone, price in step.prices.items():
        if zone not in table.zones:
            params = {"value": zone, "choices": ", ".join(table.zones)}
            found.append(problem((*where, "prices", zone), "unknown_zone", params))
        elif price < 0:
            found.append(
                problem((*where, "prices", zone), "negative_value", {"value": f"{price:g}"})
            )
    return found


def _grams(value: float) -> str:
    return f"{value:g} g"


def destination_problems(table: PostageTable, campaign, cases: dict[str, Case], root: Path):
    """Every known address must have a country that a zone covers."""
    places = []
    if campaign is not None:
        places.append((root / "campaign.yaml", "organization", campaign.organization))
    for case in cases.values():
        file = root / "cases" / f"{case.id}.yaml"
        places += [(file, "target", case.target), (file, "card", case.card)]
    problems = []
    for file, field, address in places:
        if address.address_pending or not address.address:
            continue  # nothing is mailed there until the address is confirmed
        shown, lines = _lines_of(file)
        at = line_of(lines, (field, "country"))
        if not address.country:
            problems.append(Problem(shown, f"{field}.country", "no_country", {}, line=at))
        elif table.zone_of(address.country) is None:
            params = {"value": address.country, "file": FILE}
            problems.append(Problem(shown, f"{field}.country", "no_zone", params, line=at))
    return problems


def _lines_of(file: Path):
    shown = paths.display(file)
    try:
        return shown, read_yaml(file, shown)[1]
    except SourceError:
        return shown, {}
