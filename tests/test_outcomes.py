"""Outcome definitions on tiny frames with hand-computed answers, every threshold's edge."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pipelines.clinical.outcomes import (
    PATIENT_METRICS,
    Metric,
    OutcomesError,
    compare_arms,
    compare_pre_post,
    compute,
    patient_outcomes,
    scan_inputs,
    sufficient_stats,
    suppress,
    with_intervals,
)

START = dt.date(2025, 1, 6)


def patient(pid: str, arm: str = "ai_hybrid", site: str = "S01", weeks: int = 12) -> dict:
    return {
        "patient_id": pid, "site": site, "arm": arm, "enrolment_date": START,
        "end_date": START + dt.timedelta(weeks=weeks), "age_band": "25-34", "gender": "female",
        "race_ethnicity": "white", "primary_language": "english", "rurality": "urban",
        "insurance": "private", "pcptsd5_total": 0,
    }  # fmt: skip


def measure(pid: str, week: int, phq9: int, gad7: int, wemwbs: int = 40, item9: int = 0) -> dict:
    return {
        "patient_id": pid, "week": week, "date": START + dt.timedelta(weeks=week),
        "phq9_total": phq9, "phq9_9": item9, "gad7_total": gad7, "wemwbs": wemwbs,
    }  # fmt: skip


def engagement(pid: str, weeks: range, attended: int = 0, checkins: int = 0) -> list[dict]:
    return [
        {"patient_id": pid, "week": w, "checkin_messages": checkins,
         "therapy_sessions_attended": attended}
        for w in weeks
    ]  # fmt: skip


def tables(patients, measures, engage=(), crises=()) -> dict[str, pl.LazyFrame]:
    eng_schema = {"patient_id": pl.String, "week": pl.Int64, "checkin_messages": pl.Int64,
                  "therapy_sessions_attended": pl.Int64}  # fmt: skip
    crisis_schema = {"patient_id": pl.String, "date": pl.Date, "event_type": pl.String}
    return {
        "patients": pl.DataFrame(patients).lazy(),
        "weekly_measures": pl.DataFrame(measures).lazy(),
        "engagement": pl.DataFrame(list(engage), schema=eng_schema).lazy(),
        "crisis_events": pl.DataFrame(list(crises), schema=crisis_schema).lazy(),
    }


def outcomes_of(params, pairs: dict[str, tuple[tuple[int, int], tuple[int, int]]]) -> pl.DataFrame:
    """Per-patient outcomes for patients measured at week 0 and week 8: {pid: (base, last)}."""
    ms = []
    for pid, ((p0, g0), (p1, g1)) in pairs.items():
        ms += [measure(pid, 0, p0, g0), measure(pid, 8, p1, g1)]
    t = tables([patient(pid) for pid in pairs], ms)
    return patient_outcomes(t, params.outcomes).collect()


def flags(df: pl.DataFrame, pid: str) -> dict:
    return df.filter(pl.col("patient_id") == pid).row(0, named=True)


def test_reliable_improvement_edges(params):
    df = outcomes_of(
        params,
        {
            "phq-6": ((18, 10), (12, 10)),  # PHQ-9 down exactly 6: reliable improvement
            "phq-5": ((18, 10), (13, 7)),  # down 5 and GAD-7 down 3: not reliable
            "gad-4": ((12, 12), (12, 8)),  # GAD-7 down exactly 4: reliable improvement
            "mixed": ((18, 6), (12, 10)),  # PHQ-9 down 6 but GAD-7 up 4: deterioration wins
        },
    )
    assert flags(df, "phq-6")["reliable_improvement"] is True
    assert flags(df, "phq-5")["reliable_improvement"] is False
    assert flags(df, "gad-4")["reliable_improvement"] is True
    mixed = flags(df, "mixed")
    assert mixed["reliable_deterioration"] is True and mixed["reliable_improvement"] is False


def test_reliable_deterioration_edges(params):
    df = outcomes_of(
        params,
        {
            "phq+6": ((8, 3), (14, 3)),
            "phq+5": ((8, 3), (13, 6)),  # PHQ-9 up 5, GAD-7 up 3: neither reliable
            "gad+4": ((8, 3), (8, 7)),
        },
    )
    assert flags(df, "phq+6")["reliable_deterioration"] is True
    assert flags(df, "phq+5")["reliable_deterioration"] is False
    assert flags(df, "gad+4")["reliable_deterioration"] is True


def test_caseness_recovery_and_reliable_recovery(params):
    df = outcomes_of(
        params,
        {
            "rec": ((12, 5), (9, 7)),  # case (PHQ-9 12) -> PHQ-9 9, GAD-7 7: recovered
            "gad8": ((12, 5), (9, 8)),  # GAD-7 8 is still a case: not recovered
            "phq10": ((16, 9), (10, 2)),  # PHQ-9 10 is a case: not recovered
            "noncase": ((9, 7), (3, 2)),  # not a case at baseline: recovery undefined
            "relrec": ((16, 9), (9, 7)),  # recovered and PHQ-9 down 7: reliable recovery
            "gadcase": ((4, 8), (4, 7)),  # a case on GAD-7 alone, recovered, not reliably
        },
    )
    assert flags(df, "rec")["case_baseline"] is True
    assert flags(df, "rec")["recovery"] is True
    assert flags(df, "rec")["reliable_recovery"] is False  # PHQ-9 down 3, GAD-7 up 2
    assert flags(df, "gad8")["recovery"] is False
    assert flags(df, "phq10")["recovery"] is False
    nc = flags(df, "noncase")
    assert nc["case_baseline"] is False
    assert nc["recovery"] is None and nc["reliable_recovery"] is None
    assert nc["reliable_recovery_itt"] is None  # not in the recovery denominator at all
    assert nc["reliable_improvement"] is True
    assert flags(df, "relrec")["reliable_recovery"] is True
    g = flags(df, "gadcase")
    assert (g["case_baseline"], g["recovery"], g["reliable_recovery"]) == (True, True, False)


def test_severity_bands_at_every_edge(params):
    phq = [4, 5, 9, 10, 14, 15, 19, 20, 27]
    gad = [4, 5, 9, 10, 14, 15, 21, 0, 0]
    df = outcomes_of(
        params, {f"p{i}": ((a, b), (a, b)) for i, (a, b) in enumerate(zip(phq, gad, strict=True))}
    )
    got = df.sort("phq9_baseline")
    assert got["phq9_band_baseline"].to_list() == [
        "minimal", "mild", "mild", "moderate", "moderate", "moderately_severe",
        "moderately_severe", "severe", "severe",
    ]  # fmt: skip
    by_gad = dict(zip(got["gad7_baseline"], got["gad7_band_baseline"], strict=False))
    assert by_gad[4] == "minimal" and by_gad[5] == "mild" and by_gad[9] == "mild"
    assert by_gad[10] == "moderate" and by_gad[14] == "moderate"
    assert by_gad[15] == "severe" and by_gad[21] == "severe"


def test_wemwbs_meaningful_change_is_three_points(params):
    ms = [measure("a", 0, 5, 5, wemwbs=40), measure("a", 6, 5, 5, wemwbs=43),
          measure("b", 0, 5, 5, wemwbs=40), measure("b", 6, 5, 5, wemwbs=42),
          measure("c", 0, 5, 5, wemwbs=40), measure("c", 6, 5, 5, wemwbs=37)]  # fmt: skip
    df = patient_outcomes(tables([patient(x) for x in "abc"], ms), params.outcomes).collect()
    assert df["wemwbs_change"].to_list() == [3, 2, -3]
    assert df["wemwbs_improved"].to_list() == [True, False, False]
    assert df["wemwbs_declined"].to_list() == [False, False, True]


def test_missing_weeks_single_measurement_and_late_baseline(params):
    ms = [
        measure("gap", 1, 15, 10),  # week 0 missed: baseline is week 1 (<= baseline_max_week)
        measure("gap", 4, 14, 9),
        measure("gap", 11, 8, 5),  # weeks 5-10 missed: latest is week 11
        measure("single", 0, 14, 10),  # only a baseline
        measure("late", 3, 14, 10),  # first measures after week 2: no baseline
        measure("late", 9, 5, 3),
    ]
    t = tables([patient("gap"), patient("single"), patient("late")], ms)
    df = patient_outcomes(t, params.outcomes).collect()
    gap = flags(df, "gap")
    assert (gap["baseline_week"], gap["latest_week"], gap["phq9_change"]) == (1, 11, -7)
    assert gap["reliable_improvement"] is True and gap["recovery"] is True
    single = flags(df, "single")
    assert single["has_followup"] is False and single["latest_week"] is None
    assert single["recovery"] is None and single["reliable_improvement"] is None
    assert single["phq9_change"] is None
    assert single["reliable_recovery_itt"] is False  # a case without follow-up: not recovered
    late = flags(df, "late")
    assert late["baseline_week"] is None and late["has_followup"] is False
    assert late["case_baseline"] is None and late["reliable_recovery_itt"] is None


def test_crisis_counts_only_in_their_windows(params):
    d = lambda w, days=0: START + dt.timedelta(weeks=w, days=days)  # noqa: E731
    crises = [
        {"patient_id": "a", "date": d(-3), "event_type": "emergency_visit"},  # pre
        {"patient_id": "a", "date": d(-20), "event_type": "emergency_visit"},  # before look-back
        {"patient_id": "a", "date": d(0), "event_type": "crisis_line_contact"},  # follow-up
        {"patient_id": "a", "date": d(5, 6), "event_type": "emergency_visit"},  # week 5
        {"patient_id": "a", "date": d(6), "event_type": "emergency_visit"},  # after last week
        {"patient_id": "a", "date": d(2), "event_type": "clinician_escalation"},
    ]
    eng = engagement("a", range(-12, 6), attended=1)
    t = tables([patient("a")], [measure("a", 0, 12, 9)], eng, crises)
    row = flags(patient_outcomes(t, params.outcomes).collect(), "a")
    assert (row["pre_weeks"], row["weeks_in_program"], row["last_program_week"]) == (12, 6, 5)
    assert (row["crisis_pre"], row["crisis_followup"], row["escalations_followup"]) == (1, 2, 1)
    assert (row["sessions_pre"], row["sessions_attended"], row["active_weeks"]) == (12, 6, 6)


def test_wilson_interval_matches_the_published_formula(params):
    df = pl.DataFrame({"arm": ["x"] * 20, "flag": [True] * 5 + [False] * 15})
    s = with_intervals(
        sufficient_stats(df.lazy(), ["arm"], [Metric("m", "proportion", "flag")]), 0.95
    )
    assert s["estimate"][0] == pytest.approx(0.25)
    # Wilson 95% interval for 5/20 (Newcombe 1998, table I method 3 gives 0.1119-0.4687)
    assert s["ci_low"][0] == pytest.approx(0.1119, abs=1e-4)
    assert s["ci_high"][0] == pytest.approx(0.4687, abs=1e-4)


def test_mean_interval_is_t_based(params):
    from scipy import stats

    x = [1.0, 2.0, 4.0, 7.0, 11.0]
    df = pl.DataFrame({"arm": ["x"] * 5, "v": x})
    s = with_intervals(sufficient_stats(df.lazy(), ["arm"], [Metric("m", "mean", "v")]), 0.95)
    low, high = stats.t.interval(0.95, 4, loc=np.mean(x), scale=stats.sem(x))
    assert (s["ci_low"][0], s["ci_high"][0]) == (pytest.approx(low), pytest.approx(high))


def test_rate_is_a_ratio_estimator_with_patient_clustered_error():
    e = np.array([0, 2, 1, 5, 0, 0, 3.0])
    w = np.array([10, 12, 4, 26, 8, 0, 15.0])  # the patient with 0 weeks contributes nothing
    df = pl.DataFrame({"arm": ["x"] * 7, "e": e, "w": w})
    m = Metric("r", "rate", "e", "w", 1000.0)
    s = sufficient_stats(df.lazy(), ["arm"], [m])
    keep = w > 0
    r = e[keep].sum() / w[keep].sum()
    n = keep.sum()
    se = np.sqrt(n / (n - 1) * ((e[keep] - r * w[keep]) ** 2).sum()) / w[keep].sum()
    assert s["n_patients"][0] == 6
    assert s["estimate"][0] == pytest.approx(1000 * r)
    assert s["se"][0] == pytest.approx(1000 * se)


def test_pre_post_ratio_pairs_each_patient_with_themself(params):
    rng = np.random.default_rng(0)
    n = 40
    e1, e0 = rng.poisson(1, n).astype(float), rng.poisson(3, n).astype(float)
    w1, w0 = rng.integers(5, 20, n).astype(float), np.full(n, 12.0)
    df = pl.DataFrame({"arm": ["ai_hybrid"] * n, "site": ["S01"] * n, "crisis_followup": e1,
                       "weeks_in_program": w1, "crisis_pre": e0, "pre_weeks": w0,
                       "sessions_attended": e1, "sessions_pre": e0})  # fmt: skip
    res = compare_pre_post(df.lazy(), params.outcomes, ["overall"])
    row = res.filter(pl.col("metric") == "crisis_per_1000_pw").row(0, named=True)
    r1, r0 = e1.sum() / w1.sum(), e0.sum() / w0.sum()
    u = (e1 - r1 * w1) / e1.sum() - (e0 - r0 * w0) / e0.sum()
    se = np.sqrt(n / (n - 1) * (u**2).sum())
    assert row["estimate"] == pytest.approx(r1 / r0)
    assert row["ci_low"] == pytest.approx(r1 / r0 * np.exp(-1.959964 * se), rel=1e-5)
    # The paired SE is smaller than treating the periods as independent when they correlate.
    assert row["followup"] == pytest.approx(1000 * r1)


def test_compare_arms_difference_and_ratio():
    stats_df = pl.DataFrame({
        "dimension": ["overall"] * 2, "group": ["all"] * 2, "metric": ["m"] * 2,
        "arm": ["ai_hybrid", "usual_care"], "n_patients": [100, 100],
        "estimate": [0.6, 0.4], "se": [0.05, 0.04],
    })  # fmt: skip
    out = compare_arms(stats_df, 0.95)
    diff = out.filter(pl.col("measure") == "difference").row(0, named=True)
    ratio = out.filter(pl.col("measure") == "ratio").row(0, named=True)
    assert diff["estimate"] == pytest.approx(0.2)
    assert diff["ci_high"] - diff["estimate"] == pytest.approx(1.959964 * np.hypot(0.05, 0.04))
    assert ratio["estimate"] == pytest.approx(1.5)
    log_se = np.hypot(0.05 / 0.6, 0.04 / 0.4)
    assert ratio["ci_low"] == pytest.approx(1.5 * np.exp(-1.959964 * log_se))


def test_suppression_blanks_every_figure_under_min_cell():
    df = pl.DataFrame({"n_patients": [10, 11, None], "estimate": [0.5, 0.5, 0.1],
                       "ci_low": [0.2, 0.2, 0.0], "ci_high": [0.8, 0.8, 0.3]})  # fmt: skip
    out = suppress(df, 11)
    expected = pl.DataFrame({"n_patients": [None, 11, None], "estimate": [None, 0.5, None],
                             "ci_low": [None, 0.2, None], "ci_high": [None, 0.8, None],
                             "suppressed": [True, False, True]})  # fmt: skip
    assert_frame_equal(out, expected, check_dtypes=False)


def test_recovery_rate_counts_only_baseline_cases_with_followup(params):
    pairs = {f"r{i}": ((14, 9), (6, 4)) for i in range(6)}  # 6 recovered
    pairs |= {f"n{i}": ((14, 9), (12, 9)) for i in range(6)}  # 6 not recovered
    pairs |= {f"x{i}": ((7, 4), (3, 2)) for i in range(5)}  # 5 non-cases: not in denominator
    df = outcomes_of(params, pairs)
    s = sufficient_stats(df.lazy(), ["arm"], PATIENT_METRICS).filter(
        pl.col("metric").is_in(["recovery_rate", "reliable_improvement_rate"])
    )
    got = dict(zip(s["metric"], zip(s["n_patients"], s["estimate"], strict=True), strict=True))
    assert got["recovery_rate"] == (12, pytest.approx(0.5))
    assert got["reliable_improvement_rate"] == (17, pytest.approx(6 / 17))


def test_small_groups_are_suppressed_in_every_output(params):
    """Site S02 has 5 patients: no figure about it appears anywhere; S01 (30) is shown."""
    pts = [patient(f"a{i}", arm, "S01") for i in range(15) for arm in ("ai_hybrid",)]
    pts += [patient(f"u{i}", "usual_care", "S01") for i in range(15)]
    pts += [patient(f"s{i}", "ai_hybrid", "S02") for i in range(5)]
    ms, eng = [], []
    for i, p in enumerate(pts):
        ms += [measure(p["patient_id"], 0, 14, 9), measure(p["patient_id"], 6, 8 + i % 5, 6)]
        eng += engagement(p["patient_id"], range(-4, 7), attended=1, checkins=i % 2)
    out = compute(tables(pts, ms, eng), params.outcomes, params.screening)
    prog = out["program"].filter(pl.col("dimension") == "site")
    small = prog.filter(pl.col("group") == "S02")
    assert small.height > 0 and small["suppressed"].all()
    assert small["estimate"].is_null().all() and small["n_patients"].is_null().all()
    assert not prog.filter(pl.col("group") == "S01")["suppressed"].any()
    comp = out["comparisons"].filter(pl.col("dimension") == "site", pl.col("group") == "S02")
    assert comp["suppressed"].all() and comp["estimate"].is_null().all()


def test_missing_table_or_column_names_the_file(tmp_path):
    with pytest.raises(OutcomesError, match=r"patients\.parquet: not found"):
        scan_inputs(tmp_path)
    t = tables([patient("a")], [measure("a", 0, 5, 5)], engagement("a", range(2)))
    for name, lf in t.items():
        df = lf.collect()
        if name == "weekly_measures":
            df = df.drop("wemwbs")
        df.write_parquet(tmp_path / f"{name}.parquet")
    with pytest.raises(
        OutcomesError, match=r"weekly_measures.parquet: missing column\(s\) wemwbs"
    ):
        scan_inputs(tmp_path)


def test_stage_on_the_synthetic_cohort(cohort, params):
    folder, _ = cohort
    out = compute(scan_inputs(folder), params.outcomes, params.screening)
    pts = out["patients"]
    assert pts.height == pts["patient_id"].n_unique() == 300
    prog = out["program"]
    assert prog.filter(pl.col("suppressed"))["estimate"].is_null().all()
    shown = prog.filter(~pl.col("suppressed"))
    assert (shown["n_patients"] >= params.outcomes.min_cell).all()
    assert ((shown["ci_low"] <= shown["estimate"]) & (shown["estimate"] <= shown["ci_high"])).all()
    overall = prog.filter(pl.col("dimension") == "overall")
    assert set(overall["arm"]) == {"ai_hybrid", "usual_care"}
    assert set(overall["metric"]) == {m.name for m in PATIENT_METRICS}
    assert out["retention"].filter(pl.col("week") == 0)["estimate"].to_list() == [1.0, 1.0]


def test_retention_matches_counting_patient_by_patient(cohort, params):
    from pipelines.clinical.outcomes import retention

    folder, _ = cohort
    pts = patient_outcomes(scan_inputs(folder), params.outcomes).collect()
    got = retention(pts.lazy(), params.outcomes.model_copy(update={"min_cell": 1}))
    for row in got.iter_rows(named=True):
        at_risk = pts.filter(pl.col("arm") == row["arm"], pl.col("planned_weeks") >= row["week"])
        stayed = at_risk.filter(pl.col("last_program_week") >= row["week"])
        assert row["n_patients"] == at_risk.height
        assert row["estimate"] == pytest.approx(stayed.height / at_risk.height)
    assert got.filter(pl.col("week") == 0)["estimate"].to_list() == [1.0, 1.0]
