"""outputs/<campaign>/manifest.json: every output, what it was made from, and its checks."""

import json
import threading
from pathlib import Path

from campaignkit import paths
from campaignkit.files import write_atomically


class Manifest:
    """The record of every output of one campaign; saved after every change (a job's
    outputs are one change).

    Each save merges this process's changes into the file as it is on disk, so a writer
    never drops another's entries (builds also hold the outputs lock, see batch/lock.py).
    """

    def __init__(self, out_dir, campaign_id: str):
        self.out_dir = out_dir
        self.root = paths.campaign_dir(out_dir, campaign_id)
        self.path = self.root / "manifest.json"
        self.campaign_id = campaign_id
        self.lock = threading.Lock()
        self.changes: dict[str, dict | None] = {}
        self.written = None  # the file's stamp after this process's last save
        self.outputs: dict[str, dict] = self._read()

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))["outputs"]
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def output(self, *parts: str) -> Path:
        """A path under outputs/<campaign>, proven to lie inside it."""
        return paths.output(self.out_dir, self.campaign_id, *parts)

    def key(self, pdf: Path) -> str:
        return Path(pdf).resolve().relative_to(self.root).as_posix()

    def up_to_date(self, pdf: Path, fingerprint: str) -> bool:
        """True when pdf exists, passed its checks and was made from these very inputs."""
        entry = self.outputs.get(self.key(pdf))
        return bool(
            entry
            and entry["inputs"] == fingerprint
            and entry["preflight"]["ok"]
            and Path(pdf).is_file()
            and Path(pdf).stat().st_size == entry["bytes"]
        )

    def update(self, entries: dict[Path, dict | None]):
        """Record several outputs (forget those given None), in one save."""
        with self.lock:
            for pdf, entry in entries.items():
                self.changes[self.key(pdf)] = entry
            self.save()

    def _stamp(self):
        try:
            info = self.path.stat()
        except OSError:
            return None
        return info.st_ino, info.st_size, info.st_mtime_ns

    def save(self):
        """Write the file on disk with this process's changes applied over it (read again
        only when someone else wrote it since this process last did)."""
        outputs = self.outputs if self._stamp() == self.written else self._read()
        for key, entry in self.changes.items():
            if entry is None:
                outputs.pop(key, None)
            else:
                outputs[key] = entry
        self.outputs = outputs
        body = {"campaign": self.campaign_id, "outputs": dict(sorted(outputs.items()))}
        text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
        write_atomically(self.path, text.encode("utf-8"))
        self.written = self._stamp()
