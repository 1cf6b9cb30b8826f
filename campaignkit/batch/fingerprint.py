"""What a job is made from, as one hash: code, notebook, templates, data read, parameters."""

import hashlib
import json
from functools import cache
from pathlib import Path

from campaignkit import __version__, paths
from campaignkit.data.guard import UnsafeFile, read_data_bytes
from campaignkit.data.loader import CampaignData


def _hash_files(files) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(paths.display(path).encode())
        digest.update(_file_bytes(path))
    return digest.hexdigest()


def _file_bytes(path: Path) -> bytes:
    """A file's bytes; a FIFO, a device or a symlink loop is never read (check names it)."""
    try:
        return read_data_bytes(path, None, limit=1 << 40)
    except UnsafeFile as unsafe:
        return f"unsafe:{unsafe.code}".encode()


@cache
def code_hash() -> str:
    """The package and the templates (fonts included): any change rebuilds everything."""
    files = [*paths.PACKAGE.rglob("*.py"), *(p for p in paths.TEMPLATES.rglob("*") if p.is_file())]
    return _hash_files(files) + __version__


def _dump(model) -> object:
    return model.model_dump(mode="json")


def data_read_by(data: CampaignData, place: str) -> object:
    """The data a region's materials are printed from; a campaign-wide job reads it all."""
    common = {"campaign": _dump(data.campaign), "cases": [_dump(c) for c in data.cases.values()]}
    if place == "campaign":
        common["regions"] = [_dump(r) for r in data.regions.values()]
        common["events"] = [_dump(e) for e in data.events]
        tallies = list((data.root / "tallies").glob("*.*"))
    else:
        events = data.events_of(place)
        common["region"] = _dump(data.region(place))
        common["events"] = [_dump(e) for e in events]
        ids = {event.id for event in events}
        tallies = [p for p in (data.root / "tallies").glob("*.*") if p.stem in ids]
    common["tallies"] = _hash_files(tallies) if tallies else ""
    photos = [(data.root / case.photo.file).resolve() for case in data.cases.values() if case.photo]
    common["photos"] = _hash_files(photos) if photos else ""  # a new photo under the same name
    return common


def job_fingerprint(data: CampaignData, notebook: Path, place: str, parameters: dict) -> str:
    """One hash of everything a job's outputs depend on."""
    digest = hashlib.sha256()
    digest.update(code_hash().encode())
    digest.update(Path(notebook).read_bytes())
    record = {"data": data_read_by(data, place), "parameters": parameters}
    digest.update(json.dumps(record, sort_keys=True, default=str).encode())
    return digest.hexdigest()
