"""manifest.json: each writer's changes are merged into the file, none lost."""

import json

from campaignkit.batch.manifest import Manifest


def entry(region: str) -> dict:
    return {"material": "poster", "region": region, "lang": "fr", "inputs": "x", "bytes": 1}


def test_two_writers_keep_each_others_entries(tmp_path):
    first, second = Manifest(tmp_path, "c"), Manifest(tmp_path, "c")
    for region in ("a", "b", "c"):
        (tmp_path / "c" / region).mkdir(parents=True)
    first.update({tmp_path / "c" / "a" / "poster-fr.pdf": entry("a")})
    second.update({tmp_path / "c" / "b" / "poster-fr.pdf": entry("b")})
    first.update({tmp_path / "c" / "c" / "poster-fr.pdf": entry("c")})
    first.update({tmp_path / "c" / "b" / "poster-fr.pdf": None})  # forgotten
    second.update({tmp_path / "c" / "b" / "poster-fr.pdf": entry("b")})
    saved = json.loads((tmp_path / "c" / "manifest.json").read_text())["outputs"]
    assert sorted(saved) == ["a/poster-fr.pdf", "b/poster-fr.pdf", "c/poster-fr.pdf"]
