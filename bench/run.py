"""`make bench`: speed and memory of the batch, as ratios taken in one run."""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from campaignkit import paths

sys.path.insert(0, str(Path(__file__).parent))
from floor import distinct  # noqa: E402
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
JOBS = 2


NO_KEEPING = {"CAMPAIGNKIT_KEEP_KERNELS": "0"}  # the build shuts its kernels down at its end
LAST_OUTPUT = [""]  # the last line the last command printed (the build's count of jobs)


@dataclass
class Measure:
    """One command: wall time, the peak memory of any one of its child processes, and CPU
    seconds (its own, its children's, and the whole machine's busy share)."""

    seconds: float
    peak: int
    own_cpu: float
    children_cpu: float
    busy: float  # of every core, over the command's run (other processes included)


def run(args: list[str], env: dict | None = None) -> Measure:
    """Run a command and measure it; exit with its output when it fails."""
    start, machine = time.perf_counter(), psutil.cpu_times()
    env = {**os.environ, **(env or {})}
    process = psutil.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    peak, cpu = 0, {}
    while process.poll() is None:
        try:
            for child in process.children(recursive=True):
                peak = max(peak, child.memory_info().rss)
                cpu[child.pid] = sum(child.cpu_times()[:2])
            cpu[process.pid] = sum(process.cpu_times()[:2])
        except psutil.Error:
            pass
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    output = process.stdout.read()
    if process.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{output}")
    LAST_OUTPUT[0] = (output.strip().splitlines() or [""])[-1]
    own = cpu.pop(process.pid, 0.0)
    return Measure(elapsed, peak, own, sum(cpu.values()), busy_share(machine))


def busy_share(since) -> float:
    """The share of every core's time spent working since `since` (psutil.cpu_times());
    guest time is already counted in user time."""
    now = psutil.cpu_times()
    spent = {field: getattr(now, field) - getattr(since, field) for field in now._fields}
    resting = spent["idle"] + spent.get("iowait", 0)
    total = sum(spent.values()) - spent.get("guest", 0) - spent.get("guest_nice", 0)
    return 1 - resting / max(total, 1e-9)


def build(campaign: Path, out: Path, *extra: str, env: dict | None = None) -> Measure:
    args = [str(BIN / "campaignkit"), "build", str(campaign), "--out-dir", str(out)]
    return run([*args, "--jobs", str(JOBS), *extra], env)


def where_the_rest_goes(manifest_path: Path, forced: float, floor: float):
    """From the timings the build records per job: its notebook running, waiting for its
    kernel, checking its outputs; per worker, and the rest (planning, gallery, idle)."""
    import json

    jobs: dict[str, dict] = {}
    for entry in json.loads(manifest_path.read_text())["outputs"].values():
        job = jobs.setdefault(entry["notebook"], {})
        for key in ("seconds", "kernel_seconds", "checks_seconds"):
            job[key] = max(job.get(key, 0), entry.get(key) or 0)
    spent = {
        key: sum(job[key] for job in jobs.values()) / JOBS for key in next(iter(jobs.values()))
    }
    running = spent["seconds"]
    line("  notebooks running, per worker (s)", f"{running:.1f}", f"({len(jobs)} jobs)")
    line("    of which above the floor (s)", f"{running - floor / JOBS:.1f}", "papermill, kit")
    line("  kernels starting and resetting (s)", f"{spent['kernel_seconds']:.1f}")
    line("  preflight and thumbnails (s)", f"{spent['checks_seconds']:.1f}", "in the parent")
    rest = forced - running - spent["kernel_seconds"] - spent["checks_seconds"]
    line("  the rest (s)", f"{rest:.1f}", "imports, plan, gallery, idle")


