"""What the editor's forms share: labelled fields with counters and errors, Save and Reload."""

from html import escape

import ipywidgets as w

from campaignkit import paths
from campaignkit.data.savefile import BACKUPS
from campaignkit.editor.session import count
from campaignkit.editor.words import t
from campaignkit.exceptions import CampaignKitError, FileChanged, UnsafeDataFile


def esc(text) -> str:
    """Text for HTML content (quotes need no escaping there)."""
    return escape(str(text), quote=False)


def field_box(label: str, widget, css: str) -> tuple[w.VBox, w.HTML, w.HTML]:
    """A labelled input with its counter and its error line, as one box."""
    widget.add_class(css)
    widget.layout.width = "auto"
    counter, error = w.HTML(), w.HTML()
    counter.add_class("ck-count")
    error.add_class("ck-error")
    head = w.HBox([w.HTML(f"<b>{esc(label)}</b>"), counter])
    head.layout.justify_content = "space-between"
    return w.VBox([head, widget, error], layout=w.Layout(width="100%")), counter, error


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def show_problem(widget, error: w.HTML, problem, lang: str):
    if problem is None:
        error.value = ""
        widget.remove_class("ck-invalid")
    else:
        error.value = esc(f"{sentence(problem.message(lang))}. {sentence(problem.fix(lang))}.")
        widget.add_class("ck-invalid")


def show_count(counter: w.HTML, text: str, limit: int):
    n = count(text)
    css = "ck-over" if n > limit else "ck-ok"
    counter.value = f'<span class="{css}">{n} / {limit}</span>'


class Notice:
    """A line under a form: what the last save did, or why saving is not possible."""

    def __init__(self, css: str):
        self.html, self.kind = w.HTML(), ""
        self.html.add_class(css)

    def show(self, kind: str, text: str, error: bool = False):
        css = ' class="ck-error"' if error else ""
        self.html.value, self.kind = f"<span{css}>{esc(text)}</span>", kind

    def clear(self, *kinds: str):
        if not kinds or self.kind in kinds:
            self.html.value, self.kind = "", ""


def try_save(app, files, notice: Notice) -> bool:
    """Save each file; on a conflict or error say so and keep the edits on screen."""
    lang, saved, created = app.lang, [], False
    for file in files:
        try:
            created = created or file.snapshot.data is None
            saved.append(file.save())
        except FileChanged as error:
            notice.show("conflict", t("conflict", lang, file=paths.display(error.path)), True)
            return False
        except UnsafeDataFile as error:
            notice.show("error", t("cannot_write", lang, detail=error.text(lang)), True)
            return False
        except (OSError, CampaignKitError) as error:
            notice.show("error", t("cannot_write", lang, detail=error), True)
            return False
    if saved:
        shown = ", ".join(paths.display(snapshot.path) for snapshot in saved)
        key = "saved_new" if created and len(saved) == 1 else "saved"
        notice.show("saved", t(key, lang, file=shown, backups=BACKUPS + "/"))
    else:
        notice.show("saved", t("nothing_to_save", lang))
    app.changed()
    return True


def buttons(app, css: str, on_save, on_reload):
    """Save and Reload buttons, the save notice, and the hint shown while the form is invalid."""
    save = w.Button(description=t("save", app.lang), icon="save", button_style="primary")
    save.add_class(f"ck-save-{css}")
    reload = w.Button(
        description=t("reload", app.lang), icon="undo", tooltip=t("reload_tip", app.lang)
    )
    reload.add_class(f"ck-reload-{css}")
    save.on_click(on_save)
    reload.on_click(on_reload)
    hint = w.HTML()
    hint.add_class(f"ck-hint-{css}")
    return save, reload, Notice(f"ck-status-{css}"), hint


def show_hint(hint: w.HTML, invalid: bool, lang: str):
    hint.value = f'<span class="ck-error">{esc(t("fix_first", lang))}</span>' if invalid else ""
