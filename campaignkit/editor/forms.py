"""What the editor's forms share: labelled fields with counters and errors, Save and Reload."""

from html import escape

import ipywidgets as w
from ipywidgets.widgets.widget_string import HTMLStyle

from campaignkit.editor.session import count
from campaignkit.editor.words import t
from campaignkit.exceptions import CampaignKitError, EventHasTally, FileChanged, RecordsChanged
from campaignkit.text.catalog import describe


def esc(text) -> str:
    """Text for HTML content (quotes need no escaping there)."""
    return escape(str(text), quote=False)


_SHARED: dict[tuple, w.Widget] = {}


def shared(kind: type, **traits) -> w.Widget:
    """One layout or style with these traits for every widget of the kernel that shows it
    as it is (never changing it): a page asks for every widget it shows, and a line of text
    with a layout and a style of its own was three widgets to make, send and draw."""
    key = (kind, tuple(sorted(traits.items())))
    part = _SHARED.get(key)
    if part is None or part.comm is None:  # closed with every widget (a test, a new page)
        part = _SHARED[key] = kind(**traits)
    return part


def is_shared(part) -> bool:
    return any(part is kept for kept in _SHARED.values())


def html_line(value: str = "") -> w.HTML:
    """A line of HTML on the page (a heading, an error, a counter), its look from the CSS."""
    return w.HTML(value, layout=shared(w.Layout), style=shared(HTMLStyle))


def field_input(kind: type, **traits) -> w.Widget:
    """An input for field_box, with the layout and style field_box gives it, shared."""
    style = shared(kind.class_traits()["style"].klass, description_width="initial")
    return kind(layout=shared(w.Layout, width="auto"), style=style, **traits)


def labelled(widget, label: str):
    """Give an input its visible label as its accessible name (a <label for=…>)."""
    widget.description = label
    widget.style.description_width = "initial"
    widget.add_class("ck-labelled")
    return widget


