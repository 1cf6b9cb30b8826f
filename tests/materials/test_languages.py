"""Any language a campaign declares and the kit has a catalog for: every material builds."""

import re
from pathlib import Path

import pytest

from campaignkit import load_campaign, materials, produce
from campaignkit.data.loader import check_campaign
from campaignkit.printing.preflight import preflight_file
from campaignkit.text import catalog
from tests.pdfs import pdf_text

TRILINGUAL = Path(__file__).resolve().parent.parent / "fixtures" / "trilingual"
# A kit word of each material, as the es catalog has it (and no other catalog).
SPANISH = {
    "poster": "Maratones de escritura",
    "casebook": "Cuaderno de casos",
    "letters": "Su nombre y dirección",
    "cards": "Antes de escribir",
    "tally": "Hoja de recuento",
    "summary": "Balance de las maratones de escritura",
    "campaign-summary": "Balance de la campaña",
}


@pytest.fixture(scope="module")
def spanish(tmp_path_factory):
    data = load_campaign(TRILINGUAL)
    out = tmp_path_factory.mktemp("es")
    return {  # one folder each: the region and campaign summaries share a file name
        name: produce(name, region="montreal", lang="es", out_dir=out / name, data=data)
        for name, material in materials.REGISTRY.items()
        if material.wanted(data, "montreal")  # the mailing kit needs a price list
    }


def test_the_fixture_declares_three_languages():
    data, problems = check_campaign(TRILINGUAL)
    assert problems == []
    assert data.campaign.languages == ["fr", "en", "es"]


@pytest.mark.parametrize("name", list(SPANISH))
def test_every_material_builds_in_spanish_with_the_es_catalog(spanish, name):
    produced = spanish[name]
    assert preflight_file(produced.path, produced.pages).ok
    text = " ".join(pdf_text(produced.path).split()).casefold()  # some headings are uppercase
    assert SPANISH[name].casefold() in text
    assert catalog.word(f"material_{name.replace('-', '_')}", "es") != catalog.word(
        f"material_{name.replace('-', '_')}", "en"
    )
    french_or_english = [
        catalog.words(lang)[key]
        for lang in ("fr", "en")
        for key in ("events_heading", "casebook_write_to", "letter_sender", "cards_rules_heading")
    ]
    assert not [word for word in french_or_english if word.casefold() in text], name


def test_spanish_dates_come_from_babel(spanish):
    text = " ".join(pdf_text(spanish["poster"].path).split())
    assert re.search(r"sábado, 9 de diciembre de 2023", text)


def test_a_language_without_a_catalog_is_refused_naming_the_missing_words(campaign_copy):
    campaign_copy.edit("campaign.yaml", "languages: [fr, en]", "languages: [fr, en, de]")
    _, problems = check_campaign(campaign_copy.root)
    (problem,) = [p for p in problems if p.field == "languages"]
    said = problem.text("en")
    assert "no complete catalog for language 'de'" in said
    assert "act_online" in said and "campaignkit/text/locale/de/LC_MESSAGES/campaignkit.po" in said
    assert "languages ready: fr, en, es" in said
