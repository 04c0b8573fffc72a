"""Clinician pre-session summaries and the alert feed.  DVC runs: python -m pipelines.summaries

Writes summaries.jsonl, summaries.md and the alert feed (alerts.parquet, alerts.csv) to
`paths.processed/summaries/` and `paths.reports/summaries.json`; every definition is in
`pipelines/clinical/summary.py`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.clinical.summary import (
    SUMMARY_DIR,
    build,
    render_markdown,
    scan_inputs,
    topic_agreement,
)
from pipelines.core.io import atomic_dir
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten


def _write(out_dir: Path, summaries: list[dict[str, Any]], feed: pl.DataFrame) -> None:
    """summaries.jsonl, summaries.md, alerts.parquet and alerts.csv, all or none."""
    with atomic_dir(out_dir) as tmp:
        with (tmp / "summaries.jsonl").open("w", encoding="utf-8") as fh:
            for s in summaries:
                fh.write(json.dumps(s, default=str, sort_keys=True) + "\n")
        with (tmp / "summaries.md").open("w", encoding="utf-8") as fh:
            fh.write("\n\n".join(render_markdown(s) for s in summaries))
        feed.write_parquet(tmp / "alerts.parquet")
        feed.write_csv(tmp / "alerts.csv")


@stage("summaries")
def main(run: StageRun) -> None:
    """Write summaries (JSONL + Markdown) and the alert feed."""
    params = run.params
    sp = params.summaries
    t = scan_inputs(params.paths.interim, params.paths.processed)
    if t["scores"] is None:
        run.log.warning(
            "no risk scores (%s): risk-model alerts are left out",
            params.paths.processed / "scores" / "risk.parquet",
        )
    screening_path = params.paths.processed / "outcomes" / "screening.parquet"
    screening = pl.read_parquet(screening_path) if screening_path.is_file() else None
    summaries, feed, as_of = build(t, sp, screening)
    msgs = t["messages"].filter(pl.col("speaker") == "patient").select("message_id", "text")
    agreement = topic_agreement(
        msgs.collect(), params.paths.interim / "gold" / "message_meta.parquet"
    )
    out_dir = params.paths.processed / SUMMARY_DIR
    _write(out_dir, summaries, feed)
    recent = feed.filter(pl.col("date") > as_of - dt.timedelta(weeks=sp.window_weeks))
    report = {
        "as_of": as_of.isoformat(),
        "patients": len(summaries),
        "active_patients": sum(s["status"] == "active" for s in summaries),
        "alerts": feed.height,
        "alerts_by_rule": {r: int(n) for r, n in feed["rule"].value_counts().iter_rows()},
        "patients_alerted_recent_window": recent["patient_id"].n_unique(),
        "risk_model_scored": t["scores"] is not None,
        "topic_agreement_heldout": agreement,
    }
    report_path = run.write_report(report, "summaries")
    seconds = run.seconds()
    with run.tracked(flatten("summaries", sp)) as mlflow:
        mlflow.log_metrics({"patients": len(summaries), "alerts": feed.height, "seconds": seconds})
        mlflow.log_artifact(str(report_path))
    run.log.info(
        "summaries as of %s for %d patients (%d active), %d alerts (%d patients in the last %d "
        "weeks) in %.1f s; wrote %s/{summaries.jsonl,summaries.md,alerts.parquet,alerts.csv} "
        "and %s",
        as_of,
        len(summaries),
        report["active_patients"],
        feed.height,
        report["patients_alerted_recent_window"],
        sp.window_weeks,
        seconds,
        out_dir,
        report_path,
    )


if __name__ == "__main__":
    main()
