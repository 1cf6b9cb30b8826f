"""The editor workbook without a browser: set widget values, click buttons, read the files."""

import asyncio
import datetime as dt
import io
import json
import re
import time

import papermill
import pytest
from ipywidgets.widgets import widget as widget_registry
from PIL import Image

from campaignkit import load_campaign, paths
from campaignkit.data.models import LIMITS
from campaignkit.data.tallies import read_tallies
from campaignkit.editor import app, page_script, server, versions
from campaignkit.editor.app import Editor, likely_options, start_options
from campaignkit.editor.later import Debouncer
from campaignkit.editor.session import Session
from campaignkit.editor.words import material_label
from tests.data.test_csvfile import changed_lines

SAMPLE_CAMPAIGNS = [paths.DEFAULT_CAMPAIGN, paths.ROOT / "tests" / "fixtures" / "mini"]


NEW_EVENT = {  # every field a new event needs, as typed into its card
    "title_fr": "Marathon du quartier",
    "title_en": "Neighbourhood write-a-thon",
    "date": dt.date(2023, 12, 10),
    "start": dt.time(13, 0),
    "end": dt.time(16, 0),
    "venue": "Bibliothèque du quartier",
    "address": "3 rue d'Essai",
    "city": "Montréal",
}


@pytest.fixture
def editor(campaign_copy):
    return Editor(campaign_copy.root, region="montreal", preview_delay=0)


def event_key(editor, event_id):
    events = editor.session.events
    return next(k for k in events.keys_of(editor.region) if events.values(k)["id"] == event_id)


def field(editor, event_id, column):
    key = event_key(editor, event_id)
    return editor.events.inputs[key, column], editor.events.errors[key, column]


def test_opens_on_the_region_with_a_preview(editor):
    assert editor.region_choice.value == "montreal"
    assert editor.tabs.titles == ("Événements", "Cas", "Décomptes", "Produire")
    assert editor.preview.png.startswith(b"\x89PNG")
    alt = 'alt="Aperçu : Affiche, région Montréal, en français, page 1"'
    assert alt in editor.preview.image.value
    assert editor.preview.material.value == "poster"
    assert field(editor, "mtl-grand", "venue")[0].value == "Maison d'essai"
    assert editor.events.save.disabled, "nothing to save yet"


def test_the_preview_is_a_palette_png_the_size_of_the_page(editor):
    image = Image.open(io.BytesIO(editor.preview.png))
    assert image.mode == "P" and len(image.getcolors(256)) <= 256, "a third of the bytes to send"
    assert image.size == (660, 1020), "a letter page at 60 dpi, as before"


