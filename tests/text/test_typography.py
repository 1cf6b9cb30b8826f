"""Typography per language, checked on every text of the sample campaign and of the catalog."""

import re

import pytest

from campaignkit import load_campaign, paths
from campaignkit.text import catalog
from campaignkit.text.typography import NBSP, NNBSP, typeset, typeset_text


def texts_of(value, lang: str):
    """Every text in `lang` inside a dumped model: the values of {fr: …, en: …} mappings."""
    if isinstance(value, dict):
        if lang in value and isinstance(value[lang], str):
            yield value[lang]
        for item in value.values():
            yield from texts_of(item, lang)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_of(item, lang)


@pytest.fixture(scope="module")
def sample():
    return load_campaign(paths.DEFAULT_CAMPAIGN)


def every_text(data, lang: str) -> list[str]:
    models = [data.campaign, *data.cases.values(), *data.regions.values(), *data.events]
    found = [text for model in models for text in texts_of(model.model_dump(), lang)]
    kit = [t for v in catalog.words(lang).values() for t in (v if isinstance(v, list) else [v])]
    return found + kit


def test_every_french_text_gets_french_typography(sample):
    texts = every_text(sample, "fr")
    assert len(texts) > 250
    for text in texts:
        shown = typeset_text(text, "fr")
        assert "'" not in shown, shown
        assert not re.search(r"[^\u202f][;!?](\s|$)", shown), shown
        assert not re.search(r"[^\u00a0]:(\s|$)", shown), shown
        assert not re.search(r"«[^\u00a0]|[^\u00a0]»", shown), shown
        assert not re.search(r"\d \d{3}\b|\d h\b", shown), shown


def test_every_english_text_gets_english_typography(sample):
    texts = every_text(sample, "en")
    assert len(texts) > 250
    for text in texts:
        shown = typeset_text(text, "en")
        assert not re.search(r"['\"]", shown), shown
        assert not re.search(r"\s[:;!?](\s|$)", shown), shown
        assert not re.search(r"\ba/s\b", shown), shown


def test_the_rules_french_readers_check_first():
    assert typeset_text("Prenez la plume!", "fr") == f"Prenez la plume{NNBSP}!"
    assert typeset_text("Organisez un marathon d'écriture !", "fr").endswith(f"écriture{NNBSP}!")
    assert typeset_text("« belles fêtes »", "fr") == f"«{NBSP}belles fêtes{NBSP}»"
    assert typeset_text("5 300 000 actions, 11 h à 18 h 30", "fr") == (
        f"5{NNBSP}300{NNBSP}000 actions, 11{NBSP}h à 18{NBSP}h{NBSP}30"
    )
    assert typeset_text("coordinator : Jane", "en") == "coordinator: Jane"
    assert typeset_text("a/s Amnesty", "en") == "c/o Amnesty"
    assert typeset_text('it\'s "fine"', "en") == "it’s “fine”"


def test_markup_styles_and_addresses_are_left_alone():
    link = '<a href="https://e.org/?a=1">ici</a>'
    html = f'<style>a:b{{c:d}}</style><p title="x : y">l&#39;été : {link} !</p>'
    shown = typeset(html, "fr")
    assert shown.startswith('<style>a:b{c:d}</style><p title="x : y">l’été\u00a0:')
    assert 'href="https://e.org/?a=1"' in shown and f"</a>{NNBSP}!" in shown
    assert typeset("<p>AT&amp;T ; 10:00</p>", "fr") == f"<p>AT&amp;T{NNBSP}; 10:00</p>"
