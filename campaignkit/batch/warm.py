"""Pay the start-up cost of rendering once per process: imports, fonts, the first page."""

import gc
import threading
import time

from IPython import get_ipython

from campaignkit import materials, paths  # noqa: F401 - every material's module, imported now
from campaignkit.batch import orphan
from campaignkit.batch.netguard import forbid_network
from campaignkit.data.loader import keep_loaded_campaigns
from campaignkit.printing import render


def warm_up(idle_limit: float | None = None, folder: str | None = None):
    """Close the network, keep campaigns once read, import WeasyPrint, render a page, then
    set what all that made aside from the garbage collector; with `idle_limit`, end this
    kernel (and remove its `folder`) once idle that many seconds.

    Stylesheets are parsed when a job first needs them (render.stylesheet keeps them for
    the kernel's next jobs): a small rebuild does not pay for every material's sheets.
    """
    forbid_network()
    keep_loaded_campaigns()  # the notebooks still call load_campaign: same data, read once
    page = '<html lang="fr"><title>warm</title><p>warm</p></html>'  # what PDF/UA asks for
    render.pdf_bytes(render.render_document(page, [], paths.TEMPLATES))
    spare_the_collector()
    if idle_limit:
        exit_when_idle(idle_limit, folder)


def spare_the_collector():
    """Move the objects alive now (modules, fonts, caches: they live as long as the kernel)
    out of the garbage collector's rounds. WeasyPrint makes objects by the million, so the
    collector runs thousands of times a build; each of its full rounds walked these too,
    and took a fifth of a page's time, half of it here."""
    gc.collect()
    gc.freeze()


def exit_when_idle(seconds: float, folder: str | None):
    """A thread that ends this IPython kernel when no cell has run for `seconds` (a build
    killed without keeping it is watched for from the kernel's start: batch/orphan.py)."""
    shell = get_ipython()
    clock = {"last": time.monotonic(), "running": False}

    def started(*args):
        clock.update(running=True)

    def finished(*args):
        clock.update(running=False, last=time.monotonic())

    shell.events.register("pre_execute", started)
    shell.events.register("post_execute", finished)

    def watch():
        while clock["running"] or time.monotonic() - clock["last"] < seconds:
            time.sleep(min(seconds, 2))
        orphan.end(folder)

    threading.Thread(target=watch, daemon=True, name="exit-when-idle").start()
