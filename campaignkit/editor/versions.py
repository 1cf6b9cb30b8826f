"""The Versions panel: the saved versions of what a tab edits, when and what changed, restore one.

Every save keeps the version it replaces in the campaign's backups folder (data/savefile).
A version is listed with the time it was replaced and what restoring it would change in what
is saved now; restoring it is itself a save, so the version it replaces is listed in turn
and the restore can be undone.
For the events, which all regions share, a version is read and restored for the region on
screen only: the other regions' rows stay as they are.
"""

import datetime as dt
import difflib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ipywidgets as w
from pydantic import TypeAdapter, ValidationError

from campaignkit.data import savefile, yamlpatch
from campaignkit.data.csvfile import Unreadable, decode_text
from campaignkit.data.datafiles import CsvTable
from campaignkit.data.models import Event
from campaignkit.data.savefile import backup_path
from campaignkit.data.sources import SourceError, parse_yaml
from campaignkit.data.tallies import TallySheet, count_or_none
from campaignkit.editor.forms import Confirm, Notice, esc, html_line
from campaignkit.editor.session import CASE_SINGLE, CASE_TEXTS
from campaignkit.editor.words import counted, t
from campaignkit.exceptions import FileChanged
from campaignkit.text.i18n import clock, language_name, number, short_date

SHOWN = 10  # the newest versions listed


@dataclass(frozen=True)
class Version:
    """One saved version of a file: where its copy is and when it was replaced."""

    path: Path
    when: dt.datetime

    def text(self) -> str:
        """The copy's text, read as the file is (UTF-8, else Windows-1252 as French Excel
        saves it): only to read; a restore puts back its bytes (restore_file)."""
        return decode_text(self.path.read_bytes())


def versions_of(root: Path, path: Path) -> list[Version]:
    """The kept versions of `path`, newest first."""
    pattern = backup_path(root, path, "*")
    found = []
    for copy in pattern.parent.glob(pattern.name):
        stamp = copy.name.rsplit(".", 1)[1]
        try:
            when = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue
        found.append(Version(copy, when))
    return sorted(found, key=lambda v: v.when, reverse=True)


def when_text(moment: dt.datetime, lang: str, seconds: bool = False) -> str:
    """« 1er décembre 2026, 14 h 32 » / "December 1, 2026, 2:32 p.m."; `seconds` to tell
    apart versions saved within the same minute (« 14 h 32 min 05 s »)."""
    shown = moment.time().replace(microsecond=0) if seconds else moment.time().replace(second=0)
    return f"{short_date(moment.date(), lang)}, {clock(shown, lang, seconds)}"


def region_rows(text: str, region: str) -> dict[str, dict[str, str]]:
    """The rows of one region in an events file's text, by event id."""
    table = CsvTable.parse(text)
    rows = {}
    for record in table.data_records():
        values = table.as_dict(record)
        if values.get("region", "").strip() == region:
            rows[values.get("id", "").strip()] = values
    return rows


@cache
def _reader(column: str) -> TypeAdapter | None:
    field = Event.model_fields.get(column)
    return None if field is None else TypeAdapter(field.annotation)


def cell_meaning(column: str, text: str | None):
    """What a cell of events.csv says, as the model reads it: outer spaces do not count, a
    blank (or a column the file does not have) is the column's default, « yes » and « true »
    are the same tick, « 030 » the same number as « 30 »."""
    text = (text or "").strip()
    field, reader = Event.model_fields.get(column), _reader(column)
    if field is None or reader is None:
        return text
    if not text:
        return None if field.is_required() else field.get_default()
    try:
        return reader.validate_python(text)
    except ValidationError:
        return text


def same_event(before: dict[str, str], after: dict[str, str]) -> bool:
    """Whether two rows of an event say the same, whatever columns each file has."""
    columns = (set(before) | set(after)) - {""}
    return all(cell_meaning(c, before.get(c)) == cell_meaning(c, after.get(c)) for c in columns)


def event_name(values: dict[str, str], lang: str) -> str:
    """An event as people call it: its title in `lang`, else in another language, else its id."""
    titles = [values.get(f"title_{lang}", "")]
    titles += [value for column, value in values.items() if column.startswith("title_")]
    return next((title.strip() for title in titles if title and title.strip()), values["id"])


def events_diff(before: dict, after: dict) -> tuple[list, list, list]:
    """The ids of the events added, removed and changed in what they say, between two
    versions of a region's rows."""
    added = [i for i in after if i not in before]
    removed = [i for i in before if i not in after]
    changed = [i for i in after if i in before and not same_event(before[i], after[i])]
    return added, removed, changed


