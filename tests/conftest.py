"""Shared fixtures: the small test campaign, broken copies of it, and a WeasyPrint warning trap."""

import logging
import os
import shutil
from pathlib import Path

import pytest

# The suite runs hundreds of builds: none keeps its kernels for the next one, except in
# tests/batch/test_kept.py, which turns it on where it tests it.
os.environ.setdefault("CAMPAIGNKIT_KEEP_KERNELS", "0")

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"


@pytest.fixture
def mini() -> Path:
    return MINI


@pytest.fixture
def campaign_copy(tmp_path):
    """A writable copy of the mini campaign, with helpers to edit its files."""

    class Copy:
        root = tmp_path / "mini"

        def edit(self, name: str, old: str, new: str):
            path = self.root / name
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} not in {name}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")

        def write(self, name: str, text: str):
            (self.root / name).write_text(text, encoding="utf-8")

    shutil.copytree(MINI, Copy.root)
    return Copy()


@pytest.fixture(autouse=True)
def no_weasyprint_warnings(caplog):
    """Any WeasyPrint warning fails the test that caused it."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    yield
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")]
    assert not warnings, f"WeasyPrint warned: {warnings}"


@pytest.fixture(scope="session")
def longest(tmp_path_factory) -> Path:
    """The mini campaign plus two cases with every text at its limit (see tests/longest.py)."""
    from tests.longest import write_longest_campaign

    return write_longest_campaign(MINI, tmp_path_factory.mktemp("longest") / "longest")