def test_venue_change_updates_preview_and_saves_a_one_line_diff(editor, campaign_copy):
    before = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    image = editor.preview.png
    venue, _ = field(editor, "mtl-grand", "venue")
    venue.value = "Salle Marie-Gérin-Lajoie"
    assert editor.preview.png != image, "the poster was re-rendered"
    assert "non enregistrées" in editor.state.value
    assert not editor.events.save.disabled
    editor.events.save.click()
    after = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert changed_lines(before, after) == [
        "-" + before.splitlines()[1],
        "+" + before.splitlines()[1].replace("Maison d'essai", "Salle Marie-Gérin-Lajoie"),
    ]
    backups = list((campaign_copy.root / ".backups").glob("events.csv.*"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [before]
    assert "Enregistré" in editor.events.status.html.value
    assert editor.events.save.disabled and "tout est enregistré" in editor.state.value


def test_invalid_field_shows_why_next_to_it_and_blocks_save(campaign_copy):
    campaign_copy.edit("events.csv", "2023-12-09,11:00", "9 décembre,11:00")
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0)
    date, error = field(editor, "mtl-grand", "date")
    assert date.value is None, "a date typed by hand in the file: the picker is empty"
    assert "date invalide « 9 décembre »" in error.value.lower()
    assert "Choisissez la date dans le calendrier" in error.value, "no format to type by hand"
    assert "ck-invalid" in date._dom_classes
    assert editor.events.save.disabled
    assert "il reste à remplir ou corriger : Date" in editor.events.hint.value
    assert "pause" in editor.preview.note.value and editor.preview.png == b""
    end, end_error = field(editor, "mtl-grand", "end")
    date.value = dt.date(2023, 12, 9)
    assert not editor.events.save.disabled, "the date is now written as the file had it"
    end.value = dt.time(10, 0)
    assert (
        "La fin (10\u00a0h) précède le début (11\u00a0h)" in end_error.value
    )  # as people write hours
    assert editor.events.save.disabled
    editor.lang_choice.value = "en"
    _, end_error = field(editor, "mtl-grand", "end")
    assert "The end (10\u00a0a.m.) comes before the start (11\u00a0a.m.)" in end_error.value
    assert (
        editor.events.save.description == "Save (Montreal: 1 event changed)"
        and editor.events.save.disabled
    )
    end, end_error = field(editor, "mtl-grand", "end")
    end.value = dt.time(18, 0)
    assert end_error.value == "" and "ck-invalid" not in end._dom_classes
    assert "2023-12-09,11:00,18:00" in editor.session.events.text()


def test_text_over_the_limit_and_outside_the_campaign(editor):
    title, error = field(editor, "mtl-cafe", "title_fr")
    limit = LIMITS["event_title"]
    title.value = "x" * (limit + 1)
    counter = editor.events.counters[event_key(editor, "mtl-cafe"), "title_fr"][0]
    assert f"{limit + 1} / {limit}" in counter.value and "ck-over" in counter.value
    assert f"{limit + 1} caractères, {limit} au plus" in error.value
    title.value = "Soirée au café"
    date, error = field(editor, "mtl-cafe", "date")
    date.value = dt.date(2024, 3, 1)
    assert "hors de la campagne" in error.value and editor.events.save.disabled


def test_add_and_remove_events(editor, campaign_copy):
    editor.events.add.click()
    key = editor.session.events.keys_of("montreal")[-1]
    inputs, errors = editor.events.inputs, editor.events.errors
    assert inputs[key, "id"].value == "montreal-1"
    assert not any(e.value for (k, _), e in errors.items() if k == key), "nothing red yet"
    assert editor.events.save.disabled
    hint = editor.events.hint.value
    for label in ("Titre (français)", "Date", "Début", "Fin", "Lieu", "Adresse", "Ville"):
        assert label in hint, "every field still to fill is named at once"
    inputs[key, "venue"].value = "x"
    inputs[key, "venue"].value = ""
    assert "manquant" in errors[key, "venue"].value, "red once touched"
    for column, value in NEW_EVENT.items():
        inputs[key, column].value = value
    assert not editor.events.save.disabled
    removed = event_key(editor, "mtl-cafe")
    editor.events.on_remove(removed)
    assert "Retirer « Soirée au café »" in editor.events.confirm.box.children[0].value
    confirm_button(editor.events.confirm, "yes").click()
    editor.events.save.click()
    text = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert not any(line.startswith("mtl-cafe,") for line in lines)
    new = next(line for line in lines if line.startswith("montreal-1,"))
    assert new.startswith("montreal-1,montreal,Marathon du quartier,Neighbourhood write-a-thon,")
    assert lines.index(new) == 2, "added after the region's other events"
    assert Session(campaign_copy.root).preview_data() is not None, "the file still validates"


def test_an_event_with_a_tally_is_neither_removed_nor_renamed(editor, campaign_copy):
    """Its counts would belong to no event, and the results would stop on them."""
    events = campaign_copy.root / "events.csv"
    before = events.read_bytes()
    editor.events.on_remove(event_key(editor, "mtl-grand"))
    assert not editor.events.confirm.asking, "nothing to confirm: it stays"
    said = editor.events.status.html.value
    assert "« Grand marathon d'essai » a déjà un décompte : il reste dans la liste" in said
    assert ".csv" not in said
    assert event_key(editor, "mtl-grand") in editor.session.events.rows
    field(editor, "mtl-grand", "id")[0].value = "mtl-grand-2"
    editor.events.save.click()
    assert events.read_bytes() == before
    said = editor.events.status.html.value
    assert "« Grand marathon d'essai » a déjà un décompte" in said
    assert "ne peut être ni retiré ni renommé" in said and ".csv" not in said
    assert read_tallies(load_campaign(campaign_copy.root)).problems == []


def test_a_version_from_before_a_tallied_event_is_not_restored(editor, campaign_copy):
    """A coordinator added an event, saved its tally, then restored the events as they were
    before it: the tally was left naming no event, and the results stopped on it."""
    editor.events.add.click()
    key = editor.session.events.keys_of("montreal")[-1]
    for column, value in NEW_EVENT.items():
        editor.events.inputs[key, column].value = value
    editor.events.save.click()
    tally = Session(campaign_copy.root).tally("montreal-1")
    tally.participants = "12"
    tally.save()
    events = campaign_copy.root / "events.csv"
    saved = events.read_bytes()
    panel = editor.events.versions
    panel.box.selected_index = 0
    assert "la rétablir retire Marathon du quartier" in panel.list.children[0].children[1].value
    panel.list.children[0].children[0].click()
    confirm_button(panel.confirm, "yes").click()
    assert events.read_bytes() == saved
    assert "« Marathon du quartier » a déjà un décompte" in editor.events.status.html.value
    assert "rétablie" not in panel.notice.html.value
    assert event_key(editor, "montreal-1") in editor.session.events.rows
    assert read_tallies(load_campaign(campaign_copy.root)).problems == []


def confirm_button(confirm, which: str):
    """The Yes or Cancel button of a confirmation being asked."""
    assert confirm.asking
    yes, cancel = confirm.box.children[1].children
    return yes if which == "yes" else cancel


def test_duplicate_id_is_refused(editor):
    key = event_key(editor, "mtl-cafe")
    ident, error = field(editor, "mtl-cafe", "id")
    ident.value = "tr-biblio"
    assert (
        "Le nom court « tr-biblio » est déjà pris par l'événement « Marathon à la bibliothèque »"
        in error.value
    )
    assert "autre nom court" in error.value, "no « id », a word of the file, on the page"
    assert editor.events.labels[key, "id"] == "Nom court (sert aux noms de fichiers)"
    assert editor.events.save.disabled


def test_conflict_keeps_edits_and_writes_nothing(editor, campaign_copy):
    venue, _ = field(editor, "mtl-grand", "venue")
    venue.value = "Salle A"
    campaign_copy.edit("events.csv", "Maison d'essai", "Maison changée ailleurs")
    theirs = (campaign_copy.root / "events.csv").read_bytes()
    editor.events.save.click()
    assert (campaign_copy.root / "events.csv").read_bytes() == theirs
    status = editor.events.status.html.value
    assert "dans la liste des événements, ce que vous avez modifié a aussi été modifié" in status
    assert "venue : la vôtre « Salle A », l'autre « Maison changée ailleurs »" in status
    assert "Revenir à la version enregistrée" in status and ".csv" not in status
    assert field(editor, "mtl-grand", "venue")[0].value == "Salle A", "edits stay on screen"
    assert "non enregistrées" in editor.state.value
    editor.events.reload.click()
    assert field(editor, "mtl-grand", "venue")[0].value == "Salle A", "asked first"
    confirm_button(editor.events.confirm, "yes").click()
    assert field(editor, "mtl-grand", "venue")[0].value == "Maison changée ailleurs"
    assert editor.events.status.html.value == ""


def test_case_texts_side_by_side_with_counts(editor, campaign_copy):
    editor.tabs.selected_index = 1
    cases = editor.cases
    assert cases.current == "ana"
    assert {"blurb.fr", "blurb.en", "letter.fr", "letter.en", "name"} <= set(cases.inputs)
    before = (campaign_copy.root / "cases" / "ana.yaml").read_text(encoding="utf-8")
    cases.inputs["blurb.en"].value = "y" * 161
    assert "161 / 160" in cases.counters["blurb.en"][0].value
    assert "at most 160" not in cases.errors["blurb.en"].value
    assert "161 caractères, 160 au plus" in cases.errors["blurb.en"].value
    assert cases.save.disabled
    cases.inputs["blurb.en"].value = "A test activist, prosecuted for helping a friend."
    assert not cases.save.disabled and "Ana Wydrzyńska" in cases.edited.value
    cases.save.click()
    after = (campaign_copy.root / "cases" / "ana.yaml").read_text(encoding="utf-8")
    assert len(changed_lines(before, after)) == 2
    assert 'en: "A test activist, prosecuted for helping a friend."}' in after
    assert cases.save.disabled and cases.edited.value == ""


def test_case_edits_survive_switching_case(editor):
    editor.tabs.selected_index = 1
    editor.cases.inputs["demand.fr"].value = "Libérez-la."
    editor.cases.chooser.value = "bo"
    assert editor.cases.inputs["name"].value == "Bo Wet'suwet'en"
    editor.cases.chooser.value = "ana"
    assert editor.cases.inputs["demand.fr"].value == "Libérez-la."
    assert "Cas modifiés (1) : " in editor.cases.edited.value


def test_missing_translation_blocks_case_save(editor):
    editor.tabs.selected_index = 1
    editor.cases.inputs["story.en"].value = "   "
    assert "texte vide en anglais" in editor.cases.errors["story.en"].value.lower()
    assert editor.cases.save.disabled


def test_tally_events_are_listed_by_date_and_the_tab_opens_on_the_last_one_held(editor):
    """The list followed the events file (the 9 December marathon above the 5 December café),
    and the tab opened on the file's first row."""
    import datetime as dt

    from campaignkit.editor.tallies_tab import last_held

    tallies = editor.tallies
    assert [ident for _, ident in tallies.chooser.options] == ["mtl-cafe", "mtl-grand"]
    assert tallies.chooser.options[0][0].startswith("Soirée au café — ")
    assert tallies.current == "mtl-grand", "both are past: the later one was held last"
    events = tallies.dated_events()
    assert last_held(events, today=dt.date(2023, 12, 6)) == "mtl-cafe"
    assert last_held(events, today=dt.date(2023, 11, 1)) == "mtl-cafe", "none yet: the first"


def test_the_event_chosen_for_its_tally_stays_through_a_language_switch(editor):
    """A first user chose an event, switched to English, and found the newest one again."""
    editor.tabs.selected_index = 2
    editor.tallies.chooser.value = "mtl-cafe"
    editor.lang_choice.value = "en"
    assert editor.tallies.current == "mtl-cafe" and editor.tallies.chooser.value == "mtl-cafe"
    editor.region_choice.value = "mauricie"  # another region's events: its own last one held
    assert editor.tallies.current == "tr-biblio"


def test_choosing_another_event_fills_the_same_boxes_with_its_counts(editor, campaign_copy):
    """Each choice made every box again, and the browser filled the new ones in over about a
    second; the boxes stay, their values change, and nothing counts as typed."""
    editor.tabs.selected_index = 2
    tallies = editor.tallies
    boxes = dict(tallies.inputs)
    assert boxes["ana.letters"].value == "210"
    tallies.chooser.value = "mtl-cafe"
    assert tallies.inputs == boxes and all(tallies.inputs[n] is b for n, b in boxes.items())
    assert boxes["ana.letters"].value == "" and "Pas encore de décompte" in tallies.new_note.value
    assert not editor.session.tally("mtl-cafe").dirty and tallies.save.disabled
    assert not editor.session.tally("mtl-grand").dirty
    assert editor.preview.shown[3] == "Soirée au café"
    boxes["ana.letters"].value = "7"  # typing still counts, for the event shown
    assert editor.session.tally("mtl-cafe").counts["ana"][0] == "7"
    assert editor.session.tally("mtl-grand").counts["ana"][0] == "210"
    tallies.save.click()
    assert "ana,7," in (campaign_copy.root / "tallies" / "mtl-cafe.csv").read_text("utf-8")
    tallies.chooser.value = "mtl-grand"
    assert boxes["ana.letters"].value == "210" and tallies.new_note.value == ""


def test_a_tally_kept_in_a_spreadsheet_is_shown_read_only_in_the_same_boxes(tmp_path):
    """The sample's Montréal marathon sent its counts as a workbook: the tab said « Pas
    encore de décompte » above them."""
    import shutil

    root = shutil.copytree(paths.DEFAULT_CAMPAIGN, tmp_path / "c")
    tallies = Editor(root, region="montreal", preview_delay=0).tallies
    tallies.chooser.value = "mtl-cegep"
    boxes = dict(tallies.inputs)
    assert not boxes["participants"].disabled and tallies.save in walk(tallies.box)
    tallies.chooser.value = "mtl-grand-marathon"
    assert all(tallies.inputs[name] is box for name, box in boxes.items())
    assert boxes["participants"].value == "350" and boxes["participants"].disabled
    assert "classeur" in str([getattr(c, "value", "") for c in tallies.box.children])
    assert tallies.save not in walk(tallies.box) and tallies.new_note.value == ""
    tallies.chooser.value = "mtl-cegep"
    assert boxes["participants"].value == "153" and not boxes["participants"].disabled
    assert tallies.save in walk(tallies.box)


def walk(widget):
    """A widget and every widget inside it."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_tally_sheet_entry(editor, campaign_copy):
    editor.tabs.selected_index = 2
    tallies = editor.tallies
    assert tallies.current == "mtl-grand"
    tallies.current = "mtl-cafe"  # the one event of the fixture without a tally yet
    tallies.render()
    assert "Pas encore de décompte" in tallies.new_note.value
    sheet = next(c for c in tallies.box.children if "ck-sheet" in c._dom_classes)
    rows = [cell.value for cell in sheet.children[3::3]][:2]
    assert rows == ["Ana Wydrzyńska", "Bo Wet'suwet'en"], "the people, not their files' codes"
    tallies.inputs["participants"].value = "85"
    tallies.inputs["ana.letters"].value = "12"
    tallies.inputs["ana.cards"].value = "10"
    tallies.inputs["bo.letters"].value = "huit"
    assert "nombre illisible « huit »" in tallies.errors["bo.letters"].value.lower()
    assert tallies.save.disabled
    tallies.inputs["bo.letters"].value = "8"
    assert (tallies.total[0].value, tallies.total[1].value) == ("<b>20</b>", "<b>10</b>")
    tallies.save.click()
    assert (campaign_copy.root / "tallies" / "mtl-cafe.csv").read_text(encoding="utf-8") == (
        "Événement / Event,mtl-cafe\n"
        "Participants,85\n"
        "Actions en ligne / Online actions,\n"
        "Cas / Case,Lettres / Letters,Cartes / Cards\n"
        "ana,12,10\n"
        "bo,8,\n"
        "Total,20,10\n"
    )
    assert "Enregistré : le décompte de « Soirée au café » (première version)" in (
        tallies.status.html.value
    )
    assert tallies.new_note.value == "", "saved: the page no longer says there is none"


def test_existing_tally_file_is_edited_in_place(campaign_copy):
    sheet = "Event,mtl-cafe\r\nParticipants,30\r\nCase,Letters,Cards\r\nana,3,4\r\nbo,1,2\r\n"
    campaign_copy.write("tallies/mtl-cafe.csv", sheet)
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0)
    editor.tallies.current = "mtl-cafe"
    editor.tallies.render()
    tally = editor.session.tally("mtl-cafe")
    assert tally.text() == sheet, "load → save with no edit is byte-identical"
    assert editor.tallies.inputs["bo.cards"].value == "2"
    editor.tallies.inputs["bo.cards"].value = "5"
    editor.tallies.save.click()
    after = (campaign_copy.root / "tallies" / "mtl-cafe.csv").read_bytes().decode()
    assert after == sheet.replace("bo,1,2", "bo,1,5")


@pytest.mark.parametrize("campaign", SAMPLE_CAMPAIGNS, ids=lambda p: p.name)
def test_every_sample_file_round_trips_byte_for_byte(campaign):
    """Loading and saving with no edit gives back each file exactly (nothing is written)."""
    session = Session(campaign)
    assert session.events.text().encode() == (campaign / "events.csv").read_bytes()
    assert not session.events.dirty
    for case in session.cases.values():
        assert case.text().encode() == case.path.read_bytes(), case.path.name
        for path in case.text_paths()[:4]:
            for lang in session.languages:
                case.set(path + (lang,), case.get(path + (lang,)))
        assert not case.dirty and case.text().encode() == case.path.read_bytes()


@pytest.mark.parametrize("campaign", SAMPLE_CAMPAIGNS, ids=lambda p: p.name)
def test_a_real_edit_gives_a_small_diff_in_every_sample_file(campaign):
    session = Session(campaign)
    for case in session.cases.values():
        before = case.path.read_text(encoding="utf-8")
        case.set(("demand", "en"), case.get(("demand", "en")) + " Now.")
        assert len(changed_lines(before, case.text())) == 2, case.path.name
    key = next(iter(session.events.rows))
    before = session.events.text()
    session.events.set(key, "venue", "Salle, « 2e » étage")
    assert len(changed_lines(before, session.events.text())) == 2


def test_produce_runs_the_build_notebooks_with_progress_and_links(campaign_copy, tmp_path):
    editor = Editor(campaign_copy.root, region="mauricie", preview_delay=0, out_dir=tmp_path)
    produce = editor.produce
    produce.langs["en"].value = False
    assert produce.progress.layout.display == "none", "no empty bar before anything runs"
    produce.run(wait=True)
    assert produce.progress.layout.display is None, "the bar shows once a run starts"
    pdf = tmp_path / "mini" / "mauricie" / "poster-fr.pdf"
    assert pdf.exists()
    ready = produce.links.value.count("<li>")
    assert "affiche-mauricie-francais.pdf" in produce.links.value and ready > 4
    assert produce.progress.value == produce.progress.max == ready, "documents, not notebook runs"
    assert produce.counter.value == f"Terminé : {ready} documents prêts."
    assert (tmp_path / "mini" / "notebooks" / "mauricie" / "poster-fr.ipynb").exists()


def test_a_document_that_fails_its_checks_holds_back_no_other(campaign_copy, tmp_path):
    """A photo too small for print failed the casebook's check: its run's cards, letters and
    tally sheet, made and checked, were reported failed and not offered either."""
    from tests.images import photo

    photo(campaign_copy.root / "photos" / "ana.jpg", size=(60, 66))
    campaign_copy.edit(
        "cases/ana.yaml",
        "photo: null",
        "photo: {file: photos/ana.jpg, credit: {fr: Essai, en: Test}, alt: {fr: A, en: A}}",
    )
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0, out_dir=tmp_path)
    produce = editor.produce
    produce.langs["en"].value = False
    produce.run(wait=True)
    links, log = produce.links.value, produce.log.value
    assert "Lettres types (français)" in links and "Feuille de décompte (français)" in links
    assert "Cahier des cas (français)" not in links and "Affiche (français)" not in links
    assert "échec de Cahier des cas (français) : Cahier des cas — Page 1 : une photo" in log
    ready = links.count("<li>")
    assert produce.counter.value == f"Terminé : {ready} documents prêts, 2 documents en échec."


def test_produce_counts_documents_from_start_to_end(editor, tmp_path, monkeypatch):
    """The progress count and the end message speak of documents (it counted notebook runs,
    « 4/8 », then ended on « 20 documents »); up-to-date documents count as done."""
    from campaignkit.batch import build
    from campaignkit.editor import produce_tab

    editor.out_dir = tmp_path
    seen = []

    def fake_build(campaign, regions, langs, on_outcome, **_):
        todo = build.plan(produce_tab.load_campaign(campaign), regions, langs, out_dir=tmp_path)
        outcomes = [build.Outcome(job, tmp_path, skipped=i == 0) for i, job in enumerate(todo)]
        for done, outcome in enumerate(outcomes, start=1):
            on_outcome(outcome, done, len(todo))
            seen.append(editor.produce.counter.value)
        for job in todo:
            for pdf in job.outputs:
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(b"%PDF-1.4 test")
        return outcomes

    monkeypatch.setattr(produce_tab.build, "build", fake_build)
    editor.produce.langs["en"].value = False
    editor.produce.run(wait=True)
    total = editor.produce.progress.max
    assert total > 4 and editor.produce.progress.value == total
    assert seen[-1] == f"Production en cours : {total} documents sur {total}"
    assert editor.produce.counter.value == f"Terminé : {total} documents prêts."


def test_produced_documents_are_listed_in_order_and_still_there_after_a_switch(
    editor, tmp_path, monkeypatch
):
    """A first user found the list in no clear order (anglais and français mixed) and gone
    for good once they had looked at another region."""
    from campaignkit import materials
    from campaignkit.batch import build
    from campaignkit.editor import produce_tab

    editor.out_dir = tmp_path

    def fake_build(campaign, regions, langs, on_outcome, **_):
        todo = build.plan(produce_tab.load_campaign(campaign), regions, langs, out_dir=tmp_path)
        todo.reverse()  # the order the build ends its jobs in is not the reader's
        for job in todo:
            for pdf in job.outputs:
                pdf.parent.mkdir(parents=True, exist_ok=True)
                pdf.write_bytes(b"%PDF-1.4 test")
        return [build.Outcome(job, tmp_path) for job in todo]

    monkeypatch.setattr(produce_tab.build, "build", fake_build)
    editor.produce.run(wait=True)
    names = re.findall(r'download="([^"]+)"', editor.produce.links.value)
    said = [re.sub(r"-montreal-(francais|anglais)\.pdf$", "", name) for name in names]
    wanted = [n for n in materials.names() if materials.get(n).scope == "region"]
    labels = [produce_tab.file_words(material_label(n, "fr")) for n in wanted]
    first = labels[0]
    assert names[:2] == [f"{first}-montreal-francais.pdf", f"{first}-montreal-anglais.pdf"]
    assert said == sorted(said, key=labels.index), "in the order materials are listed"
    listed = editor.produce.links.value
    editor.region_choice.value = "mauricie"
    assert editor.produce.links.value == ""
    editor.region_choice.value = "montreal"
    assert editor.produce.links.value == listed, "back on the region, its documents are back"
    assert editor.produce.counter.value.startswith("Terminé")


def test_a_failed_check_is_said_in_the_pages_language_and_peoples_words(editor):
    """It showed « PreflightFailed: poster montreal fr: page 1: text overflows its box (case
    rocky-myers, field blurb) » whatever the page's language."""
    from pathlib import Path

    from campaignkit.batch.jobs import Job, Outcome
    from campaignkit.editor.produce_tab import failure
    from campaignkit.printing.findings import Finding

    place = {"page": 1, "case": "ana", "field": "blurb"}
    job = Job("poster.ipynb", "montreal", "fr", ("poster",))
    outcome = Outcome(job, Path(), "PreflightFailed: …", [Finding("overflow_box", place)])
    names = {"ana": "Ana Ruiz"}
    said = failure(outcome, "fr", names)
    assert said.startswith("Page 1 : un texte est trop long pour sa place (Ana Ruiz, ")
    assert "PreflightFailed" not in said and "blurb" not in said and "ana," not in said
    assert failure(outcome, "en", names).startswith("Page 1: a text is too long for its space")
    assert failure(Outcome(job, Path(), "ValueError: x"), "fr", names) == "ValueError: x"
    blurred = {"page": 1, "ppi": 40, "minimum": 150, "advised": 300, "material": "poster"}
    outcome = Outcome(job, Path(), "vérification des PDF : …", [Finding("image_blurred", blurred)])
    assert failure(outcome, "fr", names) == (
        "Affiche — Page 1 : une photo serait floue à l'impression (40 points par pouce ; il en "
        "faut au moins 150). Il faut une photo plus grande : signalez-le à l'équipe nationale."
    )
    fonts = Finding("font_not_embedded", {"font": "/Helvetica", "material": "poster"})
    said = failure(Outcome(job, Path(), "…", [fonts]), "en", names)
    assert said.startswith("Poster — This document failed a technical check. Your data is not")
    assert said.endswith("Detail: font not embedded: /Helvetica.")


def test_produce_waits_for_unsaved_edits(editor):
    field(editor, "mtl-grand", "venue")[0].value = "Ailleurs"
    assert editor.produce.button.disabled
    assert "Enregistrez d'abord" in editor.produce.notice.html.value


def test_unsaved_edits_block_a_change_of_campaign(editor):
    field(editor, "mtl-grand", "venue")[0].value = "Ailleurs"
    root = editor.session.root
    editor.campaign_choice.value = str(paths.DEFAULT_CAMPAIGN)
    assert editor.session.root == root and editor.campaign_choice.value == str(root)
    assert "Enregistrez d'abord" in editor.notice.html.value


def test_region_and_language_switch_keep_edits(editor):
    field(editor, "mtl-grand", "venue")[0].value = "Ailleurs"
    editor.region_choice.value = "cote-nord"
    assert "Aucun événement" in editor.events.box.children[1].value
    editor.lang_choice.value = "en"
    assert "No event yet" in editor.events.box.children[1].value
    editor.region_choice.value = "montreal"
    assert field(editor, "mtl-grand", "venue")[0].value == "Ailleurs"


def test_problems_in_other_files_are_shown_and_pause_the_preview(campaign_copy):
    campaign_copy.edit("regions.csv", "cote-nord,09", "cote-nord,9")
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0)
    banner = editor.widget.children[3].value
    assert "La liste des régions, ligne" in banner and "champ « code de région »" in banner
    assert "regions.csv" not in banner, "the page names the list, not its file"
    assert "pause" in editor.preview.note.value


