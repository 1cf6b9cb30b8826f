"""Appeal letters: one page per case, ready to sign, addressed to the case's target."""

from markupsafe import Markup, escape

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import paragraphs
from campaignkit.materials import items, mailing
from campaignkit.materials.context import common
from campaignkit.materials.registry import Material, register
from campaignkit.text.catalog import word


def place(data: CampaignData, region: str) -> str:
    """Where the letters are written: the city of the region's events when they share one."""
    cities = {event.city for event in data.events_of(region)}
    return cities.pop() if len(cities) == 1 else ""


def date_line(city: str, lang: str) -> Markup:
    """« Montréal, le » / "Montréal,": a blank the writer fills in when the place is not known."""
    blank = Markup('<span class="write-line place"></span>')
    return escape(word("letter_place_date", lang)).format(place=city or blank)


def letters_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    context["date_line"] = date_line(place(data, region), lang)
    context["letters"] = [
        {
            "id": case.id,
            "name": case.name,
            "target": mailing.target(case, lang),
            "paragraphs": paragraphs(case.letter[lang]),
        }
        for case in data.cases.values()
    ]
    return context


def letters_items(context: dict) -> list[items.Item]:
    """Each letter's recipient block, or its do-not-mail box, and whom it is about."""
    found = []
    for letter in context["letters"]:
        of = ("case", letter["id"])
        found.append(items.Item("name", letter["name"], of=of))
        found += items.address("letter_address", letter["target"], context["w"], of)
    return found


LETTERS = register(
    Material(
        name="letters",
        reads=frozenset({"cases", "events"}),
        event_fields=frozenset({"city"}),  # the place line
        template="letters/letters.html",
        build_context=letters_context,
        papers={"letter": "letters/letter.css", "a4": "letters/a4.css"},
        expected_pages=lambda data, region: len(data.cases),
        notebook="letters.ipynb",
        items=letters_items,
    )
)
