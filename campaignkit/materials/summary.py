"""Post-event summaries: one per region that has tallies, one for the whole campaign."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from campaignkit.data.loader import CampaignData
from campaignkit.data.tallies import InvalidTallies, tallies_of
from campaignkit.materials import items
from campaignkit.materials.context import common
from campaignkit.materials.mailing_kit import plan_view
from campaignkit.materials.registry import Material, register
from campaignkit.text import i18n

if TYPE_CHECKING:  # the results load pandas: only a summary being made needs them
    from campaignkit.data.results import Results

# the event fields a summary prints: which events were held, and who to ask for a tally
SUMMARY_EVENT_FIELDS = frozenset({"title", "date", "city", "expected_attendance", "contact_name"})
CHART_REGIONS = 24  # more bars would not fit a page: the chart shows the most active ones
CAMPAIGN = "campaign"  # the place of campaign-wide materials (outputs/<c>/campaign/)


def checked_results(data: CampaignData, region: str | None) -> Results:
    """The results, or InvalidTallies when a tally of this region (or any, for the
    campaign) has a problem: nothing is printed from data that did not validate."""
    from campaignkit.data.results import results_of

    results = results_of(data)
    problems = results.intake.problems_for(data, region)
    if problems:
        raise InvalidTallies(problems)
    return results


def change_text(now: int, before: int, lang: str) -> str:
    """« +12 % » / "-3%": this year against last year."""
    if not before:
        return "—"
    change = now / before - 1
    return ("+" if change >= 0 else "–") + i18n.percent(abs(change), lang)  # the fonts lack U+2212


def awaited(results: Results) -> Counter:
    """How many events of each region still owe their tally."""
    return Counter(event.region for event in results.missing())


def comparable_regions(results: Results) -> list[str]:
    """Regions with figures both years: last year's known, events this year, every tally in."""
    table, owed = results.regions(), awaited(results)
    return [
        region
        for region, row in table.iterrows()
        if known(row.last_year) is not None and row.events_planned > 0 and not owed[region]
    ]


def last_year_text(results: Results, region: str | None, lang: str) -> str:
    """This year against last year, over the same regions, and saying which."""
    w, n = i18n.words(lang), lambda value: i18n.number(value, lang)
    table = results.regions()
    if region is not None:
        before = known(table.last_year[region])
        if before is None:
            return w["summary_no_last_year"]
        if awaited(results)[region]:
            return w["summary_last_year_awaited"].format(value=n(before))
        now = int(table.actions[region])
        return w["summary_last_year"].format(value=n(before), change=change_text(now, before, lang))
    same = comparable_regions(results)
    if not same:
        return w["summary_no_last_year"]
    now, before = int(table.actions[same].sum()), int(table.last_year[same].sum())
    names = ", ".join(results.data.regions[r].name[lang] for r in same)
    return w["summary_last_year_regions"].format(
        n=len(same), names=names, now=n(now), value=n(before), change=change_text(now, before, lang)
    )


def events_figures(results: Results, region: str | None, lang: str) -> list[tuple[str, str]]:
    """Held with its tally in, and tallies awaited: two figures, never one fraction."""
    w, n = i18n.words(lang), lambda value: i18n.number(value, lang)
    held, owed = len(results.events_of(region)), len(results.missing(region))
    figures = [(n(held), w["summary_events_held"])]
    if owed:
        figures.append((n(owed), w["summary_awaited_one" if owed == 1 else "summary_awaited_many"]))
    return figures


def headline(results: Results, region: str | None, lang: str) -> dict:
    """The big figures, the goal and last year's comparison, localized."""
    w, n = i18n.words(lang), lambda value: i18n.number(value, lang)
    totals = results.totals(region)
    goal = None
    if totals["goal"]:
        share = totals["actions"] / totals["goal"]
        goal = {
            "text": w["summary_goal_text"].format(
                actions=n(totals["actions"]),
                goal=n(totals["goal"]),
                percent=i18n.percent(share, lang),
            ),
            "width": f"{min(share, 1) * 100:.1f}%",
            "reached": share >= 1,
        }
    last_year = last_year_text(results, region, lang)
    figures = [
        *events_figures(results, region, lang),
        (n(totals["participants"]), w["summary_participants"]),
        (n(totals["letters"]), w["summary_letters"]),
        (n(totals["cards"]), w["summary_cards"]),
        (n(totals["online"]), w["summary_online"]),
    ]
    return {
        "total": n(totals["actions"]),
        "figures": [{"value": value, "label": label} for value, label in figures],
        "online_note": w["summary_online_note"].format(n=n(totals["online"])),
        "goal": goal,
        "last_year": last_year,
    }


