"""Safe saves: atomic, backed up, and refused when the file changed on disk."""

import os

import pytest

from campaignkit.data import savefile
from campaignkit.exceptions import FileChanged


def test_save_replaces_keeps_a_backup_and_the_mode(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(b"old\n")
    os.chmod(path, 0o640)
    snapshot = savefile.load(path)
    saved = savefile.save(snapshot, b"new\n", tmp_path)
    assert path.read_bytes() == b"new\n" and saved.data == b"new\n"
    assert path.stat().st_mode & 0o777 == 0o640
    backups = list((tmp_path / ".backups").glob("events.csv.*"))
    assert [b.read_bytes() for b in backups] == [b"old\n"]
    assert not list(tmp_path.glob(".events.csv.*.tmp")), "no temporary file left"


def test_save_refuses_when_the_file_changed_since_loaded(tmp_path):
    path = tmp_path / "events.csv"
    path.write_bytes(b"old\n")
    snapshot = savefile.load(path)
    path.write_bytes(b"changed by someone else\n")
    with pytest.raises(FileChanged):
        savefile.save(snapshot, b"mine\n", tmp_path)
    assert path.read_bytes() == b"changed by someone else\n"


def test_a_file_created_meanwhile_is_a_change_too(tmp_path):
    snapshot = savefile.load(tmp_path / "tallies" / "a.csv")
    assert snapshot.data is None
    (tmp_path / "tallies").mkdir()
    (tmp_path / "tallies" / "a.csv").write_text("x")
    with pytest.raises(FileChanged):
        savefile.save(snapshot, b"y", tmp_path)


def test_new_file_and_unchanged_save(tmp_path):
    path = tmp_path / "tallies" / "a.csv"
    saved = savefile.save(savefile.load(path), b"x\n", tmp_path)
    assert path.read_bytes() == b"x\n"
    mtime = path.stat().st_mtime_ns
    assert savefile.save(saved, b"x\n", tmp_path) == saved
    assert path.stat().st_mtime_ns == mtime, "saving without a change writes nothing"
    assert not (tmp_path / ".backups").exists()


def test_only_the_newest_backups_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(savefile, "KEEP", 3)
    path = tmp_path / "a.csv"
    path.write_bytes(b"0")
    snapshot = savefile.load(path)
    for n in range(1, 7):
        snapshot = savefile.save(snapshot, str(n).encode(), tmp_path)
    kept = sorted(p.read_bytes() for p in (tmp_path / ".backups").iterdir())
    assert kept == [b"3", b"4", b"5"]


def test_a_windows_1252_file_loads_as_text(tmp_path):
    from campaignkit.data import savefile

    path = tmp_path / "events.csv"
    path.write_bytes("id;venue\r\nsher;Bibliothèque Éva-Senécal\r\n".encode("cp1252"))
    assert savefile.load(path).text == "id;venue\r\nsher;Bibliothèque Éva-Senécal\r\n"


def test_a_version_is_restored_byte_for_byte_and_can_be_undone(tmp_path):
    from campaignkit.data import savefile

    path = tmp_path / "tallies" / "shaw-cafe.csv"
    path.parent.mkdir()
    first = "Participants;23\r\nÉvénement / Event;shaw-cafe\r\n".encode("cp1252")
    path.write_bytes(first)
    snapshot = savefile.save(savefile.load(path), first.replace(b"23", b"25"), tmp_path)
    (kept,) = (tmp_path / savefile.BACKUPS / "tallies").glob("shaw-cafe.csv.*")
    snapshot = savefile.restore(snapshot, kept, tmp_path)
    assert path.read_bytes() == first == snapshot.data
    assert len(list((tmp_path / savefile.BACKUPS / "tallies").glob("shaw-cafe.csv.*"))) == 2
