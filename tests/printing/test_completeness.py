"""The completeness preflight: every declared item is seen on its page, or the build fails."""

import shutil

import pikepdf
import pytest

from campaignkit import load_campaign, paths, produce
from campaignkit.batch.build import Job, Outcome, failed_entry
from campaignkit.batch.gallery import write_gallery
from campaignkit.batch.manifest import Manifest
from campaignkit.exceptions import PreflightFailed
from campaignkit.printing import render
from tests.findings import said
from tests.pdfs import pdf_text
from tests.printing.test_tagged import structure


@pytest.fixture
def template_copy(tmp_path, monkeypatch):
    """A copy of templates/ that the kit renders from, to break on purpose."""
    copy = tmp_path / "templates"
    shutil.copytree(paths.TEMPLATES, copy)
    monkeypatch.setattr(paths, "TEMPLATES", copy)
    render.environment.cache_clear()
    render.stylesheet.cache_clear()
    yield copy
    render.environment.cache_clear()
    render.stylesheet.cache_clear()


def edit(path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_item_removed_from_the_template_fails_the_build(mini, tmp_path, template_copy):
    edit(template_copy / "poster/poster.html", '<p class="act-url">{{ action_url }}</p>', "")
    with pytest.raises(PreflightFailed) as failure:
        produce("poster", mini, region="montreal", lang="fr", out_dir=tmp_path)
    assert str(failure.value).startswith("poster montreal fr: ")
    message = said(failure)
    assert "missing item: action URL “https://example.org/agir” (not on any page)" in message
    assert not (tmp_path / "mini/montreal/poster-fr.pdf").exists(), "nothing half-written"


def test_a_removed_qr_code_fails_the_build(mini, tmp_path, template_copy):
    edit(template_copy / "poster/poster.html", "{{ qr_svg }}", "")
    with pytest.raises(PreflightFailed) as failure:
        produce("poster", mini, region="montreal", lang="en", out_dir=tmp_path)
    assert "missing item: QR code of the action URL" in said(failure)


@pytest.mark.parametrize(
    ("css", "reason"),
    [
        (".contact { visibility: hidden; }", "hidden"),
        (".contact { position: relative; left: 12in; }", "outside the trim box"),
        (".contact { height: 0.5rem; overflow: hidden; }", "clipped"),
        (
            ".contact { position: relative; }"
            ".online::after { content: ''; position: absolute; left: 0; right: -30rem;"
            " top: -3rem; bottom: -3rem; background: var(--primary); }"
            ".online { position: relative; }",
            "hidden behind another box",
        ),
    ],
)
def test_an_item_present_but_not_seen_fails_and_says_why(
    mini, tmp_path, template_copy, css, reason
):
    with (template_copy / "poster/poster.css").open("a", encoding="utf-8") as sheet:
        sheet.write("\n" + css + "\n")
    with pytest.raises(PreflightFailed) as failure:
        produce("poster", mini, region="montreal", lang="fr", out_dir=tmp_path)
    assert f"missing item: coordinator email “mtl@example.org” ({reason})" in said(failure)


def test_every_poster_item_fits_with_the_busiest_region_and_longest_texts(longest, tmp_path):
    from tests.longest import write_busiest_region

    data = load_campaign(write_busiest_region(longest, tmp_path / "busiest"))
    url = data.campaign.organization.action_url
    for region in data.regions.values():
        for lang in ("fr", "en"):
            made = produce("poster", region=region.id, lang=lang, out_dir=tmp_path, data=data)
            assert made.pages == 1
            text = pdf_text(made.path).replace(" ", "").replace("\n", "")
            for item in (url, region.coordinator_email, region.coordinator_name):
                assert item.replace(" ", "") in text, (region.id, lang, item)


def test_english_posters_of_three_event_regions_have_their_footer(tmp_path):
    data = load_campaign(paths.DEFAULT_CAMPAIGN)
    region = data.region("montreal")
    assert len(data.events_of("montreal")) == 3
    made = produce("poster", region="montreal", lang="en", out_dir=tmp_path, data=data)
    text = pdf_text(made.path)
    assert data.campaign.organization.action_url in text
    assert region.coordinator_name in text and region.coordinator_email in text
    assert "SAMPLE DATA" in text.upper()
    with pikepdf.open(made.path) as pdf:  # the QR code, as a figure saying where it leads
        figures = structure(pdf.Root.StructTreeRoot, [])
        alts = [str(e.get("/Alt", "")) for e in figures if e.S == "/Figure"]
    assert f"QR code: {data.campaign.organization.action_url}" in alts


def test_the_gallery_shows_an_output_that_failed_its_items(tmp_path):
    manifest = Manifest(tmp_path, "2023")
    job = Job("poster.ipynb", "montreal", "en", ("poster",), fingerprints=("x",))
    pdf = manifest.root / "montreal" / "poster-en.pdf"
    error = "PreflightFailed: poster montreal en: missing item: action URL « https://x.org »"
    executed = manifest.root / "notebooks" / "montreal" / "poster-en.ipynb"
    manifest.update(
        {pdf: failed_entry(job, "poster", Outcome(job, executed, error), manifest.root)}
    )
    html = write_gallery(manifest).read_text(encoding="utf-8")
    assert "missing item: action URL « https://x.org »" in html
    assert "échec / failed" in html
