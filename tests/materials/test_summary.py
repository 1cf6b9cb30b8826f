"""Summaries print the sums of the tally files, in each language, on Letter, in vector."""

import re
import shutil

import pikepdf
import pytest
from pypdf import PdfReader

from campaignkit import InvalidCampaign, load_campaign, materials, produce
from campaignkit.batch.build import plan
from campaignkit.data.results import results_of
from campaignkit.data.tallies import InvalidTallies
from campaignkit.materials.charts import paired_bars
from campaignkit.materials.summary import events_cell
from campaignkit.paths import DEFAULT_CAMPAIGN
from campaignkit.printing.preflight import preflight_file
from campaignkit.printing.summaries import produce_summaries
from campaignkit.text.i18n import number
from tests.pdfs import page_size_in, pdf_text, printed
from tests.tallysums import region_sums

SPACES = re.compile(r"[\u00a0\u202f]")


def n(value: int, lang: str) -> str:
    """A number as the PDF text reads once spaces are folded (see pdfs.pdf_text)."""
    return SPACES.sub(" ", number(value, lang))


@pytest.fixture(scope="module")
def summaries(tmp_path_factory):
    """Every summary of the sample campaign, in French and English."""
    data = load_campaign(DEFAULT_CAMPAIGN)
    out = tmp_path_factory.mktemp("summaries")
    made = {}
    for lang in data.campaign.languages:
        for produced in produce_summaries(data.root, "all", lang, out, data=data):
            if hasattr(produced, "region"):
                made[produced.region, lang] = produced
    return data, made


def test_a_summary_for_each_region_with_a_tally_and_the_campaign(summaries):
    data, made = summaries
    with_tallies = {
        event.region for event in data.events if any((data.root / "tallies").glob(f"{event.id}.*"))
    }
    assert {region for region, _ in made} == with_tallies | {"campaign"}
    assert "chaudiere-appalaches" not in with_tallies, "its only event has no tally yet"
    campaign = made["campaign", "fr"].path
    assert campaign.parent.name == "campaign" and campaign.name == "summary-fr.pdf"
    assert (campaign.parent / "results.csv").is_file()
    assert (campaign.parent / "results.xlsx").is_file()


def test_region_summaries_print_the_sums_of_the_files(summaries):
    data, made = summaries
    for (region, lang), produced in made.items():
        if region == "campaign":
            continue
        text = pdf_text(produced.path)
        sums = region_sums(data, region)
        word = {"fr": "actions en tout", "en": "actions in all"}[lang]
        assert f"{n(sums['actions'], lang)}{word}" in text.replace("\n", ""), (region, lang)
        for key in ("participants", "letters", "cards", "online"):
            assert f"\n{n(sums[key], lang)}\n" in text, (region, lang, key)
        _check_case_table(data, text, sums, lang)


def test_campaign_summary_prints_the_sums_of_the_files(summaries):
    data, made = summaries
    results = results_of(data)
    for lang in ("fr", "en"):
        text = pdf_text(made["campaign", lang].path)
        sums = region_sums(data, None)
        assert f"\n{n(sums['actions'], lang)}" in text
        _check_case_table(data, text, sums, lang)
        for region_id, region in data.regions.items():
            own = region_sums(data, region_id)
            planned = len(data.events_of(region_id))
            held = len(results.events_of(region_id))
            owed = len(results.missing(region_id))
            events = events_cell(held, planned, lang) + (f" {owed}" if owed else "")
            line = f"{region.code} {region.name[lang]} {events} "
            line += f"{n(own['participants'], lang)} {n(own['actions'], lang)}"
            assert line in text, line
        owed = len(results.missing())
        total = f"Total {len(results.events)} {owed} "
        assert total + f"{n(sums['participants'], lang)} {n(sums['actions'], lang)}" in text


def _check_case_table(data, text, sums, lang):
    for case in data.cases.values():
        letters, cards = sums[f"{case.id}.letters"], sums[f"{case.id}.cards"]
        shown = printed(f"{case.name} {case.country[lang]}", lang)
        row = f"{shown} {n(letters, lang)} {n(cards, lang)} "
        assert row + n(letters + cards, lang) in text, row
    total = f"Total {n(sums['letters'], lang)} {n(sums['cards'], lang)} "
    assert total + n(sums["letters"] + sums["cards"], lang) in text


def test_events_still_missing_a_tally_are_named(summaries):
    data, made = summaries
    text = pdf_text(made["montreal", "fr"].path)
    missing = results_of(data).missing("montreal")
    assert missing
    assert "Décomptes attendus" in text
    for event in missing:
        assert printed(event.title["fr"], "fr") in text
    english = pdf_text(made["campaign", "en"].path).replace("\n", " ")
    for event in results_of(data).missing():
        assert event.title["en"].split()[0] in english


def test_goal_last_year_and_thanks(summaries):
    data, made = summaries
    region = data.regions["montreal"]
    text = pdf_text(made["montreal", "fr"].path)
    assert f"objectif de {n(region.goal_actions, 'fr')}" in text
    assert f"L’an dernier : {n(region.last_year_actions, 'fr')} actions" in text
    assert "Merci à chaque bénévole" in text
    english = pdf_text(made["montreal", "en"].path)
    assert f"goal of {n(region.goal_actions, 'en')}" in english
    assert "Thank you to every volunteer" in english
    assert "SAMPLE TALLIES" in english, "uppercase by CSS"


