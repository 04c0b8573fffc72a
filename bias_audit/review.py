"""Reading reviewers' decisions back as labels, through the ingest contract.

A reviewer fills `reviewer_decision` (none, low, moderate or high) in the audit's
`review_queue.csv`. `carebridge review-import REVIEWED BASE_LABELS OUTPUT` applies the
decisions to a `risk_labels` table (the reviewer's level replaces the old label of that
message; rows without a decision are left alone) and writes a table that passes the
`risk_labels` contract, ready for `ingest`. Bad decisions are listed by file, row and column.
"""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipelines.core.errors import UserError
from pipelines.core.io import InputError, read_table, write_records
from pipelines.core.schemas import RISK_LEVELS, TABLES_BY_NAME, Report, validate_table


class ReviewError(UserError):
    """The reviewed file or the labels table is unusable; the message says where."""


def apply_decisions(reviewed: Path, base_labels: Path, output: Path) -> dict[str, int]:
    """Write `output`: `base_labels` with the reviewed decisions applied (contract-checked)."""
    try:
        queue = read_table(reviewed)
        base = read_table(base_labels)
    except InputError as err:
        raise ReviewError(str(err)) from None
    missing = [c for c in ("message_id", "reviewer_decision") if c not in queue.columns]
    if missing:
        raise ReviewError(f"{reviewed}: missing column(s) {', '.join(missing)}")
    queue = queue.with_row_index("row", offset=2 if reviewed.suffix == ".csv" else 1)
    decided = queue.filter(
        pl.col("reviewer_decision").cast(pl.String).str.strip_chars().fill_null("") != ""
    ).with_columns(
        pl.col("reviewer_decision").cast(pl.String).str.strip_chars().str.to_lowercase()
    )
    bad = decided.filter(~pl.col("reviewer_decision").is_in(RISK_LEVELS))
    if bad.height:
        rows = ", ".join(str(r) for r in bad["row"].head(10))
        raise ReviewError(
            f"{reviewed}: rows {rows}: column 'reviewer_decision' must be one of "
            f"{', '.join(RISK_LEVELS)}"
        )
    dupes = decided.filter(pl.col("message_id").is_duplicated())
    if dupes.height:
        rows = ", ".join(str(r) for r in dupes["row"].head(10))
        raise ReviewError(f"{reviewed}: rows {rows}: the same message_id is decided twice")
    report = Report(limit=20)
    typed = validate_table(TABLES_BY_NAME["risk_labels"], base, base_labels, report)
    if report or typed is None:
        raise ReviewError("; ".join(str(v) for v in report.violations))
    updates = decided.select("message_id", pl.col("reviewer_decision").alias("new"))
    merged = (
        typed.drop("__row", strict=False)
        .join(updates, on="message_id", how="full", coalesce=True)
        .with_columns(pl.coalesce("new", "risk_level").alias("risk_level"))
        .select("message_id", "risk_level")
        .sort("message_id")
    )
    check = Report(limit=20)
    validate_table(TABLES_BY_NAME["risk_labels"], merged, output, check)
    if check:
        raise ReviewError("; ".join(str(v) for v in check.violations))
    write_records(merged, output)
    changed = updates.join(typed, on="message_id", how="left").filter(
        pl.col("risk_level").is_null() | (pl.col("risk_level") != pl.col("new"))
    )
    return {"decisions": updates.height, "changed": changed.height, "labels": merged.height}
