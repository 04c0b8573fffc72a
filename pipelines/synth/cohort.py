"""The numeric tables of one chunk of synthetic patients, vectorised with numpy.

One seeded generator per chunk draws, in a fixed order: who enrols (demographics, arm,
dates), each patient's severity course (baseline, recovery, dropout, missed weeks, weekly
risk state), then the tables built on them: weekly questionnaires, wearable days,
engagement, crisis events and the patients table. The order of draws is part of the
output: the same seed gives the same bytes only while it stays the same.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import numpy as np
import polars as pl

from pipelines.core.params import SynthesizeParams, TrajectoryParams
from pipelines.core.schemas import DTYPES, TABLES_BY_NAME
from pipelines.core.vocab import AGE_BANDS, GENDERS, RACE_ETHNICITY
from pipelines.synth import banks

N_PCPTSD_ITEMS = 5


def patient_id(seed: int, index: int) -> str:
    """Pseudonymous, non-sequential patient id (56 bits of a keyed hash of seed and index)."""
    h = hashlib.blake2b(f"{seed}:{index}".encode(), digest_size=7, person=b"cb-patient")
    return "pt-" + h.hexdigest()


@dataclass
class Chunk:
    """Columns of every table for one chunk of patients, as Python/numpy columns."""

    tables: dict[str, dict[str, Any]] = field(default_factory=dict)

    def frame(self, name: str) -> pl.DataFrame:
        """One table of the chunk as a frame with the contract's column types."""
        table = TABLES_BY_NAME[name]
        cols = self.tables[name]
        data = {}
        for c in table.columns:
            if c.name not in cols:
                continue
            values = cols[c.name]
            if isinstance(values, np.ndarray) and values.dtype == object:
                values = values.tolist()
            data[c.name] = pl.Series(
                c.name, values, dtype=DTYPES[c.kind], strict=False, nan_to_null=True
            )
        return pl.DataFrame(data)


@dataclass(frozen=True, eq=False)
class Enrolment:
    """Who the chunk's patients are: one entry per patient (index = position in the cohort)."""

    ids: np.ndarray
    index: np.ndarray
    site: np.ndarray
    hybrid: np.ndarray
    enrol: np.ndarray
    n_weeks: np.ndarray
    age: np.ndarray
    gender: np.ndarray
    race: np.ndarray
    lang: np.ndarray
    rural: np.ndarray
    insurance: np.ndarray


@dataclass(frozen=True, eq=False)
class Course:
    """Each patient's latent course: per-patient values, and (patient, week) arrays."""

    true0: np.ndarray
    screen: np.ndarray
    engage: np.ndarray
    propensity: np.ndarray
    sev: np.ndarray
    phq_target: np.ndarray
    last_week: np.ndarray
    measured: np.ndarray
    state: np.ndarray


@dataclass(frozen=True, eq=False)
class EngagementWeeks:
    """The (patient, week) rows of the engagement table, which crisis events are drawn on."""

    patient: np.ndarray
    week: np.ndarray
    severity: np.ndarray
    hybrid: np.ndarray


@cache
def demographic_shares() -> tuple[tuple[float, ...], tuple[float, ...], dict[str, float]]:
    """Age band and gender shares (in vocab order) and race/ethnicity shares (draw order)."""
    age = banks.shares("cohort", "age_band", labels=AGE_BANDS)
    gender = banks.shares("cohort", "gender", labels=GENDERS)
    race = banks.shares("cohort", "race_ethnicity", labels=RACE_ETHNICITY)
    return tuple(age[a] for a in AGE_BANDS), tuple(gender[g] for g in GENDERS), dict(race)


def _items(
    rng: np.random.Generator, totals: np.ndarray, profile: np.ndarray, max_item: int
) -> np.ndarray:
    """Item responses (0..max_item) whose expected sum tracks `totals`, per patient profile."""
    n_items = profile.shape[1]
    p = np.clip(totals[..., None] / (max_item * n_items) * profile[:, None, :], 0, 1)
    return rng.binomial(max_item, p)


