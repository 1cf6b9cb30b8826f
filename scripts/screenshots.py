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
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

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


def serve(campaign: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "CAMPAIGNKIT_CAMPAIGN": str(campaign)}
    command = [
        str(Path(sys.executable).with_name("voila")),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.root_dir=.",
        "--VoilaConfiguration.file_allowlist=['outputs/.*[.]pdf']",
        "notebooks/editor.ipynb",
    ]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("Voila did not start")


def open_editor(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    page.set_default_timeout(120_000)
    page.goto(url)
    page.wait_for_function(
        "() => (document.querySelector('img.ck-preview-image')?.src || '').startsWith('blob:')"
    )
    page.add_style_tag(content=".jp-Cell-inputWrapper{display:none}")
    time.sleep(1)
    return page


def tab(page, index: int):
    page.locator(".lm-TabBar-tab").nth(index).click()
    time.sleep(2)


def main():
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        campaign = Path(folder) / "2023"
        shutil.copytree(ROOT / "cases" / "2023", campaign)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = serve(campaign, port)
        base = f"http://127.0.0.1:{port}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                page = open_editor(browser, base + "?region=mauricie")
                save(page.screenshot(), "editor-evenements.png")
                page.locator(".ck-event-0 .ck-field-date input").fill("9 décembre")
                page.locator(".ck-event-0 .ck-field-end input").fill("9:00")
                expect(page.locator("button.ck-save-events")).to_be_disabled()
                time.sleep(1)
                save(page.locator(".ck-event-0").screenshot(), "editor-erreur.png", 760)
                page.locator(".ck-event-0 .ck-field-date input").fill("2023-12-09")
                page.locator(".ck-event-0 .ck-field-end input").fill("16:00")
                tab(page, 1)
                page.locator(".ck-case-choice select").select_option(label="Wet'suwet'en")
                time.sleep(2)
                save(page.screenshot(), "editor-cas.png")
                tab(page, 2)
                counts = [("wetsuweten", "23", "18"), ("chaima-issa", "9", "")]
                for case_id, letters, cards in counts:
                    page.locator(f".ck-tally-{case_id}-letters input").fill(letters)
                    page.locator(f".ck-tally-{case_id}-cards input").fill(cards)
                page.locator(".ck-tally-participants input").fill("40")
                time.sleep(1)
                save(page.screenshot(), "editor-decomptes.png")
                page.locator("button.ck-reload-tallies").click()
                tab(page, 3)
                page.locator("button.ck-produce-button").click()
                page.wait_for_selector(".ck-produce-links a")
                href = page.locator(".ck-produce-links a").first.get_attribute("href")
                with urllib.request.urlopen(base.rstrip("/") + href) as response:
                    assert response.read(4) == b"%PDF", href
                time.sleep(1)
                save(page.screenshot(), "editor-produire.png")
                page.close()

                page = open_editor(browser, base + "?region=montreal&lang=en")
                save(page.screenshot(), "editor-events-en.png")
                tab(page, 1)
                save(page.screenshot(), "editor-cases-en.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=15)


if __name__ == "__main__":
    main()
