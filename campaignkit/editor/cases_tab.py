"""The Cases tab: one case at a time, its texts side by side per language, with live counts."""

from functools import partial

import ipywidgets as w

from campaignkit.editor.forms import (
    Confirm,
    ask_reload,
    buttons,
    esc,
    field_box,
    html_line,
    labelled,
    save_bar,
    show_count,
    show_hint,
    show_problem,
    try_save,
)
from campaignkit.editor.session import CASE_SINGLE, limit_of
from campaignkit.editor.versions import (
    Version,
    VersionsPanel,
    case_change,
    case_field_name,
    restore_file,
)
from campaignkit.editor.words import t
from campaignkit.text.i18n import language_name

TALL_TEXTS = {("story",), ("letter",), ("card", "guidance")}


class CasesForm:
    """One case at a time, its texts side by side per language, with live counts."""

    def __init__(self, app):
        self.app = app
        self.box = w.VBox()
        self.box.add_class("ck-cases")
        self.save, self.reload, self.status, self.hint = buttons(
            app, "cases", self.on_save, self.on_reload
        )
        self.confirm = Confirm("ck-confirm-cases")
        self.versions = VersionsPanel(app, "cases")
        self.current = next(iter(app.session.cases), None)
        self.render()

    def what(self, case_id=None) -> str:
        case = self.app.session.cases.get(case_id or self.current)
        name = (case.get(("name",)) or case.id) if case else ""
        return t("what_case", self.app.lang, name=name)

    def render(self):
        app, lang = self.app, self.app.lang
        session = app.session
        self.inputs, self.errors, self.counters, self.labels = {}, {}, {}, {}
        chooser = labelled(w.Dropdown(options=self.choices(), value=self.current), t("case", lang))
        chooser.add_class("ck-case-choice")
        chooser.layout.width = "28em"
        chooser.observe(self.on_choose, "value")
        self.chooser, self.edited, self.other = chooser, html_line(), html_line()
        items = [html_line(f"<p>{esc(t('cases_intro', lang))}</p>"), chooser, self.edited]
        if self.current is not None:
            items += self.fields(session.cases[self.current])
        bar = save_bar(self.save, self.reload, self.confirm, self.hint, self.status)
        items += [self.other, bar, self.versions.box]  # the bar sticks over what is before it
        self.box.children = items
        if self.current is not None:
            self.versions.show(self.version_source())
        self.refresh()

    def fields(self, case) -> list:
        lang, rows = self.app.lang, []
        singles = []
        for path in CASE_SINGLE:
            key = ".".join(path)
            text = w.Text(value=case.get(path), continuous_update=True)
            box, counter, error = field_box(t(key, lang), text, f"ck-case-{key.replace('.', '-')}")
            self.labels[key] = t(key, lang)
            text.observe(partial(self.on_change, path), "value")
            self.inputs[key], self.errors[key], self.counters[key] = (
                text,
                error,
                (counter, limit_of(path)),
            )
            singles.append(box)
        rows.append(
            w.GridBox(
                singles, layout=w.Layout(grid_template_columns="1fr 1fr", grid_gap="4px 12px")
            )
        )
        for path in case.text_paths():
            key, boxes = ".".join(path), []
            for text_lang in self.app.session.languages:
                area = w.Textarea(value=case.get(path + (text_lang,)), continuous_update=True)
                area.layout.height = "11em" if path in TALL_TEXTS else "4.5em"
                label = f"{t(key, lang)} ({language_name(text_lang, lang)})"
                css = f"ck-case-{key.replace('.', '-')}-{text_lang}"
                box, counter, error = field_box(label, area, css)
                area.observe(partial(self.on_change, path + (text_lang,)), "value")
                field = f"{key}.{text_lang}"
                self.inputs[field], self.errors[field] = area, error
                self.labels[field] = label
                self.counters[field] = (counter, limit_of(path))
                boxes.append(box)
            grid = w.GridBox(
                boxes,
                layout=w.Layout(grid_template_columns="1fr " * len(boxes), grid_gap="4px 12px"),
            )
            rows.append(grid)
        return rows

    def refresh(self):
        lang, session = self.app.lang, self.app.session
        edited = [case for case in session.cases.values() if case.dirty]
        names = ", ".join(case.get(("name",)) or case.id for case in edited)
        self.edited.value = (
            f"<i>{esc(t('cases_edited', lang, n=len(edited), names=names))}</i>" if edited else ""
        )
        missing = []
        for case in edited:
            for problem in case.validate()[1]:
                label = (
                    self.labels.get(problem.field, problem.field)
                    if case.id == self.current
                    else case.get(("name",))
                )
                missing.append(label)
        if self.current is not None:
            problems = session.case_problems(self.current)
            for field, widget in self.inputs.items():
                show_problem(widget, self.errors[field], problems.get(field), lang)
                counter, limit = self.counters[field]
                show_count(counter, widget.value, limit)
            others = [p for f, p in problems.items() if f not in self.inputs]
            self.other.value = (
                f"<p>{esc(t('other_problems', lang))}</p><ul>"
                + "".join(
                    f'<li class="ck-error">{esc(p.text(lang, page=True))}</li>' for p in others
                )
                + "</ul>"
                if others
                else ""
            )
        self.save.disabled = bool(missing) or not edited
        show_hint(self.hint, missing, lang)

    def on_choose(self, change):
        self.current = change["new"]
        self.render()
        self.app.changed(preview="cases")

    def on_change(self, path, change):
        self.app.session.cases[self.current].set(path, change["new"])
        self.status.clear("saved")
        self.refresh()
        self.app.changed(preview="cases")

    def on_save(self, _=None):
        edited = [case for case in self.app.session.cases.values() if case.dirty]
        names = ", ".join(case.get(("name",)) or case.id for case in edited)
        what = (
            self.what(edited[0].id)
            if len(edited) == 1
            else t("what_case", self.app.lang, name=names)
        )
        shown = self.texts_shown()
        languages, lang = self.app.session.languages, self.app.lang
        field = lambda key: case_field_name(key, languages, lang)  # noqa: E731
        if try_save(self.app, edited, self.status, what, field):
            same = self.texts_shown() == shown and self.chooser.options == self.choices()
            if same:  # the fields stay: letters typed before the click
                self.refresh()  # but sent after it land in them (and show as unsaved)
                self.versions.refresh()
            else:
                self.render()  # fields others saved meanwhile are merged in: show them

    def texts_shown(self) -> dict:
        """Every case's texts as the page shows them (saved or not)."""
        return {case_id: case.merged() for case_id, case in self.app.session.cases.items()}

    def choices(self) -> tuple:
        cases = self.app.session.cases
        return tuple((case.get(("name",)) or case_id, case_id) for case_id, case in cases.items())

    def on_reload(self, _=None):
        def reload():
            for case in self.app.session.cases.values():
                case.reload()
            self.status.clear()
            self.render()
            self.app.changed(preview="cases")

        dirty = any(case.dirty for case in self.app.session.cases.values())
        ask_reload(self.app, self.confirm, self.what(), dirty, reload)

    def version_source(self) -> dict:
        case = self.app.session.cases[self.current]
        return {
            "path": case.path,
            "what": self.what(),
            "current": lambda: case.snapshot.text,
            "describe": lambda old, new: case_change(
                old, new, self.app.lang, self.app.session.languages
            ),
            "restore": lambda version: self.restore(case, version),
        }

    def restore(self, case, version: Version) -> bool:
        """Save an earlier version of the case file in place of today's."""
        if not restore_file(self.app, case, version, self.status, self.what()):
            return False
        self.status.clear()  # an earlier « Enregistré » is not what happened last
        self.render()
        self.app.changed(preview="cases")
        return True

    def focus(self) -> str | None:
        """What the preview should show: the current case's name."""
        case = self.app.session.cases.get(self.current)
        return case.get(("name",)).strip() if case else None
