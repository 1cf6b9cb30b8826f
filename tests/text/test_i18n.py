import datetime as dt
import re

import pytest

from campaignkit.text import i18n

DAY = dt.date(2023, 12, 9)


def test_event_times_read_naturally_in_both_languages():
    french = i18n.when(DAY, dt.time(11), dt.time(18), "fr")
    assert french == "samedi 9 décembre 2023, 11\u00a0h à 18\u00a0h"
    english = i18n.when(DAY, dt.time(11), dt.time(18), "en")
    assert english == "Saturday, December 9, 2023, 11\u00a0a.m. to 6\u00a0p.m."
    assert i18n.clock(dt.time(18, 30), "fr") == "18\u00a0h\u00a030"
    assert i18n.clock(dt.time(18, 30), "en") == "6:30\u00a0p.m."


@pytest.mark.parametrize("lang", ["fr", "en", "es"])
@pytest.mark.parametrize("moment", [dt.time(9), dt.time(16), dt.time(18, 30), dt.time(0, 5)])
def test_an_hour_never_breaks_across_two_lines(lang, moment):
    """« 16 h » on a phone-wide page: the number and its « h » stay on one line."""
    said = i18n.clock(moment, lang)
    assert not re.search(r"[ \t\u2009]", said), repr(said)
    assert re.fullmatch(r"\S+(\u00a0\S+)*", said), repr(said)


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
