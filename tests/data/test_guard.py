"""The one door data files are read through: regular files inside the campaign, bounded."""

import os

import pytest

from campaignkit.data.guard import UnsafeFile, read_data_bytes, regular_file
from campaignkit.text.catalog import word
from tests.hostile import fifo, symlink_loop

LANGS = ("fr", "en")


def refusal(call) -> UnsafeFile:
    with pytest.raises(UnsafeFile) as caught:
        call()
    return caught.value


def test_a_regular_file_inside_is_read(tmp_path):
    (tmp_path / "events.csv").write_bytes(b"id\n")
    assert read_data_bytes(tmp_path / "events.csv", tmp_path) == b"id\n"


def test_a_symlink_that_stays_inside_is_read(tmp_path):
    (tmp_path / "originals").mkdir()
    (tmp_path / "originals" / "events.csv").write_bytes(b"id\n")
    os.symlink(tmp_path / "originals" / "events.csv", tmp_path / "events.csv")
    assert read_data_bytes(tmp_path / "events.csv", tmp_path) == b"id\n"


def test_a_fifo_is_refused_without_waiting(tmp_path):
    refused = refusal(lambda: read_data_bytes(fifo(tmp_path / "events.csv"), tmp_path))
    assert refused.code == "not_regular_file"
    assert refused.params == {"value": "events.csv", "kind": "problem.kind.fifo"}
    said = {lang: word("problem.not_regular_file", lang, **refused.params) for lang in LANGS}
    assert said == {
        "fr": "« events.csv » est un tube nommé (FIFO), pas un fichier ordinaire : "
        "le lire pourrait bloquer",
        "en": "'events.csv' is a named pipe (FIFO), not a regular file: reading it could block",
    }


def test_a_device_is_refused():
    refused = refusal(lambda: regular_file("/dev/zero", "/dev"))
    assert (refused.code, refused.params["kind"]) == ("not_regular_file", "problem.kind.device")


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "x.yaml").mkdir()
    refused = refusal(lambda: read_data_bytes(tmp_path / "x.yaml", tmp_path))
    assert word(refused.params["kind"], "en") == "a folder"


def test_a_symlink_loop_is_refused(tmp_path):
    refused = refusal(lambda: read_data_bytes(symlink_loop(tmp_path / "a.csv"), tmp_path))
    assert (refused.code, refused.params) == ("symlink_loop", {"value": "a.csv"})


def test_a_symlink_leading_out_is_refused_before_reading(tmp_path):
    campaign, outside = tmp_path / "campaign", tmp_path / "private.csv"
    campaign.mkdir()
    outside.write_bytes(b"secret\n")
    os.symlink(outside, campaign / "events.csv")
    refused = refusal(lambda: read_data_bytes(campaign / "events.csv", campaign))
    assert refused.code == "outside_folder" and "secret" not in str(refused)


def test_a_file_over_the_limit_is_refused(tmp_path):
    (tmp_path / "big.csv").write_bytes(b"x" * 101)
    refused = refusal(lambda: read_data_bytes(tmp_path / "big.csv", tmp_path, limit=100))
    assert refused.code == "file_too_large"


def test_a_missing_file_is_still_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_data_bytes(tmp_path / "absent.csv", tmp_path)