def case_table(results: Results, region: str | None, lang: str) -> dict:
    """Letters and cards per case: table rows, totals and the bar chart."""
    w, n = i18n.words(lang), lambda value: i18n.number(value, lang)
    table = results.cases(region)
    cases = [results.data.cases[case_id] for case_id in table.index]
    rows = [
        {
            "name": case.name,
            "country": case.country[lang],
            "letters": n(int(row.letters)),
            "cards": n(int(row.cards)),
            "actions": n(int(row.actions)),
        }
        for case, row in zip(cases, table.itertuples(), strict=True)
    ]
    sums = table.sum()
    from campaignkit.materials import charts  # matplotlib: loaded only when a summary is drawn

    chart = charts.paired_bars(
        [case.name for case in cases],
        [int(v) for v in table.letters],
        [int(v) for v in table.cards],
        (w["summary_letters"], w["summary_cards_short"]),
        lang,
    )
    series = [
        (w["summary_letters"].lower(), [int(v) for v in table.letters]),
        (w["summary_cards_short"].lower(), [int(v) for v in table.cards]),
    ]
    return {
        "rows": rows,
        "total": {key: n(int(sums[key])) for key in ("letters", "cards", "actions")},
        "chart": charts.data_uri(chart),
        "chart_alt": charts.in_words(
            w["summary_per_case"], [case.name for case in cases], series, lang
        ),
    }


def missing_events(results: Results, region: str | None, lang: str) -> list[dict]:
    return [
        {
            "title": event.title[lang],
            "date": i18n.short_date(event.date, lang),
            "city": event.city,
            "region": results.data.regions[event.region].name[lang],
            "contact": event.contact_name or results.data.regions[event.region].coordinator_name,
        }
        for event in results.missing(region)
    ]


def region_context(data: CampaignData, region: str, lang: str) -> dict:
    results = checked_results(data, region)
    n = lambda value: i18n.number(value, lang)  # noqa: E731
    context = common(data, region, lang)
    context |= headline(results, region, lang)
    context["cases"] = case_table(results, region, lang)
    events = {event.id: event for event in data.events}
    context["events"] = [
        {
            "date": i18n.short_date(row.date, lang),
            "title": events[row.event].title[lang],
            "city": events[row.event].city,
            "participants": n(int(row.participants)),
            "actions": n(int(row.actions)),
        }
        for row in results.events_of(region).itertuples()
    ]
    context["missing"] = missing_events(results, region, lang)
    context["sample_tallies"] = bool(results.events_of(region)["sample"].any())
    context["postage"] = plan_view(data, region, lang) if data.postage else None
    return context


