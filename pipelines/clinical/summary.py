"""Clinician pre-session summaries and the alert feed (the `summaries` stage runs them).

Reads the validated tables in `paths.interim` (patients, weekly_measures, engagement and, if
present, daily_wearables), the de-identified patient messages (`paths.processed/deid`; never
raw text) and the risk model's message scores (`paths.processed/scores/risk.parquet`, if the
`score` stage has run). Writes `paths.processed/summaries/`:

- `summaries.jsonl`: one JSON summary per patient; `summaries.md`: the same, as Markdown.
  `carebridge summary PATIENT_ID` prints one.
- `alerts.parquet` and `alerts.csv`: the alert feed, one row per alert with its rule and reason.

Dates. Summaries are as of `summaries.as_of` (null = the last date in the data). A patient's
reference week is the week of that date since their enrolment, or their last week in the
program if they left before it. "Recent" is the `window_weeks` weeks up to the reference week,
compared with the `window_weeks` before them.

Alert rules (`summaries.alerts`), each with its reason in words and numbers, never text:
- `risk_model`: the risk model alerted on at least one message that day;
- `phq9_item9`: PHQ-9 item 9 at or above `phq9_item9_min`;
- `phq9_rise`: PHQ-9 up by `phq9_rise` or more since the previous measure;
- `missed_checkins`: no weekly measures for `missed_weeks` weeks after a PHQ-9 of `high_phq9`
  or more, while the patient was still planned to be in the program.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.clinical.scales import program_week, severity_band
from pipelines.clinical.topics import TOPICS, topic_flags
from pipelines.core.errors import UserError
from pipelines.core.io import scan_checked
from pipelines.core.params import AlertRules, SummariesParams

log = logging.getLogger("carebridge.summaries")

SUMMARY_DIR = "summaries"
ALERT_COLUMNS = {
    "patient_id": pl.String,
    "date": pl.Date,
    "week": pl.Int64,
    "rule": pl.String,
    "reason": pl.String,
    "value": pl.Float64,
}


class SummaryError(UserError):
    """An input is missing, or a patient has no summary."""


# ---- inputs ----------------------------------------------------------------------------------
def _scan(path: Path, needed: tuple[str, ...], hint: str) -> pl.LazyFrame:
    return scan_checked(path, needed, hint=hint, error=SummaryError)


def scan_inputs(interim: Path, processed: Path) -> dict[str, pl.LazyFrame | None]:
    """The lazy inputs; wearables and risk scores are optional (None when absent)."""
    ingest = "run `dvc repro ingest` first"
    t: dict[str, pl.LazyFrame | None] = {
        "patients": _scan(
            interim / "patients.parquet",
            ("patient_id", "arm", "site", "enrolment_date", "end_date"),
            ingest,
        ),
        "weekly_measures": _scan(
            interim / "weekly_measures.parquet",
            (
                "patient_id",
                "week",
                "date",
                "phq9_total",
                "phq9_9",
                "gad7_total",
                "wemwbs",
                "medication_adherence",
                "exercise_adherence",
            ),
            ingest,
        ),
        "engagement": _scan(
            interim / "engagement.parquet",
            (
                "patient_id",
                "week",
                "checkin_messages",
                "therapy_sessions_scheduled",
                "therapy_sessions_attended",
                "reminders_sent",
                "reminders_acknowledged",
            ),
            ingest,
        ),
        "messages": _scan(
            processed / "deid" / "transcripts.parquet",
            ("message_id", "patient_id", "sent_at", "speaker", "text"),
            "run `dvc repro deidentify` first",
        ),
    }
    wear = interim / "daily_wearables.parquet"
    t["wearables"] = (
        _scan(wear, ("patient_id", "date", "sleep_hours", "activity_minutes"), "")
        if wear.is_file()
        else None
    )
    scores = processed / "scores" / "risk.parquet"
    t["scores"] = (
        _scan(scores, ("message_id", "patient_id", "sent_at", "p_urgent", "alert"), "")
        if scores.is_file()
        else None
    )
    return t


def as_of_date(t: dict[str, pl.LazyFrame | None], sp: SummariesParams) -> dt.date:
    """`summaries.as_of`, or the last date any table records."""
    if sp.as_of is not None:
        return sp.as_of
    dates = [t["weekly_measures"].select(pl.col("date").max()).collect().item()]  # type: ignore[union-attr]
    dates.append(t["messages"].select(pl.col("sent_at").max().dt.date()).collect().item())  # type: ignore[union-attr]
    if t["wearables"] is not None:
        dates.append(t["wearables"].select(pl.col("date").max()).collect().item())
    found = [d for d in dates if d is not None]
    if not found:
        raise SummaryError("no dated records in weekly_measures or transcripts")
    return max(found)


# ---- per-patient frames ----------------------------------------------------------------------
def reference_weeks(t: dict[str, Any], as_of: dt.date) -> pl.LazyFrame:
    """Per patient: as-of week, last program week, reference week, status, recent window."""
    last = (
        t["engagement"]
        .filter(pl.col("week") >= 0)
        .group_by("patient_id")
        .agg(pl.col("week").max().alias("last_program_week"))
    )
    return (
        t["patients"]
        .select("patient_id", "arm", "site", "enrolment_date", "end_date")
        .join(last, on="patient_id", how="left")
        .with_columns(
            program_week(pl.lit(as_of)).alias("as_of_week"),
            program_week(pl.col("end_date")).alias("planned_weeks"),
        )
        .with_columns(
            pl.min_horizontal("as_of_week", pl.col("last_program_week").fill_null(0))
            .clip(lower_bound=0)
            .alias("ref_week"),
            pl.when(pl.col("as_of_week") < 0)
            .then(pl.lit("not yet enrolled"))
            .when(pl.col("last_program_week").is_null())
            .then(pl.lit("no program weeks"))
            .when(pl.col("last_program_week") >= pl.col("as_of_week"))
            .then(pl.lit("active"))
            .when(pl.col("last_program_week") >= pl.col("planned_weeks"))
            .then(pl.lit("completed"))
            .otherwise(pl.lit("left early"))
            .alias("status"),
        )
    )


def _window(week: pl.Expr, w: int) -> pl.Expr:
    """'recent' (the w weeks up to ref_week), 'previous' (the w before), else null."""
    lag = pl.col("ref_week") - week
    return (
        pl.when((lag >= 0) & (lag < w))
        .then(pl.lit("recent"))
        .when((lag >= w) & (lag < 2 * w))
        .then(pl.lit("previous"))
    )


def mood(t: dict[str, Any], ref: pl.LazyFrame, sp: SummariesParams) -> pl.LazyFrame:
    """PHQ-9/GAD-7 of the last `trajectory_weeks` weeks, latest scores, per-week slope."""
    m = (
        t["weekly_measures"]
        .select("patient_id", "week", "phq9_total", "gad7_total", "wemwbs")
        .join(ref.select("patient_id", "ref_week"), on="patient_id")
        .filter(pl.col("week") <= pl.col("ref_week"))
    )
    base = m.group_by("patient_id").agg(
        pl.col("phq9_total").min_by("week").alias("phq9_baseline"),
        pl.col("gad7_total").min_by("week").alias("gad7_baseline"),
    )
    recent = m.filter(pl.col("ref_week") - pl.col("week") < sp.trajectory_weeks).sort(
        "patient_id", "week"
    )

    def slope(y: str) -> pl.Expr:
        x = pl.col("week").cast(pl.Float64)
        yy = pl.col(y).cast(pl.Float64)
        cov = ((x - x.mean()) * (yy - yy.mean())).sum()
        var = ((x - x.mean()) ** 2).sum()
        return pl.when(pl.len() >= 2).then(cov / var).alias(f"{y}_slope")

    return (
        recent.group_by("patient_id")
        .agg(
            pl.struct("week", "phq9_total", "gad7_total", "wemwbs").alias("trajectory"),
            pl.col("phq9_total").last().alias("phq9_latest"),
            pl.col("gad7_total").last().alias("gad7_latest"),
            pl.col("week").last().alias("latest_week"),
            slope("phq9_total"),
            slope("gad7_total"),
        )
        .join(base, on="patient_id", how="left")
        .with_columns(
            severity_band("phq9_latest", "phq9").alias("phq9_band"),
            severity_band("gad7_latest", "gad7").alias("gad7_band"),
        )
    )


def patient_messages(t: dict[str, Any], ref: pl.LazyFrame) -> pl.LazyFrame:
    """De-identified patient messages with their program week (text stays in this frame)."""
    return (
        t["messages"]
        .filter(pl.col("speaker") == "patient")
        .select("message_id", "patient_id", "sent_at", "text")
        .join(ref.select("patient_id", "enrolment_date", "ref_week"), on="patient_id")
        .with_columns(program_week(pl.col("sent_at").dt.date()).alias("week"))
        .filter(pl.col("week") <= pl.col("ref_week"))
    )


def topics(msgs: pl.LazyFrame, sp: SummariesParams) -> pl.LazyFrame:
    """Per patient and topic: messages mentioning it, recent vs previous window, trend."""
    flagged = msgs.with_columns(
        *topic_flags(pl.col("text")), _window(pl.col("week"), sp.window_weeks).alias("window")
    )
    counts = flagged.group_by("patient_id").agg(
        *[pl.col(tp).sum().alias(f"{tp}|total") for tp in TOPICS],
        *[
            (pl.col(tp) & (pl.col("window") == "recent")).sum().alias(f"{tp}|recent")
            for tp in TOPICS
        ],
        *[
            (pl.col(tp) & (pl.col("window") == "previous")).sum().alias(f"{tp}|previous")
            for tp in TOPICS
        ],
    )
    rows = [
        counts.select(
            "patient_id",
            pl.lit(tp).alias("topic"),
            pl.col(f"{tp}|total").cast(pl.Int64).alias("total"),
            pl.col(f"{tp}|recent").cast(pl.Int64).alias("recent"),
            pl.col(f"{tp}|previous").cast(pl.Int64).alias("previous"),
        )
        for tp in TOPICS
    ]
    r, p = pl.col("recent"), pl.col("previous")
    return (
        pl.concat(rows)
        .filter(pl.col("total") > 0)
        .with_columns(
            pl.when((p == 0) & (r > 0))
            .then(pl.lit("new"))
            .when(r > p)
            .then(pl.lit("rising"))
            .when(r < p)
            .then(pl.lit("falling"))
            .otherwise(pl.lit("steady"))
            .alias("trend")
        )
        .sort("patient_id", "recent", "total", "topic", descending=[False, True, True, False])
        .group_by("patient_id", maintain_order=True)
        .agg(pl.struct("topic", "total", "recent", "previous", "trend").alias("topics"))
    )


def sentiment_scores(msgs: pl.DataFrame) -> pl.Series:
    """VADER compound sentiment (-1 to 1) of each message."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    texts = msgs["text"].str.replace_all(r"<[A-Z_]+>", "someone").to_list()
    return pl.Series("sentiment", [analyzer.polarity_scores(x)["compound"] for x in texts])


