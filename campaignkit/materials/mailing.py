"""Where letters and cards go: address blocks that show a pending address instead of hiding it."""

from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Case
from campaignkit.text import i18n


def block(lines: list[str], pending: bool) -> dict:
    """An address block for templates; `pending` prints the do-not-mail band."""
    return {"lines": [line for line in lines if line], "pending": pending}


def target(case: Case, lang: str) -> dict:
    """The letter's addressee: title, name, postal address and salutation."""
    person = case.target
    heading = [person.name, person.title[lang]] if person.name else [person.title[lang]]
    address = block(heading + list(person.address), person.address_pending or not person.address)
    return {
        **address,
        "title": person.title[lang],
        "name": person.name or "",
        "salutation": person.salutation[lang],
        "closing": person.closing[lang],
    }


def card(data: CampaignData, case: Case, lang: str) -> dict:
    """Where the solidarity cards go: the card address, or the organization's when via_office."""
    details = case.card
    recipient = details.recipient[lang]
    if details.via_office:
        office = data.campaign.organization
        care_of = f"{i18n.word('care_of', lang)} {office.name[lang]}"
        lines = [recipient, care_of, *office.address]
        return block(lines, office.address_pending or not office.address)
    lines = list(details.address)
    if not lines or lines[0] not in (recipient, details.first_name):
        lines.insert(0, recipient)
    return block(lines, details.address_pending or not details.address)
