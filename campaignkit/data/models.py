"""The campaign's data model: what a campaign, case, region and event hold."""

import datetime as dt
import re
from functools import partial
from typing import Annotated, Literal

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from campaignkit.text import catalog

# The languages whose catalog holds every word printed on the materials.
SUPPORTED_LANGUAGES = catalog.print_languages()
DEFAULT_LANGUAGES = ("fr", "en")  # what a text needs when no campaign.yaml says otherwise
PHONE_REGION = "CA"  # phone numbers without a country code are read as North American
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")  # ids become folder and file names
MAX_SLUG = 60

# How many characters each printed text may hold: the pages are designed for these.
LIMITS = {
    "campaign_name": 40,
    "tagline": 80,
    "impact_label": 60,
    "success": 180,
    "name": 60,
    "country": 40,
    "blurb": 160,
    "story": 900,
    "demand": 240,
    "title": 90,
    "salutation": 60,
    "closing": 100,
    "letter": 1500,
    "recipient": 80,
    "card_message": 70,
    "guidance": 220,
    "event_title": 60,
    "venue": 60,
    "address": 80,
    "city": 40,
    "address_line": 60,
    "url": 100,
    "quote": 280,
    "email": 80,
    "phone": 30,
}
# The most people, letters or cards one event may count: more is a typing mistake.
MAX_COUNT = 100_000
# The largest figure a campaign may state (impact, goals): Write for Rights counts millions.
MAX_FIGURE = 1_000_000_000
MAX_EDITION = 9999
# How many lines a postal address, and paragraphs a story or a letter, may hold.
ADDRESS_LINES = 6
PARAGRAPHS = {"story": 4, "letter": 6}


def check_text(value: dict[str, str], info: ValidationInfo, limit: int) -> dict[str, str]:
    """A text in every campaign language, none empty, none over `limit` characters; the
    problems of every language at once (a French title too long hides no English one)."""
    languages = (info.context or {}).get("languages", DEFAULT_LANGUAGES)
    found = [error for lang in languages if (error := _text_problem(value, lang, languages, limit))]
    if found:
        errors = [{"type": error, "loc": (), "input": value} for error in found]
        raise ValidationError.from_exception_data("Text", errors)
    return {lang: str(text).strip() for lang, text in value.items()}


def _text_problem(value: dict, lang: str, languages, limit: int) -> PydanticCustomError | None:
    if lang not in value or value[lang] is None:
        params = {"lang": lang, "languages": ", ".join(languages)}
        return PydanticCustomError("missing_translation", "missing {lang}", params)
    text = str(value[lang]).strip()
    if not text:
        return PydanticCustomError("empty_text", "empty {lang}", {"lang": lang})
    if len(text) > limit:
        params = {"lang": lang, "length": len(text), "limit": limit}
        return PydanticCustomError("text_too_long", "too long", params)
    return None


def Text(limit: int):  # noqa: N802 - reads as a type in the models below
    """A translated text of at most `limit` characters per language."""
    return Annotated[dict[str, str | None], AfterValidator(partial(check_text, limit=limit))]


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs (split at blank lines), each on one line."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]


def check_paragraphs(value: dict[str, str], limit: int) -> dict[str, str]:
    for lang, text in value.items():
        count = len(paragraphs(text))
        if count > limit:
            raise PydanticCustomError(
                "too_many_paragraphs",
                "too many paragraphs",
                {"lang": lang, "count": count, "limit": limit},
            )
    return value


def Prose(key: str):  # noqa: N802 - reads as a type in the models below
    """A translated text within LIMITS[key] characters and PARAGRAPHS[key] paragraphs."""
    check = partial(check_paragraphs, limit=PARAGRAPHS[key])
    return Annotated[Text(LIMITS[key]), AfterValidator(check)]


def check_lines(value: list[str]) -> list[str]:
    if len(value) > ADDRESS_LINES:
        raise PydanticCustomError(
            "too_many_lines", "too many lines", {"count": len(value), "limit": ADDRESS_LINES}
        )
    return value


def check_slug(value: str) -> str:
    if not SLUG.match(value) or len(value) > MAX_SLUG:
        raise PydanticCustomError("bad_id", "bad id", {"value": value})
    return value


def check_email(value: str) -> str:
    """An e-mail address as people write it (syntax only: no network is asked)."""
    if value:
        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError:
            raise PydanticCustomError("bad_email", "bad e-mail", {"value": value}) from None
    return value