def sentiment(msgs: pl.DataFrame, sp: SummariesParams) -> pl.LazyFrame:
    """Weekly mean sentiment of the patient's messages, recent vs previous window."""
    scored = msgs.select("patient_id", "week", "ref_week").with_columns(sentiment_scores(msgs))
    scored = scored.with_columns(_window(pl.col("week"), sp.window_weeks).alias("window"))
    weekly = (
        scored.lazy()
        .filter(pl.col("ref_week") - pl.col("week") < sp.trajectory_weeks)
        .group_by("patient_id", "week")
        .agg(pl.col("sentiment").mean().round(3).alias("mean"), pl.len().alias("messages"))
        .sort("patient_id", "week")
        .group_by("patient_id", maintain_order=True)
        .agg(pl.struct("week", "mean", "messages").alias("sentiment_weekly"))
    )
    s = pl.col("sentiment")
    windows = (
        scored.lazy()
        .group_by("patient_id")
        .agg(
            s.filter(pl.col("window") == "recent").mean().round(3).alias("sentiment_recent"),
            s.filter(pl.col("window") == "previous").mean().round(3).alias("sentiment_previous"),
            (pl.col("window") == "recent").sum().alias("messages_recent"),
        )
    )
    return weekly.join(windows, on="patient_id", how="full", coalesce=True)


