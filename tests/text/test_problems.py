"""A problem's message and fix: its values written as people write them, in each language."""

import ast
import datetime as dt
import errno
import re

from campaignkit import paths
from campaignkit.exceptions import BuildBusy, WriteFailed
from campaignkit.text import catalog
from campaignkit.text.problems import Problem


def test_hours_and_dates_in_a_problem_are_written_as_people_write_them():
    hours = Problem(
        "events.csv", "end", "end_before_start", {"start": dt.time(18, 30), "end": dt.time(9)}
    )
    assert hours.message("fr") == "la fin (9\u00a0h) précède le début (18\u00a0h\u00a030)"
    assert hours.message("en") == "the end (9\u00a0a.m.) comes before the start (6:30\u00a0p.m.)"
    days = {"start": dt.date(2024, 1, 31), "end": dt.date(2023, 10, 30)}
    dates = Problem("campaign.yaml", "end", "end_before_start", days)
    assert "(30 octobre 2023) précède le début (31 janvier 2024)" in dates.message("fr")
    assert "09:00:00" not in hours.text("fr") and "2024-01-31" not in dates.text("en")


def test_a_text_in_the_wrong_length_names_the_language_in_words():
    long = Problem(
        "events.csv", "title_fr", "text_too_long", {"lang": "fr", "length": 75, "limit": 60}
    )
    assert long.message("fr") == "texte trop long en français : 75 caractères, 60 au plus"
    assert long.message("en") == "text too long in French: 75 characters, at most 60"
    missing = Problem(
        "events.csv", "title_en", "missing_translation", {"lang": "en", "languages": "fr, en"}
    )
    assert missing.message("fr") == "texte manquant en anglais"


def test_the_page_says_dates_in_words_and_names_no_file():
    days = {
        "value": dt.date(2026, 12, 8),
        "start": dt.date(2023, 10, 30),
        "end": dt.date(2024, 1, 31),
    }
    outside = Problem("cases/2023/events.csv", "date", "outside_campaign", days, row=5)
    page = f"{outside.message('fr', page=True)}. {outside.fix('fr', page=True)}"
    assert "8 décembre 2026 hors de la campagne (30 octobre 2023 – 31 janvier 2024)" in page
    assert "campaign.yaml" not in page and "2026-12-08" not in page
    assert "December 8, 2026" in outside.message("en", page=True)
    command_line = outside.text("fr")  # for staff: the file, the row and the value as written
    assert command_line.startswith("cases/2023/events.csv, ligne 5, champ date : date 2026-12-08")
    assert "corrigez campaign.yaml" in command_line


def literal_params(call: ast.Call, index: int, function) -> set[str] | None:
    """The keys of a problem's params when the code writes them as a dict, here or just above."""
    if len(call.args) <= index:
        return set()
    arg = call.args[index]
    if isinstance(arg, ast.Name) and function is not None:
        found = [
            node.value
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and any(getattr(t, "id", None) == arg.id for t in node.targets)
            and node.lineno < call.lineno
        ]
        arg = found[-1] if found else arg
    if isinstance(arg, ast.Dict) and all(isinstance(k, ast.Constant) for k in arg.keys):
        return {k.value for k in arg.keys}
    return None


