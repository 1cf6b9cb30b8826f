"""What a job is made from, as one hash: code, notebook, templates, data read, parameters."""

import hashlib
import json
from pathlib import Path

from campaignkit import paths
from campaignkit.data.loader import CampaignData
from campaignkit.data.signature import files_hash
from campaignkit.data.tallies import tallies_of, tally_files
from campaignkit.materials.registry import DATA_PARTS
from campaignkit.printing.kit import code_hash


def _dump(model) -> object:
    return model.model_dump(mode="json")


def _campaign(data: CampaignData, place: str) -> object:
    return _dump(data.campaign)


def _place(data: CampaignData, place: str) -> object:
    if place == "campaign":
        return [_dump(r) for r in data.regions.values()]
    return _dump(data.region(place))


def _cases(data: CampaignData, place: str) -> object:
    photos = [(data.root / case.photo.file).resolve() for case in data.cases.values() if case.photo]
    # a new photo under the same name
    return [[_dump(c) for c in data.cases.values()], files_hash(photos) if photos else ""]


def _events(data: CampaignData, place: str, fields: frozenset | None = None) -> object:
    events = data.events if place == "campaign" else data.events_of(place)
    keep = None if fields is None else {"id", "region", *fields}
    return [e.model_dump(mode="json", include=keep) for e in events]


def _tallies(data: CampaignData, place: str) -> str:
    tallies = tallies_read_by(data, place)
    return files_hash(tallies) if tallies else ""


def _postage(data: CampaignData, place: str) -> object:
    return _dump(data.postage) if data.postage else None  # postage.yaml


ALWAYS_READ = ("campaign", "place")  # every material prints its campaign and its region(s)
PART_READERS = {
    "campaign": _campaign,
    "place": _place,
    "cases": _cases,
    "events": _events,
    "tallies": _tallies,
    "postage": _postage,
}
assert set(PART_READERS) == DATA_PARTS | set(ALWAYS_READ)
SAME_FOR_EVERY_PLACE = ("campaign", "cases", "postage")


class DataParts:
    """The parts of a campaign's data, each read once per place (a plan asks many times)."""

    def __init__(self, data: CampaignData):
        self.data, self.known = data, {}

    def part(self, place: str, name: str, event_fields=None) -> str:
        """One part, as a hash of its JSON (each part is dumped once, not once per output)."""
        extra = (event_fields,) if name == "events" else ()
        key = (None if name in SAME_FOR_EVERY_PLACE else place, name, *extra)
        if key not in self.known:
            read = PART_READERS[name](self.data, place, *extra)
            value = json.dumps(read, sort_keys=True, default=str)
            self.known[key] = hashlib.sha256(value.encode()).hexdigest()
        return self.known[key]

    def read_by(self, place: str, reads=DATA_PARTS, event_fields=None) -> dict:
        """The data printed on a material of `place` that reads `reads` (of the events,
        `event_fields` only, when given)."""
        names = (*ALWAYS_READ, *sorted(reads))
        return {name: self.part(place, name, event_fields) for name in names}


def job_fingerprint(
    data: CampaignData,
    notebook: Path,
    place: str,
    parameters: dict,
    reads=DATA_PARTS,
    parts=None,
    event_fields=None,
) -> str:
    """One hash of everything an output depends on: code, notebook, data read, parameters."""
    parts = parts or DataParts(data)
    digest = hashlib.sha256()
    digest.update(code_hash().encode())
    digest.update(Path(notebook).read_bytes())
    record = {"data": parts.read_by(place, reads, event_fields), "parameters": parameters}
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
