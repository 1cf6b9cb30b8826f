"""The models' rules: every problem of a record at once, e-mail and phone, pending addresses."""

import pytest

from campaignkit.data.loader import check_event_row

ROW = {
    "id": "mtl-biblio",
    "region": "montreal",
    "title_fr": "Marathon",
    "title_en": "Write-a-thon",
    "date": "2023-12-09",
    "start": "13:00",
    "end": "16:00",
    "venue": "Bibliothèque",
    "address": "1 rue d'Essai",
    "city": "Montréal",
}


def problems(**changes):
    row = ROW | changes
    event, found = check_event_row(row, 5, "events.csv", ["fr", "en"], None, ())
    return event, [(p.code, p.field) for p in found]


def test_a_long_title_hides_neither_the_date_nor_the_hours():
    _, found = problems(title_fr="x" * 300, date="9 décembre", start="25:00")
    assert found == [("text_too_long", "title_fr"), ("bad_date", "date"), ("bad_time", "start")]
    _, found = problems(title_fr="x" * 300, start="18:00", end="17:00")
    assert found == [("text_too_long", "title_fr"), ("end_before_start", "end")]


def test_a_long_french_title_hides_no_problem_of_the_english_one():
    _, found = problems(title_fr="x" * 300, title_en="")
    assert found == [("text_too_long", "title_fr"), ("missing_translation", "title_en")]


def test_a_date_outside_the_campaign_is_said_beside_the_other_problems(mini):
    from campaignkit.data.loader import check_campaign

    campaign = check_campaign(mini)[0].campaign
    row = ROW | {"title_fr": "x" * 300, "date": "2026-12-08"}
    found = check_event_row(row, 5, "events.csv", ["fr", "en"], campaign, ())[1]
    assert [(p.code, p.field) for p in found] == [
        ("text_too_long", "title_fr"),
        ("outside_campaign", "date"),
    ]


@pytest.mark.parametrize("email", ["karim at example", "karim@", "karim@example", "@example.org"])
def test_an_email_that_is_not_one_is_refused(email):
    assert problems(contact_email=email)[1] == [("bad_email", "contact_email")]


@pytest.mark.parametrize("email", ["karim.benali@example.org", "K.B+ecrire@exemple.québec", ""])
def test_real_emails_and_none_pass(email):
    assert problems(contact_email=email)[1] == []


def test_phone_numbers_are_checked_with_their_area_code(mini):
    from campaignkit.data.models import Region

    base = {"id": "estrie", "code": "05", "name": {"fr": "Estrie", "en": "Eastern Townships"}}
    for phone in ("819 555-0105", "(819) 555-0105", "+1 819 555 0105", "+33 1 23 45 67 89", ""):
        Region.model_validate(base | {"coordinator_phone": phone})
    for phone in ("555-0105", "12", "karim", "819 555-01"):
        with pytest.raises(ValueError, match="bad_phone"):
            Region.model_validate(base | {"coordinator_phone": phone})


def test_an_event_address_may_be_pending_but_not_just_missing():
    event, found = problems(address="", address_pending="yes")
    assert found == [] and event.address_pending and event.address == ""
    assert problems(address="")[1] == [("address_missing", "address")]
    assert problems(address="", title_fr="")[1] == [
        ("missing_translation", "title_fr"),
        ("address_missing", "address"),
    ]


def test_a_case_address_missing_is_said_beside_the_other_problems_of_its_block(mini):
    from campaignkit.data.loader import check_case
    from campaignkit.data.sources import read_yaml

    data, lines = read_yaml(mini / "cases" / "bo.yaml", "cases/bo.yaml")
    del data["target"]["address_pending"]
    data["target"]["title"] = {"fr": "x" * 300, "en": "Minister"}
    _, found = check_case(mini, data, lines, "cases/bo.yaml", ["fr", "en"])
    assert [(p.code, p.field) for p in found] == [
        ("text_too_long", "target.title.fr"),
        ("address_missing", "target"),
    ]
