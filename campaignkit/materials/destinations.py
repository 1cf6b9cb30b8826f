"""Where the mail goes: each distinct address that letters or cards are sent to (card rule 7:
all the mail for one destination in one big envelope), and the group's return address."""

from dataclasses import dataclass, field

from campaignkit.data.loader import CampaignData
from campaignkit.materials import mailing


@dataclass
class Destination:
    """One address, and the cases whose letters or cards go there."""

    key: str  # the address as one line, the same in every language for known addresses
    lines: list[str]
    country: str | None
    pending: bool
    letters_for: list[str] = field(default_factory=list)  # case ids
    cards_for: list[str] = field(default_factory=list)


def _key(lines: list[str], pending: bool, case_id: str, kind: str) -> str:
    return f"pending:{case_id}:{kind}" if pending else " / ".join(lines)


def destinations(data: CampaignData, lang: str) -> list[Destination]:
    """Every destination of the campaign's letters and cards, in case order; cards that go
    via the office to an address still pending share one destination."""
    found: dict[str, Destination] = {}
    office = data.campaign.organization
    for case in data.cases.values():
        target = mailing.target(case, lang)
        card = mailing.card(data, case, lang)
        if case.card.via_office:  # one envelope to the office, for every case's cards
            card = mailing.block([office.name[lang], *office.address], card["pending"])
        card_country = office.country if case.card.via_office else case.card.country
        via = "office" if case.card.via_office else case.id
        places = [
            (target, case.target.country, _key(target["lines"], target["pending"], case.id, "t")),
            (card, card_country, _key(card["lines"], card["pending"], via, "c")),
        ]
        for (block, country, key), kind in zip(places, ("letters", "cards"), strict=True):
            destination = found.setdefault(
                key, Destination(key, block["lines"], country, block["pending"])
            )
            getattr(destination, f"{kind}_for").append(case.id)
    return list(found.values())


def return_address(data: CampaignData, region: str, lang: str) -> dict | None:
    """The return label's lines (campaign.yaml's return_address): the group's sender address
    from regions.csv, else the office's; None when the campaign prints none. `pending` when
    the address is not known yet."""
    choice = data.campaign.return_address
    if choice == "none":
        return None
    group = data.region(region)
    if choice == "region" and group.sender_address:
        name = group.sender_name or group.coordinator_name
        return mailing.block([name, *group.sender_address], False)
    office = data.campaign.organization
    lines = [office.name[lang], *office.address]
    return mailing.block(lines, office.address_pending or not office.address)


def cases_named(data: CampaignData, ids: list[str]) -> str:
    """« Ana, Bo » : the cases, as a list people read."""
    return ", ".join(data.cases[case_id].name for case_id in ids)
