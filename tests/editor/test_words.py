"""What a coordinator reads in the workbook, on a copy of the sample campaign (cases/2023)."""

import shutil

import pytest

from campaignkit import paths
from campaignkit.editor.app import Editor


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