def cpu_of_the_build(measure: Measure, floor_cpu: float):
    """Where the build's CPU went, against the floor's: on a machine whose cores are all
    busy, the CPU the kit adds is what its wall time loses."""
    total = measure.own_cpu + measure.children_cpu
    line("CPU of the build (s)", f"{total:.1f}", f"× {total / floor_cpu:.2f} of the floor's")
    line("  kernels, rendering (s)", f"{measure.children_cpu:.1f}", f"floor: {floor_cpu:.1f}")
    line("  the build's own process (s)", f"{measure.own_cpu:.1f}", "papermill, checks, manifest")
    line("  cores busy during the build", f"{measure.busy:.0%}", "others' work included")


def print_shop(campaign: Path, out: Path):
    """The print-shop bundle of the build's outputs, on one process and on JOBS."""
    args = [str(BIN / "campaignkit"), "print-shop", str(campaign), "--out-dir", str(out)]
    bundle = out / campaign.name / "print-shop.zip"
    alone = run([*args, "--jobs", "1"])
    made_alone = bundle.read_bytes()
    together = run([*args, "--jobs", str(JOBS)])
    same = "the same bundle, to the byte" if bundle.read_bytes() == made_alone else "DIFFERENT"
    line("print-shop bundle, one process (s)", f"{alone.seconds:.1f}")
    line(f"  on {JOBS} processes (s)", f"{together.seconds:.1f}", same)
    line("  one ÷ two", f"{alone.seconds / together.seconds:.2f}", f"ideal {JOBS}")
    line("  peak memory of one process (MB)", f"{together.peak / 1e6:.0f}")


def sum_floor(script: str, work: Path, *how: str) -> Measure:
    """One measure of the floor (`run`: one process; `parallel N`: N at once)."""
    return run([sys.executable, script, how[0], str(work / "floor"), *how[1:]])


def spread(values: list[float]) -> str:
    """The mean of measures taken before and after the build, and how far apart they were:
    the machine's own speed changes from minute to minute."""
    low, high = min(values), max(values)
    return f"{statistics.mean(values):.1f} ({low:.1f}–{high:.1f})"


def line(name: str, value: str, target: str = ""):
    print(f"{name:<46} {value:>14}   {target}")


