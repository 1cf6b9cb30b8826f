"""The regional press release: dateline, every marathon of the region, the edition's dates,
the quote, the closing mark; a call to organize where there is no marathon."""

import pytest

from campaignkit import PreflightFailed, load_campaign, paths, produce
from campaignkit.text import i18n
from tests.pdfs import page_count, page_size_in, pdf_text


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


def flat(path) -> str:
    """The PDF's text without spaces or line breaks, case folded (headings are in capitals)."""
    return squeeze(pdf_text(path))


def squeeze(text: str) -> str:
    return "".join(text.replace("\u2019", "'").split()).casefold()


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("region", ["montreal", "capitale-nationale", "laurentides"])
def test_the_release_holds_every_event_of_its_region_and_the_dates(sample, tmp_path, region, lang):
    produced = produce("press-release", region=region, lang=lang, out_dir=tmp_path, data=sample)
    text = flat(produced.path)
    assert 1 <= page_count(produced.path) <= 2 and page_size_in(produced.path) == (8.5, 11.0)
    for event in sample.events_of(region):
        for part in (
            event.title[lang],
            event.venue,
            event.address,
            i18n.long_date(event.date, lang),
        ):
            assert squeeze(part) in text, part
        assert squeeze(i18n.time_span(event.start, event.end, lang)) in text
    for day in (sample.campaign.start, sample.campaign.end):
        assert squeeze(i18n.short_date(day, lang)) in text
    assert text.count("-30-") == 1
    for case in sample.cases.values():
        assert squeeze(case.name) in text


def test_french_dateline_and_the_coordinators_quote(sample, tmp_path):
    produced = produce("press-release", region="montreal", lang="fr", out_dir=tmp_path, data=sample)
    text = flat(produced.path)
    assert squeeze("Montréal, le 30 octobre 2023 –") in text
    assert (
        squeeze("n'est pas oubliée") in text
        and squeeze("Lan Nguyen, coordination régionale") in text
    )
    assert (
        squeeze("Renseignements pour les médias") in text
        and squeeze("lan.nguyen@example.org") in text
    )


def test_a_region_without_marathon_gets_a_call_to_organize_one(sample, tmp_path):
    assert not sample.events_of("cote-nord")
    produced = produce(
        "press-release", region="cote-nord", lang="en", out_dir=tmp_path, data=sample
    )
    text = flat(produced.path)
    assert squeeze("invited to host its own write-a-thon") in text
    assert squeeze("A call for hosts") in text and squeeze("Côte-Nord, October 30, 2023 –") in text


def test_a_quote_too_long_for_its_box_is_refused_naming_region_and_field(mini, tmp_path):
    data = load_campaign(mini)
    words = "Écrire une lettre prend dix minutes et peut changer une vie entière. " * 12
    quote = {"fr": words, "en": "A short quote."}
    data.regions["montreal"] = data.regions["montreal"].model_copy(update={"quote": quote})
    with pytest.raises(PreflightFailed) as failure:
        produce("press-release", region="montreal", lang="fr", out_dir=tmp_path, data=data)
    assert "montreal" in str(failure.value) and "quote_fr" in str(failure.value)
    assert not (tmp_path / "mini" / "montreal" / "press-release-fr.pdf").exists()
    produce("press-release", region="montreal", lang="en", out_dir=tmp_path, data=data)


def test_a_quote_longer_than_its_limit_is_a_check_error(campaign_copy):
    from campaignkit import check_campaign

    long = "x" * 300
    campaign_copy.edit(
        "regions.csv", "last_year_actions,sample", "last_year_actions,sample,quote_fr,quote_en"
    )
    campaign_copy.edit("regions.csv", "300,250,yes", f"300,250,yes,{long},Short.")
    _, problems = check_campaign(campaign_copy.root)
    assert [(p.field, p.code, p.row) for p in problems] == [("quote_fr", "text_too_long", 2)]


@pytest.fixture(scope="module")
def longest_events(tmp_path_factory):
    """The mini campaign with every event text and Montréal's quote at their limits."""
    import csv
    import io
    import shutil

    from campaignkit.data.models import LIMITS
    from tests.conftest import MINI
    from tests.longest import prose, words

    root = tmp_path_factory.mktemp("long") / "mini"
    shutil.copytree(MINI, root)
    rows = list(csv.DictReader((root / "events.csv").open(encoding="utf-8")))
    for row in rows:
        row |= {f"title_{lang}": words(LIMITS["event_title"]) for lang in ("fr", "en")}
        row |= {key: words(LIMITS[key]) for key in ("venue", "address", "city")}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (root / "events.csv").write_text(buffer.getvalue(), encoding="utf-8")
    regions = (root / "regions.csv").read_text(encoding="utf-8").splitlines()
    regions[0] += ",quote_fr,quote_en"
    regions[1] += "".join(f',"{prose(lang, LIMITS["quote"])}"' for lang in ("fr", "en"))
    (root / "regions.csv").write_text("\n".join(regions) + "\n", encoding="utf-8")
    return load_campaign(root)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_longest_texts_the_checks_accept_fit_the_release_and_the_images(
    longest_events, tmp_path, lang
):
    from campaignkit.printing.press_kit import produce_press_kit

    made = produce_press_kit(region="montreal", lang=lang, out_dir=tmp_path, data=longest_events)
    pages = {item.material: item.pages for item in made if hasattr(item, "material")}
    assert pages == {"press-release": 1, "social": 4, "labels": 2}
    printed = " ".join(pdf_text(made[0].path).replace("\u2019", "'").split())
    assert longest_events.regions["montreal"].quote[lang][:40] in printed
