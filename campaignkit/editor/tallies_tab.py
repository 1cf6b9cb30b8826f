"""The Tallies tab: one event's counts, laid out like the paper tally sheet."""

import datetime as dt
from functools import partial

import ipywidgets as w

from campaignkit.editor.events_tab import as_date, as_time
from campaignkit.editor.forms import (
    Confirm,
    ask_reload,
    buttons,
    esc,
    html_line,
    labelled,
    save_bar,
    show_hint,
    show_problem,
    try_save,
)
from campaignkit.editor.versions import Version, VersionsPanel, restore_file, tally_change
from campaignkit.editor.words import t
from campaignkit.exceptions import CampaignKitError
from campaignkit.text.catalog import describe
from campaignkit.text.i18n import clock, short_date


def last_held(events, today: dt.date | None = None) -> str | None:
    """The event whose counts come in next: the last one held by today, else the first to
    come (`events` in date order, as TalliesForm.dated_events gives them)."""
    today = today or dt.date.today()
    held = [ident for ident, day, _, _ in events if day and day <= today]
    return held[-1] if held else (events[0][0] if events else None)


class TalliesForm:
    """One event's counts, laid out like the paper tally sheet."""

    def __init__(self, app):
        self.app = app
        self.box = w.VBox()
        self.box.add_class("ck-tallies")
        self.save, self.reload, self.status, self.hint = buttons(
            app, "tallies", self.on_save, self.on_reload
        )
        self.confirm = Confirm("ck-confirm-tallies")
        self.versions = VersionsPanel(app, "tallies")
        self.filling = False
        events = self.dated_events()
        shown = getattr(app.replaced("tallies"), "current", None)  # before a language switch
        held = [event_id for event_id, *_ in events]
        self.current = shown if shown in held else last_held(events)
        self.render()

    def dated_events(self) -> list[tuple[str, dt.date | None, dt.time | None, dict]]:
        """The region's events in the order they are held (undated ones last): id, day,
        start, values."""
        events, found = self.app.session.events, []
        for key in events.keys_of(self.app.region):
            values = events.values(key)
            day, start = as_date(values.get("date", "")), as_time(values.get("start", ""))
            if values.get("id"):
                found.append((values["id"], day, start, values))
        return sorted(found, key=lambda event: (event[1] or dt.date.max, event[2] or dt.time()))

    def event_options(self):
        lang, options = self.app.lang, []
        for ident, day, start, values in self.dated_events():
            title = values.get(f"title_{lang}") or ident
            moment = f"{short_date(day, lang)}, {clock(start, lang)}" if day and start else ""
            options.append((f"{title} — {moment}" if moment else title, ident))
        return options

    def follow_events(self):
        """Show the events as they are now: one saved since the tab was made is listed."""
        if self.event_options() != self.options:
            self.render()

    def render(self):
        lang, session = self.app.lang, self.app.session
        self.inputs, self.errors = {}, {}
        options = self.options = self.event_options()
        if not options:
            self.box.children = [html_line(f"<p>{esc(t('no_event_tally', lang))}</p>")]
            return
        if self.current not in [value for _, value in options]:
            self.current = options[0][1]
        chooser = labelled(w.Dropdown(options=options, value=self.current), t("tally_event", lang))
        chooser.add_class("ck-tally-event")
        chooser.layout.width = "100%"  # an event's title (60 characters at most) and its day
        chooser.observe(self.on_choose, "value")
        self.chooser = chooser
        intro = html_line(f"<p>{esc(t('tally_intro', lang))}</p>")
        try:
            tally = session.tally(self.current)
        except (ValueError, OSError, CampaignKitError) as error:  # one unreadable sheet
            message = t("tally_unreadable", lang, detail=describe(error, lang, page=True))
            self.box.children = [
                intro,
                chooser,
                html_line(f'<p class="ck-error">{esc(message)}</p>'),
            ]
            return
        self.new_note = html_line()  # « no tally yet » until its first save (refresh)
        self.new_note.add_class("ck-tally-new")
        readonly = tally.spreadsheet is not None
        cells = []

        def cell(name, value, css, label):
            text = w.Text(value=value, placeholder="0", disabled=readonly, continuous_update=True)
            labelled(text, label)
            text.add_class("ck-label-hidden")
            text.add_class(css)
            text.layout.width = "7em"
            error = html_line()
            error.add_class("ck-error")
            text.observe(partial(self.on_change, name), "value")
            self.inputs[name], self.errors[name] = text, error
            return w.VBox([text, error])

        head = [html_line(f"<b>{esc(t(k, lang))}</b>") for k in ("participants", "online")]
        top = w.GridBox(
            [
                head[0],
                cell(
                    "participants",
                    tally.participants,
                    "ck-tally-participants",
                    t("participants", lang),
                ),
                head[1],
                cell("online", tally.online, "ck-tally-online", t("online", lang)),
            ],
            layout=w.Layout(grid_template_columns="12em 9em 12em 9em", grid_gap="4px 8px"),
        )
        cells += [html_line(f"<b>{esc(t(k, lang))}</b>") for k in ("case", "letters", "cards")]
        for case_id, (letters, cards) in tally.counts.items():
            case = session.cases.get(case_id)
            name = case.name if case else case_id
            cells.append(html_line(esc(name)))  # as the printed sheet: the person, not a code
            for column, value in (("letters", letters), ("cards", cards)):
                label = f"{name} — {t(column, lang)}"
                cells.append(
                    cell(f"{case_id}.{column}", value, f"ck-tally-{case_id}-{column}", label)
                )
        self.total = [html_line(), html_line()]
        cells += [html_line(f"<b>{esc(t('total', lang))}</b>"), *self.total]
        sheet = w.GridBox(
            cells,
            layout=w.Layout(grid_template_columns="minmax(16em, 2fr) 9em 9em", grid_gap="2px 8px"),
        )
        sheet.add_class("ck-sheet")
        spreadsheet = html_line(f'<p class="ck-error">{esc(t("spreadsheet", lang))}</p>')
        bar = save_bar(self.save, self.reload, self.confirm, self.hint, self.status)
        self.parts = (intro, chooser, self.new_note, spreadsheet, top, sheet, bar)
        self.arrange(readonly)
        self.refresh()

    def arrange(self, readonly: bool):
        """The tab's parts on the page: a sheet kept in a spreadsheet file is shown, not
        edited (no Save bar, no versions)."""
        intro, chooser, new_note, spreadsheet, top, sheet, bar = self.parts
        items = [intro, chooser, new_note, *([spreadsheet] if readonly else []), top, sheet]
        if not readonly:  # the Save bar sticks over what comes before it, never the versions
            items += [bar, self.versions.box]
            self.versions.show(self.version_source())
        for box in self.inputs.values():
            box.disabled = readonly
        self.box.children = items

    def what(self) -> str:
        lang = self.app.lang
        values = self.app.session.events.with_id(self.current, self.app.region) or {}
        return t("what_tally", lang, event=values.get(f"title_{lang}") or self.current)

    def version_source(self) -> dict:
        tally = self.app.session.tally(self.current)
        return {
            "path": tally.path,
            "what": self.what(),
            "current": lambda: tally.snapshot.text,
            "describe": lambda old, new: tally_change(old, new, self.app.lang, self.case_name),
            "restore": lambda version: self.restore(tally, version),
        }

    def case_name(self, case_id: str) -> str:
        case = self.app.session.cases.get(case_id)
        return (case.get(("name",)) if case else "") or case_id

    def restore(self, tally, version: Version) -> bool:
        if not restore_file(self.app, tally, version, self.status, self.what()):
            return False
        self.status.clear()  # an earlier « Enregistré » is not what happened last
        self.render()
        self.app.changed()
        return True

    def refresh(self):
        if self.current is None or not self.inputs:
            return
        lang, tally = self.app.lang, self.app.session.tally(self.current)
        kept = tally.snapshot.data or tally.spreadsheet is not None  # a workbook's counts too
        note = "" if kept else t("tally_new", lang)
        self.new_note.value = f"<small>{esc(note)}</small>" if note else ""
        problems = {p.field: p for p in tally.validate()}
        for name, widget in self.inputs.items():
            show_problem(widget, self.errors[name], problems.get(name), lang)
        letters, cards = tally.totals()
        self.total[0].value, self.total[1].value = f"<b>{letters}</b>", f"<b>{cards}</b>"
        self.save.disabled = bool(problems) or not tally.dirty
        show_hint(
            self.hint, [self.inputs[p].description for p in problems if p in self.inputs], lang
        )

    def on_choose(self, change):
        self.current = change["new"]
        self.status.clear()
        if not self.fill():
            self.render()
        self.app.changed(preview="tallies")

    def fill(self) -> bool:
        """Show the chosen event's counts in the boxes on the page when its sheet has the same
        rows: new boxes took the browser about a second to fill in, one after the other."""
        try:
            tally = self.app.session.tally(self.current)
        except (ValueError, OSError, CampaignKitError):
            return False  # render says why
        values = {"participants": tally.participants, "online": tally.online}
        for case_id, (letters, cards) in tally.counts.items():
            values[f"{case_id}.letters"], values[f"{case_id}.cards"] = letters, cards
        if set(values) != set(self.inputs):
            return False
        self.filling = True  # these values are the file's, not the coordinator's typing
        try:
            for name, value in values.items():
                self.inputs[name].value = value
        finally:
            self.filling = False
        self.arrange(tally.spreadsheet is not None)
        self.refresh()
        return True

    def on_change(self, name, change):
        if self.filling:
            return
        tally = self.app.session.tally(self.current)
        if name == "participants":
            tally.participants = change["new"]
        elif name == "online":
            tally.online = change["new"]
        else:
            case_id, column = name.rsplit(".", 1)
            tally.counts[case_id][0 if column == "letters" else 1] = change["new"]
        self.status.clear("saved")
        self.refresh()
        self.app.changed()

    def on_save(self, _=None):
        if try_save(self.app, [self.app.session.tally(self.current)], self.status, self.what()):
            self.refresh()
            self.versions.refresh()

    def on_reload(self, _=None):
        tally = self.app.session.tally(self.current)

        def reload():
            tally.reload()
            self.status.clear()
            self.render()
            self.app.changed()

        ask_reload(self.app, self.confirm, self.what(), tally.dirty, reload)