def wearables(t: dict[str, Any], ref: pl.LazyFrame, sp: SummariesParams) -> pl.LazyFrame | None:
    """Sleep and activity of the last `recent_days` against the first `wearable_baseline_days`."""
    if t["wearables"] is None:
        return None
    w = (
        t["wearables"]
        .join(ref.select("patient_id", "enrolment_date", "ref_week"), on="patient_id")
        .with_columns((pl.col("date") - pl.col("enrolment_date")).dt.total_days().alias("day"))
        .with_columns((7 * pl.col("ref_week") + 6 - pl.col("day")).alias("lag"))
        .filter(pl.col("lag") >= 0)
    )
    base = (pl.col("day") >= 0) & (pl.col("day") < sp.wearable_baseline_days)
    recent = pl.col("lag") < sp.recent_days
    out = w.group_by("patient_id").agg(
        pl.col("sleep_hours").filter(base).mean().alias("sleep_baseline"),
        pl.col("sleep_hours").filter(recent).mean().alias("sleep_recent"),
        pl.col("sleep_hours").filter(recent).count().alias("sleep_days_recent"),
        pl.col("activity_minutes").filter(base).mean().alias("activity_baseline"),
        pl.col("activity_minutes").filter(recent).mean().alias("activity_recent"),
        pl.col("activity_minutes").filter(recent).count().alias("activity_days_recent"),
    )
    sleep_d = pl.col("sleep_recent") - pl.col("sleep_baseline")
    act_share = pl.col("activity_recent") / pl.col("activity_baseline") - 1
    return out.with_columns(
        sleep_d.round(2).alias("sleep_change_hours"),
        pl.when(sleep_d.is_null())
        .then(pl.lit("not enough data"))
        .when(sleep_d <= -sp.sleep_change_hours)
        .then(pl.lit("sleeping less than usual"))
        .when(sleep_d >= sp.sleep_change_hours)
        .then(pl.lit("sleeping more than usual"))
        .otherwise(pl.lit("as usual"))
        .alias("sleep_flag"),
        act_share.round(3).alias("activity_change_share"),
        pl.when(act_share.is_null())
        .then(pl.lit("not enough data"))
        .when(act_share <= -sp.activity_change_share)
        .then(pl.lit("less active than usual"))
        .when(act_share >= sp.activity_change_share)
        .then(pl.lit("more active than usual"))
        .otherwise(pl.lit("as usual"))
        .alias("activity_flag"),
    )


