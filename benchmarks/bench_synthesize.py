"""Cohort generation time and peak memory at several sizes, each in a fresh process.

Run: .venv/bin/python benchmarks/bench_synthesize.py --sizes 2000 100000
Appends a section to benchmarks/RESULTS.md with the machine and the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import json, sys, time
from pathlib import Path
from pipelines.core.params import load_params
from pipelines.synth.generate import synthesize
p = load_params()
sp = p.synthesize.model_copy(update={"n_patients": int(sys.argv[1])})
t = time.perf_counter()
rep = synthesize(sp, p.seed, Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - t, "rows": rep["rows"]}))
"""


def run_one(n: int) -> dict:
    """Generate `n` patients in a child process; return wall time, peak RSS and row counts."""
    out = Path(tempfile.mkdtemp(prefix="bench-cohort-")) / "cohort"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    wall = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    size_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
    shutil.rmtree(out.parent)
    return {
        "patients": n,
        "generate_s": result["seconds"],
        "process_s": wall,
        "peak_rss_gb": max(peak_kb, before) / 1e6,
        "parquet_mb": size_mb,
        "messages": result["rows"].get("transcripts", 0),
        "weekly": result["rows"].get("weekly_measures", 0),
        "wearable_days": result["rows"].get("daily_wearables", 0),
    }


def main() -> None:
    """Measure each size and append the table to RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 100000])
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = ap.parse_args()
    rows = []
    for n in args.sizes:
        r = run_one(n)
        print(
            f"{n:>9} patients: {r['generate_s']:.1f} s generate, "
            f"{r['peak_rss_gb']:.2f} GB peak RSS",
            flush=True,
        )
        rows.append(r)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, "
        f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
        f"Python {platform.python_version()}"
    )
    lines = [
        f"\n## Cohort generation (`synthesize`), {dt.date.today()}\n",
        f"Machine: {machine}. Command: `.venv/bin/python benchmarks/bench_synthesize.py "
        f"--sizes {' '.join(map(str, args.sizes))}` (each size in a fresh process; "
        "peak RSS is the largest child so far).\n",
        "| patients | generate (s) | process incl. imports (s) | peak RSS (GB) | "
        "Parquet (MB) | messages | weekly rows | wearable days |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['patients']:,} | {r['generate_s']:.1f} | {r['process_s']:.1f} | "
            f"{r['peak_rss_gb']:.2f} | {r['parquet_mb']:.0f} | {r['messages']:,} | "
            f"{r['weekly']:,} | {r['wearable_days']:,} |"
        )
    if not args.results.exists():
        args.results.write_text(
            "# Benchmark results\n\nMeasured numbers only; each section "
            "names the machine and the command.\n"
        )
    with args.results.open("a") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"appended to {args.results}")


if __name__ == "__main__":
    main()
