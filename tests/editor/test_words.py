"""What a coordinator reads in the workbook, on a copy of the sample campaign (cases/2023)."""

import re
import shutil

import ipywidgets as w
import pytest

from campaignkit import load_campaign, paths
from campaignkit.editor.app import Editor
from campaignkit.materials.poster import poster_context


@pytest.fixture
def sample(tmp_path):
    """A writable copy of cases/2023."""
    root = tmp_path / "2023"
    shutil.copytree(paths.DEFAULT_CAMPAIGN, root)
    return root


@pytest.fixture
def estrie(sample):
    return Editor(sample, region="estrie", preview_delay=0)


def red(editor, key) -> set[str]:
    """The fields of event `key` that show an error."""
    return {
        column for (k, column), error in editor.events.errors.items() if k == key and error.value
    }


def test_a_new_events_touched_fields_stay_red_and_the_others_quiet_across_switches(estrie):
    estrie.events.add.click()
    quiet = estrie.session.events.keys_of("estrie")[-1]
    estrie.events.add.click()
    key = estrie.session.events.keys_of("estrie")[-1]
    assert key != quiet
    inputs = estrie.events.inputs
    inputs[key, "title_fr"].value = "x" * 300
    inputs[key, "venue"].value = "x"
    inputs[key, "venue"].value = ""
    assert red(estrie, key) == {"title_fr", "venue"} and red(estrie, quiet) == set()
    estrie.region_choice.value = "mauricie"
    estrie.region_choice.value = "estrie"
    assert red(estrie, key) == {"title_fr", "venue"}, "what was red stays red"
    assert red(estrie, quiet) == set(), "nothing red on an untouched new event"
    estrie.lang_choice.value = "en"
    assert red(estrie, key) == {"title_fr", "venue"} and red(estrie, quiet) == set()
    assert "300 characters" in estrie.events.errors[key, "title_fr"].value
    estrie.events.inputs[quiet, "city"].value = "Magog"
    assert red(estrie, quiet) == set(), "a field filled in correctly is not red"
    estrie.events.inputs[quiet, "city"].value = ""
    assert red(estrie, quiet) == {"city"}


def test_hours_in_the_workbook_and_on_the_poster_do_not_break(estrie, sample):
    """« 16 h » on a phone-wide page: a no-break space between the number and « h »."""
    key = estrie.session.events.keys_of("estrie")[0]
    heading = estrie.events.inputs[key, "_heading"].value
    assert "samedi 9 décembre 2023, 10\u00a0h à 16\u00a0h" in heading
    estrie.tabs.selected_index = 2
    labels = [label for label, _ in estrie.tallies.event_options()]
    assert any("9 décembre 2023, 10\u00a0h" in label for label in labels), labels
    estrie.lang_choice.value = "en"
    heading = estrie.events.inputs[key, "_heading"].value
    assert "10\u00a0a.m. to 4\u00a0p.m." in heading
    data = load_campaign(sample)
    for lang, said in (("fr", "10\u00a0h à 16\u00a0h"), ("en", "10\u00a0a.m. to 4\u00a0p.m.")):
        events = poster_context(data, "estrie", lang)["events"]
        assert said in events[0]["when"], events[0]["when"]


# What no coordinator should read: a file's name, a folder of the kit, a tool.
MACHINE = re.compile(
    r"\.(csv|ya?ml|xlsx|po|ipynb)\b|cases/|tallies/|campaignkit|papermill|msgstr|/tmp/"
)


def edit(path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_problems_in_files_are_said_in_the_page_s_words(sample, lang):
    """Problems in files the page does not edit: which list, which row, which field, what to
    do, with no file or tool name; the command line keeps the paths for staff."""
    edit(sample / "regions.csv", "estrie,05,", "estrie,5,")
    edit(sample / "campaign.yaml", "  - wetsuweten\n", "  - wetsuweten\n  - nobody-here\n")
    edit(sample / "cases" / "rocky-myers.yaml", "\nname:", "\nnickname: Rocky\nname:")
    editor = Editor(sample, region="estrie", lang=lang, preview_delay=0)
    banner = editor.problems.value
    regions, campaign = {
        "fr": ("La liste des régions, ligne 6, champ « code de région »", "Les informations de"),
        "en": ("The list of regions, row 6, field 'region code'", "The campaign's details"),
    }[lang]
    assert regions in banner and campaign in banner
    assert {"fr": "À corriger ailleurs que dans ce cahier", "en": "To be fixed outside"}[
        lang
    ] in banner
    choose = {"fr": "choisissez un des cas de la campagne", "en": "choose one of the campaign's"}
    assert choose[lang] in banner
    editor.tabs.selected_index = 1
    editor.cases.chooser.value = "rocky-myers"
    others = editor.cases.other.value
    case = {
        "fr": "Le cas rocky-myers, champ « nickname »",
        "en": "The case rocky-myers, field 'nickname'",
    }
    assert case[lang] in others
    assert {"fr": "Autres problèmes de ce cas", "en": "Other problems of this case"}[lang] in others
    editor.produce.run()
    produce = editor.produce.notice.html.value
    assert {"fr": "La liste des régions", "en": "The list of regions"}[lang] in produce
    for text in (banner, others, produce):
        assert not MACHINE.search(text), MACHINE.search(text)
        assert not re.search(r"\b(fichiers?|files?)\b", text), text
    for problem in editor.session.problems:  # staff's command line: the file, as written
        assert re.search(r"\.(csv|yaml)\b", problem.text(lang)), problem.text(lang)


def test_a_list_of_events_that_cannot_be_used_is_said_on_the_events_tab(sample):
    edit(sample / "events.csv", ",venue,", ",place,")
    editor = Editor(sample, region="estrie", preview_delay=0)
    said = " ".join(c.value for c in editor.events.box.children if isinstance(c, w.HTML))
    assert "La liste des événements, champ « Lieu » : colonne manquante « venue »" in said
    assert not MACHINE.search(said) and editor.events.save.disabled


def test_a_campaign_in_a_language_the_kit_lacks_opens_and_says_so(sample):
    """A language the kit has no words for (German here) stopped the workbook on a missing
    interface word; it now opens, names languages in words and says what to do."""
    edit(sample / "campaign.yaml", "languages: [fr, en]", "languages: [fr, en, de]")
    editor = Editor(sample, region="estrie", preview_delay=0)
    banner = editor.problems.value
    assert "Les informations de la campagne, champ « langues de la campagne »" in banner
    ready = "(langues prêtes : français, anglais, espagnol)"
    assert "retirez « de » des langues de la campagne " + ready in banner
    assert not MACHINE.search(banner)
    assert "allemand" in [label for label, _ in editor.preview.lang.options]


def test_a_trilingual_campaign_opens_with_its_languages_named(tmp_path):
    """The kit prints in Spanish too: the workbook names it « espagnol » wherever it lists the
    campaign's languages (it stopped on a missing editor.lang_es)."""
    root = tmp_path / "trilingual"
    shutil.copytree(paths.ROOT / "tests" / "fixtures" / "trilingual", root)
    editor = Editor(root, region="montreal", preview_delay=0)
    assert editor.problems.value == ""
    titles = [label for (_, column), label in editor.events.labels.items() if column == "title_es"]
    assert titles and set(titles) == {"Titre (espagnol)"}
    assert [box.description for box in editor.produce.langs.values()][-1] == "espagnol"
    assert ("espagnol", "es") in editor.preview.lang.options
