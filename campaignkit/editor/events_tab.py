"""The Events tab: the region's events as a list of forms; Save writes the list of events."""

import datetime as dt
from functools import partial

import ipywidgets as w
from pydantic import TypeAdapter, ValidationError

from campaignkit.editor.forms import (
    Confirm,
    ask_reload,
    buttons,
    esc,
    field_box,
    field_input,
    html_line,
    save_bar,
    show_count,
    show_hint,
    show_problem,
    try_save,
)
from campaignkit.editor.session import limit_of
from campaignkit.editor.versions import (
    Version,
    VersionsPanel,
    event_name,
    events_change,
    events_differ,
    region_rows,
)
from campaignkit.editor.words import counted, t
from campaignkit.text.i18n import language_name, when

EVENT_FIELDS = [
    "id",
    "title",
    "date",
    "start",
    "end",
    "venue",
    "address",
    "address_pending",
    "city",
    "expected_attendance",
    "contact_name",
    "contact_email",
]
COUNTED = ("title", "venue", "address", "city")
OPTIONAL = ("address_pending",)  # shown even when the file has no such column yet
BESIDE = ("address_pending",)  # a checkbox shown under the field before it
YES = TypeAdapter(bool)  # the model's reading of a yes/no cell: yes, true, 1…


def as_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def as_time(text: str) -> dt.time | None:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        return None


def ticked(text: str) -> bool:
    """Whether a yes/no cell says yes, as the model reads it."""
    try:
        return YES.validate_python(text.strip() or False)
    except ValidationError:
        return False


def picker_text(value) -> str:
    """What a picker's value is written as in the list: 2023-12-09, 18:30, yes."""
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value.isoformat()


def changes_text(app) -> str:
    """What saving the events writes, by region, this one first (« Mauricie : 1 événement
    modifié »): the list of events is one file for every region."""
    lang, changes = app.lang, app.session.events.changes()
    parts = []
    for region_id in sorted(changes, key=lambda region: region != app.region):
        region = app.session.regions.get(region_id)
        counts = changes[region_id]
        kinds = [kind for kind in ("added", "changed", "removed") if counts[kind]]
        said = ", ".join(counted(f"events_{kind}", lang, counts[kind]) for kind in kinds)
        name = region.name[lang] if region else region_id
        parts.append(t("region_changes", lang, region=name, changes=said))
    return t("changes_separator", lang).join(parts)


