"""Take the coordinator's guide screenshots: Voila + Playwright + the system Chromium.

    .venv/bin/python scripts/screenshots.py        # writes docs/img/editor-*.png

The editor runs on a temporary copy of cases/2023, so the sample data is never changed
(its PDFs go to outputs/ as with `make run`). Images are reduced to a palette to stay small.
"""

import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

from campaignkit.editor import server
from campaignkit.editor.browser import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"


def save(png: bytes, name: str, width: int = 1100):
    image = Image.open(io.BytesIO(png)).convert("RGB")
    if image.width > width:
        image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    image = image.quantize(colors=96, method=Image.Quantize.MEDIANCUT)
    target = IMG / name
    image.save(target, optimize=True)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")


def serve(campaign: Path, port: int, token: str) -> subprocess.Popen:
    """The page as `make app` serves it (campaignkit.editor.server), on the copy."""
    server_process = subprocess.Popen(
        server.command(port, token),
        env=server.environment(campaign),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server_process
        except OSError:
            time.sleep(0.2)
    server_process.kill()
    raise SystemExit("Voila did not start")


def open_editor(browser, url: str, locale: str = "fr-CA"):
    page = browser.new_page(viewport={"width": 1280, "height": 860}, locale=locale)
    page.set_default_timeout(300_000)
    page.goto(url)
    page.wait_for_selector("img.ck-preview-img")
    time.sleep(1)
    return page


def launch(playwright, locale: str):
    """Chromium in `locale`: its date and time inputs follow the browser's language, which
    on Linux comes from LANGUAGE (--lang is not enough), with Debian's chromium-l10n."""
    args = [*CHROMIUM_ARGS, f"--lang={locale}"]
    env = {**os.environ, "LANGUAGE": locale.replace("-", "_")}
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=args, env=env)


PREVIEW = "document.querySelector('img.ck-preview-img')?.getAttribute('src')"


def preview_src(page) -> str | None:
    return page.evaluate(PREVIEW)


def new_preview(page, old: str | None):
    """Wait until the preview shows a new page (not the one before, not "updating…")."""
    page.wait_for_function(
        f"old => {{ const src = {PREVIEW}; return src && src !== old; }}", arg=old
    )
    time.sleep(1)


def tab(page, index: int):
    """Open a tab and wait for its preview (the tab's own document)."""
    old = preview_src(page)
    page.locator(".lm-TabBar-tab").nth(index).click()
    if index < 3:  # events, cases, tallies: each has its own document (produce keeps one)
        new_preview(page, old)
    time.sleep(1)


def main():
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        campaign = Path(folder) / "2023"
        shutil.copytree(ROOT / "cases" / "2023", campaign)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        token = "screenshots"
        server_process = serve(campaign, port, token)
        base = f"http://127.0.0.1:{port}/?token={token}&"
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright, "fr-CA")  # date and time inputs in French
                page = open_editor(browser, base + "region=mauricie")
                save(page.screenshot(), "editor-evenements.png")
                index = page.locator(".ck-card").count()
                page.locator("button.ck-add-event").click()
                card = page.locator(f".ck-event-{index}")  # the page redraws: wait for the card
                card.wait_for()
                card.locator(".ck-field-title_fr input").fill("Marathon de la bibliothèque")
                card.locator(".ck-field-start input").fill("18:00")
                card.locator(".ck-field-end input").fill("09:00")
                card.locator(".ck-field-venue input").fill("x")
                card.locator(".ck-field-venue input").fill("")
                expect(page.locator("button.ck-save-events")).to_be_disabled()
                time.sleep(1)
                card.scroll_into_view_if_needed()
                save(page.screenshot(), "editor-erreur.png")
                page.close()  # leave the new event unsaved: start again on a fresh page
                page = open_editor(browser, base + "region=mauricie")
                venue = page.locator(".ck-event-0 .ck-field-venue input")
                venue.fill(venue.input_value() + " (salle 2)")
                page.locator("button.ck-save-events").click()
                expect(page.locator(".ck-status-events")).to_contain_text("Enregistré")
                page.locator(
                    ".ck-versions-events .lm-AccordionPanel-title, "
                    ".ck-versions-events .jupyter-widget-Collapse-header"
                ).first.click()
                page.wait_for_selector(".ck-versions-events .ck-version-restore")
                page.locator(".ck-versions-events .ck-version-restore").first.click()
                page.locator(".ck-confirm-versions-events .ck-confirm-yes").click()
                restored = page.locator(".ck-status-versions-events")
                expect(restored).to_contain_text("rétablie")  # the guide: a restored version
                time.sleep(1)
                scroller = "document.getElementById('rendered_cells')"  # Voila's page scrolls here
                page.evaluate(f"{scroller}.scrollTop = {scroller}.scrollHeight")  # under Save
                save(page.screenshot(), "editor-versions.png")
                tab(page, 1)
                old = preview_src(page)
                page.locator(".ck-case-choice select").select_option(label="Wet'suwet'en")
                new_preview(page, old)  # that case's page, not the first case's
                save(page.screenshot(), "editor-cas.png")
                tab(page, 2)
                counts = [("wetsuweten", "23", "18"), ("chaima-issa", "9", "")]
                for case_id, letters, cards in counts:
                    page.locator(f".ck-tally-{case_id}-letters input").fill(letters)
                    page.locator(f".ck-tally-{case_id}-cards input").fill(cards)
                page.locator(".ck-tally-participants input").fill("40")
                time.sleep(3)
                save(page.screenshot(), "editor-decomptes.png")
                page.locator("button.ck-reload-tallies").click()
                page.locator(".ck-confirm-tallies .ck-confirm-yes").click()
                tab(page, 3)
                page.locator("button.ck-produce-button").click()
                page.wait_for_selector(".ck-produce-links a.ck-pdf")
                with page.expect_download() as download:
                    page.locator(".ck-produce-links a.ck-pdf").first.click()
                pdf = Path(folder) / "downloaded.pdf"
                download.value.save_as(pdf)
                assert pdf.read_bytes()[:4] == b"%PDF", download.value.suggested_filename
                time.sleep(1)
                save(page.screenshot(), "editor-produire.png")
                page = open_editor(browser, base + "region=mauricie")
                page.set_viewport_size({"width": 400, "height": 800})
                time.sleep(2)
                save(page.screenshot(), "editor-telephone.png", 400)
                browser.close()

                browser = launch(playwright, "en-CA")
                page = open_editor(browser, base + "region=montreal&lang=en", "en-CA")
                save(page.screenshot(), "editor-events-en.png")
                tab(page, 1)
                save(page.screenshot(), "editor-cases-en.png")
                page.set_viewport_size({"width": 400, "height": 800})
                tab(page, 0)
                time.sleep(2)
                save(page.screenshot(), "editor-phone-en.png", 400)
                browser.close()
        finally:
            server_process.terminate()
            server_process.wait(timeout=30)


if __name__ == "__main__":
    main()
