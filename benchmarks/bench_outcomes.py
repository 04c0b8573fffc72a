"""Outcomes at scale: polars stage vs the pandas reference, time and peak memory.

Run: .venv/bin/python benchmarks/bench_outcomes.py --sizes 10000 100000 1000000
Appends a section to benchmarks/RESULTS.md with the machine and the command.

For each size a seeded generator writes contract-shaped tables (patients; 26 weekly measures
per patient with 10% of weeks after baseline missed; 12 pre-enrolment + 26 program weeks of
engagement; crisis events) as Parquet. Then, each in its own fresh process, so peak RSS is
that implementation's alone:

- `polars`: `patient_outcomes` + `program_table` (the shared aggregation);
- `pandas`: the same in pandas (benchmarks/outcomes_pandas.py; a test checks both agree);
- `stage`: the whole stage's computation (`compute`: also trends, comparisons, retention,
  screening) and writing its Parquet outputs.

Both implementations read only the columns they need. The two aggregations' results are
compared at every size before timings are reported.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
WEEKS = 26
PRE_WEEKS = 12

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from pipelines.core.params import load_params
kind, folder, out = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
p = load_params()
# Imports happen before the clock starts: only the computation is timed.
if kind == "pandas":
    sys.path.insert(0, "benchmarks")
    from outcomes_pandas import patient_outcomes_pd, program_table_pd
else:
    from pipelines.clinical.outcomes import (PATIENT_METRICS, compute, patient_outcomes,
                                             program_table, scan_inputs)
t0 = time.perf_counter()
if kind == "polars":
    pts = patient_outcomes(scan_inputs(folder), p.outcomes).collect()
    stats = program_table(pts.lazy(), p.outcomes, PATIENT_METRICS)
    seconds = time.perf_counter() - t0
    stats.write_parquet(out)
elif kind == "pandas":
    pts = patient_outcomes_pd(folder, p.outcomes)
    stats = program_table_pd(pts, p.outcomes)
    seconds = time.perf_counter() - t0
    stats.to_parquet(out)
else:
    tables = compute(scan_inputs(folder), p.outcomes, p.screening)
    out.mkdir()
    for name, df in tables.items():
        if not name.startswith("_"):
            df.write_parquet(out / f"{name}.parquet")
    seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_rss_gb": peak / 1e6}))
"""


