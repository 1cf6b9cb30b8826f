"""Dates, times, numbers and interface words in the campaign's languages (Babel)."""

import datetime as dt

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import format_decimal, format_percent

from campaignkit.text import catalog
from campaignkit.text.typography import NBSP

LOCALES = {"fr": "fr_CA", "en": "en_CA"}


def locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


def language_name(code: str, lang: str) -> str:
    """A language's name in `lang`: « français », « anglais » / "French"; the code if unknown."""
    return Locale.parse(locale(lang)).languages.get(code, code)


def direction(lang: str) -> str:
    """« rtl » for a right-to-left language (Arabic, Hebrew…), else « ltr »."""
    return "rtl" if Locale.parse(locale(lang)).character_order == "right-to-left" else "ltr"


def long_date(day: dt.date, lang: str) -> str:
    """« samedi 9 décembre 2023 » / "Saturday, December 9, 2023"."""
    text = format_date(day, "full", locale=locale(lang))
    return text.replace(" 1 ", " 1er ", 1) if lang == "fr" and day.day == 1 else text


def short_date(day: dt.date, lang: str) -> str:
    """« 9 décembre 2023 », « 1er novembre 2023 » / "December 9, 2023"."""
    text = format_date(day, "long", locale=locale(lang))
    return text.replace("1 ", "1er ", 1) if lang == "fr" and day.day == 1 else text


def clock(moment: dt.time, lang: str, seconds: bool = False) -> str:
    """« 11 h », « 18 h 30 » / "11 a.m.", "6:30 p.m.", never broken across two lines: its
    spaces are no-break spaces (the hour and its « h » stay together on a narrow screen).
    `seconds`: « 18 h 30 min 05 s » / "6:30:05 p.m.", to tell apart two moments a minute holds."""
    if seconds:
        pattern = {"fr": "H 'h' mm 'min' ss 's'", "en": "h:mm:ss a"}.get(lang, "medium")
    elif lang == "fr":
        pattern = "H 'h'" if moment.minute == 0 else "H 'h' mm"
    elif lang == "en":
        pattern = "h a" if moment.minute == 0 else "h:mm a"
    else:
        pattern = "short"  # each language's own clock
    return format_time(moment, pattern, locale=locale(lang)).replace(" ", NBSP)


def time_span(start: dt.time, end: dt.time, lang: str) -> str:
    return f"{clock(start, lang)} {word('to', lang)} {clock(end, lang)}"


def when(day: dt.date, start: dt.time, end: dt.time, lang: str) -> str:
    """« samedi 9 décembre 2023, 11 h à 18 h »."""
    return f"{long_date(day, lang)}, {time_span(start, end, lang)}"


def date_span(start: dt.date, end: dt.date, lang: str) -> str:
    """« du 30 octobre 2023 au 31 janvier 2024 » / "October 30, 2023 to January 31, 2024"."""
    return word("date_span", lang).format(start=short_date(start, lang), end=short_date(end, lang))


def edition(n: int, lang: str) -> str:
    """« 23ᵉ édition », « 1re édition » / "Edition 23"."""
    key = "edition_first" if n == 1 else "edition"
    return word(key, lang).format(n=n)


def of(name: str, lang: str) -> str:
    """« d'Amnistie », « de la Ligue » / "Amnistie": French elides « de » before a vowel."""
    if lang != "fr":
        return name
    return ("d'" if name[:1].lower() in "aâàeéèêëiîïoôuùûyh" else "de ") + name


def number(value: int | float, lang: str) -> str:
    """« 5 828 000 » / "5,828,000"."""
    return format_decimal(value, locale=locale(lang))


def percent(value: float, lang: str) -> str:
    return format_percent(value, locale=locale(lang))


def word(key: str, lang: str) -> str:
    """A print word from the kit's catalog."""
    return catalog.word(key, lang)


def words(lang: str) -> dict:
    """Every print word in one language, for templates."""
    return catalog.words(lang)
