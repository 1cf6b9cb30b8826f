"""Tally sheets: one page per event of the region, in the rows of docs/tally-format.md."""

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Event
from campaignkit.materials import items
from campaignkit.materials.context import common
from campaignkit.materials.registry import Material, register
from campaignkit.text import i18n


def event_fields(event: Event | None, lang: str) -> dict:
    """The sheet's event header; None gives blank fields for an event organized later."""
    if event is None:
        return {"id": "", "title": "", "date": "", "venue": ""}
    return {
        "id": event.id,
        "title": event.title[lang],
        "date": i18n.long_date(event.date, lang),
        "venue": ", ".join(part for part in (event.venue, event.address, event.city) if part),
    }


def tally_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    events = data.events_of(region) or [None]
    context["sheets"] = [{"event": event_fields(event, lang)} for event in events]
    context["cases"] = [{"id": case.id, "name": case.name} for case in data.cases.values()]
    return context


def tally_items(context: dict) -> list[items.Item]:
    """Each sheet's event (title, date, venue) and every case's row."""
    found = []
    for sheet in context["sheets"]:
        event = sheet["event"]
        of = ("event", event["id"]) if event["id"] else None
        found += items.texts(of, title=event["title"], date=event["date"], venue=event["venue"])
    rows = [
        items.Item("case_row", case["name"], of=("case", case["id"])) for case in context["cases"]
    ]
    return found + rows


TALLY = register(
    Material(
        name="tally",
        template="tally/tally.html",
        build_context=tally_context,
        papers={"letter": "tally/letter.css", "a4": "tally/a4.css"},
        expected_pages=lambda data, region: max(1, len(data.events_of(region))),
        notebook="letters.ipynb",
        items=tally_items,
    )
)
