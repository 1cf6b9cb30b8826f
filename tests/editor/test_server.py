"""The workbook server: how `make app` starts it, the address it says, its own pages."""

import re
import sys
from html import unescape

import jinja2
import pytest

from campaignkit.editor import server
from campaignkit.editor.voila_app import WorkbookVoila


@pytest.mark.parametrize("token", [None, "given-token"])
def test_voila_serves_the_workbook_notebook_only(token):
    """Voila's `--token` takes the next word as its value: it must never take the notebook."""
    full = server.command(8899, token)
    assert full[:3] == [sys.executable, "-m", "campaignkit.editor.voila_app"]
    app = WorkbookVoila()
    app.parse_command_line(full[3:])
    assert app.extra_args == [str(server.NOTEBOOK)], "one notebook, not the whole folder"
    if token:
        assert app.token == token
    else:
        assert app.auto_token and app.token is None


def test_make_app_says_where_to_open_the_page_with_its_token(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(server.os, "execve", lambda path, args, env: ran.append(args))
    server.main(["--port=8877", "--debug"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Ouvrez le cahier à cette adresse (jeton compris) : ")
    assert lines[1].startswith("Open the workbook at this address (token included): ")
    url = lines[0].rsplit(" ", 1)[1]
    token = re.fullmatch(r"http://127\.0\.0\.1:8877/\?token=([\w-]{20,})", url).group(1)
    assert lines[1].endswith(url)
    assert f"--Voila.token={token}" in ran[0] and "--port=8877" in ran[0]
    assert ran[0][-2:] == ["--debug", str(server.NOTEBOOK)]
    server.main(["--port=8877"])
    assert capsys.readouterr().out.splitlines()[0].rsplit("=", 1)[1] != token, "a new token"
    server.main(["--help"])
    assert capsys.readouterr().out == "", "asked for help, it gives no address to open"
    assert "--help" in ran[-1]


def render(name: str, status_code: int | None, templates=None) -> str:
    templates = templates or server.error_templates()
    html = templates.get_template(name).render(
        status_code=status_code,
        base_url="/",
        ck_error_words=server.error_words,
        ck_logout_words=server.logout_words,
    )
    return unescape(html)


def voila_templates() -> jinja2.Environment:
    """Our template's folders as Voila searches them: ours, then lab and base (Voila's)."""
    from voila.paths import collect_template_paths

    env = server.environment()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_PATH", env["JUPYTER_PATH"])
        paths = collect_template_paths(["voila", "nbconvert"], "campaignkit", prune=True)
    assert str(server.TEMPLATE_DIR) == paths[0]
    loader = jinja2.FileSystemLoader(paths)
    templates = jinja2.Environment(loader=loader, extensions=["jinja2.ext.i18n"], autoescape=True)
    templates.install_null_translations()
    return templates


@pytest.mark.parametrize(
    "status_code, french, english",
    [
        (404, "Cette page n'existe pas", "This page does not exist"),
        (403, "Accès refusé", "Access refused"),
        (500, "Le cahier a rencontré un problème", "The workbook ran into a problem"),
        (405, "Cette page ne peut pas s'afficher", "This page cannot be shown"),
    ],
)
def test_error_pages_speak_french_then_english(status_code, french, english):
    for templates in (server.error_templates(), voila_templates()):  # Jupyter's and Voila's
        for name in (f"{status_code}.html", "error.html"):
            try:
                html = render(name, status_code, templates)
            except jinja2.TemplateNotFound:
                continue
            assert html.startswith('<!DOCTYPE html>\n<html lang="fr">'), name
            assert html.index(french) < html.index(english), name
            assert f"Code de l'erreur : {status_code}" in html
            for english_only in ("Not Found", "Forbidden", "Internal Server Error", "requesting"):
                assert english_only not in html, (name, english_only)
            assert "http" not in html, "nothing fetched from elsewhere"


def test_logging_out_says_how_to_come_back_in_french_then_english():
    html = render("logout.html", None)
    assert html.index("Vous avez quitté le cahier") < html.index("You have left the workbook")
    assert "Successfully logged out" not in html and "Code de l'erreur" not in html


def test_error_words_name_no_file_or_tool():
    for status_code in (401, 403, 404, 405, 500, 502):
        for said in server.error_words(status_code):
            text = " ".join(said.values()).lower()
            for name in ("voila", "voilà", "jupyter", "tornado", ".csv", ".yaml", ".ipynb"):
                assert name not in text, (status_code, name)


def test_the_server_runs_our_voila_with_our_error_pages():
    full = server.command(8866, "t0ken")
    assert full[1:3] == ["-m", "campaignkit.editor.voila_app"]

    class Config(dict):
        def __getattr__(self, name):
            return self.setdefault(name, Config())

        def __setattr__(self, name, value):
            self[name] = value

    config = Config()
    server.configure(config)
    settings = config.Voila.tornado_settings
    assert settings["jinja_template_vars"]["ck_error_words"] is server.error_words
    assert settings["jinja_template_vars"]["ck_logout_words"] is server.logout_words
    assert settings["jinja2_env"].get_template("error.html").filename == str(
        server.TEMPLATE_DIR / "error.html"
    )
