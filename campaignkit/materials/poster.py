"""The regional poster: events, featured cases, impact, QR code, contact."""

from campaignkit.data.loader import CampaignData
from campaignkit.materials.context import case_summary, common, qr
from campaignkit.materials.registry import Material, register
from campaignkit.text import i18n

MAX_EVENTS = 4  # more would not be legible from a few metres; the rest are counted


def poster_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    events = data.events_of(region)
    context["more_events"] = max(0, len(events) - MAX_EVENTS)
    context["compact_events"] = MAX_EVENTS // 2  # compact keeps 24 pt event lines, shows fewer
    context["events"] = [
        {
            "id": event.id,
            "when": i18n.when(event.date, event.start, event.end, lang),
            "title": event.title[lang],
            "venue": event.venue,
            "address": event.address,
            "address_pending": event.address_pending,
            "city": event.city,
        }
        for event in events[:MAX_EVENTS]
    ]
    context["cases"] = [case_summary(data, case, lang) for case in data.featured_cases()]
    context["impact"] = [
        {"value": i18n.number(item.value, lang), "label": item.label[lang]}
        for item in data.campaign.impact
    ]
    context["qr_svg"] = qr(data.campaign.organization.action_url)
    return context


POSTER = register(
    Material(
        name="poster",
        template="poster/poster.html",
        build_context=poster_context,
        papers={
            "tabloid": "poster/tabloid.css",
            "letter": "poster/letter.css",
            "a3": "poster/a3.css",
            "a4": "poster/a4.css",
        },
        default_paper="tabloid",
        expected_pages=lambda data, region: 1,
        notebook="poster.ipynb",
    )
)
