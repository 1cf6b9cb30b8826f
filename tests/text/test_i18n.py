import datetime as dt

from campaignkit.text import i18n

DAY = dt.date(2023, 12, 9)


def test_event_times_read_naturally_in_both_languages():
    assert i18n.when(DAY, dt.time(11), dt.time(18), "fr") == "samedi 9 décembre 2023, 11 h à 18 h"
    assert (
        i18n.when(DAY, dt.time(11), dt.time(18), "en")
        == "Saturday, December 9, 2023, 11 a.m. to 6 p.m."
    )
    assert i18n.clock(dt.time(18, 30), "fr") == "18 h 30"
    assert i18n.clock(dt.time(18, 30), "en") == "6:30 p.m."


def test_first_of_the_month_and_editions_in_french():
    assert i18n.short_date(dt.date(2023, 11, 1), "fr") == "1er novembre 2023"
    assert i18n.edition(1, "fr") == "1re édition"
    assert i18n.edition(23, "fr") == "23ᵉ édition"
    assert i18n.edition(23, "en") == "Edition 23"


def test_numbers_use_each_language_grouping():
    assert i18n.number(5828000, "fr").replace("\u202f", " ").replace("\xa0", " ") == "5 828 000"
    assert i18n.number(5828000, "en") == "5,828,000"


def test_french_elides_before_a_vowel():
    assert i18n.of("Amnistie internationale", "fr") == "d'Amnistie internationale"
    assert i18n.of("La Ligue", "fr") == "de La Ligue"
    assert i18n.of("Amnesty", "en") == "Amnesty"
