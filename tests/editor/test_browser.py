"""The editor in a real browser: Playwright drives the system Chromium against the Voila page.

Voila serves notebooks/editor.ipynb as `make app` does (campaignkit.editor.server) on a copy
of the mini campaign, so the repository's data is never touched. With CI=true a missing
browser is a failure.
"""

import json
import os
import re
import secrets
import select
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import axe_playwright_python
import psutil
import pytest

from campaignkit.editor import server
from campaignkit.editor.browser import CHROMIUM, CHROMIUM_ARGS

PAGE_TIMEOUT_MS = 180_000
AXE = Path(axe_playwright_python.__file__).parent / "axe.min.js"  # axe-core, shipped on PyPI


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


class Served:
    """A running workbook server: its address, token, log and kernels."""

    def __init__(self, url, token, log: Path, process):
        self.url, self.token, self.log, self.process = url, token, log, process

    def page_url(self, query: str = "") -> str:
        return f"{self.url}?{query}{'&' if query else ''}token={self.token}"

    def connection_files(self) -> Path:
        return Path(re.search(r"Storing connection files in (\S+)\.", self.log.read_text())[1])

    def kernels(self) -> int:
        """Kernels this server runs now (its pool included)."""
        return len(list(self.connection_files().glob("kernel-*.json")))

    def kernel_file(self, page) -> Path:
        """The connection file of the page's kernel (its ports)."""
        config = json.loads(page.locator("#jupyter-config-data").text_content())
        return self.connection_files() / f"kernel-{config['kernelId']}.json"


def serve(campaign_root, tmp_path, *options, notebook=server.NOTEBOOK):
    need_browser()
    port, token = free_port(), secrets.token_hex(16)
    log_path = tmp_path / "voila.log"
    log = log_path.open("w")
    command = server.command(port, token, *options, notebook=notebook)
    env = server.environment(campaign_root)
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log)
    deadline = time.monotonic() + 120
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"Voila did not start: {log_path.read_text()}")
            time.sleep(0.2)
    return Served(f"http://127.0.0.1:{port}/", token, log_path, process), log


def stop(served, log):
    served.process.terminate()
    try:
        served.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        served.process.kill()
    log.close()


