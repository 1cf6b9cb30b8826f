"""The preview pane: the page a change affects, re-rendered in-process after a short pause."""

import atexit
import base64
import os
import shutil
import tempfile
from functools import cache
from html import escape
from pathlib import Path

import ipywidgets as w

from campaignkit import materials
from campaignkit.data.photos import caching_into
from campaignkit.editor.forms import esc, html_line, labelled
from campaignkit.editor.later import Debouncer
from campaignkit.editor.words import material_label, t
from campaignkit.exceptions import CampaignKitError
from campaignkit.files import own_folder
from campaignkit.printing import preview
from campaignkit.text.catalog import describe
from campaignkit.text.i18n import language_name

PREVIEW_PREFIX = "campaignkit-preview-"  # then the kernel's process id, a dash, a random part


@cache
def preview_cache() -> Path:
    """Where previews put downscaled photos: a folder of this process, never the outputs.
    It goes as the kernel ends; a kernel killed outright leaves it to the next one."""
    remove_abandoned_previews()
    folder = Path(tempfile.mkdtemp(prefix=f"{PREVIEW_PREFIX}{os.getpid()}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def remove_abandoned_previews() -> None:
    """Remove this user's preview folders whose kernel has ended."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREVIEW_PREFIX}*-*"):
        pid = folder.name.removeprefix(PREVIEW_PREFIX).split("-")[0]
        if pid.isdigit() and not process_exists(int(pid)) and own_folder(folder):
            shutil.rmtree(folder, ignore_errors=True)


def process_exists(pid: int) -> bool:
    """A process has this id now (perhaps another user's); in doubt, True."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


COLORS = 256  # a palette PNG: a third of the bytes to send to the page, the same on screen


def page_png(data, material: str, region: str, lang: str, focus=None) -> bytes:
    """A preview page as PNG, in memory: nothing written under the outputs folder."""
    with caching_into(preview_cache()):
        return preview.material_png(data, material, region, lang, focus, colors=COLORS)


class PreviewPane:
    """The affected page, re-rendered in-process a moment after the last change."""

    def __init__(self, app, delay: float):
        self.app = app
        self.material = w.Dropdown(layout=w.Layout(width="auto"))
        self.material.add_class("ck-preview-material")
        self.lang = w.ToggleButtons(style={"button_width": "6em"})
        self.lang.add_class("ck-preview-lang")
        self.image = w.HTML(layout=w.Layout(width="100%", max_width="560px"))
        self.image.add_class("ck-preview-image")
        self.png, self.shown = b"", None  # the page on screen, and (region, material, lang, focus)
        self.caption = html_line()
        self.caption.add_class("ck-preview-caption")
        self.note = html_line()
        self.note.add_class("ck-preview-note")
        self.title = html_line()
        choices = w.HBox([self.material, self.lang])
        choices.layout.flex_flow = "row wrap"
        self.box = w.VBox([self.title, choices, self.caption, self.note, self.image])
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
        labelled(self.material, t("material", lang))
        languages = app.session.languages
        current_lang = self.lang.value if self.lang.value in languages else None
        self.lang.options = [(language_name(code, lang), code) for code in languages]
        self.lang.value = current_lang or (lang if lang in languages else languages[0])
        self.lang.tooltip = t("preview_language", lang)

    def follow(self, tab: str):
        """Show the material the current tab edits: poster, the case's page, the event's sheet."""
        wanted = {
            "events": ["poster"],
            "cases": ["casebook", "letters"],
            "tallies": ["tally"],
            "produce": ["poster"],
        }
        for name in wanted.get(tab, []):
            if name in self.choices():
                self.material.value = name
                break

    def wanted(self) -> tuple:
        """What the preview must show now: region, material, language, focus."""
        return (self.app.region, self.material.value, self.lang.value, self.app.focus())

    def schedule(self):
        """Render soon; a page of another region, material or item is taken off at once."""
        self.mark_outdated()
        self.debounce()

    def mark_outdated(self):
        if self.shown is not None and self.shown[:2] != self.wanted()[:2]:
            self.clear()
        else:  # the page shown stays until the new one is ready, and says it is being redone
            self.note.value = f"<small>{esc(t('preview_wait', self.app.lang))}</small>"

    def after_the_page(self):
        """Render once the page has drawn its forms (page_script.Drawn): a page being opened
        has the machine's two cores for its scripts and its forms, and its preview comes
        right after. Meanwhile a page of another region is taken off at once, as by
        schedule()."""
        self.mark_outdated()
        self.debounce.cancel()  # asked for by the switch itself (preview.follow)
        self.app.drawn.then(self.debounce)

    def cancel(self):
        """Forget any render waiting (the workbook is closed)."""
        self.debounce.cancel()
        self.app.drawn.cancel(self.debounce)

    def now(self):
        """Render at once (a render waiting is dropped): the workbook made before its page."""
        self.debounce.cancel()
        self.update()

    def clear(self):
        self.png, self.shown, self.image.value, self.note.value = b"", None, "", ""
        self.caption.value = f'<i aria-busy="true">{esc(t("preview_wait", self.app.lang))}</i>'

    def label(self, wanted: tuple) -> tuple[str, str]:
        region_id, material, code, _ = wanted
        lang = self.app.lang
        region = self.app.session.regions.get(region_id)
        names = {
            "material": material_label(material, lang),
            "region": region.name[lang] if region else region_id,
            "language": language_name(code, lang),
        }
        return t("preview_of", lang, **names), t("preview_alt", lang, page=1, **names)

    def update(self):
        lang = self.app.lang
        data = self.app.session.preview_data()
        if data is None:
            self.note.value = f'<span class="ck-error">{esc(t("preview_paused", lang))}</span>'
            return
        wanted = self.wanted()
        region, material, code, focus = wanted
        try:
            if not materials.get(material).wanted(data, region):
                raise CampaignKitError(material_label(material, lang))
            png = page_png(data, material, region, code, focus)
        except Exception as error:  # noqa: BLE001 - a preview must never break the editor
            detail = esc(t("preview_off", lang, detail=describe(error, lang, page=True)))
            self.note.value = f'<span class="ck-error">{detail}</span>'
            return
        caption, alt = self.label(wanted)
        source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        self.png, self.shown = png, wanted
        self.image.value = f'<img class="ck-preview-img" src="{source}" alt="{escape(alt)}">'
        self.caption.value = f"<b>{esc(caption)}</b>"
        self.renders += 1
        self.note.value = f"<small>{esc(t('preview_ready', lang))}</small>"
