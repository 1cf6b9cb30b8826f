"""A page laid out once: a look made from the very same page as one made before (its HTML,
stylesheets, date, what its checks ask, the kit and every campaign file it printed) is
taken from <out_dir>/.cache/pages instead of being laid out again.

The sample campaign's solidarity cards are the same in all its regions, and so are many
regions' letters: each is laid out once per language. A look that failed its checks is
remembered too, so the next region goes straight to the look that fits. An entry is used
only if every file it printed still has the same bytes and its PDF is whole; anything
else is made again. A build clears the folder when forced, and at its end removes the
entries it did not use.
"""

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from campaignkit.data.guard import MAX_RESOURCE, UnsafeFile, read_data_bytes
from campaignkit.exceptions import CampaignKitError
from campaignkit.files import write_atomically
from campaignkit.printing.findings import Finding
from campaignkit.printing.kit import code_hash

FOLDER = "pages"


@dataclass
class Look:
    """What one look of a material gave: its PDF if it passed its checks, else its problems."""

    pdf: bytes | None
    pages: int
    problems: list[Finding] = field(default_factory=list)
    reused: bool = False


def key(*made_from) -> str:
    """One hash of what a look is made from, with the kit and WeasyPrint that make it."""
    import weasyprint  # only where pages are laid out: a build with nothing to do has none

    record = [code_hash(), weasyprint.__version__, *made_from]
    return hashlib.sha256(json.dumps(record, default=str).encode()).hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_bytes(path: str, sha: str) -> bool:
    """Whether a file a page printed still has these bytes (read as the fetcher reads it:
    a file swapped for a FIFO or a device is never waited on)."""
    try:
        return _sha(read_data_bytes(path, None, limit=MAX_RESOURCE)) == sha
    except (OSError, UnsafeFile):
        return False


class Pages:
    """The looks already made for one outputs folder (its .cache/pages)."""

    def __init__(self, cache: Path):
        self.cache, self.folder = Path(cache), Path(cache) / FOLDER

    def _inside(self) -> bool:
        """Whether the folder is where it says (a link to elsewhere is never written to)."""
        return self.folder.resolve().is_relative_to(self.cache.resolve())

    def recall(self, look_key: str) -> Look | None:
        """The look made from the same page, if it is still true to its files."""
        record_path = self.folder / f"{look_key}.json"
        try:
            record = json.loads(record_path.read_text(encoding="utf-8"))
            pdf = (self.folder / f"{look_key}.pdf").read_bytes() if record["pdf"] else None
            problems = [Finding(f["code"], f.get("params", {})) for f in record["problems"]]
            pages = int(record["pages"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if pdf is not None and _sha(pdf) != record["pdf"]:
            return None  # damaged, or replaced by a look of another build after its record
        if not all(_same_bytes(path, sha) for path, sha in record["printed"].items()):
            return None
        _touch(record_path)
        return Look(pdf, pages, problems, reused=True)

    def keep(self, look_key: str, look: Look, printed: dict[str, str]):
        """Remember a look (a cache: one that cannot be written is only made again)."""
        record = {
            "pdf": _sha(look.pdf) if look.pdf is not None else None,
            "pages": look.pages,
            "problems": [finding.as_dict() for finding in look.problems],
            "printed": printed,
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self._inside():
                return
            if look.pdf is not None:
                write_atomically(self.folder / f"{look_key}.pdf", look.pdf)
            text = json.dumps(record, ensure_ascii=False)
            write_atomically(self.folder / f"{look_key}.json", text.encode("utf-8"))
        except (OSError, CampaignKitError):
            pass

    def forget_unused(self, since: float):
        """Remove the entries not made or used since `since` (time.time())."""
        for entry in _entries(self.folder) if self._inside() else []:
            record = entry.with_suffix(".json")
            try:
                if entry.stat().st_mtime >= since or (entry != record and record.exists()):
                    continue  # used; or a PDF whose record decides
                entry.with_suffix(".pdf").unlink(missing_ok=True)
                entry.unlink(missing_ok=True)
            except OSError:
                pass

    def clear(self):
        self.forget_unused(since=float("inf"))


def _entries(folder: Path) -> list[Path]:
    try:
        return [entry for entry in folder.iterdir() if entry.is_file()]
    except OSError:
        return []


def _touch(path: Path):
    try:
        os.utime(path, (time.time(), time.time()))
    except OSError:
        pass
