"""Solidarity cards: per case, an instruction page, then a sheet of cards to cut out.

A card page never names the organization (card rule 2): its template prints only the
recipient's first name and the card message, which validation keeps free of that name.
"""

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case
from campaignkit.materials import items, mailing
from campaignkit.materials.context import common
from campaignkit.materials.registry import Material, register

CARDS_PER_SHEET = 4


def card_set(data: CampaignData, case: Case, lang: str) -> dict:
    """One case's instruction page and card face."""
    return {
        "id": case.id,
        "name": case.name,
        "country": case.country[lang],
        "recipient": case.card.recipient[lang],
        "address": mailing.card(data, case, lang),
        "guidance": case.card.guidance[lang],
        "first_name": case.card.first_name,
        "message": case.card.message[lang],
        "long_name": len(case.card.first_name) > 16,
    }


def cards_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    context["cases"] = [card_set(data, case, lang) for case in data.cases.values()]
    context["per_sheet"] = CARDS_PER_SHEET
    return context


def cards_items(context: dict) -> list[items.Item]:
    """Each case's card recipient, where the cards go, and the first name on its cards."""
    found = []
    for case in context["cases"]:
        of = ("case", case["id"])
        found.append(items.Item("card_recipient", case["recipient"], of=of))
        found += items.address("card_address", case["address"], context["w"], of)
        found.append(items.Item("card_first_name", case["first_name"], of=of))
    return found


CARDS = register(
    Material(
        name="cards",
        reads=frozenset({"cases"}),
        template="cards/cards.html",
        build_context=cards_context,
        papers={"letter": "cards/letter.css", "a4": "cards/a4.css"},
        expected_pages=lambda data, region: 2 * len(data.cases),
        notebook="letters.ipynb",
        items=cards_items,
    )
)
