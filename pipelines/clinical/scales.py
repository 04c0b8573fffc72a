"""The published scales: PHQ-9 and GAD-7 severity bands, and program weeks."""

from __future__ import annotations

import polars as pl

# Published severity bands (lower bound of each band).
SEVERITY_BANDS: dict[str, tuple[tuple[int, str], ...]] = {
    "phq9": (
        (0, "minimal"),
        (5, "mild"),
        (10, "moderate"),
        (15, "moderately_severe"),
        (20, "severe"),
    ),
    "gad7": ((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
}


def program_week(date: pl.Expr) -> pl.Expr:
    """Whole weeks from a patient's enrolment to `date` (negative before enrolment; week 0 is
    the enrolment week). The frame needs `enrolment_date`."""
    return ((date - pl.col("enrolment_date")).dt.total_days() // 7).cast(pl.Int64)


def severity_band(column: str, scale: str) -> pl.Expr:
    """The published severity band of a PHQ-9 or GAD-7 total."""
    bands = SEVERITY_BANDS[scale]
    expr = pl.when(pl.col(column).is_null()).then(pl.lit(None, dtype=pl.String))
    for lower, name in reversed(bands):
        expr = expr.when(pl.col(column) >= lower).then(pl.lit(name))
    return expr.otherwise(pl.lit(None, dtype=pl.String))