def close_tree(widget):
    """Close a widget, everything in it and their layouts and styles: once closed, the kernel
    no longer keeps them, nor sends them to a page that opens."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    for part in (getattr(widget, "layout", None), getattr(widget, "style", None)):
        if isinstance(part, w.Widget) and not is_shared(part):
            part.close()
    widget.close()


def close_parts(owner, app, seen: set | None = None):
    """Close every widget a tab's form holds, shown or not (a Save bar a read-only sheet
    leaves out), and those of its helpers (notices, confirmations, versions)."""
    seen = set() if seen is None else seen
    seen.add(id(owner))
    for value in vars(owner).values():
        held = value if isinstance(value, (tuple, list)) else (value,)  # parts kept together
        for part in held:
            if isinstance(part, w.Widget):
                close_tree(part)
            elif part is not app and id(part) not in seen and _of_the_page(part):
                close_parts(part, app, seen)


def _of_the_page(value) -> bool:
    return type(value).__module__.startswith("campaignkit.editor.") and hasattr(value, "__dict__")


def field_box(
    label: str, widget, css: str, counted: bool = True
) -> tuple[w.VBox, w.HTML | None, w.HTML]:
    """A labelled input with its counter (only if `counted`) and its error line, as one box."""
    widget.add_class(css)
    widget.layout.width = "auto"
    labelled(widget, label)
    counter, error = (html_line() if counted else None), html_line()
    if counter is not None:
        counter.add_class("ck-count")
    error.add_class("ck-error")
    parts = [widget, counter, error] if counter is not None else [widget, error]
    return w.VBox(parts, layout=shared(w.Layout, width="100%")), counter, error


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def show_problem(widget, error: w.HTML, problem, lang: str):
    if problem is None:
        error.value = ""
        widget.remove_class("ck-invalid")
    else:
        message = sentence(problem.message(lang, page=True))  # the page's words: no file names
        fix = sentence(problem.fix(lang, page=True))
        error.value = esc(f"{message}. {fix}.")
        widget.add_class("ck-invalid")


def show_count(counter: w.HTML, text: str, limit: int):
    n = count(text)
    css = "ck-over" if n > limit else "ck-ok"
    counter.value = f'<span class="{css}">{n} / {limit}</span>'


class Notice:
    """A line under a form: what the last save did, or why saving is not possible."""

    def __init__(self, css: str):
        self.html, self.kind = html_line(), ""
        self.html.add_class(css)

    def show(self, kind: str, text: str, error: bool = False):
        role = ' role="alert"' if error else ' role="status"'
        css = ' class="ck-error"' if error else ""
        self.html.value, self.kind = f"<span{css}{role}>{esc(text)}</span>", kind

    def show_html(self, kind: str, html: str):
        """A message with a list in it (its parts escaped by the caller)."""
        self.html.value, self.kind = f'<div class="ck-error" role="alert">{html}</div>', kind

    def clear(self, *kinds: str):
        if not kinds or self.kind in kinds:
            self.html.value, self.kind = "", ""


def try_save(app, files, notice: Notice, what: str, name=str) -> bool:
    """Save each file; on a conflict or error say so and keep the edits on screen.

    `what` names what is saved in the reader's words (« la liste des événements »); `name`
    does so for a record others saved meanwhile (an event's title for its id).
    """
    lang, saved, created, merged = app.lang, [], False, []
    for file in files:
        try:
            created = created or file.snapshot.data is None
            result = file.save()
        except RecordsChanged as error:
            notice.show_html("conflict", conflicts_html(error.conflicts, what, lang))
            return False
        except FileChanged:
            notice.show("conflict", t("conflict", lang, file=what), True)
            return False
        except EventHasTally as error:
            titles = ", ".join(title.get(lang) or ident for ident, title in error.titles.items())
            notice.show("error", t("event_has_tally", lang, events=titles), True)
            return False
        except (OSError, CampaignKitError) as error:  # an unsafe file, a failed write…
            notice.show(
                "error",
                t("cannot_write", lang, detail=describe(error, lang, True, file=what)),
                True,
            )
            return False
        saved.append(result)
        merged += getattr(result, "merged", None) or []
    if saved:
        key = "saved_new" if created and len(saved) == 1 else "saved"
        text = t(key, lang, file=what)
        if merged:
            names = ", ".join(dict.fromkeys(name(key) for key in merged))
            text += " " + t("merged", lang, names=names)
        notice.show("saved", text)
    else:
        notice.show("saved", t("nothing_to_save", lang))
    app.changed()
    return True


def shown_value(value) -> str:
    return "—" if value in (None, "") else str(value)


def conflict_lines(conflict, lang: str) -> list[str]:
    """What differs in one record: yours and the one saved meanwhile, field by field."""
    mine, theirs = conflict.mine, conflict.theirs
    if isinstance(mine, dict) or isinstance(theirs, dict):
        mine, theirs = mine or {}, theirs or {}
        if not conflict.theirs:
            return [t("conflict_removed", lang)]
        if not conflict.mine:
            return [t("conflict_you_removed", lang)]
        keys = [k for k in dict.fromkeys([*mine, *theirs]) if mine.get(k) != theirs.get(k)]
        return [
            t(
                "conflict_field",
                lang,
                field=k,
                mine=shown_value(mine.get(k)),
                theirs=shown_value(theirs.get(k)),
            )
            for k in keys
        ]
    return [
        t(
            "conflict_field",
            lang,
            field=conflict.record,
            mine=shown_value(mine),
            theirs=shown_value(theirs),
        )
    ]


def conflicts_html(conflicts, what: str, lang: str) -> str:
    """Why nothing was written, and both versions of each record changed on both sides."""
    items = []
    for conflict in conflicts:
        lines = "".join(f"<li>{esc(line)}</li>" for line in conflict_lines(conflict, lang))
        items.append(f"<li><b>{esc(conflict.record)}</b><ul>{lines}</ul></li>")
    head = esc(t("conflict_records", lang, file=what))
    return f"<p>{head}</p><ul class='ck-conflicts'>{''.join(items)}</ul>"


class Confirm:
    """A question with Yes and Cancel in place of a button, for what cannot be taken back."""

    def __init__(self, css: str):
        self.box = w.VBox()
        self.box.add_class(css)

    def ask(self, question: str, yes: str, lang: str, on_yes):
        text = html_line(f'<p role="alert"><b>{esc(question)}</b></p>')
        ok = w.Button(description=yes, button_style="danger")
        ok.add_class("ck-confirm-yes")
        cancel = w.Button(description=t("cancel", lang))
        cancel.add_class("ck-confirm-no")

        def done(_, answer):
            self.box.children = []
            if answer:
                on_yes()

        ok.on_click(lambda b: done(b, True))
        cancel.on_click(lambda b: done(b, False))
        self.box.children = [text, w.HBox([ok, cancel])]

    @property
    def asking(self) -> bool:
        return bool(self.box.children)


def buttons(app, css: str, on_save, on_reload):
    """Save and Reload buttons, the save notice, and the hint shown while the form is invalid."""
    save = w.Button(description=t("save", app.lang), icon="save", button_style="primary")
    save.add_class(f"ck-save-{css}")
    reload = w.Button(
        description=t("reload", app.lang), icon="undo", tooltip=t("reload_tip", app.lang)
    )
    reload.add_class(f"ck-reload-{css}")
    # A Save waits for the letters typed before it, which the page may still hold back.
    save.on_click(lambda _: app.round_trip.then(on_save))
    reload.on_click(on_reload)
    hint = html_line()
    hint.add_class(f"ck-hint-{css}")
    return save, reload, Notice(f"ck-status-{css}"), hint


def save_bar(save, reload, confirm: Confirm, hint, notice: Notice) -> w.VBox:
    """The Save row, kept in view at the bottom of the window while the form scrolls. It
    sticks over what comes before it only: the Versions panel goes after it, so that the
    bar never hides a version or its confirmation."""
    bar = w.VBox([confirm.box, w.HBox([save, reload]), hint, notice.html])
    bar.add_class("ck-savebar")
    return bar


def ask_reload(app, confirm: Confirm, what: str, dirty: bool, do_reload):
    """Reload at once when nothing is unsaved, else ask first."""
    if not dirty:
        do_reload()
        return
    question = t("reload_confirm", app.lang, what=what)
    confirm.ask(question, t("reload_yes", app.lang), app.lang, do_reload)


def show_hint(hint: w.HTML, missing: list[str], lang: str):
    """Every field still to fill in or correct, named, under the Save button."""
    if missing:
        fields = ", ".join(dict.fromkeys(missing))
        hint.value = f'<span class="ck-error">{esc(t("fix_first", lang, fields=fields))}</span>'
    else:
        hint.value = ""
