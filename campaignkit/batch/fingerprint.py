"""What a job is made from, as one hash: code, notebook, templates, data read, parameters."""

import hashlib
import json
import os
import stat
from functools import cache
from pathlib import Path

from campaignkit import __version__, paths
from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.data.loader import CampaignData
from campaignkit.data.tallies import tallies_of, tally_files


def _hash_files(files) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(paths.display(path).encode())
        digest.update(_file_bytes(path))
    return digest.hexdigest()


def code_files() -> list:
    """The package's code and word catalogs, and the templates (fonts included)."""
    code = [*paths.PACKAGE.rglob("*.py"), *paths.PACKAGE.rglob("*.po")]
    return code + [p for p in paths.TEMPLATES.rglob("*") if p.is_file()]


def _file_bytes(path: Path) -> bytes:
    """A file's bytes; a FIFO, a device or a symlink loop is never read (check names it)."""
    try:
        return read_data_bytes(path, None, limit=1 << 40)
    except UnsafeFile as unsafe:
        return f"unsafe:{unsafe.code}".encode()


@cache
def code_hash() -> str:
    """Any change to code, words or templates rebuilds everything."""
    return _hash_files(code_files()) + __version__


def _dump(model) -> object:
    return model.model_dump(mode="json")


def data_read_by(data: CampaignData, place: str) -> object:
    """The data a region's materials are printed from; a campaign-wide job reads it all."""
    common = {"campaign": _dump(data.campaign), "cases": [_dump(c) for c in data.cases.values()]}
    if place == "campaign":
        common["regions"] = [_dump(r) for r in data.regions.values()]
        common["events"] = [_dump(e) for e in data.events]
    else:
        common["region"] = _dump(data.region(place))
        common["events"] = [_dump(e) for e in data.events_of(place)]
    tallies = tallies_read_by(data, place)
    common["tallies"] = _hash_files(tallies) if tallies else ""
    photos = [(data.root / case.photo.file).resolve() for case in data.cases.values() if case.photo]
    common["photos"] = _hash_files(photos) if photos else ""  # a new photo under the same name
    common["postage"] = _dump(data.postage) if data.postage else None  # postage.yaml
    return common


def job_fingerprint(data: CampaignData, notebook: Path, place: str, parameters: dict) -> str:
    """One hash of everything a job's outputs depend on."""
    digest = hashlib.sha256()
    digest.update(code_hash().encode())
    digest.update(Path(notebook).read_bytes())
    record = {"data": data_read_by(data, place), "parameters": parameters}
    digest.update(json.dumps(record, sort_keys=True, default=str).encode())
    return digest.hexdigest()


def tallies_read_by(data: CampaignData, place: str) -> list[Path]:
    """The tally files a place's summary reads, matched as the tally reader matches them."""
    files = tally_files(data)
    if place == "campaign":
        return files
    claimed = set(tallies_of(data).files_of(data, place))
    ids = {event.id for event in data.events_of(place)}
    return [p for p in files if paths.display(p) in claimed or p.stem.lower() in ids]


def inputs_signature(root: Path, outputs: Path | None = None) -> str:
    """One hash of every file of a campaign folder as it is now: names, bytes, and the
    size, time and inode of each, so that a file rewritten, even to what it was, shows.

    Taken before the campaign is read and again after each job: when the two differ, a
    job may have read other bytes than those its fingerprint was taken from. An outputs
    folder inside the campaign folder is left out.
    """
    digest = hashlib.sha256()
    skip = Path(outputs).resolve() if outputs else None
    for parent, folders, files in os.walk(root):
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".") and Path(parent, name).resolve() != skip
        )
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue
            path = Path(parent, name)
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(_file_signature(path).encode() + b"\0")
    return digest.hexdigest()


def _file_signature(path: Path) -> str:
    """Size, time, inode and bytes of a regular file; what it is, for anything else."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return f"not a file {stat.S_IFMT(info.st_mode)}"
        content = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable {error.errno}"
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ino} {content}"
