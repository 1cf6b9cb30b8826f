"""The gallery shows the social images a material makes beside its PDF."""

import pytest

from campaignkit import load_campaign
from campaignkit.batch.gallery import write_gallery
from campaignkit.batch.manifest import Manifest
from campaignkit.exceptions import OutsideOutputs
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


def test_a_thumbnail_folder_leading_outside_the_outputs_is_refused(tmp_path):
    data = load_campaign(MINI)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    [pdf] = produce_press_kit(
        region="montreal", lang="fr", out_dir=out, materials_wanted=["press-release"], data=data
    )
    manifest = Manifest(out, data.id)
    ok = {"ok": True, "errors": [], "warnings": []}
    entry = {"material": "press-release", "region": "montreal", "lang": "fr", "inputs": "x"}
    manifest.update({pdf.path: entry | {"pages": 1, "bytes": 1, "preflight": ok, "notebook": "n"}})
    planted = elsewhere / "montreal" / "press-release-fr.png"
    planted.parent.mkdir(parents=True)
    planted.write_bytes(b"not ours")  # newer than the PDF: nothing to write, only to show
    (manifest.root / "thumbs").symlink_to(elsewhere)
    with pytest.raises(OutsideOutputs):
        write_gallery(manifest)
    assert [p.name for p in elsewhere.rglob("*")] == ["montreal", "press-release-fr.png"]
    assert not (manifest.root / "index.html").exists()
