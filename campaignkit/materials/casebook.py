"""The case book: one page per case for the table binder, with everything needed to write."""

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case, paragraphs
from campaignkit.materials import items, mailing
from campaignkit.materials.context import case_summary, common, qr
from campaignkit.materials.registry import Material, register


def case_sheet(data: CampaignData, case: Case, lang: str) -> dict:
    """One case's page: story, demand, whom to write to, where cards go, the online action."""
    return {
        **case_summary(data, case, lang),
        "story": paragraphs(case.story[lang]),
        "demand": case.demand[lang],
        "target": mailing.target(case, lang),
        "card": mailing.card(data, case, lang),
        "guidance": case.card.guidance[lang],
        "action_url": case.action_url,
        "qr_svg": qr(case.action_url, lang),
    }


def casebook_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    context["cases"] = [case_sheet(data, case, lang) for case in data.cases.values()]
    return context


def casebook_items(context: dict) -> list[items.Item]:
    """Each case's name, demand, addresses (or do-not-mail boxes) and online action."""
    found = []
    for case in context["cases"]:
        of = ("case", case["id"])
        found.append(items.Item("name", case["name"], of=of))
        found += items.address("letter_address", case["target"], context["w"], of)
        found += items.address("card_address", case["card"], context["w"], of)
        found += items.action(case["action_url"], of)
    return found + items.sample_notice(context)


CASEBOOK = register(
    Material(
        name="casebook",
        reads=frozenset({"cases"}),
        template="casebook/casebook.html",
        build_context=casebook_context,
        papers={"letter": "casebook/letter.css", "a4": "casebook/a4.css"},
        expected_pages=lambda data, region: len(data.cases),
        notebook="letters.ipynb",
        items=casebook_items,
    )
)