def test_campaign_region_and_language_from_query_or_environment(tmp_path):
    environ = {"CAMPAIGNKIT_CAMPAIGN": str(tmp_path), "QUERY_STRING": "region=mauricie&lang=en"}
    assert start_options(environ) == {"campaign": str(tmp_path), "region": "mauricie", "lang": "en"}
    chosen = start_options({"QUERY_STRING": "campaign=2023"})["campaign"]
    assert chosen == str(paths.DEFAULT_CAMPAIGN)
    for hostile in ("../../etc", "/tmp", "nope"):
        assert start_options({"QUERY_STRING": f"campaign={hostile}"})["campaign"] is None


def test_debouncer_renders_once_after_a_burst():
    calls = []

    async def burst():
        debounce = Debouncer(0.05, lambda: calls.append(1))
        for _ in range(5):
            debounce()
            await asyncio.sleep(0.01)
        assert calls == []
        await asyncio.sleep(0.15)

    asyncio.run(burst())
    assert calls == [1]


def test_editor_notebook_runs_on_a_copy(campaign_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    executed = tmp_path / "editor.ipynb"
    papermill.execute_notebook(
        str(paths.NOTEBOOKS / "editor.ipynb"),
        str(executed),
        parameters={"region": "mauricie", "lang": "en"},
        cwd=str(paths.NOTEBOOKS),
        progress_bar=False,
        iopub_timeout=server.IOPUB_SECONDS,  # as the page: the first preview holds the kernel
    )
    outputs = json.loads(executed.read_text())["cells"][-1]["outputs"]
    views = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert views, outputs


def region_on_screen(editor) -> set[str]:
    """Every region the page shows at once: header, events, tallies, produce and preview."""
    session, lang = editor.session, editor.lang
    names = {r.name[lang]: r.id for r in session.regions.values()}
    shown = {editor.region_choice.value}
    heading = editor.events.box.children[0].value
    shown |= {rid for name, rid in names.items() if f"région {name}<" in heading}
    for _, event_id in editor.tallies.event_options():
        shown |= {
            session.events.values(k)["region"]
            for k in session.events.rows
            if session.events.values(k)["id"] == event_id
        }
    shown |= {
        rid
        for name, rid in names.items()
        if f"région {name}," in editor.produce.box.children[0].value
    }
    if editor.preview.shown:
        shown.add(editor.preview.shown[0])
    return shown


def test_region_switches_change_everything_together(editor):
    for region in ["mauricie", "montreal", "cote-nord", "mauricie", "montreal"] * 6:
        editor.region_choice.value = region
        assert region_on_screen(editor) == {region}, region
        assert editor.preview.caption.value.count(editor.session.regions[region].name["fr"]) == 1


def test_a_region_that_cannot_be_shown_leaves_the_page_on_the_previous_one(editor, monkeypatch):
    def broken(self, app):
        raise ValueError("panne")

    monkeypatch.setattr("campaignkit.editor.events_tab.EventsForm.__init__", broken)
    editor.region_choice.value = "mauricie"
    assert editor.region == "montreal" and editor.region_choice.value == "montreal"
    assert (
        "panne" in editor.notice.html.value
        and "reste sur la précédente" in editor.notice.html.value
    )
    assert region_on_screen(editor) == {"montreal"}


def test_a_page_opens_with_the_widgets_of_its_tab_only(editor, monkeypatch):
    assert set(editor.forms) == {"events"}, "the other tabs are made when first shown"
    editor.tabs.selected_index = 1
    assert set(editor.forms) == {"events", "cases"} and editor.cases.inputs["name"].value

    def broken(self, app):
        raise ValueError("panne")

    monkeypatch.setattr("campaignkit.editor.tallies_tab.TalliesForm.__init__", broken)
    editor.tabs.selected_index = 2
    assert editor.tabs.selected_index == 1 and editor.tab_name() == "cases"
    assert "panne" in editor.notice.html.value and "onglet" in editor.notice.html.value


def open_widgets() -> int:
    """Widgets the kernel holds open (ipywidgets' registry: Widget.widgets is deprecated)."""
    return len(widget_registry._instances)


def test_region_and_language_switches_leave_no_widget_behind(editor):
    editor.tabs.selected_index = 2  # tallies: the tab a switch makes from now on
    editor.region_choice.value = "mauricie"
    editor.region_choice.value = "montreal"
    later = time.monotonic() + app.RETIRE_SECONDS + 1
    editor.close_retired(later)
    before = open_widgets()
    for region in ["mauricie", "cote-nord", "montreal"] * 3:  # Côte-Nord: no event to tally
        editor.region_choice.value = region
    editor.lang_choice.value = "en"
    editor.lang_choice.value = "fr"
    assert open_widgets() > before, "the page may still be drawing the last switches"
    editor.close_retired(time.monotonic() + app.RETIRE_SECONDS + 1)
    assert open_widgets() == before, "the page fetches every open widget when it opens"


def test_an_event_card_shares_the_look_of_its_lines(editor):
    """A page asks the kernel for every open widget: a field's input, counter and error line
    share one layout and one style each, instead of bringing two widgets of their own."""
    before = open_widgets()
    editor.events.on_add()
    key = max(editor.session.events.keys_of("montreal"))
    fields = sum(1 for k, column in editor.events.inputs if k == key and column != "_heading")
    assert open_widgets() - before <= 4 * fields + 8, "a field is its input, lines and box"


def test_closing_a_workbook_leaves_the_look_another_one_shares(editor, campaign_copy):
    Editor(campaign_copy.root, region="mauricie", preview_delay=0).close()
    counter, _ = editor.events.counters[event_key(editor, "mtl-cafe"), "city"]
    city, error = field(editor, "mtl-cafe", "city")
    for widget in (counter, error, city):
        assert widget.layout.comm is not None and widget.style.comm is not None
    assert editor.widget.get_state(), "the page can still be drawn"


def test_preview_shows_what_the_tab_edits(editor):
    editor.tabs.selected_index = 1
    editor.cases.chooser.value = "bo"
    assert editor.preview.shown == ("montreal", "casebook", "fr", "Bo Wet'suwet'en")
    editor.tabs.selected_index = 2
    editor.tallies.chooser.value = "mtl-cafe"
    assert editor.preview.shown == ("montreal", "tally", "fr", "Soirée au café")
    editor.tallies.chooser.value = "mtl-grand"
    assert editor.preview.shown[3] == "Grand marathon d'essai"
    editor.tabs.selected_index = 0
    assert editor.preview.shown == ("montreal", "poster", "fr", None)


def test_counters_show_the_limits_of_the_model(editor):
    key = event_key(editor, "mtl-grand")
    for column, limit in (("city", 40), ("venue", 60), ("address", 80), ("title_fr", 60)):
        assert f"/ {limit}<" in editor.events.counters[key, column][0].value, column
    city, error = field(editor, "mtl-grand", "city")
    city.value = "x" * 41
    assert "41 / 40" in editor.events.counters[key, "city"][0].value and "40 au plus" in error.value


def test_hours_are_shown_as_people_write_them(editor):
    start, _ = field(editor, "mtl-cafe", "start")
    assert start.value == dt.time(18, 30) and start.step == 60, "the picker shows no seconds"
    heading = editor.events.inputs[event_key(editor, "mtl-cafe"), "_heading"].value
    assert "mardi 5 décembre 2023, 18\u00a0h\u00a030 à 21\u00a0h" in heading
    editor.tabs.selected_index = 2
    assert "Soirée au café — 5 décembre 2023, 18\u00a0h\u00a030" in [
        label for label, _ in editor.tallies.event_options()
    ]
    editor.lang_choice.value = "en"
    heading = editor.events.inputs[event_key(editor, "mtl-cafe"), "_heading"].value
    assert "Tuesday, December 5, 2023, 6:30\u00a0p.m. to 9\u00a0p.m." in heading


def test_duplicate_an_event(editor, campaign_copy):
    key = event_key(editor, "mtl-cafe")
    editor.events.on_duplicate(key)
    copy = editor.session.events.keys_of("montreal")[-1]
    values = editor.session.events.values(copy)
    assert values["id"] == "montreal-1" and values["venue"] == "Café d'essai"
    assert values["title_fr"] == "Soirée au café" and values["start"] == "18:30"
    assert not editor.events.save.disabled
    editor.events.save.click()
    text = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert text.count("Café d'essai") == 2


def test_cancelled_removal_and_reload_change_nothing(editor):
    key = event_key(editor, "mtl-cafe")
    editor.events.on_remove(key)
    confirm_button(editor.events.confirm, "no").click()
    assert key in editor.session.events.rows and not editor.events.confirm.asking
    venue, _ = field(editor, "mtl-grand", "venue")
    venue.value = "Ailleurs"
    editor.events.reload.click()
    assert "Oublier vos modifications non enregistrées de la liste des événements" in (
        editor.events.confirm.box.children[0].value
    )
    confirm_button(editor.events.confirm, "no").click()
    assert venue.value == "Ailleurs" and editor.session.events.dirty


def test_versions_list_what_changed_and_restore_as_an_undoable_save(editor, campaign_copy):
    events = campaign_copy.root / "events.csv"
    first = events.read_text(encoding="utf-8")
    field(editor, "mtl-grand", "venue")[0].value = "Salle Un"
    editor.events.save.click()
    other = Session(campaign_copy.root)  # Mauricie saves its own row meanwhile
    key = other.events.keys_of("mauricie")[0]
    other.events.set(key, "venue", "Bibliothèque changée")
    other.events.save()
    editor.events.on_reload()
    field(editor, "mtl-cafe", "venue")[0].value = "Café Deux"
    editor.events.save.click()
    panel = editor.events.versions
    panel.box.selected_index = 0
    lines = [row.children[1].value for row in panel.list.children]
    assert len(lines) == 3  # each says what restoring it would do to what is saved now
    assert "la rétablir remet Soirée au café comme avant" in lines[0]
    assert "Grand marathon" not in lines[0] and "Grand marathon" not in lines[1]
    assert "la rétablir remet Soirée au café comme avant" in lines[1], "Mauricie's save"
    assert "remet Grand marathon d'essai, Soirée au café comme avant" in lines[2]
    panel.list.children[2].children[0].click()  # the first version: before Salle Un
    question = panel.confirm.box.children[0].value
    assert "Rétablir la version en place jusqu'au" in question
    assert "Cela remet Grand marathon d'essai, Soirée au café comme avant." in question
    confirm_button(panel.confirm, "yes").click()
    after = events.read_text(encoding="utf-8")
    assert "Maison d'essai" in after and "Café d'essai" in after, "Montréal as it was first"
    assert "Bibliothèque changée" in after, "Mauricie's row untouched"
    assert "rétablie et enregistrée" in panel.notice.html.value
    assert editor.events.status.html.value == "", "one message, not « Enregistré » under it"
    assert field(editor, "mtl-grand", "venue")[0].value == "Maison d'essai"
    lines = [row.children[1].value for row in panel.list.children]
    assert len(lines) == 3 and "Café Deux" not in after, "the first: the same as now, unlisted"
    assert not any("ne change rien" in line for line in lines)
    panel.list.children[0].children[0].click()  # undo: the version the restore replaced
    confirm_button(panel.confirm, "yes").click()
    assert "Café Deux" in events.read_text(encoding="utf-8")
    assert first != after


def test_versions_that_restoring_would_not_change_here_are_not_listed(editor, campaign_copy):
    """All regions share the events file: a first user playing Mauricie found Montréal's
    saves at the top of the list, each « ne change rien pour cette région »."""
    field(editor, "mtl-grand", "venue")[0].value = "Salle Un"
    editor.events.save.click()
    field(editor, "mtl-cafe", "venue")[0].value = "Café Deux"
    editor.events.save.click()
    editor.region_choice.value = "mauricie"
    panel = editor.events.versions
    panel.box.selected_index = 0
    [shown] = panel.list.children
    assert "Aucune version précédente" in shown.value, "Montréal's two saves are not listed"
    key = editor.session.events.keys_of("mauricie")[0]
    editor.session.events.set(key, "venue", "Bibliothèque changée")
    editor.events.save.click()
    lines = [row.children[1].value for row in panel.list.children]
    assert len(lines) == 3, "each version before this save would undo it"
    assert all("la rétablir remet Marathon à la bibliothèque comme avant" in x for x in lines)


def test_a_version_names_only_the_events_really_changed(editor, campaign_copy):
    """Ticking one event's address as pending adds the column to every row of the file; the
    other events are not changed for all that."""
    field(editor, "mtl-cafe", "address_pending")[0].value = True
    editor.events.save.click()
    header = (campaign_copy.root / "events.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.endswith(",address_pending"), "the column is new in every row"
    panel = editor.events.versions
    panel.box.selected_index = 0
    line = panel.list.children[0].children[1].value
    assert "la rétablir remet Soirée au café comme avant" in line and "Grand marathon" not in line


def test_events_are_compared_by_what_they_say():
    old = (
        "id,region,title_fr,title_en,venue,expected_attendance\n"
        "a,montreal,Marathon,Write-a-thon,Salle,30\n"
        "b,montreal,Soirée,Evening,Café,\n"
        "c,montreal,Midi,Noon,Parc,5\n"
    )
    new = (
        "id,region,title_fr,title_en,venue,expected_attendance,address_pending,sample\n"
        "a,montreal,Marathon,Write-a-thon, Salle ,030,no,\n"  # the same, written otherwise
        "b,montreal,Soirée,Evening,Café,,yes,\n"  # now ticked
        "d,montreal,,Night,Rue,,,\n"  # added, no French title yet
    )
    # read as what going from `old` to `new` does, as restoring `new` over `old` would
    assert versions.events_change(old, new, "montreal", "fr") == (
        "remet Night ; retire Midi ; remet Soirée comme avant"
    )
    assert versions.events_change(old, new, "montreal", "en") == (
        "brings back Night; removes Noon; puts Evening back as before"
    )
    assert versions.events_change(old, old.replace(",30", ",30 "), "montreal", "fr") == (
        "ne change rien pour cette région"
    )


TALLY = (
    "Événement / Event,mtl-grand\nParticipants,120\nActions en ligne / Online actions,15\n"
    "Cas / Case,Lettres / Letters,Cartes / Cards\nana,210,185\nbo,164,1240\n"
    "cy,,\nTotal,374,1425\n"
)


@pytest.mark.parametrize(
    ("edits", "lang", "said"),
    [
        ({"ana,210": "ana,215"}, "fr", "change ces nombres : Ana W., lettres 210 → 215"),
        (
            {"120": "125", ",15\n": ",\n"},
            "fr",
            "change ces nombres : participants 120 → 125 ; actions en ligne 15 → 0",
        ),
        ({"bo,164,1240": "bo,164,1241"}, "en", "changes these counts: Bo, cards 1,240 → 1,241"),
        (
            {"ana,210": "ana,2", "bo,164": "bo,1", "cy,,": "cy,4,1"},
            "fr",
            "change ces nombres : nombres de lettres changés pour 3 cas"
            " ; nombre de cartes changé pour 1 cas",
        ),
        (
            {"ana,210": "ana,2", "bo,164": "bo,1", "cy,,": "cy,4,1"},
            "es",
            "cambia estas cifras: números de cartas cambiados para 3 casos"
            "; número de tarjetas cambiado para 1 caso",
        ),
        ({"120": " 120", "ana,210": "ana,210.0", "cy,,": "cy,0,"}, "fr", "ne change rien"),
    ],
)
def test_a_tally_version_says_which_counts_changed(edits, lang, said):
    new = TALLY
    for old_text, new_text in edits.items():
        new = new.replace(old_text, new_text, 1)
    names = {"ana": "Ana W.", "bo": "Bo"}
    found = versions.tally_change(TALLY, new, lang, lambda case_id: names.get(case_id, case_id))
    assert found.replace("\u202f", " ").replace("\xa0", " ") == said


def test_a_version_read_line_by_line_says_what_restoring_it_does():
    """The fallback for a file that cannot be read as a tally: a verb, like every other
    description (« la rétablir change 2 lignes »)."""
    assert versions.lines_change("a\nb\n", "a\nc\nd\n", "fr") == "change 2 lignes"
    assert versions.lines_change("a\n", "b\n", "en") == "changes 1 line"


def test_the_tallies_versions_name_the_case_whose_counts_changed(editor):
    editor.tabs.selected_index = 2
    tallies = editor.tallies
    tallies.inputs["ana.letters"].value = "215"
    tallies.save.click()
    panel = tallies.versions
    panel.box.selected_index = 0
    line = panel.list.children[0].children[1].value
    assert (
        "la rétablir change ces nombres : Ana Wydrzyńska, lettres 215 → 210" in line
        and "ligne" not in line
    )


def test_a_tally_french_excel_saved_is_restored_byte_for_byte(campaign_copy):
    """Windows-1252, semicolons, CRLF: restoring its version puts back those very bytes (it
    was written back as UTF-8 with « � » in place of each accented letter)."""
    sheet = "Événement / Event;mtl-cafe\r\nParticipants;30\r\nCas / Case;Lettres;Cartes\r\n"
    sheet += "ana;3;4\r\nbo;1;2\r\n"
    path = campaign_copy.root / "tallies" / "mtl-cafe.csv"
    path.write_bytes(sheet.encode("cp1252"))
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0)
    tallies = editor.tallies
    tallies.current = "mtl-cafe"
    tallies.render()
    tallies.inputs["bo.cards"].value = "5"
    tallies.save.click()
    assert path.read_bytes() == sheet.replace("bo;1;2", "bo;1;5").encode("cp1252")
    panel = tallies.versions
    panel.box.selected_index = 0
    assert "Bo Wet'suwet'en, cartes 5 → 2" in panel.list.children[0].children[1].value
    panel.list.children[0].children[0].click()
    confirm_button(panel.confirm, "yes").click()
    assert path.read_bytes() == sheet.encode("cp1252")
    assert tallies.inputs["bo.cards"].value == "2" and not editor.session.dirty


def test_a_case_version_names_the_texts_changed(campaign_copy):
    old = (campaign_copy.root / "cases" / "ana.yaml").read_text(encoding="utf-8")
    new = old.replace("Ana est un personnage", "Ana est une militante").replace(
        "Ana is a character", "Ana is an activist"
    )
    said = versions.case_change(old, new, "fr", ["fr", "en"])
    assert said == "remet Histoire (français), Histoire (anglais) comme avant"
    assert versions.case_change(old, old + "\n# note\n", "en", ["fr", "en"]) == "changes nothing"
    moved = old.replace("Rue d'Essai 1", "Rue d'Essai 2")
    assert versions.case_change(old, moved, "fr", ["fr"]) == (
        "remet autres informations (adresse, photo…) comme avant"
    )


def test_restore_waits_for_unsaved_changes(editor):
    field(editor, "mtl-grand", "venue")[0].value = "Salle Un"
    editor.events.save.click()
    field(editor, "mtl-grand", "venue")[0].value = "Pas encore enregistré"
    panel = editor.events.versions
    panel.box.selected_index = 0
    panel.list.children[0].children[0].click()
    assert not panel.confirm.asking and "Enregistrez ou oubliez" in panel.notice.html.value


def test_a_case_version_is_restored(editor, campaign_copy):
    editor.tabs.selected_index = 1
    path = campaign_copy.root / "cases" / "ana.yaml"
    before = path.read_bytes()
    editor.cases.inputs["demand.fr"].value = "Libérez-la."
    editor.cases.save.click()
    panel = editor.cases.versions
    panel.box.selected_index = 0
    assert "la rétablir remet Demande (français) comme avant" in (
        panel.list.children[0].children[1].value
    )
    panel.list.children[0].children[0].click()
    assert "Enregistré" in editor.cases.status.html.value
    confirm_button(panel.confirm, "yes").click()
    assert path.read_bytes() == before
    assert editor.cases.status.html.value == "", "the earlier « Enregistré » is gone"
    assert editor.cases.inputs["demand.fr"].value != "Libérez-la."


def test_messages_name_no_file_and_no_tool(editor):
    field(editor, "mtl-grand", "venue")[0].value = "Salle Un"
    editor.events.save.click()
    texts = [editor.events.status.html.value, editor.produce.box.children[0].value]
    editor.tabs.selected_index = 2
    texts += [child.value for child in editor.tallies.box.children if hasattr(child, "value")]
    for text in texts:
        for word in (".csv", ".yaml", "papermill", "campaignkit", ".backups", "carnet"):
            assert word not in text, (word, text)
    assert "Enregistré : la liste des événements" in texts[0]
    languages = [box.description for box in editor.produce.langs.values()]
    assert languages == ["français", "anglais"], "languages named, not coded"


def test_every_material_has_a_name_in_the_page_languages():
    from campaignkit.editor.words import material_label
    from campaignkit.materials import registry

    for lang in ("fr", "en"):
        unnamed = [name for name in registry.names() if material_label(name, lang) == name]
        assert unnamed == [], lang  # the produce tab listed "press-release (anglais)"


def test_produced_pdfs_come_through_the_page_not_a_web_address(campaign_copy, tmp_path):
    editor = Editor(campaign_copy.root, region="mauricie", preview_delay=0, out_dir=tmp_path)
    editor.produce.langs["en"].value = False
    editor.produce.run(wait=True)
    links = editor.produce.links.value
    assert 'href="data:application/pdf;base64,JVBER' in links  # %PDF
    assert "/files/" not in links and 'download="affiche-mauricie-francais.pdf"' in links


def test_an_unreadable_tally_leaves_the_region_usable(editor, monkeypatch):
    def unreadable(self, event_id):
        raise ValueError("octet 0xe9 illisible")

    monkeypatch.setattr(Session, "tally", unreadable)
    editor.region_choice.value = "mauricie"
    assert editor.region == "mauricie" and editor.notice.html.value == ""
    shown = editor.tallies.box.children[-1].value
    assert "ne peut pas être lu (octet 0xe9 illisible)" in shown
    assert "Mauricie" in editor.preview.caption.value


def test_rows_saved_by_others_are_merged_in_and_the_page_says_so(editor, campaign_copy):
    field(editor, "mtl-grand", "venue")[0].value = "Salle A"
    other = Session(campaign_copy.root)  # Mauricie saves its own row meanwhile
    key = other.events.keys_of("mauricie")[0]
    other.events.set(key, "venue", "Bibliothèque changée")
    other.events.save()
    editor.events.save.click()
    text = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert "Salle A" in text and "Bibliothèque changée" in text, "both saves landed"
    status = editor.events.status.html.value
    assert "Enregistré : la liste des événements" in status
    said = "Entre-temps, d'autres personnes ont enregistré : Marathon à la bibliothèque ;"
    assert said in status, "the event others saved, by its title (not its id, tr-biblio)"
    editor.region_choice.value = "mauricie"
    assert field(editor, "tr-biblio", "venue")[0].value == "Bibliothèque changée"


def test_previews_write_nothing_under_the_outputs_folder(campaign_copy, tmp_path, monkeypatch):
    """A large photo is downscaled for the page, into a folder of the kernel, not outputs/."""
    from tests.data.test_photos import with_photo

    outputs = tmp_path / "outputs"
    monkeypatch.setattr(paths, "OUTPUTS", outputs)
    monkeypatch.setattr(paths, "CACHE", outputs / ".cache")
    root = with_photo(campaign_copy, (4000, 3000))
    editor = Editor(root, region="montreal", preview_delay=0)
    editor.tabs.selected_index = Editor.TABS.index("cases")
    assert editor.preview.shown[1] == "casebook" and editor.preview.png.startswith(b"\x89PNG")
    assert not outputs.exists(), sorted(outputs.rglob("*"))


def test_save_says_whose_changes_it_writes_from_another_region(editor, campaign_copy):
    """events.csv is one file: Save on Mauricie would also write Montréal's unsaved edit."""
    before = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    field(editor, "mtl-grand", "venue")[0].value = "Salle pas encore enregistrée"
    assert editor.events.save.description == "Enregistrer (Montréal : 1 événement modifié)"
    editor.region_choice.value = "mauricie"
    save = editor.events.save
    assert save.description == "Enregistrer (Montréal : 1 événement modifié)", "not a silent save"
    assert "non enregistrées (Montréal : 1 événement modifié)" in editor.state.value
    key = event_key(editor, "tr-biblio")
    editor.events.on_duplicate(key)
    editor.events.on_duplicate(key)
    (campaign_copy.root / "tallies" / "tr-biblio.xlsx").unlink()  # else it stays (see above)
    editor.events.on_remove(key)
    confirm_button(editor.events.confirm, "yes").click()
    assert save.description == (
        "Enregistrer (Mauricie : 2 événements ajoutés, 1 événement retiré ; "
        "Montréal : 1 événement modifié)"
    )
    editor.lang_choice.value = "en"
    assert editor.events.save.description == (
        "Save (Mauricie: 2 events added, 1 event removed; Montreal: 1 event changed)"
    )
    assert "unsaved changes (Mauricie: 2 events added, 1 event removed; Montreal: 1 event" in (
        editor.state.value
    )
    editor.events.save.click()
    assert editor.events.save.description == "Save" and editor.events.save.disabled
    after = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert "Salle pas encore enregistrée" in after and "tr-biblio," not in after
    assert after.count("Marathon à la bibliothèque") == 2 and before.count("tr-biblio,") == 1


def test_the_page_address_follows_region_and_language(editor):
    def script():
        return editor.address.script

    assert '{"campaign": null, "region": "montreal", "lang": "fr"}' in script()
    editor.region_choice.value = "mauricie"
    assert '"region": "mauricie", "lang": "fr"}' in script()
    editor.lang_choice.value = "en"
    assert '"region": "mauricie", "lang": "en"}' in script() and "replaceState" in script()


def test_the_tally_list_shows_an_event_saved_in_this_session(editor):
    tallies = Editor.TABS.index("tallies")
    editor.tabs.selected_index = tallies
    editor.tabs.selected_index = 0
    editor.events.on_duplicate(event_key(editor, "mtl-cafe"))
    new = max(editor.session.events.keys_of("montreal"))
    editor.events.inputs[new, "title_fr"].value = "Marathon du soir"
    editor.events.save.click()
    assert "Enregistré" in editor.events.status.html.value
    labels = [label for label, _ in editor.tallies.chooser.options]
    assert any(label.startswith("Marathon du soir — ") for label in labels), labels
    editor.tallies.chooser.value = "montreal-1"
    editor.tabs.selected_index = tallies
    assert editor.tallies.current == "montreal-1", "the tab keeps the event chosen"
    assert "Marathon du soir" in editor.preview.caption.value + str(editor.focus())


def test_a_new_or_duplicated_event_is_added_in_place_and_brought_into_view(editor):
    """The cards on the page stay as they are (made again, the page went back to the top)."""
    cards = [c for c in editor.events.box.children if "ck-card" in c._dom_classes]
    editor.events.on_duplicate(event_key(editor, "mtl-cafe"))
    copy = editor.session.events.keys_of("montreal")[-1]
    now = [c for c in editor.events.box.children if "ck-card" in c._dom_classes]
    assert now[:2] == cards and len(now) == 3, "the two cards shown are kept, one is added"
    assert f"ck-card-{copy}" in now[2]._dom_classes and "ck-event-2" in now[2]._dom_classes
    assert editor.events.inputs[copy, "venue"].value == "Café d'essai"
    script = editor.into_view.script
    assert f'wanted = ".ck-events .ck-card-{copy}", field = ".ck-field-title_fr input"' in script
    assert "scrollIntoView" in script and "focus" in script
    editor.events.add.click()
    new = editor.session.events.keys_of("montreal")[-1]
    now = [c for c in editor.events.box.children if "ck-card" in c._dom_classes]
    assert now[:2] == cards and len(now) == 4 and f"ck-card-{new}" in now[3]._dom_classes
    assert f".ck-card-{new}" in editor.into_view.script
    assert editor.events.box.children[-3] == editor.events.add
    assert editor.events.box.children[-1] == editor.events.versions.box, "under the Save bar"
    assert editor.events.save.disabled, "the new event's fields are still to fill"


def test_documents_languages_and_counts_are_said_in_the_readers_words(editor, tmp_path):
    import re
    from pathlib import Path

    from campaignkit import materials
    from campaignkit.batch.jobs import Job, Outcome
    from campaignkit.data.loader import load_campaign
    from campaignkit.editor.words import material_label
    from campaignkit.printing.document import output_path
    from campaignkit.text.catalog import word

    for lang in ("fr", "en"):
        assert [n for n in materials.names() if material_label(n, lang) == n] == [], lang
        for name, printed in (
            ("labels", "labels_title"),
            ("mailing-kit", "mailing_title"),
            ("press-release", "press_kicker"),
        ):
            assert material_label(name, lang) == word(printed, lang), "as printed on it"
    menu = [label for label, _ in editor.preview.material.options]
    assert {"Communiqué de presse", "Étiquettes d'envoi", "Trousse d'envoi"} <= set(menu)
    assert "Images pour les réseaux sociaux" in menu
    assert [box.description for box in editor.produce.langs.values()] == ["français", "anglais"]
    editor.out_dir = tmp_path
    data = load_campaign(editor.session.root)
    kit = Job("presskit.ipynb", "montreal", "fr", ("press-release", "social", "labels"))
    for name in kit.materials:
        pdf = output_path(data, name, "montreal", "fr", tmp_path)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(b"%PDF-1.4 test")
    failed = Outcome(Job("poster.ipynb", "montreal", "en", ("poster", "tally")), Path(), "x")
    made = editor.produce.made(data, [Outcome(kit, Path()), failed])
    assert re.findall(r">([^<]+)</a>", editor.produce.links_html(made)) == [
        "Communiqué de presse (français)",
        "Images pour les réseaux sociaux (français)",
        "Étiquettes d'envoi (français)",
    ]
    assert [saved_as for _, _, saved_as in made] == [  # it was montreal-labels-fr.pdf
        "communique-de-presse-montreal-francais.pdf",
        "images-pour-les-reseaux-sociaux-montreal-francais.pdf",
        "etiquettes-d-envoi-montreal-francais.pdf",
    ]
    summary = editor.produce.summary(made, [Outcome(kit, Path()), failed])
    assert summary == "Terminé : 3 documents prêts, 2 documents en échec."
    assert editor.produce.summary(made[:1], []) == "Terminé : 1 document prêt."
    from campaignkit.editor.produce_tab import download_name, job_label

    tally = download_name(material_label("tally", "fr"), "Montréal", "français")
    assert tally == "feuille-de-decompte-montreal-francais.pdf", "no English word « tally »"

    assert job_label(failed.job, "fr") == "Affiche, Feuille de décompte (anglais)"
    editor.lang_choice.value = "en"
    assert [box.description for box in editor.produce.langs.values()] == ["French", "English"]
    assert (
        editor.produce.summary(made[:1], [failed]) == "Done: 1 document ready, 2 documents failed."
    )
    assert "News release" in [label for label, _ in editor.preview.material.options]


def test_save_waits_for_another_regions_unsaved_events_to_be_corrected(editor):
    editor.events.add.click()  # Montréal: a new event, still empty
    editor.region_choice.value = "mauricie"
    field(editor, "tr-biblio", "venue")[0].value = "Autre salle"
    assert editor.events.save.disabled
    assert "corriger : les événements de Montréal." in editor.events.hint.value
    editor.region_choice.value = "montreal"
    new = editor.session.events.keys_of("montreal")[-1]
    remove = [b for b in editor.events.box.children if f"ck-card-{new}" in b._dom_classes]
    editor.events.on_remove(new)
    confirm_button(editor.events.confirm, "yes").click()
    assert remove and not editor.events.save.disabled
    assert editor.events.save.description == "Enregistrer (Mauricie : 1 événement modifié)"


BAD_EMAILS = ["sophie.tremblay.exemple.org", "karim.benali@exemple", "karim benali@example.org"]


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_a_bad_email_is_said_and_the_page_keeps_updating(editor, campaign_copy, email):
    before = (campaign_copy.root / "events.csv").read_bytes()
    key = event_key(editor, "mtl-cafe")
    contact, error = field(editor, "mtl-cafe", "contact_email")
    contact.value = email
    assert f"Adresse courriel invalide « {email} »" in error.value
    assert "prenom.nom@exemple.org" in error.value and "ck-invalid" in contact._dom_classes
    assert "Courriel" in editor.events.hint.value and editor.events.save.disabled
    title, _ = field(editor, "mtl-cafe", "title_fr")
    title.value = "Soirée au café du coin"
    heading = editor.events.inputs[key, "_heading"].value
    assert "Soirée au café du coin" in heading, "the card keeps following the typing"
    editor.events.on_save()  # even a click the page had no time to disable writes nothing
    assert (campaign_copy.root / "events.csv").read_bytes() == before
    editor.lang_choice.value = "en"
    _, error = field(editor, "mtl-cafe", "contact_email")
    assert f"Invalid e-mail address '{email}'" in error.value
    contact, error = field(editor, "mtl-cafe", "contact_email")
    contact.value = "karim.benali@example.org"
    assert error.value == "" and not editor.events.save.disabled


def test_card_messages_write_dates_hours_and_languages_as_people_do(editor):
    key = event_key(editor, "mtl-cafe")
    date, date_error = field(editor, "mtl-cafe", "date")
    date.value = dt.date(2026, 12, 8)
    assert (
        "Date 8 décembre 2026 hors de la campagne (1er novembre 2023 – 31 décembre 2023). "
        "Choisissez une date entre le début et la fin de la campagne." in date_error.value
    )
    editor.lang_choice.value = "en"
    errors = [field(editor, "mtl-cafe", "date")[1].value]
    assert "Date December 8, 2026 outside the campaign (November 1, 2023" in errors[0]
    field(editor, "mtl-cafe", "date")[0].value = dt.date(2023, 12, 5)
    editor.lang_choice.value = "fr"
    end, end_error = field(editor, "mtl-cafe", "end")
    end.value = dt.time(17, 0)
    start, _ = field(editor, "mtl-cafe", "start")
    start.value = dt.time(19, 0)
    assert "La fin (17\u00a0h) précède le début (19\u00a0h)" in end_error.value
    title, title_error = field(editor, "mtl-cafe", "title_fr")
    title.value = "x" * 61
    assert "Texte trop long en français : 61 caractères" in title_error.value
    date, date_error = field(editor, "mtl-cafe", "date")
    date.value = dt.date(2026, 12, 8)
    assert "hors de la campagne" in date_error.value, "said beside the row's other problems"
    assert "corriger : Titre (français), Date, Fin." in editor.events.hint.value
    editor.lang_choice.value = "en"
    errors += [editor.events.errors[key, column].value for column in ("end", "title_fr")]
    field(editor, "mtl-cafe", "title_en")[0].value = ""  # said beside the French one's
    field(editor, "mtl-cafe", "id")[0].value = "tr-biblio"
    errors += [editor.events.errors[key, column].value for column in ("title_en", "id")]
    assert (
        "Text missing in English. Write this text in every language of the campaign" in (errors[3])
    )
    assert "Choose another short name, one no other event uses" in errors[4]
    assert "The end (5\u00a0p.m.) comes before the start (7\u00a0p.m.)" in errors[1]
    assert "Text too long in French: 61 characters" in errors[2]
    for text in errors:
        for machine in (".yaml", ".csv", "2026-12-08", ":00", "« fr »", "'fr'", "'en'"):
            assert machine not in text, (machine, text)


def test_an_address_to_be_confirmed_is_ticked_on_the_card(editor, campaign_copy):
    key = event_key(editor, "mtl-cafe")
    pending, _ = field(editor, "mtl-cafe", "address_pending")
    assert pending.description == "Adresse à confirmer" and pending.value is False
    address, error = field(editor, "mtl-cafe", "address")
    address.value = ""
    assert "ou cochez « Adresse à confirmer » si elle n'est pas encore connue" in error.value
    assert "address_pending" not in error.value and editor.events.save.disabled
    image = editor.preview.png
    pending.value = True
    assert error.value == "" and not editor.events.save.disabled
    assert editor.preview.png != image, "the poster now says the address is to be confirmed"
    event = next(e for e in editor.session.preview_data().events if e.id == "mtl-cafe")
    assert event.address_pending and event.address == ""
    editor.lang_choice.value = "en"
    assert editor.events.inputs[key, "address_pending"].description == "Address to be confirmed"
    editor.events.save.click()
    saved = Session(campaign_copy.root)
    events = {e.id: e for e in saved.preview_data().events}
    assert events["mtl-cafe"].address_pending and not events["mtl-grand"].address_pending
    lines = (campaign_copy.root / "events.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].endswith(",address_pending") and lines[2].endswith(",yes")
    pending, _ = field(editor, "mtl-cafe", "address_pending")
    pending.value = False
    _, error = field(editor, "mtl-cafe", "address")
    assert "or tick 'Address to be confirmed'" in error.value and editor.events.save.disabled


def test_an_open_versions_list_shows_the_version_a_save_just_made(editor):
    panel = editor.events.versions
    panel.box.selected_index = 0
    assert "Aucune version précédente" in panel.list.children[0].value
    field(editor, "mtl-grand", "venue")[0].value = "Salle Un"
    editor.events.save.click()
    lines = [row.children[1].value for row in panel.list.children if hasattr(row, "children")]
    assert len(lines) == 1 and "remet Grand marathon d'essai comme avant" in lines[0]


def test_a_case_save_keeps_its_fields_unless_others_changed_them(editor, campaign_copy):
    """Letters typed before Save but sent after it land in the fields still on the page."""
    editor.tabs.selected_index = 1
    cases = editor.cases
    demand = cases.inputs["demand.fr"]
    demand.value = "Libérez-la"
    cases.save.click()
    assert cases.inputs["demand.fr"] is demand, "the same fields stay on the page"
    demand.value = "Libérez-la maintenant."  # the last letters, after the save
    assert "non enregistrées" in editor.state.value and not cases.save.disabled
    cases.inputs["name"].value = "Ana W."
    cases.save.click()
    assert cases.chooser.options[0] == ("Ana W.", "ana"), "a new name: the list follows"
    other = Session(campaign_copy.root)  # someone else changes a field meanwhile
    other.cases["ana"].set(("blurb", "fr"), "Changé ailleurs.")
    other.cases["ana"].save()
    cases.inputs["demand.fr"].value = "Libérez-la !"
    cases.save.click()
    assert cases.inputs["blurb.fr"].value == "Changé ailleurs.", "merged in and shown"
    said = "ont enregistré : Résumé pour l'affiche (français) ;"
    assert said in cases.status.html.value, "the field others saved, as the tab labels it"


def test_the_next_page_is_prepared_for_what_the_last_page_asked_for(tmp_path):
    last = "http://127.0.0.1:8866/?region=mauricie&lang=en&token=secret"
    environ = {"CAMPAIGNKIT_CAMPAIGN": str(tmp_path), "VOILA_REQUEST_URL": last}
    expected = {"campaign": str(tmp_path), "region": "mauricie", "lang": "en"}
    assert likely_options(environ) == expected
    assert likely_options({})["region"] is None, "no page yet: the campaign's first region"


def page_asks(monkeypatch, query: str):
    """The page's address, as Voila gives it to a preheated kernel once the page is asked for."""
    monkeypatch.setenv("QUERY_STRING", query)


def test_a_workbook_made_before_its_page_shows_the_region_and_language_asked_for(
    campaign_copy, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up()
    made = app._ready
    assert made.region == "montreal" and made.preview.png, "made and drawn before the page"
    page_asks(monkeypatch, "region=mauricie&lang=en")
    opened = app.workbook()
    assert opened is made, "the workbook made beforehand, switched"
    assert (opened.region, opened.lang) == ("mauricie", "en")
    assert region_on_screen(opened) == {"mauricie"}
    assert opened.tabs.titles[0] == "Events"
    assert app.workbook() is not opened, "used once: the cell run again makes a new one"


def test_a_workbook_made_beforehand_switches_once_its_cell_has_returned(campaign_copy, monkeypatch):
    """Voila sends the page when the cell returns: the switch is made right after, before
    anything the page could ask for (the kernel's loop takes it first)."""
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up()
    page_asks(monkeypatch, "region=mauricie&lang=en")

    async def the_cell_then_the_page():
        opened = app.workbook()
        returned_on = opened.region
        await asyncio.sleep(0)  # the page's first message comes after this turn of the loop
        return opened, returned_on

    opened, returned_on = asyncio.run(the_cell_then_the_page())
    assert returned_on == "montreal", "the cell returned without waiting for the switch"
    assert (opened.region, opened.lang) == ("mauricie", "en")
    assert region_on_screen(opened) == {"mauricie"}


def test_a_switched_workbook_draws_its_preview_once_the_page_has_drawn_its_forms(
    campaign_copy, monkeypatch
):
    """The page's scripts and forms have the machine while they load; the preview comes
    right after the page says its forms are drawn, or PAGE_WAIT seconds after at most."""
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0.01)
    editor.preview.now()

    async def the_page_draws_after(seconds: float, says_so=True):
        other = "mauricie" if editor.region == "montreal" else "montreal"
        editor.show(other, "en" if editor.lang == "fr" else "fr")  # relabels the preview too
        await asyncio.sleep(seconds)
        waiting = editor.preview.shown, editor.preview.image.value
        if says_so:
            editor.drawn.signal.click()  # what the page's script does, once drawn
        await asyncio.sleep(0.1)  # the render runs in the loop: done when this returns
        return waiting

    assert asyncio.run(the_page_draws_after(0.3)) == (None, ""), "Montréal's taken off at once"
    assert editor.preview.shown[0] == "mauricie" and "Mauricie" in editor.preview.caption.value
    assert editor.drawn.script, "the page is asked to say when it is drawn"
    monkeypatch.setattr(page_script, "NOT_DRAWN_AFTER", 0.1)
    assert asyncio.run(the_page_draws_after(0.5, says_so=False))[0][0] == "montreal", "no page"


def test_a_closed_workbook_draws_nothing_when_its_page_says_it_is_drawn(campaign_copy):
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=0.01)

    async def closed_then_drawn():
        editor.show("mauricie")
        renders = editor.preview.renders
        editor.close()
        editor.drawn.signal.click()
        await asyncio.sleep(0.1)
        return renders

    assert asyncio.run(closed_then_drawn()) == editor.preview.renders


def test_a_region_that_cannot_be_shown_leaves_the_page_on_one_region_saying_why(
    campaign_copy, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up()

    def broken(self, app):
        raise ValueError("panne")

    monkeypatch.setattr("campaignkit.editor.events_tab.EventsForm.__init__", broken)
    page_asks(monkeypatch, "region=mauricie")
    opened = app.workbook()
    assert opened.region == "montreal" and region_on_screen(opened) == {"montreal"}
    assert "panne" in opened.notice.html.value


def test_a_page_opened_after_a_file_changed_during_warm_up_shows_the_new_data(
    campaign_copy, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up(region="montreal")
    made = app._ready
    assert field(made, "mtl-grand", "venue")[0].value == "Maison d'essai"
    campaign_copy.edit("events.csv", "Maison d'essai", "Salle Marie-Gérin-Lajoie")
    page_asks(monkeypatch, "region=montreal")
    opened = app.workbook()
    assert field(opened, "mtl-grand", "venue")[0].value == "Salle Marie-Gérin-Lajoie"
    assert made.widget.comm is None, "the stale workbook is closed, never sent to the page"
    assert opened.preview.shown == made.preview.shown and opened.preview.png != made.preview.png


class PageAskedFor:
    """The page's address as a preheated kernel waits for it: each wait first runs the next
    step (something that happens meanwhile), and the address comes after the last one."""

    def __init__(self, *steps):
        self.steps = list(steps)

    def wait(self, timeout=None):
        if not self.steps:
            return True
        self.steps.pop(0)()
        return False


def test_a_workbook_waiting_for_its_page_is_made_again_when_a_file_changes(
    campaign_copy, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up(region="montreal")
    made, kept = app._ready, []

    def nothing_changes():
        pass

    def another_region_saves():
        kept.append(app._ready)
        campaign_copy.edit("events.csv", "Maison d'essai", "Salle Marie-Gérin-Lajoie")

    monkeypatch.setattr(app, "_listening", PageAskedFor(nothing_changes, another_region_saves))
    app.wait_for_page()
    assert kept == [made], "no file changed: the same workbook waits"
    remade = app._ready
    assert remade is not made and made.widget.comm is None, "the old one closed, never shown"
    assert field(remade, "mtl-grand", "venue")[0].value == "Salle Marie-Gérin-Lajoie"
    assert remade.preview.png and remade.preview.png != made.preview.png, "drawn before the page"
    page_asks(monkeypatch, "region=montreal")
    assert app.workbook() is remade, "up to date: the page takes it as it is"


def test_a_page_asking_for_another_campaign_gets_a_workbook_of_that_campaign(
    campaign_copy, monkeypatch
):
    monkeypatch.setenv("CAMPAIGNKIT_CAMPAIGN", str(campaign_copy.root))
    app.warm_up()
    page_asks(monkeypatch, "campaign=2023&region=estrie")
    opened = app.workbook()
    assert opened.session.root == paths.DEFAULT_CAMPAIGN.resolve() and opened.region == "estrie"


def test_the_preview_note_says_whether_the_page_shown_is_current(campaign_copy):
    editor = Editor(campaign_copy.root, region="montreal", preview_delay=60)
    editor.preview.now()
    assert "Aperçu à jour" in editor.preview.note.value
    shown = editor.preview.png
    venue, _ = field(editor, "mtl-grand", "venue")

    async def type_in_a_running_page():  # the render waits for the kernel's loop
        venue.value = "Salle des fêtes"
        return editor.preview.note.value, editor.preview.png

    note, png = asyncio.run(type_in_a_running_page())
    assert "Mise à jour de l'aperçu" in note, "a change waiting to be drawn is said"
    assert "Aperçu à jour" not in note
    assert png == shown, "the page shown stays until the new one is ready"
    editor.preview.now()
    assert "Aperçu à jour" in editor.preview.note.value and editor.preview.png != shown
    editor.events.add.click()
    editor.preview.now()
    note = editor.preview.note.value
    assert "pause" in note and "rouge" not in note, "a new empty event shows nothing red yet"


def test_versions_saved_within_one_minute_are_told_apart_by_their_seconds(editor, campaign_copy):
    """Two versions both listed « 2 décembre 2026, 0 h 52 » could not be told apart."""
    from campaignkit.data.savefile import backup_path

    events = campaign_copy.root / "events.csv"
    for stamp in ("20261202-005205-000001", "20261202-005247-000001", "20261202-004900-000001"):
        backup_path(campaign_copy.root, events, stamp).parent.mkdir(parents=True, exist_ok=True)
        older = events.read_text(encoding="utf-8").replace("Café d'essai", "Café ancien")
        backup_path(campaign_copy.root, events, stamp).write_text(older, encoding="utf-8")
    panel = editor.events.versions
    panel.box.selected_index = 0
    lines = [row.children[1].value for row in panel.list.children]
    assert "0\u00a0h\u00a052\u00a0min\u00a047\u00a0s" in lines[0]
    assert "0\u00a0h\u00a052\u00a0min\u00a005\u00a0s" in lines[1]
    assert "0\u00a0h\u00a049 —" in lines[2], "alone in its minute: no seconds"
    panel.list.children[1].children[0].click()
    assert "0\u00a0h\u00a052\u00a0min\u00a005\u00a0s" in panel.confirm.box.children[0].value