def _weekly_risk_state(
    rng: np.random.Generator, sev: np.ndarray, propensity: np.ndarray
) -> np.ndarray:
    """Risk state per patient-week (0 none .. 3 high) from severity and risk propensity."""
    z = 3.2 * (sev / 27.0) + 2.4 * propensity[:, None] + rng.normal(0, 0.45, sev.shape)
    return np.digitize(z, [2.75, 3.4, 4.1])


def _languages(rng: np.random.Generator, race: np.ndarray) -> np.ndarray:
    """Primary language per patient, by race/ethnicity."""
    n = race.size
    lang = np.full(n, "english", dtype=object)
    u = rng.random(n)
    lang[(race == "hispanic_latino") & (u < 0.4)] = "spanish"
    lang[(race == "asian") & (u < 0.2)] = "chinese"
    lang[(race == "asian") & (u >= 0.2) & (u < 0.35)] = "vietnamese"
    lang[(race == "asian") & (u >= 0.35) & (u < 0.45)] = "other"
    lang[(race == "middle_eastern_north_african") & (u < 0.5)] = "arabic"
    lang[(lang == "english") & (rng.random(n) < 0.02)] = "other"
    return lang


def _enrolment(
    rng: np.random.Generator,
    sp: SynthesizeParams,
    seed: int,
    start: int,
    n: int,
    site_p: np.ndarray,
) -> Enrolment:
    """Sites, arms, dates, planned weeks, demographics and insurance of `n` new patients."""
    age_p, gender_p, race_p = demographic_shares()
    idx = np.arange(start, start + n)
    site = rng.choice(len(site_p), n, p=site_p)
    hybrid = rng.random(n) < sp.hybrid_share
    enrol_week = rng.integers(0, sp.enrolment_window_weeks, n)
    enrol = np.datetime64(sp.start_date) + (enrol_week * 7 + rng.integers(0, 5, n)).astype(
        "timedelta64[D]"
    )
    n_weeks = rng.integers(sp.min_weeks, sp.max_weeks + 1, n)
    age = rng.choice(len(AGE_BANDS), n, p=age_p)
    gender = rng.choice(len(GENDERS), n, p=gender_p)
    races = tuple(race_p)
    race = rng.choice(len(races), n, p=np.array(list(race_p.values())) / sum(race_p.values()))
    r = np.array(races)[race]
    lang = _languages(rng, r)
    rural = rng.random(n) < 0.2
    older = age >= 5
    ins = np.where(
        older & (rng.random(n) < 0.8),
        "medicare",
        rng.choice(["private", "medicaid", "uninsured", "other"], n, p=[0.5, 0.3, 0.1, 0.1]),
    )
    ids = np.array([patient_id(seed, int(i)) for i in idx])
    return Enrolment(ids, idx, site, hybrid, enrol, n_weeks, age, gender, r, lang, rural, ins)


