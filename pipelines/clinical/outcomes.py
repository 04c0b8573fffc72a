"""Program outcomes with exact, published definitions (the `outcomes` stage runs them).

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
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import polars as pl
from scipy import stats

from pipelines.clinical.scales import program_week, severity_band
from pipelines.clinical.screening import screening_table
from pipelines.core.errors import UserError
from pipelines.core.io import scan_checked
from pipelines.core.params import OutcomesParams, ScreeningParams
from pipelines.core.vocab import ARMS

log = logging.getLogger("carebridge.outcomes")

HYBRID, USUAL = ARMS

REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "patients": (
        "patient_id",
        "site",
        "arm",
        "enrolment_date",
        "end_date",
        "age_band",
        "gender",
        "race_ethnicity",
        "primary_language",
        "rurality",
        "insurance",
        "pcptsd5_total",
    ),
    "weekly_measures": (
        "patient_id",
        "week",
        "date",
        "phq9_total",
        "phq9_9",
        "gad7_total",
        "wemwbs",
    ),
    "engagement": ("patient_id", "week", "checkin_messages", "therapy_sessions_attended"),
    "crisis_events": ("patient_id", "date", "event_type"),
}


class OutcomesError(UserError):
    """An input table is missing or lacks a column the outcome definitions need."""


@dataclass(frozen=True)
class Metric:
    """One aggregate: a proportion of patients, a mean over patients, or a per-week rate."""

    name: str
    kind: Literal["proportion", "mean", "rate"]
    column: str
    denominator: str | None = None  # rates: the patient-weeks column
    scale: float = 1.0  # rates: per `scale` patient-weeks
    label: str = ""


PATIENT_METRICS: tuple[Metric, ...] = (
    Metric(
        "followup_rate",
        "proportion",
        "has_followup",
        label="share of patients with measures after baseline",
    ),
    Metric(
        "recovery_rate",
        "proportion",
        "recovery",
        label="recovery, among baseline cases with follow-up",
    ),
    Metric(
        "reliable_improvement_rate",
        "proportion",
        "reliable_improvement",
        label="reliable improvement, among patients with follow-up",
    ),
    Metric(
        "reliable_deterioration_rate",
        "proportion",
        "reliable_deterioration",
        label="reliable deterioration, among patients with follow-up",
    ),
    Metric(
        "reliable_recovery_rate",
        "proportion",
        "reliable_recovery",
        label="reliable recovery, among baseline cases with follow-up",
    ),
    Metric(
        "reliable_recovery_rate_itt",
        "proportion",
        "reliable_recovery_itt",
        label="reliable recovery, among all baseline cases (no follow-up = not recovered)",
    ),
    Metric(
        "wemwbs_meaningful_improvement_rate",
        "proportion",
        "wemwbs_improved",
        label="WEMWBS up by the meaningful change or more, among patients with follow-up",
    ),
    Metric(
        "attended_sessions_rate",
        "proportion",
        "attended_sessions",
        label="share of patients attending at least `sessions_threshold` therapy sessions",
    ),
    Metric("phq9_change", "mean", "phq9_change", label="mean PHQ-9 change (latest - baseline)"),
    Metric("gad7_change", "mean", "gad7_change", label="mean GAD-7 change (latest - baseline)"),
    Metric(
        "wemwbs_change", "mean", "wemwbs_change", label="mean WEMWBS change (latest - baseline)"
    ),
    Metric("wemwbs_baseline", "mean", "wemwbs_baseline", label="mean WEMWBS at baseline"),
    Metric(
        "crisis_per_1000_pw",
        "rate",
        "crisis_followup",
        "weeks_in_program",
        1000.0,
        label="crisis interventions per 1,000 patient-weeks in the program",
    ),
    Metric(
        "crisis_per_1000_pw_pre",
        "rate",
        "crisis_pre",
        "pre_weeks",
        1000.0,
        label="crisis interventions per 1,000 patient-weeks before enrolment",
    ),
    Metric(
        "escalations_per_1000_pw",
        "rate",
        "escalations_followup",
        "weeks_in_program",
        1000.0,
        label="clinician escalations per 1,000 patient-weeks in the program",
    ),
    Metric(
        "weekly_active_rate",
        "rate",
        "active_weeks",
        "weeks_in_program",
        label="share of program weeks with a check-in message or an attended session",
    ),
    Metric(
        "sessions_per_week",
        "rate",
        "sessions_attended",
        "weeks_in_program",
        label="therapy sessions attended per patient-week in the program",
    ),
    Metric(
        "sessions_per_week_pre",
        "rate",
        "sessions_pre",
        "pre_weeks",
        label="therapy sessions attended per patient-week before enrolment",
    ),
)

MONTH_METRICS: tuple[Metric, ...] = (
    Metric("phq9_mean", "mean", "phq9_mean", label="mean PHQ-9 (patient's monthly mean)"),
    Metric("gad7_mean", "mean", "gad7_mean", label="mean GAD-7 (patient's monthly mean)"),
    Metric("wemwbs_mean", "mean", "wemwbs_mean", label="mean WEMWBS (patient's monthly mean)"),
    Metric(
        "crisis_per_1000_pw",
        "rate",
        "crisis",
        "weeks",
        1000.0,
        label="crisis interventions per 1,000 patient-weeks",
    ),
    Metric(
        "weekly_active_rate",
        "rate",
        "active_weeks",
        "weeks",
        label="share of program weeks with a check-in or an attended session",
    ),
)

# Follow-up vs pre-enrolment, within the same patients.
PRE_POST: dict[str, tuple[str, str, str, str, float]] = {
    "crisis_per_1000_pw": ("crisis_followup", "weeks_in_program", "crisis_pre", "pre_weeks", 1e3),
    "sessions_per_week": ("sessions_attended", "weeks_in_program", "sessions_pre", "pre_weeks", 1),
}

LONG_SCHEMA = {
    "dimension": pl.String,
    "group": pl.String,
    "arm": pl.String,
    "metric": pl.String,
    "n_patients": pl.Int64,
    "estimate": pl.Float64,
    "ci_low": pl.Float64,
    "ci_high": pl.Float64,
    "suppressed": pl.Boolean,
}


# ---- inputs ----------------------------------------------------------------------------------
def scan_inputs(folder: Path) -> dict[str, pl.LazyFrame]:
    """Lazy scans of the validated tables, each checked for the columns outcomes need."""
    return {
        table: scan_checked(
            Path(folder) / f"{table}.parquet",
            columns,
            hint="run `dvc repro ingest` first",
            error=OutcomesError,
        )
        for table, columns in REQUIRED_COLUMNS.items()
    }


# ---- per patient -----------------------------------------------------------------------------
SCORES = ("phq9_total", "gad7_total", "wemwbs", "phq9_9")

PATIENT_COUNTS = (
    "weeks_in_program",
    "active_weeks",
    "sessions_attended",
    "pre_weeks",
    "sessions_pre",
    "crisis_followup",
    "crisis_pre",
    "escalations_followup",
)

SCORE_NAMES = {
    "phq9_total_b": "phq9_baseline",
    "phq9_total_l": "phq9_latest",
    "gad7_total_b": "gad7_baseline",
    "gad7_total_l": "gad7_latest",
    "wemwbs_b": "wemwbs_baseline",
    "wemwbs_l": "wemwbs_latest",
    "phq9_9_b": "phq9_item9_baseline",
    "phq9_9_l": "phq9_item9_latest",
}


def baseline_scores(measures: pl.LazyFrame, p: OutcomesParams) -> pl.LazyFrame:
    """Per patient: the first week at or before `baseline_max_week` and its scores (`*_b`)."""
    return (
        measures.filter(pl.col("week") <= p.baseline_max_week)
        .group_by("patient_id")
        .agg(
            pl.col("week").min().alias("baseline_week"),
            *[pl.col(c).min_by("week").alias(f"{c}_b") for c in SCORES],
        )
    )


def latest_scores(measures: pl.LazyFrame) -> pl.LazyFrame:
    """Per patient: the last measured week, the number of measures and the last scores (`*_l`)."""
    return measures.group_by("patient_id").agg(
        pl.col("week").max().alias("latest_week"),
        pl.len().alias("n_measures"),
        *[pl.col(c).max_by("week").alias(f"{c}_l") for c in SCORES],
    )


def engagement_counts(engagement: pl.LazyFrame) -> pl.LazyFrame:
    """Per patient: program and look-back weeks, active weeks and sessions attended in each."""
    wk = pl.col("week")
    engaged = (pl.col("checkin_messages") > 0) | (pl.col("therapy_sessions_attended") > 0)
    # Row-wise flags first, then plain sums: filters inside a group_by are several times
    # slower at tens of millions of rows (benchmarks/RESULTS.md).
    post = wk >= 0
    attended = pl.col("therapy_sessions_attended")
    return (
        engagement.select(
            "patient_id",
            wk,
            post.cast(pl.Int64).alias("weeks_in_program"),
            pl.when(post).then(wk).alias("last_program_week"),
            (post & engaged).cast(pl.Int64).alias("active_weeks"),
            pl.when(post).then(attended).otherwise(0).alias("sessions_attended"),
            (~post).cast(pl.Int64).alias("pre_weeks"),
            pl.when(post).then(0).otherwise(attended).alias("sessions_pre"),
        )
        .group_by("patient_id")
        .agg(
            pl.col(
                "weeks_in_program",
                "active_weeks",
                "sessions_attended",
                "pre_weeks",
                "sessions_pre",
            ).sum(),
            pl.col("last_program_week").max(),
            wk.min().alias("first_week"),
        )
    )


def crisis_counts(
    events: pl.LazyFrame, patients: pl.LazyFrame, engaged: pl.LazyFrame, p: OutcomesParams
) -> pl.LazyFrame:
    """Per patient: crisis interventions in the program and the look-back, and escalations."""
    wk = pl.col("week")
    in_scope = pl.col("event_type").is_in(list(p.crisis_event_types))
    covered = (wk >= 0) & (wk <= pl.col("last_program_week"))
    return (
        events.select("patient_id", "date", "event_type")
        .join(patients.select("patient_id", "enrolment_date"), on="patient_id")
        .join(engaged.select("patient_id", "last_program_week", "first_week"), on="patient_id")
        .with_columns(program_week(pl.col("date")).alias("week"))
        .select(
            "patient_id",
            (in_scope & covered).cast(pl.Int64).alias("crisis_followup"),
            (in_scope & (wk < 0) & (wk >= pl.col("first_week")))
            .cast(pl.Int64)
            .alias("crisis_pre"),
            ((pl.col("event_type") == "clinician_escalation") & covered)
            .cast(pl.Int64)
            .alias("escalations_followup"),
        )
        .group_by("patient_id")
        .agg(pl.all().sum())
    )


def paired_scores(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Counts filled with 0, `has_followup`, and latest scores only when after baseline."""
    fu = pl.col("has_followup")
    return frame.with_columns(
        pl.col(PATIENT_COUNTS).fill_null(0).cast(pl.Int64),
        pl.col("n_measures").fill_null(0).cast(pl.Int64),
        (pl.col("latest_week") > pl.col("baseline_week")).fill_null(False).alias("has_followup"),
    ).with_columns(
        # Latest scores exist only when measured after baseline.
        *[pl.when(fu).then(pl.col(f"{s}_l")).alias(f"{s}_l") for s in SCORES],
        pl.when(fu).then(pl.col("latest_week")).alias("latest_week"),
    )


