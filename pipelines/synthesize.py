"""Generate the embedded synthetic program cohort.  DVC runs: python -m pipelines.synthesize

No real clinical data can ship with the project, so this stage writes a seeded, realistic
program: patients in two arms, weekly questionnaires with trajectories (baseline severity,
an arm effect, regression to the mean, severity- and engagement-driven dropout, missed
weeks), wearable days, engagement, crisis events, and chat transcripts with identifiers,
risk and empathy labels. Gold identifier spans and generator metadata go to `gold/`.

Patients are generated in chunks (numpy vectorised numbers, per-patient seeded text), so
memory stays bounded for millions of patients. Same params + seed = same bytes.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from pipelines.core.errors import user_errors
from pipelines.core.io import write_json_atomic
from pipelines.core.params import Params, load_params
from pipelines.synth.generate import (
    metrics_for_mlflow,
    synthesize,
)

log = logging.getLogger("carebridge.synthesize")


@user_errors("synthesize")
def main(argv: Sequence[str] | None = None) -> None:
    """Stage entry point: synthesize the cohort from params.yaml and log it to MLflow."""
    from pipelines.core.tracking import flatten, stage_run

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params: Params = load_params()
    out_dir = params.paths.raw
    report = synthesize(params.synthesize, params.seed, out_dir)
    # Timings vary run to run: MLflow gets them, the DVC metrics file stays reproducible.
    seconds, workers = report.pop("seconds"), report.pop("workers")
    report_path = write_json_atomic(params.paths.reports / "synthesize.json", report)
    with stage_run(
        "synthesize",
        params.mlflow,
        params={**flatten("synthesize", params.synthesize), "seed": params.seed},
    ) as mlflow:
        mlflow.log_metrics({**metrics_for_mlflow(report), "seconds": seconds, "workers": workers})
        mlflow.log_artifact(str(report_path))
    rows = report["rows"]
    log.info(
        "synthesize: %d patients, %d weekly measures, %d messages in %.1f s",
        rows.get("patients", 0),
        rows.get("weekly_measures", 0),
        rows.get("transcripts", 0),
        seconds,
    )
    log.info(
        "wrote tables to %s (gold spans and generator metadata in %s/gold), report to %s",
        out_dir,
        out_dir,
        report_path,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
