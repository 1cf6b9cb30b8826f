import pytest

from campaignkit import PreflightFailed, load_campaign, produce
from campaignkit.printing.document import render_material
from campaignkit.printing.findings import Finding
from campaignkit.printing.layout import layout_problems
from campaignkit.printing.render import pdf_bytes
from tests.findings import codes, said, search
from tests.overlong import TOO_LONG, slipped_past_validation
from tests.pdfs import pdf_text, same_pixels

EVENT = (
    "mtl-{n},montreal,Soirée {n},Evening {n},2023-12-0{d},18:30,21:00,Café {n},"
    "12 avenue d'Essai,Montréal,30,Test,mtl@example.org,yes\n"
)


def add_events(campaign_copy, count: int, text: str = ""):
    lines = "".join(EVENT.format(n=f"{n}{text}", d=1 + n % 9) for n in range(count))
    campaign_copy.write("events.csv", (campaign_copy.root / "events.csv").read_text() + lines)


def test_poster_whose_text_does_not_fit_is_refused_not_clipped(
    campaign_copy, tmp_path, monkeypatch
):
    from campaignkit.materials import poster

    monkeypatch.setattr(poster, "MAX_EVENTS", 30)
    add_events(campaign_copy, 14)
    with pytest.raises(PreflightFailed) as failure:
        produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)
    assert search(
        r"missing item: coordinator email “mtl@example.org” \(on page 2, past the last "
        r"page \(1\)\).*organization line “.*” \(on page 2.*2 pages instead of 1",
        failure,
    )
    assert {"missing_item", "page_count"} <= set(codes(failure))
    assert "2 pages au lieu de 1" in said(failure, "fr")
    assert "Le document a 2 pages au lieu de 1" in said(failure, "fr", page=True)
    assert not (tmp_path / "mini" / "montreal" / "poster-fr.pdf").exists()


def test_characters_without_a_glyph_are_named(mini, tmp_path):
    """Validation refuses them first (test_corpus); the render check is the safety net."""
    data = load_campaign(mini)
    ana = data.cases["ana"]
    blurb = {"fr": "Une militante 𓀀 d'essai", "en": ana.blurb["en"]}
    data.cases["ana"] = ana.model_copy(update={"blurb": blurb})
    with pytest.raises(PreflightFailed) as failure:
        produce("poster", region="montreal", out_dir=tmp_path, data=data)
    assert search(r"no font has the characters '𓀀' \(case ana", failure)
    found = next(f for f in failure.value.problems if f.code == "no_glyph")
    assert found.params["chars"] == "𓀀" and found.params["case"] == "ana"


def test_arabic_text_is_drawn(campaign_copy, tmp_path):
    campaign_copy.edit("cases/ana.yaml", "Une militante d'essai", "Une militante سلام d'essai")
    assert produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path).pages == 1


def test_many_events_are_counted_not_crowded(campaign_copy, tmp_path):
    add_events(campaign_copy, 7)
    produced = produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)
    assert produced.pages == 1
    assert "et 5 autres marathons" in pdf_text(produced.path)


def longest(limit: int, word: str = "Solidarité") -> str:
    """A text of exactly `limit` characters, in words that wrap like real ones."""
    return ((word + " ") * limit)[: limit - 1] + "."


def test_longest_texts_the_validator_accepts_still_fit_the_poster(campaign_copy, tmp_path):
    import yaml

    from campaignkit.data.models import LIMITS

    campaign = yaml.safe_load((campaign_copy.root / "campaign.yaml").read_text())
    campaign["name"] = {lang: longest(LIMITS["campaign_name"]) for lang in ("fr", "en")}
    campaign["tagline"] = {lang: longest(LIMITS["tagline"]) for lang in ("fr", "en")}
    label = {lang: longest(LIMITS["impact_label"]) for lang in ("fr", "en")}
    campaign["impact"] = [{"value": 99_999_999, "label": label}] * 4
    campaign["featured_cases"] = ["ana", "bo", "ana", "bo"]
    (campaign_copy.root / "campaign.yaml").write_text(yaml.safe_dump(campaign, allow_unicode=True))
    for case in ("ana", "bo"):
        data = yaml.safe_load((campaign_copy.root / "cases" / f"{case}.yaml").read_text())
        data["name"] = longest(LIMITS["name"])
        data["country"] = {lang: longest(LIMITS["country"]) for lang in ("fr", "en")}
        data["blurb"] = {lang: longest(LIMITS["blurb"]) for lang in ("fr", "en")}
        (campaign_copy.root / "cases" / f"{case}.yaml").write_text(yaml.safe_dump(data))
    row = (
        "long-{n},montreal,{title},{title},2023-12-0{n},10:30,21:45,{venue},{address},{city},"
        "30,Test,mtl@example.org,yes\n"
    )
    rows = "".join(
        row.format(
            n=n + 1,
            title=longest(LIMITS["event_title"]),
            venue=longest(LIMITS["venue"]),
            address=longest(LIMITS["address"]),
            city=longest(LIMITS["city"]),
        )
        for n in range(5)
    )
    campaign_copy.write("events.csv", (campaign_copy.root / "events.csv").read_text() + rows)
    for paper in ("tabloid", "letter", "a4", "a3"):
        for lang in ("fr", "en"):
            region = "montreal"
            produced = produce(
                "poster",
                campaign_copy.root,
                region=region,
                lang=lang,
                paper=paper,
                out_dir=tmp_path,
            )
            assert produced.pages == 1


