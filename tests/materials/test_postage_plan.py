"""The postage plan: letters and cards per destination from the tallies (or the expected
attendance), one envelope per destination, weight and price from postage.yaml."""

import csv

import pytest

from campaignkit import load_campaign
from campaignkit.data.tallies import tallies_of
from campaignkit.materials import postage_plan
from campaignkit.materials.destinations import destinations
from campaignkit.materials.mailing_kit import export_postage
from campaignkit.printing.press_kit import produce_press_kit
from tests.pdfs import pdf_text
from tests.postage_campaign import with_postage


@pytest.fixture
def data(campaign_copy):
    return load_campaign(with_postage(campaign_copy.root))


def by_key(lines):
    return {line.destination.key: line for line in lines}


def test_totals_equal_the_tallies_grouped_by_destination(data):
    lines = by_key(postage_plan.region_plan(data, "mauricie", "fr")[0])  # one event, tallied
    tally = tallies_of(data).tallies["tr-biblio"]
    expected: dict[str, list[int]] = {}
    for case in data.cases.values():
        for destination in destinations(data, "fr"):
            counts = expected.setdefault(destination.key, [0, 0])
            if case.id in destination.letters_for:
                counts[0] += tally.letters.get(case.id, 0)
            if case.id in destination.cards_for:
                counts[1] += tally.cards.get(case.id, 0)
    assert {key: [line.letters, line.cards] for key, line in lines.items()} == expected
    assert sum(line.letters for line in lines.values()) == sum(tally.letters.values())
    assert sum(line.cards for line in lines.values()) == sum(tally.cards.values())


def test_one_envelope_per_destination_weighed_and_priced(data):
    lines = postage_plan.region_plan(data, "mauricie", "fr")[0]
    tally = tallies_of(data).tallies["tr-biblio"]
    card = next(line for line in lines if line.destination.cards_for == ["ana"])
    assert card.zone == "canada" and card.envelopes == 1  # rule 7: one big envelope
    assert card.grams == tally.cards["ana"] * 10 + 20
    assert card.postage == (5 if card.grams <= 500 else 10)
    office = next(line for line in lines if line.destination.cards_for == ["bo"])
    assert office.envelopes == postage_plan.total([office])["envelopes"]
    pending = next(line for line in lines if line.destination.letters_for == ["bo"])
    assert pending.destination.pending and pending.postage is None  # nothing bought yet


def test_an_event_without_tally_is_estimated_from_its_expected_attendance(data):
    counts, estimated = postage_plan.case_counts(data, "montreal")
    tally = tallies_of(data).tallies["mtl-grand"]
    assert estimated == 1  # mtl-cafe: 30 people, 2 letters and 3 cards each, over 2 cases
    assert counts["ana"]["letters"] == tally.letters["ana"] + 30
    assert counts["bo"]["cards"] == tally.cards["bo"] + 45


def test_the_campaign_plan_adds_up_every_region_and_goes_to_postage_csv(data, tmp_path):
    regions = [postage_plan.total(postage_plan.region_plan(data, r, "fr")[0]) for r in data.regions]
    campaign = postage_plan.total(postage_plan.campaign_plan(data, "fr")[0])
    assert campaign["postage"] == round(sum(r["postage"] for r in regions), 2)
    assert campaign["letters"] == sum(r["letters"] for r in regions)
    rows = list(csv.DictReader(export_postage(data, tmp_path).open(encoding="utf-8")))
    assert {row["level"] for row in rows} == {"region", "campaign"}
    priced = [
        float(row["postage"]) for row in rows if row["level"] == "campaign" and row["postage"]
    ]
    assert round(sum(priced), 2) == campaign["postage"]


def test_mailing_kit_pdfs_and_postage_csv_are_made(data, tmp_path):
    made = produce_press_kit(data.root, "campaign", "en", out_dir=tmp_path, data=data)
    pdf, csv_path = made
    assert csv_path.name == "postage.csv" and csv_path.parent == pdf.path.parent
    text = " ".join(pdf_text(pdf.path).split())
    assert "Mailing kit" in text and "Sample prices" in text and "October 15, 2023" in text


def test_the_summaries_show_the_plan_and_the_campaign_total(data, tmp_path):
    from campaignkit import produce

    region = produce("summary", region="mauricie", lang="fr", out_dir=tmp_path, data=data)
    assert "Plan d\u2019affranchissement" in pdf_text(region.path)  # typographic apostrophe
    campaign = produce(
        "campaign-summary", region="campaign", lang="en", out_dir=tmp_path, data=data
    )
    total = postage_plan.total(postage_plan.campaign_plan(data, "en")[0])
    text = " ".join(pdf_text(campaign.path).split())
    assert f"Estimated postage for the whole campaign: ${total['postage']:,.2f}" in text
