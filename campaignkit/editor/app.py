"""The editor workbook: pick a campaign, a region and a language, edit, preview, save, produce.

    from campaignkit.editor.app import Editor
    Editor()            # in a notebook cell: shows the workbook

The campaign folder is, in order: the `campaign` argument; in Voila, `?campaign=NAME` for
a folder cases/NAME of this repository; the CAMPAIGNKIT_CAMPAIGN environment variable
(any folder); else cases/2023. `?region=ID` and `?lang=fr|en` (or CAMPAIGNKIT_REGION,
CAMPAIGNKIT_LANG) choose the first region and the interface language.
"""

import math
import os
import re
import time
import urllib.parse
from pathlib import Path

import ipywidgets as w

from campaignkit import paths
from campaignkit.editor.cases_tab import CasesForm
from campaignkit.editor.crashes import log_native_crashes
from campaignkit.editor.events_tab import EventsForm, changes_text
from campaignkit.editor.forms import Notice, close_parts, close_tree, esc, html_line, labelled
from campaignkit.editor.later import after_this_cell
from campaignkit.editor.page_script import Address, Drawn, IntoView
from campaignkit.editor.preheat import PageAddress, preheated
from campaignkit.editor.preview_pane import PreviewPane
from campaignkit.editor.produce_tab import ProduceForm
from campaignkit.editor.round_trip import RoundTrip
from campaignkit.editor.session import Session
from campaignkit.editor.tallies_tab import TalliesForm
from campaignkit.editor.words import t

STYLE = """<style>
.ck-app { font-size: 14px; overflow: visible !important; }
.ck-app h2 { margin: 4px 0; }
.ck-app .widget-text, .ck-app .widget-textarea { width: auto; min-width: 0; }
.ck-app .widget-button { width: auto; }
.ck-error, .ck-error * { color: #b00020; }
.ck-app .widget-html-content { line-height: 1.35; }
.ck-app textarea { font-family: inherit; font-size: 13px; }
.ck-over { color: #b00020; font-weight: bold; }
.ck-ok { color: #4a4f55; }
.ck-count { align-self: flex-end; font-size: 12px; }
.ck-labelled.widget-inline-hbox { flex-direction: column; align-items: stretch; }
.ck-labelled.widget-inline-hbox { height: auto !important; }
.ck-labelled > select, .ck-labelled > input { flex: 0 0 auto !important;
  min-height: var(--jp-widgets-inline-height, 28px); }
.ck-labelled > .widget-label, .ck-labelled > label {
  width: auto !important; text-align: left; font-weight: bold; margin: 0; }
.ck-label-hidden > label, .ck-label-hidden > .widget-label {
  position: absolute; width: 1px !important; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.ck-invalid input, .ck-invalid textarea, input.ck-invalid, textarea.ck-invalid {
  border: 2px solid #b00020 !important; background: #fff6f6; }
.ck-card { border: 1px solid #d0d0d0; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.ck-dirty { color: #8a4f00; font-weight: bold; }
.ck-preview img { border: 1px solid #bbb; box-shadow: 0 1px 4px rgba(0,0,0,.2); width: 100%; }
.ck-sheet { border-top: 2px solid #000; padding-top: 4px; }
.ck-app a.ck-pdf { color: #0b57d0; text-decoration: underline; }
.ck-app .lm-TabBar-tab { color: #1f1f1f !important; background: #e4e4e4; }
.ck-app .lm-TabBar-tab.lm-mod-current { background: #fff; }
.ck-app .jupyter-widget-Collapse-header, .ck-app .jupyter-widget-Collapse-header span {
  color: #1f1f1f !important; background: #ececec; }
.ck-main { align-items: flex-start !important; overflow: visible !important; }
.ck-main > .ck-preview { position: sticky !important; top: 0; align-self: flex-start !important;
  max-height: 100vh; overflow-y: auto !important; }
/* a tall page image must not squash the document chooser above it */
.ck-preview > * { flex-shrink: 0 !important; }
/* a field reached with Tab is scrolled clear of the save bar, not under it: in the element
   that scrolls (Voila's #rendered_cells; the page itself in JupyterLab) */
html, #rendered_cells { scroll-padding-bottom: 9em; }
/* the Restore button keeps its word whatever the length of the line beside it */
.ck-version-restore { flex-shrink: 0 !important; width: auto !important; }
.ck-version-line { flex: 1 1 auto; min-width: 0; }
.ck-savebar { position: sticky; bottom: 0; z-index: 5; background: var(--jp-layout-color0, #fff);
  border-top: 1px solid #d0d0d0; padding: 6px 0; overflow: visible !important; }
.ck-app .lm-TabPanel-stackedPanel, .ck-app .widget-tab-contents,
.ck-app .jupyter-widget-Collapse-contents, .ck-app .ck-events, .ck-app .ck-cases,
.ck-app .ck-tallies, .ck-app .ck-tab, .ck-app .widget-tab { overflow: visible !important; }
@media (max-width: 800px) {
  .ck-main { flex-direction: column !important; }
  .ck-main > * { width: 100% !important; flex: 1 1 auto !important; }
  .ck-main > .ck-preview { position: static; max-height: none; }
  .ck-app .ck-grid { grid-template-columns: 1fr !important; }
  .ck-app .ck-sheet { grid-template-columns: 2fr 1fr 1fr !important; }
}
</style>"""
LANGUAGES = ("fr", "en")
# A page may still be drawing the widgets of switches made this recently (a reader going
# through regions quickly): they are closed only once older, never under its feet.
RETIRE_SECONDS = 30


