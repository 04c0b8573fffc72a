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

from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten
from pipelines.synth.generate import metrics_for_mlflow, synthesize


@stage("synthesize")
def main(run: StageRun) -> None:
    """Synthesize the cohort from params.yaml into `paths.raw` and log it to MLflow."""
    params = run.params
    out_dir = params.paths.raw
    report = synthesize(params.synthesize, params.seed, out_dir)
    # Timings vary run to run: MLflow gets them, the DVC metrics file stays reproducible.
    seconds, workers = report.pop("seconds"), report.pop("workers")
    report_path = run.write_report(report, "synthesize")
    with run.tracked({**flatten("synthesize", params.synthesize), "seed": params.seed}) as mlflow:
        mlflow.log_metrics({**metrics_for_mlflow(report), "seconds": seconds, "workers": workers})
        mlflow.log_artifact(str(report_path))
    rows = report["rows"]
    run.log.info(
        "synthesize: %d patients, %d weekly measures, %d messages in %.1f s",
        rows.get("patients", 0),
        rows.get("weekly_measures", 0),
        rows.get("transcripts", 0),
        seconds,
    )
    run.log.info(
        "wrote tables to %s (gold spans and generator metadata in %s/gold), report to %s",
        out_dir,
        out_dir,
        report_path,
    )


if __name__ == "__main__":
    main()