def nhs_outcomes(frame: pl.LazyFrame, p: OutcomesParams) -> pl.LazyFrame:
    """Score changes, caseness, reliable change, recovery and severity bands (NHS TT)."""
    c, r = p.caseness, p.reliable_change
    fu = pl.col("has_followup")
    d_phq, d_gad = pl.col("phq9_change"), pl.col("gad7_change")
    case_b = (pl.col("phq9_total_b") >= c.phq9) | (pl.col("gad7_total_b") >= c.gad7)
    case_l = (pl.col("phq9_total_l") >= c.phq9) | (pl.col("gad7_total_l") >= c.gad7)
    deterioration = (d_phq >= r.phq9) | (d_gad >= r.gad7)
    improvement = ((-d_phq >= r.phq9) | (-d_gad >= r.gad7)) & ~deterioration
    return (
        frame.with_columns(
            (pl.col("phq9_total_l") - pl.col("phq9_total_b")).alias("phq9_change"),
            (pl.col("gad7_total_l") - pl.col("gad7_total_b")).alias("gad7_change"),
            (pl.col("wemwbs_l") - pl.col("wemwbs_b")).alias("wemwbs_change"),
            case_b.alias("case_baseline"),
            pl.when(fu).then(case_l).alias("case_latest"),
        )
        .with_columns(
            pl.when(fu).then(deterioration).alias("reliable_deterioration"),
            pl.when(fu).then(improvement).alias("reliable_improvement"),
            pl.when(fu & pl.col("case_baseline")).then(~pl.col("case_latest")).alias("recovery"),
            (pl.col("wemwbs_change") >= p.wemwbs_meaningful_change).alias("wemwbs_improved"),
            (pl.col("wemwbs_change") <= -p.wemwbs_meaningful_change).alias("wemwbs_declined"),
            (pl.col("sessions_attended") >= p.sessions_threshold).alias("attended_sessions"),
            severity_band("phq9_total_b", "phq9").alias("phq9_band_baseline"),
            severity_band("phq9_total_l", "phq9").alias("phq9_band_latest"),
            severity_band("gad7_total_b", "gad7").alias("gad7_band_baseline"),
            severity_band("gad7_total_l", "gad7").alias("gad7_band_latest"),
        )
        .with_columns(
            # Kleene logic would make null & false false: keep it null for non-cases.
            pl.when(pl.col("recovery").is_not_null())
            .then(pl.col("recovery") & pl.col("reliable_improvement"))
            .alias("reliable_recovery"),
        )
        .with_columns(
            pl.when(pl.col("case_baseline"))
            .then(pl.col("reliable_recovery").fill_null(False))
            .alias("reliable_recovery_itt"),
        )
    )