def campaign_folders() -> list[Path]:
    """The campaigns of this repository: folders of cases/ holding a campaign.yaml."""
    return sorted(p.parent for p in (paths.ROOT / "cases").glob("*/campaign.yaml"))


def start_options(environ=None) -> dict:
    """Campaign, region and language asked for by the Voila query string or the environment."""
    environ = os.environ if environ is None else environ
    query = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    options = {
        "campaign": environ.get("CAMPAIGNKIT_CAMPAIGN") or None,
        "region": environ.get("CAMPAIGNKIT_REGION") or None,
        "lang": environ.get("CAMPAIGNKIT_LANG") or None,
    }
    name = query.get("campaign", [""])[0]
    if re.fullmatch(r"[\w-]+", name) and (paths.ROOT / "cases" / name / "campaign.yaml").exists():
        options["campaign"] = str(paths.ROOT / "cases" / name)  # only the repo's own campaigns
    for key in ("region", "lang"):
        if query.get(key, [""])[0]:
            options[key] = query[key][0]
    return options


def likely_options(environ=None) -> dict:
    """What the next page will most likely ask for: in a preheated kernel, what the page
    before it asked for (Voila starts each new kernel with that page's VOILA_REQUEST_URL)."""
    environ = os.environ if environ is None else environ
    previous = urllib.parse.urlparse(environ.get("VOILA_REQUEST_URL", "")).query
    return start_options({**environ, "QUERY_STRING": previous})


_ready: "Editor | None" = None  # the workbook made before its page was asked for
REFRESH_SECONDS = 1  # how often a kernel waiting for its page looks for changed files
_listening: PageAddress | None = None


def listen_for_page():
    """In a preheated Voila kernel, listen for the page's address from now on (a thread).

    Listening from before the warm-up, the kernel has its address as soon as the page is
    asked for; listening only after it, the address came seconds late.
    """
    global _listening
    if preheated() and _listening is None:
        _listening = PageAddress()


def warm_up(campaign=None, region=None, lang=None):
    """Make the whole workbook and its preview before anyone opens the page.

    In Voila's preheated kernels this runs while no page waits, for the campaign, region
    and language the last page asked for; a page asked for meanwhile waits for it (Voila
    keeps the address until the kernel asks). The page then gets this workbook from
    workbook(), brought up to date. If anything fails here, the page makes its own.
    """
    global _ready
    log_native_crashes()
    listen_for_page()
    likely = likely_options()
    try:
        editor = Editor(
            campaign or likely["campaign"], region or likely["region"], lang or likely["lang"]
        )
        editor.preview.now()  # drawn here: no page waits for it
    except Exception:  # noqa: BLE001 - the page's own Editor() says what is wrong, in words
        editor = None
    _ready = editor


def wait_for_page():
    """In a preheated Voila kernel, wait here for the page's address (?region=, ?lang=).
    Meanwhile the workbook made beforehand is made again each time a file of its campaign
    changes (another region saved): the page then finds it up to date, not made anew."""
    global _listening
    listen_for_page()
    if _listening is not None:
        while not _listening.wait(REFRESH_SECONDS):
            refresh_ready()
        _listening = None


