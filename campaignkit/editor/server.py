"""How the workbook is served as a web page: one Voila command for `make app`, tests and bench.

    .venv/bin/python -m campaignkit.editor.server [--port=8866] [other Voila options]

What it sets, and why:
- our page template (jupyter/voila/templates/campaignkit): loading words in the reader's
  language, a warning before leaving with unsaved changes, the kernel shut down on leaving;
- our login page, in French and English;
- kernels preheated (a pool of one, so a page is usable at once) and those no page uses any
  more shut down after IDLE_SECONDS;
- no file served by Voila itself (PDFs come through the kernel, see produce_tab), and
  requests whose Host header is not this machine refused;
- every error page (404, 403, 500…) from our template's error.html, French then English,
  whichever handler answers (Voila's, Jupyter's own, or ours: see voila_app).
"""

import os
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import jinja2
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.serverapp import DEFAULT_TEMPLATE_PATH_LIST
from voila.voila_identity_provider import VoilaLoginHandler

from campaignkit import paths
from campaignkit.editor.words import t

JUPYTER_DIR = Path(__file__).parent / "jupyter"  # voila.py (config), voila/templates/campaignkit
TEMPLATE_DIR = JUPYTER_DIR / "voila" / "templates" / "campaignkit"
NOTEBOOK = paths.NOTEBOOKS / "editor.ipynb"
IDLE_SECONDS = 120  # a kernel no page is connected to is shut down after this
CULL_EVERY = 15
REFILL_SECONDS = 5  # a page's kernel taken, the next is started after this (Voila: 1)
IOPUB_SECONDS = 60  # how long the page's output may take to arrive (nbclient: 4)
LANGUAGES = ("fr", "en")
PAGE_WORDS = ("title", "loading", "cell_error", "cell_timeout", "disconnected", "reload")
ERROR_KINDS = {401: "403", 403: "403", 404: "404"}  # else 500 for a server error, or other


def page_words() -> dict:
    """The words the page template shows before the workbook is there, per language."""
    return {lang: {key: t(f"page_{key}", lang) for key in PAGE_WORDS} for lang in LANGUAGES}


def error_kind(status_code: int) -> str:
    """Which words an error page uses: 403 (refused), 404 (no such page), 500, or other."""
    if status_code in ERROR_KINDS:
        return ERROR_KINDS[status_code]
    return "500" if status_code >= 500 else "other"


def notice_words(heading: str, explain: str, status_code: int | None = None) -> list[dict]:
    """What one of our plain pages (an error, logging out) says, French first then English."""
    return [
        {
            "lang": lang,
            "title": t("page_title", lang),
            "heading": t(heading, lang),
            "help": t(explain, lang),
            "back": t("error_back", lang),
            "code": t("error_code", lang, code=status_code) if status_code else "",
        }
        for lang in LANGUAGES
    ]


def error_words(status_code: int) -> list[dict]:
    """An error page's words: what went wrong, what to do, the way back, the code."""
    kind = error_kind(status_code)
    explain = f"error_{'404' if kind == 'other' else kind}_help"
    return notice_words(f"error_{kind}", explain, status_code)


def logout_words() -> list[dict]:
    """The words of the page after logging out: how to come back."""
    return notice_words("logout", "logout_help")


def error_templates() -> jinja2.Environment:
    """Jupyter's own handlers' templates, with ours (error.html, 404.html, logout.html) first."""
    loader = jinja2.FileSystemLoader([str(TEMPLATE_DIR), *DEFAULT_TEMPLATE_PATH_LIST])
    templates = jinja2.Environment(loader=loader, extensions=["jinja2.ext.i18n"], autoescape=True)
    templates.install_null_translations()
    return templates


def configure(c):
    """Voila's settings for the workbook page (`c`: the config jupyter/voila.py gets)."""
    c.Voila.ip = "127.0.0.1"
    c.Voila.root_dir = str(paths.ROOT)
    c.Voila.tornado_settings = {
        "allow_remote_access": False,  # Host: this machine only
        "jinja2_env": error_templates(),  # Voila's own templates already have ours first
        "jinja_template_vars": {"ck_error_words": error_words, "ck_logout_words": logout_words},
    }
    c.Voila.identity_provider_class = IdentityProvider
    c.VoilaConfiguration.template = "campaignkit"
    c.VoilaConfiguration.resources = {"ck_words": page_words()}
    c.VoilaConfiguration.file_allowlist = []  # PDFs come through the kernel (produce_tab)
    # errors reach the template as `error` outputs, said there in our words, never shown
    # as such; hidden, Voila said a kernel lost before the page as English stderr text
    c.VoilaConfiguration.show_tracebacks = True
    c.VoilaConfiguration.preheat_kernel = True
    c.VoilaConfiguration.multi_kernel_manager_class = (
        "campaignkit.editor.kernel_manager.KernelManager"
    )
    c.VoilaConfiguration.default_pool_size = 1
    # starting the next kernel takes seconds of CPU: not while the page just opened loads
    c.VoilaKernelManager.fill_delay = REFILL_SECONDS
    # a page asked for while its kernel still makes the workbook waits for it: on a busy
    # machine the widget's output comes later than nbclient's 4 s, and the page stayed white
    # for good
    c.VoilaExecutor.iopub_timeout = IOPUB_SECONDS
    c.MappingKernelManager.cull_idle_timeout = IDLE_SECONDS
    c.MappingKernelManager.cull_interval = CULL_EVERY
    c.MappingKernelManager.cull_connected = False


