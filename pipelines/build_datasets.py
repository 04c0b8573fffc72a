"""Build the models' datasets.  DVC runs: python -m pipelines.build_datasets

Writes a tokenized `DatasetDict` per task to `paths.processed/datasets/<task>` (from
de-identified text only; real corpora's train and validation groups mixed in when the
corpora stage wrote any) and `paths.reports/build_datasets.json`. How splits and consent
work is in `training/datasets.py`.
"""

from __future__ import annotations

from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten
from pipelines.core.vocab import DATASET_SPLITS, TASKS
from training.datasets import build


@stage("build_datasets")
def main(run: StageRun) -> None:
    """Write the tokenized datasets and `build_datasets.json`."""
    params = run.params
    report = build(
        params.paths.interim, params.paths.processed, params.datasets, params.encoder, params.seed
    )
    report_path = run.write_report(report, "build_datasets")
    tasks = [t for t in TASKS if t in report]
    with run.tracked(
        {**flatten("datasets", params.datasets), **flatten("encoder", params.encoder)}
    ) as mlflow:
        for task in tasks:
            for split in DATASET_SPLITS:
                mlflow.log_metric(f"{task}.{split}.records", report[task][split]["records"])
        mlflow.log_artifact(str(report_path))
    for task in tasks:
        run.log.info(
            "%s: %s records (train/validation/test), %d left out without consent",
            task,
            "/".join(str(report[task][s]["records"]) for s in DATASET_SPLITS),
            report[task]["excluded_records_no_consent"],
        )
    run.log.info("wrote %s, report to %s", params.paths.processed / "datasets", report_path)


if __name__ == "__main__":
    main()
