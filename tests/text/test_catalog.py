"""One catalog of the kit's own words: complete in every language, in the right language."""

import ast
import errno
import re

import pytest

from campaignkit import paths
from campaignkit.cli import main
from campaignkit.data.loader import check_campaign
from campaignkit.text import catalog
from tests.catalogs import mark, marked_catalogs

INTERFACE = ("fr", "en")  # the languages the kit speaks at the keyboard: every key
# Words that read the same in both languages (labels, units, proper names).
SAME_IN_BOTH = {
    "Total", "Date", "Pages", "Participants", "Marathon", "Cas", "Signature", "Région",
    "Organisation", "Photo", "OK", "Id", "Document", "Actions", "Objectif", "Affiche", "Bilan",
    "actions", "participants", "Notes", "Zone", "30",
}  # fmt: skip
ENGLISH = re.compile(
    r"\b(the|and|with|unknown|error|file|choose|field|missing|must|should|please|"
    r"write-a-thon|tally|tallies|letters?|cards?|not|of|to|from|invalid|row|line)\b"
)
FRENCH = re.compile(
    r"\b(le|la|les|des|du|une|est|avec|fichier|inconnue?|ligne|champ|lettres|cartes|marathon|"
    r"décompte|région|à|où|être|erreur)\b|«|»",
    re.IGNORECASE,
)


# French words that Spanish does not share (Spanish has la, de, una and « » too).
FRENCH_NOT_SPANISH = re.compile(
    r"\b(le|les|des|du|une|est|avec|fichier|être|où|à|nous|vous)\b|[çèêœ]", re.IGNORECASE
)


def texts(lang: str) -> dict[str, str]:
    return catalog.entries(lang)


def placeholders(text: str) -> set[str]:
    """Its {names}: the same in every language (a word that differs is a Key parameter)."""
    return set(re.findall(r"{(\w+)}", text))


def same_words(text: str, other: str | None) -> bool:
    """The same text in two languages, made of more than placeholders and shared labels."""
    words = set(re.findall(r"\w+", re.sub(r"{\w+}", "", text))) - SAME_IN_BOTH
    return text == other and bool(words) and len(text) > 2


@pytest.mark.parametrize("lang", INTERFACE)
def test_interface_languages_hold_every_key(lang):
    every = set(texts("fr")) | set(texts("en"))
    assert sorted(every - set(texts(lang))) == []


def test_every_catalog_holds_every_print_word():
    for lang in catalog.languages():
        assert catalog.missing_print_words(lang) == [], lang


@pytest.mark.parametrize("lang", catalog.languages())
def test_no_text_hedges_a_plural_with_parentheses(lang):
    """« 1 marathon(s) sans décompte » on a mailing kit, « 2 noyau(x) de calcul reste(nt)
    prêt(s) » after a build: a count picks its form (a `_one` key beside the other) or
    stands after a label (« Tâches réussies : 1 »), as a person would write it."""
    hedged = {
        key: text
        for key, text in catalog.entries(lang).items()
        if re.search(r"\w\((s|es|x|nt)\)", text)
    }
    assert not hedged


@pytest.mark.parametrize("family", ["error.", "cli."])
def test_spanish_says_every_kit_error_and_the_command(family):
    """Spanish has the print words, the kit's errors and the command's words; not (yet) the
    editor's words nor the data problems, said only in the interface languages (fr, en)."""
    wanted = [key for key in texts("fr") if key.startswith(family)]
    assert wanted and [key for key in wanted if key not in texts("es")] == []


def test_every_translation_keeps_the_placeholders():
    for lang in catalog.languages():
        for key, text in texts(lang).items():
            assert placeholders(text) == placeholders(texts("fr")[key]), (lang, key)


def test_no_english_in_french():
    english = {
        key: text
        for key, text in texts("fr").items()
        if ENGLISH.search(strip_names(text)) or same_words(text, texts("en").get(key))
    }
    assert english == {}


def test_no_french_in_english_nor_in_spanish():
    for lang in ("en", "es"):
        french = {
            key: text
            for key, text in texts(lang).items()
            if (FRENCH if lang == "en" else FRENCH_NOT_SPANISH).search(strip_names(text))
            or (lang == "en" and same_words(text, texts("fr").get(key)))
        }
        assert french == {}, lang


