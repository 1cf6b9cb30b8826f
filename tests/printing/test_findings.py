"""What a failed check says: precisely on the command line, in people's words on the page."""

from campaignkit.printing.findings import Finding, decode, failed
from campaignkit.text.catalog import entries

OVERFLOW = Finding("overflow_box", {"page": 2, "case": "rocky-myers", "field": "blurb"})
MISSING = Finding(
    "missing_item",
    {
        "item": {"part": "coordinator_email", "of": None},
        "text": "mtl@example.org",
        "why": [{"code": "past_last", "page": 2, "last": 1}],
    },
)


def test_the_command_line_names_page_case_and_field():
    assert OVERFLOW.text("en") == "page 2: text overflows its box (case rocky-myers, field blurb)"
    assert (
        OVERFLOW.text("fr")
        == "page 2 : du texte dépasse de son cadre (cas rocky-myers, champ blurb)"
    )
    assert MISSING.text("en") == (
        "missing item: coordinator email “mtl@example.org” (on page 2, past the last page (1))"
    )


def test_an_items_name_is_said_in_the_command_lines_language():
    assert MISSING.text("fr").startswith(
        "élément manquant : courriel de la coordination « mtl@example.org » (page 2, après"
    )
    address = {"part": "letter_address_line", "of": ["case", "ana"]}
    found = Finding("missing_item", {"item": address, "text": "12 rue", "why": []})
    assert found.text("fr") == (
        "élément manquant : cas ana : première ligne de l'adresse de la lettre « 12 rue » "
        "(sur aucune page)"
    )
    assert found.text("en").startswith("missing item: case ana: letter address: first line")


def test_the_page_says_it_with_the_case_name_and_the_field_label_and_what_to_do():
    names = {"rocky-myers": "Rocky Myers"}
    page = OVERFLOW.text("fr", page=True, names=names)
    assert page.startswith("Page 2 : un texte est trop long pour sa place (Rocky Myers, ")
    assert page.endswith("Raccourcissez-le.")
    assert "rocky-myers" not in page and "blurb" not in page and "champ" not in page
    english = OVERFLOW.text("en", page=True, names=names)
    assert "Rocky Myers" in english and "rocky-myers" not in english
    missing = MISSING.text("fr", page=True)
    assert missing.startswith("« mtl@example.org » devrait être visible")
    assert "courriel de la coordination" not in missing, "the item's name is for the command line"


def test_a_field_the_forms_do_not_show_is_left_unnamed_on_the_page():
    found = Finding("left_out", {"case": None, "field": "more_events"})
    assert "more_events" in found.text("fr")
    assert found.text("fr", page=True) == (
        "Un texte ne tient pas sur la page et n'a pas été imprimé. Raccourcissez-le."
    )


def test_findings_cross_a_notebook_error_and_come_back():
    error = failed("poster montreal fr", [OVERFLOW, MISSING])
    head, back = decode(str(error))
    assert back == [OVERFLOW, MISSING]
    assert head.startswith("poster montreal fr: page 2") and "findings" not in head
    assert decode("NameError: x") == ("NameError: x", [])
    from campaignkit.text.catalog import describe

    assert describe(error, "fr") == head, "the command line shows no findings line"


def test_every_check_wording_is_in_every_language_of_the_kit():
    keys = {key for key in entries("fr") if key.startswith("check.")}
    assert len(keys) > 20
    for lang in ("en", "es"):
        assert keys <= set(entries(lang)), lang


def test_every_item_a_material_declares_has_a_name_in_every_language():
    from campaignkit import load_campaign, materials, paths
    from campaignkit.text.catalog import has

    data = load_campaign(paths.DEFAULT_CAMPAIGN)
    parts = set()
    for name in materials.names():
        kind = materials.get(name)
        region = "campaign" if kind.scope == "campaign" else "montreal"
        if kind.wanted(data, region):
            parts |= {item.part for item in kind.items(kind.build_context(data, region, "fr"))}
    assert {"coordinator_email", "action_qr", "case_row", "letter_address_line"} <= parts
    for lang in ("fr", "en", "es"):
        assert [part for part in sorted(parts) if not has(f"check.item.{part}", lang)] == [], lang
