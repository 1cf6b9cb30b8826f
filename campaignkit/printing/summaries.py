"""The summaries a notebook asks for: a region's, the campaign's, or all of them."""

from pathlib import Path

from campaignkit import paths
from campaignkit.data.loader import CampaignData, load_campaign
from campaignkit.data.results import export
from campaignkit.data.tallies import InvalidTallies
from campaignkit.materials.summary import CAMPAIGN, checked_results, has_tallies
from campaignkit.printing.document import produce


def produce_summaries(
    campaign: str | Path = paths.DEFAULT_CAMPAIGN,
    region: str = "all",
    lang: str = "fr",
    out_dir: str | Path = paths.OUTPUTS,
    materials=("summary", "campaign-summary"),
    data: CampaignData | None = None,
) -> list:
    """The summaries a notebook asks for: `region` is a region id, `campaign` (the campaign
    summary and the results.csv/.xlsx exports) or `all` (every region with tallies, then the
    campaign). Returns the PDFs written, then the exports; a region whose tallies have a
    problem does not stop the others, its problems are raised at the end."""
    data = data or load_campaign(campaign)
    if region == "all":
        places = [r for r in data.regions if has_tallies(data, r)] + [CAMPAIGN]
    else:
        places = [region]
    made = []
    problems = []
    for place in places:
        material = "campaign-summary" if place == CAMPAIGN else "summary"
        if material not in materials:
            continue
        try:
            made.append(produce(material, region=place, lang=lang, out_dir=out_dir, data=data))
        except InvalidTallies as error:
            problems += [p for p in error.problems if p not in problems]
            continue
        if place == CAMPAIGN:
            made += export(checked_results(data, None), out_dir)
    if problems:
        raise InvalidTallies(problems)
    return made
