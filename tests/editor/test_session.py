"""The editor's session (no widgets) on copies of the sample campaign: every file read by the
data layer's one reader per format, saved in its own encoding and delimiter, record by record."""

import csv
import io
import shutil

import pytest

from campaignkit import load_campaign, paths
from campaignkit.data.tallies import read_tallies
from campaignkit.editor.session import RecordsChanged, Session
from campaignkit.exceptions import EventHasTally
from tests.data.test_csvfile import changed_lines


@pytest.fixture
def sample(tmp_path):
    """A writable copy of the sample campaign cases/2023."""
    root = tmp_path / "2023"
    shutil.copytree(paths.DEFAULT_CAMPAIGN, root)
    return root


def key_of(session, event_id):
    events = session.events
    return next(key for key in events.rows if events.values(key)["id"] == event_id)


def test_every_region_opens_with_its_tallies_as_check_reads_them(sample):
    session = Session(sample)
    read = read_tallies(load_campaign(sample)).tallies
    assert len(session.regions) == 17 and session.all_problems() == []
    compared = set()
    for region in session.regions:
        for key in session.events.keys_of(region):
            event_id = session.events.values(key)["id"]
            tally = session.tally(event_id)
            assert tally.validate() == [], (region, event_id)
            if event_id not in read:
                continue  # no tally yet
            # a case with no row in the file (one added later) shows blank: it counts 0
            letters = {case: int(pair[0] or 0) for case, pair in tally.counts.items()}
            cards = {case: int(pair[1] or 0) for case, pair in tally.counts.items()}
            known = read[event_id]
            assert letters == {case: known.letters.get(case, 0) for case in letters}, event_id
            assert cards == {case: known.cards.get(case, 0) for case in cards}, event_id
            assert int(tally.participants) == read[event_id].participants
            compared.add(event_id)
            if tally.spreadsheet is None:  # a workbook is shown, not saved, by the editor
                assert tally.data() == tally.snapshot.data, f"{event_id}: saved as is"
    assert compared == set(read) and len(read) == 17, "every tally, CSV or workbook"
    assert session.all_problems() == [], "the tallies as results reads them: no problem"


@pytest.mark.parametrize("event_id", ["tr-aline-piche", "shaw-cafe", "qc-limoilou"])
def test_windows_1252_tallies_show_their_accents_and_counts(sample, event_id):
    tally = Session(sample).tally(event_id)
    assert tally.sheet.table.encoding == "cp1252" and tally.sheet.table.delimiter == ";"
    assert tally.sheet.labelled("event").fields[0] == "Événement / Event"
    assert sum(int(pair[0] or 0) for pair in tally.counts.values()) > 0


def test_estrie_semicolon_tally_shows_real_counts_and_saves_in_its_own_style(sample):
    path = sample / "tallies" / "sher-bibliotheque.csv"
    before = path.read_bytes()
    tally = Session(sample).tally("sher-bibliotheque")
    assert tally.counts["ahmed-mansoor"] == ["12", "8"]
    assert tally.participants == "59" and "ahmed-mansoor;12;8" not in tally.counts
    tally.participants = "61"
    tally.save()
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and after.count(b"\r\n") == before.count(b"\r\n")
    assert changed_lines(before.decode("utf-8"), after.decode("utf-8")) == [
        "-Participants;59",
        "+Participants;61",
    ]
    tally.counts["ahmed-mansoor"][0] = "13"
    tally.save()
    changed = changed_lines(after.decode("utf-8"), path.read_text(encoding="utf-8"))
    assert changed == [
        "-ahmed-mansoor;12;8",
        "+ahmed-mansoor;13;8",
        "-Total;161;109",
        "+Total;162;109",
    ], "the count's line, and the total the reader checks it against"
    assert read_tallies(load_campaign(sample)).problems == []


