"""First render of every dashboard page, in headless Chromium, on a fresh server.

Run: .venv/bin/python benchmarks/bench_dashboard.py [--patients 100000]
Without --patients it measures the working copy's own outputs (the default cohort, after
`make run`). With --patients N it builds a workspace in a temporary folder: a synthetic
cohort of N patients (`synthesize`), `ingest`, the `outcomes` stage and the `summaries` stage
(raw message text standing in for de-identified text: only speed is measured there), plus
this working copy's bias-audit, model and MLflow outputs, which do not grow with the cohort.

For each page: a new browser page on a server started for this run (so every page's data is
read cold), time from navigation until the page's last section is on screen. Appends a
section to benchmarks/RESULTS.md with the machine and the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# page path -> text of its last section (on screen = the page has rendered)
PAGES = {
    "": "Patients by site and arm",
    "outcomes": "Retention",
    "bias_audit": "Report and review queue",
    "model_runs": "Calibration (after temperature scaling)",
    "clinician": "Pre-session summary:",
}


def build_workspace(n: int, folder: Path) -> None:
    """A workspace with params.yaml and every output the pages read, for n patients."""
    import polars as pl

    from pipelines.ingest import ingest
    from pipelines.outcomes import compute, report, scan_inputs
    from pipelines.params import load_params
    from pipelines.summaries import build
    from pipelines.synthesize import synthesize

    p = load_params(ROOT / "params.yaml")
    raw = yaml.safe_load((ROOT / "params.yaml").read_text())
    raw["paths"] = {
        "raw": "raw",
        "interim": "interim",
        "processed": "processed",
        "reports": "reports",
    }
    raw["mlflow"]["tracking_uri"] = "sqlite:///mlruns/mlflow.db"
    (folder / "params.yaml").write_text(yaml.safe_dump(raw))
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


def measure(workspace: Path, only: str | None = None) -> dict[str, float]:
    """Seconds to the first full render of each page (or only one), cold caches."""
    from playwright.sync_api import sync_playwright

    from dashboards.serve import launch_chromium, served

    out = {}
    with served(workspace) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        for path, last in PAGES.items():
            if only is not None and path != only:
                continue
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t = time.perf_counter()
            page.goto(f"{base}/{path}")
            page.get_by_text(last).first.wait_for(state="attached", timeout=120_000)
            out[path or "cohort"] = time.perf_counter() - t
            page.close()
        browser.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--patients", type=int, default=0, help="build an N-patient workspace")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.patients:
        folder = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
        try:
            build_workspace(args.patients, folder)
            times = measure(folder)
            alone = {k: measure(folder, only=k)[k or "cohort"] for k in PAGES}
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        label = f"{args.patients:,}-patient synthetic cohort"
    else:
        times = measure(ROOT)
        alone = {k: measure(ROOT, only=k)[k or "cohort"] for k in PAGES}
        label = "the default cohort (this working copy's outputs)"
    lines = [
        "",
        f"## Dashboard first render, {label}, {dt.date.today()}",
        "",
        f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python "
        f"{platform.python_version()}; Debian chromium headless. Command: `.venv/bin/python "
        f"benchmarks/bench_dashboard.py {' '.join(sys.argv[1:])}`. A fresh server; for each "
        "page a new browser page, timed from navigation until its last section is on screen: "
        "the pages in menu order on one fresh server, and each page alone as the first page "
        "of its own fresh server (the worst case: nothing imported or cached yet).",
        "",
        "| page | in menu order, s | opened first on a fresh server, s |",
        "|---|---|---|",
        *[
            f"| {k} | {v:.2f} | {alone[k if k != 'cohort' else '']:.2f} |"
            for k, v in times.items()
        ],
    ]
    print("\n".join(lines))
    if not args.no_write:
        with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
