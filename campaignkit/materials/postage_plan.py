"""The postage plan: per destination, the letters and cards a region mails (from the tallies
once in, from expected attendance before), one envelope each (card rule 7), the weight and
the postage from postage.yaml; and the campaign's, region by region."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campaignkit.data.loader import CampaignData
from campaignkit.data.postage import PostageTable
from campaignkit.data.tallies import tallies_of
from campaignkit.materials.destinations import Destination, destinations

if TYPE_CHECKING:  # pandas is loaded when postage.csv is made, not by importing this
    import pandas as pd

COLUMNS = [
    "level",
    "region",
    "destination",
    "country",
    "zone",
    "letters",
    "cards",
    "envelopes",
    "weight_g",
    "postage",
    "currency",
    "estimated",
    "pending",
]


@dataclass
class Line:
    """One destination's envelope(s) from one region (or the whole campaign)."""

    destination: Destination
    letters: int
    cards: int
    envelopes: int
    grams: float
    zone: str | None
    postage: float | None  # None: address pending, nothing to buy yet


def case_counts(data: CampaignData, region: str) -> tuple[dict[str, dict[str, int]], int]:
    """Letters and cards per case of one region's events ({case: {"letters": …, "cards": …}}):
    the tally of each event that has one, else its expected attendance × what one participant
    writes, shared among the cases. Also returns how many events were estimated."""
    counts = {case_id: {"letters": 0.0, "cards": 0.0} for case_id in data.cases}
    tallies = tallies_of(data).tallies
    rates = data.postage.per_participant if data.postage else None
    estimated = 0
    for event in data.events_of(region):
        tally = tallies.get(event.id)
        if tally is not None:
            for case_id, count in counts.items():
                count["letters"] += tally.letters.get(case_id, 0)
                count["cards"] += tally.cards.get(case_id, 0)
        elif rates is not None:
            estimated += 1
            people = event.expected_attendance or 0
            for count in counts.values():
                count["letters"] += people * rates.letters / len(data.cases)
                count["cards"] += people * rates.cards / len(data.cases)
    whole = {
        case_id: {k: math.ceil(v) for k, v in count.items()} for case_id, count in counts.items()
    }
    return whole, estimated


def line_for(rates: PostageTable, destination: Destination, letters: int, cards: int) -> Line:
    """Weight and postage of what one destination receives from one region."""
    content = letters * rates.weights.letter + cards * rates.weights.card
    envelopes = rates.envelopes(content)
    grams = content + envelopes * rates.weights.envelope
    zone = None if destination.pending else rates.zone_of(destination.country)
    postage = None
    if zone is not None:
        postage = envelopes * rates.price(zone, grams / envelopes) if envelopes else 0.0
    return Line(destination, letters, cards, envelopes, grams, zone, postage)


def region_plan(data: CampaignData, region: str, lang: str) -> tuple[list[Line], int]:
    """One line per destination for a region, and how many of its events were estimated."""
    counts, estimated = case_counts(data, region)
    lines = []
    for destination in destinations(data, lang):
        letters = sum(counts[case_id]["letters"] for case_id in destination.letters_for)
        cards = sum(counts[case_id]["cards"] for case_id in destination.cards_for)
        lines.append(line_for(data.postage, destination, letters, cards))
    return lines, estimated


def campaign_plan(data: CampaignData, lang: str) -> tuple[list[Line], int]:
    """Every region's envelopes added up per destination (each region mails its own)."""
    totals: dict[str, Line] = {}
    estimated = 0
    for region in data.regions:
        lines, guessed = region_plan(data, region, lang)
        estimated += guessed
        for line in lines:
            total = totals.setdefault(
                line.destination.key, Line(line.destination, 0, 0, 0, 0.0, line.zone, 0.0)
            )
            total.letters += line.letters
            total.cards += line.cards
            total.envelopes += line.envelopes
            total.grams += line.grams
            total.postage = None if line.postage is None else (total.postage or 0) + line.postage
    return list(totals.values()), estimated


def total(lines: list[Line]) -> dict:
    """Letters, cards, envelopes, grams and postage of every line whose address is known."""
    known = [line for line in lines if line.postage is not None]
    return {
        "letters": sum(line.letters for line in lines),
        "cards": sum(line.cards for line in lines),
        "envelopes": sum(line.envelopes for line in known),
        "grams": sum(line.grams for line in known),
        "postage": round(sum(line.postage for line in known), 2),
        "pending": sum(1 for line in lines if line.postage is None and line.letters + line.cards),
    }


def table(data: CampaignData, lang: str = "fr") -> pd.DataFrame:
    """postage.csv: one row per region × destination, then per destination for the campaign."""
    import pandas as pd

    rows = []
    for region in data.regions:
        lines, estimated = region_plan(data, region, lang)
        rows += [_row(data, "region", region, line, estimated > 0) for line in lines]
    lines, estimated = campaign_plan(data, lang)
    rows += [_row(data, "campaign", "", line, estimated > 0) for line in lines]
    return pd.DataFrame(rows, columns=COLUMNS)


def _row(data: CampaignData, level: str, region: str, line: Line, estimated: bool) -> dict:
    return {
        "level": level,
        "region": region,
        "destination": " / ".join(line.destination.lines),
        "country": line.destination.country or "",
        "zone": line.zone or "",
        "letters": line.letters,
        "cards": line.cards,
        "envelopes": line.envelopes,
        "weight_g": round(line.grams),
        "postage": "" if line.postage is None else f"{line.postage:.2f}",
        "currency": data.postage.currency,
        "estimated": "yes" if estimated else "no",
        "pending": "yes" if line.destination.pending else "no",
    }
