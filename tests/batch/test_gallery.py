"""The gallery shows the social images a material makes beside its PDF."""

from campaignkit import load_campaign
from campaignkit.batch.gallery import write_gallery
from campaignkit.batch.manifest import Manifest
from campaignkit.printing.press_kit import produce_press_kit
from tests.conftest import MINI


def test_the_gallery_shows_each_social_image(tmp_path):
    data = load_campaign(MINI)
    pdf, *images = produce_press_kit(
        region="montreal", lang="fr", out_dir=tmp_path, materials_wanted=["social"], data=data
    )
    manifest = Manifest(tmp_path, data.id)
    ok = {"ok": True, "errors": [], "warnings": []}
    entry = {"material": "social", "region": "montreal", "lang": "fr", "inputs": "x"}
    manifest.update({pdf.path: entry | {"pages": 4, "bytes": 1, "preflight": ok, "notebook": "n"}})
    page = write_gallery(manifest).read_text(encoding="utf-8")
    assert 'href="montreal/social/social-fr.pdf"' in page
    for image in images:
        assert f'<img src="montreal/social/{image.name}"' in page
