"""`make bench-editor`: the workbook page in a real browser (Chromium), on a copy of cases/2023.

Prints, against the targets of issue 13:
- page usable: from asking for the page to the first event's fields being editable, with
  the preheated kernel ready (as when a coordinator opens the page), median of 20, in a new
  browser profile each time (nothing cached: the first visit). The preheated kernel makes
  the workbook of the region the page before it asked for, so the page is timed in rounds
  of five, alternated: the same region as the page before; another region (twice: to
  Mauricie and back); another region's save of the events file SAVED_BEFORE seconds
  before, after the kernel warmed up (the waiting kernel makes its workbook again); and the
  page asked for in a window just opened. The other four open their tab first and let the
  machine rest: a new Chromium window spends about 0.7 s of CPU on its own toolbar's page
  (--top-chrome-webui), which on 2 cores competes with the page being timed, where a
  coordinator's browser is already open. Then again in one profile (the browser's cache
  of the page's scripts warm: a coordinator coming back);
- preview on screen: the pages of the same region and of another, until their preview
  is drawn (it comes once the page's forms are: editor/page_script.Drawn);
- keystroke to preview: from typing into a field to the new preview on screen, median of 20;
- kernels left after 30 opens and closes, once the idle delay has passed (the delay is
  shortened here to IDLE seconds so the bench does not wait two minutes).
"""

import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import sync_playwright

from campaignkit import paths
from campaignkit.editor import server
from campaignkit.editor.browser import CHROMIUM, CHROMIUM_ARGS

RUNS = 20
OPENS = 30
IDLE = 10  # seconds: the idle delay used here (make app: server.IDLE_SECONDS)
REGION, OTHER_REGION = "estrie", "mauricie"
SAVED_BEFORE = 2  # seconds between another region's save and the page asked for
SHOT = Path(tempfile.gettempdir()) / "campaignkit-bench-editor-failed.png"
TIMEOUT_MS = 300_000


def line(name: str, value: str, target: str = ""):
    print(f"{name:<46} {value:>14}   {target}", flush=True)


def summary(name: str, seconds: list[float], target: str):
    line(name, f"{statistics.median(seconds):.2f}", target)
    line("  fastest, slowest (s)", f"{min(seconds):.2f}, {max(seconds):.2f}")


