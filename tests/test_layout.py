import pytest

from campaignkit import PreflightFailed, produce

EVENT = (
    "mtl-{n},montreal,Soirée {n},Evening {n},2023-12-0{d},18:30,21:00,Café {n},"
    "12 avenue d'Essai,Montréal,30,Test,mtl@example.org,yes\n"
)


def test_poster_with_too_many_events_is_refused_not_clipped(campaign_copy, tmp_path):
    extra = "".join(EVENT.format(n=n, d=1 + n % 9) for n in range(14))
    campaign_copy.write("events.csv", (campaign_copy.root / "events.csv").read_text() + extra)
    with pytest.raises(
        PreflightFailed, match=r"left out \(field event mtl-grand\).*left out \(field contact\)"
    ):
        produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)
    assert not (tmp_path / "mini" / "montreal" / "poster-fr.pdf").exists()


def test_characters_without_a_glyph_are_named(campaign_copy, tmp_path):
    campaign_copy.edit("cases/ana.yaml", "Une militante d'essai", "Une militante 𓀀 d'essai")
    with pytest.raises(PreflightFailed, match=r"no font has the characters '𓀀' \(case ana"):
        produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path)


def test_arabic_text_is_drawn(campaign_copy, tmp_path):
    campaign_copy.edit("cases/ana.yaml", "Une militante d'essai", "Une militante سلام d'essai")
    assert produce("poster", campaign_copy.root, region="montreal", out_dir=tmp_path).pages == 1
