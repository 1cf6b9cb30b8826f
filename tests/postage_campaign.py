"""A writable copy of the mini campaign with the invented price list of fixtures/postage, and
a country on each known address (postage zones need one)."""

import shutil
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "postage" / "postage.yaml"
COUNTRIES = {  # file → (the address line after which the country goes, the country)
    "cases/ana.yaml": [
        ('  address: ["Procureur général", "Rue d\'Essai 1", "00-001 Varsovie", "Pologne"]', "PL"),
        ('  address: ["Ana", "a/s Organisme d\'essai", "Montréal"]', "CA"),
    ],
    "campaign.yaml": [('  address: ["1 rue d\'Essai", "Montréal (Québec)  H0H 0H0"]', "CA")],
}


def with_postage(root: Path) -> Path:
    """Put the fixture's postage.yaml into a copy of the mini campaign; returns the folder."""
    shutil.copy(FIXTURE, root / "postage.yaml")
    for name, places in COUNTRIES.items():
        path = root / name
        text = path.read_text(encoding="utf-8")
        for line, country in places:
            assert line in text, (name, line)
            text = text.replace(line, f"{line}\n  country: {country}", 1)
        path.write_text(text, encoding="utf-8")
    return root