class EventsForm:
    """The region's events as a list of forms: change, add, duplicate, remove; Save."""

    def __init__(self, app):
        self.app = app
        self.box = w.VBox()
        self.box.add_class("ck-events")
        self.save, self.reload, self.status, self.hint = buttons(
            app, "events", self.on_save, self.on_reload
        )
        self.confirm = Confirm("ck-confirm-events")
        self.versions = VersionsPanel(app, "events")
        self.session = app.session
        self.new_keys, self.touched = self.quiet_state(app.replaced("events"))
        self.render()

    def quiet_state(self, before) -> tuple[set[int], set[tuple[int, str]]]:
        """The events added on this page (quiet until touched) and the fields touched, taken
        over from the form this one replaces after a switch of region or language, as long as
        the same campaign is open: what was red stays red, an untouched new event stays quiet."""
        if before is not None and before.session is self.session:
            return before.new_keys, before.touched
        return set(), set()

    def what(self) -> str:
        return t("what_events", self.app.lang)

    def columns(self, name: str) -> list[str]:
        if name == "title":
            return [f"title_{lang}" for lang in self.app.session.languages]
        known = name in self.app.session.events.columns or name in OPTIONAL
        return [name] if known else []

    def render(self):
        app, lang = self.app, self.app.lang
        self.inputs, self.errors, self.counters, self.labels = {}, {}, {}, {}
        region = app.session.regions.get(app.region)
        region_name = region.name[lang] if region else app.region
        heading = html_line(f"<h3>{esc(t('events_of', lang, region=region_name))}</h3>")
        heading.add_class("ck-events-heading")
        items = [heading]
        error = app.session.events.error  # the list as a whole cannot be read or saved
        if error is not None:
            said = esc(error.text(lang, page=True))
            items.append(html_line(f'<p class="ck-error" role="alert">{said}</p>'))
        keys = app.session.events.keys_of(app.region)
        if not keys:
            items.append(html_line(f"<p>{esc(t('no_event', lang))}</p>"))
        items += [self.card(index, key) for index, key in enumerate(keys)]
        add = w.Button(description=t("add_event", lang), icon="plus")
        add.add_class("ck-add-event")
        add.layout.align_self = "flex-start"
        add.on_click(self.on_add)
        self.add = add
        bar = save_bar(self.save, self.reload, self.confirm, self.hint, self.status)
        items += [add, bar, self.versions.box]  # the bar sticks over what comes before it
        self.box.children = items
        self.versions.show(self.version_source())
        self.refresh()

    def input_for(self, name: str, value: str):
        if name == "date":
            return field_input(w.DatePicker, value=as_date(value))
        if name in ("start", "end"):
            return field_input(w.TimePicker, value=as_time(value), step=60)
        if name in OPTIONAL:
            return field_input(w.Checkbox, value=ticked(value), indent=False)
        return field_input(w.Text, value=value, continuous_update=True)

    def card(self, index: int, key: int) -> w.VBox:
        lang, values = self.app.lang, self.app.session.events.values(key)
        boxes = []
        for name in EVENT_FIELDS:
            for column in self.columns(name):
                label = t("title_field" if name == "title" else name, lang)
                if name == "title":
                    label += f" ({language_name(column.rsplit('_', 1)[1], lang)})"
                widget = self.input_for(name, values.get(column, ""))
                css = f"ck-field-{column}"
                box, counter, error = field_box(label, widget, css, counted=name in COUNTED)
                widget.observe(partial(self.on_change, key, column), "value")
                self.inputs[key, column], self.errors[key, column] = widget, error
                self.labels[key, column] = label
                if name in COUNTED:
                    self.counters[key, column] = (counter, limit_of((name,)))
                if name in BESIDE:  # under the field it qualifies, in the same cell
                    boxes[-1].children += (box,)
                else:
                    boxes.append(box)
        grid = w.GridBox(
            boxes, layout=w.Layout(grid_template_columns="1fr 1fr", grid_gap="4px 12px")
        )
        grid.add_class("ck-grid")
        remove = w.Button(description=t("remove_event", lang), icon="trash", button_style="danger")
        remove.add_class("ck-remove-event")
        remove.on_click(partial(self.on_remove, key))
        duplicate = w.Button(description=t("duplicate_event", lang), icon="copy")
        duplicate.add_class("ck-duplicate-event")
        duplicate.on_click(partial(self.on_duplicate, key))
        heading = html_line()
        self.inputs[key, "_heading"] = heading
        card = w.VBox([heading, grid, w.HBox([duplicate, remove])])
        card.add_class("ck-card")
        card.add_class(f"ck-event-{index}")
        card.add_class(f"ck-card-{key}")
        return card

    def problems(self):
        return self.app.session.event_problems(self.app.region)

    def shown(self, key: int, column: str) -> bool:
        """A new event's field is quiet until touched; rows from the file show every problem."""
        return key not in self.new_keys or (key, column) in self.touched

    def missing(self, problems) -> list[str]:
        """The labels of every field of this region still to fill in or correct."""
        labels = []
        for key, found in problems.items():
            for column in found:
                labels.append(self.labels.get((key, column), column))
        return labels

    def elsewhere(self) -> list[str]:
        """Other regions with unsaved events still to correct: a save would write them too."""
        session, lang = self.app.session, self.app.lang
        found = []
        for region_id in session.events.changes():
            if region_id != self.app.region and any(session.event_problems(region_id).values()):
                region = session.regions.get(region_id)
                name = region.name[lang] if region else region_id
                found.append(t("events_in", lang, region=name))
        return found

    def heading(self, key: int) -> str:
        lang, values = self.app.lang, self.app.session.events.values(key)
        title = values.get(f"title_{lang}") or t("new_event", lang)
        day, start, end = (
            as_date(values.get("date", "")),
            *map(as_time, (values["start"], values["end"])),
        )
        moment = when(day, start, end, lang) if day and start and end else values.get("date", "")
        return f"<h4>{esc(title)} <small>{esc(moment)}</small></h4>"

    def refresh(self):
        lang, session = self.app.lang, self.app.session
        problems = self.problems()
        for (key, column), widget in self.inputs.items():
            if column == "_heading":
                widget.value = self.heading(key)
                continue
            problem = problems.get(key, {}).get(column)
            show_problem(
                widget, self.errors[key, column], problem if self.shown(key, column) else None, lang
            )
            if (key, column) in self.counters:
                counter, limit = self.counters[key, column]
                show_count(counter, widget.value, limit)
        missing = self.missing(problems) + self.elsewhere()
        self.save.disabled = bool(missing) or not session.events.dirty
        changes = changes_text(self.app)
        self.save.description = (
            t("save_changes", lang, changes=changes) if changes else t("save", lang)
        )
        show_hint(self.hint, missing, lang)

    def on_change(self, key, column, change):
        self.touched.add((key, column))
        value = change["new"]
        text = value if isinstance(value, str) else picker_text(value)
        self.app.session.events.set(key, column, text)
        self.status.clear("saved")
        self.refresh()
        self.app.changed(preview="events")

    def on_add(self, _=None, values: dict | None = None):
        session, region = self.app.session, self.app.region
        fields = {**(values or {}), **session.new_event_values(region)}
        key = session.events.add(region, fields)
        if values is None:
            self.new_keys.add(key)
        self.show_new(key)
        self.app.changed(preview="events")

    def show_new(self, key: int):
        """Put the new event's card under the others, the rest of the page left as it is (made
        again, it would take the reader back to the top), and bring the reader to it."""
        keys = self.app.session.events.keys_of(self.app.region)
        children = list(self.box.children)
        cards = [child for child in children if "ck-card" in child._dom_classes]
        rest = children[children.index(self.add) :]
        self.box.children = [children[0], *cards, self.card(keys.index(key), key), *rest]
        self.refresh()
        title = f".ck-field-title_{self.app.lang} input"
        self.app.into_view.show(f".ck-events .ck-card-{key}", title)

    def on_duplicate(self, key, _=None):
        values = dict(self.app.session.events.values(key))
        values.pop("id", None)
        self.on_add(values=values)

    def on_remove(self, key, _=None):
        lang, values = self.app.lang, self.app.session.events.values(key)
        title = values.get(f"title_{lang}") or values.get("id") or t("new_event", lang)
        if self.app.session.events.has_tally(key):  # its counts would belong to no event
            self.status.show("error", t("remove_has_tally", lang, title=title), True)
            return

        def remove():
            self.app.session.events.remove(key)
            self.render()
            self.app.changed(preview="events")

        self.confirm.ask(
            t("remove_confirm", lang, title=title), t("remove_yes", lang), lang, remove
        )

    def rows_shown(self) -> dict[int, dict[str, str]]:
        events = self.app.session.events
        return {key: events.values(key) for key in events.keys_of(self.app.region)}

    def title(self, event_id: str) -> str:
        """An event as people call it (its title), from its id."""
        found = self.app.session.events.with_id(event_id)
        return event_name(found, self.app.lang) if found else event_id

    def on_save(self, _=None):
        if self.missing(self.problems()) + self.elsewhere():  # never write a row the check
            self.refresh()  # would refuse, of this region or of another one
            return
        shown = self.rows_shown()
        if try_save(self.app, [self.app.session.events], self.status, self.what(), self.title):
            self.new_keys.clear()
            if self.rows_shown() == shown:  # the cards stay: letters typed before the click
                self.refresh()  # but sent after it land in them (and show as unsaved)
                self.versions.refresh()
            else:
                self.render()  # rows others saved meanwhile are merged in: show them
            if "tallies" in self.app.forms:  # made later, it lists the events as saved
                self.app.tallies.follow_events()
            self.app.changed(preview="events")

    def on_reload(self, _=None):
        def reload():
            self.app.session.events.reload()
            self.new_keys.clear()
            self.touched.clear()
            self.status.clear()
            self.render()
            self.app.changed(preview="events")

        dirty = self.app.session.events.dirty
        ask_reload(self.app, self.confirm, self.what(), dirty, reload)

    def version_source(self) -> dict:
        """The events file, read and restored for this region only (see versions)."""
        events, region, lang = self.app.session.events, self.app.region, self.app.lang
        return {
            "path": events.path,
            "what": self.what(),
            "current": lambda: events.snapshot.text,
            "describe": lambda old, new: events_change(old, new, region, lang),
            "differs": lambda current, text: events_differ(current, text, region),
            "restore": self.restore,
        }

    def restore(self, version: Version) -> bool:
        """Put this region's rows of an earlier version in place of today's, and save."""
        events, region, text = self.app.session.events, self.app.region, version.text()
        for key in events.keys_of(region):
            events.remove(key)
        for values in region_rows(text, region).values():
            events.add(region, {k: v for k, v in values.items() if k in events.columns})
        saved = try_save(self.app, [events], self.status, self.what())
        if saved:
            self.status.clear()  # the Versions panel says it was restored and saved
        else:
            events.reload()
        self.render()
        self.app.changed(preview="events")
        return saved