def adherence_and_engagement(
    t: dict[str, Any], ref: pl.LazyFrame, sp: SummariesParams
) -> pl.LazyFrame:
    """Medication/exercise adherence and engagement, recent vs previous window."""
    win = _window(pl.col("week"), sp.window_weeks)
    m = t["weekly_measures"].join(ref.select("patient_id", "ref_week"), on="patient_id")
    m = (
        m.with_columns(win.alias("window"))
        .group_by("patient_id")
        .agg(
            *[
                pl.col(c).filter(pl.col("window") == w).mean().round(3).alias(f"{c}_{w}")
                for c in ("medication_adherence", "exercise_adherence")
                for w in ("recent", "previous")
            ],
            (pl.col("window") == "recent").sum().alias("measures_recent"),
        )
    )
    e = (
        t["engagement"]
        .filter(pl.col("week") >= 0)
        .join(ref.select("patient_id", "ref_week"), on="patient_id")
        .filter(pl.col("week") <= pl.col("ref_week"))
    )
    recent = win == "recent"
    e = e.group_by("patient_id").agg(
        pl.col("checkin_messages").filter(recent).sum().alias("checkins_recent"),
        pl.col("checkin_messages").filter(win == "previous").sum().alias("checkins_previous"),
        pl.col("therapy_sessions_attended").filter(recent).sum().alias("sessions_attended_recent"),
        pl.col("therapy_sessions_scheduled")
        .filter(recent)
        .sum()
        .alias("sessions_scheduled_recent"),
        pl.col("reminders_sent").filter(recent).sum().alias("reminders_sent_recent"),
        pl.col("reminders_acknowledged")
        .filter(recent)
        .sum()
        .alias("reminders_acknowledged_recent"),
        pl.col("week")
        .filter(pl.col("therapy_sessions_attended") > 0)
        .max()
        .alias("last_session_week"),
    )
    return m.join(e, on="patient_id", how="full", coalesce=True)


# ---- alerts ----------------------------------------------------------------------------------
def _measure_sequence(measures: pl.LazyFrame, as_of: dt.date) -> pl.LazyFrame:
    """PHQ-9 measures up to `as_of`, each with the previous score and week and the next week."""
    return (
        measures.select("patient_id", "week", "date", "phq9_total", "phq9_9")
        .filter(pl.col("date") <= as_of)
        .sort("patient_id", "week")
        .with_columns(
            pl.col("phq9_total").shift(1).over("patient_id").alias("prev_phq9"),
            pl.col("week").shift(1).over("patient_id").alias("prev_week"),
            pl.col("week").shift(-1).over("patient_id").alias("next_week"),
        )
    )


def item9_alerts(m: pl.LazyFrame, a: AlertRules) -> pl.LazyFrame:
    """`phq9_item9`: PHQ-9 item 9 at or above `phq9_item9_min`."""
    return m.filter(pl.col("phq9_9") >= a.phq9_item9_min).select(
        "patient_id",
        "date",
        "week",
        pl.lit("phq9_item9").alias("rule"),
        pl.format(
            "PHQ-9 item 9 (thoughts of self-harm) = {} (rule: >= {})",
            pl.col("phq9_9"),
            pl.lit(a.phq9_item9_min),
        ).alias("reason"),
        pl.col("phq9_9").cast(pl.Float64).alias("value"),
    )


def rise_alerts(m: pl.LazyFrame, a: AlertRules) -> pl.LazyFrame:
    """`phq9_rise`: PHQ-9 up by `phq9_rise` or more since the previous measure."""
    return m.filter(pl.col("phq9_total") - pl.col("prev_phq9") >= a.phq9_rise).select(
        "patient_id",
        "date",
        "week",
        pl.lit("phq9_rise").alias("rule"),
        pl.format(
            "PHQ-9 up {} (from {} in week {} to {}; rule: >= {})",
            pl.col("phq9_total") - pl.col("prev_phq9"),
            pl.col("prev_phq9"),
            pl.col("prev_week"),
            pl.col("phq9_total"),
            pl.lit(a.phq9_rise),
        ).alias("reason"),
        (pl.col("phq9_total") - pl.col("prev_phq9")).cast(pl.Float64).alias("value"),
    )


