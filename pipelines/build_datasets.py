"""Build the models' train/validation/test datasets.  DVC runs: python -m pipelines.build_datasets

Reads de-identified text only (`paths.processed/deid`) and the label, patient and (for
synthetic cohorts) phrasing-split tables from `paths.interim`. Patients who did not consent to
training use are left out of every split. Splits are by patient, so no patient is in two:
the test split is the patients written with held-out phrasings (`gold/message_meta`), or, for
data without that table, a seeded random `datasets.test_share` of patients; validation is a
seeded `datasets.validation_share` of the rest. Each task is written as a tokenized Hugging
Face `DatasetDict` to `paths.processed/datasets/<task>`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from pipelines.core.errors import user_errors
from pipelines.core.io import write_json_atomic
from pipelines.core.params import load_params
from pipelines.core.vocab import DATASET_SPLITS as SPLITS
from pipelines.core.vocab import TASKS
from training.datasets import (
    build,
)

log = logging.getLogger("carebridge.build_datasets")


@user_errors("build_datasets")
def main(argv: Sequence[str] | None = None) -> None:
    """Stage entry point: write the tokenized datasets and `build_datasets.json`."""
    from pipelines.core.tracking import flatten, stage_run

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params = load_params()
    report = build(
        params.paths.interim, params.paths.processed, params.datasets, params.encoder, params.seed
    )
    report_path = write_json_atomic(params.paths.reports / "build_datasets.json", report)
    with stage_run(
        "build_datasets",
        params.mlflow,
        params={**flatten("datasets", params.datasets), **flatten("encoder", params.encoder)},
    ) as mlflow:
        for task in TASKS:
            for split in SPLITS:
                if task in report:
                    mlflow.log_metric(f"{task}.{split}.records", report[task][split]["records"])
        mlflow.log_artifact(str(report_path))
    for task in TASKS:
        if task in report:
            log.info(
                "%s: %s records (train/validation/test), %d left out without consent",
                task,
                "/".join(str(report[task][s]["records"]) for s in SPLITS),
                report[task]["excluded_records_no_consent"],
            )
    log.info("wrote %s, report to %s", params.paths.processed / "datasets", report_path)


if __name__ == "__main__":
    main(sys.argv[1:])
