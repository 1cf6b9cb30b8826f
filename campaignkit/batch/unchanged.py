"""A build with nothing to do, known before the campaign is read.

The last build that ended with every output made and checked records the state of all it
was made from (the campaign folder, the kit, the notebooks) and of all it left in the
outputs folder. When the same request finds all of it as that build left it, every
output is up to date: `campaignkit build` says so at once, without reading the campaign,
computing fingerprints or importing the rendering stack. Any change, even a file touched
or an output deleted, goes the usual way, where the fingerprints decide.
"""

import hashlib
import json
import os
from pathlib import Path

from campaignkit import paths
from campaignkit.data.signature import inputs_signature
from campaignkit.files import write_atomically
from campaignkit.printing.kit import code_hash, notebooks_hash

RECORD = ".last-builds.json"  # in the outputs folder: per campaign folder, its last full build


def request(campaign, regions=(), langs=(), material_names=()) -> dict:
    """What a build was asked for, as the record compares it (the defaults as given)."""
    return {
        "campaign": paths.resolve(campaign).as_posix(),
        "regions": sorted(regions or ()),
        "langs": sorted(langs or ()),
        "materials": sorted(material_names or ()),
    }


def sources(campaign, out_dir, inputs: str | None = None) -> str:
    """One hash of what a build is made from: the campaign folder (`inputs`, its
    data.signature when taken already), the kit and the notebooks (their bytes)."""
    source, outputs = paths.resolve(campaign), paths.resolve(out_dir)
    inputs = inputs or inputs_signature(source, outputs)
    return hashlib.sha256(f"{inputs} {code_hash()} {notebooks_hash()}".encode()).hexdigest()


def made(out_dir, campaign_id: str) -> str:
    """One hash of every file in the campaign's outputs: name, size, time, inode."""
    digest, folder = hashlib.sha256(), paths.campaign_dir(out_dir, campaign_id)
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):  # the lock, temporaries: not outputs
                path = Path(parent, name)
                info = path.stat()
                line = f"{path.relative_to(folder).as_posix()} {info.st_size} {info.st_mtime_ns}"
                digest.update(f"{line} {info.st_ino}\0".encode())
    return digest.hexdigest()


def _record_path(out_dir) -> Path:
    return paths.output(out_dir, RECORD)


def _records(out_dir) -> dict:
    try:
        found = json.loads(_record_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def remember(asked: dict, out_dir, campaign_id: str, jobs: int, made_from: str):
    """Record a build that left every output made and checked (called under its lock);
    `made_from`: sources() as the build took it before reading anything, so that a change
    made while it ran is never recorded as built."""
    records = _records(out_dir)
    records[asked["campaign"]] = {
        "request": asked,
        "campaign_id": campaign_id,
        "jobs": jobs,
        "sources": made_from,
        "made": made(out_dir, campaign_id),
    }
    text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    write_atomically(_record_path(out_dir), text.encode("utf-8"))


def forget(asked: dict, out_dir):
    """Drop the record of a campaign folder: its next build goes the usual way."""
    records = _records(out_dir)
    if records.pop(asked["campaign"], None) is not None:
        text = json.dumps(records, indent=2, ensure_ascii=False) + "\n"
        write_atomically(_record_path(out_dir), text.encode("utf-8"))


def jobs_up_to_date(asked: dict, out_dir) -> int | None:
    """How many jobs the same request found up to date last time, when nothing has changed
    since; None when something may have (then the build plans as usual)."""
    found = _records(out_dir).get(asked["campaign"])
    if not isinstance(found, dict) or found.get("request") != asked:
        return None
    try:
        same = made(out_dir, found["campaign_id"]) == found["made"]
        same = same and sources(asked["campaign"], out_dir) == found["sources"]
    except (OSError, KeyError, TypeError, ValueError):
        return None
    return found.get("jobs") if same else None