def missed_checkin_alerts(m: pl.LazyFrame, pts: pl.LazyFrame, a: AlertRules) -> pl.LazyFrame:
    """`missed_checkins`: no measures for `missed_weeks` weeks after a high PHQ-9, while the
    patient was still planned to be in the program."""
    due = pl.col("week") + a.missed_weeks
    return (
        m.filter(pl.col("phq9_total") >= a.high_phq9)
        .join(pts, on="patient_id")
        .filter(
            (pl.col("next_week").is_null() | (pl.col("next_week") > due))
            & (due <= pl.col("planned_weeks"))
            & (due <= pl.col("as_of_week"))
        )
        .select(
            "patient_id",
            (pl.col("enrolment_date") + pl.duration(weeks=due)).alias("date"),
            due.alias("week"),
            pl.lit("missed_checkins").alias("rule"),
            pl.format(
                "no weekly check-in for {} weeks after a PHQ-9 of {} in week {}",
                pl.lit(a.missed_weeks),
                pl.col("phq9_total"),
                pl.col("week"),
            ).alias("reason"),
            pl.col("phq9_total").cast(pl.Float64).alias("value"),
        )
    )


def patient_risk(t: dict[str, Any], ref: pl.LazyFrame, sp: SummariesParams) -> pl.LazyFrame:
    """Patient-level risk over the recent window: the most urgent of the patient's scored
    messages (the same rule a user's long history is scored by on real text: the highest
    window counts), how many were scored, and whether any alerted."""
    week = program_week(pl.col("sent_at").dt.date())
    recent = t["scores"].join(
        ref.select("patient_id", "enrolment_date", "ref_week"), on="patient_id"
    )
    return (
        recent.filter(_window(week, sp.window_weeks) == "recent")
        .group_by("patient_id")
        .agg(
            pl.col("p_urgent").max().alias("risk_p_urgent_max"),
            pl.len().alias("risk_messages_scored"),
            pl.col("alert").any().alias("risk_alerted"),
        )
    )


def risk_model_alerts(scores: pl.LazyFrame, pts: pl.LazyFrame, as_of: dt.date) -> pl.LazyFrame:
    """`risk_model`: one alert per patient and day the risk model alerted on a message."""
    return (
        scores.filter(pl.col("alert") & (pl.col("sent_at").dt.date() <= as_of))
        .join(pts.select("patient_id", "enrolment_date"), on="patient_id")
        .group_by("patient_id", pl.col("sent_at").dt.date().alias("date"))
        .agg(
            pl.len().alias("n"),
            pl.col("p_urgent").max().alias("p"),
            pl.col("enrolment_date").first(),
        )
        .select(
            "patient_id",
            "date",
            program_week(pl.col("date")).alias("week"),
            pl.lit("risk_model").alias("rule"),
            pl.format(
                "risk model alert on {} message(s) (highest P(moderate or high) {})",
                pl.col("n"),
                pl.col("p").round(2),
            ).alias("reason"),
            pl.col("p").cast(pl.Float64).alias("value"),
        )
    )


def alert_feed(
    t: dict[str, Any], ref: pl.LazyFrame, sp: SummariesParams, as_of: dt.date
) -> pl.DataFrame:
    """Every alert up to `as_of`, one row each: patient, date, week, rule, reason, value."""
    a = sp.alerts
    pts = ref.select("patient_id", "enrolment_date", "planned_weeks", "as_of_week")
    m = _measure_sequence(t["weekly_measures"], as_of)
    parts = [item9_alerts(m, a), rise_alerts(m, a), missed_checkin_alerts(m, pts, a)]
    if a.risk_model and t["scores"] is not None:
        parts.append(risk_model_alerts(t["scores"], pts, as_of))
    feed = pl.concat([p.select(list(ALERT_COLUMNS)).cast(ALERT_COLUMNS) for p in parts])
    return (
        feed.join(ref.select("patient_id", "arm", "site"), on="patient_id")
        .sort("date", "patient_id", "rule", descending=[True, False, False])
        .collect()
    )