def check_phone(value: str) -> str:
    """A phone number that exists in its numbering plan (area code included)."""
    if value:
        try:
            number = phonenumbers.parse(value, PHONE_REGION)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise PydanticCustomError("bad_phone", "bad phone", {"value": value})
    return value


Slug = Annotated[str, AfterValidator(check_slug)]
Email = Annotated[str, AfterValidator(check_email)]
Phone = Annotated[str, AfterValidator(check_phone)]
Line = Annotated[str, Field(min_length=1, max_length=LIMITS["address_line"])]
Address = Annotated[list[Line], AfterValidator(check_lines)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]  # ISO 3166 code: CA, US, LK…


def address_lines(value):
    """A CSV cell's address as lines: one per line of the cell (Alt+Enter) or per « | »."""
    if isinstance(value, str):
        return [line.strip() for line in re.split(r"[|\n]", value) if line.strip()]
    return value


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PostalAddress(Record):
    """A postal address that may be known, or pending on purpose."""

    address: Address = []
    address_pending: bool = False
    country: Country | None = None  # where it goes, for the postage zone (postage.yaml)

    @model_validator(mode="wrap")
    @classmethod
    def _address_known_or_pending(cls, data, handler):
        """Said even when another field of the block is wrong: all its problems at once."""
        try:
            value = handler(data)
        except ValidationError as error:
            if not isinstance(data, dict) or _has_address(data):
                raise
            missing = {"type": _ADDRESS_MISSING, "loc": (), "input": data}
            raise ValidationError.from_exception_data(
                error.title, [*map(_again, error.errors()), missing]
            ) from None
        if not _has_address(value.__dict__):
            raise _ADDRESS_MISSING
        return value


_ADDRESS_MISSING = PydanticCustomError("address_missing", "address missing")


def _has_address(fields: dict) -> bool:
    """An address, or one pending on purpose, or a card sent through the office."""
    return any(fields.get(name) for name in ("address", "address_pending", "via_office"))


def _again(error: dict) -> dict:
    """A pydantic error as it can be raised again beside another one."""
    kind = PydanticCustomError(error["type"], error["msg"], error.get("ctx"))
    return {"type": kind, "loc": error["loc"], "input": error.get("input")}


class Photo(Record):
    file: str
    credit: Text(LIMITS["name"])
    alt: Text(LIMITS["blurb"])


class Target(PostalAddress):
    title: Text(LIMITS["title"])
    name: str | None = Field(None, min_length=1, max_length=LIMITS["name"])
    salutation: Text(LIMITS["salutation"])
    closing: Text(LIMITS["closing"])  # matches the salutation (docs/letters.md)


class Card(PostalAddress):
    recipient: Text(LIMITS["recipient"])
    first_name: str = Field(min_length=1, max_length=LIMITS["name"])
    via_office: bool = False
    message: Text(LIMITS["card_message"])
    guidance: Text(LIMITS["guidance"])


class Case(Record):
    id: Slug
    name: str = Field(min_length=1, max_length=LIMITS["name"])
    country: Text(LIMITS["country"])
    photo: Photo | None = None
    blurb: Text(LIMITS["blurb"])
    story: Prose("story")
    demand: Text(LIMITS["demand"])
    target: Target
    letter: Prose("letter")
    card: Card
    action_url: str = Field(pattern=r"^https?://", max_length=LIMITS["url"])
    featured: bool = False
    sample: bool = False


class Organization(PostalAddress):
    name: Text(LIMITS["title"])
    short_name: str
    email: Email
    phone: Phone = ""
    website: str = Field(pattern=r"^https?://")
    action_url: str = Field(pattern=r"^https?://")


class Impact(Record):
    value: int = Field(ge=0, le=MAX_FIGURE)
    label: Text(LIMITS["impact_label"])


class Success(Record):
    name: str = Field(min_length=1, max_length=LIMITS["title"])
    country: Text(LIMITS["country"])
    text: Text(LIMITS["success"])


