"""First render of every dashboard page, in headless Chromium, on a fresh server.

Run from the repository root: .venv/bin/python -m benchmarks.bench_dashboard [--patients 100000]
(as a module, so that it finds the browser-test harness in tests/harness.py).
Without --patients it measures the working copy's own outputs (the default cohort, after
`make run`). With --patients N it builds a workspace in a temporary folder: a synthetic
cohort of N patients (`synthesize`), `ingest`, the `outcomes` stage and the `summaries` stage
(raw message text standing in for de-identified text: only speed is measured there), plus
this working copy's bias-audit, model and MLflow outputs, which do not grow with the cohort.

For each page, its first visit on a server started for this run (which loads the pages' data
and libraries before it answers: dashboards/server.py), opened three ways (`measure`): in a
new browser context (empty HTTP cache), in a new tab of one browser, or from the menu. Time
from navigation until the page's last section is on screen and its charts and tables are
drawn; each mode repeated (--repeats), median and slowest run reported. Each of those runs
twice, alternated: with the server, the browser and playwright's driver sharing every core
(as in the end-to-end test), and with the server on one core and the browser on the
other(s), as when the browser runs on a user's machine and not on the server's cores. In
the same rounds, an empty Streamlit page served and opened the same way (`empty_page`): what
Streamlit itself costs on this machine, the floor under every page. Appends a section to
benchmarks/RESULTS.md with the machine and the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# page path -> text of its last section (on screen = the page has rendered)
PAGES = {
    "": "Patients by site and arm",
    "outcomes": "Retention",
    "bias_audit": "Report and review queue",
    "model_runs": "Calibration (after temperature scaling)",
    "clinician": "Pre-session summary:",
}
VIEWPORT = {"width": 1400, "height": 1000}
MODES = {"browser": "new browser", "tab": "new tab", "menu": "from the menu"}
# shared: server, browser and driver on every core, as in the end-to-end test. split: the
# server on one core and the browser on the rest, as when the browser is a user's machine
PLACEMENTS = {
    "shared": "server and browser share all cores",
    "split": "server on one core, browser and its driver on the other(s)",
}
TITLES = {
    "": "Program cohort",
    "outcomes": "Program outcomes",
    "bias_audit": "Bias audit",
    "model_runs": "Model runs",
    "clinician": "Clinician view",
}


def build_workspace(n: int, folder: Path) -> None:
    """A workspace with params.yaml and every output the pages read, for n patients."""
    import polars as pl

    from pipelines.clinical.outcomes import compute, report, scan_inputs
    from pipelines.clinical.summary import build
    from pipelines.core.contract import ingest
    from pipelines.core.params import load_params
    from pipelines.synth.generate import synthesize
    from tests.harness import write_workspace_params

    p = load_params(ROOT / "params.yaml")
    write_workspace_params(folder)
    t = time.perf_counter()
    syn = synthesize(p.synthesize.model_copy(update={"n_patients": n}), p.seed, folder / "raw")
    (folder / "reports").mkdir()
    (folder / "reports" / "synthesize.json").write_text(json.dumps(syn, default=str))
    ing = ingest(folder / "raw", folder / "interim", 50)
    (folder / "reports" / "ingest.json").write_text(json.dumps(ing, default=str))
    res = compute(scan_inputs(folder / "interim"), p.outcomes, p.screening)
    out = folder / "processed" / "outcomes"
    out.mkdir(parents=True)
    for name, df in res.items():
        if not name.startswith("_"):
            df.write_parquet(out / f"{name}.parquet")
    (folder / "reports" / "outcomes.json").write_text(json.dumps(report(res, p.outcomes)))
    interim = folder / "interim"
    tables = {
        "patients": pl.scan_parquet(interim / "patients.parquet"),
        "weekly_measures": pl.scan_parquet(interim / "weekly_measures.parquet"),
        "engagement": pl.scan_parquet(interim / "engagement.parquet"),
        "messages": pl.scan_parquet(interim / "transcripts.parquet"),
        "wearables": pl.scan_parquet(interim / "daily_wearables.parquet"),
        "scores": None,
    }
    summaries, feed, _ = build(tables, p.summaries, res["screening"])
    sdir = folder / "processed" / "summaries"
    sdir.mkdir(parents=True)
    feed.write_parquet(sdir / "alerts.parquet")
    with (sdir / "summaries.jsonl").open("w") as fh:
        for s in summaries:
            fh.write(json.dumps(s, default=str, sort_keys=True) + "\n")
    for rel in ("data/processed/bias_audit", "data/reports/plots"):
        src = ROOT / rel
        if src.exists():
            shutil.copytree(src, folder / rel.replace("data/", ""))
    shutil.copy2(ROOT / "data" / "reports" / "deidentify.json", folder / "reports")
    (folder / "mlruns").mkdir()
    shutil.copy2(ROOT / "mlruns" / "mlflow.db", folder / "mlruns" / "mlflow.db")
    print(f"workspace for {n:,} patients built in {time.perf_counter() - t:.0f} s", flush=True)


# charts (SVG images from the server) and sortable tables (glide data grid) appear after their
# elements arrive: a page counts as rendered when its last section is there and as many of
# them are drawn as the page shows once settled
DRAWN = """([text, charts, grids]) => {
    if (!document.body.innerText.includes(text)) return false;
    const c = [...document.querySelectorAll('[data-testid="stImage"] img')]
        .filter(i => i.complete && i.naturalWidth > 0).length;
    const g = [...document.querySelectorAll('[data-testid="stDataFrame"]')]
        .filter(e => e.querySelector('canvas')).length;
    return c >= charts && g >= grids;
}"""
COUNT = """() => [document.querySelectorAll('[data-testid="stImage"] img').length,
               document.querySelectorAll('[data-testid="stDataFrame"]').length]"""


def element_counts(workspace: Path) -> dict[str, tuple[int, int]]:
    """Charts and tables each page shows once it has settled (an untimed visit)."""
    from playwright.sync_api import sync_playwright

    from tests.harness import launch_chromium, served

    out = {}
    with served(workspace) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for path, last in PAGES.items():
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(f"{base}/{path}")
            page.get_by_text(last).first.wait_for(state="attached", timeout=120_000)
            page.wait_for_timeout(4000)
            out[path] = tuple(page.evaluate(COUNT))
            page.close()
        browser.close()
    return out


def _timed(page, last: str, counts: tuple[int, int], t: float) -> tuple[float, float]:
    """Seconds since t until the last section is on screen, and until all is drawn."""
    page.get_by_text(last).first.wait_for(state="attached", timeout=120_000)
    content = time.perf_counter() - t
    page.wait_for_function(DRAWN, arg=[last, *counts], timeout=120_000)
    return content, time.perf_counter() - t


def measure(
    workspace: Path, counts: dict[str, tuple[int, int]], mode: str, split: bool = False
) -> dict[str, Any]:
    """One fresh server and browser, every page's first visit on that server, each page:
    - "browser": opened by its URL in a new browser context (an empty HTTP cache: a first
      visit ever, or a private window);
    - "tab": opened by its URL in a new tab of one browser (tabs share the HTTP cache, so
      the app's scripts load from it after the first page);
    - "menu": reached from the menu of one tab.
    The first page, cohort, is opened by its URL in all three: a browser's first visit.
    `split`: the server on the first core, this process, the playwright driver and the
    browser (which inherit it) on the others; otherwise all share every core."""
    every = os.sched_getaffinity(0)
    server_cpus = {min(every)} if split else None
    if server_cpus:
        os.sched_setaffinity(0, every - server_cpus)
    try:
        return _visit(workspace, counts, mode, server_cpus)
    finally:
        os.sched_setaffinity(0, every)


def _visit(
    workspace: Path,
    counts: dict[str, tuple[int, int]],
    mode: str,
    server_cpus: set[int] | None,
) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    from tests.harness import launch_chromium, served

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    with served(workspace, cpus=server_cpus) as base, sync_playwright() as pw:
        out["server start"] = time.perf_counter() - t0
        browser = launch_chromium(pw)
        context = browser.new_context(viewport=VIEWPORT)
        page = None
        for path, last in PAGES.items():
            # The clock starts at the navigation, as a user's wait does: making the browser
            # context or tab is the driver's work (0.14-0.35 s here), not the page's.
            if mode == "menu" and page is not None:
                t = time.perf_counter()
                page.locator('[data-testid="stSidebarNav"] a', has_text=TITLES[path]).click()
            else:
                if mode == "browser":
                    page = browser.new_context(viewport=VIEWPORT).new_page()
                else:
                    page = context.new_page()
                t = time.perf_counter()
                page.goto(f"{base}/{path}")
            out[path or "cohort"] = _timed(page, last, counts[path], t)
        browser.close()
    return out


# the reference: what Streamlit itself costs here, served and opened the same way
EMPTY_APP = """import streamlit as st
st.set_page_config(page_title="empty", layout="wide")
st.title("An empty page")
st.write("Its last line")
"""
EMPTY = "empty Streamlit page (reference)"


def empty_page(mode: str) -> tuple[float, float]:
    """An empty Streamlit page opened by URL as the dashboard's pages are after the first:
    in a new browser context, or in a second tab of one browser (the first, untimed, fills
    the HTTP cache). Shared cores only."""
    from playwright.sync_api import sync_playwright

    from tests.harness import launch_chromium, served

    with tempfile.TemporaryDirectory(prefix="bench-empty-") as tmp:
        app = Path(tmp) / "empty.py"
        app.write_text(EMPTY_APP)
        # the dashboard's Streamlit options (no usage statistics, the same toolbar)
        shutil.copytree(ROOT / "dashboards" / ".streamlit", Path(tmp) / ".streamlit")
        with served(Path(tmp), script=app) as base, sync_playwright() as pw:
            browser = launch_chromium(pw)
            context = browser.new_context(viewport=VIEWPORT)
            if mode == "tab":
                first = context.new_page()
                first.goto(base)
                first.get_by_text("Its last line").wait_for(timeout=120_000)
            else:
                context = browser.new_context(viewport=VIEWPORT)
            page = context.new_page()
            t = time.perf_counter()
            page.goto(base)
            page.get_by_text("Its last line").wait_for(timeout=120_000)
            seconds = time.perf_counter() - t
            browser.close()
    return seconds, seconds


def repeated(workspace: Path, repeats: int) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """`repeats` fresh servers per mode and core placement, after counting what each page
    shows once settled; the placements alternate, so both see the same machine load."""
    counts = element_counts(workspace)
    print("charts and tables per page:", counts, flush=True)
    # one core cannot be split between server and browser: measure "shared" only there
    placements = PLACEMENTS if len(os.sched_getaffinity(0)) > 1 else {"shared": ""}
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {
        p: {m: [] for m in MODES} for p in placements
    }
    for _ in range(repeats):
        for mode in MODES:
            for placement in placements:
                runs[placement][mode].append(
                    measure(workspace, counts, mode, split=placement == "split")
                )
            if mode != "menu":
                runs["shared"][mode][-1][EMPTY] = empty_page(mode)
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=0, help="build an N-patient workspace")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.patients:
        folder = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
        try:
            build_workspace(args.patients, folder)
            runs = repeated(folder, args.repeats)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        label = f"{args.patients:,}-patient synthetic cohort"
    else:
        runs = repeated(ROOT, args.repeats)
        label = "the default cohort (this working copy's outputs)"

    def cell(placement: str, mode: str, page: str, which: int) -> str:
        values = [r[page][which] for r in runs[placement][mode] if page in r]
        if not values:
            return "-"
        return f"{statistics.median(values):.2f} (max {max(values):.2f})"

    starts = [r["server start"] for p in runs.values() for m in p.values() for r in m]
    lines = [
        "",
        f"## Dashboard first render, {label}, {dt.date.today()}",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}; Debian chromium headless. Command: `.venv/bin/python "
        f"-m benchmarks.bench_dashboard {' '.join(sys.argv[1:])}`. Every page's first visit "
        f"on a fresh server and browser ({args.repeats} of each per mode and placement, "
        "alternated), each page opened by its URL in a new browser context (empty HTTP "
        "cache: a first visit ever, or a private window), by its URL in a new tab of one "
        "browser (tabs share the HTTP cache), or reached from the menu of one tab; the first "
        "page, cohort, is opened by its URL in all three. Two times per page, from the "
        "navigation (the URL asked for, or the menu link clicked; making the context or tab "
        "is not counted): until its last section is on screen (content), and until all its "
        "charts and tables are drawn too (drawn). Median over the servers (slowest). "
        "Server start (launch until it answers, "
        f"cache warm-up included): median {statistics.median(starts):.1f} s (slowest "
        f"{max(starts):.1f} s). The last row of the first table is the reference: an empty "
        "Streamlit page (a title and a line) served and opened by URL the same way, in the "
        "same rounds (in a new tab: the second tab, after a first one filled the cache).",
    ]
    for placement in runs:
        title = PLACEMENTS[placement]
        lines += [
            "",
            f"{title[0].upper()}{title[1:]}:",
            "",
            "| page | "
            + " | ".join(f"{m}, {w} s" for m in MODES.values() for w in ("content", "drawn"))
            + " |",
            "|---" * (1 + 2 * len(MODES)) + "|",
            *[
                f"| {k} | "
                + " | ".join(cell(placement, m, k, w) for m in MODES for w in (0, 1))
                + " |"
                for k in [p or "cohort" for p in PAGES] + [EMPTY] * (placement == "shared")
            ],
        ]
    print("\n".join(lines))
    if not args.no_write:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
