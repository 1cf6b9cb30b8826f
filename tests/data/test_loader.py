from campaignkit import check_campaign, load_campaign
from campaignkit.paths import DEFAULT_CAMPAIGN


def problems_of(root):
    data, problems = check_campaign(root)
    assert data is None
    return problems


def only(problems, code):
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} in {[p.text('en') for p in problems]}"
    return found[0]


def test_sample_campaign_is_valid():
    data, problems = check_campaign(DEFAULT_CAMPAIGN)
    assert problems == [], [p.text("en") for p in problems]
    assert len(data.regions) == 17
    assert len(data.cases) >= 9
    assert data.campaign.languages == ["fr", "en"]


def test_mini_campaign_loads(mini):
    data = load_campaign(mini)
    assert list(data.regions) == ["montreal", "mauricie", "cote-nord"]
    assert [e.id for e in data.events_of("montreal")] == ["mtl-cafe", "mtl-grand"]
    assert [c.id for c in data.featured_cases()] == ["ana", "bo"]


def test_three_problems_reported_at_once(campaign_copy):
    campaign_copy.edit("events.csv", "tr-biblio,mauricie", "tr-biblio,mauricy")
    campaign_copy.edit("events.csv", "Evening at the café,2023-12-05", ",2023-12-05")
    campaign_copy.edit("events.csv", "2023-12-09,11:00", "2023-13-45,11:00")
    problems = problems_of(campaign_copy.root)
    region = only(problems, "unknown_region")
    assert (region.field, region.row) == ("region", 4)
    missing = only(problems, "missing_translation")
    assert (missing.field, missing.row) == ("title_en", 3)
    date = only(problems, "bad_date")
    assert (date.field, date.row) == ("date", 2)
    assert all(p.file.endswith("events.csv") for p in problems)
    assert "events.csv, row 4, field region" in region.text("en")
    assert "ligne 4, champ region" in region.text("fr")


def test_yaml_syntax_error_names_the_line(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", "name: Ana", "name: [Ana")
    problem = only(problems_of(campaign_copy.root), "yaml_syntax")
    assert problem.file.endswith("ana.yaml") and problem.line is not None


def test_missing_translation_in_yaml_names_field_and_line(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", ', en: "Overturn her conviction."', "")
    problem = only(problems_of(campaign_copy.root), "missing_translation")
    assert problem.field == "demand.en"
    assert problem.line == 10


def test_text_over_the_limit_is_refused(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", "Courage, Ana !", "Courage " * 20)
    problem = only(problems_of(campaign_copy.root), "text_too_long")
    assert problem.field == "card.message.fr"
    assert problem.params["limit"] == 70


def test_missing_address_fails_unless_pending(campaign_copy):
    campaign_copy.edit("cases/bo.yaml", "  address_pending: true\n", "")
    problem = only(problems_of(campaign_copy.root), "address_missing")
    assert problem.field == "target"


def test_unknown_and_duplicate_ids(campaign_copy):
    campaign_copy.edit("events.csv", "mtl-cafe,montreal", "mtl-grand,montreal")
    campaign_copy.edit("campaign.yaml", "featured_cases: [ana, bo]", "featured_cases: [ana, zed]")
    campaign_copy.edit("cases/bo.yaml", "id: bo", "id: bob")
    problems = problems_of(campaign_copy.root)
    assert only(problems, "duplicate_id").row == 3
    assert only(problems, "unknown_case").params["value"] == "zed"
    assert only(problems, "id_mismatch").field == "id"


def test_event_dates_and_times_are_checked_at_once(campaign_copy):
    campaign_copy.edit("events.csv", "2023-12-05,18:30,21:00", "2024-03-05,18:30,17:00")
    problems = problems_of(campaign_copy.root)
    assert only(problems, "end_before_start").field == "end"
    outside = only(problems, "outside_campaign")  # said beside the row's other problem
    assert (outside.field, outside.row) == ("date", 3)
    assert "date 2024-03-05 hors de la campagne (1er novembre 2023" in outside.text("fr")


def test_bad_time_and_number(campaign_copy):
    campaign_copy.edit("events.csv", "11:00,18:00", "11h,18:00")
    campaign_copy.edit("events.csv", "Montréal,200", "Montréal,beaucoup")
    problems = problems_of(campaign_copy.root)
    assert only(problems, "bad_time").field == "start"
    assert only(problems, "bad_number").field == "expected_attendance"


def test_photo_outside_the_campaign_folder(campaign_copy):
    campaign_copy.edit(
        "cases/ana.yaml",
        "photo: null",
        "photo: {file: ../../etc/passwd, credit: {fr: x, en: x}, alt: {fr: x, en: x}}",
    )
    problem = only(problems_of(campaign_copy.root), "outside_folder")
    assert problem.field == "photo.file"


def test_unknown_field_and_language(campaign_copy):
    campaign_copy.edit("cases/ana.yaml", "story:", "stroy: oops\nstory:")
    campaign_copy.edit("campaign.yaml", "languages: [fr, en]", "languages: [fr, en, xx]")
    problems = problems_of(campaign_copy.root)
    assert only(problems, "unknown_field").field == "stroy"
    assert only(problems, "unknown_language").params["value"] == "xx"
    assert len(problems) == 2, "an unsupported language is one problem, not one per text"


def test_missing_column_and_missing_file(campaign_copy):
    campaign_copy.edit("regions.csv", "name_en,", "")
    (campaign_copy.root / "events.csv").unlink()
    problems = problems_of(campaign_copy.root)
    assert only(problems, "missing_column").params["value"] == "name_en"
    assert only(problems, "file_unreadable").file.endswith("events.csv")


def test_a_builds_kernel_reads_a_campaign_once_until_a_file_changes(campaign_copy, monkeypatch):
    from campaignkit.data import loader

    monkeypatch.setattr(loader._Kept, "on", False)
    monkeypatch.setattr(loader._Kept, "folders", {})
    assert load_campaign(campaign_copy.root) is not load_campaign(campaign_copy.root)
    loader.keep_loaded_campaigns()
    first = load_campaign(campaign_copy.root)
    assert load_campaign(campaign_copy.root) is first
    campaign_copy.edit("events.csv", "Café d'essai", "Café d'eSSai")  # same size
    edited = load_campaign(campaign_copy.root)
    assert edited is not first
    assert "Café d'eSSai" in [event.venue for event in edited.events]


def test_printing_every_material_leaves_the_campaign_data_as_it_was_read():
    """What lets a build's kernel give the same data to its next notebook."""
    import copy

    from campaignkit import materials
    from campaignkit.printing import render

    data = load_campaign(DEFAULT_CAMPAIGN)
    before = copy.deepcopy(data)
    for name in materials.names():
        kind = materials.get(name)
        for place in ["campaign"] if kind.scope == "campaign" else ["montreal", "cote-nord"]:
            context = kind.build_context(data, place, "fr")
            render.render_html(kind.template, context)
    assert data == before