def test_counts_written_as_people_write_them(sample):
    tally = Session(sample).tally("sher-bibliotheque")
    tally.counts["ahmed-mansoor"] = ["1 200", "12.0"]
    assert tally.validate() == [] and tally.totals() == (1349, 113)
    tally.counts["ahmed-mansoor"] = ["=12+1", "-3"]
    assert [p.code for p in tally.validate()] == ["formula_count", "negative_count"]


def french_excel(path):
    """The file as French Excel saves CSV: semicolons, Windows-1252, CRLF."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def test_windows_1252_semicolon_events_open_and_a_venue_edit_changes_one_line(sample):
    path = sample / "events.csv"
    french_excel(path)
    before = path.read_bytes()
    session = Session(sample)
    assert session.all_problems() == []
    assert {session.events.values(key)["region"] for key in session.events.rows} >= {
        "estrie",
        "mauricie",
    }
    key = key_of(session, "sher-bibliotheque")
    assert session.events.values(key)["venue"] == "Bibliothèque municipale de Sherbrooke"
    session.events.set(key, "venue", "Salle Françoise-Œuvre")
    assert session.events.validate(key, session.campaign, list(session.regions))[1] == []
    session.events.save()
    after = path.read_bytes()
    assert after.count(b"\r\n") == before.count(b"\r\n") and b"\xef\xbb\xbf" not in after
    old, new = before.decode("cp1252"), after.decode("cp1252")
    assert changed_lines(old, new) == [
        "-" + next(line for line in old.splitlines() if line.startswith("sher-bibliotheque;")),
        "+" + next(line for line in new.splitlines() if line.startswith("sher-bibliotheque;")),
    ]
    assert "Salle Françoise-Œuvre" in new and new.count(";") == old.count(";")
    assert load_campaign(sample).events  # check reads what the editor wrote


def test_a_character_the_file_cannot_hold_is_a_problem_not_a_crash(sample):
    french_excel(sample / "events.csv")
    session = Session(sample)
    key = key_of(session, "sher-bibliotheque")
    session.events.set(key, "venue", "Salle Ōtsuki")
    problems = session.events.validate(key, session.campaign, list(session.regions))[1]
    assert [(p.code, p.field, p.row) for p in problems] == [("not_encodable", "venue", 13)]
    assert "Ō" in problems[0].text("fr") and "UTF-8" in problems[0].fix("fr")
    on_the_page = f"{problems[0].message('fr', page=True)}. {problems[0].fix('fr', page=True)}"
    assert on_the_page == (
        "caractères que la liste des événements ne peut pas contenir : Ō. remplacez-les ou "
        "retirez-les"
    )


# Record-level saves (issue 13, item 2) -------------------------------------------------


def test_two_sessions_editing_different_rows_both_land(sample):
    outaouais, estrie = Session(sample), Session(sample)
    outaouais.events.set(key_of(outaouais, "gat-hull"), "venue", "Maison du citoyen")
    estrie_key = key_of(estrie, "sher-bibliotheque")
    estrie.events.set(estrie_key, "venue", "Salle Alfred-Desrochers")
    assert outaouais.events.save().merged == []
    result = estrie.events.save()
    assert result.merged == ["gat-hull"], "the page can say whose change was kept"
    saved = load_campaign(sample)
    venues = {event.id: event.venue for event in saved.events}
    assert venues["gat-hull"] == "Maison du citoyen"
    assert venues["sher-bibliotheque"] == "Salle Alfred-Desrochers"
    assert estrie.events.values(key_of(estrie, "gat-hull"))["venue"] == "Maison du citoyen"
    assert not estrie.events.dirty and estrie.events.keys_of("estrie")[0] == estrie_key


def test_the_same_row_edited_twice_is_refused_with_both_versions(sample):
    first, second = Session(sample), Session(sample)
    first.events.set(key_of(first, "sher-bibliotheque"), "venue", "Salle A")
    first.events.save()
    on_disk = (sample / "events.csv").read_bytes()
    key = key_of(second, "sher-bibliotheque")
    second.events.set(key, "venue", "Salle B")
    with pytest.raises(RecordsChanged) as refused:
        second.events.save()
    (conflict,) = refused.value.conflicts
    assert conflict.record == "sher-bibliotheque"
    assert (conflict.mine["venue"], conflict.theirs["venue"]) == ("Salle B", "Salle A")
    assert (sample / "events.csv").read_bytes() == on_disk, "nothing written"
    assert second.events.values(key)["venue"] == "Salle B" and second.events.dirty


def test_added_and_removed_rows_merge_with_others_edits(sample):
    adding, editing = Session(sample), Session(sample)
    key = adding.events.add("estrie", {"id": "magog-biblio", "venue": "Bibliothèque"})
    adding.events.remove(key_of(adding, "lev-bibliotheque"))
    editing.events.set(key_of(editing, "gat-aylmer"), "city", "Gatineau (Aylmer)")
    editing.events.save()
    adding.events.save()
    lines = (sample / "events.csv").read_text(encoding="utf-8").splitlines()
    ids = [line.split(",")[0] for line in lines]
    assert "lev-bibliotheque" not in ids and "Gatineau (Aylmer)" in "\n".join(lines)
    assert ids.index("magog-biblio") == ids.index("magog-cafe") + 1
    assert key in adding.events.rows


def test_a_save_never_leaves_a_tally_naming_no_event(sample):
    events = sample / "events.csv"
    before = events.read_bytes()
    session = Session(sample)
    session.events.remove(key_of(session, "sher-bibliotheque"))  # tallies/sher-bibliotheque.csv
    session.events.set(key_of(session, "mtl-cegep"), "id", "mtl-cegep-2")  # tallied too
    session.events.remove(key_of(session, "lev-bibliotheque"))  # no tally: may go
    with pytest.raises(EventHasTally) as caught:
        session.events.save()
    assert caught.value.titles == {
        "mtl-cegep": {
            "fr": "Marathon étudiant d'écriture",
            "en": "Student letter-writing marathon",
        },
        "sher-bibliotheque": {
            "fr": "Marathon d'écriture de Sherbrooke",
            "en": "Sherbrooke letter-writing marathon",
        },
    }
    assert events.read_bytes() == before


def test_case_fields_merge_and_the_same_field_is_refused(sample):
    first, second = Session(sample), Session(sample)
    path = sample / "cases" / "chaima-issa.yaml"
    first.cases["chaima-issa"].set(("country", "fr"), "Tunisie (essai)")
    second.cases["chaima-issa"].set(("country", "en"), "Tunisia (test)")
    first.cases["chaima-issa"].save()
    assert second.cases["chaima-issa"].save().merged == ["country.fr"]
    text = path.read_text(encoding="utf-8")
    assert "Tunisie (essai)" in text and "Tunisia (test)" in text
    first.cases["chaima-issa"].set(("country", "en"), "Tunisia (again)")
    with pytest.raises(RecordsChanged) as refused:
        first.cases["chaima-issa"].save()
    (conflict,) = refused.value.conflicts
    assert (conflict.record, conflict.mine, conflict.theirs) == (
        "country.en",
        "Tunisia (again)",
        "Tunisia (test)",
    )
    assert path.read_text(encoding="utf-8") == text


def test_a_tally_changed_on_disk_is_refused_with_both_versions(sample):
    path = sample / "tallies" / "sher-bibliotheque.csv"
    tally = Session(sample).tally("sher-bibliotheque")
    tally.participants = "70"
    path.write_bytes(path.read_bytes().replace(b"Participants;59", b"Participants;65"))
    theirs = path.read_bytes()
    with pytest.raises(RecordsChanged) as refused:
        tally.save()
    (conflict,) = refused.value.conflicts
    assert (conflict.mine["participants"], conflict.theirs["participants"]) == ("70", "65")
    assert path.read_bytes() == theirs and tally.dirty


@pytest.mark.parametrize("region", ["mauricie", "capitale-nationale", "estrie"])
def test_the_workbook_opens_on_regions_with_windows_1252_and_semicolon_tallies(sample, region):
    from campaignkit.editor.app import Editor

    editor = Editor(sample, region=region, preview_delay=0)
    tallies = editor.tallies
    shown = {}
    for _, event_id in tallies.event_options():
        tallies.current = event_id
        tallies.render()
        shown[event_id] = {name: box.value for name, box in tallies.inputs.items()}
    read = read_tallies(load_campaign(sample)).tallies
    for event_id, inputs in shown.items():
        if event_id in read:
            assert inputs["participants"] == str(read[event_id].participants), event_id
            letters = {n.split(".")[0]: int(v or 0) for n, v in inputs.items() if "letters" in n}
            known = read[event_id].letters  # a case with no row (one added later) shows blank
            assert letters == {case: known.get(case, 0) for case in letters}, event_id
    assert any(event_id in read for event_id in shown)


def test_two_new_events_with_the_same_id_are_not_both_written(sample):
    first, second = Session(sample), Session(sample)
    for session in (first, second):
        session.events.add("estrie", session.new_event_values("estrie") | {"venue": "Ici"})
    first.events.save()
    with pytest.raises(RecordsChanged) as refused:
        second.events.save()
    (conflict,) = refused.value.conflicts
    assert conflict.record == "estrie-1" and conflict.mine["venue"] == conflict.theirs["venue"]
    ids = [line.split(",")[0] for line in (sample / "events.csv").read_text().splitlines()]
    assert ids.count("estrie-1") == 1


def test_a_column_added_on_one_side_merges_with_a_row_edited_on_the_other(sample):
    pending, editing = Session(sample), Session(sample)
    key = key_of(pending, "magog-cafe")
    pending.events.set(key, "address", "")
    pending.events.set(key, "address_pending", "yes")
    editing.events.set(key_of(editing, "sher-bibliotheque"), "city", "Sherbrooke (Québec)")
    editing.events.save()
    assert pending.events.save().merged == ["sher-bibliotheque"]
    events = {event.id: event for event in load_campaign(sample).events}
    assert events["magog-cafe"].address_pending and events["magog-cafe"].address == ""
    assert events["sher-bibliotheque"].city == "Sherbrooke (Québec)"


def test_a_new_event_in_a_french_excel_file_is_written_in_its_style(sample):
    path = sample / "events.csv"
    french_excel(path)
    before = path.read_bytes().decode("cp1252")
    session = Session(sample)
    values = {
        "title_fr": "Marathon à Magog",
        "title_en": "Magog write-a-thon",
        "date": "2023-12-10",
        "start": "13:00",
        "end": "16:00",
        "venue": "Café Œil-de-bœuf",
        "address": "12, rue Principale",
        "city": "Magog",
    }
    key = session.events.add("estrie", session.new_event_values("estrie") | values)
    assert session.events.validate(key, session.campaign, list(session.regions))[1] == []
    session.events.save()
    after = path.read_bytes().decode("cp1252")
    assert changed_lines(before, after) == [
        "+estrie-1;estrie;Marathon à Magog;Magog write-a-thon;2023-12-10;13:00;16:00;"
        "Café Œil-de-bœuf;12, rue Principale;Magog;;;;no"
    ]
    assert after.count("\r\n") == before.count("\r\n") + 1 and "\n" not in after.replace("\r\n", "")


def test_an_event_is_found_by_its_id_within_a_region_if_asked(sample):
    events = Session(sample).events
    found = events.with_id("mtl-cafe-plateau")
    assert found["title_fr"] == "Marathon d'écriture au café"
    assert events.with_id("mtl-cafe-plateau", "montreal") == found
    assert events.with_id("mtl-cafe-plateau", "estrie") is None
    assert events.with_id("no-such-event") is None
