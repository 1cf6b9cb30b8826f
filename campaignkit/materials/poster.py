"""The regional poster: events, featured cases, impact, QR code, contact."""

from jinja2 import pass_context

from campaignkit.data.loader import CampaignData
from campaignkit.materials import items
from campaignkit.materials.context import case_summary, common, qr
from campaignkit.materials.registry import Material, register
from campaignkit.text import i18n

MAX_EVENTS = 4  # more would not be legible from a few metres; the rest are counted
MAX_CASES = 4  # the featured cases a poster shows, in the campaign's order


def poster_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    events = data.events_of(region)
    context["more_events"] = max(0, len(events) - MAX_EVENTS)
    context["shown_events"], context["more_events_text"] = shown_events, more_events_text
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
    shown = data.featured_cases()[:MAX_CASES]
    context["cases"] = [case_summary(data, case, lang) for case in shown]
    context["impact"] = [
        {"value": i18n.number(item.value, lang), "label": item.label[lang]}
        for item in data.campaign.impact
    ]
    context["qr_svg"] = qr(data.campaign.organization.action_url, lang)
    return context


@pass_context
def shown_events(context: dict) -> list[dict]:
    """The events the poster prints: compact keeps their 24 pt lines and shows half as many."""
    events = context["events"]
    return events[: MAX_EVENTS // 2] if "compact" in context.get("look", ()) else events


@pass_context
def more_events_text(context: dict) -> str:
    """« … et 3 autres » for the events the poster counts instead of printing."""
    more = context["more_events"] + len(context["events"]) - len(shown_events(context))
    wording = "more_event_one" if more == 1 else "more_events"
    return context["w"][wording].format(n=more) if more else ""


def poster_items(context: dict) -> list[items.Item]:
    """Every event's date line, title and venue; cases; how to act; whom to call; notices."""
    found = items.texts(campaign_name=context["campaign_name"], region=context["region_name"])
    for event in shown_events(context):
        found += items.texts(
            ("event", event["id"]),
            date_line=event["when"],
            title=event["title"],
            venue=event["venue"],
            city=event["city"],
        )
    found += items.texts(more_events=more_events_text(context))
    if not context["events"]:
        found += items.texts(invitation_to_host=context["w"]["no_event_title"])
    found += [
        items.Item("name", case["name"], of=("case", case["id"])) for case in context["cases"]
    ]
    found += items.action(context["action_url"])
    found += items.coordinator(context)
    found += items.texts(organization_line=context["organized_by"])
    return found + items.sample_notice(context)


POSTER = register(
    Material(
        name="poster",
        reads=frozenset({"events"}),
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
        items=poster_items,
        # The foot pinned to the page's bottom edge (the quick layout); then, when text runs
        # under it, the foot following the text in the flow; then that, compact.
        looks=((), ("flowing",), ("flowing", "compact")),
    )
)
