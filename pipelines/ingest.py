"""Validate a program's tables against the data contract.  DVC runs: python -m pipelines.ingest

Reads `<source_dir>/<table>.{parquet,csv,jsonl}` (gold tables from `<source_dir>/gold/`),
types every column, checks ranges, codes, keys, derived totals and cross-table references,
and writes typed Parquet to `paths.interim`. Any violation stops the stage with a list that
names file, row and column; nothing is written then (the output folder is swapped in whole).
"""

from __future__ import annotations

from pipelines.core.contract import ingest
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten


@stage("ingest")
def main(run: StageRun) -> None:
    """Validate `ingest.source_dir`, write `paths.interim`, log to MLflow."""
    params = run.params
    report = ingest(params.ingest.source_dir, params.paths.interim, params.ingest.max_errors)
    seconds = report.pop("seconds")  # timings go to MLflow only (see synthesize)
    report_path = run.write_report(report, "ingest")
    with run.tracked(flatten("ingest", params.ingest)) as mlflow:
        mlflow.log_metrics(
            {**{f"rows.{k}": float(v) for k, v in report["rows"].items()}, "seconds": seconds}
        )
        mlflow.log_artifact(str(report_path))
    run.log.info(
        "ingest: %d tables valid (%s)",
        len(report["tables"]),
        ", ".join(f"{k} {v}" for k, v in report["rows"].items()),
    )
    run.log.info("wrote typed tables to %s, report to %s", params.paths.interim, report_path)


if __name__ == "__main__":
    main()