def main():
    work = Path(tempfile.mkdtemp(prefix="campaignkit-bench-"))
    campaign = work / "2023"
    shutil.copytree(paths.DEFAULT_CAMPAIGN, campaign)
    print(f"campaignkit bench — {JOBS} workers, {psutil.cpu_count()} cores\n")

    floor_script = str(Path(__file__).parent / "floor.py")
    subprocess.run([sys.executable, floor_script, "dump", str(campaign), str(work / "floor")])
    alone = [sum_floor(floor_script, work, "run")]
    direct_script = str(Path(__file__).parent / "direct.py")
    direct = run([sys.executable, direct_script, str(campaign), str(work / "direct")]).seconds
    together = [sum_floor(floor_script, work, "parallel", str(JOBS)).seconds]
    forced_build = build(campaign, work / "out", "--force")
    forced, peak = forced_build.seconds, forced_build.peak
    together.append(sum_floor(floor_script, work, "parallel", str(JOBS)).seconds)
    alone.append(sum_floor(floor_script, work, "run"))
    floor_cpu = statistics.mean(measure.own_cpu for measure in alone)
    floor_alone = [measure.seconds for measure in alone]
    floor, together_mean = statistics.mean(floor_alone), statistics.mean(together)
    line("floor: WeasyPrint alone, one process (s)", spread(floor_alone), "same HTML documents")
    line(
        f"  the same on {JOBS} processes at once (s)",
        spread(together),
        f"× {together_mean / (floor / JOBS):.2f} of floor / workers: the machine's own loss",
    )
    line("direct render, one process (s)", f"{direct:.1f}")
    line("campaignkit build --force (s)", f"{forced:.1f}", "between the two floors")
    line("R = build / direct", f"{forced / direct:.2f}", "target ≤ 1.0")
    line("direct / floor", f"{direct / floor:.2f}", "the kit's own work per page")
    line("build / (floor / workers)", f"{forced / (floor / JOBS):.2f}", "target ≤ 1.15")
    line("build / floor on workers at once", f"{forced / together_mean:.2f}", "the kit's loss")
    count, share = distinct(work / "floor")
    unique = share * floor
    laid_out = len(list((work / "out" / ".cache" / "pages").glob("*.pdf")))
    line("  documents that differ, floor of one each (s)", f"{unique:.1f}", f"({count} documents)")
    line("  documents the build laid out", f"{laid_out}", "the same page is taken again")
    line("build / (that floor / workers)", f"{forced / (unique / JOBS):.2f}", "the kit's own cost")
    where_the_rest_goes(work / "out" / "2023" / "manifest.json", forced, floor)
    cpu_of_the_build(forced_build, floor_cpu)

    from campaignkit import load_campaign
    from campaignkit.batch.build import plan

    jobs = plan(load_campaign(campaign), out_dir=work / "pm")
    sample = jobs[:6]
    start = time.perf_counter()
    for job in sample:
        args = [str(BIN / "papermill"), str(paths.NOTEBOOKS / job.notebook), str(work / "pm.ipynb")]
        for key, value in job.parameters.items():
            args += (
                ["-y", f"{key}: {value!r}"] if isinstance(value, list) else ["-p", key, str(value)]
            )
        subprocess.run(args, check=True, capture_output=True)
    per_job = (time.perf_counter() - start) / len(sample)
    line("plain papermill loop, per job (s)", f"{per_job:.2f}", f"(measured on {len(sample)} jobs)")
    line(
        "R(papermill loop) = loop / direct",
        f"{per_job * len(jobs) / direct:.2f}",
        f"({len(jobs)} jobs)",
    )

    noop = build(campaign, work / "out").seconds
    line("no-op rebuild (s)", f"{noop:.2f}", "target ≤ 1 s")
    events = campaign / "events.csv"
    changed = []
    for venue, edited in [
        ("Café L'Encrier", "Café L'Encre"),
        ("Café L'Encre", "Café L'Encrier"),
    ] * 3:
        events.write_text(events.read_text(encoding="utf-8").replace(venue, edited))
        changed.append(build(campaign, work / "out").seconds)
    line(
        "one event changed, rebuild, median of 6 (s)",
        f"{statistics.median(changed):.2f}",
        f"target ≤ 3 s ({min(changed):.2f}–{max(changed):.2f})",
    )
    line("  jobs", LAST_OUTPUT[0], "in the kernels the last build kept")
    events.write_text(events.read_text(encoding="utf-8").replace("Café L'Encrier", "Café L'Encre"))
    cold = build(campaign, work / "out", env=NO_KEEPING).seconds
    line("  the same, no kernel kept (s)", f"{cold:.2f}", "kernels started by the build")

    print_shop(campaign, work / "out")

    from campaignkit.printing.preview import latency

    data = load_campaign(campaign)
    latencies = latency(data, "poster", "montreal", "fr", runs=20)
    line(
        "editor preview, median of 20 (s)", f"{statistics.median(latencies):.3f}", "target ≤ 0.5 s"
    )

    import json

    manifest = json.loads((work / "out" / "2023" / "manifest.json").read_text())
    pages = sum(entry["pages"] for entry in manifest["outputs"].values())
    line("pages per second per worker", f"{pages / forced / JOBS:.1f}", f"({pages} pages)")
    line("peak memory of one worker, sample (MB)", f"{peak / 1e6:.0f}", "target ≤ 600 MB")

    times = {}
    for count in (100, 1000):
        generated = generate(work / f"gen{count}", regions=100, events=count)
        measure = build(
            generated, work / f"gen-out{count}", "--force", "--lang", "fr", env=NO_KEEPING
        )
        times[count], peak = measure.seconds, measure.peak
        line(f"100 regions, {count} events, fr (s)", f"{times[count]:.1f}")
        line("  peak memory of one worker (MB)", f"{peak / 1e6:.0f}", "target ≤ 600 MB")
    line(
        "growth 100 → 1,000 events (time ratio)", f"{times[1000] / times[100]:.2f}", "linear: ≤ 10"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
