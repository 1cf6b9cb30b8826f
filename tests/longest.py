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


def write_busiest_region(longest: Path, target: Path, region: str = "montreal") -> Path:
    """The longest campaign where `region` has one event more than a poster lists, every text
    at its limit, a coordinator with the longest name, e-mail and phone, and the poster
    featuring as many cases as it shows, the longest first."""
    import csv

    from campaignkit.materials.poster import MAX_CASES, MAX_EVENTS

    shutil.copytree(longest, target)
    events = target / "events.csv"
    with events.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    fields = list(rows[0])
    for n in range(MAX_EVENTS + 1):
        rows.append(
            rows[0]
            | {
                "id": f"longest-{n}",
                "region": region,
                "title_fr": prose("fr", LIMITS["event_title"]),
                "title_en": prose("en", LIMITS["event_title"]),
                "date": f"2023-12-{10 + n}",
                "start": "10:30",
                "end": "21:30",
                "venue": words(LIMITS["venue"]),
                "address": words(LIMITS["address"]),
                "city": words(LIMITS["city"]),
            }
        )
    with events.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, fields)
        writer.writeheader()
        writer.writerows(rows)
    regions = target / "regions.csv"
    with regions.open(newline="", encoding="utf-8") as file:
        region_rows = list(csv.DictReader(file))
    for row in region_rows:
        row["coordinator_name"] = words(LIMITS["name"])
        domain = "@example-longest.org"  # a local part of at most 64 characters, as e-mail has
        row["coordinator_email"] = "w" * (LIMITS["email"] - len(domain)) + domain
        row["coordinator_phone"] = "+1 514 555-0101 ext. 12345"
    with regions.open("w", newline="", encoding="utf-8") as file:
        writer = csv.DictWriter(file, list(region_rows[0]))
        writer.writeheader()
        writer.writerows(region_rows)
    campaign = yaml.safe_load((target / "campaign.yaml").read_text(encoding="utf-8"))
    featured = ["longest", "longest-office", *campaign.get("featured_cases", [])]
    campaign["featured_cases"] = featured[:MAX_CASES]
    campaign["name"] = {lang: prose(lang, LIMITS["campaign_name"]) for lang in SOURCE}
    campaign["tagline"] = both("tagline")
    campaign["organization"]["action_url"] = ("https://example.org/" + "agir/" * 30)[
        : LIMITS["url"]
    ]
    for item in campaign.get("impact", []):
        item["label"] = both("impact_label")
    (target / "campaign.yaml").write_text(yaml.safe_dump(campaign, allow_unicode=True), "utf-8")
    return target