def _baseline(
    rng: np.random.Generator, tp: TrajectoryParams, deprived: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """True and screened baseline PHQ-9: patients enrol only above the screening cut-off, so
    the measured baseline is biased upward and later scores regress toward the mean."""
    n = deprived.size
    true0 = rng.normal(tp.baseline_phq9_mean + 1.0 * deprived, tp.baseline_phq9_sd)
    screen = true0 + rng.normal(0, tp.measurement_sd, n)
    for _ in range(100):
        redo = np.round(screen) < tp.enrol_min_phq9
        if not redo.any():
            break
        true0[redo] = rng.normal(tp.baseline_phq9_mean, tp.baseline_phq9_sd, redo.sum())
        screen[redo] = true0[redo] + rng.normal(0, tp.measurement_sd, redo.sum())
    return np.clip(true0, 0, 27), screen


def _course(rng: np.random.Generator, sp: SynthesizeParams, e: Enrolment) -> Course:
    """Severity trajectories with an arm effect, autocorrelated noise, dropout and misses."""
    tp = sp.trajectory
    n, W = e.ids.size, sp.max_weeks + 1  # weeks 0..max_weeks
    true0, screen = _baseline(rng, tp, np.isin(e.insurance, ["medicaid", "uninsured"]))
    engage = np.where(e.hybrid, rng.beta(4.5, 2.0, n), rng.beta(3.0, 2.5, n))
    propensity = np.clip(rng.beta(2.0, 5.0, n) + 0.02 * (true0 - 13), 0, 1)
    floor = true0 * rng.uniform(0.25, 0.7, n)
    rate = (
        tp.recovery_rate_usual
        * np.where(e.hybrid, 1 + tp.arm_effect, 1.0)
        * rng.lognormal(0, 0.35, n)
    )
    weeks = np.arange(W)
    ar = np.zeros((n, W))
    eps = rng.normal(0, 1.3, (n, W))
    for w in range(1, W):
        ar[:, w] = 0.6 * ar[:, w - 1] + eps[:, w]
    sev = floor[:, None] + (true0 - floor)[:, None] * (1 - np.clip(rate, 0, 1))[:, None] ** weeks
    sev = np.clip(sev + ar, 0, 27)
    phq_target = np.clip(sev + rng.normal(0, tp.measurement_sd, (n, W)), 0, 27)
    phq_target[:, 0] = np.clip(screen, 0, 27)

    hazard = (
        tp.dropout_base
        + tp.dropout_per_phq9_point * sev
        + tp.dropout_low_engagement * (1 - engage)[:, None]
    )
    drop = (rng.random((n, W)) < hazard) & (weeks >= 1)
    drop_week = np.where(drop.any(1), drop.argmax(1), W)
    last_week = np.minimum(e.n_weeks, drop_week - 1)  # last week in the program
    in_program = weeks[None, :] <= last_week[:, None]
    missed = (rng.random((n, W)) < tp.missed_week_rate * (1.6 - engage)[:, None]) & (weeks >= 1)
    state = _weekly_risk_state(rng, sev, propensity)
    return Course(
        true0, screen, engage, propensity, sev, phq_target, last_week, in_program & ~missed, state
    )


def _weekly_measures(rng: np.random.Generator, e: Enrolment, c: Course) -> dict[str, Any]:
    """PHQ-9, GAD-7 and WEMWBS items and adherence for the weeks each patient was measured."""
    n, W = c.sev.shape
    phq_profile = rng.dirichlet(np.full(9, 6.0), n) * 9
    phq_items = _items(rng, c.phq_target, phq_profile, 3)
    item9 = np.minimum(3, c.state + (rng.random((n, W)) < 0.15) * (c.state > 0))
    phq_items[..., 8] = np.where(rng.random((n, W)) < 0.9, item9, phq_items[..., 8])
    anx = np.clip(
        0.75 * c.phq_target * 21 / 27
        + rng.normal(0, 2.5, n)[:, None]
        + rng.normal(0, 1.2, (n, W)),
        0,
        21,
    )
    gad_items = _items(rng, anx, rng.dirichlet(np.full(7, 6.0), n) * 7, 3)
    wemwbs = np.clip(
        np.round(58 - 1.05 * c.sev + rng.normal(0, 4, n)[:, None] + rng.normal(0, 2.5, (n, W))),
        14,
        70,
    )
    on_med = rng.random(n) < 0.45
    med_mean = rng.beta(6, 2, n)
    med = rng.binomial(7, med_mean[:, None] * np.ones((1, W))) / 7
    ex_plan = rng.integers(3, 6, n)
    ex_p = np.clip(0.85 * c.engage - 0.012 * (c.sev - 10).T, 0.02, 0.98).T
    exercise = rng.binomial(ex_plan[:, None] * np.ones((1, W), dtype=int), ex_p) / ex_plan[:, None]

    pi, wi = np.nonzero(c.measured)
    week_dates = e.enrol[pi] + (wi * 7).astype("timedelta64[D]")
    weekly: dict[str, Any] = {"patient_id": e.ids[pi], "week": wi, "date": week_dates}
    for k in range(9):
        weekly[f"phq9_{k + 1}"] = phq_items[pi, wi, k]
    weekly["phq9_total"] = phq_items[pi, wi].sum(1)
    for k in range(7):
        weekly[f"gad7_{k + 1}"] = gad_items[pi, wi, k]
    weekly["gad7_total"] = gad_items[pi, wi].sum(1)
    weekly["wemwbs"] = wemwbs[pi, wi].astype(int)
    weekly["medication_adherence"] = np.where(on_med[pi], np.round(med[pi, wi], 3), np.nan)
    weekly["exercise_adherence"] = np.round(exercise[pi, wi], 3)
    return weekly


def _wearables(rng: np.random.Generator, e: Enrolment, c: Course) -> dict[str, Any]:
    """Daily sleep and activity: 80% wear a device; nights off the wrist are empty."""
    n = e.ids.size
    wears = rng.random(n) < 0.8
    days_in = np.where(wears, (c.last_week + 1) * 7, 0)
    dp = np.repeat(np.arange(n), days_in)
    dd = np.concatenate([np.arange(k) for k in days_in]) if n else np.array([], int)
    dates = e.enrol[dp] + dd.astype("timedelta64[D]")
    weekend = ((dates.astype("datetime64[D]").view("int64") - 4) % 7) >= 5
    dsev = c.sev[dp, dd // 7]
    sleep = np.clip(
        rng.normal(7.1, 0.7, n)[dp]
        - 0.06 * (dsev - 10)
        + 0.4 * weekend
        + rng.normal(0, 0.9, dp.size),
        2,
        13,
    )
    activity = np.clip(
        rng.lognormal(np.log(38) - 0.035 * (dsev - 10) - 0.3 * weekend, 0.6), 0, 600
    )
    off = rng.random(dp.size) < 0.08 + 0.1 * (1 - c.engage[dp])
    return {
        "patient_id": e.ids[dp],
        "date": dates,
        "sleep_hours": np.where(off, np.nan, np.round(sleep, 1)),
        "activity_minutes": np.where(off, None, np.round(activity).astype(int)),
    }


def _engagement(
    rng: np.random.Generator, sp: SynthesizeParams, e: Enrolment, c: Course
) -> tuple[dict[str, Any], EngagementWeeks]:
    """Sessions, check-ins and reminders from the pre-enrolment look-back to the last week."""
    W = sp.max_weeks + 1
    ew = np.arange(-sp.pre_enrolment_weeks, W)
    ep, ei = np.nonzero(ew[None, :] <= c.last_week[:, None])
    eweek = ew[ei]
    esev = np.where(eweek >= 0, c.sev[ep, np.clip(eweek, 0, W - 1)], c.true0[ep] + 1.0)
    eeng = c.engage[ep]
    ehyb = e.hybrid[ep] & (eweek >= 0)
    sched = np.where(
        eweek >= 0,
        ((eweek < 12) | (eweek % 2 == 0)).astype(int),
        (rng.random(ep.size) < 0.3).astype(int),
    )
    p_att = np.clip(0.5 + 0.3 * eeng + 0.1 * ehyb - 0.01 * (esev - 10), 0.05, 0.98)
    attended = rng.binomial(sched, p_att)
    checkins = np.where(ehyb, rng.poisson(4 * eeng), 0)
    reminders = np.where(
        eweek < 0,
        0,
        np.where(ehyb, sched + rng.poisson(1.5, ep.size), sched * (rng.random(ep.size) < 0.5)),
    )
    acked = rng.binomial(reminders, np.clip(0.35 + 0.55 * eeng, 0, 1))
    table = {
        "patient_id": e.ids[ep],
        "week": eweek,
        "checkin_messages": checkins,
        "therapy_sessions_scheduled": sched,
        "therapy_sessions_attended": attended,
        "reminders_sent": reminders,
        "reminders_acknowledged": acked,
    }
    return table, EngagementWeeks(ep, eweek, esev, ehyb)


def _crisis_events(
    rng: np.random.Generator,
    tp: TrajectoryParams,
    start: int,
    e: Enrolment,
    c: Course,
    weeks: EngagementWeeks,
) -> dict[str, Any]:
    """Severity- and risk-driven crisis events; AI-hybrid care catches risk earlier (fewer
    crisis-line and emergency contacts, more clinician escalations)."""
    ep, eweek, ehyb = weeks.patient, weeks.week, weeks.hybrid
    W = c.state.shape[1]
    estate = c.state[ep, np.clip(eweek, 0, W - 1)]  # look-back weeks: the state at intake
    lam = (
        tp.crisis_rate_per_week
        * (weeks.severity / 15.0) ** 2
        * (1 + 2.5 * (estate >= 2) + 4 * (estate == 3))
    )
    lam = lam * np.where(ehyb, 1 - tp.hybrid_crisis_reduction, 1.0)
    n_crisis = rng.poisson(lam)
    esc = np.where(
        ehyb & (estate >= 2),
        rng.random(ep.size) < tp.escalation_rate_hybrid,
        (estate >= 2) & (eweek >= 0) & (rng.random(ep.size) < 0.05),
    )
    cp = np.concatenate([np.repeat(np.arange(ep.size), n_crisis), np.nonzero(esc)[0]])
    ctype = np.concatenate(
        [
            np.where(rng.random(n_crisis.sum()) < 0.6, "crisis_line_contact", "emergency_visit"),
            np.full(int(esc.sum()), "clinician_escalation"),
        ]
    )
    cdate = e.enrol[ep[cp]] + (eweek[cp] * 7 + rng.integers(0, 7, cp.size)).astype(
        "timedelta64[D]"
    )
    order = np.lexsort((cdate, ep[cp]))
    return {
        "event_id": [f"ev-{start + int(ep[cp[k]]):08d}-{j}" for j, k in enumerate(order)],
        "patient_id": e.ids[ep[cp[order]]],
        "date": cdate[order],
        "event_type": ctype[order],
    }


def _patients(
    rng: np.random.Generator, sp: SynthesizeParams, e: Enrolment, c: Course
) -> dict[str, Any]:
    """The patients table: enrolment, demographics, PC-PTSD-5 screen and consents."""
    n = e.ids.size
    pc_p = np.clip(0.15 + 0.025 * (c.true0 - 10), 0.05, 0.9)
    pcptsd = (rng.random((n, N_PCPTSD_ITEMS)) < pc_p[:, None]).astype(int)
    patients: dict[str, Any] = {
        "patient_id": e.ids,
        "site": [f"S{s + 1:02d}" for s in e.site],
        "arm": np.where(e.hybrid, "ai_hybrid", "usual_care"),
        "enrolment_date": e.enrol,
        "end_date": e.enrol + (e.n_weeks * 7).astype("timedelta64[D]"),
        "age_band": np.array(AGE_BANDS)[e.age],
        "gender": np.array(GENDERS)[e.gender],
        "race_ethnicity": e.race,
        "primary_language": e.lang,
        "rurality": np.where(e.rural, "rural", "urban"),
        "insurance": e.insurance,
        "consent_training": rng.random(n) < sp.training_consent_rate,
        "consent_full_anonymity": rng.random(n) < sp.full_anonymity_rate,
    }
    for k in range(N_PCPTSD_ITEMS):
        patients[f"pcptsd5_{k + 1}"] = pcptsd[:, k]
    patients["pcptsd5_total"] = pcptsd.sum(1)
    return patients


def numeric_chunk(
    sp: SynthesizeParams, seed: int, start: int, n: int, site_p: np.ndarray
) -> tuple[Chunk, Enrolment, Course]:
    """Patients, weekly measures, wearables, engagement and crisis events for one chunk,
    with the enrolment and latent course the chunk's transcripts are written from."""
    rng = np.random.default_rng([seed, start])
    enrolment = _enrolment(rng, sp, seed, start, n, site_p)
    course = _course(rng, sp, enrolment)
    weekly = _weekly_measures(rng, enrolment, course)
    wearables = _wearables(rng, enrolment, course)
    engagement, weeks = _engagement(rng, sp, enrolment, course)
    crisis = _crisis_events(rng, sp.trajectory, start, enrolment, course, weeks)
    chunk = Chunk(
        {
            "patients": _patients(rng, sp, enrolment, course),
            "weekly_measures": weekly,
            "daily_wearables": wearables,
            "engagement": engagement,
            "crisis_events": crisis,
        }
    )
    return chunk, enrolment, course
