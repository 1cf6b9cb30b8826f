"""The Events tab: the region's events as a list of forms; Save writes events.csv."""

from functools import partial

import ipywidgets as w

from campaignkit.editor.forms import (
    buttons,
    esc,
    field_box,
    show_count,
    show_hint,
    show_problem,
    try_save,
)
from campaignkit.editor.session import limit_of
from campaignkit.editor.words import t

EVENT_FIELDS = [
    "id",
    "title",
    "date",
    "start",
    "end",
    "venue",
    "address",
    "city",
    "expected_attendance",
    "contact_name",
    "contact_email",
]


class EventsForm:
    """The region's events as a list of forms: change, add, remove; Save writes events.csv."""

    def __init__(self, app):
        self.app = app
        self.box = w.VBox()
        self.box.add_class("ck-events")
        self.save, self.reload, self.status, self.hint = buttons(
            app, "events", self.on_save, self.on_reload
        )
        self.render()

    def columns(self, name: str) -> list[str]:
        if name == "title":
            return [f"title_{lang}" for lang in self.app.session.languages]
        return [name] if name in self.app.session.events.columns else []

    def render(self):
        app, lang = self.app, self.app.lang
        self.inputs, self.errors, self.counters = {}, {}, {}
        region = app.session.regions.get(app.region)
        region_name = region.name[lang] if region else app.region
        items = [w.HTML(f"<h3>{esc(t('events_of', lang, region=region_name))}</h3>")]
        keys = app.session.events.keys_of(app.region)
        if not keys:
            items.append(w.HTML(f"<p>{esc(t('no_event', lang))}</p>"))
        items += [self.card(index, key) for index, key in enumerate(keys)]
        add = w.Button(description=t("add_event", lang), icon="plus")
        add.add_class("ck-add-event")
        add.layout.align_self = "flex-start"
        add.on_click(self.on_add)
        self.add = add
        items += [add, w.HBox([self.save, self.reload]), self.hint, self.status.html]
        self.box.children = items
        self.refresh()

    def card(self, index: int, key: int) -> w.VBox:
        lang, values = self.app.lang, self.app.session.events.values(key)
        boxes = []
        for name in EVENT_FIELDS:
            for column in self.columns(name):
                label = t("title_field" if name == "title" else name, lang)
                if name == "title":
                    label += f" ({column.rsplit('_', 1)[1]})"
                text = w.Text(value=values.get(column, ""), continuous_update=True)
                box, counter, error = field_box(label, text, f"ck-field-{column}")
                text.observe(partial(self.on_change, key, column), "value")
                self.inputs[key, column], self.errors[key, column] = text, error
                if name in ("title", "venue", "address", "city"):
                    self.counters[key, column] = (counter, limit_of((name,)))
                boxes.append(box)
        grid = w.GridBox(
            boxes, layout=w.Layout(grid_template_columns="1fr 1fr", grid_gap="4px 12px")
        )
        remove = w.Button(description=t("remove_event", lang), icon="trash", button_style="danger")
        remove.add_class("ck-remove-event")
        remove.layout.align_self = "flex-start"
        remove.on_click(partial(self.on_remove, key))
        heading = w.HTML()
        self.inputs[key, "_heading"] = heading
        card = w.VBox([heading, grid, remove])
        card.add_class("ck-card")
        card.add_class(f"ck-event-{index}")
        return card

    def problems(self):
        return self.app.session.event_problems(self.app.region)

    def blocking(self, problems) -> bool:
        """Invalid rows of this region, or any row changed elsewhere that is invalid."""
        events = self.app.session.events
        changed = [key for key, record in events.rows.items() if record.raw is None]
        for key in changed:
            if key not in problems and events.validate(key, self.app.session.campaign)[1]:
                return True
        return any(problems.values())

    def refresh(self):
        lang, session = self.app.lang, self.app.session
        problems = self.problems()
        for (key, column), widget in self.inputs.items():
            if column == "_heading":
                values = session.events.values(key)
                title = values.get(f"title_{lang}") or t("new_event", lang)
                widget.value = f"<h4>{esc(title)} <small>{esc(values.get('date', ''))}</small></h4>"
                continue
            show_problem(widget, self.errors[key, column], problems.get(key, {}).get(column), lang)
            if (key, column) in self.counters:
                counter, limit = self.counters[key, column]
                show_count(counter, widget.value, limit)
        invalid = self.blocking(problems)
        self.save.disabled = invalid or not session.events.dirty
        show_hint(self.hint, invalid, lang)

    def on_change(self, key, column, change):
        self.app.session.events.set(key, column, change["new"])
        self.status.clear("saved")
        self.refresh()
        self.app.changed(preview="events")

    def on_add(self, _=None):
        session = self.app.session
        session.events.add(self.app.region, session.new_event_values(self.app.region))
        self.render()
        self.app.changed(preview="events")

    def on_remove(self, key, _=None):
        self.app.session.events.remove(key)
        self.render()
        self.app.changed(preview="events")

    def on_save(self, _=None):
        if try_save(self.app, [self.app.session.events], self.status):
            self.refresh()

    def on_reload(self, _=None):
        self.app.session.events.reload()
        self.status.clear()
        self.render()
        self.app.changed(preview="events")