# ---- assembling ------------------------------------------------------------------------------
def build(
    t: dict[str, Any], sp: SummariesParams, screening: pl.DataFrame | None = None
) -> tuple[list[dict[str, Any]], pl.DataFrame, dt.date]:
    """Every patient's summary (dicts, by patient id) and the alert feed."""
    as_of = as_of_date(t, sp)
    ref = reference_weeks(t, as_of).collect().lazy()
    msgs = patient_messages(t, ref).collect()
    feed = alert_feed(t, ref, sp, as_of)
    parts = [
        mood(t, ref, sp),
        topics(msgs.lazy(), sp),
        sentiment(msgs, sp),
        adherence_and_engagement(t, ref, sp),
    ]
    wear = wearables(t, ref, sp)
    if wear is not None:
        parts.append(wear)
    if t["scores"] is not None:
        parts.append(patient_risk(t, ref, sp))
    frame = ref
    for part in parts:
        frame = frame.join(part, on="patient_id", how="left")
    frame = frame.sort("patient_id").collect()
    alerts_by_patient: dict[str, list[dict[str, Any]]] = {}
    for row in feed.sort("date", "rule", maintain_order=True).iter_rows(named=True):
        alerts_by_patient.setdefault(row["patient_id"], []).append(row)
    steps: dict[str, dict[str, Any]] = {}
    if screening is not None:
        for row in screening.filter(pl.col("timepoint") == "current").iter_rows(named=True):
            steps[row["patient_id"]] = {"step": row["step"], "reasons": row["reasons"]}
    summaries = [
        _summary(
            row,
            alerts_by_patient.get(row["patient_id"], []),
            steps.get(row["patient_id"]),
            as_of,
            sp,
            risk_scored=t["scores"] is not None,
        )
        for row in frame.iter_rows(named=True)
    ]
    return summaries, feed, as_of


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None else round(float(x), nd)


def _alerts_since(alerts: list[dict[str, Any]], since: int) -> list[dict[str, Any]]:
    """Alerts from week `since` on, after the reference week too (e.g. missed check-ins)."""
    return [
        {
            "date": a["date"].isoformat(),
            "week": a["week"],
            "rule": a["rule"],
            "reason": a["reason"],
        }
        for a in alerts
        if a["week"] >= since
    ]


def _mood_section(row: dict[str, Any], sp: SummariesParams) -> dict[str, Any]:
    """Latest PHQ-9/GAD-7 with bands, change since baseline, per-week slopes and trajectory."""
    phq_slope = row.get("phq9_total_slope")
    trend = (
        "not enough measures"
        if phq_slope is None
        else "worsening"
        if phq_slope >= sp.trend_min_change
        else "improving"
        if phq_slope <= -sp.trend_min_change
        else "steady"
    )
    return {
        "phq9_latest": row.get("phq9_latest"),
        "phq9_band": row.get("phq9_band"),
        "gad7_latest": row.get("gad7_latest"),
        "gad7_band": row.get("gad7_band"),
        "latest_week": row.get("latest_week"),
        "phq9_change_from_baseline": None
        if row.get("phq9_latest") is None or row.get("phq9_baseline") is None
        else row["phq9_latest"] - row["phq9_baseline"],
        "phq9_per_week": _r(phq_slope),
        "gad7_per_week": _r(row.get("gad7_total_slope")),
        "trend": trend,
        "trajectory": row.get("trajectory") or [],
    }


def _sentiment_section(row: dict[str, Any]) -> dict[str, Any]:
    """Message sentiment, recent vs previous window, and its weekly means."""
    return {
        "recent": row.get("sentiment_recent"),
        "previous": row.get("sentiment_previous"),
        "trend": _word_trend(row.get("sentiment_recent"), row.get("sentiment_previous"), 0.1),
        "messages_recent": row.get("messages_recent") or 0,
        "weekly": row.get("sentiment_weekly") or [],
    }


def _sleep_section(row: dict[str, Any]) -> dict[str, Any]:
    """Hours slept, recent vs baseline, days measured and the flag."""
    return {
        "baseline_hours": _r(row.get("sleep_baseline")),
        "recent_hours": _r(row.get("sleep_recent")),
        "change_hours": row.get("sleep_change_hours"),
        "days_recent": row.get("sleep_days_recent") or 0,
        "flag": row.get("sleep_flag") or "no wearable data",
    }


def _activity_section(row: dict[str, Any]) -> dict[str, Any]:
    """Active minutes, recent vs baseline, days measured and the flag."""
    return {
        "baseline_minutes": _r(row.get("activity_baseline"), 1),
        "recent_minutes": _r(row.get("activity_recent"), 1),
        "change_share": row.get("activity_change_share"),
        "days_recent": row.get("activity_days_recent") or 0,
        "flag": row.get("activity_flag") or "no wearable data",
    }


def _engagement_section(row: dict[str, Any]) -> dict[str, Any]:
    """Measures, check-ins, sessions and reminders in the recent window."""
    return {
        "weekly_measures_recent": row.get("measures_recent") or 0,
        "checkins_recent": row.get("checkins_recent") or 0,
        "checkins_previous": row.get("checkins_previous") or 0,
        "sessions_attended_recent": row.get("sessions_attended_recent") or 0,
        "sessions_scheduled_recent": row.get("sessions_scheduled_recent") or 0,
        "reminders_sent_recent": row.get("reminders_sent_recent") or 0,
        "reminders_acknowledged_recent": row.get("reminders_acknowledged_recent") or 0,
    }


