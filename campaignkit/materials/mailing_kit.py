"""The mailing kit: the postage plan of a region (or of the campaign) as a table, with the
mailing rules, the weights and the price list it comes from. Also the postage-plan table
that the summaries show and postage.csv."""

from pathlib import Path

from campaignkit import paths
from campaignkit.data.loader import CampaignData
from campaignkit.files import write_atomically
from campaignkit.materials import postage_plan
from campaignkit.materials.context import common
from campaignkit.materials.registry import Material, register
from campaignkit.text import i18n

CAMPAIGN = "campaign"


def money(value: float | None, lang: str, currency: str) -> str:
    """« 12,50 $ » / "$12.50"; empty for an address still pending."""
    if value is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(value, currency, locale=i18n.locale(lang))


def grams(value: float, lang: str) -> str:
    return f"{i18n.number(round(value), lang)} g"


def plan_view(data: CampaignData, region: str | None, lang: str) -> dict:
    """The postage plan as a template shows it: rows, total, notes."""
    rates = data.postage
    if region is None:
        lines, estimated = postage_plan.campaign_plan(data, lang)
    else:
        lines, estimated = postage_plan.region_plan(data, region, lang)
    n, cur = (lambda v: i18n.number(v, lang)), rates.currency
    rows = [
        {
            "lines": line.destination.lines,
            "zone": rates.zones[line.zone].name[lang] if line.zone else "",
            "letters": n(line.letters),
            "cards": n(line.cards),
            "envelopes": n(line.envelopes) if line.postage is not None else "",
            "grams": grams(line.grams, lang) if line.postage is not None else "",
            "postage": money(line.postage, lang, cur),
            "pending": line.destination.pending,
        }
        for line in lines
        if line.letters or line.cards
    ]
    sums = postage_plan.total(lines)
    return {
        "rows": rows,
        "total": {
            "letters": n(sums["letters"]),
            "cards": n(sums["cards"]),
            "envelopes": n(sums["envelopes"]),
            "grams": grams(sums["grams"], lang),
            "postage": money(sums["postage"], lang, cur),
        },
        "pending": sums["pending"],
        "estimated": estimated,
        "sample": rates.sample,
        "read_on": i18n.short_date(rates.read_on, lang),
        "source": rates.source,
        "weights": {
            "letter": grams(rates.weights.letter, lang),
            "card": grams(rates.weights.card, lang),
            "envelope": grams(rates.weights.envelope, lang),
        },
    }


def kit_context(data: CampaignData, region: str, lang: str) -> dict:
    place = None if region == CAMPAIGN else region
    context = common(data, place, lang)
    context["postage"] = plan_view(data, place, lang)
    context["place_name"] = context.get("region_name") or context["w"]["mailing_campaign"]
    return context


def export_postage(data: CampaignData, out_dir=paths.OUTPUTS) -> Path:
    """postage.csv beside results.csv (out_dir/<campaign>/campaign/)."""
    folder = paths.region_dir(out_dir, data.id, CAMPAIGN)
    text = postage_plan.table(data).to_csv(index=False)
    return write_atomically(folder / "postage.csv", text.encode("utf-8"))


def has_postage(data: CampaignData, region: str) -> bool:
    return data.postage is not None


MAILING_KIT = register(
    Material(
        name="mailing-kit",
        event_fields=frozenset({"expected_attendance"}),  # the estimate before a tally
        template="mailing_kit/mailing_kit.html",
        build_context=kit_context,
        papers={"letter": "mailing_kit/letter.css", "a4": "mailing_kit/a4.css"},
        expected_pages=lambda data, region: None,  # a table: flows onto a second page
        notebook="presskit.ipynb",
        wanted=has_postage,
    )
)

CAMPAIGN_MAILING_KIT = register(
    Material(
        name="campaign-mailing-kit",
        event_fields=frozenset({"expected_attendance"}),
        template="mailing_kit/mailing_kit.html",
        build_context=kit_context,
        papers={"letter": "mailing_kit/letter.css", "a4": "mailing_kit/a4.css"},
        expected_pages=lambda data, region: None,
        notebook="presskit.ipynb",
        scope="campaign",
        filename="mailing-kit",
        wanted=has_postage,
    )
)