def patient_outcomes(t: dict[str, pl.LazyFrame], p: OutcomesParams) -> pl.LazyFrame:
    """One row per patient: baseline and latest scores, the NHS outcome flags, engagement,
    crisis counts and patient-weeks (see the module docstring for each definition)."""
    measures = t["weekly_measures"].select("patient_id", "week", *SCORES)
    engaged = engagement_counts(t["engagement"])
    patients = t["patients"].select(
        *REQUIRED_COLUMNS["patients"],
        pl.col("enrolment_date").dt.strftime("%Y-%m").alias("enrolment_month"),
        program_week(pl.col("end_date")).alias("planned_weeks"),
    )
    joined = (
        patients.join(baseline_scores(measures, p), on="patient_id", how="left")
        .join(latest_scores(measures), on="patient_id", how="left")
        .join(engaged, on="patient_id", how="left")
        .join(crisis_counts(t["crisis_events"], patients, engaged, p), on="patient_id", how="left")
    )
    return (
        nhs_outcomes(paired_scores(joined), p)
        .rename(SCORE_NAMES)
        .drop("first_week")
        .sort("patient_id")
    )


# ---- aggregates ------------------------------------------------------------------------------
def _z(confidence: float) -> float:
    return float(stats.norm.ppf(0.5 + confidence / 2))


