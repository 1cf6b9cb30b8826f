"""The editor in a real browser: Playwright drives the system Chromium against the Voila page.

Voila serves notebooks/editor.ipynb on a copy of the mini campaign (CAMPAIGNKIT_CAMPAIGN),
so the repository's data is never touched. With CI=true a missing browser is a failure.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from campaignkit import paths
from campaignkit.editor.browser import CHROMIUM, CHROMIUM_ARGS

PAGE_TIMEOUT_MS = 120_000


def need_browser():
    if CHROMIUM.exists():
        return
    reason = f"no browser at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: {reason}")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def voila(campaign_copy, tmp_path):
    """The editor page served by Voila on 127.0.0.1, editing the copy."""
    need_browser()
    port, token = free_port(), secrets.token_hex(16)
    log = (tmp_path / "voila.log").open("w")
    command = [
        str(Path(sys.executable).with_name("voila")),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--Voila.token={token}",
        f"--Voila.root_dir={paths.ROOT}",
        "notebooks/editor.ipynb",
    ]
    env = {**os.environ, "CAMPAIGNKIT_CAMPAIGN": str(campaign_copy.root)}
    server = subprocess.Popen(command, cwd=paths.ROOT, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"Voila did not start: {(tmp_path / 'voila.log').read_text()}")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/", token
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_the_page_needs_the_token(voila):
    url, token = voila
    opener = urllib.request.build_opener(NoRedirect)
    for wrong in (url, f"{url}?token=wrong"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(wrong, timeout=30)
        assert refused.value.code == 302 and "/login" in refused.value.headers["Location"]
    with opener.open(f"{url}?token={token}", timeout=120) as page:
        assert page.status == 200


def test_change_venue_see_preview_change_save(voila, campaign_copy):
    from playwright.sync_api import expect, sync_playwright

    url, token = voila
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(f"{url}?region=montreal&token={token}", timeout=PAGE_TIMEOUT_MS)
            image = page.locator("img.ck-preview-image")
            page.wait_for_function(
                "() => (document.querySelector('img.ck-preview-image')?.src || '')"
                ".startsWith('blob:')"
            )
            first = image.get_attribute("src")
            venue = page.locator(".ck-event-0 .ck-field-venue input")
            expect(venue).to_have_value("Maison d'essai")
            save = page.locator("button.ck-save-events")
            expect(save).to_be_disabled()

            venue.fill("Salle du navigateur")
            page.wait_for_function(
                "old => document.querySelector('img.ck-preview-image').src !== old", arg=first
            )
            expect(save).to_be_enabled()
            save.click()
            expect(page.locator(".ck-status-events")).to_contain_text("Enregistré")
        finally:
            browser.close()
    events = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert "Salle du navigateur" in events and "Maison d'essai" not in events


def test_missing_browser_fails_on_ci_and_skips_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        need_browser()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no browser"):
        need_browser()