def _summary(
    row: dict[str, Any],
    alerts: list[dict[str, Any]],
    step: dict[str, Any] | None,
    as_of: dt.date,
    sp: SummariesParams,
    *,
    risk_scored: bool,
) -> dict[str, Any]:
    """One patient's summary as plain JSON-able data."""
    last_session = row.get("last_session_week")
    ref_date = row["enrolment_date"] + dt.timedelta(weeks=row["ref_week"])
    return {
        "patient_id": row["patient_id"],
        "arm": row["arm"],
        "site": row["site"],
        "as_of": as_of.isoformat(),
        "status": row["status"],
        "reference_week": row["ref_week"],
        "reference_week_start": ref_date.isoformat(),
        "last_session_week": last_session,
        "mood": _mood_section(row, sp),
        "topics": row.get("topics") or [],
        "sentiment": _sentiment_section(row),
        "sleep": _sleep_section(row),
        "activity": _activity_section(row),
        "adherence": {
            "medication_recent": row.get("medication_adherence_recent"),
            "medication_previous": row.get("medication_adherence_previous"),
            "exercise_recent": row.get("exercise_adherence_recent"),
            "exercise_previous": row.get("exercise_adherence_previous"),
        },
        "engagement": _engagement_section(row),
        "alerts_since_last_session": _alerts_since(
            alerts, last_session if last_session is not None else 0
        ),
        "risk_model_scored": risk_scored,
        "patient_risk": _patient_risk_section(row) if risk_scored else None,
        "screening": step,
        "window_weeks": sp.window_weeks,
    }


def _patient_risk_section(row: dict[str, Any]) -> dict[str, Any]:
    """The recent window's most urgent message score; no scored messages: nothing to say."""
    n = row.get("risk_messages_scored") or 0
    return {
        "p_urgent_max": _r(row.get("risk_p_urgent_max"), 3) if n else None,
        "messages_scored": n,
        "alerted": bool(row.get("risk_alerted")) if n else False,
    }


def _word_trend(recent: float | None, previous: float | None, min_change: float) -> str:
    if recent is None or previous is None:
        return "not enough messages"
    if recent - previous >= min_change:
        return "more positive"
    if recent - previous <= -min_change:
        return "more negative"
    return "steady"


def _fmt(x: Any, suffix: str = "") -> str:
    return "n/a" if x is None else f"{x}{suffix}"


def _alert_lines(s: dict[str, Any]) -> list[str]:
    """The summary's alert lines: each alert, and the patient-level risk when scored."""
    lines = [
        f"- **{a['date']}** (week {a['week']}) {a['rule']}: {a['reason']}"
        for a in s["alerts_since_last_session"]
    ] or ["- none"]
    if not s["risk_model_scored"]:
        lines.append("- (risk model scores not available: run `dvc repro score`)")
    elif s["patient_risk"]["messages_scored"]:
        r = s["patient_risk"]
        lines.append(
            f"- Patient-level risk, last {s['window_weeks']} weeks: most urgent of "
            f"{r['messages_scored']} messages P(urgent) {r['p_urgent_max']:.2f}"
            + (" (alerted)" if r["alerted"] else " (below the alert threshold)")
        )
    return lines


