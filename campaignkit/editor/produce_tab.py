"""The Produce tab: the region's PDFs through the same notebooks as `campaignkit build`.

The PDFs reach the browser through the kernel, as data: links, never through a web
address the server would serve to anyone: only the page that holds the token gets them.
"""

import base64
import os
import re
import threading
from html import escape
from pathlib import Path

import ipywidgets as w

from campaignkit import materials
from campaignkit.batch import build
from campaignkit.data.loader import load_campaign
from campaignkit.editor.forms import Notice, esc, html_line
from campaignkit.editor.words import counted, material_label, t
from campaignkit.exceptions import CampaignKitError, InvalidCampaign
from campaignkit.printing.document import output_path
from campaignkit.text.catalog import describe
from campaignkit.text.i18n import language_name
from campaignkit.text.typography import without_accents


def pdf_link(pdf: Path, label: str, name: str) -> str:
    """A link that hands the PDF, carried by the page itself, to the browser."""
    data = base64.b64encode(Path(pdf).read_bytes()).decode("ascii")
    href = f"data:application/pdf;base64,{data}"
    return f'<a class="ck-pdf" href="{href}" download="{escape(name)}">{esc(label)}</a>'


def file_words(text: str) -> str:
    """Words as a file name writes them: « Feuille de décompte » → feuille-de-decompte."""
    plain = without_accents(text)
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def download_name(*words: str) -> str:
    """The name a PDF is saved under, in the page's words: decompte-montreal-francais.pdf."""
    return "-".join(file_words(part) for part in words) + ".pdf"


def documents(jobs) -> int:
    """How many documents notebook runs make: the unit the tab counts in, start to end."""
    return sum(len(job.materials) for job in jobs)


def failure(outcome, lang: str, names: dict) -> str:
    """Why a run failed: its checks' findings in the page's language and people's words (a
    case by its name), else the error as the build gives it."""
    if outcome.findings:
        return " ".join(finding_words(found, lang, names) for found in outcome.findings)
    return outcome.error


def finding_words(found, lang: str, names: dict) -> str:
    """One finding on the page, after the document it is about when the check says which."""
    text = found.text(lang, page=True, names=names)
    material = found.params.get("material")
    return (
        t("finding_in", lang, document=material_label(material, lang), text=text)
        if material
        else text
    )


def failed_documents(outcome) -> set[str]:
    """The materials of a run that did not come out: those its file checks name when
    they name them (the others are made and checked), else all of them."""
    if not outcome.error:
        return set()
    named = {found.params.get("material") for found in outcome.findings}
    return named if outcome.findings and None not in named else set(outcome.job.materials)


def job_label(job, lang: str, only=None) -> str:
    """A notebook run as people know it: its documents (`only` those) and their language."""
    shown = [name for name in job.materials if only is None or name in only]
    names = ", ".join(material_label(name, lang) for name in shown)
    return f"{names} ({language_name(job.lang, lang)})"


