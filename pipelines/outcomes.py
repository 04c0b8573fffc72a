"""Program outcomes with exact, published definitions.  DVC runs: python -m pipelines.outcomes

Reads the validated tables in `paths.interim` (patients, weekly_measures, engagement,
crisis_events) with polars lazy queries and writes `paths.processed/outcomes/`:

- `patients.parquet`: one row per patient. Baseline = the first measures at or before
  `outcomes.baseline_max_week`; latest = the last measures after it. Caseness, recovery,
  reliable improvement, deterioration and recovery follow NHS Talking Therapies:
  * case: PHQ-9 >= 10 or GAD-7 >= 8 (`outcomes.caseness`);
  * reliable deterioration: PHQ-9 up by >= 6 or GAD-7 up by >= 4 (`outcomes.reliable_change`);
  * reliable improvement: PHQ-9 down by >= 6 or GAD-7 down by >= 4, and no reliable
    deterioration;
  * recovery: a case at baseline and not a case at the latest measures (defined only for
    patients who were a case at baseline);
  * reliable recovery: recovery and reliable improvement.
  These need paired scores: a patient with no measures after baseline has them empty, and
  every rate says how many patients it is over. `reliable_recovery_rate_itt` counts such
  baseline cases as not recovered, so dropout cannot flatter it.
- `program.parquet`: every aggregate in long form (dimension, group, arm, metric, n_patients,
  estimate, ci_low, ci_high, suppressed), overall and by each of `outcomes.group_columns`,
  plus calendar-month trends (dimension `calendar_month`).
- `comparisons.parquet`: AI-hybrid vs usual care (difference and ratio) per metric and group,
  and follow-up vs the pre-enrolment look-back within each arm for per-week rates.
- `retention.parquet`: share of patients still in the program at each week, among those whose
  planned follow-up reaches that week.
- `screening.parquet`: PHQ-9, GAD-7 and PC-PTSD-5 results at intake and now, with the
  stepped-care suggestion (`pipelines.clinical.screening`).

Intervals: Wilson for proportions; t for means; rates per patient-week are ratio estimators
with a patient-clustered (linearised) variance, so a patient's repeated weeks are not counted
as independent; ratios and differences between independent arms combine the two standard
errors (delta method on the log scale for ratios); follow-up vs pre-enrolment pairs each
patient with themself. Any aggregate over fewer than `outcomes.min_cell` patients is
suppressed: no estimate, no interval, no count.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence

from pipelines.clinical.outcomes import (
    compute,
    report,
    scan_inputs,
)
from pipelines.core.errors import user_errors
from pipelines.core.io import atomic_dir, write_json_atomic
from pipelines.core.params import load_params

log = logging.getLogger("carebridge.outcomes")


@user_errors("outcomes")
def main(argv: Sequence[str] | None = None) -> None:
    """Stage entry point: write paths.processed/outcomes/ and reports/outcomes.json."""
    from pipelines.core.tracking import flatten, stage_run

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params = load_params()
    p = params.outcomes
    started = time.perf_counter()
    log.info("outcomes: reading %s", params.paths.interim)
    tables = compute(scan_inputs(params.paths.interim), p, params.screening)
    out_dir = params.paths.processed / "outcomes"
    with atomic_dir(out_dir) as tmp:
        for name, df in tables.items():
            if not name.startswith("_"):
                df.write_parquet(tmp / f"{name}.parquet")
    summary = report(tables, p)
    report_path = write_json_atomic(params.paths.reports / "outcomes.json", summary)
    seconds = time.perf_counter() - started
    with stage_run(
        "outcomes",
        params.mlflow,
        params={**flatten("outcomes", p), **flatten("screening", params.screening)},
    ) as mlflow:
        for name, fig in summary["headline"].items():
            if fig["estimate"] is not None:
                mlflow.log_metric(f"headline.{name}", fig["estimate"])
        mlflow.log_metric("seconds", seconds)
        mlflow.log_artifact(str(report_path))
    for name, fig in summary["headline"].items():
        if fig["estimate"] is None:
            log.info("  %-40s suppressed (too few patients)", name)
        else:
            log.info(
                "  %-40s %+.1f%% (95%% CI %+.1f%% to %+.1f%%; published %.0f%%)",
                name,
                100 * fig["estimate"],
                100 * fig["ci_low"],
                100 * fig["ci_high"],
                100 * fig["published"],
            )
    log.info(
        "outcomes: %d patients in %.1f s; wrote %s/{%s}.parquet and %s",
        summary["patients"],
        seconds,
        out_dir,
        ",".join(n for n in tables if not n.startswith("_")),
        report_path,
    )


if __name__ == "__main__":
    main(sys.argv[1:])
