"""Appeal letters: one page per case, ready to sign, addressed to the case's target."""

from . import mailing
from .context import common
from .loader import CampaignData
from .materials import Material, register
from .models import paragraphs


def letters_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
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


LETTERS = register(
    Material(
        name="letters",
        template="letters/letters.html",
        build_context=letters_context,
        papers={"letter": "letters/letter.css", "a4": "letters/a4.css"},
        expected_pages=lambda data, region: len(data.cases),
        notebook="letters.ipynb",
    )
)