def generate(n: int, folder: Path, seed: int = 7) -> dict[str, int]:
    """Contract-shaped tables for `n` patients x 26 weeks (numpy, vectorised, seeded)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True)
    ids = pa.array([f"pt-{i:014x}" for i in rng.permutation(n)])
    start = np.datetime64("2025-01-06")
    enrol = start + rng.integers(0, 26 * 7, n).astype("timedelta64[D]")
    arm = rng.random(n) < 0.5

    def cat(values: list[str]) -> pa.Array:
        return pa.array(np.asarray(values)[rng.integers(0, len(values), n)])

    pq.write_table(
        pa.table(
            {
                "patient_id": ids,
                "site": cat([f"S{i:02d}" for i in range(1, 7)]),
                "arm": pa.array(np.where(arm, "ai_hybrid", "usual_care")),
                "enrolment_date": pa.array(enrol.astype("datetime64[D]")),
                "end_date": pa.array(
                    (enrol + np.timedelta64(WEEKS * 7, "D")).astype("datetime64[D]")
                ),
                "age_band": cat(["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"]),
                "gender": cat(["female", "male", "nonbinary", "not_stated"]),
                "race_ethnicity": cat(
                    ["asian", "black", "hispanic_latino", "white", "multiracial"]
                ),
                "primary_language": cat(["english", "spanish", "chinese", "other"]),
                "rurality": cat(["urban", "rural"]),
                "insurance": cat(["private", "medicaid", "medicare", "uninsured"]),
                "pcptsd5_total": pa.array(rng.integers(0, 6, n)),
            }
        ),
        folder / "patients.parquet",
    )
    # Weekly measures: recovery towards a floor, noise, 10% of later weeks missed.
    pid = np.repeat(np.arange(n), WEEKS)
    week = np.tile(np.arange(WEEKS), n)
    keep = (week == 0) | (rng.random(n * WEEKS) >= 0.10)
    pid, week = pid[keep], week[keep]
    base = np.clip(rng.normal(13.5, 5.5, n), 0, 27)
    rate = np.where(arm, 0.096, 0.06)
    phq = base[pid] * np.exp(-rate[pid] * week) + rng.normal(0, 2, pid.size)
    phq = np.clip(np.rint(phq), 0, 27).astype(np.int64)
    gad = np.clip(np.rint(phq * 0.75 + rng.normal(0, 2, pid.size)), 0, 21).astype(np.int64)
    wem = np.clip(np.rint(60 - phq + rng.normal(0, 3, pid.size)), 14, 70).astype(np.int64)
    item9 = np.minimum(rng.poisson(np.maximum(phq - 12, 0) / 10), 3)
    dates = enrol[pid] + (week * 7).astype("timedelta64[D]")
    pq.write_table(
        pa.table({"patient_id": ids.take(pa.array(pid)), "week": week, "date": dates,
                  "phq9_total": phq, "phq9_9": item9, "gad7_total": gad, "wemwbs": wem}),
        folder / "weekly_measures.parquet",
    )  # fmt: skip
    rows = {"patients": n, "weekly_measures": int(pid.size)}
    del pid, week, phq, gad, wem, item9, dates
    # Engagement: 12 look-back weeks and 26 program weeks per patient.
    span = PRE_WEEKS + WEEKS
    epid = np.repeat(np.arange(n), span)
    eweek = np.tile(np.arange(-PRE_WEEKS, WEEKS), n)
    post = eweek >= 0
    checkins = np.where(post & arm[epid], rng.poisson(2.5, epid.size), 0)
    attended = (rng.random(epid.size) < np.where(post, 0.6, 0.2)).astype(np.int64)
    pq.write_table(
        pa.table({"patient_id": ids.take(pa.array(epid)), "week": eweek,
                  "checkin_messages": checkins, "therapy_sessions_attended": attended}),
        folder / "engagement.parquet",
    )  # fmt: skip
    rows["engagement"] = int(epid.size)
    del epid, eweek, post, checkins, attended
    # Crisis events: ~0.5 per patient over look-back and program.
    k = rng.poisson(0.5, n)
    cpid = np.repeat(np.arange(n), k)
    offset = rng.integers(-PRE_WEEKS * 7, WEEKS * 7, cpid.size).astype("timedelta64[D]")
    kinds = np.asarray(["crisis_line_contact", "emergency_visit", "clinician_escalation"])
    pq.write_table(
        pa.table({"event_id": [f"ev-{i}" for i in range(cpid.size)],
                  "patient_id": ids.take(pa.array(cpid)), "date": enrol[cpid] + offset,
                  "event_type": kinds[rng.integers(0, 3, cpid.size)]}),
        folder / "crisis_events.parquet",
    )  # fmt: skip
    rows["crisis_events"] = int(cpid.size)
    return rows


def run_child(kind: str, folder: Path, out: Path) -> dict[str, float]:
    """One implementation in a fresh process: its compute seconds and peak RSS."""
    env = {**os.environ, "POLARS_MAX_THREADS": os.environ.get("POLARS_MAX_THREADS", "")}
    env = {k: v for k, v in env.items() if v}
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(folder), str(out)],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def same_results(polars_out: Path, pandas_out: Path) -> float:
    """Largest relative difference between the two implementations' statistics."""
    import polars as pl

    keys = ["dimension", "group", "arm", "metric"]
    a = pl.read_parquet(polars_out)
    b = pl.read_parquet(pandas_out).select(*keys, "n_patients", "estimate", "se")
    j = a.join(b, on=keys, suffix="_pd")
    if j.height != a.height or j.height != b.height:
        raise SystemExit("polars and pandas produced different groups")
    if not (j["n_patients"] == j["n_patients_pd"]).all():
        raise SystemExit("polars and pandas counted different patients")
    worst = 0.0
    for c in ("estimate", "se"):
        x, y = j[c].to_numpy().astype(float), j[f"{c}_pd"].to_numpy().astype(float)
        ok = ~(np.isnan(x) & np.isnan(y))
        rel = np.abs(x[ok] - y[ok]) / np.maximum(np.abs(y[ok]), 1e-12)
        worst = max(worst, float(np.nanmax(rel)) if rel.size else 0.0)
    if worst > 1e-6:
        raise SystemExit(f"polars and pandas disagree (relative difference {worst:.2e})")
    return worst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--no-pandas-above", type=int, default=10**9,
                    help="skip pandas for sizes above this (it is the slow one)")  # fmt: skip
    ap.add_argument("--no-write", action="store_true", help="do not append to RESULTS.md")
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="bench-outcomes-"))
        try:
            t = time.perf_counter()
            counts = generate(n, work / "cohort")
            gen_s = time.perf_counter() - t
            print(f"{n:>9,} patients: generated {counts} in {gen_s:.0f} s", flush=True)
            res = {"patients": n, **counts}
            res["polars"] = run_child("polars", work / "cohort", work / "polars.parquet")
            print(f"    polars  {res['polars']}", flush=True)
            if n <= args.no_pandas_above:
                res["pandas"] = run_child("pandas", work / "cohort", work / "pandas.parquet")
                print(f"    pandas  {res['pandas']}", flush=True)
                res["max_rel_diff"] = same_results(
                    work / "polars.parquet", work / "pandas.parquet"
                )
            res["stage"] = run_child("stage", work / "cohort", work / "stage")
            print(f"    stage   {res['stage']}", flush=True)
            rows.append(res)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if not args.no_write:
        write_results(rows, " ".join(sys.argv[1:]))


