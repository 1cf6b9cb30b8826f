"""Each material declares the parts of the data it is printed from (Material.reads), and a
build remakes it only when one of those changed: proven here by changing every other part
of a copy of the sample campaign and finding the material's page, in both languages,
unchanged to the byte."""

import shutil

import pytest

from campaignkit import load_campaign, materials, paths
from campaignkit.materials.registry import DATA_PARTS
from campaignkit.printing import render

PLACE = "montreal"  # the changes below are Montréal's: its events, its tallies

# Each part of the data, changed in ways a material printing it would show.
CHANGES = {
    "events": [
        ("events.csv", "Café L'Encrier", "Café de la Rue"),  # a venue
        ("events.csv", "Letter-writing marathon at the café,2023-12-10", "x,2023-12-11"),
        ("events.csv", "mtl-cegep,montreal,", "mtl-cegep,laval,"),  # one event fewer
    ],
    "cases": [
        ("cases/ahmed-mansoor.yaml", "name: Ahmed Mansoor", "name: Ahmed Mansour"),
        ("cases/rocky-myers.yaml", None, None),  # one case fewer
    ],
    "tallies": [
        ("tallies/mtl-cegep.csv", "ahmed-mansoor,37,38", "ahmed-mansoor,47,38"),
        ("tallies/mtl-cegep.csv", "Total,441,456", "Total,451,456"),
        ("tallies/mtl-cegep.csv", "Participants,153", "Participants,253"),
    ],
    "postage": [
        ("postage.yaml", "letter: 6", "letter: 16"),
        ("postage.yaml", "canada: 0.99", "canada: 0.89"),
        ("postage.yaml", "international: 2.50", "international: 2.90"),
    ],
}


def pages(root) -> dict:
    """Every material's HTML for Montréal (or the campaign), in French and in English."""
    data = load_campaign(root)
    made = {}
    for name in materials.names():
        kind = materials.get(name)
        place = "campaign" if kind.scope == "campaign" else PLACE
        for lang in ("fr", "en"):
            context = kind.build_context(data, place, lang)
            made[name, lang] = render.render_html(kind.template, context)
    return made


def changed_copy(tmp_path, part: str):
    root = tmp_path / part
    shutil.copytree(paths.DEFAULT_CAMPAIGN, root)
    for name, old, new in CHANGES[part]:
        path = root / name
        if old is None:
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer holds {old!r}: update CHANGES"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


# One Montréal event, as events.csv holds it, and each of its fields changed in turn.
EVENT = (
    "mtl-cafe-plateau,montreal,Marathon d'écriture au café,Letter-writing marathon at the café,"
    "2023-12-10,13:00,17:00,Café L'Encrier,4520 rue Saint-Denis,Montréal,45,Lan Nguyen,"
    "lan.nguyen@example.org,yes"
)
COLUMNS = (
    "id,region,title_fr,title_en,date,start,end,venue,address,city,expected_attendance,"
    "contact_name,contact_email,sample"
).split(",")
EVENT_CHANGES = {
    "title": {"title_fr": "Autre titre", "title_en": "Other title"},
    "date": {"date": "2023-12-11"},
    "start": {"start": "13:30"},
    "end": {"end": "17:30"},
    "venue": {"venue": "Café de la Rue"},
    "address": {"address": "1 rue Autre"},
    "city": {"city": "Outremont"},
    "expected_attendance": {"expected_attendance": "55"},
    "contact_name": {"contact_name": "Lan Nguyên"},
    "contact_email": {"contact_email": "lan.n@example.org"},
    "sample": {"sample": ""},
}


def event_changed(tmp_path, field: str):
    """A copy where only `field` of the one event differs (address_pending: the address
    becomes one to be confirmed, in a column of that name)."""
    root = tmp_path / field
    shutil.copytree(paths.DEFAULT_CAMPAIGN, root)
    events = root / "events.csv"
    lines = events.read_text(encoding="utf-8").splitlines()
    assert EVENT in lines, "events.csv no longer holds the event: update EVENT"
    values = dict(zip(COLUMNS, EVENT.split(","), strict=True))
    if field == "address_pending":
        lines = [
            line + (",address_pending" if n == 0 else ",false") for n, line in enumerate(lines)
        ]
        values |= {"address": "", "address_pending": "true"}
        lines[lines.index(EVENT + ",false")] = ",".join(values.values())
    else:
        values |= EVENT_CHANGES[field]
        lines[lines.index(EVENT)] = ",".join(values.values())
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def sample_pages():
    return pages(paths.DEFAULT_CAMPAIGN)


@pytest.mark.parametrize("part", sorted(DATA_PARTS))
def test_a_material_is_unchanged_by_the_parts_it_does_not_read(part, sample_pages, tmp_path):
    after = pages(changed_copy(tmp_path, part))
    for (name, lang), page in sample_pages.items():
        if part not in materials.get(name).reads:
            assert after[name, lang] == page, f"{name} ({lang}) prints {part}: add it to reads"


def test_the_changes_are_seen_by_the_materials_that_read_them(sample_pages, tmp_path):
    """The changes above are real ones: each part changes the pages of some material."""
    for part in DATA_PARTS:
        after = pages(changed_copy(tmp_path, part))
        changed = {name for (name, lang), page in sample_pages.items() if after[name, lang] != page}
        readers = {name for name in materials.names() if part in materials.get(name).reads}
        assert changed, f"no material shows a change of {part}"
        assert changed <= readers


@pytest.mark.parametrize("field", [*EVENT_CHANGES, "address_pending"])
def test_a_material_is_unchanged_by_the_event_fields_it_does_not_print(
    field, sample_pages, tmp_path
):
    touched = {field} | ({"address"} if field == "address_pending" else set())
    after = pages(event_changed(tmp_path, field))
    for (name, lang), page in sample_pages.items():
        kind = materials.get(name)
        prints = "events" in kind.reads and (
            kind.event_fields is None or touched & kind.event_fields
        )
        if not prints:
            assert after[name, lang] == page, f"{name} ({lang}) prints {field}: declare it"
