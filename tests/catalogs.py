"""The kit's catalogs with every text marked by its key, to prove a message comes from them."""

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from campaignkit.text import catalog


def mark(key: str) -> str:
    """What a marked catalog puts before the text of `key`."""
    return f"⟦{key}⟧ "


@contextmanager
def marked_catalogs(folder: Path):
    """Every catalog copied under `folder`, each text starting with mark(key), and used."""
    shutil.copytree(catalog.LOCALE_DIR, folder)
    for path in folder.glob(f"*/LC_MESSAGES/{catalog.DOMAIN}.po"):
        with path.open("rb") as stream:
            messages = read_po(stream, domain=catalog.DOMAIN)
        for message in messages:
            if message.id and message.string:
                message.string = mark(message.id) + message.string
        with path.open("wb") as stream:
            write_po(stream, messages)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(catalog, "LOCALE_DIR", folder)
            catalog.entries.cache_clear()
            yield
    finally:
        catalog.entries.cache_clear()