def sufficient_stats(
    frame: pl.LazyFrame, keys: list[str], metrics: Sequence[Metric]
) -> pl.DataFrame:
    """Per group and metric: n patients, estimate and its standard error (long form).

    Proportions: k/n with the binomial SE; means: the sample SD / sqrt(n); rates: sum(e)/sum(w)
    with the patient-clustered linearised SE sqrt(n/(n-1) * sum((e - r w)^2)) / sum(w).
    """
    # Row-wise terms first, then plain sums/counts per group (no filters inside the group_by).
    terms: list[pl.Expr] = []
    aggs: list[pl.Expr] = []
    for mt in metrics:
        col = pl.col(mt.column)
        if mt.kind == "proportion":
            aggs += [
                col.count().alias(f"{mt.name}|n"),
                col.cast(pl.Int64).sum().alias(f"{mt.name}|k"),
            ]
        elif mt.kind == "mean":
            aggs += [
                col.count().alias(f"{mt.name}|n"),
                col.mean().alias(f"{mt.name}|mean"),
                col.std().alias(f"{mt.name}|sd"),
            ]
        else:
            e, w = col.cast(pl.Float64), pl.col(mt.denominator).cast(pl.Float64)
            has = w > 0
            terms += [
                has.cast(pl.Int64).alias(f"{mt.name}|n"),
                pl.when(has).then(e).otherwise(0.0).alias(f"{mt.name}|E"),
                pl.when(has).then(w).otherwise(0.0).alias(f"{mt.name}|W"),
                pl.when(has).then(e * e).otherwise(0.0).alias(f"{mt.name}|ee"),
                pl.when(has).then(e * w).otherwise(0.0).alias(f"{mt.name}|ew"),
                pl.when(has).then(w * w).otherwise(0.0).alias(f"{mt.name}|ww"),
            ]
            aggs += [pl.col(f"{mt.name}|{s}").sum() for s in ("n", "E", "W", "ee", "ew", "ww")]
    if terms:
        frame = frame.with_columns(terms)
    wide = frame.group_by(keys).agg(aggs).collect()
    parts = []
    for mt in metrics:
        n = pl.col(f"{mt.name}|n").cast(pl.Float64)
        if mt.kind == "proportion":
            est = pl.col(f"{mt.name}|k") / n
            se = (est * (1 - est) / n).sqrt()
        elif mt.kind == "mean":
            est = pl.col(f"{mt.name}|mean")
            se = pl.col(f"{mt.name}|sd") / n.sqrt()
        else:
            big_e, big_w = pl.col(f"{mt.name}|E"), pl.col(f"{mt.name}|W")
            rate = big_e / big_w
            ssq = (
                pl.col(f"{mt.name}|ee")
                - 2 * rate * pl.col(f"{mt.name}|ew")
                + rate * rate * pl.col(f"{mt.name}|ww")
            ).clip(lower_bound=0)
            est = rate * mt.scale
            se = (n / (n - 1) * ssq).sqrt() / big_w * mt.scale
        parts.append(
            wide.select(
                *keys,
                pl.lit(mt.name).alias("metric"),
                pl.lit(mt.kind).alias("kind"),
                n.cast(pl.Int64).alias("n_patients"),
                est.cast(pl.Float64).alias("estimate"),
                se.cast(pl.Float64).alias("se"),
            )
        )
    return pl.concat(parts)


