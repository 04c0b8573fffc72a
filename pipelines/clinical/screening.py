"""Screening results and the stepped-care suggestion (PHQ-9, GAD-7, PC-PTSD-5).

Part of the `outcomes` stage. For every patient, at intake (baseline measures and the intake
PC-PTSD-5) and now (the latest measures; PC-PTSD-5 is asked at intake only): each total, its
severity band, whether the screen is positive, and the suggested step: `urgent_referral` if
any score reaches its `screening.urgent_referral` value, else `assistant_plus_therapist` if
any reaches its `screening.assistant_plus_therapist` value, else `self_guided`. Each
suggestion lists the rules that made it. A suggestion supports a clinician's decision; it
does not replace one.
"""

from __future__ import annotations

import polars as pl

from pipelines.clinical.scales import severity_band
from pipelines.core.params import ScreeningParams, StepRule

STEPS = ("urgent_referral", "assistant_plus_therapist", "self_guided")
_LABELS = {
    "phq9_total": "PHQ-9",
    "gad7_total": "GAD-7",
    "pcptsd5_total": "PC-PTSD-5",
    "phq9_item9": "PHQ-9 item 9",
}


def _rule_hits(rule: StepRule) -> list[tuple[pl.Expr, str]]:
    """(condition, reason) for each score the rule uses."""
    hits = []
    for field, label in _LABELS.items():
        value = getattr(rule, field)
        if value is not None:
            hits.append((pl.col(field) >= value, f"{label} >= {value}"))
    return hits


def _reasons(hits: list[tuple[pl.Expr, str]]) -> pl.Expr:
    """The reasons reached, joined by '; ' (empty when none)."""
    if not hits:
        return pl.lit("")
    return pl.concat_str(
        [pl.when(cond).then(pl.lit(text)) for cond, text in hits],
        separator="; ",
        ignore_nulls=True,
    )


def with_step(frame: pl.LazyFrame, sp: ScreeningParams) -> pl.LazyFrame:
    """Add `step` and `reasons` (the rules reached, '; '-separated) to a frame with
    phq9_total, gad7_total, pcptsd5_total, phq9_item9; no PHQ-9/GAD-7 scores, no step."""
    urgent = _rule_hits(sp.urgent_referral)
    therapist = _rule_hits(sp.assistant_plus_therapist)

    def reached(hits: list[tuple[pl.Expr, str]]) -> pl.Expr:
        return pl.any_horizontal([c for c, _ in hits]).fill_null(False) if hits else pl.lit(False)

    measured = pl.col("phq9_total").is_not_null() & pl.col("gad7_total").is_not_null()
    return frame.with_columns(
        pl.when(~measured)
        .then(None)
        .when(reached(urgent))
        .then(pl.lit("urgent_referral"))
        .when(reached(therapist))
        .then(pl.lit("assistant_plus_therapist"))
        .otherwise(pl.lit("self_guided"))
        .alias("step"),
        pl.when(~measured)
        .then(pl.lit("no PHQ-9/GAD-7 measures"))
        .when(reached(urgent))
        .then(_reasons(urgent))
        .when(reached(therapist))
        .then(_reasons(therapist))
        .otherwise(pl.lit("all scores below the assistant-plus-therapist rules"))
        .alias("reasons"),
    )


def screening_table(
    t: dict[str, pl.LazyFrame], per_patient: pl.DataFrame, sp: ScreeningParams
) -> pl.DataFrame:
    """Screening results at intake and now, with the suggested step, one row per timepoint."""
    pts = per_patient.lazy()
    intake = pts.select(
        "patient_id",
        pl.lit("intake").alias("timepoint"),
        pl.col("baseline_week").alias("week"),
        pl.col("phq9_baseline").alias("phq9_total"),
        pl.col("gad7_baseline").alias("gad7_total"),
        pl.col("phq9_item9_baseline").alias("phq9_item9"),
        "pcptsd5_total",
    )
    current = pts.select(
        "patient_id",
        pl.lit("current").alias("timepoint"),
        pl.coalesce("latest_week", "baseline_week").alias("week"),
        pl.coalesce("phq9_latest", "phq9_baseline").alias("phq9_total"),
        pl.coalesce("gad7_latest", "gad7_baseline").alias("gad7_total"),
        pl.coalesce("phq9_item9_latest", "phq9_item9_baseline").alias("phq9_item9"),
        "pcptsd5_total",
    )
    both = pl.concat([intake, current]).with_columns(
        severity_band("phq9_total", "phq9").alias("phq9_band"),
        (pl.col("phq9_total") >= sp.phq9_positive).alias("phq9_positive"),
        severity_band("gad7_total", "gad7").alias("gad7_band"),
        (pl.col("gad7_total") >= sp.gad7_positive).alias("gad7_positive"),
        (pl.col("pcptsd5_total") >= sp.pcptsd5_positive).alias("pcptsd5_positive"),
    )
    return with_step(both, sp).sort("patient_id", "timepoint").collect()