def write_results(rows: list[dict], argv: str) -> None:
    """Append a dated section to RESULTS.md: the machine, the command and the table."""
    cpu = platform.processor() or platform.machine()
    lines = [
        "",
        f"## Outcomes at scale: polars stage vs pandas reference, {dt.date.today()}",
        "",
        f"Machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}. Command: "
        f"`.venv/bin/python benchmarks/bench_outcomes.py {argv}`. Each implementation ran in "
        "its own fresh process on the same generated Parquet tables (26 weekly measures per "
        "patient, 10% of later weeks missed; 38 engagement weeks); time excludes interpreter "
        "start-up and imports; peak RSS is the process's own. Both produced the same statistics "
        "(largest relative difference shown).",
        "",
        "| patients | weekly rows | polars s | pandas s | pandas / polars | polars peak GB | "
        "pandas peak GB | whole stage s | stage peak GB | max rel. diff |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        pdr = r.get("pandas")
        lines.append(
            f"| {r['patients']:,} | {r['weekly_measures']:,} | {r['polars']['seconds']:.2f} | "
            f"{pdr['seconds']:.2f} | {pdr['seconds'] / r['polars']['seconds']:.1f}x | "
            if pdr
            else f"| {r['patients']:,} | {r['weekly_measures']:,} | "
            f"{r['polars']['seconds']:.2f} | n/a | n/a | "
        )
        lines[-1] += (
            f"{r['polars']['peak_rss_gb']:.2f} | "
            f"{(pdr['peak_rss_gb'] if pdr else float('nan')):.2f} | "
            f"{r['stage']['seconds']:.2f} | {r['stage']['peak_rss_gb']:.2f} | "
            f"{r.get('max_rel_diff', float('nan')):.1e} |"
        )
    if len(rows) >= 2:
        a, b = rows[-2], rows[-1]
        growth = b["polars"]["seconds"] / a["polars"]["seconds"]
        stage_growth = b["stage"]["seconds"] / a["stage"]["seconds"]
        lines += [
            "",
            f"Growth from {a['patients']:,} to {b['patients']:,} patients "
            f"({b['patients'] / a['patients']:.0f}x the data): polars aggregation "
            f"{growth:.1f}x the time, whole stage {stage_growth:.1f}x.",
        ]
    with (ROOT / "benchmarks" / "RESULTS.md").open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
