"""Every page goes through its language's typography: the PDFs, not only the function."""

import pytest

from campaignkit import load_campaign, paths, produce
from tests.pdfs import pdf_text

MATERIALS = ("poster", "casebook", "letters", "cards", "tally")


@pytest.fixture(scope="module")
def montreal(tmp_path_factory):
    data = load_campaign(paths.DEFAULT_CAMPAIGN)
    out = tmp_path_factory.mktemp("typeset")
    return {
        (name, lang): pdf_text(produce(name, lang=lang, out_dir=out, data=data).path)
        for name in MATERIALS
        for lang in ("fr", "en")
    }


@pytest.mark.parametrize("name", MATERIALS)
def test_no_straight_apostrophe_in_french_pdfs(montreal, name):
    assert "'" not in montreal[name, "fr"]
    assert "’" in montreal[name, "fr"]


def test_the_poster_says_prenez_la_plume_with_its_space(montreal):
    text = " ".join(montreal["poster", "fr"].split())  # pdf_text folds the narrow space
    assert "Prenez la plume !" in text and "plume!" not in text


@pytest.mark.parametrize("name", MATERIALS)
def test_no_french_care_of_nor_space_before_colons_in_english_pdfs(montreal, name):
    text = montreal[name, "en"]
    assert "a/s" not in text
    assert " :" not in text and " ;" not in text
