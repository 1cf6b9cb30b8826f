"""A fixture campaign whose cases hold the longest texts the validator accepts.

The printed pages must hold them: the validator's limits and the page layouts agree when
every material made from this campaign has exactly its expected page count.
"""

import shutil
from pathlib import Path

import yaml

from campaignkit.data.models import ADDRESS_LINES, LIMITS, PARAGRAPHS

# Ordinary prose with long words, capitals and accents: the widest text people write.
SOURCE = {
    "fr": (
        "Je vous écris respectueusement afin d'exprimer ma profonde inquiétude concernant "
        "la situation de cette défenseure des droits humains, emprisonnée uniquement pour "
        "avoir exercé pacifiquement sa liberté d'expression. Les autorités internationales "
        "compétentes doivent garantir immédiatement sa libération inconditionnelle, "
        "l'abandon définitif des accusations et une enquête indépendante, impartiale et "
        "approfondie sur les mauvais traitements qu'elle affirme avoir subis en détention. "
    ),
    "en": (
        "I am writing respectfully to express my profound concern about the situation of "
        "this Wet'suwet'en human rights defender, imprisoned solely for peacefully exercising "
        "her freedom of expression. The competent authorities must immediately guarantee her "
        "unconditional release, the definitive withdrawal of all charges and an independent, "
        "impartial and thorough investigation into the ill-treatment she reports in custody. "
    ),
}


def prose(lang: str, length: int, paragraphs: int = 1) -> str:
    """Exactly `length` characters of prose in `paragraphs` paragraphs."""
    sizes = [(length - 2 * (paragraphs - 1)) // paragraphs] * paragraphs
    sizes[-1] += length - 2 * (paragraphs - 1) - sum(sizes)
    repeated = SOURCE[lang] * (length // len(SOURCE[lang]) + 1)
    text = "\n\n".join(repeated[: size - 1] + "." for size in sizes)
    assert len(text) == length, (len(text), length)
    return text


def both(key: str, paragraphs: int = 1) -> dict[str, str]:
    return {lang: prose(lang, LIMITS[key], paragraphs) for lang in SOURCE}


def words(length: int) -> str:
    """A name of exactly `length` characters, in words."""
    return ("Wydrzyńska-Mwangi " * length)[:length].strip().ljust(length, "a")


def address(first: str) -> list[str]:
    return [words(LIMITS["address_line"]).replace("W", first, 1)] * ADDRESS_LINES


def longest_case(case_id: str, via_office: bool) -> dict:
    return {
        "id": case_id,
        "name": words(LIMITS["name"]),
        "country": both("country"),
        "blurb": both("blurb"),
        "story": both("story", PARAGRAPHS["story"]),
        "demand": both("demand"),
        "target": {
            "title": both("title"),
            "name": words(LIMITS["name"]),
            "address": address("T"),
            "address_pending": via_office,  # partly known: the lines and the band
            "salutation": both("salutation"),
            "closing": both("closing"),
        },
        "letter": both("letter", PARAGRAPHS["letter"]),
        "card": {
            "recipient": both("recipient"),
            "first_name": words(LIMITS["name"]),
            "via_office": via_office,
            "address": [] if via_office else address("C"),
            "message": both("card_message"),
            "guidance": both("guidance"),
        },
        "action_url": ("https://example.org/" + "agir/" * 30)[: LIMITS["url"]],
        "sample": True,
    }


def write_longest_campaign(mini: Path, target: Path) -> Path:
    """The mini campaign plus two cases at every limit; the second one's addresses are pending
    (its target's, with the lines known so far; its cards go via the office)."""
    shutil.copytree(mini, target)
    campaign = yaml.safe_load((target / "campaign.yaml").read_text(encoding="utf-8"))
    campaign["organization"]["name"] = both("title")
    campaign["organization"]["address"] = address("O")
    campaign["organization"]["address_pending"] = True
    (target / "campaign.yaml").write_text(yaml.safe_dump(campaign, allow_unicode=True), "utf-8")
    for case_id, via_office in (("longest", False), ("longest-office", True)):
        text = yaml.safe_dump(longest_case(case_id, via_office), allow_unicode=True)
        (target / "cases" / f"{case_id}.yaml").write_text(text, encoding="utf-8")
    return target
