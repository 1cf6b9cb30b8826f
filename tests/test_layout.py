import pytest

from campaignkit import PreflightFailed, load_campaign, produce

from .pdfs import pdf_text

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
    from campaignkit import poster

    monkeypatch.setattr(poster, "MAX_EVENTS", 30)
    add_events(campaign_copy, 14)
    with pytest.raises(
        PreflightFailed, match=r"left out \(field event mtl-grand\).*left out \(field contact\)"
    ):
        produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)
    assert not (tmp_path / "mini" / "montreal" / "poster-fr.pdf").exists()


def test_characters_without_a_glyph_are_named(mini, tmp_path):
    """Validation refuses them first (test_corpus); the render check is the safety net."""
    data = load_campaign(mini)
    ana = data.cases["ana"]
    blurb = {"fr": "Une militante 𓀀 d'essai", "en": ana.blurb["en"]}
    data.cases["ana"] = ana.model_copy(update={"blurb": blurb})
    with pytest.raises(PreflightFailed, match=r"no font has the characters '𓀀' \(case ana"):
        produce("poster", region="montreal", out_dir=tmp_path, data=data)


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

    from campaignkit.models import LIMITS

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