def events_differ(old: str, new: str, region: str) -> bool:
    """Whether restoring `new` over `old` would change anything for `region`."""
    return any(events_diff(region_rows(old, region), region_rows(new, region)))


def events_change(old: str, new: str, region: str, lang: str) -> str:
    """What changed for `region` between two versions of the events file, in words: the
    events added, removed or changed in what they say (not merely in how the file is laid out)."""
    before, after = region_rows(old, region), region_rows(new, region)

    def names(ids, rows):
        return ", ".join(event_name({**rows[i], "id": i}, lang) for i in ids)

    parts = []
    added, removed, changed = events_diff(before, after)
    if added:
        parts.append(t("diff_added", lang, names=names(added, after)))
    if removed:
        parts.append(t("diff_removed", lang, names=names(removed, before)))
    if changed:
        parts.append(t("diff_changed", lang, names=names(changed, after)))
    return t("changes_separator", lang).join(parts) if parts else t("diff_none", lang)


def lines_change(old: str, new: str, lang: str) -> str:
    """How many lines differ between two versions of a file, in words."""
    diff = difflib.ndiff(old.splitlines(), new.splitlines())
    n = sum(1 for line in diff if line.startswith("+ "))
    return counted("diff_lines", lang, n) if n else t("diff_same", lang)


def case_fields(languages: list[str], lang: str) -> list[tuple[tuple, str]]:
    """Each text of a case file, by path, with the label the Cases tab gives it (« Demande
    (français) »)."""
    fields = [(path, t(".".join(path), lang)) for path in CASE_SINGLE]
    for path in CASE_TEXTS:
        label = t(".".join(path), lang)
        fields += [(path + (code,), f"{label} ({language_name(code, lang)})") for code in languages]
    return fields


def case_field_name(key: str, languages: list[str], lang: str) -> str:
    """A case's field as the Cases tab labels it, from its dotted path (« country.fr »)."""
    labels = {".".join(path): label for path, label in case_fields(languages, lang)}
    return labels.get(key) or t("diff_other", lang)


def case_change(old: str, new: str, lang: str, languages: list[str]) -> str:
    """What changed between two versions of a case file, named as the Cases tab labels its
    fields (« Demande (français) »); anything the tab does not show is « other details »."""
    try:
        before = parse_yaml(old.encode("utf-8"), "")[0]
        after = parse_yaml(new.encode("utf-8"), "")[0]
    except SourceError:
        return lines_change(old, new, lang)

    def text(data, path):
        value = yamlpatch.get(data, path)
        return "" if value is None else str(value).strip()

    fields = case_fields(languages, lang)
    changed = [label for path, label in fields if text(before, path) != text(after, path)]
    if not changed and before != after:
        changed.append(t("diff_other", lang))
    return t("diff_changed", lang, names=", ".join(changed)) if changed else t("diff_same", lang)


NAMED_CASES = 2  # more cases changed than this are counted, not named


def _tally_counts(text: str) -> dict:
    """A tally file's counts by what they say: blank is 0, « 1 200 » is 1200."""
    sheet = TallySheet.parse(text.encode("utf-8"))

    def meaning(value):
        found = count_or_none(value)
        return value.strip() if found is None else found

    counts = {"participants": meaning(sheet.value("participants"))}
    counts["online"] = meaning(sheet.value("online"))
    for case_id, (letters, cards) in sheet.counts().items():
        counts[case_id, "letters"], counts[case_id, "cards"] = meaning(letters), meaning(cards)
    return counts


def tally_change(old: str, new: str, lang: str, case_name=lambda case_id: case_id) -> str:
    """What changed between two versions of a tally, as the coordinator counts it (« change
    ces nombres : participants 120 → 125 »): the participants, the online actions, the
    letters and cards of each case (named, or counted when many changed)."""
    try:
        before, after = _tally_counts(old), _tally_counts(new)
    except (Unreadable, ValueError):
        return lines_change(old, new, lang)

    def said(value):
        return number(value, lang) if isinstance(value, int) else str(value)

    def change(key):
        return {"old": said(before.get(key, 0)), "new": said(after.get(key, 0))}

    keys = [key for key in {**before, **after} if before.get(key, 0) != after.get(key, 0)]
    parts = [t(f"diff_{key}", lang, **change(key)) for key in keys if isinstance(key, str)]
    cases = list(dict.fromkeys(key[0] for key in keys if isinstance(key, tuple)))
    if len(cases) <= NAMED_CASES:
        for case_id in cases:
            columns = [c for c in ("letters", "cards") if (case_id, c) in keys]
            what = ", ".join(t(f"diff_{c}", lang, **change((case_id, c))) for c in columns)
            parts.append(t("diff_case", lang, case=case_name(case_id), changes=what))
    else:
        for column in ("letters", "cards"):
            n = sum(1 for case_id in cases if (case_id, column) in keys)
            if n:
                parts.append(counted(f"diff_{column}_cases", lang, n))
    if not parts:
        return t("diff_same", lang)
    return t("diff_counts", lang, changes=t("changes_separator", lang).join(parts))


