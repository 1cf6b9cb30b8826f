"""Which folders this user's tools may remove, on real folders, links and owners."""

import os

from campaignkit.files import own_folder


def test_own_folder_is_a_real_folder_of_this_user(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (tmp_path / "link").symlink_to(folder, target_is_directory=True)
    (tmp_path / "file").write_text("not a folder")
    assert own_folder(folder).st_ino == folder.stat().st_ino
    assert own_folder(tmp_path / "link") is None, "a link: what it points to is not ours to remove"
    assert own_folder(tmp_path / "file") is None
    assert own_folder(tmp_path / "missing") is None


def test_another_users_folder_is_not_ours(tmp_path, monkeypatch):
    folder = tmp_path / "theirs"
    folder.mkdir()
    monkeypatch.setattr(os, "getuid", lambda: folder.stat().st_uid + 1)  # we are someone else
    assert own_folder(folder) is None