def strip_names(text: str) -> str:
    """Leave out what is no word of any language: placeholders, file names, quoted rows."""
    text = re.sub(r"{\w+}", "", text)
    text = re.sub(r"\S+\.(csv|xlsx|yaml|pdf|ipynb)\b", "", text)
    text = re.sub(r"Événement / Event|'campaignkit build'|« campaignkit build »", "", text)
    text = re.sub(r"\b\w+\.\w+\b|\b[a-z]+(-[a-z]+)+\b", "", text)
    return re.sub(r"\b(AAAA-MM-JJ|YYYY-MM-DD|HH:MM|id|cases/2023)\b", "", text)


def test_the_words_live_in_the_catalog_only():
    assert not (paths.TEMPLATES / "strings.yaml").exists()
    problems = ast.parse((paths.PACKAGE / "text" / "problems.py").read_text())
    editor = ast.parse((paths.PACKAGE / "editor" / "words.py").read_text())
    assert "MESSAGES" not in names_assigned(problems)
    assert "WORDS" not in names_assigned(editor)
    cli = ast.parse((paths.PACKAGE / "cli.py").read_text())
    calls = [n for n in ast.walk(cli) if isinstance(n, ast.Call)]
    assert not [c for c in calls if getattr(c.func, "id", "") == "say" and len(c.args) == 2]


def test_errors_hold_keys_not_sentences():
    """exceptions.py says nothing itself (docstrings aside), and no code picks a sentence by
    the interface language: the sentence is the catalog's."""
    tree = ast.parse((paths.PACKAGE / "exceptions.py").read_text())
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, documented) and ast.get_docstring(node) is not None
    }
    sentences = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and id(node) not in docstrings
        and re.search(r"[^\W\d_]+ [^\W\d_]+", str(node.value))  # two words
    ]
    assert sentences == []
    for module in paths.PACKAGE.rglob("*.py"):
        compared = [
            node
            for node in ast.walk(ast.parse(module.read_text()))
            if isinstance(node, ast.Compare)
            and any(getattr(getattr(side, "func", None), "id", "") == "interface_language"
                    for side in [node.left, *node.comparators])
        ]  # fmt: skip
        assert compared == [], module


def test_the_command_says_every_cli_key_and_only_those():
    """Each tell("x") of cli.py has its cli.x, and no cli.* key is left unsaid."""
    cli = ast.parse((paths.PACKAGE / "cli.py").read_text())
    said = {
        f"cli.{call.args[0].value}"
        for call in ast.walk(cli)
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "tell"
    }
    assert said == {key for key in texts("fr") if key.startswith("cli.")}


def test_each_write_failure_cause_is_named_by_its_errno():
    """error.write_failed.<cause>: a cause misspelt would silently fall back to the general
    message (catalog.describe), so each must be an errno name."""
    family = "error.write_failed."
    causes = [key.removeprefix(family) for key in texts("fr") if key.startswith(family)]
    assert causes and [c for c in causes if c.upper() not in errno.errorcode.values()] == []


def names_assigned(tree) -> set[str]:
    return {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets}


def test_one_name_per_material():
    from campaignkit.editor.words import material_label

    assert (
        material_label("casebook", "fr")
        == "Cahier des cas"
        == catalog.words("fr")["material_casebook"]
    )


@pytest.mark.parametrize(
    ("lang", "expected", "foreign"),
    [
        ("fr", "région inconnue « nope »", r"\b(unknown|choose|Error|region)\b"),
        ("en", "unknown region 'nope'", r"\b(inconnue|choisissez|Erreur|région)\b"),
    ],
)
def test_an_unknown_region_is_said_in_one_language(
    lang, expected, foreign, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("CAMPAIGNKIT_LANG", lang)
    assert main(["build", "--region", "nope", "--out-dir", str(tmp_path)]) == 2
    said = capsys.readouterr()
    assert expected in said.err
    assert not re.search(foreign, said.out + said.err)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fr", "écrivez ⟦problem.format.two_digits⟧ un code à deux chiffres, par exemple 06"),
     ("en", "write ⟦problem.format.two_digits⟧ a two-digit code, for example 06")],
)  # fmt: skip
def test_a_word_inside_a_message_comes_from_the_catalog_in_its_language(
    lang, expected, campaign_copy, tmp_path
):
    campaign_copy.edit("regions.csv", "montreal,06", "montreal,6")
    _, problems = check_campaign(campaign_copy.root)
    [problem] = [p for p in problems if p.code == "bad_format"]
    with marked_catalogs(tmp_path / "locale"):
        assert problem.fix(lang) == mark("problem.bad_format.fix") + expected