def test_letter_pages_fonts_embedded_and_page_count(summaries):
    data, made = summaries
    for (region, _lang), produced in made.items():
        material = "campaign-summary" if region == "campaign" else "summary"
        expected = materials.get(material).expected_pages(data, region)
        report = preflight_file(produced.path, expected_pages=expected)
        assert report.ok, report.summary()
        assert page_size_in(produced.path) == (8.5, 11.0)


def test_charts_are_vector_and_grey(summaries):
    _, made = summaries
    for produced in made.values():
        for page in PdfReader(str(produced.path)).pages:
            xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
            subtypes = {xobjects[name].get_object().get("/Subtype") for name in xobjects}
            assert "/Image" not in subtypes, produced.path
    svg = paired_bars(["Ana"], [3], [4], ("letters", "cards"), "en")
    assert "<image" not in svg, "shapes and text only"
    for color in set(re.findall(r"#([0-9a-fA-F]{6})\b", svg)):
        assert color[0:2] == color[2:4] == color[4:6], f"#{color} is not a grey"


def test_chart_labels_are_text_in_the_kit_font(summaries):
    data, made = summaries
    produced = made["montreal", "fr"]
    chart_page = pdf_text(produced.path, 0)
    for case_id in results_of(data).cases("montreal").index:
        assert printed(data.cases[case_id].name, "fr") in chart_page, "the chart's label"
    svg = paired_bars(["Ana"], [3], [4], ("lettres", "cartes"), "fr")
    assert "font-family: 'Kit Sans'" in svg and ">Ana</text>" in svg
    with pikepdf.open(produced.path) as pdf:
        fonts = {
            str(o.BaseFont)
            for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/Font" and "/BaseFont" in o
        }
    assert fonts and all("+Kit-" in font for font in fonts), "the kit's fonts only, embedded"


def test_same_tallies_give_the_same_bytes(mini, tmp_path):
    first = produce("campaign-summary", mini, region="campaign", out_dir=tmp_path / "a")
    second = produce("campaign-summary", mini, region="campaign", out_dir=tmp_path / "b")
    assert first.path.read_bytes() == second.path.read_bytes()


def test_build_plans_summaries_only_where_there_are_tallies(mini):
    data = load_campaign(mini)
    jobs = plan(data, material_names=["summary", "campaign-summary"], langs=["fr"])
    assert sorted((job.region, job.materials) for job in jobs) == [
        ("campaign", ("campaign-summary",)),
        ("mauricie", ("summary",)),
        ("montreal", ("summary",)),
    ]
    assert all(job.notebook == "summary.ipynb" for job in jobs)


def test_a_bad_tally_stops_its_region_and_the_campaign_only(campaign_copy, tmp_path):
    path = campaign_copy.root / "tallies" / "mtl-grand.csv"
    path.write_text(path.read_text().replace("bo,164,1240", "bo,164,-5"), encoding="utf-8")
    data = load_campaign(campaign_copy.root)
    with pytest.raises(InvalidCampaign) as caught:
        produce("summary", region="montreal", out_dir=tmp_path, data=data)
    assert "row 7, column C" in caught.value.problems[0].text("en")
    with pytest.raises(InvalidCampaign):
        produce("campaign-summary", region="campaign", out_dir=tmp_path, data=data)
    produced = produce("summary", region="mauricie", out_dir=tmp_path, data=data)
    assert "243" in pdf_text(produced.path)


def test_region_without_any_tally_file_is_not_wanted(campaign_copy):
    shutil.rmtree(campaign_copy.root / "tallies")
    data = load_campaign(campaign_copy.root)
    jobs = plan(data, material_names=["summary"], langs=["fr"])
    assert jobs == []


def test_all_makes_what_it_can_then_names_the_bad_cells(campaign_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    campaign_copy.edit("tallies/mtl-grand.csv", "bo,164,1240", "bo,164,-5")
    with pytest.raises(InvalidTallies) as caught:
        produce_summaries(campaign_copy.root, "all", "en", tmp_path)
    assert "mtl-grand.csv, row 7, column C, field cards: negative count '-5'" in str(caught.value)
    assert (tmp_path / "mini" / "mauricie" / "summary-en.pdf").is_file()
    assert not (tmp_path / "mini" / "montreal").exists()
    assert not (tmp_path / "mini" / "campaign").exists()


def test_montreal_says_one_tally_is_awaited_not_one_event_not_held(summaries):
    data, made = summaries
    assert len(results_of(data).missing("montreal")) == 1
    text = " ".join(pdf_text(made["montreal", "fr"].path).split())
    assert "1 décompte attendu" in text
    assert "2 marathons tenus, décompte reçu" in text
    assert "/ 3 marathons" not in text and "tenus / prévus" not in text
    assert "La comparaison attendra le dernier décompte" in text
    english = " ".join(pdf_text(made["montreal", "en"].path).split())
    assert "1 tally awaited" in english


def test_campaign_comparison_is_over_the_same_regions_and_names_them(summaries):
    from campaignkit.materials.summary import comparable_regions

    data, made = summaries
    results = results_of(data)
    same = comparable_regions(results)
    owed = {event.region for event in results.missing()}
    assert same and not owed & set(same)
    assert all(results.regions().events_planned[r] > 0 for r in same)
    text = " ".join(pdf_text(made["campaign", "fr"].path).split())
    names = ", ".join(data.regions[r].name["fr"] for r in same)
    assert f"sur les {len(same)} régions qui ont leurs chiffres complets les deux années" in text
    assert f"({names})" in text
    assert "aucun" in text and "Décomptes attendus" in text, "no event and awaited told apart"
