"""outputs/<campaign>/manifest.json: every output, what it was made from, and its checks."""

import json
import threading
from pathlib import Path

from campaignkit import paths
from campaignkit.files import write_atomically


class Manifest:
    """The record of every output of one campaign; saved after every change."""

    def __init__(self, out_dir, campaign_id: str):
        self.root = paths.resolve(out_dir) / campaign_id
        self.path = self.root / "manifest.json"
        self.campaign_id = campaign_id
        self.lock = threading.Lock()
        self.outputs: dict[str, dict] = self._read()

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))["outputs"]
        except (OSError, ValueError, KeyError):
            return {}

    def key(self, pdf: Path) -> str:
        return Path(pdf).resolve().relative_to(self.root.resolve()).as_posix()

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

    def record(self, pdf: Path, entry: dict):
        with self.lock:
            self.outputs[self.key(pdf)] = entry
            self.save()

    def forget(self, pdf: Path):
        with self.lock:
            self.outputs.pop(self.key(pdf), None)
            self.save()

    def save(self):
        body = {"campaign": self.campaign_id, "outputs": dict(sorted(self.outputs.items()))}
        text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
        write_atomically(self.path, text.encode("utf-8"))
