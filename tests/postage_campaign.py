"""A writable copy of the mini campaign with the invented price list of fixtures/postage."""

import shutil
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "postage" / "postage.yaml"


def with_postage(root: Path) -> Path:
    """Put the fixture's postage.yaml into a campaign folder; returns the folder."""
    shutil.copy(FIXTURE, root / "postage.yaml")
    return root