class BrandColour(Record):
    """A brand colour, defined once for each medium: RGB for screens, CMYK for the press
    (percent of cyan, magenta, yellow and black ink)."""

    rgb: str = Field(pattern=r"^#[0-9A-Fa-f]{6}$")
    cmyk: tuple[float, float, float, float]

    @model_validator(mode="before")
    @classmethod
    def _cmyk_given(cls, value):
        if isinstance(value, str) or (isinstance(value, dict) and "cmyk" not in value):
            rgb = value if isinstance(value, str) else value.get("rgb", "#FFFF00")
            raise PydanticCustomError("brand_cmyk_missing", "CMYK missing", {"rgb": rgb})
        return value

    @field_validator("cmyk")
    @classmethod
    def _cmyk_in_range(cls, value):
        if any(not 0 <= ink <= 100 for ink in value):
            shown = ", ".join(f"{ink:g}" for ink in value)
            raise PydanticCustomError("brand_cmyk_range", "CMYK out of range", {"value": shown})
        return value

    def css(self, press: bool = False) -> str:
        """The colour as CSS: `device-cmyk()` for the press, the RGB otherwise."""
        if not press:
            return self.rgb
        return "device-cmyk({:g}% {:g}% {:g}% {:g}%)".format(*self.cmyk)


class Branding(Record):
    primary: BrandColour = BrandColour(rgb="#FFFF00", cmyk=(0, 0, 100, 0))
    ink: BrandColour = BrandColour(rgb="#000000", cmyk=(0, 0, 0, 100))
    accent: BrandColour = BrandColour(rgb="#D62718", cmyk=(0, 95, 95, 10))
    logo: str | None = None

    def colours(self) -> dict[str, BrandColour]:
        return {"primary": self.primary, "ink": self.ink, "accent": self.accent}


class Goals(Record):
    actions: int | None = Field(None, ge=0, le=MAX_FIGURE)


class Campaign(Record):
    id: Slug
    edition: int | None = Field(None, ge=1, le=MAX_EDITION)
    sample: bool = False
    languages: list[str] = Field(min_length=1)
    name: Text(LIMITS["campaign_name"])
    tagline: Text(LIMITS["tagline"])
    start: dt.date
    end: dt.date
    organization: Organization
    impact: list[Impact] = []
    successes: list[Success] = []
    branding: Branding = Branding()
    goals: Goals = Goals()
    featured_cases: list[str] = []
    return_address: Literal["none", "region", "office"] = "none"  # return label on envelopes


class Region(Record):
    id: Slug
    code: str = Field(pattern=r"^\d{2}$")
    name: Text(LIMITS["title"])
    coordinator_name: str = Field("", max_length=LIMITS["name"])
    coordinator_email: Email = Field("", max_length=LIMITS["email"])
    coordinator_phone: Phone = Field("", max_length=LIMITS["phone"])
    goal_actions: int | None = Field(None, ge=0, le=MAX_FIGURE)
    last_year_actions: int | None = Field(None, ge=0, le=MAX_FIGURE)
    quote: Text(LIMITS["quote"]) | None = None  # the coordinator's words for the press release
    sender_name: str = Field("", max_length=LIMITS["address_line"])  # return label: the group
    sender_address: Annotated[Address, BeforeValidator(address_lines)] = []
    sample: str = ""


class Event(Record):
    id: Slug
    region: str
    title: Text(LIMITS["event_title"])
    date: dt.date
    start: dt.time
    end: dt.time
    venue: str = Field(min_length=1, max_length=LIMITS["venue"])
    address: str = Field("", max_length=LIMITS["address"])
    address_pending: bool = Field(False, validate_default=True)
    city: str = Field(min_length=1, max_length=LIMITS["city"])
    expected_attendance: int | None = Field(None, ge=0, le=MAX_COUNT)
    contact_name: str = ""
    contact_email: Email = ""
    sample: str = ""

    # Field validators, not a model validator: they run even when another field is wrong,
    # so that every problem of a row is shown at once.
    @field_validator("end")
    @classmethod
    def _ends_after_start(cls, end: dt.time, info: ValidationInfo):
        start = info.data.get("start")
        if start is not None and end <= start:
            raise PydanticCustomError(
                "end_before_start", "end before start", {"start": start, "end": end}
            )
        return end

    @field_validator("date")
    @classmethod
    def _within_the_campaign(cls, day: dt.date, info: ValidationInfo):
        """The campaign's dates come in the context (`campaign_dates`) when they are known."""
        span = (info.context or {}).get("campaign_dates")
        if span and not span[0] <= day <= span[1]:
            params = {"value": day, "start": span[0], "end": span[1]}
            raise PydanticCustomError("outside_campaign", "outside the campaign", params)
        return day

    @field_validator("address_pending")
    @classmethod
    def _address_known_or_pending(cls, pending: bool, info: ValidationInfo):
        if not pending and "address" in info.data and not info.data["address"]:
            raise PydanticCustomError("address_missing", "address missing")
        return pending