def render_markdown(s: dict[str, Any]) -> str:
    """A pre-session summary as Markdown, for reading before the session."""
    m, e, sl, ac, ad = s["mood"], s["engagement"], s["sleep"], s["activity"], s["adherence"]
    w = s["window_weeks"]
    last = "none" if s["last_session_week"] is None else f"week {s['last_session_week']}"
    lines = [
        f"# Pre-session summary: {s['patient_id']}",
        "",
        f"As of {s['as_of']} (week {s['reference_week']} of the program, {s['status']}); "
        f"{s['arm'].replace('_', ' ')}, site {s['site']}. Last attended session: "
        f"{last}.",
        "",
        "## Alerts since the last session",
        *_alert_lines(s),
    ]
    if s["screening"]:
        lines += [
            "",
            f"Suggested step: **{s['screening']['step']}** ({s['screening']['reasons']})",
        ]
    lines += [
        "",
        "## Mood",
        f"- PHQ-9 {_fmt(m['phq9_latest'])} ({_fmt(m['phq9_band'])}), GAD-7 "
        f"{_fmt(m['gad7_latest'])} ({_fmt(m['gad7_band'])}) in week {_fmt(m['latest_week'])}; "
        f"PHQ-9 {m['trend']} ({_fmt(m['phq9_per_week'])} per week), "
        f"{_fmt(m['phq9_change_from_baseline'])} since baseline.",
        "",
        "| week | PHQ-9 | GAD-7 | WEMWBS |",
        "|---|---|---|---|",
        *[
            f"| {r['week']} | {r['phq9_total']} | {r['gad7_total']} | {r['wemwbs']} |"
            for r in m["trajectory"]
        ],
        "",
        f"## Topics the patient raised (last {w} weeks vs the {w} before)",
    ]
    if s["topics"]:
        lines += [
            f"- {tp['topic']}: {tp['recent']} vs {tp['previous']} ({tp['trend']}; "
            f"{tp['total']} in all)"
            for tp in s["topics"]
        ]
    else:
        lines.append("- no messages to the assistant")
    st = s["sentiment"]
    lines += [
        "",
        "## Wellbeing signals",
        f"- Sentiment of messages: {_fmt(st['recent'])} recently vs {_fmt(st['previous'])} "
        f"before ({st['trend']}; -1 negative to +1 positive; {st['messages_recent']} recent "
        "messages).",
        f"- Sleep: {_fmt(sl['recent_hours'], ' h')} a night in the last days vs "
        f"{_fmt(sl['baseline_hours'], ' h')} at the start ({sl['flag']}).",
        f"- Activity: {_fmt(ac['recent_minutes'], ' min')} a day vs "
        f"{_fmt(ac['baseline_minutes'], ' min')} at the start ({ac['flag']}).",
        f"- Adherence (share of plan): medication {_fmt(ad['medication_recent'])} recently vs "
        f"{_fmt(ad['medication_previous'])}; exercise {_fmt(ad['exercise_recent'])} vs "
        f"{_fmt(ad['exercise_previous'])}.",
        f"- Engagement, last {w} weeks: {e['weekly_measures_recent']} weekly measures, "
        f"{e['checkins_recent']} check-in messages ({e['checkins_previous']} before), "
        f"{e['sessions_attended_recent']} of {e['sessions_scheduled_recent']} sessions attended, "
        f"{e['reminders_acknowledged_recent']} of {e['reminders_sent_recent']} reminders "
        "acknowledged.",
        "",
    ]
    return "\n".join(lines)


# ---- topic agreement (synthetic cohorts with gold labels only) -------------------------------
def topic_agreement(msgs: pl.DataFrame, meta_path: Path) -> dict[str, Any] | None:
    """Precision/recall of the word lists against the generator's topic of each message,
    on the held-out phrasing side (evaluation only; None without gold labels)."""
    if not meta_path.is_file():
        return None
    meta = pl.read_parquet(meta_path, columns=["message_id", "topic", "phrasing_split"])
    j = msgs.join(meta, on="message_id").filter(pl.col("phrasing_split") == "heldout")
    j = j.with_columns(
        *topic_flags(pl.col("text")), pl.col("topic").replace({"relationship": "relationships"})
    )
    out: dict[str, Any] = {"messages": j.height}
    for tp in TOPICS:
        gold = j["topic"] == tp
        pred = j[tp]
        tp_n = int((gold & pred).sum())
        out[tp] = {
            "precision": _r(tp_n / max(int(pred.sum()), 1), 3),
            "recall": _r(tp_n / max(int(gold.sum()), 1), 3),
            "support": int(gold.sum()),
        }
    return out


_ID_KEY = b'"patient_id": "'


def summary_offsets(path: Path) -> dict[str, int]:
    """Byte offset of each patient's line in summaries.jsonl, from one pass over the file
    (an index for readers that look up many patients: the dashboard)."""
    offsets: dict[str, int] = {}
    with Path(path).open("rb") as fh:
        pos = 0
        for line in fh:
            start = line.find(_ID_KEY)
            if start >= 0:
                start += len(_ID_KEY)
                offsets.setdefault(line[start : line.index(b'"', start)].decode(), pos)
            pos += len(line)
    return offsets


def load_summary(
    folder: Path, patient_id: str, offsets: dict[str, int] | None = None
) -> dict[str, Any]:
    """One patient's summary from the stage output, or a clear error. With `offsets` (from
    `summary_offsets`) the line is read where the index says, and an id the index lacks has
    no summary; a line that is not the patient's (the file changed) falls back to a scan."""
    path = Path(folder) / "summaries.jsonl"
    if not path.is_file():
        raise SummaryError(f"{path}: not found; run `dvc repro summaries` first")
    missing = SummaryError(
        f"patient {patient_id}: no summary in {path} (check the pseudonymous id)"
    )
    if offsets is not None:
        if patient_id not in offsets:
            raise missing
        with path.open("rb") as fh:
            fh.seek(offsets[patient_id])
            found = json.loads(fh.readline())
        if found.get("patient_id") == patient_id:
            return found
    needle = _ID_KEY.decode() + patient_id + '"'
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if needle in line:
                found = json.loads(line)
                if found["patient_id"] == patient_id:
                    return found
    raise missing
