"""The case book: one page per case for the table binder, with everything needed to write."""

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case, paragraphs
from campaignkit.materials import mailing
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
        "qr_svg": qr(case.action_url),
    }


def casebook_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    context["cases"] = [case_sheet(data, case, lang) for case in data.cases.values()]
    return context


CASEBOOK = register(
    Material(
        name="casebook",
        template="casebook/casebook.html",
        build_context=casebook_context,
        papers={"letter": "casebook/letter.css", "a4": "casebook/a4.css"},
        expected_pages=lambda data, region: len(data.cases),
        notebook="letters.ipynb",
    )
)
