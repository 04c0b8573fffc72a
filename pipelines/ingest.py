"""Validate a program's tables against the data contract.  DVC runs: python -m pipelines.ingest

Reads `<source_dir>/<table>.{parquet,csv,jsonl}` (gold tables from `<source_dir>/gold/`),
types every column, checks ranges, codes, keys, derived totals and cross-table references,
and writes typed Parquet to `paths.interim`. Any violation stops the stage with a list that
names file, row and column; nothing is written then (the output folder is swapped in whole).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from pipelines.core.contract import (
    ingest,
)
from pipelines.core.errors import user_errors
from pipelines.core.io import write_json_atomic
from pipelines.core.params import Params, load_params

log = logging.getLogger("carebridge.ingest")


@user_errors("ingest")
def main(argv: Sequence[str] | None = None) -> None:
    """Stage entry point: validate `ingest.source_dir`, write `paths.interim`, log to MLflow."""
    from pipelines.core.tracking import flatten, stage_run

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params: Params = load_params()
    source = params.ingest.source_dir
    report = ingest(source, params.paths.interim, params.ingest.max_errors)
    seconds = report.pop("seconds")  # timings go to MLflow only (see synthesize)
    report_path = write_json_atomic(params.paths.reports / "ingest.json", report)
    with stage_run("ingest", params.mlflow, params=flatten("ingest", params.ingest)) as mlflow:
        mlflow.log_metrics(
            {**{f"rows.{k}": float(v) for k, v in report["rows"].items()}, "seconds": seconds}
        )
        mlflow.log_artifact(str(report_path))
    log.info(
        "ingest: %d tables valid (%s)",
        len(report["tables"]),
        ", ".join(f"{k} {v}" for k, v in report["rows"].items()),
    )
    log.info("wrote typed tables to %s, report to %s", params.paths.interim, report_path)


if __name__ == "__main__":
    main(sys.argv[1:])
