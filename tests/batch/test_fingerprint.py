"""A job's fingerprint changes with what its outputs are made from."""

from campaignkit import load_campaign, paths
from campaignkit.batch.fingerprint import job_fingerprint
from tests.images import photo


def test_a_photo_replaced_under_the_same_name_changes_the_fingerprint(campaign_copy):
    campaign_copy.edit(
        "cases/ana.yaml",
        "photo: null",
        "photo: {file: photos/ana.jpg, credit: {fr: x, en: x}, alt: {fr: x, en: x}}",
    )
    photo(campaign_copy.root / "photos" / "ana.jpg", size=(300, 330))
    notebook = paths.NOTEBOOKS / "letters.ipynb"

    def fingerprint():
        return job_fingerprint(load_campaign(campaign_copy.root), notebook, "montreal", {})

    before = fingerprint()
    assert fingerprint() == before
    photo(campaign_copy.root / "photos" / "ana.jpg", size=(330, 300))
    assert fingerprint() != before


def summary_fingerprint(root) -> str:
    from campaignkit.batch.build import plan

    [job] = plan(load_campaign(root), ["montreal"], ["fr"], ["summary"])
    return job.stamp("summary")


def test_a_tally_named_in_capitals_is_part_of_its_regions_fingerprint(campaign_copy):
    tallies = campaign_copy.root / "tallies"
    (tallies / "mtl-grand.csv").rename(tallies / "MTL-GRAND.csv")
    before = summary_fingerprint(campaign_copy.root)
    campaign_copy.edit("tallies/MTL-GRAND.csv", "Participants,120", "Participants,125")
    assert summary_fingerprint(campaign_copy.root) != before


def test_a_tally_rewritten_during_a_job_is_read_again_by_the_next_build(
    campaign_copy, tmp_path, monkeypatch
):
    """The job reads an edited tally that is put back before the next build: the output
    was not made from the bytes its fingerprint was taken from, so it is made again."""
    from campaignkit.batch import workers
    from campaignkit.batch.build import build

    tally = campaign_copy.root / "tallies" / "mtl-grand.csv"
    original = tally.read_text()
    real_run_job = workers.run_job

    def edited_while_running(*args, **kwargs):
        tally.write_text(original.replace("Participants,120", "Participants,999"))
        try:
            return real_run_job(*args, **kwargs)
        finally:
            tally.write_text(original)

    def summary(outcomes):
        [outcome] = [o for o in outcomes if o.job.materials == ("summary",)]
        return outcome

    out = tmp_path / "out"
    request = {"regions": ["montreal"], "langs": ["fr"], "material_names": ["summary"]}
    monkeypatch.setattr(workers, "run_job", edited_while_running)
    first = summary(build(campaign_copy.root, out_dir=out, progress=False, **request))
    assert first.error is None
    monkeypatch.setattr(workers, "run_job", real_run_job)
    second = summary(build(campaign_copy.root, out_dir=out, progress=False, **request))
    assert not second.skipped, "the summary showing 999 participants was not kept as up to date"
    assert second.error is None
    assert first.stale and not second.stale, "the build says which outputs it will redo"


def test_a_new_price_in_postage_yaml_changes_the_fingerprint(campaign_copy):
    from tests.postage_campaign import with_postage

    with_postage(campaign_copy.root)
    notebook = paths.NOTEBOOKS / "presskit.ipynb"

    def fingerprint(place):
        return job_fingerprint(load_campaign(campaign_copy.root), notebook, place, {})

    before = {place: fingerprint(place) for place in ("montreal", "campaign")}
    campaign_copy.edit("postage.yaml", "usa: 10,", "usa: 11,")
    assert all(fingerprint(place) != stamp for place, stamp in before.items())


def test_a_change_of_the_kits_words_rebuilds():
    from campaignkit.paths import kit_files
    from campaignkit.text import catalog

    files = set(kit_files())
    assert all(catalog.catalog_path(lang) in files for lang in catalog.languages())