def raised_problems() -> dict[tuple[str, str], set[str]]:
    """Every problem code the kit raises with its params written out: (code, where) → keys."""
    found = {}
    for path in sorted(paths.PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for function in [*functions, None]:  # a call inside a function is read there first
            for call in ast.walk(function or tree):
                name = getattr(getattr(call, "func", None), "id", "")
                at = {"PydanticCustomError": (0, 2), "Problem": (2, 3)}.get(name)
                if at is None or len(call.args) <= at[0]:
                    continue
                code = call.args[at[0]]
                keys = literal_params(call, at[1], function)
                where = (getattr(code, "value", None), f"{path.name}:{call.lineno}")
                if isinstance(code, ast.Constant) and keys is not None:
                    found.setdefault(where, keys)
    return found


def test_every_problem_message_gets_the_values_it_names():
    """A message naming a value the code does not give ({detail}) raised KeyError in `check`
    and froze the workbook page: each message and fix, in each language, page or not."""
    checked = 0
    for (code, where), keys in raised_problems().items():
        given = keys | ({"language"} if "lang" in keys else set())
        for lang in ("fr", "en"):
            for key in (f"problem.{code}", f"problem.{code}.fix"):
                for variant in (key, f"{key}.page"):
                    if catalog.has(variant, lang):
                        named = set(re.findall(r"{(\w+)}", catalog.entries(lang)[variant]))
                        assert named <= given, (where, variant, lang, named - given)
                        checked += 1
    assert checked > 100


# What the workbook page never says: a file's name, a folder of the kit, a tool; nor a
# problem's value that is a path (an error's {file} is given in words by the page: describe).
MACHINE = re.compile(r"\.(csv|ya?ml|xlsx|po|ipynb)\b|cases/|tallies/|campaignkit|papermill|msgstr")
PATHS = re.compile(r"{(source|catalog|file|path|folder)}")


def page_wording(key: str, lang: str) -> str:
    return catalog.entries(lang).get(f"{key}.page", catalog.entries(lang)[key])


def test_the_page_wording_of_every_problem_and_error_names_no_file_and_no_tool():
    """On the workbook page a problem or an error says which list, row and field and what to
    do in people's words (« la liste des événements »), never events.csv or a command."""
    said = {}
    for lang in ("fr", "en"):
        for key in catalog.entries(lang):
            family = key.split(".")[0]
            if family in ("problem", "error") and not key.endswith(".page"):
                said[lang, key] = page_wording(key, lang)
    assert len(said) > 200
    named = {
        where: text
        for where, text in said.items()
        if MACHINE.search(text) or (where[1].startswith("problem.") and PATHS.search(text))
    }
    assert named == {}


def test_a_failed_save_on_the_page_names_what_was_saved_not_its_path():
    error = WriteFailed(errno.EACCES, "Permission denied", "/srv/cases/2023/events.csv")
    page = catalog.describe(error, "fr", True, file="la liste des événements")
    assert page.startswith("impossible d'écrire la liste des événements : permission refusée")
    assert "events.csv" in catalog.describe(error, "fr"), "the command line keeps the path"
    busy = BuildBusy("/srv/outputs/2023", 42, "21:00")
    assert catalog.describe(busy, "en", page=True).startswith("another production has been")
    assert "/srv" not in catalog.describe(busy, "en", page=True)


def test_the_page_names_the_document_and_the_command_line_the_file():
    code = Problem("cases/2023/regions.csv", "code", "invalid", {"detail": "x"}, row=6)
    assert code.text("fr").startswith("cases/2023/regions.csv, ligne 6, champ code : ")
    page = "La liste des régions, ligne 6, champ « code de région » : "
    assert code.text("fr", page=True).startswith(page)
    assert code.text("en", page=True).startswith("The list of regions, row 6, field 'region code'")
    quote = Problem("cases/2023/regions.csv", "quote_en", "invalid", {"detail": "x"}, row=6)
    assert "champ « citation (anglais) »" in quote.text("fr", page=True)
    title = Problem("cases/2023/events.csv", "title_en", "invalid", {"detail": "x"}, row=3)
    assert "champ « Titre (anglais) »" in title.text("fr", page=True), "as labelled on the page"
    message = Problem("cases/2023/cases/a.yaml", "card.message.fr", "invalid", {"detail": "x"})
    assert "field 'Card: message (French)'" in message.text("en", page=True)
    unknown = Problem("cases/2023/cases/rocky-myers.yaml", "nickname", "unknown_field", {})
    assert "champ « nickname »" in unknown.text("fr", page=True), "as written, when unknown"
    yaml = Problem("cases/2023/campaign.yaml", "end", "end_before_start", {}, line=14)
    assert "ligne 14" in yaml.text("fr") and "ligne" not in yaml.place("fr", page=True)
    documents = {
        "cases/2023/events.csv": "la liste des événements",
        "cases/2023/postage.yaml": "les tarifs postaux",
        "cases/2023/cases/rocky-myers.yaml": "le cas rocky-myers",
        "cases/2023/tallies/mtl-cafe.xlsx": "le décompte de l'événement mtl-cafe",
        "cases/2023/notes.txt": "un fichier de la campagne",
    }
    for file, words in documents.items():
        assert Problem(file, "", "invalid", {"detail": "x"}).place("fr", page=True) == words