class ProduceForm:
    """Produce the region's PDFs through the same papermill notebooks as `campaignkit build`."""

    def __init__(self, app):
        self.app, self.thread = app, None
        self.box = w.VBox()
        self.box.add_class("ck-produce")
        self.render()

    def render(self):
        app, lang = self.app, self.app.lang
        region = app.session.regions.get(app.region)
        region_name = region.name[lang] if region else app.region
        intro = t("produce_intro", lang, region=region_name)
        self.langs = {
            code: w.Checkbox(
                value=True,
                description=language_name(code, lang),  # « français », not "fr"
                indent=False,
                layout=w.Layout(width="9em"),
            )
            for code in app.session.languages
        }
        self.button = w.Button(description=t("produce", lang), icon="print", button_style="primary")
        self.button.add_class("ck-produce-button")
        self.button.layout.align_self = "flex-start"
        self.button.on_click(lambda _: self.run())
        self.progress = w.IntProgress(min=0, max=1, value=0, layout=w.Layout(width="100%"))
        self.progress.layout.display = "none"  # an empty grey bar said nothing: shown once run
        self.counter, self.log, self.links = html_line(), html_line(), html_line()
        self.notice = Notice("ck-status-produce")
        self.links.add_class("ck-produce-links")
        self.box.children = [
            html_line(f"<p>{esc(intro)}</p>"),
            w.HBox(list(self.langs.values())),
            self.button,
            self.notice.html,
            self.progress,
            self.counter,
            self.log,
            self.links,
        ]
        self.counter.value, self.links.value = app.produced.get(app.region, ("", ""))
        self.refresh()

    def refresh(self):
        running = self.thread is not None and self.thread.is_alive()
        self.button.disabled = running or self.app.session.dirty
        if self.app.session.dirty:
            self.notice.show("dirty", t("save_first", self.app.lang), True)
        else:
            self.notice.clear("dirty")

    def run(self, wait: bool = False):
        app, lang = self.app, self.app.lang
        if app.session.dirty:
            self.refresh()
            return
        langs = [code for code, box in self.langs.items() if box.value]
        try:
            data = load_campaign(app.session.root)
            todo = build.plan(data, [app.region], langs, out_dir=app.out_dir)
        except InvalidCampaign as error:
            self.notice.show(
                "error", "\n".join(p.text(lang, page=True) for p in error.problems), True
            )
            return
        except CampaignKitError as error:
            self.notice.show("error", describe(error, lang, page=True), True)
            return
        total = documents(todo)  # documents, as the end message counts them, not notebook runs
        self.progress.max, self.progress.value = max(1, total), 0
        self.progress.layout.display = None
        self.counter.value = esc(t("producing", lang, done=0, total=total))
        self.log.value = self.links.value = ""
        self.thread = threading.Thread(target=self._work, args=(data, langs, total), daemon=True)
        self.thread.start()
        self.refresh()
        if wait:
            self.thread.join()

    def _work(self, data, langs, total: int):
        lang, lines, finished = self.app.lang, [], []
        names = {case_id: case.name for case_id, case in data.cases.items()}

        def one(outcome, _done, _jobs):
            finished.append(outcome)
            done = documents(o.job for o in finished)
            self.progress.value = done
            self.counter.value = esc(t("producing", lang, done=done, total=total))
            if outcome.error:
                error = failure(outcome, lang, names)
                label = job_label(outcome.job, lang, failed_documents(outcome))
                text = t("failed_job", lang, label=label, error=error)
                lines.append(f'<li class="ck-error">{esc(text)}</li>')
                self.log.value = "<ul>" + "".join(lines) + "</ul>"

        try:
            outcomes = build.build(
                self.app.session.root,
                regions=[self.app.region],
                langs=langs,
                jobs=min(2, os.cpu_count() or 1),
                out_dir=self.app.out_dir,
                progress=False,
                on_outcome=one,
            )
        except CampaignKitError as error:  # another build running, a file that cannot be written
            self.counter.value = esc(describe(error, lang, page=True))
            self.button.disabled = self.app.session.dirty
            return
        made = self.made(data, outcomes)
        self.links.value = self.links_html(made)
        self.counter.value = esc(self.summary(made, outcomes))
        self.app.produced[self.app.region] = (self.counter.value, self.links.value)
        self.button.disabled = self.app.session.dirty

    def made(self, data, outcomes) -> list[tuple[str, Path, str]]:
        """The PDFs the build left: name in the reader's words, file, name to download as."""
        lang, found = self.app.lang, []
        regions, languages = self.app.session.regions, self.app.session.languages
        order = materials.names()
        done = []
        for outcome in outcomes:
            failed = failed_documents(outcome)
            done += [(name, outcome.job) for name in outcome.job.materials if name not in failed]
        # as the materials are listed, each in the campaign's languages (French first)
        done.sort(key=lambda item: (order.index(item[0]), languages.index(item[1].lang)))
        for name, job in done:
            pdf = output_path(data, name, job.region, job.lang, self.app.out_dir)
            if pdf.exists():
                said, language = material_label(name, lang), language_name(job.lang, lang)
                region = regions[job.region].name[lang] if job.region in regions else job.region
                saved_as = download_name(said, region, language)  # no « tally » in French
                found.append((f"{said} ({language})", pdf, saved_as))
        return found

    def summary(self, made, outcomes) -> str:
        """How many PDFs are ready and, if any, how many failed."""
        lang = self.app.lang
        ready = counted("documents_ready", lang, len(made))
        failed = sum(len(failed_documents(o)) for o in outcomes)
        if not failed:
            return t("produced_done", lang, ready=ready)
        failed_text = counted("documents_failed", lang, failed)
        return t("produced_failed", lang, ready=ready, failed=failed_text)

    def links_html(self, made) -> str:
        items = [f"<li>{pdf_link(pdf, label, name)}</li>" for label, pdf, name in made]
        return (
            f"<p>{esc(t('outputs', self.app.lang))}</p><ul>{''.join(items)}</ul>" if items else ""
        )
