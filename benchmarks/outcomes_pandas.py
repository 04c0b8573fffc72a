"""The outcomes stage's core in pandas: the reference the polars stage is benchmarked against.

Same inputs, same definitions, same outputs as `pipelines.clinical.outcomes.patient_outcomes` plus
`program_table` (per-patient outcomes, then every metric's sufficient statistics per arm,
overall and by each group column), written the way an experienced pandas user would:
column projection on read, sort + drop_duplicates for first/last, one named `groupby.agg`
per table, vectorised flags. tests/test_outcomes_pandas.py checks both give the same numbers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.clinical.outcomes import PATIENT_METRICS, REQUIRED_COLUMNS, Metric
from pipelines.core.params import OutcomesParams

PATIENT_COLUMNS = list(REQUIRED_COLUMNS["patients"])
SCORES = ["phq9_total", "gad7_total", "wemwbs", "phq9_9"]


def patient_outcomes_pd(folder: Path, p: OutcomesParams) -> pd.DataFrame:
    """One row per patient with the NHS outcome flags, engagement and crisis counts."""
    folder = Path(folder)
    pts = pd.read_parquet(folder / "patients.parquet", columns=PATIENT_COLUMNS)
    pts["enrolment_date"] = pd.to_datetime(pts["enrolment_date"])
    pts["end_date"] = pd.to_datetime(pts["end_date"])
    pts["enrolment_month"] = pts["enrolment_date"].dt.strftime("%Y-%m")
    pts["planned_weeks"] = (pts["end_date"] - pts["enrolment_date"]).dt.days // 7

    m = pd.read_parquet(
        folder / "weekly_measures.parquet", columns=["patient_id", "week", *SCORES]
    )
    m = m.sort_values(["patient_id", "week"], kind="stable")
    base = m[m["week"] <= p.baseline_max_week].drop_duplicates("patient_id", keep="first")
    base = base.rename(columns={"week": "baseline_week", **{c: f"{c}_b" for c in SCORES}})
    last = m.drop_duplicates("patient_id", keep="last")
    last = last.rename(columns={"week": "latest_week", **{c: f"{c}_l" for c in SCORES}})
    last = last.merge(m.groupby("patient_id").size().rename("n_measures"), on="patient_id")

    e = pd.read_parquet(
        folder / "engagement.parquet",
        columns=["patient_id", "week", "checkin_messages", "therapy_sessions_attended"],
    )
    post = e["week"] >= 0
    att = e["therapy_sessions_attended"]
    e = e.assign(
        post=post,
        pre=~post,
        active=post & ((e["checkin_messages"] > 0) | (att > 0)),
        att_post=att.where(post, 0),
        att_pre=att.where(~post, 0),
        week_post=e["week"].where(post),
    )
    eng = e.groupby("patient_id").agg(
        weeks_in_program=("post", "sum"),
        last_program_week=("week_post", "max"),
        active_weeks=("active", "sum"),
        sessions_attended=("att_post", "sum"),
        pre_weeks=("pre", "sum"),
        first_week=("week", "min"),
        sessions_pre=("att_pre", "sum"),
    )

    c = pd.read_parquet(
        folder / "crisis_events.parquet", columns=["patient_id", "date", "event_type"]
    )
    c["date"] = pd.to_datetime(c["date"])
    c = c.merge(pts[["patient_id", "enrolment_date"]], on="patient_id").merge(
        eng[["last_program_week", "first_week"]], left_on="patient_id", right_index=True
    )
    week = (c["date"] - c["enrolment_date"]).dt.days // 7
    scope = c["event_type"].isin(list(p.crisis_event_types))
    covered = (week >= 0) & (week <= c["last_program_week"])
    c = c.assign(
        crisis_followup=scope & covered,
        crisis_pre=scope & (week < 0) & (week >= c["first_week"]),
        escalations_followup=(c["event_type"] == "clinician_escalation") & covered,
    )
    crisis = c.groupby("patient_id")[
        ["crisis_followup", "crisis_pre", "escalations_followup"]
    ].sum()

    df = (
        pts.merge(base, on="patient_id", how="left")
        .merge(last, on="patient_id", how="left")
        .merge(eng.drop(columns="first_week"), left_on="patient_id", right_index=True, how="left")
        .merge(crisis, left_on="patient_id", right_index=True, how="left")
    )
    counts = ["weeks_in_program", "active_weeks", "sessions_attended", "pre_weeks",
              "sessions_pre", "crisis_followup", "crisis_pre", "escalations_followup"]  # fmt: skip
    df[counts] = df[counts].fillna(0).astype("int64")
    fu = (df["latest_week"] > df["baseline_week"]).fillna(False).astype(bool)
    df["has_followup"] = fu
    for s in SCORES:
        df[f"{s}_l"] = df[f"{s}_l"].where(fu)
    df["latest_week"] = df["latest_week"].where(fu)
    df["phq9_change"] = df["phq9_total_l"] - df["phq9_total_b"]
    df["gad7_change"] = df["gad7_total_l"] - df["gad7_total_b"]
    df["wemwbs_change"] = df["wemwbs_l"] - df["wemwbs_b"]
    cp, cg, rp, rg = (
        p.caseness.phq9,
        p.caseness.gad7,
        p.reliable_change.phq9,
        p.reliable_change.gad7,
    )
    has_base = df["baseline_week"].notna()
    case_b = (df["phq9_total_b"] >= cp) | (df["gad7_total_b"] >= cg)
    case_l = (df["phq9_total_l"] >= cp) | (df["gad7_total_l"] >= cg)
    det = (df["phq9_change"] >= rp) | (df["gad7_change"] >= rg)
    imp = ((-df["phq9_change"] >= rp) | (-df["gad7_change"] >= rg)) & ~det
    na = pd.NA
    df["case_baseline"] = pd.array(np.where(has_base, case_b, na), dtype="boolean")
    df["reliable_deterioration"] = pd.array(np.where(fu, det, na), dtype="boolean")
    df["reliable_improvement"] = pd.array(np.where(fu, imp, na), dtype="boolean")
    is_case = case_b & has_base
    df["recovery"] = pd.array(np.where(fu & is_case, ~case_l, na), dtype="boolean")
    df["reliable_recovery"] = pd.array(np.where(fu & is_case, ~case_l & imp, na), dtype="boolean")
    df["reliable_recovery_itt"] = pd.array(
        np.where(is_case, fu & is_case & ~case_l & imp, na), dtype="boolean"
    )
    has_w = df["wemwbs_change"].notna()
    df["wemwbs_improved"] = pd.array(
        np.where(has_w, df["wemwbs_change"] >= p.wemwbs_meaningful_change, na), dtype="boolean"
    )
    df["attended_sessions"] = df["sessions_attended"] >= p.sessions_threshold
    return df.rename(columns={"wemwbs_b": "wemwbs_baseline"}).sort_values("patient_id")


def sufficient_stats_pd(
    df: pd.DataFrame, keys: list[str], metrics: tuple[Metric, ...]
) -> pd.DataFrame:
    """n, estimate and standard error per group and metric, as pipelines.clinical.outcomes
    computes them."""
    work = df[keys].copy()
    aggs: dict[str, tuple[str, str]] = {}
    for mt in metrics:
        col = df[mt.column]
        if mt.kind == "proportion":
            work[f"{mt.name}|x"] = col.astype("Float64")
            aggs[f"{mt.name}|n"] = (f"{mt.name}|x", "count")
            aggs[f"{mt.name}|k"] = (f"{mt.name}|x", "sum")
        elif mt.kind == "mean":
            work[f"{mt.name}|x"] = col.astype("float64")
            aggs |= {f"{mt.name}|n": (f"{mt.name}|x", "count"),
                     f"{mt.name}|mean": (f"{mt.name}|x", "mean"),
                     f"{mt.name}|sd": (f"{mt.name}|x", "std")}  # fmt: skip
        else:
            w = df[mt.denominator].astype("float64")
            e = col.astype("float64")
            has = w > 0
            work[f"{mt.name}|has"] = has
            work[f"{mt.name}|E"] = e.where(has, 0.0)
            work[f"{mt.name}|W"] = w.where(has, 0.0)
            work[f"{mt.name}|ee"] = (e * e).where(has, 0.0)
            work[f"{mt.name}|ew"] = (e * w).where(has, 0.0)
            work[f"{mt.name}|ww"] = (w * w).where(has, 0.0)
            aggs[f"{mt.name}|n"] = (f"{mt.name}|has", "sum")
            for s in ("E", "W", "ee", "ew", "ww"):
                aggs[f"{mt.name}|{s}"] = (f"{mt.name}|{s}", "sum")
    wide = work.groupby(keys, observed=True).agg(**aggs).reset_index()
    parts = []
    for mt in metrics:
        n = wide[f"{mt.name}|n"].astype("float64")
        if mt.kind == "proportion":
            est = wide[f"{mt.name}|k"].astype("float64") / n
            se = np.sqrt(est * (1 - est) / n)
        elif mt.kind == "mean":
            est = wide[f"{mt.name}|mean"]
            se = wide[f"{mt.name}|sd"] / np.sqrt(n)
        else:
            big_w = wide[f"{mt.name}|W"]
            rate = wide[f"{mt.name}|E"] / big_w
            ssq = (wide[f"{mt.name}|ee"] - 2 * rate * wide[f"{mt.name}|ew"]
                   + rate * rate * wide[f"{mt.name}|ww"]).clip(lower=0)  # fmt: skip
            est = rate * mt.scale
            se = np.sqrt(n / (n - 1) * ssq) / big_w * mt.scale
        part = wide[keys].copy()
        part["metric"] = mt.name
        part["n_patients"] = n.astype("int64")
        part["estimate"] = est.astype("float64")
        part["se"] = se.astype("float64")
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def program_table_pd(df: pd.DataFrame, p: OutcomesParams) -> pd.DataFrame:
    """Every metric's sufficient statistics per arm, overall and by each group column."""
    parts = []
    for dim in ("overall", *p.group_columns):
        frame = df.assign(overall="all") if dim == "overall" else df
        frame = frame.assign(**{dim: frame[dim].astype(str)})
        s = sufficient_stats_pd(frame, ["arm", dim], PATIENT_METRICS)
        parts.append(s.rename(columns={dim: "group"}).assign(dimension=dim))
    return pd.concat(parts, ignore_index=True)