def start(campaign: Path, log: Path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    token = secrets.token_hex(16)
    options = [f"--MappingKernelManager.cull_idle_timeout={IDLE}"]
    process = psutil.Popen(
        server.command(port, token, *options),
        env=server.environment(campaign),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}/?token={token}&region="
        except OSError:
            if process.poll() is not None:
                sys.exit(log.read_text())
            time.sleep(0.2)


def kernels(log: Path) -> int:
    folder = re.search(r"Storing connection files in (\S+)\.", log.read_text()).group(1)
    return len(list(Path(folder).glob("kernel-*.json")))


def pool_ready(log: Path, fills: int):
    """Wait until Voila has refilled its pool and the new kernel has finished warming up."""
    while log.read_text().count("is filled with") < fills:
        time.sleep(0.2)
    at_rest()


def at_rest():
    """Wait until this bench's processes (Voila, its kernels, Chromium) use under a tenth
    of a core."""
    while True:
        busy = 0.0
        for child in psutil.Process().children(recursive=True):
            try:
                busy += child.cpu_percent(interval=0.3)
            except psutil.Error:
                pass
        if busy < 10:
            return
        time.sleep(0.2)


def page_usable(browser, url: str, context=None, window_at_rest=True) -> tuple[float, float]:
    """Seconds until the first event's fields are editable, and until its preview is on
    screen; `context`: a browser profile
    kept between pages (else a new one, nothing cached); `window_at_rest`: the new tab
    has finished opening before the page is asked for."""
    options = {"viewport": {"width": 1300, "height": 900}, "locale": "fr-CA"}
    page = (context or browser).new_page(**({} if context else options))
    page.set_default_timeout(TIMEOUT_MS)
    if window_at_rest:
        at_rest()
    begin = time.perf_counter()
    page.goto(url, wait_until="commit")
    try:
        page.locator(".ck-event-0 .ck-field-venue input").wait_for(state="visible")
    except Exception:
        page.screenshot(path=str(SHOT))
        raise
    seconds = time.perf_counter() - begin
    page.wait_for_selector("img.ck-preview-img")
    preview = time.perf_counter() - begin
    page.close(run_before_unload=True)
    return seconds, preview


ROUND = {  # the loads of one round: which time they count for, and the region asked for
    "same region": REGION,
    "other region": OTHER_REGION,
    "other region back": REGION,
    "file changed": REGION,
    "new window": REGION,
}


FIRST_VISIT = [  # what is printed of the rounds: label, times, target
    ("page usable, same region as before (s)", "same region", "target ≤ 1.5 s, median of 20"),
    ("  another region than before (s)", "other region", "target ≤ 1.5 s, median of 40"),
    ("  another region saved 2 s before (s)", "file changed", "target ≤ 1.5 s, median of 20"),
    ("  asked for as its window opens (s)", "new window", "as measured before, median of 20"),
]


def another_region_saves(campaign: Path):
    """What Montréal saving its events does to the shared events file: one venue changed."""
    events = campaign / "events.csv"
    text = events.read_text(encoding="utf-8")
    before, after = "Café L'Encre", "Café L'Encrier"
    events.write_text(
        text.replace(before, after) if before in text else text.replace(after, before),
        encoding="utf-8",
    )


def keystroke_to_preview(browser, url: str) -> list[float]:
    page = browser.new_page(viewport={"width": 1300, "height": 900}, locale="fr-CA")
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector("img.ck-preview-img")
    venue = page.locator(".ck-event-0 .ck-field-venue input")
    venue.click()
    times = []
    for n in range(RUNS + 1):
        old = page.locator("img.ck-preview-img").get_attribute("src")
        begin = time.perf_counter()
        page.keyboard.type(str(n % 10))
        page.wait_for_function(
            "old => document.querySelector('img.ck-preview-img')?.src !== old", arg=old
        )
        if n:  # the first one warms the page up
            times.append(time.perf_counter() - begin)
    page.close(run_before_unload=False)
    return times


def main():
    work = Path(tempfile.mkdtemp(prefix="campaignkit-bench-editor-"))
    campaign = work / "2023"
    shutil.copytree(paths.DEFAULT_CAMPAIGN, campaign)
    log = work / "voila.log"
    process, base = start(campaign, log)
    print(f"campaignkit bench — the editor page in Chromium, {psutil.cpu_count()} cores\n")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            fills, url = 0, base + REGION
            times: dict[str, list[float]] = {name: [] for name in ROUND}
            previews: dict[str, list[float]] = {name: [] for name in ROUND}
            for _ in range(RUNS):  # alternated: the machine's pace changes by the minute
                for name, region in ROUND.items():
                    fills += 1
                    pool_ready(log, fills)
                    if name == "file changed":  # after the warm-up: its workbook is out of date
                        another_region_saves(campaign)
                        time.sleep(SAVED_BEFORE)
                    usable, preview = page_usable(
                        browser, base + region, window_at_rest=name != "new window"
                    )
                    times[name.removesuffix(" back")].append(usable)
                    previews[name.removesuffix(" back")].append(preview)
            for label, name, target in FIRST_VISIT:
                summary(label, times[name], target)
            for name in ("same region", "other region"):
                label = f"  preview on screen, {name} (s)"
                summary(label, previews[name], "after the forms; no target")
            context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="fr-CA")
            again = []
            for n in range(RUNS + 1):
                fills += 1
                pool_ready(log, fills)
                seconds, _ = page_usable(browser, url, context)
                if n:  # the first one fills the cache
                    again.append(seconds)
            context.close()
            summary("page usable, scripts cached, median of 20 (s)", again, "target ≤ 1.5 s")
            pool_ready(log, fills + 1)
            typed = keystroke_to_preview(browser, url)
            line(
                "keystroke to preview, median of 20 (s)",
                f"{statistics.median(typed):.2f}",
                "target ≤ 0.5 s",
            )
            for n in range(OPENS):
                page = browser.new_page()
                page.set_default_timeout(TIMEOUT_MS)
                page.goto(url)
                page.locator(".ck-event-0 .ck-field-venue input").wait_for(state="visible")
                page.close(run_before_unload=n % 2 == 0)  # half close as a tab does, half crash
            browser.close()
        time.sleep(IDLE + 2 * server.CULL_EVERY)
        line(
            f"kernels left after {OPENS} opens, idle delay over",
            str(kernels(log)),
            "target ≤ 3 (1 is the preheated pool)",
        )
    except Exception:
        print(f"\nthe page did not become usable; screenshot: {SHOT}; server log:\n", flush=True)
        print(log.read_text()[-4000:], flush=True)
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
