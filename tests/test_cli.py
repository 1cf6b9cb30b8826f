import subprocess
import sys

import pytest

from campaignkit.cli import main
from tests.catalogs import mark, marked_catalogs
from tests.pdfs import page_count


def run_cli(*args, lang="en", cwd=None):
    env = {"CAMPAIGNKIT_LANG": lang, "PATH": "/usr/bin:/bin", "CAMPAIGNKIT_KEEP_KERNELS": "0"}
    command = [sys.executable, "-m", "campaignkit.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, cwd=cwd)


def test_check_ok_prints_one_summary_line(mini):
    result = run_cli("check", str(mini))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().count("\n") == 0
    assert "2 cases, 3 regions, 3 events" in result.stdout


def test_check_lists_every_problem_and_exits_1(campaign_copy):
    campaign_copy.edit("events.csv", "tr-biblio,mauricie", "tr-biblio,mauricy")
    campaign_copy.edit("events.csv", "Evening at the café,2023-12-05", ",2023-12-05")
    campaign_copy.edit("events.csv", "2023-12-09,11:00", "2023-13-45,11:00")
    result = run_cli("check", str(campaign_copy.root))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "events.csv, row 4, field region: unknown region 'mauricy'" in result.stdout
    assert "events.csv, row 3, field title_en: text missing in English" in result.stdout
    assert "events.csv, row 2, field date: invalid date '2023-13-45'" in result.stdout
    french = run_cli("check", str(campaign_copy.root), lang="fr")
    assert "ligne 4, champ region : région inconnue « mauricy »" in french.stdout


def test_build_writes_the_poster_and_the_executed_notebook(mini, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    args = ["build", str(mini), "--region", "montreal", "--lang", "en", "--jobs", "1"]
    assert main([*args, "--material", "poster", "--out-dir", str(tmp_path)]) == 0
    assert page_count(tmp_path / "mini" / "montreal" / "poster-en.pdf") == 1
    assert (tmp_path / "mini" / "notebooks" / "montreal" / "poster-en.ipynb").is_file()
    assert "Jobs done: 1; up to date: 0; failed: 0." in capsys.readouterr().out


def test_build_of_unknown_region_is_a_clear_error(mini, capsys, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    assert main(["build", str(mini), "--region", "atlantis"]) == 2
    assert "unknown region 'atlantis'" in capsys.readouterr().err


def test_results_lists_reads_missing_and_totals_then_exports(mini, tmp_path):
    result = run_cli("results", str(mini), "--out-dir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Tally files read: 2 of 2;" in result.stdout
    assert "tests/fixtures/mini/tallies/tr-biblio.xlsx" in result.stdout
    assert "Events with no tally yet: 1.\n- mtl-cafe" in result.stdout
    assert "2,057 actions" in result.stdout
    assert (tmp_path / "mini" / "campaign" / "results.csv").is_file()
    french = run_cli("results", str(mini), "--out-dir", str(tmp_path), lang="fr")
    assert "2 057 actions" in french.stdout.replace("\u00a0", " ")


def test_a_relative_out_dir_is_made_in_the_working_folder_not_in_the_kit(mini, tmp_path):
    """Run from another folder, `--out-dir exports` once wrote into the kit's own folder."""
    from campaignkit import paths

    result = run_cli("results", str(mini), "--out-dir", "exports-of-a-test", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "exports-of-a-test" / "mini" / "campaign" / "results.csv").is_file()
    assert not (paths.ROOT / "exports-of-a-test").exists()


def test_results_with_one_bad_cell_exits_1_and_still_reads_the_others(campaign_copy, tmp_path):
    campaign_copy.edit("tallies/mtl-grand.csv", "ana,210,185", "ana,210,1 8 5")
    result = run_cli("results", str(campaign_copy.root), "--out-dir", str(tmp_path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "mtl-grand.csv, row 6, column C, field cards: not a number: '1 8 5'" in result.stdout
    assert "Tally files read: 1 of 2;" in result.stdout
    assert "tallies/tr-biblio.xlsx — Mauricie, 38 participants, 243 actions" in result.stdout
    assert not (tmp_path / "mini" / "campaign" / "results.csv").exists()


def test_build_fails_only_the_summary_whose_tally_is_bad(
    campaign_copy, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", "en")
    campaign_copy.edit("tallies/mtl-grand.csv", "Participants,120", "Participants,cent vingt")
    args = [
        "build",
        str(campaign_copy.root),
        "--lang",
        "en",
        "--jobs",
        "1",
        "--out-dir",
        str(tmp_path),
    ]
    assert main([*args, "--material", "summary", "--material", "campaign-summary"]) == 1
    out = capsys.readouterr().out
    assert "Jobs done: 1; up to date: 0; failed: 2." in out
    assert "mtl-grand.csv, row 3, column B, field participants: not a number: 'cent vingt'" in out
    assert page_count(tmp_path / "mini" / "mauricie" / "summary-en.pdf") == 2


def test_build_with_out_dir_writes_nothing_into_the_repository(campaign_copy, tmp_path):
    from tests.data.test_photos import repository_state, with_photo

    root = with_photo(campaign_copy, (4000, 3000))  # downscaled, hence cached, when printed
    before = repository_state()
    args = ["build", str(root), "--region", "montreal", "--lang", "fr", "--jobs", "1"]
    assert main([*args, "--material", "casebook", "--out-dir", str(tmp_path)]) == 0
    assert list((tmp_path / ".cache" / "photos").glob("*.jpg")), "the cache is in --out-dir"
    assert repository_state() == before


def test_check_says_where_a_bad_email_or_phone_is_in_both_languages(campaign_copy):
    campaign_copy.edit("events.csv", "Test,mtl@example.org", "Test,karim.benali@exemple")
    campaign_copy.edit("regions.csv", "514 555-0101", "555-01")
    campaign_copy.edit("campaign.yaml", "test@example.org", "test at example")
    english = run_cli("check", str(campaign_copy.root))
    french = run_cli("check", str(campaign_copy.root), lang="fr")
    for result in (english, french):
        assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert (
        "events.csv, row 2, field contact_email: invalid e-mail address 'karim.benali@exemple'"
        in english.stdout
    )
    assert "regions.csv, row 2, field coordinator_phone: invalid phone number '555-01'" in (
        english.stdout
    )
    assert "field organization.email: invalid e-mail address 'test at example'" in english.stdout
    assert (
        "events.csv, ligne 2, champ contact_email : adresse courriel invalide "
        "« karim.benali@exemple ». À faire : écrivez une adresse complète" in french.stdout
    )
    assert "champ coordinator_phone : numéro de téléphone invalide « 555-01 »" in french.stdout


@pytest.mark.parametrize(
    ("lang", "said", "foreign"),
    [
        ("fr", "secondes qu'une cellule d'un carnet peut durer", "seconds a notebook cell"),
        ("en", "seconds a notebook cell may run", "secondes qu'une cellule"),
    ],
)
def test_the_help_is_said_from_the_catalog_in_one_language(
    lang, said, foreign, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", lang)
    with marked_catalogs(tmp_path / "locale"), pytest.raises(SystemExit) as done:
        main(["build", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert done.value.code == 0
    assert mark("cli.help.timeout") + said in shown
    assert mark("cli.help.region") in shown and foreign not in shown
