"""The regional press release, written the way a Quebec press release is: dateline, headline,
lead, the region's marathons, the cases, impact and successes, the coordinator's quote,
the media contact and the closing mark (-30-). A region with no marathon calls for one."""

from campaignkit.data.loader import CampaignData
from campaignkit.materials.context import common
from campaignkit.materials.registry import EVENT_PLACE_AND_TIME, Material, register
from campaignkit.text import i18n


def event_item(event, lang: str) -> dict:
    return {
        "id": event.id,
        "date": i18n.long_date(event.date, lang),
        "hours": i18n.time_span(event.start, event.end, lang),
        "title": event.title[lang],
        "venue": event.venue,
        "address": f"{event.address}, {event.city}",
    }


def listed(names: list[str], lang: str) -> str:
    """« A, B et C » / "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {i18n.word('and', lang)} {names[-1]}"


def dateline(data: CampaignData, region: str, lang: str) -> str:
    """« Montréal, le 30 octobre 2023 – »: the first marathon's city (else the region), and
    the campaign's first day, when the national announcement goes out too."""
    events = data.events_of(region)
    city = events[0].city if events else data.region(region).name[lang]
    day = i18n.short_date(data.campaign.start, lang)
    return i18n.word("press_dateline", lang).format(city=city, date=day)


def press_context(data: CampaignData, region: str, lang: str) -> dict:
    context = common(data, region, lang)
    w, campaign = context["w"], data.campaign
    events = data.events_of(region)
    context["dateline"] = dateline(data, region, lang)
    context["events"] = [event_item(event, lang) for event in events]
    count = {"n": len(events), "region": context["region_name"]}
    key = "press_headline_none" if not events else "press_headline"
    key += "_one" if len(events) == 1 else ""
    context["headline"] = w[key].format(**count, campaign=campaign.name[lang])
    context["lead"] = w["press_lead"].format(
        edition=context["edition"] or campaign.name[lang],
        campaign=campaign.name[lang],
        dates=context["dates"],
        organization=context["organization"],
    )
    cases = [f"{case.name} ({case.country[lang]})" for case in data.cases.values()]
    context["cases_text"] = w["press_cases"].format(cases=listed(cases, lang), n=len(cases))
    context["impact"] = [
        f"{i18n.number(item.value, lang)} {item.label[lang]}" for item in campaign.impact
    ]
    context["successes"] = [
        {"name": s.name, "country": s.country[lang], "text": s.text[lang]}
        for s in campaign.successes
    ]
    quote = data.region(region).quote
    context["quote"] = quote[lang] if quote else ""
    context["office"] = {
        "email": campaign.organization.email,
        "phone": campaign.organization.phone,
        "website": campaign.organization.website,
    }
    return context


PRESS_RELEASE = register(
    Material(
        name="press-release",
        reads=frozenset({"cases", "events"}),
        event_fields=EVENT_PLACE_AND_TIME,
        template="press_release/press_release.html",
        build_context=press_context,
        papers={"letter": "press_release/letter.css"},
        expected_pages=lambda data, region: None,  # one page, two for a busy region
        most_pages=2,
        notebook="presskit.ipynb",
    )
)
