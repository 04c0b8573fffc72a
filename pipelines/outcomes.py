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

from typing import Any

from pipelines.clinical.outcomes import compute, report, scan_inputs
from pipelines.core.io import atomic_dir
from pipelines.core.stage import StageRun, stage
from pipelines.core.tracking import flatten


def _log_headline(run: StageRun, headline: dict[str, Any]) -> None:
    for name, fig in headline.items():
        if fig["estimate"] is None:
            run.log.info("  %-40s suppressed (too few patients)", name)
        else:
            run.log.info(
                "  %-40s %+.1f%% (95%% CI %+.1f%% to %+.1f%%; published %.0f%%)",
                name,
                100 * fig["estimate"],
                100 * fig["ci_low"],
                100 * fig["ci_high"],
                100 * fig["published"],
            )


@stage("outcomes")
def main(run: StageRun) -> None:
    """Write paths.processed/outcomes/ and reports/outcomes.json."""
    params = run.params
    p = params.outcomes
    run.log.info("outcomes: reading %s", params.paths.interim)
    tables = compute(scan_inputs(params.paths.interim), p, params.screening)
    out_dir = params.paths.processed / "outcomes"
    written = [name for name in tables if not name.startswith("_")]
    with atomic_dir(out_dir) as tmp:
        for name in written:
            tables[name].write_parquet(tmp / f"{name}.parquet")
    summary = report(tables, p)
    report_path = run.write_report(summary, "outcomes")
    seconds = run.seconds()
    with run.tracked({**flatten("outcomes", p), **flatten("screening", params.screening)}) as mf:
        for name, fig in summary["headline"].items():
            if fig["estimate"] is not None:
                mf.log_metric(f"headline.{name}", fig["estimate"])
        mf.log_metric("seconds", seconds)
        mf.log_artifact(str(report_path))
    _log_headline(run, summary["headline"])
    run.log.info(
        "outcomes: %d patients in %.1f s; wrote %s/{%s}.parquet and %s",
        summary["patients"],
        seconds,
        out_dir,
        ",".join(written),
        report_path,
    )


if __name__ == "__main__":
    main()
