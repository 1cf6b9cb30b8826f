"""Nothing is written, swept or removed outside the outputs folder, whatever the names."""

import dataclasses

import pytest

from campaignkit import load_campaign, paths
from campaignkit.batch import build as batch_build
from campaignkit.batch.print_shop import write_bundle
from campaignkit.exceptions import OutsideOutputs


def hostile(data, campaign_id: str):
    """The campaign with an id that validation would refuse (this tests the second wall)."""
    campaign = data.campaign.model_copy(update={"id": campaign_id})
    return dataclasses.replace(data, campaign=campaign)


@pytest.mark.parametrize("name", ["../../x", "..", ".", "", "/etc", "a/../../x"])
def test_a_campaign_id_that_leads_out_is_refused(tmp_path, name):
    with pytest.raises(OutsideOutputs):
        paths.campaign_dir(tmp_path / "out", name)
    with pytest.raises(OutsideOutputs):
        paths.output_pdf(tmp_path / "out", name, "..", "poster", "fr")


def test_a_symlinked_folder_that_leads_out_is_refused(tmp_path):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "mini").mkdir(parents=True)
    elsewhere.mkdir()
    (out / "mini" / "montreal").symlink_to(elsewhere)
    with pytest.raises(OutsideOutputs):
        paths.output_pdf(out, "mini", "montreal", "poster", "fr")
    assert (
        paths.output_pdf(out, "mini", "mauricie", "poster", "fr").parent
        == out / "mini" / "mauricie"
    )


def test_an_outputs_folder_re_pointed_elsewhere_after_use_is_refused(tmp_path):
    """The folder's real place is remembered (a build asks thousands of times): turned into
    a link to another folder afterwards, its paths lead out and are refused."""
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "mini").mkdir(parents=True)
    elsewhere.mkdir()
    assert paths.output(out, "mini", "poster-fr.pdf") == out / "mini" / "poster-fr.pdf"
    out.rename(tmp_path / "before")
    out.symlink_to(elsewhere)
    with pytest.raises(OutsideOutputs):
        paths.output(out, "mini", "poster-fr.pdf")


@pytest.mark.parametrize("campaign_id", ["../../x", "/ABSOLUTE"])
def test_a_build_with_a_hostile_campaign_id_touches_nothing_outside(
    mini, tmp_path, monkeypatch, campaign_id
):
    out = tmp_path / "a" / "b"
    outside = (tmp_path / "x") if campaign_id == "../../x" else tmp_path / "ABSOLUTE"
    campaign_id = campaign_id if campaign_id == "../../x" else str(outside)
    decoy = outside / ".keep.pdf.abcd1234.tmp"  # looks like a leftover temporary file
    decoy.parent.mkdir(parents=True)
    decoy.write_text("someone else's file")
    data = hostile(load_campaign(mini), campaign_id)
    monkeypatch.setattr(batch_build, "load_campaign", lambda folder: data)
    with pytest.raises(OutsideOutputs):
        batch_build.build(mini, ["montreal"], ["fr"], ["poster"], out_dir=out, progress=False)
    assert decoy.read_text() == "someone else's file"
    assert sorted(outside.rglob("*")) == [decoy]


def test_print_shop_with_a_hostile_campaign_id_removes_nothing_outside(mini, tmp_path):
    out = tmp_path / "a" / "b"
    kept = tmp_path / "x" / "print-shop" / "order.txt"
    kept.parent.mkdir(parents=True)
    kept.write_text("another bundle")
    with pytest.raises(OutsideOutputs):
        write_bundle(hostile(load_campaign(mini), "../../x"), out)
    assert kept.read_text() == "another bundle"
    assert not (tmp_path / "x" / "print-shop.zip").exists()


@pytest.mark.parametrize("folder", ["montreal", "notebooks"])
def test_a_build_into_a_symlinked_folder_writes_nothing_there(mini, tmp_path, folder):
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    (out / "mini").mkdir(parents=True)
    elsewhere.mkdir()
    (out / "mini" / folder).symlink_to(elsewhere)
    with pytest.raises(OutsideOutputs):
        batch_build.build(mini, ["montreal"], ["fr"], ["poster"], out_dir=out, progress=False)
    assert list(elsewhere.iterdir()) == []
