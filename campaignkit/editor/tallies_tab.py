"""The Tallies tab: one event's counts, laid out like the paper tally sheet."""

from functools import partial

import ipywidgets as w

from campaignkit import paths
from campaignkit.editor.forms import buttons, esc, show_hint, show_problem, try_save
from campaignkit.editor.words import t


class TalliesForm:
    """One event's counts, laid out like the paper tally sheet."""

    def __init__(self, app):
        self.app = app
        self.box = w.VBox()
        self.box.add_class("ck-tallies")
        self.save, self.reload, self.status, self.hint = buttons(
            app, "tallies", self.on_save, self.on_reload
        )
        keys = app.session.events.keys_of(app.region)
        ids = [app.session.events.values(key)["id"] for key in keys]
        self.current = ids[0] if ids else None
        self.render()

    def event_options(self):
        events, lang = self.app.session.events, self.app.lang
        options = []
        for key in events.keys_of(self.app.region):
            values = events.values(key)
            title = values.get(f"title_{lang}") or values["id"]
            options.append((f"{title} — {values.get('date', '')}", values["id"]))
        return [option for option in options if option[1]]

    def render(self):
        lang, session = self.app.lang, self.app.session
        self.inputs, self.errors = {}, {}
        options = self.event_options()
        if not options:
            self.box.children = [w.HTML(f"<p>{esc(t('no_event_tally', lang))}</p>")]
            return
        if self.current not in [value for _, value in options]:
            self.current = options[0][1]
        chooser = w.Dropdown(
            options=options, value=self.current, description=t("tally_event", lang)
        )
        chooser.add_class("ck-tally-event")
        chooser.layout.width = "36em"
        chooser.observe(self.on_choose, "value")
        tally = session.tally(self.current)
        where = paths.display(tally.path)
        note = t("tally_file", lang, file=where) + (
            "" if tally.snapshot.data else " " + t("tally_new", lang)
        )
        items = [
            w.HTML(f"<p>{esc(t('tally_intro', lang))}</p>"),
            chooser,
            w.HTML(f"<small>{esc(note)}</small>"),
        ]
        readonly = tally.spreadsheet is not None
        if readonly:
            message = t("spreadsheet", lang, file=tally.spreadsheet.name)
            items.append(w.HTML(f'<p class="ck-error">{esc(message)}</p>'))
        cells = []

        def cell(name, value, css):
            text = w.Text(value=value, placeholder="0", disabled=readonly, continuous_update=True)
            text.add_class(css)
            text.layout.width = "7em"
            error = w.HTML()
            error.add_class("ck-error")
            text.observe(partial(self.on_change, name), "value")
            self.inputs[name], self.errors[name] = text, error
            return w.VBox([text, error])

        head = [w.HTML(f"<b>{esc(t(k, lang))}</b>") for k in ("participants", "online")]
        top = w.GridBox(
            [
                head[0],
                cell("participants", tally.participants, "ck-tally-participants"),
                head[1],
                cell("online", tally.online, "ck-tally-online"),
            ],
            layout=w.Layout(grid_template_columns="12em 9em 12em 9em", grid_gap="4px 8px"),
        )
        cells += [w.HTML(f"<b>{esc(t(k, lang))}</b>") for k in ("case", "letters", "cards")]
        for case_id, (letters, cards) in tally.counts.items():
            case = session.cases.get(case_id)
            name = case.get(("name",)) if case else case_id
            cells.append(w.HTML(f"{esc(name)} <small>({esc(case_id)})</small>"))
            cells.append(cell(f"{case_id}.letters", letters, f"ck-tally-{case_id}-letters"))
            cells.append(cell(f"{case_id}.cards", cards, f"ck-tally-{case_id}-cards"))
        self.total = [w.HTML(), w.HTML()]
        cells += [w.HTML(f"<b>{esc(t('total', lang))}</b>"), *self.total]
        sheet = w.GridBox(
            cells,
            layout=w.Layout(grid_template_columns="minmax(16em, 2fr) 9em 9em", grid_gap="2px 8px"),
        )
        sheet.add_class("ck-sheet")
        items += [top, sheet]
        if not readonly:
            items += [w.HBox([self.save, self.reload]), self.hint, self.status.html]
        self.box.children = items
        self.refresh()

    def refresh(self):
        if self.current is None or not self.inputs:
            return
        lang, tally = self.app.lang, self.app.session.tally(self.current)
        problems = {p.field: p for p in tally.validate()}
        for name, widget in self.inputs.items():
            show_problem(widget, self.errors[name], problems.get(name), lang)
        letters, cards = tally.totals()
        self.total[0].value, self.total[1].value = f"<b>{letters}</b>", f"<b>{cards}</b>"
        self.save.disabled = bool(problems) or not tally.dirty
        show_hint(self.hint, bool(problems), lang)

    def on_choose(self, change):
        self.current = change["new"]
        self.status.clear()
        self.render()

    def on_change(self, name, change):
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
        if try_save(self.app, [self.app.session.tally(self.current)], self.status):
            self.refresh()

    def on_reload(self, _=None):
        self.app.session.tally(self.current).reload()
        self.status.clear()
        self.render()
        self.app.changed()
