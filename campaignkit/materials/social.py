"""Images for social networks: per event, a square (1080 × 1080 px) and a story
(1080 × 1920 px, with a QR code), in the campaign's colours; a region with no event gets one
"organize a marathon" pair. Printed as one PDF, a page per image, then each page as a PNG."""

from pathlib import Path

from campaignkit.data.loader import CampaignData
from campaignkit.materials.context import common, qr
from campaignkit.materials.registry import EVENT_PLACE_AND_TIME, Material, register
from campaignkit.text import i18n

FORMATS = {"square": (1080, 1080), "story": (1080, 1920)}  # pixels: 1 CSS px = 1 image px
ORGANIZE = "organize"  # the image's name when the region has no event yet


def image_names(data: CampaignData, region: str, lang: str) -> list[str]:
    """The PNG file names, in page order: <event>-<lang>-square.png, …-story.png."""
    events = [event.id for event in data.events_of(region)] or [ORGANIZE]
    return [f"{event}-{lang}-{shape}.png" for event in events for shape in FORMATS]


def image_files(pdf: Path) -> list[Path]:
    """The PNGs made from one social PDF (social/social-<lang>.pdf), for the gallery."""
    lang = Path(pdf).stem.rsplit("-", 1)[-1]
    return sorted(
        path for shape in FORMATS for path in Path(pdf).parent.glob(f"*-{lang}-{shape}.png")
    )


def social_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    events = data.events_of(region)
    cards = [
        {
            "id": event.id,
            "title": event.title[lang],
            "date": i18n.long_date(event.date, lang),
            "hours": i18n.time_span(event.start, event.end, lang),
            "venue": event.venue,
            "address": f"{event.address}, {event.city}",
        }
        for event in events
    ] or [None]
    context["images"] = [{"shape": shape, "event": card} for card in cards for shape in FORMATS]
    context["qr_svg"] = qr(data.campaign.organization.action_url, lang)
    return context


SOCIAL = register(
    Material(
        name="social",
        reads=frozenset({"events"}),
        event_fields=EVENT_PLACE_AND_TIME,
        template="social/social.html",
        build_context=social_context,
        papers={"screen": "social/social.css"},
        expected_pages=lambda data, region: len(FORMATS) * max(1, len(data.events_of(region))),
        notebook="presskit.ipynb",
        filename="social/social",
        images=image_files,
    )
)