@pytest.fixture
def voila(campaign_copy, tmp_path):
    """The editor page served as `make app` serves it, editing the copy."""
    served, log = serve(campaign_copy.root, tmp_path)
    yield served
    stop(served, log)


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    need_browser()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url, width=1300, height=900, locale="fr-CA"):
    page = browser.new_page(viewport={"width": width, "height": height}, locale=locale)
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.goto(url, timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("img.ck-preview-img")
    return page


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def answer(url, headers=None) -> tuple[int, str]:
    """The status and page the server answers, redirections not followed."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def status(url, headers=None) -> int:
    return answer(url, headers)[0]


def test_nothing_is_served_without_the_token_or_to_a_foreign_host(voila, campaign_copy):
    url, token = voila.url, voila.token
    assert status(url) == 302 and status(f"{url}?token=wrong") == 302  # to the login page
    assert status(voila.page_url()) == 200
    assert status(voila.page_url(), {"Host": "evil.example"}) == 403
    port = url.rstrip("/").rsplit(":", 1)[1]
    assert status(voila.page_url(), {"Host": f"evil.example:{port}"}) == 403
    pdf = server.paths.ROOT / "outputs" / "ck-token-probe.pdf"
    pdf.write_bytes(b"%PDF-1.4 probe")
    try:
        assert status(f"{url}voila/files/outputs/ck-token-probe.pdf") == 302  # to the login page
        for address in (
            f"{url}voila/files/outputs/ck-token-probe.pdf?token={token}",
            f"{url}voila/files/cases/2023/events.csv?token={token}",
        ):
            assert status(address) in (403, 404), address
    finally:
        pdf.unlink()


def test_login_and_loading_pages_in_the_readers_language(voila, browser):
    login = urllib.request.urlopen(f"{voila.url}login?next=%2F", timeout=60).read().decode()
    assert '<html lang="fr">' in login and "Jeton ou mot de passe" in login
    assert "Token authentication" not in login and "Password" not in login
    english = urllib.request.urlopen(f"{voila.url}login?next=%2F%3Flang%3Den", timeout=60)
    assert "Token or password" in english.read().decode()
    page = browser.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    texts = []
    page.on("console", lambda message: None)
    page.goto(voila.page_url("region=montreal"), wait_until="commit")
    page.wait_for_selector("#loading_text", state="attached")
    texts.append(page.locator("#loading_text").text_content())
    page.wait_for_selector("img.ck-preview-img")
    assert texts == ["Ouverture du cahier…"]
    assert page.title() == "Cahier de coordination"
    assert page.evaluate("document.documentElement.lang") == "fr"
    html = urllib.request.urlopen(voila.page_url(), timeout=120).read().decode()
    assert "window.update_loading_text = function" in html.split("Executing", 1)[-1]


def test_wrong_address_wrong_token_and_foreign_host_get_french_pages(voila, browser):
    page = browser.new_page(viewport={"width": 900, "height": 700}, locale="fr-CA")
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    response = page.goto(f"{voila.url}evenements?token={voila.token}", timeout=PAGE_TIMEOUT_MS)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == "fr"
    headings = page.locator("h1").all_text_contents()
    assert headings == ["Cette page n'existe pas", "This page does not exist"]
    assert "Not Found" not in page.content()
    page.screenshot(path=str(voila.log.parent / "wrong-address.png"))
    login = browser.new_page(viewport={"width": 900, "height": 700}, locale="fr-CA")
    login.set_default_timeout(PAGE_TIMEOUT_MS)
    login.goto(f"{voila.url}?token=wrong", timeout=PAGE_TIMEOUT_MS)
    login.locator("#password_input").fill("encore-faux")
    login.locator("#login_submit").click()
    login.wait_for_selector(".error")
    assert login.locator(".error").text_content() == "Ce jeton n'est pas le bon."
    assert login.evaluate("document.documentElement.lang") == "fr"
    login.screenshot(path=str(voila.log.parent / "wrong-token.png"))
    port = voila.url.rstrip("/").rsplit(":", 1)[1]
    for path in ("", "login", "voila/files/outputs/x.pdf"):  # Voila's, ours, Jupyter's handler
        code, html = answer(f"{voila.url}{path}?token={voila.token}", {"Host": f"ev.il:{port}"})
        assert code == 403 and '<html lang="fr">' in html, path
        assert html.index("Accès refusé") < html.index("Access refused"), path
    for path in ("voila/static/nothing.js", "voila/templates/campaignkit/static/x.css"):
        code, html = answer(f"{voila.url}{path}")  # Voila's own file handlers
        assert code in (403, 404) and '<html lang="fr">' in html, (path, code)
        assert html.index("Code de l") < html.index("Error code"), path
    code, html = answer(f"{voila.url}logout")
    assert code == 200 and html.index("Vous avez quitté") < html.index("You have left")


def test_a_cell_that_fails_is_said_in_french_then_english(campaign_copy, tmp_path, browser):
    """Said in our words; neither its traceback nor what cells wrote to stderr (warnings,
    logs) reaches the page, though the server keeps tracebacks for the template."""
    import nbformat

    notebook = tmp_path / "fails.ipynb"
    stderr = "import sys, warnings\nwarnings.warn('warned')\nprint('logged', file=sys.stderr)"
    fails = "raise RuntimeError('campaign.yaml: boom')"
    cells = [nbformat.v4.new_code_cell(stderr), nbformat.v4.new_code_cell(fails)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), notebook)
    served, log = serve(
        campaign_copy.root, tmp_path, f"--Voila.root_dir={tmp_path}", notebook=notebook
    )
    try:
        page = browser.new_page(viewport={"width": 900, "height": 500}, locale="fr-CA")
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(served.page_url(), timeout=PAGE_TIMEOUT_MS)
        page.wait_for_selector(".ck-cell-error", state="visible")
        said = page.locator(".ck-cell-error").inner_text()
        assert said.index("Une partie du cahier n'a pas pu s'ouvrir") < said.index(
            "Part of the workbook could not open"
        )
        shown = page.locator("body").inner_text()
        assert "There was an error" not in shown and "boom" not in shown
        assert "campaign.yaml" not in shown and "Voil" not in shown
        sent = page.content()
        for told in ("boom", "RuntimeError", "Traceback", "warned", "logged"):
            assert told not in sent, told
        page.screenshot(path=str(tmp_path / "cell-error.png"))
    finally:
        stop(served, log)


def test_a_cell_too_slow_is_said_in_french_then_english(campaign_copy, tmp_path):
    import nbformat

    notebook = tmp_path / "slow.ipynb"
    cells = [nbformat.v4.new_code_cell("import time\ntime.sleep(60)")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), notebook)
    options = (f"--Voila.root_dir={tmp_path}", "--VoilaExecutor.timeout=2")
    options += ("--VoilaConfiguration.preheat_kernel=False",)  # executed when asked for
    served, log = serve(campaign_copy.root, tmp_path, *options, notebook=notebook)
    try:
        code, html = answer(served.page_url())
    finally:
        stop(served, log)
    assert code == 200 and "Cell execution timed out" not in html
    said = html.split('class="jp-OutputArea-output ck-cell-error"', 1)[1]
    assert said.index("mis trop de temps à s'ouvrir") < said.index("took too long to open")


def kernel_process(page):
    """The process of the kernel behind a page (the server the test started runs it)."""
    kernel = page.evaluate(
        "JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId"
    )
    return process_of_kernel(kernel)


def process_of_kernel(kernel: str):
    for process in psutil.process_iter(["cmdline"]):
        if any(f"kernel-{kernel}.json" in part for part in process.info["cmdline"] or []):
            return process
    pytest.fail(f"no process for kernel {kernel}")


def lost_kernel_is_said(page, screenshot: Path):
    banner = page.locator(".ck-disconnected-banner")
    banner.wait_for(state="visible")
    said = banner.inner_text()
    assert said.index("Le cahier ne répond plus") < said.index("The workbook no longer responds")
    assert "Recharger la page / Reload the page" in said
    assert page.evaluate("document.getElementById('rendered_cells').inert"), "no typing in vain"
    page.screenshot(path=str(screenshot))


def test_a_lost_kernel_or_server_is_said_in_french_then_english(campaign_copy, tmp_path, browser):
    served, log = serve(campaign_copy.root, tmp_path)
    try:
        crashed = open_page(browser, served.page_url("region=montreal"), height=700)
        kernel_process(crashed).kill()  # as a crash would: Jupyter restarts it, widgets are lost
        lost_kernel_is_said(crashed, tmp_path / "kernel-crashed.png")
        closed = open_page(browser, served.page_url("region=montreal"), height=700)
    finally:
        stop(served, log)  # as when the window that runs the workbook is closed
    lost_kernel_is_said(closed, tmp_path / "server-stopped.png")


# Who sees a dead kernel first: nbclient, running the workbook, looks every second; Jupyter's
# restarter every 3 s (time_to_dead). When the restarter came first, the kernel was alive
# again, without the workbook, when nbclient looked, and the page never loaded (one run in
# six, on a busy machine). Polling every 0.1 s, the restarter nearly always comes first.
RESTARTER_POLLS = {"nbclient first": (), "restarter first": ("--KernelRestarter.time_to_dead=0.1",)}


@pytest.mark.parametrize("first", RESTARTER_POLLS)
def test_a_kernel_that_crashed_before_its_page_is_logged_said_once_and_a_reload_works(
    campaign_copy, tmp_path, browser, first
):
    """A preheated kernel that dies in native code (seen once as a segfault in libc while it
    warmed up): the log keeps every thread's traceback, the page says in our words, once,
    what to do, instead of Voila's English, and reloading gives a workbook; whether Jupyter
    has restarted the kernel before the workbook's runner saw it die or not."""
    import signal

    served, log = serve(campaign_copy.root, tmp_path, *RESTARTER_POLLS[first])
    try:
        assert wait_for(lambda: "is filled with" in served.log.read_text())
        # idle with no kernel yet would be true too: the kernel must be there, and idle
        warm = wait_for(lambda: kernels_of(served) and kernels_idle(served))
        assert warm, "the preheated kernel waits for a page"
        for kernel in kernels_of(served):
            kernel.send_signal(signal.SIGSEGV)  # as a crash in a library would
        assert wait_for(lambda: "Kernel died" in served.log.read_text(), seconds=60)
        page = browser.new_page(viewport={"width": 1000, "height": 500}, locale="fr-CA")
        page.set_default_timeout(PAGE_TIMEOUT_MS)
        page.goto(served.page_url("region=montreal"), timeout=PAGE_TIMEOUT_MS)
        said = page.locator(".ck-cell-error")
        said.first.wait_for(state="visible")
        page.wait_for_load_state("load")
        assert page.locator(".ck-cell-error:visible").count() == 1, "said once, not per cell"
        shown = page.locator("body").inner_text()
        assert shown.index("Une partie du cahier n'a pas pu s'ouvrir") < shown.index(
            "Part of the workbook could not open"
        )
        assert "exception" not in shown and "Voil" not in shown
        page.screenshot(path=str(tmp_path / "kernel-died-as-it-started.png"))
        page.get_by_role("button", name="Recharger la page / Reload the page").click()
        page.wait_for_selector("img.ck-preview-img")
    finally:
        stop(served, log)
    logged = served.log.read_text()
    assert "Fatal Python error: Segmentation fault" in logged
    assert re.search(r"campaignkit/editor/app\.py\", line \d+ in wait_for_page", logged)


def test_a_kernel_lost_between_its_page_and_its_widgets_is_said_and_a_reload_works(
    campaign_copy, tmp_path, browser
):
    """The page's HTML has come, its kernel dies before the browser connects to it: Jupyter
    restarts it, without the workbook's widgets. The page says so in our words, not with
    empty boxes, and reloading gives a workbook."""
    served, log = serve(campaign_copy.root, tmp_path)
    try:
        page = browser.new_page(viewport={"width": 1000, "height": 500}, locale="fr-CA")
        page.set_default_timeout(PAGE_TIMEOUT_MS)

        def kill_its_kernel_then_answer(route):
            sent = route.fetch(timeout=PAGE_TIMEOUT_MS)
            html = sent.text()
            process_of_kernel(re.search(r'"kernelId": "([0-9a-f-]+)"', html)[1]).kill()
            assert wait_for(lambda: "restarting kernel" in served.log.read_text())
            route.fulfill(response=sent, body=html)

        the_page = re.compile(r".*region=montreal.*")
        page.route(the_page, kill_its_kernel_then_answer)
        page.goto(served.page_url("region=montreal"), timeout=PAGE_TIMEOUT_MS)
        lost_kernel_is_said(page, tmp_path / "kernel-lost-before-widgets.png")
        page.unroute(the_page)  # the reload goes as it would
        page.get_by_role("button", name="Recharger la page / Reload the page").click()
        page.wait_for_selector("img.ck-preview-img")
    finally:
        stop(served, log)


def test_the_page_asks_nothing_of_another_machine(voila, browser):
    from urllib.parse import urlparse

    page = browser.new_page(viewport={"width": 1300, "height": 900}, locale="fr-CA")
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    elsewhere = []

    def note(request):
        address = urlparse(request.url)
        if address.scheme not in ("data", "blob") and address.hostname != "127.0.0.1":
            elsewhere.append(request.url)

    page.on("request", note)
    page.goto(voila.page_url("region=montreal"), timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("img.ck-preview-img")
    for index in range(4):  # every tab, as a coordinator goes through them
        page.locator(".lm-TabBar-tab").nth(index).click()
        page.wait_for_timeout(500)
    page.goto(f"{voila.url}nulle-part?token={voila.token}")
    page.goto(f"{voila.url}login")
    assert elsewhere == []
    page.goto(voila.page_url("region=montreal"), timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("button.ck-save-events i.fa")
    icon_font = page.evaluate(
        """async () => { await document.fonts.ready;
              const icon = document.querySelector('button.ck-save-events i.fa');
              const family = getComputedStyle(icon, '::before').fontFamily;
              return [family, document.fonts.check('900 16px "Font Awesome 5 Free"')]; }"""
    )
    assert "Font Awesome 5 Free" in icon_font[0] and icon_font[1], "icons from this machine"
    assert elsewhere == []


def test_change_venue_see_preview_change_save(voila, browser, campaign_copy):
    from playwright.sync_api import expect

    page = open_page(browser, voila.page_url("region=montreal"))
    first = page.locator("img.ck-preview-img").get_attribute("src")
    assert first.startswith("data:image/png;base64,")
    venue = page.locator(".ck-event-0 .ck-field-venue input")
    expect(venue).to_have_value("Maison d'essai")
    save = page.locator("button.ck-save-events")
    expect(save).to_be_disabled()
    venue.fill("Salle du navigateur")
    page.wait_for_function(
        "old => document.querySelector('img.ck-preview-img')?.src !== old", arg=first
    )
    expect(save).to_be_enabled()
    save.click()
    expect(page.locator(".ck-status-events")).to_contain_text("Enregistré")
    events = (campaign_copy.root / "events.csv").read_text(encoding="utf-8")
    assert "Salle du navigateur" in events and "Maison d'essai" not in events


def kernels_idle(served) -> bool:
    """The server's kernels use no CPU now: the preheated one has made its workbook."""
    busy = 0.0
    for child in psutil.Process(served.process.pid).children(recursive=True):
        try:
            busy += child.cpu_percent(interval=0.5)
        except psutil.Error:
            pass
    return busy < 5


def test_a_page_shows_what_changed_on_disk_after_its_workbook_was_made(
    voila, browser, campaign_copy
):
    from playwright.sync_api import expect

    assert wait_for(lambda: "is filled with" in voila.log.read_text())
    assert wait_for(lambda: kernels_idle(voila)), "the preheated kernel has made its workbook"
    campaign_copy.edit("events.csv", "Maison d'essai", "Salle changée entre-temps")
    page = open_page(browser, voila.page_url("region=montreal&lang=en"))
    venue = page.locator(".ck-event-0 .ck-field-venue input")
    expect(venue).to_have_value("Salle changée entre-temps")
    expect(page.locator(".ck-events-heading")).to_have_text("Events in Montreal")


SEEN = """new MutationObserver(() => {
  const heading = document.querySelector('.ck-events-heading');
  if (heading) (window.ckSeen = window.ckSeen || new Set()).add(heading.textContent);
}).observe(document, {subtree: true, childList: true, characterData: true});"""


# When the page clicked its hidden button (its forms drawn) and when its preview came.
DRAWN_THEN_PREVIEW = """document.addEventListener("click", (event) => {
  const drawn = event.target.closest && event.target.closest(".ck-drawn");
  if (drawn) window.ckDrawnAt ||= performance.now();
}, true);
new MutationObserver(() => {
  if (document.querySelector("img.ck-preview-img")) window.ckPreviewAt ||= performance.now();
}).observe(document, {subtree: true, childList: true});"""


def test_a_page_for_another_region_than_the_one_prepared_shows_only_that_region(voila, browser):
    """Its preview too, once its forms are drawn (the page says so: page_script.Drawn)."""
    from playwright.sync_api import expect

    assert wait_for(lambda: "is filled with" in voila.log.read_text())
    assert wait_for(lambda: kernels_idle(voila)), "the preheated kernel has made Montréal's"
    page = browser.new_page(viewport={"width": 1300, "height": 900}, locale="en-CA")
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.add_init_script(SEEN)
    page.add_init_script(DRAWN_THEN_PREVIEW)
    sent = []  # what the page sends the kernel
    page.on("websocket", lambda socket: socket.on("framesent", lambda f: sent.append(str(f))))
    page.goto(voila.page_url("region=mauricie&lang=en"), timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("img.ck-preview-img")
    expect(page.locator(".ck-events-heading")).to_have_text("Events in Mauricie")
    assert page.evaluate("() => [...window.ckSeen]") == ["Events in Mauricie"]
    assert page.locator(".ck-region select option:checked").text_content() == "Mauricie"
    expect(page.locator(".ck-preview-caption")).to_contain_text("Mauricie")
    said = page.evaluate("() => window.ckDrawnAt")
    assert said and said < page.evaluate("() => window.ckPreviewAt"), "forms, then preview"
    assert wait_for(lambda: any('"event":"click"' in frame for frame in sent)), "sent"


def settled(page, shown: str, quiet: float = 3):
    """Wait until the JavaScript expression `shown` keeps one value for `quiet` seconds
    (within the page timeout): the kernel has taken every change sent to it."""
    deadline, last, since = time.monotonic() + PAGE_TIMEOUT_MS / 1000, None, time.monotonic()
    while time.monotonic() < deadline:
        now = page.evaluate(f"() => {shown}")
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return last
        time.sleep(0.1)
    raise AssertionError(f"still changing: {last}")


def test_region_switches_in_the_browser_never_mix_regions(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"))
    names = {"montreal": "Montréal", "mauricie": "Mauricie", "cote-nord": "Côte-Nord"}
    region = page.locator(".ck-region select")
    for target in ["mauricie", "montreal", "cote-nord", "mauricie", "montreal"] * 2:
        region.select_option(label=names[target])  # as fast as the browser takes them
    # the page opened on Montréal: a wait on the caption alone passed at once, and the
    # fresh-clone run read the heading of a switch still under way; the kernel takes the
    # ten one after the other, so wait until what the page shows has stopped changing
    settled(
        page,
        "[location.search, ...['.ck-events-heading', '.ck-preview-caption']"
        ".map(s => document.querySelector(s)?.textContent)].join('|')",
    )
    assert "region=montreal" in page.url
    assert region.locator("option:checked").text_content() == "Montréal"
    assert names["montreal"] in page.locator(".ck-events-heading").text_content()
    for other in ("Mauricie", "Côte-Nord"):
        assert other not in page.locator(".ck-events-heading").text_content()
        assert other not in page.locator(".ck-preview-caption").text_content()
    alt = page.locator("img.ck-preview-img").get_attribute("alt")
    assert alt == "Aperçu : Affiche, région Montréal, en français, page 1"


def test_save_bar_and_preview_stay_in_view_and_one_column_on_a_phone(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"), height=700)
    page.locator(".ck-add-event").click()
    page.wait_for_selector(".ck-event-2")

    def in_view(selector):
        box = page.locator(selector).first.bounding_box()
        return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 700

    scroller = "document.getElementById('rendered_cells')"  # what scrolls in Voila's page
    page.evaluate(f"{scroller}.scrollTop = 0")
    assert page.evaluate(f"{scroller}.scrollHeight") > 2000, "three events: a long page"
    assert in_view("button.ck-save-events"), "Save in view at the top of the page"
    page.mouse.move(300, 400)
    page.mouse.wheel(0, 5000)
    time.sleep(1)
    assert page.evaluate(f"{scroller}.scrollTop") > 1000, "the page did scroll"
    assert in_view("button.ck-save-events"), "Save still in view at the bottom"
    image = page.locator("img.ck-preview-img").bounding_box()
    assert 0 <= image["y"] < 300, "the preview came along"
    page.screenshot(path=str(voila.log.parent / "scrolled.png"))
    page.set_viewport_size({"width": 400, "height": 800})
    time.sleep(1)
    tabs = page.locator(".ck-main > :first-child").bounding_box()
    preview = page.locator(".ck-main > .ck-preview").bounding_box()
    assert preview["y"] >= tabs["y"] + tabs["height"] - 1, "the preview comes under the form"
    assert page.evaluate(f"{scroller}.scrollWidth") <= 420, "no sideways scroll"
    date = page.locator(".ck-event-0 .ck-field-date input")
    assert date.get_attribute("type") == "date"
    assert page.locator(".ck-event-0 .ck-field-start input").get_attribute("type") == "time"


def test_removing_asks_first_and_leaving_with_unsaved_changes_warns(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"))
    page.locator(".ck-event-1 button.ck-remove-event").click()
    page.wait_for_selector(".ck-confirm-events .ck-confirm-no")
    assert "Retirer « Soirée au café »" in page.locator(".ck-confirm-events").text_content()
    page.locator(".ck-confirm-events .ck-confirm-no").click()
    page.wait_for_selector(".ck-confirm-events .ck-confirm-no", state="detached")
    assert page.locator(".ck-card").count() == 2
    page.locator(".ck-event-0 .ck-field-venue input").click()  # the browser asks only after
    page.locator(".ck-event-0 .ck-field-venue input").fill("Pas encore enregistré")  # a gesture
    page.wait_for_selector(".ck-dirty")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    kernels = voila.kernels()
    with page.expect_event("dialog"):  # the reader reloads the page (or leaves it)
        page.evaluate("() => { setTimeout(() => location.reload(), 0); }")
    assert dialogs == ["beforeunload"], "the reader was asked"
    page.wait_for_selector(".ck-dirty")  # they chose to stay: all is still there
    assert voila.kernels() == kernels, "and the kernel is kept while they stay"
    assert page.locator(".ck-event-0 .ck-field-venue input").input_value() == (
        "Pas encore enregistré"
    )


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)
    return True


def test_kernels_end_when_pages_close_or_are_left_idle(campaign_copy, tmp_path, browser):
    served, log = serve(campaign_copy.root, tmp_path, "--MappingKernelManager.cull_idle_timeout=4")
    try:
        assert wait_for(lambda: served.kernels() == 1), "the preheated pool"
        for _ in range(2):  # closed as a browser closes a tab: the page shuts its kernel
            page = open_page(browser, served.page_url("region=montreal"))
            page.close(run_before_unload=True)
        for _ in range(2):  # gone without a word (a crash): the idle delay ends the kernel
            context = browser.new_context()
            page = context.new_page()
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(served.page_url("region=mauricie"))
            page.wait_for_selector("img.ck-preview-img")
            context.close()
        assert wait_for(lambda: served.kernels() <= 2), served.log.read_text()[-2000:]
        assert "Kernel shutdown" in served.log.read_text()
    finally:
        stop(served, log)


def reached(ports: list[int], seconds: float) -> list[int]:
    """Of these free ports, those something connects to within `seconds`."""
    listeners = []
    for port in ports:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # its closed links wait
        try:
            listener.bind(("127.0.0.1", port))
        except OSError:  # taken again meanwhile: not a port a stopped kernel left
            listener.close()
            continue
        listener.listen()
        listeners.append(listener)
    assert listeners, "the stopped kernel's ports can be listened on"
    try:
        ready, _, _ = select.select(listeners, [], [], seconds)
        return [listener.getsockname()[1] for listener in ready]
    finally:
        for listener in listeners:
            listener.close()


def test_a_closed_page_leaves_nothing_reaching_for_its_kernel(voila, browser):
    """A closing page asks for its kernel's shutdown and closes its connection. The server
    kept that connection's channels when the shutdown came first: they tried to reach the
    stopped kernel ten times a second, forever, and the server's rest grew with each page."""

    def stopped() -> int:
        return voila.log.read_text().count("Kernel shutdown:")

    for region in ("montreal", "mauricie"):
        page = open_page(browser, voila.page_url(f"region={region}"))
        file, before = voila.kernel_file(page), stopped()
        info = json.loads(file.read_text())
        ports = [info[f"{channel}_port"] for channel in ("shell", "iopub", "stdin", "control")]
        page.close(run_before_unload=True)
        assert wait_for(lambda: stopped() > before), "the page shuts its kernel down"  # noqa: B023
        assert wait_for(lambda: not file.exists()), "the page's kernel has stopped"  # noqa: B023
        assert not reached(ports, seconds=2), "the server still reaches for a stopped kernel"


def axe_violations(page) -> list[dict]:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing: run `make install` (it installs {AXE})")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document.querySelector('.ck-app'))")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_every_tab_passes_axe_core(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"))
    found = {}
    for index, name in enumerate(("events", "cases", "tallies", "produce")):
        page.locator(".lm-TabBar-tab").nth(index).click()
        page.wait_for_timeout(800)
        violations = axe_violations(page)
        found[name] = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in violations
        ]
    assert found == {name: [] for name in found}, json.dumps(found, indent=1, ensure_ascii=False)
    names = page.evaluate(
        """() => [...document.querySelectorAll('.ck-app input, .ck-app select, .ck-app textarea')]
              .filter(e => e.offsetParent !== null)
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                           && !e.title).map(e => e.outerHTML.slice(0, 80))"""
    )
    assert names == [], "every input has an accessible name"


def test_keyboard_order_follows_the_form(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"))
    page.locator(".ck-event-0 .ck-field-id input").focus()
    fields = []
    for _ in range(20):  # a date or time input takes a Tab per part (day, month, year…)
        page.keyboard.press("Tab")
        css = page.evaluate("document.activeElement.closest('[class*=ck-field-]')?.className")
        field = re.search(r"ck-field-(\S+)", css or "-").group(1) if css else None
        if field and (not fields or fields[-1] != field):
            fields.append(field)
    assert fields[:5] == ["title_fr", "title_en", "date", "start", "end"], fields


def test_a_field_reached_with_tab_is_never_under_the_save_bar(voila, browser):
    """A first user tabbing through the tally sheet typed into a field hidden under the
    sticky Save bar: the page scrolls in #rendered_cells, which kept no room for the bar."""
    page = open_page(browser, voila.page_url("region=montreal"), height=600)
    page.locator(".ck-add-event").click()
    page.wait_for_selector(".ck-event-2")
    page.locator(".ck-event-0 .ck-field-id input").focus()
    hidden = []
    for _ in range(60):
        page.keyboard.press("Tab")
        field = page.evaluate(
            """() => {
                const el = document.activeElement, bar = document.querySelector('.ck-savebar');
                if (!el || !el.matches('input, textarea, select') || bar.contains(el)) return null;
                const a = el.getBoundingClientRect(), b = bar.getBoundingClientRect();
                return {name: el.closest('[class*=ck-field-]')?.className || el.outerHTML,
                        under: a.bottom > b.top + 1};
            }"""
        )
        if field and field["under"]:
            hidden.append(field["name"])
    page.screenshot(path=str(voila.log.parent / "tabbed.png"))
    assert not hidden, f"fields reached with Tab but hidden under the Save bar: {hidden}"


def test_missing_browser_fails_on_ci_and_skips_elsewhere(monkeypatch, tmp_path):
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        need_browser()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no browser"):
        need_browser()


def outputs_now() -> set[Path]:
    return {path for path in server.paths.OUTPUTS.rglob("*") if path.is_file()}


def test_make_app_says_the_address_to_open_and_starts_the_workbook_only(
    campaign_copy, tmp_path, browser
):
    """`make app`'s own command: the address printed opens the page; nothing else is run."""
    need_browser()
    before, port = outputs_now(), free_port()
    said, log_path = tmp_path / "said.txt", tmp_path / "voila.log"
    with said.open("w") as out, log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "campaignkit.editor.server", f"--port={port}"],
            env=server.environment(campaign_copy.root),
            stdout=out,
            stderr=log,
        )
    served = Served(f"http://127.0.0.1:{port}/", None, log_path, process)
    try:
        pool = "Kernel pool of notebooks/editor.ipynb is filled"
        assert wait_for(lambda: pool in log_path.read_text()), log_path.read_text()[-3000:]
        lines = said.read_text().splitlines()
        assert lines[0].startswith("Ouvrez le cahier à cette adresse"), lines
        assert lines[1].startswith("Open the workbook at this address"), lines
        url = re.search(r"http://\S+", lines[0]).group(0)
        assert re.fullmatch(rf"http://127\.0\.0\.1:{port}/\?token=[\w-]{{20,}}", url), url
        assert served.kernels() == 1, "one preheated kernel: the workbook's"
        assert "Kernel pool of" not in log_path.read_text().replace(pool, "")
        assert status(url) == 200
        page = open_page(browser, url)
        assert page.locator(".ck-region select option:checked").text_content() == "Montréal"
        assert outputs_now() == before, "starting and opening the page wrote no output"
    finally:
        stop(served, open(os.devnull, "w"))


def test_the_address_follows_the_region_and_language_shown(voila, browser):
    """A reload or a shared link opens the region and language that were on screen."""
    page = open_page(browser, voila.page_url("region=montreal"))
    page.locator(".ck-region select").select_option(label="Mauricie")
    page.wait_for_function("() => location.search.includes('region=mauricie')")
    page.locator(".ck-lang button", has_text="English").click()
    page.wait_for_function("() => location.search.includes('lang=en')")
    assert f"token={voila.token}" in page.url, "the token stays in the address"
    page.reload()
    page.wait_for_selector("img.ck-preview-img")
    assert page.locator(".ck-region select option:checked").text_content() == "Mauricie"
    assert "Mauricie" in page.locator(".ck-events-heading").text_content()
    assert page.locator(".ck-save-events").text_content().strip() == "Save"
    page.screenshot(path=str(voila.log.parent / "address.png"))


def test_adding_or_duplicating_an_event_keeps_the_reader_at_the_new_card(voila, browser):
    page = open_page(browser, voila.page_url("region=montreal"), height=700)
    scroller = "document.getElementById('rendered_cells')"

    def in_view(locator) -> bool:
        box = locator.bounding_box()
        return box is not None and 0 <= box["y"] and box["y"] + box["height"] / 3 <= 700

    duplicate = page.locator(".ck-event-1 button.ck-duplicate-event")
    duplicate.scroll_into_view_if_needed()
    below = page.evaluate(f"{scroller}.scrollTop")
    assert below > 300, "the reader is down the page"
    duplicate.click()
    page.wait_for_function("() => document.activeElement.closest('.ck-event-2') !== null")
    assert page.evaluate(f"{scroller}.scrollTop") >= below, "not back to the top"
    title = page.locator(".ck-event-2 .ck-field-title_fr input")
    assert title.evaluate("e => e === document.activeElement") and in_view(title)
    assert title.input_value() == "Soirée au café"
    page.screenshot(path=str(voila.log.parent / "duplicated.png"))
    page.locator("button.ck-add-event").click()
    page.wait_for_function("() => document.activeElement.closest('.ck-event-3') !== null")
    page.keyboard.type("Marathon tapé au clavier")
    new_title = page.locator(".ck-event-3 .ck-field-title_fr input")
    assert in_view(new_title) and new_title.input_value() == "Marathon tapé au clavier"
    assert page.evaluate(f"{scroller}.scrollTop") > below
    page.screenshot(path=str(voila.log.parent / "added.png"))
    shots = Path("/tmp/wb/shots")
    shots.mkdir(parents=True, exist_ok=True)
    for name in ("duplicated.png", "added.png"):
        (shots / name).write_bytes((voila.log.parent / name).read_bytes())


def kernels_of(served) -> list[psutil.Process]:
    """The server's kernels now; a process that ends as it is looked at (a zombie) is none."""
    kernels = []
    for child in psutil.Process(served.process.pid).children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                kernels.append(child)
        except psutil.Error:
            pass
    return kernels


def test_save_clicked_while_typing_saves_every_letter(voila, browser, campaign_copy):
    """The page sends typing in batches while the kernel is busy, but a click at once: on a
    loaded machine the Save came before the last letters. Here the kernels are paused while
    the coordinator types and clicks (as a busy machine would), so the click reaches the
    kernel before the letters typed after the first one: the save must still have them all."""
    from playwright.sync_api import expect

    page = open_page(browser, voila.page_url("region=montreal"))
    title = page.locator(".ck-event-1 .ck-field-title_fr input")
    title.click()
    page.keyboard.press("Control+A")
    events = campaign_copy.root / "events.csv"
    kernels = kernels_of(voila)
    assert kernels, "the page's kernel is found"
    page.keyboard.type("M")
    expect(page.locator("button.ck-save-events")).to_be_enabled()  # the kernel has the M
    for kernel in kernels:  # the next letter is sent at once, the others wait for its answer
        kernel.suspend()
    try:
        page.keyboard.type("arathon du soir au café")
        page.locator("button.ck-save-events").click()
        time.sleep(0.5)  # the click leaves the page while the letters are held back
    finally:
        for kernel in kernels:
            kernel.resume()
    page.wait_for_function(
        "() => document.querySelector('.ck-header').textContent.includes('non enregistr')"
        " || document.querySelector('.ck-header').textContent.includes('tout est')"
    )
    expect(page.locator(".ck-status-events")).to_contain_text("Enregistré")
    expect(page.locator(".ck-header")).to_contain_text("tout est")
    expect(title).to_have_value("Marathon du soir au café")
    assert "Marathon du soir au café" in events.read_text(), "one click saved every letter"


class SlowAnswers:
    """The kernel's messages to the page, held back while `holding` (a slow connection or a
    busy browser), then passed on in their order; the page's messages go out at once."""

    def __init__(self, page):
        self.holding, self.held, self.routes = False, [], []
        page.route_web_socket("**/api/kernels/**", self.connect)

    def connect(self, route):
        server = route.connect_to_server()
        server.on_message(lambda message: self.to_page(route, message))
        self.routes.append(route)

    def to_page(self, route, message):
        if self.holding:
            self.held.append((route, message))
        else:
            route.send(message)

    def release(self):
        self.holding = False
        for route, message in self.held:
            route.send(message)
        self.held = []


def test_save_clicked_while_the_kernel_answers_slowly_saves_every_letter(
    voila, browser, campaign_copy
):
    """The page sends the letters it held back when the kernel's answer to the one before
    comes. Here that answer takes 1.5 s to reach the page, well after the click reached the
    kernel: a save that waited a set time wrote 'Ma'; it must wait for the page itself."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1300, "height": 900}, locale="fr-CA")
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    slow = SlowAnswers(page)
    page.goto(voila.page_url("region=montreal"), timeout=PAGE_TIMEOUT_MS)
    page.wait_for_selector("img.ck-preview-img")
    assert slow.routes, "the page's connection to its kernel goes through the test"
    title = page.locator(".ck-event-1 .ck-field-title_fr input")
    title.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("M")
    expect(page.locator("button.ck-save-events")).to_be_enabled()  # the kernel has the M
    slow.holding = True
    page.keyboard.type("arathon du soir au café")  # 'a' goes, the rest waits for its answer
    page.locator("button.ck-save-events").click()
    page.wait_for_timeout(1500)
    assert slow.held, "the kernel answered the page meanwhile"
    slow.release()
    expect(page.locator(".ck-status-events")).to_contain_text("Enregistré")
    expect(page.locator(".ck-header")).to_contain_text("tout est")
    expect(title).to_have_value("Marathon du soir au café")
    events = campaign_copy.root / "events.csv"
    assert "Marathon du soir au café" in events.read_text(), "one click saved every letter"
    page.close()


def test_the_preview_shows_its_document_and_language_choosers_above_a_tall_page(voila, browser):
    page = open_page(browser, voila.page_url("region=estrie"))
    page.wait_for_selector("img.ck-preview-img")
    for selector in (".ck-preview-material select", ".ck-preview-lang button"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["height"] >= 20, f"{selector} squashed: {box}"
    image = page.locator("img.ck-preview-img").bounding_box()
    chooser = page.locator(".ck-preview-material select").bounding_box()
    assert chooser["y"] + chooser["height"] <= image["y"], "the chooser sits above the page"


def save_tally_versions(root, letters: list[str]):
    """Save the Montréal marathon's tally once per count of Ana's letters, as a coordinator
    correcting it through the season would: each save keeps a version."""
    from campaignkit.editor.session import Session

    for count in letters:
        tally = Session(root).tally("mtl-grand")
        tally.counts["ana"][0] = count
        tally.save()


def uncovered(locator) -> dict:
    """Whether an element is on screen and nothing lies over its centre (the Save bar)."""
    return locator.evaluate(
        """e => { const r = e.getBoundingClientRect();
                  const x = r.left + r.width / 2, y = r.top + r.height / 2;
                  const hit = document.elementFromPoint(x, y);
                  return {shown: r.top >= 0 && r.bottom <= innerHeight,
                          free: hit !== null && (hit === e || e.contains(hit)),
                          over: hit ? hit.className : null}; }"""
    )


def open_tally_versions(browser, voila, height=700):
    page = open_page(browser, voila.page_url("region=montreal"), height=height)
    page.locator(".lm-TabBar-tab").nth(2).click()
    page.wait_for_selector(".ck-tally-ana-letters input")
    page.locator(".ck-versions-tallies .jupyter-widget-Collapse-header").click()
    page.wait_for_selector(".ck-versions-tallies .ck-version-restore")
    return page


def test_the_save_bar_covers_neither_the_last_version_nor_its_confirmation(
    voila, browser, campaign_copy
):
    save_tally_versions(campaign_copy.root, [str(n) for n in range(300, 312)])
    page = open_tally_versions(browser, voila)
    restore = page.locator(".ck-versions-tallies .ck-version-restore")
    assert restore.count() == 10, "a long list"
    scroller = "document.getElementById('rendered_cells')"
    last = restore.last
    page.evaluate(f"{scroller}.scrollTop = 0")
    last.focus()  # as the keyboard reaches it: the browser scrolls it just into view
    time.sleep(0.5)
    assert uncovered(last)["shown"] and uncovered(last)["free"], uncovered(last)
    page.evaluate(f"{scroller}.scrollTop = {scroller}.scrollHeight")  # to the end by hand
    time.sleep(0.5)
    assert uncovered(last)["shown"] and uncovered(last)["free"], uncovered(last)
    last.scroll_into_view_if_needed()
    last.click()
    yes = page.locator(".ck-confirm-versions-tallies .ck-confirm-yes")
    yes.wait_for()
    yes.focus()
    time.sleep(0.5)
    shot = voila.log.parent / "versions.png"
    page.screenshot(path=str(shot))
    shots = Path("/tmp/wb/shots")
    shots.mkdir(parents=True, exist_ok=True)
    (shots / "versions.png").write_bytes(shot.read_bytes())
    assert uncovered(yes)["shown"] and uncovered(yes)["free"], uncovered(yes)


def test_a_restored_tally_keeps_its_values_through_switches_and_reloads(
    voila, browser, campaign_copy
):
    """Restore an old tally (saved by French Excel: Windows-1252), switch region and back,
    reload it from disk, reload the page: the file is the restored version, byte for byte,
    at every step, and nothing else is written."""
    from playwright.sync_api import expect

    tally = campaign_copy.root / "tallies" / "mtl-grand.csv"
    original = tally.read_text(encoding="utf-8").encode("cp1252")
    tally.write_bytes(original)
    save_tally_versions(campaign_copy.root, ["999"])
    backups = campaign_copy.root / ".backups"

    def kept():
        return len(list(backups.rglob("*")))

    assert b"ana,999," in tally.read_bytes() and "Événement".encode("cp1252") in tally.read_bytes()
    page = open_tally_versions(browser, voila)
    letters = page.locator(".ck-tally-ana-letters input")
    expect(letters).to_have_value("999")
    page.locator(".ck-versions-tallies .ck-version-restore").last.click()
    page.locator(".ck-confirm-versions-tallies .ck-confirm-yes").click()
    expect(page.locator(".ck-status-versions-tallies")).to_contain_text("rétablie")
    expect(letters).to_have_value("210")
    assert tally.read_bytes() == original, "restored: the accents and encoding too"
    written = kept()
    region = page.locator(".ck-region select")
    region.select_option(label="Mauricie")
    page.wait_for_function("() => location.search.includes('region=mauricie')")
    assert tally.read_bytes() == original
    region.select_option(label="Montréal")
    page.wait_for_function("() => location.search.includes('region=montreal')")
    page.wait_for_function(
        "() => document.querySelector('.ck-preview-caption')?.textContent.includes('Montréal')"
    )
    expect(letters).to_have_value("210")  # still on the Tallies tab
    assert tally.read_bytes() == original
    page.locator("button.ck-reload-tallies").click()
    expect(letters).to_have_value("210")
    expect(page.locator(".ck-header")).to_contain_text("tout est enregistré")
    assert tally.read_bytes() == original
    page.reload()
    page.wait_for_selector("img.ck-preview-img")
    page.locator(".lm-TabBar-tab").nth(2).click()
    expect(page.locator(".ck-tally-ana-letters input")).to_have_value("210")
    assert tally.read_bytes() == original and kept() == written, "nothing written since"


def test_the_longest_event_title_is_shown_whole_in_the_tally_chooser(
    campaign_copy, tmp_path, browser
):
    """A 60-character English title and its day used to be cut off in the closed list."""
    longest = "Write for Rights letter-writing marathon at Aline-Piche Library"[:60]
    campaign_copy.edit("events.csv", "Big test write-a-thon", longest)
    served, log = serve(campaign_copy.root, tmp_path)
    try:
        page = open_page(browser, served.page_url("region=montreal&lang=en"), locale="en-CA")
        page.locator(".lm-TabBar-tab").nth(2).click()
        chooser = page.locator(".ck-tally-event select")
        found = "(s, t) => [...s.options].findIndex(o => o.text.replace(/\\s+/g, ' ').includes(t))"
        chooser.select_option(index=chooser.evaluate(found, longest))
        text, room = chooser.evaluate(
            """s => { const style = getComputedStyle(s), pen = document.createElement("canvas")
                 .getContext("2d"); pen.font = style.font;
               const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
               return [pen.measureText(s.options[s.selectedIndex].text).width,
                       s.clientWidth - padding - 20]; }"""  # 20 px: the arrow
        )
        shown = chooser.evaluate("s => s.options[s.selectedIndex].text")
        assert longest in " ".join(shown.split()), shown
        assert text <= room, f"{text:.0f} px of text in {room:.0f} px"
    finally:
        stop(served, log)


def test_a_region_switch_stays_on_the_tab_shown(voila, browser):
    """A coordinator on the Tallies tab who switches region sees that region's tallies (the
    page used to fall back to the Events tab while the workbook stayed on Tallies)."""
    page = open_page(browser, voila.page_url("region=montreal"))
    page.locator(".lm-TabBar-tab").nth(2).click()
    page.wait_for_selector(".ck-tally-ana-letters input")
    region = page.locator(".ck-region select")
    for name, caption in (("Mauricie", "Mauricie"), ("Montréal", "Montréal")):
        region.select_option(label=name)
        page.wait_for_function(
            "c => document.querySelector('.ck-preview-caption')?.textContent.includes(c)",
            arg=caption,
        )
        time.sleep(1)
        shown = page.locator(".lm-TabBar-tab.lm-mod-current").text_content()
        assert shown == "Décomptes", f"after switching to {name}"
        assert page.locator(".ck-tally-event select").is_visible()
        assert "Feuille de décompte" in page.locator(".ck-preview-caption").text_content()
