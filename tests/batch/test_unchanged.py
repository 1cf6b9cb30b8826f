"""A build with nothing to do says so before it reads the campaign; any change, to the
campaign, the kit or the outputs, goes the usual way, where the fingerprints decide."""

import os
import shutil

import pytest

from campaignkit.batch import unchanged
from campaignkit.cli import main
from tests.conftest import FIXTURES

ASKED = ["--material", "poster", "--lang", "fr"]


@pytest.fixture(autouse=True)
def french(monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "fr")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The mini campaign's French posters, built once by the command."""
    root = tmp_path_factory.mktemp("campaign") / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(root), "--out-dir", str(out), *ASKED]) == 0
    return root, out


def build(built, capsys, *extra) -> str:
    root, out = built
    assert main(["build", str(root), "--out-dir", str(out), *ASKED, *extra]) == 0
    return capsys.readouterr().out


def asked(built, regions=()):
    return unchanged.request(built[0], regions, ["fr"], ["poster"])


def nothing_read(monkeypatch):
    """Fail the test if the campaign is read or a job planned."""

    def read(*_, **__):
        raise AssertionError("the campaign was read")

    monkeypatch.setattr("campaignkit.data.loader.load_campaign", read)
    monkeypatch.setattr("campaignkit.batch.build.load_campaign", read)


def test_the_same_build_again_answers_without_reading_the_campaign(built, capsys, monkeypatch):
    assert unchanged.jobs_up_to_date(asked(built), built[1]) == 3
    nothing_read(monkeypatch)
    assert "Tâches réussies : 0 ; déjà à jour : 3 ; en échec : 0." in build(built, capsys)


def test_another_request_is_planned_as_usual(built):
    assert unchanged.jobs_up_to_date(asked(built, ["montreal"]), built[1]) is None


def test_a_campaign_file_touched_is_planned_and_the_fingerprints_decide(built, capsys):
    events = built[0] / "events.csv"
    os.utime(events)  # the same bytes, newer
    assert unchanged.jobs_up_to_date(asked(built), built[1]) is None
    said = build(built, capsys)
    assert "Tâches réussies : 0 ; déjà à jour : 3" in said
    assert unchanged.jobs_up_to_date(asked(built), built[1]) == 3, "recorded again"


def test_an_output_deleted_is_made_again(built, capsys):
    poster = built[1] / "mini" / "mauricie" / "poster-fr.pdf"
    poster.unlink()
    assert unchanged.jobs_up_to_date(asked(built), built[1]) is None
    said = build(built, capsys)
    assert "Tâches réussies : 1 ; déjà à jour : 2" in said
    assert poster.is_file()


def test_a_kit_file_changed_is_planned_as_usual(built, tmp_path, monkeypatch):
    """The kit is hashed once per process (printing/kit.py): a command sees the kit it runs."""
    from campaignkit import paths
    from campaignkit.printing.kit import code_hash

    template = tmp_path / "extra.css"
    template.write_text("p { color: black }")
    kit = paths.kit_files()
    monkeypatch.setattr(paths, "kit_files", lambda: [*kit, template])
    try:
        code_hash.cache_clear()
        before = unchanged.sources(built[0], built[1])
        template.write_text("p { color: red }")
        code_hash.cache_clear()
        assert unchanged.sources(built[0], built[1]) != before
    finally:
        code_hash.cache_clear()  # the real kit again for the tests after this one


def test_a_change_made_while_a_build_runs_is_never_recorded_as_built(built):
    """The record keeps what the build read, not what the folder holds when it ends."""
    root, out = built
    read = unchanged.sources(root, out)
    campaign = root / "campaign.yaml"
    campaign.write_text(campaign.read_text() + "\n# edited during the build\n")
    unchanged.remember(asked(built), out, "mini", 3, read)
    assert unchanged.jobs_up_to_date(asked(built), out) is None


def test_a_failed_build_leaves_no_record(built):
    from campaignkit.batch.build import Job, Outcome, remember

    root, out = built
    job = Job("poster.ipynb", "montreal", "fr", ("poster",))
    unchanged.remember(asked(built), out, "mini", 3, unchanged.sources(root, out))
    assert unchanged.jobs_up_to_date(asked(built), out) == 3
    failed = Outcome(job, out, "PreflightFailed: …")
    remember(asked(built), [failed], out, "mini", unchanged.sources(root, out))
    assert unchanged.jobs_up_to_date(asked(built), out) is None