def refresh_ready():
    """Make the waiting workbook again, with its preview, if its campaign's files changed."""
    editor = _ready
    if editor is not None and editor.session.changed_on_disk():
        editor.close()
        warm_up(str(editor.session.root), editor.region, editor.lang)


def workbook(campaign=None, region=None, lang=None) -> "Editor":
    """The page's workbook: the one warm_up made, when it edits the campaign the address asks
    for and no file changed since it was read, switched to the region and language asked
    for; else a new one. Used once: run again, the cell makes a new workbook.

    The switch is made once the cell has returned: Voila sends the page as soon as the cell
    has run, and the page asks for its widgets only once its scripts have loaded, by when
    the kernel has long switched (its loop takes the switch before the page's messages).
    """
    global _ready
    editor, _ready = _ready, None
    asked = start_options()
    if editor is None or editor.stale(campaign or asked["campaign"]):
        if editor is not None:
            editor.close()
        return Editor(campaign, region, lang)
    after_this_cell(editor.show, region or asked["region"], lang or asked["lang"])
    return editor


class Editor:
    """The whole workbook; display it (last line of a cell) to show it."""

    TABS = ("events", "cases", "tallies", "produce")
    FORMS = {
        "events": EventsForm,
        "cases": CasesForm,
        "tallies": TalliesForm,
        "produce": ProduceForm,
    }

    def __init__(self, campaign=None, region=None, lang=None, preview_delay=0.1, out_dir=None):
        options = start_options()
        self.session = Session(campaign or options["campaign"] or paths.DEFAULT_CAMPAIGN)
        self.lang = self.language(lang or options["lang"])
        self.region = self.known_region(region or options["region"])
        self.out_dir = out_dir or paths.OUTPUTS
        self.forms: dict = {}  # a tab's form is made when first shown or used
        self.slots = {name: self.slot() for name in self.TABS}  # the tabs, kept (see build)
        self.last: dict = {}  # each tab's latest form, switches included
        self.retired: list = []  # (when, forms) replaced by a switch, to close
        self.produced: dict = {}  # region → the Produce tab's last result, shown on return
        self.widget = w.VBox()
        self.widget.add_class("ck-app")
        self.address, self.into_view, self.drawn = Address(), IntoView(), Drawn()
        self.round_trip = RoundTrip()  # a Save waits for the page's letters (see buttons)
        self.preview = PreviewPane(self, preview_delay)
        self.make_header()
        self.build()
        self.preview.schedule()

    @staticmethod
    def language(lang: str | None) -> str:
        return lang if lang in LANGUAGES else "fr"

    def known_region(self, region: str | None) -> str:
        """The region asked for when the campaign has it, else its first region."""
        return region if region in self.session.regions else next(iter(self.session.regions), "")

    def form(self, name: str):
        """A tab's form, made the first time it is shown or used: a page opens with the
        widgets of one tab only, the others are made when the reader goes to them."""
        if name not in self.forms:
            self.forms[name] = self.last[name] = self.FORMS[name](self)
            self.slots[name].children = [self.forms[name].box]
        return self.forms[name]

    def replaced(self, name: str):
        """The tab's form made before (another region or language), or None: what a new
        form takes over from it (see EventsForm.quiet_state)."""
        return self.last.get(name)

    @staticmethod
    def slot() -> w.VBox:
        """Where a tab's form goes once made; nothing clips it (the Save bar sticks in view)."""
        slot = w.VBox()
        slot.add_class("ck-tab")
        return slot

    events = property(lambda self: self.form("events"))
    cases = property(lambda self: self.form("cases"))
    tallies = property(lambda self: self.form("tallies"))
    produce = property(lambda self: self.form("produce"))

    def stale(self, campaign=None) -> bool:
        """Whether this workbook cannot be the page's: another campaign asked for, edits not
        saved, or a file of the campaign changed on disk since it was read."""
        folder = paths.resolve(campaign or paths.DEFAULT_CAMPAIGN)
        session = self.session
        return folder != session.root or session.dirty or session.changed_on_disk()

    def show(self, region: str | None = None, lang: str | None = None):
        """Show this region in this language: the workbook switches only if it shows another."""
        region, lang = self.known_region(region), self.language(lang)
        if (region, lang) != (self.region, self.lang):
            before = self.region, self.lang
            self.region, self.lang = region, lang
            try:
                self.build()
            except Exception as error:  # noqa: BLE001 - the page stays on one region, says why
                self.region, self.lang = before
                self.notice.show("region", t("region_failed", self.lang, detail=error), True)
                return
            self.close_retired(math.inf)  # no page has drawn them yet
            self.preview.after_the_page()

    def close(self):
        """Take the workbook's widgets out of the kernel (the page will never show them)."""
        self.preview.cancel()
        self.round_trip.cancel()
        self.drawn.cancel()
        close_tree(self.widget)
        for form in self.forms.values():
            close_parts(form, self)
        self.close_retired(math.inf)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def campaign_id(self) -> str:
        return self.session.campaign.id if self.session.campaign else self.session.root.name

    def make_header(self):
        """The campaign, region and language choices: made once, so a switch never races."""
        self.campaign_choice = w.Dropdown()
        self.campaign_choice.add_class("ck-campaign")
        self.region_choice = w.Dropdown()
        self.region_choice.add_class("ck-region")
        self.lang_choice = w.ToggleButtons(
            options=[("Français", "fr"), ("English", "en")], style={"button_width": "6em"}
        )
        self.lang_choice.add_class("ck-lang")
        self.state, self.notice = html_line(), Notice("ck-app-notice")
        self.heading, self.problems = html_line(), html_line()
        self.tabs = w.Tab()
        self.tabs.layout.flex = "3 1 0%"
        self.preview.box.layout.flex = "2 1 0%"
        self.preview.box.layout.min_width = "320px"
        header = w.HBox([self.campaign_choice, self.region_choice, self.lang_choice, self.state])
        header.layout.flex_flow = "row wrap"
        header.layout.align_items = "center"
        header.add_class("ck-header")
        main = w.HBox([self.tabs, self.preview.box])
        main.add_class("ck-main")
        drawn, trip = self.drawn.widgets, self.round_trip.play
        scripts = [self.address.output, self.into_view.output, *drawn, trip]
        self.widget.children = [
            self.heading,
            header,
            self.notice.html,
            self.problems,
            main,
            *scripts,
        ]
        self.campaign_choice.observe(self.on_campaign, "value")
        self.region_choice.observe(self.on_region, "value")
        self.lang_choice.observe(self.on_lang, "value")
        self.tabs.observe(self.on_tab, "selected_index")

    def set_quietly(self, widget, handler, **traits):
        """Change a header widget's options or value without calling its handler."""
        widget.unobserve(handler, "value")
        try:
            for name, value in traits.items():
                setattr(widget, name, value)
        finally:
            widget.observe(handler, "value")

    def build(self, tab: int | None = None):
        """Show the campaign, region and language chosen: header, tabs and preview at once.

        The new tabs are made first; only when all of them are ready are they put on the
        page, in one change, together with the header's values.
        """
        lang = self.lang
        tab = self.tabs.selected_index or 0 if tab is None else tab
        folders = campaign_folders()
        own = self.session.root in folders  # ?campaign= names only the repository's own
        if not own:
            folders.append(self.session.root)
        old, shown = self.forms, self.TABS[tab]
        self.forms = {}
        try:  # the tab shown; the others when the reader goes to them
            self.forms[shown] = self.last[shown] = self.FORMS[shown](self)
        except Exception:
            self.forms = old
            raise
        self.set_quietly(
            self.campaign_choice,
            self.on_campaign,
            options=[(folder.name, str(folder)) for folder in folders],
            value=str(self.session.root),
        )
        regions = [(r.name[lang], r.id) for r in self.session.regions.values()]
        self.set_quietly(
            self.region_choice, self.on_region, options=regions, value=self.region or None
        )
        labelled(self.campaign_choice, t("campaign", lang))
        labelled(self.region_choice, t("region", lang))
        self.set_quietly(self.lang_choice, self.on_lang, value=lang)
        self.lang_choice.tooltip = t("interface_language", lang)
        self.preview.relabel()
        problems = ""
        if self.session.problems:
            items = "".join(f"<li>{esc(p.text(lang, True))}</li>" for p in self.session.problems)
            title = esc(t("data_problems", lang))
            problems = f'<div class="ck-error"><p>{title}</p><ul>{items}</ul></div>'
        for name, slot in self.slots.items():  # the tabs themselves stay: a page that gets
            slot.children = [self.forms[name].box] if name in self.forms else []  # new tabs
        with self.tabs.hold_trait_notifications():  # shows its first one, not the one asked
            self.tabs.children = [self.slots[name] for name in self.TABS]
            self.tabs.titles = [t(f"tab_{name}", lang) for name in self.TABS]
            self.tabs.selected_index = tab
        self.heading.value = STYLE + f"<h1 class='ck-title'>{esc(self.title())}</h1>"
        self.problems.value = problems
        self.preview.follow(self.tab_name())
        self.changed()
        campaign = self.session.root.name if own else None
        self.address.show(campaign=campaign, region=self.region or None, lang=lang)
        self.retired.append((time.monotonic(), old))
        self.close_retired()

    def close_retired(self, now: float | None = None):
        """Close the widgets that switches replaced more than RETIRE_SECONDS before `now`:
        a page that opens fetches every open widget, so none is left over for long."""
        now = time.monotonic() if now is None else now
        while self.retired and now - self.retired[0][0] > RETIRE_SECONDS:
            _, forms = self.retired.pop(0)
            for form in forms.values():
                close_parts(form, self)

    def title(self) -> str:
        name = self.session.campaign.name.get(self.lang) if self.session.campaign else None
        return f"{name} — {t('title', self.lang)}" if name else t("title", self.lang)

    def tab_name(self) -> str:
        return self.TABS[self.tabs.selected_index or 0]

    def focus(self) -> str | None:
        """What the preview's page must show: the case's name, the tally's event title."""
        tab = self.tab_name()
        if tab == "cases":
            return self.cases.focus()
        if tab == "tallies" and self.tallies.current:
            values = self.session.events.with_id(self.tallies.current, self.region)
            if values:
                return values.get(f"title_{self.preview.lang.value}") or values["id"]
        return None

    def changed(self, preview: str | None = None):
        """After any edit or save: unsaved-changes mark, Produce button, preview."""
        dirty, events = self.session.dirty, changes_text(self)
        text = t("unsaved", self.lang) if dirty else t("all_saved", self.lang)
        if dirty and events:
            text = t("unsaved_in", self.lang, changes=events)
        self.state.value = f'<span class="{"ck-dirty" if dirty else "ck-ok"}">● {esc(text)}</span>'
        if "produce" in self.forms:
            self.produce.refresh()
        if preview:
            self.preview.schedule()

    def on_tab(self, change):
        """Show a tab, its form made now if it is the first time; if it cannot be made, the
        page stays on the tab it was on and says why."""
        try:
            self.form(self.tab_name())
        except Exception as error:  # noqa: BLE001 - the page must stay usable
            self.tabs.unobserve(self.on_tab, "selected_index")
            self.tabs.selected_index = change["old"]
            self.tabs.observe(self.on_tab, "selected_index")
            self.notice.show("tab", t("tab_failed", self.lang, detail=error), True)
            return
        self.notice.clear("tab")
        if self.tab_name() == "tallies":
            self.tallies.follow_events()
        self.preview.follow(self.tab_name())
        self.preview.schedule()

    def on_lang(self, change):
        self.lang = change["new"]
        self.build()

    def on_region(self, change):
        """Switch region: everything follows, or nothing does and the page says why."""
        old = self.region
        self.region = change["new"]
        try:
            self.build()
        except Exception as error:  # noqa: BLE001 - the page must stay on one region
            self.region = old  # build() changes the page only once every tab is made
            self.set_quietly(self.region_choice, self.on_region, value=old)
            self.notice.show("region", t("region_failed", self.lang, detail=error), True)
            return
        self.notice.clear("region")
        self.preview.schedule()

    def on_campaign(self, change):
        if self.session.dirty:
            self.set_quietly(self.campaign_choice, self.on_campaign, value=change["old"])
            self.notice.show("dirty", t("save_first", self.lang), True)
            return
        self.session = Session(change["new"])
        self.region = self.known_region(self.region)
        self.build(0)
        self.preview.schedule()
