"""The Voila application the workbook runs: Voila, with unknown addresses answered by our page.

Serving one notebook, Voila sends every other address to /voila/files/…, whose handler is a
bare file handler with English error pages (and no login). Here that address is Jupyter's
Template404 instead: login first, then our "no such page" (error.html, in French and English).
"""

from jupyter_server.base.handlers import Template404
from jupyter_server.utils import url_path_join
from voila.app import Voila


class WorkbookVoila(Voila):
    """Voila whose /voila/files/ answers "no such page" in our words (no file is served)."""

    def init_handlers(self) -> list:
        not_found = (url_path_join(self.server_url, r"/voila/files/.*"), Template404)
        return [not_found, *super().init_handlers()]  # tornado takes the first match


if __name__ == "__main__":
    WorkbookVoila.launch_instance()