def command(port: int, token: str | None, *options: str, notebook: Path = NOTEBOOK) -> list[str]:
    """The whole command line: our Voila (voila_app) in this Python, port, token, notebook."""
    voila = [sys.executable, "-m", "campaignkit.editor.voila_app"]
    # Voila's own `--token` takes the next word as its value: it swallowed the notebook, so
    # Voila served the whole repository and preheated every notebook in it
    auth = [f"--Voila.token={token}"] if token else ["--Voila.auto_token=True"]
    return [*voila, "--no-browser", f"--port={port}", *auth, *options, str(notebook)]


def environment(campaign: str | Path | None = None) -> dict:
    """The server's environment: our template on Jupyter's path, the campaign to edit."""
    env = dict(os.environ)
    for name in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH"):  # our template; our voila.py
        env[name] = os.pathsep.join(filter(None, [str(JUPYTER_DIR), env.get(name)]))
    if campaign:
        env["CAMPAIGNKIT_CAMPAIGN"] = str(Path(campaign).resolve())
    return env


def login_language(handler) -> str:
    """The login page's language: ?lang= of the page asked for, else the browser's, else fr."""
    asked = parse_qs(urlparse(handler.get_argument("next", "")).query).get("lang", [""])[0]
    if asked in LANGUAGES:
        return asked
    accepted = handler.request.headers.get("Accept-Language", "")
    return "en" if accepted.lower().startswith("en") else "fr"


LOGIN_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.4}}
input{{font-size:1em;padding:.3em;width:100%;box-sizing:border-box}}
button{{font-size:1em;padding:.4em 1em;margin-top:.6em}} .error{{color:#b00020}}</style>
</head><body><main>
<h1>{title}</h1>
<p>{explain}</p>
{error}
<form action="{action}" method="post">{xsrf}
<label for="password_input">{label}</label>
<input type="password" name="password" id="password_input" autocomplete="off" autofocus>
<button type="submit" id="login_submit">{button}</button>
</form></main></body></html>"""


class LoginHandler(VoilaLoginHandler):
    """Jupyter's token login, in the reader's language."""

    def _render(self, message=None):
        from html import escape
        from urllib.parse import quote

        lang = login_language(self)
        error = f'<p class="error" role="alert">{escape(t("login_wrong", lang))}</p>'
        next_url = quote(self.get_argument("next", default=self.base_url), safe="")
        self.write(
            LOGIN_PAGE.format(
                lang=lang,
                title=escape(t("page_title", lang)),
                explain=escape(t("login_explain", lang)),
                error=error if message else "",
                action=f"{self.base_url}login?next={next_url}",
                xsrf=self.xsrf_form_html(),
                label=escape(t("login_label", lang)),
                button=escape(t("login_button", lang)),
            )
        )


class IdentityProvider(PasswordIdentityProvider):
    """Jupyter's token (or password) identity, with our login page."""

    def get_handlers(self):
        handlers = []
        if self.login_available:
            handlers.append((r"/login", LoginHandler))
        if self.logout_available:
            handlers.append((r"/logout", self.logout_handler_class))
        return handlers


def main(argv: list[str] | None = None):
    """`make app`: serve the workbook on 127.0.0.1:8866 with a new token, its address said first
    (Voila prints the token as dots)."""
    import argparse
    import secrets

    parser = argparse.ArgumentParser(prog="campaignkit.editor.server", add_help=False)
    parser.add_argument("--port", type=int, default=8866)
    known, options = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    token = secrets.token_urlsafe(24)
    url = f"http://127.0.0.1:{known.port}/?token={token}"
    if not {"-h", "--help", "--help-all"} & set(options):  # Voila's help: no address to open
        print("\n".join(t("app_address", lang, url=url) for lang in LANGUAGES), flush=True)
    full = command(known.port, token, *options)
    os.execve(full[0], full, environment(os.environ.get("CAMPAIGNKIT_CAMPAIGN")))


if __name__ == "__main__":
    main()
