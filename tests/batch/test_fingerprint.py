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


def test_a_change_of_the_kits_words_rebuilds():
    from campaignkit.batch.fingerprint import code_files
    from campaignkit.text import catalog

    files = set(code_files())
    assert all(catalog.catalog_path(lang) in files for lang in catalog.languages())