def campaign_context(data: CampaignData, region: str, lang: str) -> dict:
    results = checked_results(data, None)
    w, n = i18n.words(lang), lambda value: i18n.number(value, lang)
    context = common(data, None, lang)
    context |= headline(results, None, lang)
    context["cases"] = case_table(results, None, lang)
    table = results.regions()
    active = table[table.events_planned > 0]
    context["regions_active"] = f"{len(active)} / {len(table)}"
    owed = awaited(results)
    context["regions"] = [
        region_row(data, region_id, row, owed[region_id], lang)
        for region_id, row in table.iterrows()
    ]
    context["regions_total"] = {
        "events": events_cell(int(table.events_held.sum()), 1, lang),
        "awaited": n(owed.total()),
        "participants": n(int(table.participants.sum())),
        "actions": n(int(table.actions.sum())),
    }
    shown = active.sort_values("actions", ascending=False, kind="stable").head(CHART_REGIONS)
    shown = active.loc[[r for r in active.index if r in shown.index]]  # keep the table's order
    context["regions_chart_note"] = (
        w["summary_chart_top"].format(n=CHART_REGIONS) if len(active) > CHART_REGIONS else ""
    )
    from campaignkit.materials import charts

    chart = charts.goal_bars(
        [data.regions[r].name[lang] + (" *" if owed[r] else "") for r in shown.index],
        [int(value) for value in shown.actions],
        [known(goal) for goal in shown.goal],
        lang,
        (w["summary_actions_short"], w["summary_goal"]),
    )
    context["regions_chart"] = charts.data_uri(chart)
    context["regions_chart_awaited"] = w["summary_chart_awaited"] if owed else ""
    context["regions_chart_alt"] = charts.in_words(
        w["summary_per_region"],
        [data.regions[region_id].name[lang] for region_id in shown.index],
        [
            (w["summary_actions_short"].lower(), [int(value) for value in shown.actions]),
            (w["summary_goal"].lower(), [known(goal) for goal in shown.goal]),
        ],
        lang,
    )
    context["no_event"] = [data.regions[r].name[lang] for r in results.regions_without_event()]
    context["missing"] = missing_events(results, None, lang)
    context["impact"] = [
        {"value": n(item.value), "label": item.label[lang]} for item in data.campaign.impact
    ]
    context["sample_tallies"] = bool(results.events["sample"].any())
    context["postage"] = plan_view(data, None, lang) if data.postage else None
    return context


def known(value) -> int | None:
    """A whole number from a table cell, None where the data has none."""
    import pandas as pd

    return None if pd.isna(value) else int(value)


def events_cell(held: int, planned: int, lang: str) -> str:
    """« 2 » events held, or « aucun » for a region with no event: never « 0 / 0 »."""
    w = i18n.words(lang)
    return i18n.number(held, lang) if planned else w["summary_no_event_cell"]


def region_row(data: CampaignData, region_id: str, row, owed: int, lang: str) -> dict:
    """One line of the campaign summary's table of regions."""
    n = lambda value: "" if value is None else i18n.number(value, lang)  # noqa: E731
    goal, last_year = known(row.goal), known(row.last_year)
    return {
        "code": data.regions[region_id].code,
        "name": data.regions[region_id].name[lang],
        "events": events_cell(int(row.events_held), int(row.events_planned), lang),
        "awaited": n(owed) if owed else "",
        "participants": n(int(row.participants)),
        "actions": n(int(row.actions)),
        "goal": n(goal),
        "percent": i18n.percent(row.actions / goal, lang) if goal else "",
        "last_year": n(last_year),
    }


def has_tallies(data: CampaignData, region: str) -> bool:
    """A region gets a summary once at least one of its events has a tally file."""
    return bool(tallies_of(data).files_of(data, region))


def summary_items(context: dict) -> list:
    """The total of actions, each case's row, and the sample-data notice when it applies."""
    found = items.texts(total_actions=context["total"])
    rows = context["cases"]["rows"]
    found += [items.Item("case_row", row["name"]) for row in rows]
    if context.get("sample") or context.get("sample_tallies"):
        found += items.texts(sample_data_notice=context["w"]["sample_notice"])
    return found


SUMMARY = register(
    Material(
        name="summary",
        event_fields=SUMMARY_EVENT_FIELDS,
        template="summary/region.html",
        build_context=region_context,
        papers={"letter": "summary/letter.css"},
        expected_pages=lambda data, region: None,  # a report: a busy region flows onto a 3rd page
        notebook="summary.ipynb",
        wanted=has_tallies,
        items=summary_items,
    )
)

CAMPAIGN_SUMMARY = register(
    Material(
        name="campaign-summary",
        event_fields=SUMMARY_EVENT_FIELDS,
        template="summary/campaign.html",
        build_context=campaign_context,
        papers={"letter": "summary/letter.css"},
        expected_pages=lambda data, region: None,  # a report: its tables flow onto more pages
        notebook="summary.ipynb",
        scope="campaign",
        filename="summary",
        items=summary_items,
    )
)
