"""The preview pane: the page a change affects, re-rendered in-process after a short pause."""

import asyncio
import time

import ipywidgets as w

from campaignkit import materials
from campaignkit.editor.forms import esc
from campaignkit.editor.words import material_label, t
from campaignkit.exceptions import CampaignKitError
from campaignkit.printing import preview


class Debouncer:
    """Call `action` once, `delay` seconds after the last of a burst of calls.

    In a running kernel this uses its asyncio loop; with no loop (tests, scripts) or a
    delay of 0 the action runs at once.
    """

    def __init__(self, delay: float, action):
        self.delay, self.action, self.handle = delay, action, None

    def __call__(self):
        if self.handle is not None:
            self.handle.cancel()
            self.handle = None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if self.delay <= 0 or loop is None:
            self.action()
        else:
            self.handle = loop.call_later(self.delay, self._fire)

    def _fire(self):
        self.handle = None
        self.action()


class PreviewPane:
    """The affected page, re-rendered in-process a moment after the last change."""

    def __init__(self, app, delay: float):
        self.app = app
        self.material = w.Dropdown(layout=w.Layout(width="auto"))
        self.material.add_class("ck-preview-material")
        self.lang = w.ToggleButtons(style={"button_width": "4em"})
        self.image = w.Image(format="png", layout=w.Layout(width="100%", max_width="560px"))
        self.image.add_class("ck-preview-image")
        self.note = w.HTML()
        self.note.add_class("ck-preview-note")
        self.title = w.HTML()
        self.box = w.VBox([self.title, w.HBox([self.material, self.lang]), self.note, self.image])
        self.box.add_class("ck-preview")
        self.debounce = Debouncer(delay, self.update)
        self.renders = 0
        self.relabel()
        self.material.observe(lambda _: self.schedule(), "value")
        self.lang.observe(lambda _: self.schedule(), "value")

    def choices(self) -> list[str]:
        names = []
        for name in materials.names():
            if materials.get(name).scope == "region":
                names.append(name)
        return names

    def relabel(self):
        app, lang = self.app, self.app.lang
        self.title.value = f"<h3>{esc(t('preview', lang))}</h3>"
        current = self.material.value or "poster"
        self.material.options = [(material_label(n, lang), n) for n in self.choices()]
        self.material.value = current if current in self.choices() else self.choices()[0]
        self.material.description = ""
        languages = app.session.languages
        current_lang = self.lang.value if self.lang.value in languages else None
        self.lang.options = languages
        self.lang.value = current_lang or (lang if lang in languages else languages[0])

    def follow(self, tab: str):
        """Show the material the current tab affects."""
        wanted = {"events": ["poster"], "cases": ["letters", "poster"], "tallies": ["tally"]}
        for name in wanted.get(tab, []):
            if name in self.choices():
                self.material.value = name
                break

    def schedule(self):
        self.debounce()

    def update(self):
        lang = self.app.lang
        data = self.app.session.preview_data()
        if data is None:
            self.note.value = f'<span class="ck-error">{esc(t("preview_paused", lang))}</span>'
            return
        start = time.perf_counter()
        try:
            region = self.app.region
            if not materials.get(self.material.value).wanted(data, region):
                raise CampaignKitError(material_label(self.material.value, lang))
            png = preview.material_png(
                data, self.material.value, region, self.lang.value, self.app.focus()
            )
        except Exception as error:  # noqa: BLE001 - a preview must never break the editor
            detail = esc(t("preview_off", lang, detail=error))
            self.note.value = f'<span class="ck-error">{detail}</span>'
            return
        self.image.value = png
        self.renders += 1
        seconds = f"{time.perf_counter() - start:.2f}"
        self.note.value = f"<small>{esc(t('preview_time', lang, seconds=seconds))}</small>"