def with_intervals(df: pl.DataFrame, confidence: float) -> pl.DataFrame:
    """Add ci_low/ci_high: Wilson for proportions, t for means, Wald (>= 0) for rates."""
    z = _z(confidence)
    n = df["n_patients"].cast(pl.Float64).to_numpy()
    est = df["estimate"].to_numpy().astype(float)
    se = df["se"].to_numpy().astype(float)
    kind = df["kind"].to_numpy()
    low = np.full(len(df), np.nan)
    high = np.full(len(df), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        prop = kind == "proportion"
        centre = (est + z * z / (2 * n)) / (1 + z * z / n)
        half = z / (1 + z * z / n) * np.sqrt(est * (1 - est) / n + z * z / (4 * n * n))
        # Wilson always contains k/n; min/max only absorbs rounding at k = 0 or k = n.
        low[prop] = np.minimum(np.clip(centre - half, 0, 1), est)[prop]
        high[prop] = np.maximum(np.clip(centre + half, 0, 1), est)[prop]
        mean = kind == "mean"
        tq = stats.t.ppf(0.5 + confidence / 2, np.maximum(n - 1, 1))
        low[mean], high[mean] = (est - tq * se)[mean], (est + tq * se)[mean]
        rate = kind == "rate"
        low[rate], high[rate] = np.maximum(est - z * se, 0)[rate], (est + z * se)[rate]
    return df.with_columns(
        pl.Series("ci_low", low).fill_nan(None), pl.Series("ci_high", high).fill_nan(None)
    )


def suppress(
    df: pl.DataFrame, min_cell: int, n_columns: Sequence[str] = ("n_patients",)
) -> pl.DataFrame:
    """Blank every figure of a row over fewer than `min_cell` patients; mark it suppressed."""
    small = pl.any_horizontal([pl.col(c).fill_null(0) < min_cell for c in n_columns])
    figures = [c for c in ("estimate", "ci_low", "ci_high", "se", *n_columns) if c in df.columns]
    return df.with_columns(
        *[pl.when(small).then(None).otherwise(pl.col(c)).alias(c) for c in figures],
        small.alias("suppressed"),
    )


def program_table(
    frame: pl.LazyFrame, p: OutcomesParams, metrics: Sequence[Metric]
) -> pl.DataFrame:
    """Unsuppressed stats for every metric per arm: overall and by each group column."""
    parts = []
    for dim in ("overall", *p.group_columns):
        lf = frame.with_columns(pl.lit("all").alias("overall")) if dim == "overall" else frame
        s = sufficient_stats(lf.with_columns(pl.col(dim).cast(pl.String)), ["arm", dim], metrics)
        parts.append(s.rename({dim: "group"}).with_columns(pl.lit(dim).alias("dimension")))
    return pl.concat(parts)


def compare_arms(stats_df: pl.DataFrame, confidence: float) -> pl.DataFrame:
    """AI-hybrid vs usual care per dimension, group and metric: difference and ratio.

    Arms are independent: the difference's SE is sqrt(se1^2 + se0^2); the ratio's CI is
    exp(log ratio +- z sqrt((se1/e1)^2 + (se0/e0)^2)) (delta method).
    """
    z = _z(confidence)
    keys = ["dimension", "group", "metric"]
    cols = ["n_patients", "estimate", "se"]
    h = stats_df.filter(pl.col("arm") == HYBRID).select(*keys, *cols)
    u = stats_df.filter(pl.col("arm") == USUAL).select(*keys, *cols)
    j = h.join(u, on=keys, suffix="_usual").rename(
        {"n_patients": "n_hybrid", "estimate": "hybrid", "se": "se_hybrid"}
    )
    e1, e0, s1, s0 = (pl.col(c) for c in ("hybrid", "estimate_usual", "se_hybrid", "se_usual"))
    diff_se = (s1**2 + s0**2).sqrt()
    log_se = ((s1 / e1) ** 2 + (s0 / e0) ** 2).sqrt()
    ratio = e1 / e0
    ok = (e1 > 0) & (e0 > 0)
    base = [
        *keys,
        "n_hybrid",
        pl.col("n_patients_usual").alias("n_usual"),
        "hybrid",
        pl.col("estimate_usual").alias("usual"),
    ]
    diff = j.select(
        *base,
        pl.lit("difference").alias("measure"),
        (e1 - e0).alias("estimate"),
        (e1 - e0 - z * diff_se).alias("ci_low"),
        (e1 - e0 + z * diff_se).alias("ci_high"),
    )
    rat = j.select(
        *base,
        pl.lit("ratio").alias("measure"),
        pl.when(ok).then(ratio).alias("estimate"),
        pl.when(ok).then(ratio * (-z * log_se).exp()).alias("ci_low"),
        pl.when(ok).then(ratio * (z * log_se).exp()).alias("ci_high"),
    )
    return pl.concat([diff, rat]).with_columns(pl.lit(f"{HYBRID}_vs_{USUAL}").alias("comparison"))


def compare_pre_post(frame: pl.LazyFrame, p: OutcomesParams, dims: Sequence[str]) -> pl.DataFrame:
    """Follow-up vs pre-enrolment rate ratio within each arm, over patients observed in both.

    log RR = log(E1/W1) - log(E0/W0); each patient contributes the influence term
    u = a - b with a = (e1 - r1 w1)/E1 and b = (e0 - r0 w0)/E0, and
    var(log RR) = n/(n-1) sum(u^2). sum(u^2) is expanded into sums of products per group,
    so one group_by per dimension computes it.
    """
    z = _z(p.confidence)
    out = []
    for dim in dims:
        lf = frame.with_columns(pl.lit("all").alias("overall")) if dim == "overall" else frame
        lf = lf.with_columns(pl.col(dim).cast(pl.String).alias("group"))
        for metric, (e1, w1, e0, w0, scale) in PRE_POST.items():
            v = {"e1": e1, "w1": w1, "e0": e0, "w0": w0}
            products = [(a, b) for i, a in enumerate(v) for b in list(v)[i:]]
            res = (
                lf.filter((pl.col(w1) > 0) & (pl.col(w0) > 0))
                .select(
                    "arm", "group", *[pl.col(c).cast(pl.Float64).alias(k) for k, c in v.items()]
                )
                .group_by("arm", "group")
                .agg(
                    pl.len().alias("n"),
                    *[pl.col(k).sum().alias(k.upper()) for k in v],
                    *[(pl.col(a) * pl.col(b)).sum().alias(f"{a}{b}") for a, b in products],
                )
                .collect()
            )
            c = pl.col
            r1, r0 = c("E1") / c("W1"), c("E0") / c("W0")
            saa = (c("e1e1") - 2 * r1 * c("e1w1") + r1 * r1 * c("w1w1")) / c("E1") ** 2
            sbb = (c("e0e0") - 2 * r0 * c("e0w0") + r0 * r0 * c("w0w0")) / c("E0") ** 2
            sab = (c("e1e0") - r0 * c("e1w0") - r1 * c("w1e0") + r1 * r0 * c("w1w0")) / (
                c("E1") * c("E0")
            )
            n = c("n").cast(pl.Float64)
            se = (n / (n - 1) * (saa + sbb - 2 * sab).clip(lower_bound=0)).sqrt()
            ratio = r1 / r0
            ok = (c("E1") > 0) & (c("E0") > 0)
            out.append(
                res.select(
                    pl.lit(dim).alias("dimension"),
                    "group",
                    pl.lit(metric).alias("metric"),
                    pl.concat_str(c("arm"), pl.lit("_followup_vs_pre")).alias("comparison"),
                    pl.lit("ratio").alias("measure"),
                    c("n").cast(pl.Int64).alias("n_patients"),
                    (r1 * scale).alias("followup"),
                    (r0 * scale).alias("pre"),
                    pl.when(ok).then(ratio).alias("estimate"),
                    pl.when(ok).then(ratio * (-z * se).exp()).alias("ci_low"),
                    pl.when(ok).then(ratio * (z * se).exp()).alias("ci_high"),
                    pl.when(ok).then(se).alias("se_log"),
                )
            )
    return pl.concat(out)


def retention(per_patient: pl.LazyFrame, p: OutcomesParams) -> pl.DataFrame:
    """Share of patients still in the program at week k, among those planned to reach k."""
    z = _z(p.confidence)
    # A patient planned to week P who stayed to week L counts in the denominator of weeks
    # 0..P and the numerator of weeks 0..min(L, P): two histograms, summed from the top.
    pts = per_patient.select(
        "arm",
        "planned_weeks",
        pl.min_horizontal(pl.col("last_program_week").fill_null(-1), "planned_weeks").alias("m"),
    ).collect()
    max_week = int(pts["planned_weeks"].max() or 0)
    grid = pl.DataFrame({"arm": sorted(set(pts["arm"]))}).join(
        pl.DataFrame({"week": list(range(max_week + 1))}, schema={"week": pl.Int64}), how="cross"
    )
    planned = pts.group_by("arm", pl.col("planned_weeks").alias("week")).agg(pl.len().alias("a"))
    stayed = pts.group_by("arm", pl.col("m").cast(pl.Int64).alias("week")).agg(pl.len().alias("b"))
    rows = (
        grid.join(planned, on=["arm", "week"], how="left")
        .join(stayed, on=["arm", "week"], how="left")
        .sort("arm", "week", descending=[False, True])
        .with_columns(
            pl.col("a").fill_null(0).cum_sum().over("arm").cast(pl.Int64).alias("n_patients"),
            pl.col("b").fill_null(0).cum_sum().over("arm").cast(pl.Int64).alias("k"),
        )
        .filter(pl.col("n_patients") > 0)
        .sort("arm", "week")
    )
    n = pl.col("n_patients").cast(pl.Float64)
    est = pl.col("k") / n
    centre = (est + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (est * (1 - est) / n + z * z / (4 * n * n)).sqrt()
    out = rows.select(
        "arm",
        "week",
        "n_patients",
        est.alias("estimate"),
        (centre - half).alias("ci_low"),
        (centre + half).alias("ci_high"),
    )
    return suppress(out, p.min_cell)


def monthly_stats(
    t: dict[str, pl.LazyFrame], per_patient: pl.LazyFrame, p: OutcomesParams
) -> pl.DataFrame:
    """Calendar-month trends per arm, each patient-month one unit.

    Scores: the mean over patients of each patient's monthly mean (a patient measured four
    times in a month counts once). Program weeks, active weeks and crisis interventions are
    summed per patient and month, so rates carry a patient-month-clustered error. Months are
    calendar months of the measure date, or of the program week's start.
    """
    pts = per_patient.select("patient_id", "arm", "enrolment_date", "last_program_week")
    month = pl.col("date").dt.month_start().alias("month")
    scores = (
        t["weekly_measures"]
        .select("patient_id", month, "phq9_total", "gad7_total", "wemwbs")
        .group_by("patient_id", "month")
        .agg(
            pl.col("phq9_total").mean().alias("phq9_mean"),
            pl.col("gad7_total").mean().alias("gad7_mean"),
            pl.col("wemwbs").mean().alias("wemwbs_mean"),
        )
        .join(pts.select("patient_id", "arm"), on="patient_id")
    )
    engaged = (pl.col("checkin_messages") > 0) | (pl.col("therapy_sessions_attended") > 0)
    weeks = (
        t["engagement"]
        .filter(pl.col("week") >= 0)
        .join(pts.select("patient_id", "arm", "enrolment_date"), on="patient_id")
        .select(
            "patient_id",
            "arm",
            (pl.col("enrolment_date") + pl.duration(weeks=pl.col("week")))
            .dt.month_start()
            .alias("month"),
            engaged.cast(pl.Int64).alias("active_weeks"),
        )
        .group_by("patient_id", "arm", "month")
        .agg(pl.len().cast(pl.Int64).alias("weeks"), pl.col("active_weeks").sum())
    )
    crises = (
        t["crisis_events"]
        .filter(pl.col("event_type").is_in(list(p.crisis_event_types)))
        .join(pts, on="patient_id")
        .with_columns(program_week(pl.col("date")).alias("w"))
        .filter((pl.col("w") >= 0) & (pl.col("w") <= pl.col("last_program_week")))
        .group_by("patient_id", month)
        .agg(pl.len().cast(pl.Int64).alias("crisis"))
    )
    weeks = weeks.join(crises, on=["patient_id", "month"], how="left").with_columns(
        pl.col("crisis").fill_null(0)
    )
    by_frame = {
        "scores": [m for m in MONTH_METRICS if m.kind == "mean"],
        "weeks": [m for m in MONTH_METRICS if m.kind != "mean"],
    }
    parts = [
        sufficient_stats(scores, ["arm", "month"], by_frame["scores"]),
        sufficient_stats(weeks, ["arm", "month"], by_frame["weeks"]),
    ]
    return (
        pl.concat(parts)
        .with_columns(
            pl.col("month").dt.strftime("%Y-%m").alias("group"),
            pl.lit("calendar_month").alias("dimension"),
        )
        .drop("month")
    )


# ---- headline figures ------------------------------------------------------------------------
def _figure(
    row: dict[str, Any] | None, *, transform: str, published: float | None
) -> dict[str, Any]:
    """A headline figure from a ratio row: ratio - 1 ('increase') or 1 - ratio ('reduction')."""
    if row is None or row["estimate"] is None:
        return {
            "estimate": None,
            "ci_low": None,
            "ci_high": None,
            "published": published,
            "suppressed": True,
        }
    if transform == "increase":
        est, low, high = row["estimate"] - 1, row["ci_low"] - 1, row["ci_high"] - 1
    else:
        est, low, high = 1 - row["estimate"], 1 - row["ci_high"], 1 - row["ci_low"]
    return {
        "estimate": round(est, 4),
        "ci_low": round(low, 4),
        "ci_high": round(high, 4),
        "published": published,
        "suppressed": False,
    }


def headline(arms: pl.DataFrame, prepost: pl.DataFrame, p: OutcomesParams) -> dict[str, Any]:
    """The program's own versions of the figures hybrid programs publish, each defined.

    - wellbeing_increase = mean WEMWBS change in AI-hybrid / mean change in usual care - 1
    - crisis_reduction = 1 - (crisis interventions per patient-week, AI-hybrid / usual care)
    - engagement_increase = (share attending >= N sessions, AI-hybrid / usual care) - 1
    - crisis_reduction_vs_pre.<arm> = 1 - (follow-up rate / pre-enrolment rate), same patients
    - engagement_increase_vs_pre.<arm> = sessions per week, follow-up / pre-enrolment - 1
    - crisis_reduction_vs_pre.beyond_usual_care = 1 - (the AI-hybrid follow-up/pre ratio /
      the usual-care follow-up/pre ratio): the pre-post drop that usual care did not also see
    """

    def row(frame: pl.DataFrame, **eq: str) -> dict[str, Any] | None:
        f = frame.filter(pl.col("dimension") == "overall", pl.col("measure") == "ratio")
        for k, v in eq.items():
            f = f.filter(pl.col(k) == v)
        return f.row(0, named=True) if f.height else None

    pub = p.published
    out = {
        "wellbeing_increase": _figure(
            row(arms, metric="wemwbs_change"),
            transform="increase",
            published=pub.wellbeing_increase,
        ),
        "crisis_reduction": _figure(
            row(arms, metric="crisis_per_1000_pw"),
            transform="reduction",
            published=pub.crisis_reduction,
        ),
        "engagement_increase": _figure(
            row(arms, metric="attended_sessions_rate"),
            transform="increase",
            published=pub.engagement_increase,
        ),
    }
    for arm in ARMS:
        comp = f"{arm}_followup_vs_pre"
        out[f"crisis_reduction_vs_pre.{arm}"] = _figure(
            row(prepost, metric="crisis_per_1000_pw", comparison=comp),
            transform="reduction",
            published=pub.crisis_reduction,
        )
        out[f"engagement_increase_vs_pre.{arm}"] = _figure(
            row(prepost, metric="sessions_per_week", comparison=comp),
            transform="increase",
            published=pub.engagement_increase,
        )
    out["crisis_reduction_vs_pre.beyond_usual_care"] = _figure(
        ratio_of_ratios(
            row(prepost, metric="crisis_per_1000_pw", comparison=f"{HYBRID}_followup_vs_pre"),
            row(prepost, metric="crisis_per_1000_pw", comparison=f"{USUAL}_followup_vs_pre"),
            p.confidence,
        ),
        transform="reduction",
        published=pub.crisis_reduction,
    )
    return out


def ratio_of_ratios(
    a: dict[str, Any] | None, b: dict[str, Any] | None, confidence: float
) -> dict[str, Any] | None:
    """(follow-up/pre in AI-hybrid) / (follow-up/pre in usual care): the change beyond what
    usual care saw over the same enrolment (regression to the mean, seasonality). The arms
    are independent, so the log-scale variances add."""
    if a is None or b is None or a["estimate"] is None or b["estimate"] is None:
        return None
    z = _z(confidence)
    est = a["estimate"] / b["estimate"]
    se = float(np.hypot(a["se_log"], b["se_log"]))
    return {"estimate": est, "ci_low": est * np.exp(-z * se), "ci_high": est * np.exp(z * se)}


# ---- the stage -------------------------------------------------------------------------------
def compute(
    t: dict[str, pl.LazyFrame], p: OutcomesParams, sp: ScreeningParams
) -> dict[str, pl.DataFrame]:
    """Every outcome table (suppressed where needed) from the lazy input tables."""
    per_patient = patient_outcomes(t, p).collect()
    lf = per_patient.lazy()
    dims = ("overall", *p.group_columns)
    stats_df = program_table(lf, p, PATIENT_METRICS)
    month_stats = monthly_stats(t, lf, p)
    all_stats = pl.concat([stats_df, month_stats], how="diagonal")
    arms = compare_arms(all_stats, p.confidence)
    arms = suppress(arms, p.min_cell, ("n_hybrid", "n_usual")).with_columns(
        pl.when(pl.col("suppressed")).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("hybrid", "usual")
    )
    prepost = suppress(compare_pre_post(lf, p, dims), p.min_cell).with_columns(
        pl.when(pl.col("suppressed")).then(None).otherwise(pl.col(c)).alias(c)
        for c in ("followup", "pre", "se_log")
    )
    program = suppress(with_intervals(all_stats, p.confidence), p.min_cell)
    program = program.select(*LONG_SCHEMA, "kind").sort("dimension", "group", "arm", "metric")
    comparisons = pl.concat(
        [
            arms.select(
                "dimension",
                "group",
                "metric",
                "comparison",
                "measure",
                "n_hybrid",
                "n_usual",
                "estimate",
                "ci_low",
                "ci_high",
                "suppressed",
            ),
            prepost.select(
                "dimension",
                "group",
                "metric",
                "comparison",
                "measure",
                pl.col("n_patients").alias("n_hybrid"),
                pl.lit(None, pl.Int64).alias("n_usual"),
                "estimate",
                "ci_low",
                "ci_high",
                "suppressed",
            ),
        ]
    ).sort("dimension", "group", "metric", "comparison", "measure")
    return {
        "patients": per_patient,
        "program": program,
        "comparisons": comparisons,
        "retention": retention(lf, p),
        "screening": screening_table(t, per_patient, sp),
        "_arms": arms,
        "_prepost": prepost,
    }


def report(tables: dict[str, pl.DataFrame], p: OutcomesParams) -> dict[str, Any]:
    """outcomes.json: the headline figures, the overall per-arm metrics and the denominators."""
    program = tables["program"].filter(pl.col("dimension") == "overall")
    per_arm: dict[str, dict[str, Any]] = {}
    for r in program.iter_rows(named=True):
        per_arm.setdefault(r["arm"], {})[r["metric"]] = {
            "estimate": None if r["estimate"] is None else round(r["estimate"], 4),
            "ci_low": None if r["ci_low"] is None else round(r["ci_low"], 4),
            "ci_high": None if r["ci_high"] is None else round(r["ci_high"], 4),
            "n": r["n_patients"],
        }
    pts = tables["patients"]
    steps = tables["screening"].filter(pl.col("timepoint") == "current")["step"].value_counts()
    return {
        "headline": headline(tables["_arms"], tables["_prepost"], p),
        "arms": per_arm,
        "patients": pts.height,
        "patients_by_arm": {a: int((pts["arm"] == a).sum()) for a in ARMS},
        "patients_without_baseline": int(pts["baseline_week"].is_null().sum()),
        "patients_without_followup": int((~pts["has_followup"]).sum()),
        "suppressed_cells": int(tables["program"]["suppressed"].sum()),
        "screening_current_step": {r["step"]: r["count"] for r in steps.iter_rows(named=True)},
    }
