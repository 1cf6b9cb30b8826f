"""Patching one value of a hand-written YAML file changes only that value's lines."""

import pytest
import yaml

from campaignkit.data.yamlpatch import PatchError, get, set_value
from campaignkit.paths import DEFAULT_CAMPAIGN
from tests.conftest import MINI
from tests.data.test_csvfile import changed_lines

CASE_FILES = sorted((DEFAULT_CAMPAIGN / "cases").glob("*.yaml")) + sorted(
    (MINI / "cases").glob("*.yaml")
)
PATHS = [
    ("name",),
    ("country", "fr"),
    ("blurb", "en"),
    ("story", "fr"),
    ("target", "salutation", "en"),
    ("letter", "fr"),
    ("card", "message", "en"),
]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_same_value_same_text_and_one_edit_one_line(path):
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for key in PATHS:
        assert set_value(text, key, get(data, key)) == text
        value = get(data, key) + " Ajout : « deux-points », # dièse, 'apostrophe' & \"guillemets\""
        after = set_value(text, key, value)
        assert get(yaml.safe_load(after), key) == value
        lines = changed_lines(text, after)
        assert len(lines) == 2, (key, lines)


def test_block_text_keeps_its_style_and_blank_lines():
    text = (DEFAULT_CAMPAIGN / "cases" / "wetsuweten.yaml").read_text(encoding="utf-8")
    after = set_value(text, ("letter", "fr"), "Premier paragraphe.\n\nSecond paragraphe.")
    assert "  fr: |-\n    Premier paragraphe.\n\n    Second paragraphe.\n  en: |-" in after
    assert yaml.safe_load(after)["letter"]["en"] == yaml.safe_load(text)["letter"]["en"]


def test_missing_translation_is_added_beside_its_sibling():
    text = 'demand: {fr: "Annulez."}\nnext: 1\n'
    assert set_value(text, ("demand", "en"), "Overturn.") == (
        'demand: {fr: "Annulez.", en: "Overturn."}\nnext: 1\n'
    )
    block = "letter:\n  fr: |-\n    Ligne.\n\nnext: 1  # comment\n"
    assert set_value(block, ("letter", "en"), "Line.") == (
        "letter:\n  fr: |-\n    Ligne.\n  en: |-\n    Line.\n\nnext: 1  # comment\n"
    )


def test_comments_and_quotes_around_the_value_stay():
    text = "a: 'x'  # keep me\nb: plain\n"
    assert set_value(text, ("a",), "it's") == "a: 'it''s'  # keep me\nb: plain\n"
    assert set_value(text, ("b",), "a: b") == "a: 'x'  # keep me\nb: \"a: b\"\n"


def test_a_value_under_a_null_cannot_be_written():
    with pytest.raises(PatchError):
        set_value("photo: null\n", ("photo", "alt", "fr"), "x")
