"""The Voila application the workbook runs: Voila, with every error page in our words.

Serving one notebook, Voila sends every other address to /voila/files/…, whose handler is a
bare file handler with English error pages (and no login). Here that address is Jupyter's
Template404 instead: login first, then our "no such page" (error.html, in French and English).
Voila's other bare file handlers (its scripts, styles, themes) answer a missing file with
the same page instead of tornado's English one.
"""

from jupyter_server.base.handlers import JupyterHandler, Template404
from jupyter_server.utils import url_path_join
from tornado.web import StaticFileHandler
from voila.app import Voila


class OurErrorPage:
    """Mixed into a bare tornado handler: its errors as our error.html, not tornado's page."""

    def write_error(self, status_code: int, **kwargs) -> None:
        page = self.settings["jinja2_env"].get_template("error.html")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        words = self.settings["jinja_template_vars"]
        self.finish(
            page.render(status_code=status_code, base_url=self.settings["base_url"], **words)
        )


def with_our_errors(rule: tuple) -> tuple:
    """A route whose handler, when a bare file handler, answers errors with our page."""
    pattern, handler, *rest = rule
    if issubclass(handler, StaticFileHandler) and not issubclass(handler, JupyterHandler):
        handler = type(handler.__name__, (OurErrorPage, handler), {})
    return (pattern, handler, *rest)


class WorkbookVoila(Voila):
    """Voila whose /voila/files/ answers "no such page" and whose file handlers speak French."""

    def init_handlers(self) -> list:
        not_found = (url_path_join(self.server_url, r"/voila/files/.*"), Template404)
        rules = [with_our_errors(rule) for rule in super().init_handlers()]
        return [not_found, *rules]  # tornado takes the first match


if __name__ == "__main__":
    WorkbookVoila.launch_instance()