def restore_file(app, file, version: Version, notice: Notice, what: str) -> bool:
    """Save an earlier version of a whole file (a case, a tally) in place of today's, byte
    for byte: a tally French Excel saved in Windows-1252 keeps its accents and encoding."""
    try:
        savefile.restore(file.snapshot, version.path, app.session.root)
    except FileChanged:
        notice.show("conflict", t("conflict", app.lang, file=what), True)
        return False
    file.reload()
    return True


class VersionsPanel:
    """A folded list of saved versions with a Restore button each."""

    def __init__(self, app, css: str):
        self.app, self.css = app, css
        self.list = w.VBox()
        self.notice = Notice(f"ck-status-versions-{css}")
        self.confirm = Confirm(f"ck-confirm-versions-{css}")
        inner = w.VBox([self.list, self.confirm.box, self.notice.html])
        self.box = w.Accordion(children=[inner], selected_index=None)
        self.box.add_class("ck-versions")
        self.box.add_class(f"ck-versions-{css}")
        self.box.observe(lambda _: self.refresh(), "selected_index")
        self.source = None
        self.said_when: dict = {}  # version copy → its time as the list says it

    def show(self, source):
        """Follow `source`: path, what (words), current text, describe(old, new),
        restore(version), and maybe differs(current, text): whether to list a version."""
        self.source = source
        self.box.titles = (t("versions_of", self.app.lang, what=source["what"]),)
        self.notice.clear()
        self.refresh()

    def refresh(self):
        if self.source is None or self.box.selected_index is None:
            return
        lang, source = self.app.lang, self.source
        current = source["current"]()
        texts = self.listed(current)
        versions = list(texts)
        if not versions:
            self.list.children = [html_line(f"<p>{esc(t('versions_none', lang))}</p>")]
            return
        rows = []
        minutes = Counter(when_text(version.when, lang) for version in versions)
        for version in versions:
            when = when_text(version.when, lang)
            when = when_text(version.when, lang, seconds=True) if minutes[when] > 1 else when
            self.said_when[version.path] = when  # the confirmation says it as the list does
            what = self.restoring(version, current, texts[version])  # each copy read once
            line = t("version_line", lang, when=when, what=what)
            button = w.Button(description=t("version_restore", lang), icon="history")
            button.add_class("ck-version-restore")
            button.on_click(lambda _, v=version: self.ask(v))
            label = html_line(esc(line))
            label.add_class("ck-version-line")
            rows.append(w.HBox([button, label]))
        self.list.children = rows

    def listed(self, current: str) -> dict[Version, str]:
        """The newest versions (SHOWN at most) and their texts, each copy read once; a
        version that restoring would not change here (another region's save) is left out."""
        differs = self.source.get("differs", lambda current, text: True)
        listed = {}
        for version in versions_of(self.app.session.root, self.source["path"]):
            text = version.text()
            if differs(current, text):
                listed[version] = text
            if len(listed) == SHOWN:
                break
        return listed

    def restoring(self, version: Version, current: str | None = None, text: str | None = None):
        """What restoring a version would do to what is saved now (`current`, the version's
        `text`: read here when not given), in words (« retire « Marathon à Coaticook » »): a
        first user read what each save had done instead, and restored the version that
        removed the event they had just added."""
        current = self.source["current"]() if current is None else current
        return self.source["describe"](current, version.text() if text is None else text)

    def when(self, version: Version) -> str:
        return self.said_when.get(version.path) or when_text(version.when, self.app.lang)

    def ask(self, version: Version):
        lang, when = self.app.lang, self.when(version)
        if self.app.session.dirty:
            self.notice.show("dirty", t("restore_unsaved", lang), True)
            return
        question = t("restore_confirm", lang, when=when, what=self.restoring(version))
        self.confirm.ask(question, t("restore_yes", lang), lang, lambda: self.restore(version))

    def restore(self, version: Version):
        lang = self.app.lang
        if self.source["restore"](version):
            self.notice.show("restored", t("restored", lang, when=self.when(version)))
        self.refresh()