@pytest.mark.parametrize(
    ("material", "field", "part", "named"),
    [
        ("casebook", "story", None, "case ana, field story"),
        ("casebook", "demand", None, "case ana, field demand"),
        ("letters", "letter", None, "case ana, field letter"),
        ("cards", "card", "guidance", "case ana, field card.guidance"),
    ],
)
def test_a_page_whose_text_runs_over_names_case_and_field(
    mini, tmp_path, material, field, part, named
):
    data = slipped_past_validation(mini, field, TOO_LONG * (2 if part else 1), part)
    with pytest.raises(PreflightFailed) as failed:
        produce(material, region="montreal", out_dir=tmp_path, data=data)
    message = said(failed)
    assert f"page 1: text does not fit on one page and runs onto page 2 ({named}" in message
    assert f"its longest text: {named}" in message
    assert not list(tmp_path.rglob("*.pdf")), "nothing is written"


def test_the_longest_text_is_named_even_when_it_pushes_another_field_over(mini, tmp_path):
    data = slipped_past_validation(mini, "blurb", TOO_LONG[:2500])
    with pytest.raises(PreflightFailed) as failure:
        produce("casebook", region="montreal", out_dir=tmp_path, data=data)
    assert "its longest text: case ana, field blurb" in said(failure)


def test_a_card_message_that_leaves_its_card_is_named(mini, tmp_path):
    data = slipped_past_validation(mini, "card", TOO_LONG[:700], "message")
    with pytest.raises(PreflightFailed) as failure:
        produce("cards", region="montreal", out_dir=tmp_path, data=data)
    assert "text overflows its box (case ana, field card.message)" in said(failure)


def test_text_that_runs_under_the_posters_foot_is_caught_and_the_foot_then_follows_it(
    mini, tmp_path
):
    """The quick layout pins the foot (impact, QR code, contact) to the page's bottom edge:
    a blurb long enough to reach it is named, and the poster is made with the foot after
    the text instead, never with text printed over it."""
    data = slipped_past_validation(mini, "blurb", TOO_LONG[:1300])
    quick = render_material(data, "poster", "montreal", "fr")
    under = Finding("overflow_box", {"page": 1, "case": "ana", "field": "blurb"})
    assert under in layout_problems(quick)
    produced = produce("poster", region="montreal", out_dir=tmp_path, data=data)
    flowing = render_material(data, "poster", "montreal", "fr", look=("flowing",))
    made = produced.path.read_bytes()
    assert same_pixels(made, pdf_bytes(flowing))
    assert not same_pixels(made, pdf_bytes(quick))


def test_every_material_lays_out_each_page_once(mini, caplog):
    """WeasyPrint lays a page out again when a first pass changed what it shows, as a
    running element in a margin box does on every page: twice the work for the same page."""
    from campaignkit import materials

    data = load_campaign(mini)
    caplog.set_level("INFO", logger="weasyprint.progress")
    for name in materials.names():
        kind = materials.get(name)
        place = "campaign" if kind.scope == "campaign" else "montreal"
        if not kind.wanted(data, place):
            continue
        caplog.clear()
        document = render_material(data, name, place, "fr")
        made = [r for r in caplog.messages if r.startswith("Step 5 - Creating layout - Page")]
        laid_out = [m for m in made if not m.endswith("(up-to-date)")]
        assert len(laid_out) == len(document.pages), f"{name}: {len(laid_out)} layouts"
